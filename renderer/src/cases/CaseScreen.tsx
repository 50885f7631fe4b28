import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, PersonRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { ApiError } from '../../../shared/api/result.js';
import { REQUEST_TYPE_LABELS } from '../../../shared/cases/cases.js';
import { useApi } from '../api/context.js';
import { DueDate } from '../ui/DueDate.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { Page } from '../ui/Page.js';
import { StatusBadge } from '../ui/StatusBadge.js';
import { Tabs } from '../ui/Tabs.js';
import { formatDay } from '../ui/format.js';
import type { DocumentFocus } from '../dossier/DossierTab.js';
import type { NextStepId } from '../../../shared/work/next-step.js';
import { IdentityTab } from '../identity/IdentityTab.js';
import { OverviewTab } from './OverviewTab.js';
import { TimelineTab } from './TimelineTab.js';

// The dossier, third-party and redaction tabs (with pdf.js behind them) load when first opened.
const DossierTab = lazy(() => import('../dossier/DossierTab.js').then((m) => ({ default: m.DossierTab })));
const ThirdPartiesTab = lazy(() => import('../dossier/thirdParties/ThirdPartiesTab.js').then((m) => ({ default: m.ThirdPartiesTab })));
const RedactionTab = lazy(() => import('../redaction/RedactionTab.js').then((m) => ({ default: m.RedactionTab })));
const LettersTab = lazy(() => import('../letters/LettersTab.js').then((m) => ({ default: m.LettersTab })));

export type CaseTab = 'overview' | 'identity' | 'dossier' | 'thirdParties' | 'redaction' | 'letters' | 'timeline';
const TABS: readonly CaseTab[] = ['overview', 'identity', 'dossier', 'thirdParties', 'redaction', 'letters', 'timeline'];

const useStyles = makeStyles({
  back: { alignSelf: 'flex-start', marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  facts: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  fact: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  factLabel: { color: tokens.colorNeutralForeground2 },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
});

/**
 * One case, opened from the work queue: its reference, type, status and due date on top, and the
 * tabs Overzicht, Identiteit, Dossier, Derden, Lakken and Tijdlijn. Reading it is audited (the
 * Tijdlijn shows that too).
 */
export function CaseScreen({
  caseId,
  initialTab,
  initialStep,
  onBack,
}: {
  caseId: string;
  initialTab?: CaseTab | undefined;
  /** The task the case was opened for: "verzenden" opens the send confirmation of the signed letter. */
  initialStep?: NextStepId | undefined;
  onBack: () => void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tab, setTab] = useState<CaseTab>(initialTab ?? 'overview');

  const load = useCallback(async () => {
    const result = await api.call('case.get', { id: caseId });
    if (result.ok) {
      setDetail(result.value);
      setError(null);
    } else setError(result.error);
  }, [api, caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!detail) {
    return (
      <Page title={t('case.title')}>
        <BackButton onBack={onBack} />
        {error ? <ErrorBar error={error} /> : <Spinner size="small" label={t('case.loading')} />}
      </Page>
    );
  }
  return <CaseView detail={detail} error={error} tab={tab} onTab={setTab} onBack={onBack} onChanged={setDetail} onReload={load} step={initialStep} />;
}

function BackButton({ onBack }: { onBack: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <Button appearance="subtle" icon={<ArrowLeftRegular />} className={styles.back} onClick={onBack}>
      {t('case.back')}
    </Button>
  );
}

interface CaseViewProps {
  detail: CaseDetail;
  error: ApiError | null;
  tab: CaseTab;
  onTab: (tab: CaseTab) => void;
  onBack: () => void;
  onChanged: (detail: CaseDetail) => void;
  onReload: () => Promise<void>;
  step: NextStepId | undefined;
}

function CaseView({ detail, error, tab, onTab, onBack, onChanged, onReload, step: openedFor }: CaseViewProps) {
  const api = useApi();
  const styles = useStyles();
  const { t } = useTranslation();
  // A finished step leads on to the tab of the case's next one, as the Overzicht's next-step card
  // would; the bar says what was done and where the case now stands. False: the step is still here.
  const [moved, setMoved] = useState<Notice | null>(null);
  const moveOn = useCallback(
    async (done: string): Promise<boolean> => {
      const result = await api.call('case.readiness', { caseId: detail.id });
      const step = result.ok ? result.value.nextStep : null;
      if (!step || step.tab === tab || step.tab === 'overview') return false;
      setMoved({ intent: 'success', text: t('case.movedOn', { done, step: step.label }) });
      onTab(step.tab);
      return true;
    },
    [api, detail.id, tab, onTab, t],
  );
  // Once: after the send confirmation opened (or another tab was chosen) the case is worked on as usual.
  const [sending, setSending] = useState(openedFor === 'verzenden');
  const sendingShown = useCallback(() => setSending(false), []);
  const choose = (next: CaseTab) => {
    setMoved(null);
    setSending(false);
    onTab(next);
  };
  const stopped = detail.suspendedSince !== null;
  // A document opened from another tab: in the viewer (Dossier) or for redaction (Lakken).
  const [viewing, setViewing] = useState<DocumentFocus | null>(null);
  const [redacting, setRedacting] = useState<string | null>(null);
  const openInViewer = useCallback(
    (focus: DocumentFocus) => {
      setViewing(focus);
      onTab('dossier');
    },
    [onTab],
  );
  const openForRedaction = useCallback(
    (documentId: string) => {
      setRedacting(documentId);
      onTab('redaction');
    },
    [onTab],
  );
  return (
    <Page title={detail.reference} intro={REQUEST_TYPE_LABELS[detail.type]}>
      <BackButton onBack={onBack} />
      <ul className={styles.facts} aria-label={t('case.headerLabel')}>
        <li className={styles.fact}>
          <StatusBadge status={detail.status} />
        </li>
        <li className={styles.fact}>
          <span className={styles.factLabel}>{t('case.deadline.due')}:</span>
          <DueDate dueOn={detail.dueOn} workingDaysLeft={detail.workingDaysLeft} urgency={detail.urgency} stopped={stopped} />
        </li>
        <li className={styles.fact}>
          <Text className={styles.factLabel}>{t('case.received', { date: formatDay(detail.receivedOn) })}</Text>
        </li>
        <li className={styles.fact}>
          <PersonRegular aria-hidden />
          <Text>{detail.handlerName ? t('case.handler', { name: detail.handlerName }) : t('case.noHandler')}</Text>
        </li>
      </ul>
      {error ? <ErrorBar error={error} /> : null}
      <NoticeBar notice={moved} onDismiss={() => setMoved(null)} />
      <Tabs label={t('case.tabs.label')} idPrefix="case" items={TABS.map((id) => ({ id, label: t(`case.tabs.${id}`) }))} selected={tab} onSelect={choose} />
      <div role="tabpanel" id={`case-panel-${tab}`} aria-labelledby={`case-tab-${tab}`} className={styles.panel} tabIndex={-1}>
        {tab === 'overview' ? <OverviewTab detail={detail} onChanged={onChanged} onReload={onReload} onOpenTab={onTab} /> : null}
        {tab === 'identity' ? <IdentityTab detail={detail} onReload={onReload} onMoveOn={moveOn} /> : null}
        <Suspense fallback={<Spinner size="small" label={t('case.loadingTab')} />}>
          {tab === 'dossier' ? (
            <DossierTab key={`${viewing?.documentId ?? ''}-${viewing?.version ?? ''}`} detail={detail} focus={viewing} onRedact={openForRedaction} />
          ) : null}
          {tab === 'thirdParties' ? <ThirdPartiesTab detail={detail} onReload={onReload} /> : null}
          {tab === 'redaction' ? (
            <RedactionTab detail={detail} documentId={redacting} onDocument={setRedacting} onOpenInViewer={openInViewer} onReload={onReload} />
          ) : null}
        </Suspense>
        {tab === 'letters' ? (
          <Suspense fallback={<Spinner size="small" label={t('letters.loading')} />}>
            <LettersTab detail={detail} onReload={onReload} sendSigned={sending} onSendShown={sendingShown} />
          </Suspense>
        ) : null}
        {tab === 'timeline' ? <TimelineTab caseId={detail.id} /> : null}
      </div>
    </Page>
  );
}
