import type { StaffRow } from '../../db/local/repositories/staff.js';
import type { Staff } from '../../shared/api/contract.js';

export function toStaff(row: StaffRow): Staff {
  return { id: row.id, userName: row.userName, fullName: row.fullName, roles: row.roles, active: row.active, createdAt: row.createdAt };
}
