import { Badge, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../shared/cases/case-schemas.js';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { AUTHORITY_LABELS, DOCUMENT_TYPE_LABELS, ID_METHOD_LABELS, ID_OUTCOME_LABELS, type IdSubject } from '../../../shared/identity/identity-types.js';
import { useApi } from '../api/context.js';
import { useSession } from '../api/session.js';
import { useCardStyles } from '../ui/cardStyles.js';
import { DetailList } from '../ui/DetailList.js';
import { useHandlers } from '../ui/hooks.js';
import { ErrorBar, NoticeBar, type Notice } from '../ui/Notice.js';
import { useLoaded } from '../ui/useLoaded.js';
import { formatDateTime, formatDay } from '../ui/format.js';
import { isAssignedHandler } from '../cases/access.js';
import { IdentityForm } from './IdentityForm.js';
import { headingRow, mutedText, sectionHeading } from '../ui/styles.js';
import { TitledBar } from '../ui/TitledBar.js';

export type IdentityView = ProcedureOutput<'identity.get'>;
export type IdentityRecord = IdentityView['checks'][number];

const useStyles = makeStyles({
  heading: sectionHeading,
  headingRow: headingRow,
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  record: {
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  muted: mutedText,
  history: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  panels: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '960px' },
});

const verifiedOf = (view: IdentityView, subject: IdSubject) => (subject === 'verzoeker' ? view.requesterVerified : view.representativeVerified);
const stay = () => Promise.resolve(false);

const OUTCOME_COLORS = { geverifieerd: 'success', afgewezen: 'danger', meer_informatie: 'warning' } as const;

/**
 * Identiteit: per subject (the requester, and the representative when there is one) the current
 * status, what was recorded, and for the assigned handler the form to establish it.
 */
export function IdentityTab({
  detail,
  onReload,
  onMoveOn,
}: {
  detail: CaseDetail;
  onReload: () => Promise<void>;
  /** After an outcome is recorded: on to the case's next step if it is elsewhere (then true). */
  onMoveOn: (done: string) => Promise<boolean>;
}) {
  const api = useApi();
  const { staff } = useSession();
  const { t } = useTranslation();
  const styles = useStyles();
  const { value: view, error, reload: load } = useLoaded(useCallback(() => api.call('identity.get', { caseId: detail.id }), [api, detail.id]));
  const handlers = useHandlers();
  const names = useMemo(() => new Map(handlers.map((h) => [h.id, h.fullName])), [handlers]);
  const canWork = isAssignedHandler(staff, detail.handlerId);

  // A recorded outcome can move the case on (status, tasks): the header and overview reload too.
  const onChanged = useCallback(async () => {
    await load();
    await onReload();
  }, [load, onReload]);

  if (!view) return error ? <ErrorBar error={error} /> : <Spinner size="tiny" label={t('identity.loading')} />;

  const representativeFirst = view.representationRequired && view.hasRepresentative;
  const subjects: IdSubject[] = view.hasRepresentative
    ? representativeFirst
      ? ['vertegenwoordiger', 'verzoeker']
      : ['verzoeker', 'vertegenwoordiger']
    : ['verzoeker'];

  return (
    <div className={styles.panels}>
      {error ? <ErrorBar error={error} /> : null}
      {view.representationRequired && !view.hasRepresentative ? (
        <TitledBar intent="warning" title={t('case.representative.requiredTitle')}>
          {t('identity.representativeMissing')}
        </TitledBar>
      ) : null}
      {representativeFirst && !view.representativeVerified ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('identity.representativeFirst')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!canWork ? (
        <Text as="p" block className={styles.muted}>
          {t('identity.readOnly')}
        </Text>
      ) : null}
      {subjects.map((subject) => (
        <SubjectPanel
          key={subject}
          caseId={detail.id}
          subject={subject}
          name={subject === 'verzoeker' ? detail.requester.name : (detail.representative?.name ?? '')}
          view={view}
          canWork={canWork}
          names={names}
          onChanged={onChanged}
          // With another subject still to establish, the work stays on this tab.
          onMoveOn={subjects.some((other) => other !== subject && !verifiedOf(view, other)) ? stay : onMoveOn}
        />
      ))}
    </div>
  );
}

interface SubjectPanelProps {
  caseId: string;
  subject: IdSubject;
  name: string;
  view: IdentityView;
  canWork: boolean;
  names: ReadonlyMap<string, string>;
  onChanged: () => Promise<void>;
  onMoveOn: (done: string) => Promise<boolean>;
}

function SubjectPanel({ caseId, subject, name, view, canWork, names, onChanged, onMoveOn }: SubjectPanelProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const card = useCardStyles();
  const [notice, setNotice] = useState<Notice | null>(null);
  const records = view.checks.filter((c) => c.subject === subject);
  const last = records.at(-1);
  const verified = verifiedOf(view, subject);
  const copies = view.copies.filter((c) => c.subject === subject);
  const headingId = `identity-${subject}`;
  const status = last?.outcome;

  return (
    <section className={card.card} aria-labelledby={headingId}>
      <div className={styles.headingRow}>
        <h2 id={headingId} className={styles.heading}>
          {t('identity.subjectTitle', { subject: t(`identity.subjects.${subject}`), name })}
        </h2>
        <Badge appearance="tint" shape="rounded" color={status ? OUTCOME_COLORS[status] : 'informative'}>
          {status ? t(`identity.status.${status}`) : t('identity.status.pending')}
        </Badge>
      </div>
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {records.length > 0 ? (
        <div className={styles.history}>
          <h3 className={styles.subheading}>{t('identity.history')}</h3>
          {[...records].reverse().map((record) => (
            <RecordView key={record.id} record={record} names={names} />
          ))}
        </div>
      ) : null}
      {verified && copies.length === 0 && records.some((r) => r.copiesDestroyed > 0) ? (
        <Text as="p" block className={styles.muted}>
          {t('identity.copy.none')}
        </Text>
      ) : null}
      {canWork && !verified ? (
        <IdentityForm
          caseId={caseId}
          subject={subject}
          copies={copies}
          onNotice={setNotice}
          onChanged={onChanged}
          onRecorded={(record) => {
            const done = record.copiesDestroyed > 0 ? t('identity.recordedDestroyed') : t('identity.recorded');
            void onChanged()
              .then(() => onMoveOn(done))
              .then((moved) => {
                if (!moved) setNotice({ intent: 'success', text: done });
              });
          }}
        />
      ) : null}
    </section>
  );
}

export function RecordView({ record, names }: { record: IdentityRecord; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const checkNames: Readonly<Record<string, string>> = t('identity.checkNames', { returnObjects: true });
  return (
    <div className={styles.record}>
      <DetailList
        items={[
          { term: t('identity.record.outcome'), value: ID_OUTCOME_LABELS[record.outcome] },
          { term: t('identity.record.method'), value: ID_METHOD_LABELS[record.method] },
          { term: t('identity.record.reason'), value: record.reason },
          {
            term: t('identity.record.document'),
            value: record.documentType ? `${DOCUMENT_TYPE_LABELS[record.documentType]}, ${record.issuingCountry ?? ''}` : null,
          },
          { term: t('identity.record.number'), value: record.documentNumberTail ? t('identity.record.numberTail', { tail: record.documentNumberTail }) : null },
          { term: t('identity.record.expiry'), value: record.expiry ? formatDay(record.expiry) : null },
          { term: t('identity.record.checks'), value: record.checksPassed.length > 0 ? record.checksPassed.map((c) => checkNames[c] ?? c).join(', ') : null },
          { term: t('identity.record.authority'), value: record.authority ? AUTHORITY_LABELS[record.authority] : null },
          {
            term: t('identity.record.copy'),
            value: record.copiesDestroyed > 0 ? t('identity.record.destroyed', { count: record.copiesDestroyed }) : t('identity.record.noCopy'),
          },
          {
            term: t('identity.record.by'),
            value: record.verifiedByName ?? (record.verifiedBy ? (names.get(record.verifiedBy) ?? t('identity.record.unknownStaff')) : null),
          },
          { term: t('identity.record.at'), value: formatDateTime(record.verifiedAt) },
        ]}
      />
    </div>
  );
}
