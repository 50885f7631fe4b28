import type { Staff } from '../../../../shared/api/contract.js';

/**
 * The backend's row-level rules (main/services/case-access.ts), mirrored to hide what a user may
 * not do. The backend checks every call regardless.
 */
export function canOpenCase(staff: Staff, handlerId: string | null): boolean {
  return staff.roles.includes('dpo') || (staff.roles.includes('handler') && handlerId !== null && handlerId === staff.id);
}

/** Working on a case (status, tasks, identity) is for the assigned handler only. */
export function isAssignedHandler(staff: Staff, handlerId: string | null): boolean {
  return staff.roles.includes('handler') && handlerId !== null && handlerId === staff.id;
}

/** A handler may take an unassigned case; the dpo assigns any case to anyone. */
export function maySelfAssign(staff: Staff, handlerId: string | null): boolean {
  return staff.roles.includes('handler') && handlerId === null;
}

export function mayReassign(staff: Staff): boolean {
  return staff.roles.includes('dpo');
}

/** Extending the term (art. 12(3)): the assigned handler or the dpo. */
export function mayExtend(staff: Staff, handlerId: string | null): boolean {
  return staff.roles.includes('dpo') || isAssignedHandler(staff, handlerId);
}
