import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { EyeOffRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { DocumentView } from '../../../shared/dossier/dossier-schemas.js';
import { Card } from '../ui/Card.js';
import { ErrorBar } from '../ui/Notice.js';
import type { Rect } from '../ui/pdf/geometry.js';
import { useDossierPdf } from '../ui/pdf/useDossierPdf.js';
import { subHeading, wrappingActionRow } from '../ui/styles.js';
import { useTableStyles } from '../ui/tableStyles.js';
import { DEFAULT_REASON, type Work } from './model.js';
import { OcrReader } from './OcrReader.js';
import { RedactionPage } from './RedactionPage.js';
import { ReviewList } from './ReviewList.js';
import { jobApiError, RunningJob } from './workerJob.js';
import { TitledBar } from '../ui/TitledBar.js';

type JobView = ProcedureOutput<'redaction.status'>;

const useStyles = makeStyles({
  subheading: subHeading,
  work: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(300px, 380px)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  side: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  apply: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  row: wrappingActionRow,
});

interface DocumentReviewProps {
  caseId: string;
  document: DocumentView;
  /** The boxes under review; null until the backend answered for this document. */
  work: Work | null;
  job: JobView | null;
  onChange: (change: Partial<Work>) => void;
  onAdd: (pageIndex: number, box: Rect, reason: string) => void;
  /** OCR read pages that had no text: the suggestions are asked again. */
  onRead: () => void;
  onApply: () => void;
  onCancel: () => void;
}

/** One document under review: the page with its boxes, the list beside it, and applying the accepted boxes. */
export function DocumentReview({ caseId, document, work, job, onChange, onAdd, onRead, onApply, onCancel }: DocumentReviewProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const table = useTableStyles();
  const headingId = useId();
  const pdf = useDossierPdf(caseId, document.id, 'original');
  const running = job?.state === 'running';
  const geometry = work?.geometry ?? null;
  const accepted = work?.boxes.filter((b) => b.accepted && !b.undecided).length ?? 0;
  const undecided = work?.boxes.filter((b) => b.undecided).length ?? 0;
  const annotated = (geometry ?? []).filter((p) => p.annotations > 0);

  return (
    <Card headingId={headingId} title={t('redaction.reviewTitle', { name: document.name })}>
      {annotated.length > 0 ? (
        <TitledBar intent="warning" title={t('redaction.annotations.title')}>
          {t('redaction.annotations.body', { pages: annotated.map((p) => p.page + 1).join(', ') })}
        </TitledBar>
      ) : null}
      {geometry ? <OcrReader caseId={caseId} documentId={document.id} geometry={geometry} onRead={onRead} /> : null}
      {pdf.error ? <ErrorBar error={pdf.error} /> : null}
      {!pdf.doc || !work || !geometry ? (
        pdf.error ? null : (
          <Spinner size="small" label={t('viewer.loading')} />
        )
      ) : (
        <div className={styles.work}>
          <RedactionPage
            doc={pdf.doc}
            title={document.name}
            review={{ ...work, geometry }}
            onPage={(pageIndex) => onChange({ pageIndex })}
            onToggle={(id) => onChange({ boxes: work.boxes.map((b) => (b.id === id ? { ...b, accepted: !b.accepted } : b)), focusedId: id })}
            onDraw={(pageIndex, box) => onAdd(pageIndex, box, DEFAULT_REASON)}
          />
          <div className={styles.side}>
            <h3 className={styles.subheading}>{t('redaction.review.title')}</h3>
            <ReviewList
              review={{ ...work, geometry }}
              onChange={(boxes) => onChange({ boxes })}
              onFocus={(box) => onChange({ pageIndex: box.page, focusedId: box.id })}
              onAdd={onAdd}
            />
          </div>
        </div>
      )}
      <div className={styles.apply}>
        {job && job.state !== 'done' ? <JobProgress job={job} onCancel={onCancel} /> : null}
        <div className={styles.row}>
          <Button appearance="primary" icon={<EyeOffRegular />} disabledFocusable={running || accepted === 0 || undecided > 0 || !geometry} onClick={onApply}>
            {t('redaction.apply', { count: accepted })}
          </Button>
          <Text size={200} className={table.muted}>
            {undecided > 0 ? t('redaction.chooseOwnFirst', { count: undecided }) : t('redaction.applyHint')}
          </Text>
        </div>
      </div>
    </Card>
  );
}

function JobProgress({ job, onCancel }: { job: JobView; onCancel: () => void }) {
  const { t } = useTranslation();
  if (job.state === 'failed') return job.error ? <ErrorBar error={jobApiError(job.error)} title={t('redaction.job.failed')} /> : null;
  if (job.state === 'cancelled') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('redaction.job.cancelled')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <RunningJob job={job} texts="job" onCancel={onCancel} />;
}
