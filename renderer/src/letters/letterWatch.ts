import type { ApiClient } from '../api/client.js';

/** How often an open Brieven tab asks whether its letters changed. */
export const SELF_REFRESH_MS = 30_000;

/**
 * Whether the case's letters changed since the last look, from the backend's change stamp
 * (`letter.stamp`: not audited, and passive, so an open tab neither fills the audit trail with
 * "Brieven ingezien" nor keeps the session from locking). Only a changed stamp is worth the
 * audited `letter.list`.
 */
export class LetterWatch {
  private seen: string | null = null;

  constructor(
    private readonly api: Pick<ApiClient, 'call'>,
    private readonly caseId: string,
  ) {}

  /** True when the stamp differs from the one seen before (also the first time); false when it cannot be read. */
  async changed(): Promise<boolean> {
    const result = await this.api.call('letter.stamp', { caseId: this.caseId });
    if (!result.ok) return false;
    const changed = result.value.stamp !== this.seen;
    this.seen = result.value.stamp;
    return changed;
  }

  /** Calls `onChange` when the stamp moved. */
  async check(onChange: () => void): Promise<void> {
    if (await this.changed()) onChange();
  }

  /** Checks every `SELF_REFRESH_MS` while `visible()` holds; returns the stop function. */
  poll(visible: () => boolean, onChange: () => void): () => void {
    const timer = setInterval(() => {
      if (visible()) void this.check(onChange);
    }, SELF_REFRESH_MS);
    return () => clearInterval(timer);
  }
}
