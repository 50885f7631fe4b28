import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, tokens } from '@fluentui/react-components';
import { DismissRegular, ScanTextRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import { useApi } from '../api/context.js';
import { ErrorBar } from '../ui/Notice.js';
import type { PageGeometry } from './model.js';

type ReadJob = ProcedureOutput<'redaction.readStatus'>;

const POLL_MS = 400;

const useStyles = makeStyles({ row: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalM, flexWrap: 'wrap' } });

const pagesOf = (geometry: readonly PageGeometry[], test: (p: PageGeometry) => boolean) =>
  geometry
    .filter(test)
    .map((p) => p.page + 1)
    .join(', ');

interface Props {
  caseId: string;
  documentId: string;
  geometry: readonly PageGeometry[];
  /** OCR finished: the parent asks for suggestions again, now over what OCR read. */
  onRead: () => void;
}

/**
 * OCR for the pages of a document that show something but have no usable text: it starts by itself
 * (it runs offline, in the background), shows its progress and can be cancelled; afterwards it says
 * which pages were read by OCR, and which still have no text at all.
 */
export function OcrReader({ caseId, documentId, geometry, onRead }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [job, setJob] = useState<ReadJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef<string | null>(null);
  const timer = useRef<number | null>(null);
  const live = useRef(true);

  const unread = geometry.filter((p) => (p.layer === 'none' || p.layer === 'unreadable') && p.ocr === null);
  const read = geometry.some((p) => p.ocr !== null);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, []);

  function poll(jobId: string) {
    timer.current = window.setTimeout(() => {
      void api.call('redaction.readStatus', { jobId }).then((result) => {
        if (!live.current) return;
        if (!result.ok) {
          setJob(null);
          setError(result.error);
          return;
        }
        setJob(result.value);
        if (result.value.state === 'running') poll(jobId);
        else if (result.value.state === 'done') onRead();
      });
    }, POLL_MS);
  }

  async function start() {
    setError(null);
    const result = await api.call('redaction.read', { caseId, documentId });
    if (!live.current) return;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setJob({ id: result.value.jobId, state: 'running', progress: 0, message: '', result: null, error: null });
    poll(result.value.jobId);
  }

  // Once per document, and only when a page needs it.
  useEffect(() => {
    if (unread.length === 0 || started.current === documentId) return;
    started.current = documentId;
    void start();
  }, [documentId, unread.length]);

  async function cancel() {
    if (!job) return;
    const result = await api.call('redaction.cancel', { jobId: job.id });
    if (!result.ok && live.current) setError(result.error);
  }

  if (error) return <ErrorBar error={error} title={t('redaction.ocr.failed')} />;
  if (job?.state === 'running') {
    return (
      <div className={styles.row} role="status">
        <Field
          label={t('redaction.ocr.running', { percent: Math.round(job.progress * 100) })}
          hint={job.message || t('redaction.ocr.starting')}
          style={{ flexGrow: 1, maxWidth: '560px' }}
        >
          <ProgressBar value={job.progress} thickness="large" />
        </Field>
        <Button icon={<DismissRegular />} onClick={() => void cancel()}>
          {t('redaction.ocr.cancel')}
        </Button>
      </div>
    );
  }
  if (job?.state === 'failed' && job.error) return <ErrorBar error={{ code: job.error.code, message: job.error.message }} title={t('redaction.ocr.failed')} />;
  const done = job?.state === 'done' || read;
  return (
    <>
      {read ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('redaction.ocr.used', { pages: pagesOf(geometry, (p) => p.ocr !== null) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {unread.length > 0 && (done || job?.state === 'cancelled') ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t(done ? 'redaction.ocr.empty' : 'redaction.ocr.cancelled', { pages: unread.map((p) => p.page + 1).join(', ') })}</MessageBarBody>
          {done ? null : (
            <MessageBarActions>
              <Button icon={<ScanTextRegular />} onClick={() => void start()}>
                {t('redaction.ocr.retry')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : null}
    </>
  );
}
