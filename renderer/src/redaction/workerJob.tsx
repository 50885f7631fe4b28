import { Button, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError, Result } from '../../../shared/api/result.js';
import { useApi } from '../api/context.js';

/** How often a running job is asked for its progress. */
const POLL_MS = 400;

type JobError = NonNullable<ProcedureOutput<'redaction.status'>['error']>;

/** A job the redaction worker runs (applying the boxes, reading pages with OCR), as its status procedure reports it. */
export interface WorkerJob<R> {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  message: string;
  result: R | null;
  error: JobError | null;
}

/** The job's error as the error bar shows it (the schema's optional fields may be undefined). */
export function jobApiError(error: JobError): ApiError {
  return {
    code: error.code,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
    ...(error.correlationId ? { correlationId: error.correlationId } : {}),
  };
}

/**
 * Follows a worker job until it ends: asks `status` every POLL_MS while it runs, then hands the
 * ended job to `onEnd`; a failed question goes to `onError`. Nothing is asked after the screen
 * is gone. `cancel` asks the backend to stop the job (its error, too, goes to `onError`).
 */
export function useWorkerJob<R>(
  status: (jobId: string) => Promise<Result<WorkerJob<R>>>,
  onEnd: (job: WorkerJob<R>) => void,
  onError: (error: ApiError) => void,
) {
  const api = useApi();
  const [job, setJob] = useState<WorkerJob<R> | null>(null);
  const timer = useRef<number | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, []);

  function poll(jobId: string) {
    timer.current = window.setTimeout(() => {
      void status(jobId).then((result) => {
        if (!live.current) return;
        if (!result.ok) {
          setJob(null);
          onError(result.error);
          return;
        }
        setJob(result.value);
        if (result.value.state === 'running') poll(jobId);
        else onEnd(result.value);
      });
    }, POLL_MS);
  }

  /** The backend started a job: show it running and follow it. */
  function follow(jobId: string) {
    setJob({ id: jobId, state: 'running', progress: 0, message: '', result: null, error: null });
    poll(jobId);
  }

  async function cancel() {
    if (!job) return;
    const result = await api.call('redaction.cancel', { jobId: job.id });
    if (!result.ok && live.current) onError(result.error);
  }

  return { job, setJob, follow, cancel, live };
}

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  field: { flexGrow: 1, maxWidth: '560px' },
});

/** A running job's progress bar, with what it is doing and a button to cancel it. */
export function RunningJob({ job, texts, onCancel }: { job: WorkerJob<unknown>; texts: 'job' | 'ocr'; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.row} role="status">
      <Field
        label={t(`redaction.${texts}.running`, { percent: Math.round(job.progress * 100) })}
        hint={job.message || t(`redaction.${texts}.starting`)}
        className={styles.field}
      >
        <ProgressBar value={job.progress} thickness="large" />
      </Field>
      <Button icon={<DismissRegular />} onClick={onCancel}>
        {t(`redaction.${texts}.cancel`)}
      </Button>
    </div>
  );
}
