import { Badge, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { ArrowSwapRegular, CalendarAddRegular, CheckmarkRegular, PersonArrowRightRegular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import {
  CHANNEL_LABELS,
  dutchToday,
  formalRequirementOf,
  isAwaitingDecision,
  isClosed,
  RELATION_LABELS,
  REPRESENTATIVE_LABELS,
  REQUEST_TYPE_LABELS,
  TASK_LABELS,
} from '../../../shared/cases/cases.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DetailList } from '../ui/DetailList.js';
import { RetentionCard } from '../retention/RetentionCard.js';
import { DueDate } from '../ui/DueDate.js';
import { NoticeBar, type Notice } from '../ui/Notice.js';
import { formatDateTime, formatDay } from '../ui/format.js';
import { isAssignedHandler, mayExtend, mayReassign } from './access.js';
import { AssignDialog, ExtendDialog, TransitionDialog, type CaseDialogKind } from './CaseDialogs.js';
import { HandoverCard } from '../handover/HandoverCard.js';
import { ChangeVerificationCard } from '../signing/gates/ChangeVerificationCard.js';
import { ReadinessCard, type GateTab } from '../signing/gates/ReadinessCard.js';
import { NextStepCard } from '../work/NextStepCard.js';
import type { NextStepTab } from '../../../shared/work/next-step.js';
import { RepresentativeDialog } from '../signing/gates/RepresentativeDialog.js';
import { mutedText, plainList, sectionHeading } from '../ui/styles.js';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(380px, 1fr))',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  heading: sectionHeading,
  muted: mutedText,
  tasks: plainList,
  task: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    justifyContent: 'space-between',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // The button keeps its whole label ("Afronden"); the task's text wraps instead.
    '& > button': { flexShrink: 0 },
    ':last-child': { borderBottom: 'none', paddingBottom: 0 },
  },
  taskText: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

/** A titled card of the overview (h2, under the case's h1). */
function Card({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const card = useCardStyles();
  const id = `overview-${title.replace(/\s+/gu, '-').toLowerCase()}`;
  return (
    <section className={card.card} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * Overzicht: requester, representative, the request, the deadline with its basis, extension and
 * suspension, the tasks, and what this staff member may do: change the status, extend, assign.
 */
export function OverviewTab({
  detail,
  onChanged,
  onReload,
  onOpenTab,
}: {
  detail: CaseDetail;
  onChanged: (detail: CaseDetail) => void;
  onReload: () => Promise<void>;
  onOpenTab: (tab: GateTab | NextStepTab) => void;
}) {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyTask, setBusyTask] = useState<string | null>(null);
  const [dialog, setDialog] = useState<{ which: CaseDialogKind | 'representative'; open: boolean; shown: number } | null>(null);
  const choose = (which: CaseDialogKind | 'representative') => setDialog((previous) => ({ which, open: true, shown: (previous?.shown ?? 0) + 1 }));
  const onClose = () => setDialog((previous) => (previous ? { ...previous, open: false } : null));
  const onDone = (message: string, updated?: CaseDetail) => {
    onClose();
    setNotice({ intent: 'success', text: message });
    if (updated) onChanged(updated);
    else void onReload();
  };

  // The dialogs open from these buttons without a DialogTrigger: focus returns to the button after.
  const restoreFocus = useRestoreFocusTarget();
  const assigned = isAssignedHandler(staff, detail.handlerId);
  const today = dutchToday(new Date());
  const canTransition = assigned && detail.allowedTransitions.length > 0;
  const canExtend =
    mayExtend(staff, detail.handlerId) &&
    detail.type !== 'klacht' &&
    isAwaitingDecision(detail.status) &&
    detail.extensionMonths < 2 &&
    today <= detail.originalDueOn;
  const canAssign = mayReassign(staff) && !isClosed(detail.status);

  async function completeTask(taskId: string) {
    setBusyTask(taskId);
    setNotice(null);
    const result = await api.call('case.completeTask', { id: detail.id, taskId });
    setBusyTask(null);
    if (result.ok) {
      setNotice({ intent: 'success', text: t('case.tasks.completed') });
      void onReload();
    } else setNotice({ intent: 'error', error: result.error });
  }

  const r = detail.requester;
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));

  return (
    <>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      <NextStepCard detail={detail} onOpenTab={onOpenTab} />
      <div className={styles.columns}>
        <div className={styles.column}>
          <Card title={t('case.requester.title')}>
            <DetailList
              items={[
                { term: t('case.requester.name'), value: r.name },
                {
                  term: t('case.requester.birthDate'),
                  value: r.birthDate
                    ? `${formatDay(r.birthDate)}${r.ageOnReceipt !== null ? ` (${t('case.requester.age', { age: r.ageOnReceipt })})` : ''}`
                    : null,
                },
                { term: t('case.requester.relation'), value: RELATION_LABELS[r.relation] },
                { term: t('case.requester.customerNumber'), value: r.customerNumber },
                { term: t('case.requester.address'), value: r.address },
                { term: t('case.requester.email'), value: r.email },
                { term: t('case.requester.phone'), value: r.phone },
                { term: t('case.requester.legallyIncapacitated'), value: r.legallyIncapacitated ? t('common.yes') : null },
              ]}
            />
          </Card>
          <Card title={t('case.representative.title')}>
            {detail.representationRequired && !detail.representative ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('case.representative.requiredTitle')}</MessageBarTitle>
                  {t('case.representative.required')}
                </MessageBarBody>
              </MessageBar>
            ) : null}
            {detail.representative ? (
              <DetailList
                items={[
                  { term: t('case.representative.name'), value: detail.representative.name },
                  { term: t('case.representative.kind'), value: REPRESENTATIVE_LABELS[detail.representative.kind] },
                  { term: t('case.representative.basis'), value: detail.representative.basis },
                ]}
              />
            ) : !detail.representationRequired ? (
              <p className={styles.muted}>{t('case.representative.none')}</p>
            ) : null}
            {assigned && isAwaitingDecision(detail.status) && detail.status !== 'ter_ondertekening' ? (
              <div>
                <Button {...restoreFocus} onClick={() => choose('representative')}>
                  {detail.representative ? t('gates.representative.change') : t('gates.representative.record')}
                </Button>
              </div>
            ) : null}
          </Card>
          <Card title={t('case.request.title')}>
            <DetailList
              items={[
                { term: t('case.request.type'), value: REQUEST_TYPE_LABELS[detail.type] },
                {
                  term: t('case.request.correctionKinds'),
                  value: detail.correctionKinds.length > 0 ? detail.correctionKinds.map((k) => t(`correctionKinds.${k}`)).join(', ') : null,
                },
                { term: t('case.request.channel'), value: CHANNEL_LABELS[detail.channel] },
                { term: t('case.request.received'), value: formatDay(detail.receivedOn) },
                {
                  term:
                    formalRequirementOf(detail.type) === 'schriftelijk_gemotiveerd' ? t('case.request.writtenAndReasoned') : t('case.request.writtenAndSigned'),
                  value: formalRequirementOf(detail.type) ? yesNo(detail.writtenAndSigned) : null,
                },
                { term: t('case.request.handler'), value: detail.handlerName ?? t('case.noHandler') },
                { term: t('case.request.created'), value: formatDateTime(detail.createdAt) },
                { term: t('case.request.text'), value: detail.requestText },
              ]}
            />
          </Card>
        </div>
        <div className={styles.column}>
          <ReadinessCard detail={detail} onOpenTab={onOpenTab} />
          <ChangeVerificationCard detail={detail} mayWork={assigned} onReload={onReload} />
          <Card title={t('case.deadline.title')}>
            <DetailList
              items={[
                {
                  term: t('case.deadline.due'),
                  value: (
                    <DueDate dueOn={detail.dueOn} workingDaysLeft={detail.workingDaysLeft} urgency={detail.urgency} stopped={detail.suspendedSince !== null} />
                  ),
                },
                { term: t('case.deadline.basis'), value: t(`case.deadline.basisLabels.${detail.dueBasis}`) },
                { term: t('case.deadline.original'), value: detail.originalDueOn !== detail.dueOn ? formatDay(detail.originalDueOn) : null },
                {
                  term: t('case.deadline.extension'),
                  value:
                    detail.extensionMonths > 0
                      ? t('case.deadline.extended', { count: detail.extensionMonths, date: detail.extendedOn ? formatDay(detail.extendedOn) : '' })
                      : null,
                },
                { term: t('case.deadline.extensionReason'), value: detail.extensionReason },
                {
                  term: t('case.deadline.suspension'),
                  value:
                    detail.suspendedSince !== null
                      ? t('case.deadline.suspendedSince', { date: formatDay(detail.suspendedSince) })
                      : detail.suspendedDays > 0
                        ? t('case.deadline.suspendedDays', { count: detail.suspendedDays })
                        : null,
                },
              ]}
            />
            {!isAwaitingDecision(detail.status) ? <p className={styles.muted}>{t('case.deadline.closed')}</p> : null}
          </Card>
          <Card title={t('case.tasks.title')}>
            {detail.tasks.length === 0 ? (
              <p className={styles.muted}>{t('case.tasks.empty')}</p>
            ) : (
              <ul className={styles.tasks}>
                {detail.tasks.map((task) => (
                  <li key={task.id} className={styles.task}>
                    <span className={styles.taskText}>
                      <Text>{TASK_LABELS[task.kind]}</Text>
                      <span>
                        <Badge appearance="tint" shape="rounded" color={task.status === 'done' ? 'success' : 'warning'}>
                          {task.status === 'done' ? t('case.tasks.done') : t('case.tasks.open')}
                        </Badge>
                        {task.dueOn ? <Text size={200}> {t('case.tasks.dueBy', { date: formatDay(task.dueOn) })}</Text> : null}
                      </span>
                    </span>
                    {task.status === 'open' && assigned ? (
                      <Button
                        size="small"
                        icon={<CheckmarkRegular />}
                        disabledFocusable={busyTask === task.id}
                        aria-label={t('case.tasks.completeFor', { task: TASK_LABELS[task.kind] })}
                        onClick={() => void completeTask(task.id)}
                      >
                        {t('case.tasks.complete')}
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('case.actions.title')}>
            {canTransition || canExtend || canAssign ? (
              <div className={styles.actions}>
                {canTransition ? (
                  <Button icon={<ArrowSwapRegular />} {...restoreFocus} onClick={() => choose('transition')}>
                    {t('case.actions.transition')}
                  </Button>
                ) : null}
                {canExtend ? (
                  <Button icon={<CalendarAddRegular />} {...restoreFocus} onClick={() => choose('extend')}>
                    {t('case.actions.extend')}
                  </Button>
                ) : null}
                {canAssign ? (
                  <Button icon={<PersonArrowRightRegular />} {...restoreFocus} onClick={() => choose('assign')}>
                    {t('case.actions.assign')}
                  </Button>
                ) : null}
              </div>
            ) : (
              <p className={styles.muted}>{t('case.actions.readOnly')}</p>
            )}
          </Card>
          <RetentionCard caseId={detail.id} />
          <HandoverCard detail={detail} />
        </div>
      </div>
      {dialog?.which === 'representative' ? (
        <RepresentativeDialog key={dialog.shown} detail={detail} open={dialog.open} onClose={onClose} onDone={onDone} />
      ) : dialog ? (
        <ChosenDialog key={dialog.shown} which={dialog.which} open={dialog.open} detail={detail} onClose={onClose} onDone={onDone} />
      ) : null}
    </>
  );
}

function ChosenDialog({
  which,
  ...props
}: {
  which: CaseDialogKind;
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
  onDone: (message: string, updated?: CaseDetail) => void;
}) {
  switch (which) {
    case 'transition':
      return <TransitionDialog {...props} />;
    case 'extend':
      return <ExtendDialog {...props} />;
    case 'assign':
      return <AssignDialog {...props} />;
  }
}
