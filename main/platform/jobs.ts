import { randomUUID } from 'node:crypto';
import type { ApiError } from '../../shared/api/result.js';
import { DomainError } from './errors.js';

/**
 * Long work (redaction, packages) runs as a job: the call that starts it returns at once with an
 * id; the renderer polls its progress and may cancel it. Jobs live in memory and belong to the
 * staff member who started them; a finished job is kept for ten minutes so its result can be read.
 */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView<T> {
  id: string;
  state: JobState;
  /** 0 … 1 */
  progress: number;
  message: string;
  result: T | null;
  error: ApiError | null;
}

interface Job<T> extends JobView<T> {
  owner: string;
  controller: AbortController;
  finishedAt: number | null;
}

const KEEP_MS = 10 * 60 * 1000;

export class JobRunner<T> {
  private readonly jobs = new Map<string, Job<T>>();

  start(
    owner: string,
    work: (report: (progress: number, message: string) => void, signal: AbortSignal) => Promise<T>,
    onError: (error: unknown) => ApiError,
  ): string {
    this.sweep();
    const job: Job<T> = {
      id: randomUUID(),
      owner,
      state: 'running',
      progress: 0,
      message: '',
      result: null,
      error: null,
      controller: new AbortController(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    const report = (progress: number, message: string) => {
      if (job.state !== 'running') return;
      job.progress = Math.max(0, Math.min(1, progress));
      job.message = message;
    };
    work(report, job.controller.signal).then(
      (result) => {
        if (job.state === 'running') Object.assign(job, { state: 'done', progress: 1, result, finishedAt: Date.now() });
      },
      (error: unknown) => {
        if (job.state === 'running')
          Object.assign(job, {
            state: job.controller.signal.aborted ? 'cancelled' : 'failed',
            error: job.controller.signal.aborted ? null : onError(error),
            finishedAt: Date.now(),
          });
      },
    );
    return job.id;
  }

  has(id: string): boolean {
    return this.jobs.has(id);
  }

  private own(owner: string, id: string): Job<T> {
    const job = this.jobs.get(id);
    if (!job) throw new DomainError('NOT_FOUND', 'Deze taak bestaat niet (meer).');
    // Someone else's job is a refusal (audited as denied), not a missing one.
    if (job.owner !== owner) throw new DomainError('FORBIDDEN', 'Deze taak is van een andere medewerker.');
    return job;
  }

  view(owner: string, id: string): JobView<T> {
    const { id: jobId, state, progress, message, result, error } = this.own(owner, id);
    return { id: jobId, state, progress, message, result, error };
  }

  cancel(owner: string, id: string): void {
    const job = this.own(owner, id);
    if (job.state !== 'running') return;
    job.controller.abort();
    Object.assign(job, { state: 'cancelled', finishedAt: Date.now() });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}
