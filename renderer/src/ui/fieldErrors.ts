import type { ApiError } from '../../../shared/api/result.js';
import { FIELD_LABELS } from '../../../shared/api/validation.js';

/**
 * A backend VALIDATION error split over the form's fields: each detail line "Adres: …" goes to
 * the field its issue's path names (or, without issues, the field whose Dutch label it starts with); `fallback` takes a
 * refusal without details (a service's own Dutch sentence). Whatever no field takes stays in `rest`.
 */
export function fieldErrors<F extends string>(
  error: ApiError | null,
  fields: readonly F[],
  fallback?: F,
): { byField: Partial<Record<F, string>>; rest: ApiError | null } {
  if (error === null) return { byField: {}, rest: null };
  if (error.code !== 'VALIDATION') return { byField: {}, rest: error };
  const byField: Partial<Record<F, string>> = {};
  const details = error.details ?? [];
  if (details.length === 0) {
    if (fallback === undefined) return { byField, rest: error };
    byField[fallback] = error.message;
    return { byField, rest: null };
  }
  const left: string[] = [];
  const issues = error.issues;
  for (const [index, line] of details.entries()) {
    // By the issue's path when the backend gave one (two fields can share a Dutch label), else by the label.
    const issue = issues?.length === details.length ? issues[index] : undefined;
    const named = issue?.path.split('.').filter((p) => !/^\d+$/u.test(p)) ?? [];
    const field = issue ? fields.find((f) => f === issue.path || f === named.at(-1)) : fields.find((f) => line.startsWith(`${FIELD_LABELS[f] ?? f}: `));
    if (field === undefined) left.push(line);
    else {
      // "Interval: moet minstens 1 zijn." at the field itself: "Moet minstens 1 zijn."
      const text = issue ? `${issue.message}.`.replace(/\.\.$/u, '.') : line.slice(`${FIELD_LABELS[field] ?? field}: `.length);
      byField[field] = [byField[field], text.charAt(0).toUpperCase() + text.slice(1)].filter(Boolean).join(' ');
    }
  }
  return { byField, rest: left.length > 0 ? { ...error, details: left } : null };
}

/** A Fluent `<Field>`'s error props for a message from `fieldErrors` (none without one). */
export function fieldState(message: string | undefined): { validationState: 'error'; validationMessage: string } | Record<string, never> {
  return message ? { validationState: 'error', validationMessage: message } : {};
}
