import { makeStyles, Spinner, Text, Toaster, tokens } from '@fluentui/react-components';
import { ShieldLockRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { useAutoLock } from './useAutoLock.js';
import { AccountScreen } from '../staff/account/AccountScreen.js';
import { AuditScreen } from '../audit/AuditScreen.js';
import { CaseScreen, type CaseTab } from '../cases/CaseScreen.js';
import type { NextStepId } from '../../../shared/work/next-step.js';
import { IntakeScreen } from '../cases/IntakeScreen.js';
import { QueueScreen, type QueueMemory } from '../cases/queue/QueueScreen.js';
import { StartScreen } from '../work/StartScreen.js';
import { MyWorkScreen } from '../work/MyWorkScreen.js';
import { NotificationBell } from '../work/NotificationBell.js';
import { contract } from '../../../shared/api/contract.js';
import { isAllowed } from '../../../shared/staff/permissions.js';
import { Navigation } from './Navigation.js';
import { defaultScreen, screensFor, type ScreenId } from '../ui/screens.js';
import { StatusBar } from './StatusBar.js';
import { SyncStatusProvider } from '../sync/syncStatus.js';
import { SHORTCUTS, useShortcut } from '../ui/shortcuts.js';
import { TOASTER_ID } from '../work/useAnnouncements.js';

// Beheer and Ondertekenen load when first opened: only admins and signers use them.
const AdminScreen = lazy(() => import('../settings/AdminScreen.js').then((m) => ({ default: m.AdminScreen })));
const ReportsScreen = lazy(() => import('../reports/ReportsScreen.js').then((m) => ({ default: m.ReportsScreen })));
const RetentionScreen = lazy(() => import('../retention/RetentionScreen.js').then((m) => ({ default: m.RetentionScreen })));
const SigningScreen = lazy(() => import('../signing/SigningScreen.js').then((m) => ({ default: m.SigningScreen })));

const useStyles = makeStyles({
  shell: {
    height: '100%',
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    gridTemplateRows: 'auto minmax(0, 1fr) auto',
    gridTemplateAreas: '"header header" "nav main" "footer footer"',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    gridArea: 'header',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    height: '40px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  appName: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForegroundOnBrand },
  organisation: {
    color: tokens.colorNeutralForegroundOnBrand,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralForegroundOnBrand}`,
  },
  spacer: { flexGrow: 1 },
  nav: { gridArea: 'nav', minHeight: 0, display: 'flex' },
  main: { gridArea: 'main', overflowY: 'auto', minHeight: 0, backgroundColor: tokens.colorNeutralBackground2 },
  footer: { gridArea: 'footer' },
});

/** The signed-in app: title bar, menu, the chosen screen and the status bar (which shows the sync state). */
export function AppShell() {
  return (
    <SyncStatusProvider>
      <Shell />
    </SyncStatusProvider>
  );
}

function Shell() {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const allowed = screensFor(staff.roles);
  const home = defaultScreen(allowed);
  // A case opens inside the work queue: the menu keeps Werkvoorraad marked, "back" returns to it.
  // `tab`, `step` and `letterId`: where a task from "Mijn werk" leads, one click instead of three.
  const [view, setView] = useState<{
    screen: ScreenId;
    caseId: string | null;
    tab?: CaseTab | undefined;
    step?: NextStepId | undefined;
    letterId?: string | undefined;
  }>({ screen: home, caseId: null });
  // When the functions change (an admin edits their own), a screen no longer allowed closes.
  const current = allowed.some((s) => s.id === view.screen) ? view.screen : home;
  // What the work queue keeps while a case is open (in memory only: the search text may be a name).
  const queueMemory = useRef<QueueMemory>({ search: '', activeId: null });
  const choose = useCallback((screen: ScreenId) => setView({ screen, caseId: null }), []);
  const openCase = useCallback((caseId: string, tab?: CaseTab, step?: NextStepId) => setView({ screen: 'queue', caseId, tab, step }), []);
  const openLetterToSign = useCallback((letterId: string) => setView({ screen: 'signing', caseId: null, letterId }), []);
  const backToQueue = useCallback(() => setView({ screen: 'queue', caseId: null }), []);

  // The signer's letters waiting, as a count on Ondertekenen: read again on every move through the app.
  const isSigner = staff.roles.includes('signer');
  const [waiting, setWaiting] = useState<number | null>(null);
  useEffect(() => {
    if (!isSigner) return;
    let live = true;
    void api.call('work.mine', {}).then((result) => {
      if (live && result.ok) setWaiting(result.value.signer?.letters.filter((l) => l.maySign).length ?? 0);
    });
    return () => {
      live = false;
    };
  }, [api, isSigner, view]);

  const mayRegister = allowed.some((s) => s.id === 'intake');
  useShortcut(SHORTCUTS.newRequest, mayRegister ? () => choose('intake') : null);

  // After the auto-lock minutes without input (or on an OS lock in the desktop app) only the lock dialog shows.
  useAutoLock(api);

  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <ShieldLockRegular fontSize={20} aria-hidden />
        <Text className={styles.appName}>{t('app.name')}</Text>
        <Text className={styles.organisation} size={200}>
          {t('app.organisation')}
        </Text>
        <div className={styles.spacer} />
        {isAllowed(staff.roles, contract['notifications.mine'].action) ? (
          <NotificationBell staffId={staff.id} refreshKey={view} onOpen={(n) => (n.kind === 'ter_ondertekening' ? choose('signing') : openCase(n.caseId))} />
        ) : null}
      </header>
      <div className={styles.nav}>
        <Navigation screens={allowed} current={current} onSelect={choose} counts={waiting ? { signing: waiting } : {}} />
      </div>
      <main className={styles.main}>
        {current === 'start' ? <StartScreen screens={allowed} /> : null}
        {current === 'work' ? <MyWorkScreen onOpenCase={openCase} onOpenScreen={choose} onOpenLetter={openLetterToSign} /> : null}
        {current === 'queue' && view.caseId === null ? <QueueScreen memory={queueMemory.current} onOpenCase={openCase} /> : null}
        {current === 'queue' && view.caseId !== null ? (
          <CaseScreen key={view.caseId} caseId={view.caseId} initialTab={view.tab} initialStep={view.step} onBack={backToQueue} />
        ) : null}
        {current === 'intake' ? <IntakeScreen onOpenCase={openCase} /> : null}
        {current === 'signing' ? (
          <Suspense fallback={<Spinner size="small" label={t('letters.screenLoading')} />}>
            <SigningScreen initialLetterId={view.letterId ?? null} />
          </Suspense>
        ) : null}
        {current === 'reports' ? (
          <Suspense fallback={<Spinner size="small" label={t('letters.screenLoading')} />}>
            <ReportsScreen />
          </Suspense>
        ) : null}
        {current === 'audit' ? <AuditScreen /> : null}
        {current === 'retention' ? (
          <Suspense fallback={<Spinner size="small" label={t('letters.screenLoading')} />}>
            <RetentionScreen />
          </Suspense>
        ) : null}
        {current === 'admin' ? (
          <Suspense fallback={<Spinner size="small" label={t('letters.screenLoading')} />}>
            <AdminScreen />
          </Suspense>
        ) : null}
        {current === 'account' ? <AccountScreen /> : null}
      </main>
      <Toaster toasterId={TOASTER_ID} position="top-end" offset={{ vertical: 56 }} pauseOnHover pauseOnWindowBlur />
      <footer className={styles.footer}>
        <StatusBar />
      </footer>
    </div>
  );
}
