import { ROLE_LABELS, type Role } from '../../../shared/staff/roles.js';

/** "Behandelaar, Tekenbevoegde" */
export function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(', ');
}
