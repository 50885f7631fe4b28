import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ScanTextRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/result.js';
import { useApi } from '../api/context.js';
import { ErrorBar } from '../ui/Notice.js';
import type { PageGeometry } from './model.js';
import { jobApiError, RunningJob, useWorkerJob } from './workerJob.js';

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
  const { t } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<ApiError | null>(null);
  const started = useRef<string | null>(null);
  const { job, follow, cancel, live } = useWorkerJob(
    (jobId) => api.call('redaction.readStatus', { jobId }),
    (ended) => {
      if (ended.state === 'done') onRead();
    },
    setError,
  );

  const unread = geometry.filter((p) => (p.layer === 'none' || p.layer === 'unreadable') && p.ocr === null);
  const read = geometry.some((p) => p.ocr !== null);

  async function start() {
    setError(null);
    const result = await api.call('redaction.read', { caseId, documentId });
    if (!live.current) return;
    if (result.ok) follow(result.value.jobId);
    else setError(result.error);
  }

  // Once per document, and only when a page needs it.
  useEffect(() => {
    if (unread.length === 0 || started.current === documentId) return;
    started.current = documentId;
    void start();
  }, [documentId, unread.length]);

  if (error) return <ErrorBar error={error} title={t('redaction.ocr.failed')} />;
  if (job?.state === 'running') return <RunningJob job={job} texts="ocr" onCancel={() => void cancel()} />;
  if (job?.state === 'failed' && job.error) return <ErrorBar error={jobApiError(job.error)} title={t('redaction.ocr.failed')} />;
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
