import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { useApi } from '../api/context.js';
import { ErrorBar, type Notice } from '../ui/Notice.js';
import { LoginScreen } from './LoginScreen.js';
import { LockScreen } from './LockScreen.js';
import { SetupScreen } from './setup/SetupScreen.js';
import { AppShell } from './AppShell.js';
import { SessionProvider, type SignedIn } from '../api/session.js';

type Phase =
  | { kind: 'starting' }
  | { kind: 'unavailable'; error: ApiError }
  | { kind: 'setup' }
  | { kind: 'login'; notice: Notice | null }
  /** `locked`: only the lock dialog shows; the shell stays mounted (hidden), so nothing typed is lost. */
  | { kind: 'signedIn'; staff: Staff; locked: boolean };

const useStyles = makeStyles({
  centered: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    boxSizing: 'border-box',
  },
  unavailable: { maxWidth: '560px', width: '100%' },
  shellHost: { height: '100%' },
});

/**
 * Which part of the app is showing: first-run setup, sign-in, or the shell. A session kept in
 * sessionStorage survives a reload; when the backend ends it, the user returns to sign-in with
 * the backend's reason.
 */
export function App() {
  const api = useApi();
  const { t } = useTranslation();
  const styles = useStyles();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  const start = useCallback(async () => {
    setPhase({ kind: 'starting' });
    if (api.hasSession) {
      const me = await api.call('session.me', {});
      if (me.ok) {
        setPhase({ kind: 'signedIn', staff: me.value, locked: false });
        return;
      }
      // An ended session has been reported through onSessionEnded already.
      if (me.error.code === 'UNAUTHENTICATED' || me.error.code === 'SESSION_EXPIRED' || me.error.code === 'SESSION_LOCKED') return;
    }
    const status = await api.call('setup.status', {});
    if (!status.ok) setPhase({ kind: 'unavailable', error: status.error });
    else setPhase(status.value.initialized ? { kind: 'login', notice: null } : { kind: 'setup' });
  }, [api]);

  useEffect(() => {
    void start();
  }, [start]);

  // A locked or idle-ended session shows the lock dialog over the (hidden) shell; otherwise sign-in.
  useEffect(
    () =>
      api.onSessionEnded((error) =>
        setPhase((prev) =>
          prev.kind === 'signedIn' && (error.code === 'SESSION_LOCKED' || error.code === 'SESSION_EXPIRED')
            ? { ...prev, locked: true }
            : { kind: 'login', notice: { intent: 'warning', text: error.message } },
        ),
      ),
    [api],
  );

  const signedIn = useMemo<SignedIn | null>(() => {
    if (phase.kind !== 'signedIn') return null;
    return {
      staff: phase.staff,
      refresh: async () => {
        const me = await api.call('session.me', {});
        if (me.ok) setPhase({ kind: 'signedIn', staff: me.value, locked: false });
      },
      lock: () => api.lock(),
      signOut: async () => {
        await api.signOut();
        setPhase({ kind: 'login', notice: { intent: 'success', text: t('login.signedOut') } });
      },
    };
  }, [api, phase, t]);

  const onSignedIn = useCallback((staff: Staff) => setPhase({ kind: 'signedIn', staff, locked: false }), []);
  const onOtherUser = useCallback(() => setPhase({ kind: 'login', notice: null }), []);

  switch (phase.kind) {
    case 'starting':
      return (
        <main className={styles.centered}>
          <Spinner label={t('app.loading')} />
        </main>
      );
    case 'unavailable':
      return (
        <main className={styles.centered}>
          <h1 style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>{t('app.name')}</h1>
          <div className={styles.unavailable}>
            <ErrorBar error={phase.error} />
          </div>
          <Button appearance="primary" onClick={() => void start()}>
            {t('app.retry')}
          </Button>
        </main>
      );
    case 'setup':
      return <SetupScreen onSignedIn={onSignedIn} />;
    case 'login':
      return <LoginScreen notice={phase.notice} onSignedIn={onSignedIn} />;
    case 'signedIn':
      return signedIn ? (
        <SessionProvider value={signedIn}>
          {phase.locked ? <LockScreen staff={phase.staff} onUnlocked={onSignedIn} onOtherUser={onOtherUser} /> : null}
          <div className={styles.shellHost} hidden={phase.locked} inert={phase.locked}>
            <AppShell />
          </div>
        </SessionProvider>
      ) : null;
  }
}
