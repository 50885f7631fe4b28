import { randomBytes, randomUUID } from 'node:crypto';
import type { LocalDb } from '../../db/local/database.js';
import { findStaffById, findStaffByUserName, insertStaff, listStaff, updateStaff, type StaffRow } from '../../db/local/staff/repository.js';
import type { Staff } from '../../shared/api/contract.js';
import type { Role } from '../../shared/staff/roles.js';
import type { CallContext } from '../platform/call-context.js';
import type { SigningKey } from '../platform/keyring.js';
import type { Vault } from '../platform/vault.js';
import { registerSigningKey } from '../audit/audit-signing.js';
import { assertStrongPassword } from './auth.js';
import { DomainError } from '../platform/errors.js';
import type { SessionStore } from './sessions.js';
import { toStaff } from './staff-view.js';

/** Staff accounts of this desktop, managed by functioneel beheer (admin). */
export class StaffService {
  constructor(
    private readonly vault: Vault,
    private readonly sessions: SessionStore,
  ) {}

  list(): Staff[] {
    return listStaff(this.vault.open.db).map(toStaff);
  }

  async add(ctx: CallContext, input: { userName: string; fullName: string; roles: Role[]; password: string }): Promise<Staff> {
    const db = this.vault.open.db;
    if (findStaffByUserName(db, input.userName)) throw new DomainError('CONFLICT', 'Deze gebruikersnaam is al in gebruik.');
    assertStrongPassword(input.password, input.userName);
    const at = ctx.now.toISOString();
    const row: StaffRow = {
      id: randomUUID(),
      userName: input.userName,
      fullName: input.fullName,
      roles: unique(input.roles),
      active: true,
      createdAt: at,
      updatedAt: at,
      centralId: null,
      publicKey: null,
    };
    const keyring = this.vault.loadKeyring();
    const signing = await keyring.setEntry(row.id, row.userName, input.password, this.vault.key);
    ctx.setRecord(row.id);
    this.keyringChange(() =>
      ctx.commit((tx) => {
        insertStaff(tx, row);
        registerSigningKey(tx, row.id, signing.publicKey);
      }),
    );
    keyring.save();
    return toStaff(row);
  }

  setRoles(ctx: CallContext, input: { staffId: string; roles: Role[] }): Staff {
    const roles = unique(input.roles);
    const row = this.existing(ctx, input.staffId);
    const updated = ctx.commit((db) => {
      if (row.roles.includes('admin') && !roles.includes('admin')) assertAnotherActiveAdmin(db, row.id);
      return updateStaff(db, row.id, { roles, updatedAt: ctx.now.toISOString() });
    });
    this.sessions.updateRoles(row.id, roles);
    return toStaff(updated ?? row);
  }

  /**
   * Deactivating removes the account's wrapped key, so its password no longer opens anything;
   * reactivating therefore needs a new password.
   */
  async setActive(ctx: CallContext, input: { staffId: string; active: boolean; password?: string | undefined }): Promise<Staff> {
    const row = this.existing(ctx, input.staffId);
    const keyring = this.vault.loadKeyring();
    let signing: SigningKey | undefined;
    if (input.active) {
      if (!input.password) throw new DomainError('VALIDATION', 'Geef een nieuw wachtwoord op om het account weer te activeren.');
      assertStrongPassword(input.password, row.userName);
      signing = await keyring.setEntry(row.id, row.userName, input.password, this.vault.key);
    }
    const updated = this.keyringChange(() =>
      ctx.commit((db) => {
        if (signing) registerSigningKey(db, row.id, signing.publicKey);
        if (!input.active && row.roles.includes('admin')) assertAnotherActiveAdmin(db, row.id);
        return updateStaff(db, row.id, { active: input.active, updatedAt: ctx.now.toISOString() });
      }),
    );
    if (input.active) {
      keyring.save();
      return toStaff(updated ?? row);
    }
    this.sessions.endForStaff(row.id);
    this.rotateDatabaseKey(row.id);
    return toStaff(updated ?? row);
  }

  /**
   * The member who leaves knew a password that unwrapped the database key, and may have kept a copy
   * of the keyring: the store gets a new key, sealed to the remaining active accounts' public keys
   * (no password needed, see keyring.ts), so nothing written from now on opens with the old one.
   * Saved in two steps around the rekey, so a crash in between leaves a keyring that opens either key.
   */
  private rotateDatabaseKey(leaving: string): void {
    const keyring = this.vault.loadKeyring();
    const active = new Set(
      listStaff(this.vault.open.db)
        .filter((s) => s.active && s.id !== leaving)
        .map((s) => s.id),
    );
    const newKey = randomBytes(32);
    try {
      keyring.prepareRotation(newKey, (id) => active.has(id));
      keyring.save();
      this.vault.rekey(newKey);
      keyring.finishRotation();
      keyring.save();
    } finally {
      newKey.fill(0);
    }
  }

  /** The new password unwraps the same database key: nothing is re-encrypted. */
  async resetPassword(ctx: CallContext, input: { staffId: string; newPassword: string }): Promise<Record<string, never>> {
    const row = this.existing(ctx, input.staffId);
    if (!row.active) throw new DomainError('CONFLICT', 'Dit account is niet actief. Activeer het met een nieuw wachtwoord.');
    assertStrongPassword(input.newPassword, row.userName);
    const keyring = this.vault.loadKeyring();
    const signing = await keyring.setEntry(row.id, row.userName, input.newPassword, this.vault.key);
    this.keyringChange(() => ctx.commit((db) => registerSigningKey(db, row.id, signing.publicKey)));
    keyring.save();
    return {};
  }

  /** Runs the store change that goes with an in-memory keyring change; on failure the keyring change is dropped. */
  private keyringChange<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      this.vault.discardKeyringChanges();
      throw error;
    }
  }

  private existing(ctx: CallContext, staffId: string): StaffRow {
    ctx.setRecord(staffId);
    const row = findStaffById(this.vault.open.db, staffId);
    if (!row) throw new DomainError('NOT_FOUND', 'Deze medewerker bestaat niet.');
    return row;
  }
}

function unique(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

function assertAnotherActiveAdmin(db: LocalDb, exceptId: string): void {
  const others = listStaff(db).filter((s) => s.id !== exceptId && s.active && s.roles.includes('admin'));
  if (others.length === 0) throw new DomainError('LAST_ADMIN');
}
