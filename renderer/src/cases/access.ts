import type { Staff } from '../../../shared/api/contract.js';
import * as access from '../../../shared/cases/access.js';

/**
 * The shared per-case rules (shared/cases/access.ts) for the signed-in staff member, to hide what
 * the backend would refuse. The backend checks every call regardless.
 */
const actor = (staff: Staff): access.Actor => ({ staffId: staff.id, roles: staff.roles });

export function canOpenCase(staff: Staff, handlerId: string | null): boolean {
  return access.canSeeContent(actor(staff), { handlerId });
}

/** Working on a case (status, tasks, identity) is for the assigned handler only. */
export function isAssignedHandler(staff: Staff, handlerId: string | null): boolean {
  return access.isAssignedHandler(actor(staff), { handlerId });
}

/** A handler may take an unassigned case; the dpo assigns any case to anyone. */
export function maySelfAssign(staff: Staff, handlerId: string | null): boolean {
  return access.maySelfAssign(actor(staff), { handlerId });
}

export function mayReassign(staff: Staff): boolean {
  return access.mayOnSome(staff, 'reassign');
}

/** Extending the term (art. 12(3)): the assigned handler or the dpo. */
export function mayExtend(staff: Staff, handlerId: string | null): boolean {
  return access.mayExtend(actor(staff), { handlerId });
}

export function mayExportHandover(staff: Staff, handlerId: string | null): boolean {
  return access.mayExportHandover(actor(staff), { handlerId });
}

/** Intake and the dpo register a case for any handler; a handler for themselves. */
export function mayRegisterForOthers(staff: Staff): boolean {
  return access.mayRegisterForOthers(staff);
}

/** Whether the queue can show any content to this staff member at all. */
export function maySeeSomeContent(staff: Staff): boolean {
  return access.mayOnSome(staff, 'seeContent');
}
