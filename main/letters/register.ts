import type { LocalDb } from '../../db/local/database.js';
import { activities, activitiesOfCase, findActivity, saveActivity, setActivitiesOfCase, type ActivityRow } from '../../db/local/letters/repository.js';
import { readSetting, writeSetting } from '../../db/local/settings/repository.js';
import { DEFAULT_REGISTER, type ProcessingActivity } from '../../shared/letters/register.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { assertAssignedHandler, assertCanSeeContent, loadCase } from '../cases/case-access.js';
import { DomainError } from '../platform/errors.js';

export type ActivityView = ProcessingActivity & { active: boolean };

function toView(row: ActivityRow): ActivityView {
  const { updatedAt: _updatedAt, ...view } = row;
  return view;
}

export function toActivity(row: ActivityRow): ProcessingActivity {
  const { updatedAt: _updatedAt, active: _active, ...activity } = row;
  return activity;
}

/**
 * The register of processing activities: reference data in the store, seeded from the policy the
 * first time anyone needs it. The seed runs once (a setting records it), so an admin who removes
 * every default activity does not get them back.
 */
export class RegisterService {
  constructor(private readonly vault: Vault) {}

  /** Seeds the defaults the first time; a setting records it, so removed defaults stay removed. */
  private ensureSeeded(): void {
    const { db, sqlite } = this.vault.open;
    if (readSetting(db, 'processingRegisterSeeded')) return;
    sqlite.transaction(() => {
      if (readSetting(db, 'processingRegisterSeeded')) return;
      const at = new Date().toISOString();
      for (const activity of DEFAULT_REGISTER) if (!findActivity(db, activity.id)) saveActivity(db, { ...activity, active: true, updatedAt: at });
      writeSetting(db, 'processingRegisterSeeded', true, at);
    })();
  }

  private get db(): LocalDb {
    this.ensureSeeded();
    return this.vault.open.db;
  }

  list(input: { includeInactive: boolean }): ActivityView[] {
    return activities(this.db)
      .filter((a) => input.includeInactive || a.active)
      .map(toView);
  }

  upsert(ctx: CallContext, input: ProcessingActivity): ActivityView {
    ctx.setRecord(input.id);
    const row: ActivityRow = { ...input, active: true, updatedAt: ctx.now.toISOString() };
    // Seed first: an admin's first own activity must not stop the defaults from arriving.
    this.ensureSeeded();
    ctx.commit((db) => saveActivity(db, row));
    return toView(row);
  }

  /** Marks an activity as no longer in use; cases that ticked it keep it. */
  remove(ctx: CallContext, id: string): ActivityView {
    ctx.setRecord(id);
    const existing = findActivity(this.db, id);
    if (!existing) throw new DomainError('NOT_FOUND', 'Deze verwerking staat niet in het register.');
    const row: ActivityRow = { ...existing, active: false, updatedAt: ctx.now.toISOString() };
    ctx.commit((db) => saveActivity(db, row));
    return toView(row);
  }

  /** The active register, as a decision's art. 15(1)(h) statement reads it. */
  active(): ProcessingActivity[] {
    return activities(this.db)
      .filter((a) => a.active)
      .map(toActivity);
  }

  /** The activities ticked for a case, as the access letter lists them. */
  ofCase(caseId: string): ProcessingActivity[] {
    return activitiesOfCase(this.db, caseId).map(toActivity);
  }

  selected(ctx: CallContext, caseId: string): { activityIds: string[] } {
    const row = loadCase(this.db, ctx, caseId);
    assertCanSeeContent(ctx.requireSession(), row);
    return { activityIds: activitiesOfCase(this.db, row.id).map((a) => a.id) };
  }

  select(ctx: CallContext, input: { caseId: string; activityIds: string[] }): { activityIds: string[] } {
    const db = this.db;
    const row = loadCase(db, ctx, input.caseId);
    assertAssignedHandler(ctx.requireSession(), row);
    const known = new Map(activities(db).map((a) => [a.id, a]));
    const wanted = [...new Set(input.activityIds)];
    if (wanted.some((id) => !known.get(id)?.active)) throw new DomainError('VALIDATION', 'Kies alleen verwerkingen die in het register staan.');
    ctx.commit((tx) => setActivitiesOfCase(tx, row.id, wanted));
    return { activityIds: activitiesOfCase(db, row.id).map((a) => a.id) };
  }
}
