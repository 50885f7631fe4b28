import type { LocalDb } from '../../db/local/database.js';
import { listStaff, type StaffRow } from '../../db/local/staff/repository.js';
import type { Staff } from '../../shared/api/contract.js';

export function toStaff(row: StaffRow): Staff {
  return { id: row.id, userName: row.userName, fullName: row.fullName, roles: row.roles, active: row.active, createdAt: row.createdAt };
}

/** Active staff with the handler function, to assign cases to. */
export function listHandlers(db: LocalDb): { id: string; userName: string; fullName: string }[] {
  return listStaff(db)
    .filter((s) => s.active && s.roles.includes('handler'))
    .map((s) => ({ id: s.id, userName: s.userName, fullName: s.fullName }));
}
