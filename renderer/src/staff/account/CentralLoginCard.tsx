import { Button, Field, Input, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, CheckmarkCircleRegular, InfoRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.js';
import { fieldErrors, fieldState } from '../../ui/fieldErrors.js';
import { useFormStyles } from '../../ui/formStyles.js';
import { ErrorBar, NoticeBar, type Notice } from '../../ui/Notice.js';
import { PasswordField } from '../../ui/PasswordField.js';
import { useSubmission } from '../../ui/useSubmission.js';
import { useSyncStatus } from '../../sync/syncStatus.js';

const FIELDS = ['loginRole', 'password'] as const;

const useStyles = makeStyles({
  state: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, margin: 0 },
  stored: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  icon: { flexShrink: 0 },
});

/**
 * Mijn account → Centrale database: the staff member's own login for the corporation's central
 * database, kept encrypted in the local store. Whether one is stored is shown; the password never
 * comes back. With a login stored, "Nu synchroniseren" is possible here and in the status bar.
 */
export function CentralLoginCard({ className }: { className: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const form = useFormStyles();
  const styles = useStyles();
  const sync = useSyncStatus();
  const [loginRole, setLoginRole] = useState('');
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, error, setError, submit } = useSubmission();
  const status = sync.status;
  const running = sync.runningHere || status?.running === true;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setNotice(null);
    const result = await submit(() => api.call('sync.setCredentials', { loginRole: loginRole.trim(), password }));
    if (result.ok) {
      setLoginRole('');
      setPassword('');
      setNotice({ intent: 'success', text: t('sync.account.saved') });
      sync.refresh();
    }
  }

  async function runNow() {
    setNotice(null);
    const outcome = await sync.run();
    setNotice(
      outcome.ok
        ? { intent: 'success', text: t('sync.result', { pushed: outcome.value.pushed, pulled: outcome.value.pulled }) }
        : { intent: 'error', error: outcome.error, title: t('sync.failed') },
    );
  }

  const { byField, rest } = fieldErrors(error, FIELDS);

  return (
    <div className={className}>
      <Text as="p" className={form.text}>
        {t('sync.account.intro')}
      </Text>
      {status && !status.configured ? (
        <Text as="p" className={mergeClasses(form.text, styles.state)}>
          <InfoRegular fontSize={20} className={styles.icon} aria-hidden />
          {t('sync.account.notConfigured')}
        </Text>
      ) : null}
      {status ? (
        <Text as="p" weight="semibold" className={styles.state}>
          {status.loginRole !== null ? <CheckmarkCircleRegular fontSize={20} className={styles.stored} aria-hidden /> : null}
          {status.loginRole !== null ? t('sync.account.stored', { loginRole: status.loginRole }) : t('sync.account.notStored')}
        </Text>
      ) : null}
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {rest ? <ErrorBar error={rest} /> : null}
      <form className={form.form} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('sync.account.loginRole')} hint={t('sync.account.loginRoleHint')} required {...fieldState(byField.loginRole)}>
          <Input
            value={loginRole}
            spellCheck={false}
            autoComplete="off"
            onChange={(_, d) => {
              setLoginRole(d.value);
              if (byField.loginRole) setError(null);
            }}
          />
        </Field>
        <PasswordField
          label={t('sync.account.password')}
          value={password}
          onChange={(value) => {
            setPassword(value);
            if (byField.password) setError(null);
          }}
          hint={status?.hasCredentials ? t('sync.account.replaceHint') : undefined}
          validationMessage={byField.password}
          autoComplete="new-password"
        />
        <div className={form.actions}>
          <Button appearance="primary" type="submit" disabledFocusable={busy}>
            {t('sync.account.save')}
          </Button>
          {busy ? <Spinner size="tiny" /> : null}
          {status?.configured && status.hasCredentials ? (
            <Button
              appearance="secondary"
              disabledFocusable={running}
              onClick={() => void runNow()}
              icon={running ? <Spinner size="extra-tiny" /> : <ArrowSyncRegular />}
            >
              {t('sync.runNow')}
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
