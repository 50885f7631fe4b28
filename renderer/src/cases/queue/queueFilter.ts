import { QUEUE_SORT_COLUMNS } from '../../../../shared/cases/case-schemas.js';
import { CASE_STATUSES, type CaseStatus } from '../../../../shared/cases/cases.js';
import { REQUEST_TYPES, type RequestType } from '../../../../shared/cases/request-types.js';

export type QueueSortColumn = (typeof QUEUE_SORT_COLUMNS)[number];

/** The filters of the work queue, as the user left them. Never the search text: it may be a name. */
export interface QueueFilter {
  types: RequestType[];
  statuses: CaseStatus[];
  /** A handler's id, 'none' for unassigned cases, null for all. */
  handler: string | null;
  due: 'overdue' | 'thisWeek' | null;
  includeClosed: boolean;
  sort: QueueSortColumn;
  direction: 'asc' | 'desc';
}

export const QUEUE_FILTER_KEY = 'avgDesk.queueFilter';

export const DEFAULT_FILTER: QueueFilter = { types: [], statuses: [], handler: null, due: null, includeClosed: false, sort: 'dueOn', direction: 'asc' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function listOf<T extends string>(allowed: readonly T[], value: unknown): T[] {
  return Array.isArray(value) ? value.filter((v): v is T => oneOf(allowed, v)) : [];
}

/** What was stored, checked field by field: anything unknown falls back to the default. */
export function parseFilter(raw: string | null): QueueFilter {
  if (!raw) return DEFAULT_FILTER;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return DEFAULT_FILTER;
  }
  if (typeof parsed !== 'object' || parsed === null) return DEFAULT_FILTER;
  const v = parsed as Record<string, unknown>;
  return {
    types: listOf(REQUEST_TYPES, v.types),
    statuses: listOf(CASE_STATUSES, v.statuses),
    handler: v.handler === 'none' || (typeof v.handler === 'string' && UUID.test(v.handler)) ? v.handler : null,
    due: v.due === 'overdue' || v.due === 'thisWeek' ? v.due : null,
    includeClosed: v.includeClosed === true,
    sort: oneOf(QUEUE_SORT_COLUMNS, v.sort) ? v.sort : DEFAULT_FILTER.sort,
    direction: v.direction === 'desc' ? 'desc' : 'asc',
  };
}

export function loadFilter(): QueueFilter {
  try {
    return parseFilter(window.localStorage.getItem(QUEUE_FILTER_KEY));
  } catch {
    return DEFAULT_FILTER;
  }
}

export function saveFilter(filter: QueueFilter): void {
  try {
    window.localStorage.setItem(QUEUE_FILTER_KEY, JSON.stringify(filter));
  } catch {
    // Without storage the filters last until the window closes; nothing else depends on them.
  }
}

export function isDefaultFilter(filter: QueueFilter): boolean {
  return filter.types.length === 0 && filter.statuses.length === 0 && filter.handler === null && filter.due === null && !filter.includeClosed;
}
