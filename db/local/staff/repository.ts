import { asc, eq } from 'drizzle-orm';
import type { Role } from '../../../shared/staff/roles.js';
import type { LocalDb } from '../database.js';
import { staff } from '../schema.js';

export type StaffRow = typeof staff.$inferSelect;

export function listStaff(db: LocalDb): StaffRow[] {
  return db.select().from(staff).orderBy(asc(staff.fullName)).all();
}

export function findStaffById(db: LocalDb, id: string): StaffRow | undefined {
  return db.select().from(staff).where(eq(staff.id, id)).get();
}

export function findStaffByUserName(db: LocalDb, userName: string): StaffRow | undefined {
  return db.select().from(staff).where(eq(staff.userName, userName)).get();
}

export function insertStaff(db: LocalDb, row: Omit<StaffRow, 'centralId' | 'publicKey'> & { centralId?: string | null; publicKey?: string | null }): StaffRow {
  const complete: StaffRow = { ...row, centralId: row.centralId ?? null, publicKey: row.publicKey ?? null };
  db.insert(staff).values(complete).run();
  return complete;
}

export function updateStaff(db: LocalDb, id: string, changes: { roles?: Role[]; active?: boolean; updatedAt: string }): StaffRow | undefined {
  return db.update(staff).set(changes).where(eq(staff.id, id)).returning().get();
}
