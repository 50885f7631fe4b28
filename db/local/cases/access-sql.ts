import { grantedRelationships, type CaseDecision, type Relationship } from '../../../shared/cases/access.js';
import type { Role } from '../../../shared/staff/roles.js';

/** SQLite's condition for each relationship, with the caller's staff id bound as `@me`. */
function conditionOf(relationship: Relationship, column: string): string {
  switch (relationship) {
    case 'assigned':
      return `${column} = @me`;
    case 'other':
      return `${column} != @me`;
    case 'unassigned':
      return `${column} IS NULL`;
  }
}

/**
 * The SQL condition that holds for exactly the cases on which a caller with `roles` may take
 * `decision`, generated from the shared rule (shared/cases/access.ts) so the queue cannot drift
 * from the services. Bind the caller's staff id as `@me`. `'1'` and `'0'` are returned as such
 * (all cases, none) so callers can pick a cheaper statement.
 */
export function caseAccessCondition(roles: readonly Role[], decision: CaseDecision, column = 'c.handler_id'): string {
  const granted = grantedRelationships(roles, decision);
  if (granted.size === 3) return '1';
  if (granted.size === 0) return '0';
  const parts = [...granted].map((r) => conditionOf(r, column));
  return parts.length === 1 ? (parts[0] ?? '0') : `(${parts.join(' OR ')})`;
}
