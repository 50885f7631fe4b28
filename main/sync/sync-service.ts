import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import pg from 'pg';
import type { LocalDb } from '../../db/local/database.js';
import { countUnsent, refusedByCase } from '../../db/local/sync/outbox.js';
import { deleteSetting, readSetting, writeSetting } from '../../db/local/settings/repository.js';
import { centralCredentials, syncRuns } from '../../db/local/sync/schema.js';
import { referenceBlocks, staff } from '../../db/local/schema.js';
import { DEFAULT_MESSAGES } from '../../shared/api/result.js';
import { dutchToday } from '../../shared/cases/cases.js';
import type { SyncSettings, SyncStatus } from '../../shared/sync/sync-schemas.js';
import type { SettingValue } from '../../shared/settings/registry.js';
import { isAllowed } from '../../shared/staff/permissions.js';
import type { Role } from '../../shared/staff/roles.js';
import { CentralConfigError, centralClientConfig as parseCentralUrl, describeCentralError } from './central/connection.js';
import type { Clock } from '../platform/clock.js';
import type { Logger } from '../platform/log.js';
import type { Vault } from '../platform/vault.js';
import type { CaseVault } from '../platform/case-vault.js';
import { appendAuditEvent, type ChainVerification } from '../audit/audit.js';
import { confirmHandover } from '../handover/confirm.js';
import { verifyCentralChains } from './central-audit.js';
import { DomainError } from '../platform/errors.js';
import {
  LOCAL_STAFF_HAS_PUBLIC_KEY,
  localReferenceData,
  referenceOwner,
  pullCases,
  pullHandovers,
  pullLetters,
  pullReferenceData,
  pullStaff,
  withPullSnapshot,
  type Cursors,
} from './pull.js';
import { compareWithAnchors, type AnchorComparison } from './audit-anchor.js';
import { anchorAuditChain, centralAnchors, pushSigningKeys, storedAnchor, unsentAuditEvents } from './audit-push.js';
import { pushOutbox, type SyncActor } from './push.js';
import { readSyncSettings, SETTINGS_KEY } from './sync-settings.js';

/** A run that died leaves its lease; after this long another run may take over even if the owner seems alive. */
const LEASE_MS = 10 * 60_000;
/** Reference numbers: a desktop asks for a new block when fewer than this are left of the year. */
const BLOCK_LOW = 200;
const BLOCK_SIZE = 500;

/**
 * Handlers and signers here who have no central login (once a sync has linked the others): their
 * cases stay theirs, pending centrally, and what they sign waits until they sync themselves.
 */
export function staffWithoutCentralLogin(db: LocalDb): string[] {
  return db
    .select({ fullName: staff.fullName, roles: staff.roles })
    .from(staff)
    .where(and(eq(staff.active, true), isNull(staff.centralId)))
    .orderBy(staff.fullName)
    .all()
    .filter((s) => s.roles.includes('handler') || s.roles.includes('signer'))
    .map((s) => s.fullName);
}

export interface RunResult {
  pushed: number;
  pulled: number;
  waiting: number;
  auditEvents: number;
}

type Backoff = SettingValue<'sync.backoff'>;

/** Exponential backoff with jitter: 30 s, 1, 2, 4 … minutes, at most an hour, ±50 %. */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 60 * 60_000);
  return Math.round(base * (0.5 + random()));
}

/** The connection settings of a URL, or the Dutch reason it is refused (e.g. no verify-full to a remote host). */
function centralClientConfig(url: string): pg.ClientConfig {
  try {
    return parseCentralUrl(url);
  } catch (error) {
    if (error instanceof CentralConfigError) throw new DomainError('VALIDATION', error.message);
    throw error;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The sync client: pushes the outbox and the audit trail to the central database, then pulls
 * staff, cases and reference data since its cursors. Never two runs at once (a promise in this
 * process and a lease in the store for other processes on the same data folder, such as the CLI).
 */
export class SyncService {
  private running: Promise<RunResult> | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly caseVault: CaseVault,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Outbox entries per central transaction. */
    private readonly batchSize = 2000,
  ) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  settings(): SyncSettings {
    return readSyncSettings(this.db);
  }

  saveSettings(db: LocalDb, settings: SyncSettings): SyncSettings {
    if (settings.url) centralClientConfig(settings.url); // refuses a non-loopback host without verify-full
    writeSetting(db, SETTINGS_KEY, settings, this.clock.now().toISOString());
    return settings;
  }

  saveCredentials(db: LocalDb, staffId: string, loginRole: string, password: string): void {
    const at = this.clock.now().toISOString();
    db.insert(centralCredentials)
      .values({ staffId, loginRole, password, updatedAt: at })
      .onConflictDoUpdate({ target: centralCredentials.staffId, set: { loginRole, password, updatedAt: at } })
      .run();
  }

  hasCredentials(staffId: string): boolean {
    return this.storedLogin(staffId) !== null;
  }

  private storedLogin(staffId: string): string | null {
    return (
      this.db.select({ loginRole: centralCredentials.loginRole }).from(centralCredentials).where(eq(centralCredentials.staffId, staffId)).get()?.loginRole ??
      null
    );
  }

  status(staffId: string): SyncStatus {
    const db = this.db;
    const lastRun = db.select().from(syncRuns).orderBy(desc(syncRuns.startedAt)).limit(1).get();
    const lastOk = db.select().from(syncRuns).where(eq(syncRuns.outcome, 'ok')).orderBy(desc(syncRuns.startedAt)).limit(1).get();
    const backoff = this.backoff(db);
    const settings = this.settings();
    const loginRole = this.storedLogin(staffId);
    return {
      configured: settings.url !== null,
      hasCredentials: loginRole !== null,
      loginRole,
      running: this.running !== null,
      lastSuccessAt: lastOk?.finishedAt ?? null,
      lastError: lastRun?.outcome === 'error' ? lastRun.error : null,
      waiting: countUnsent(db),
      refused: refusedByCase(db),
      withoutCentralLogin: lastOk ? staffWithoutCentralLogin(db) : [],
      auditWaiting: unsentAuditEvents(db),
      nextAttemptAt: backoff.nextAttemptAt,
      intervalMinutes: settings.intervalMinutes,
    };
  }

  private backoff(db: LocalDb): Backoff {
    return readSetting(db, 'sync.backoff');
  }

  /** Whether the periodic sync should run now: configured, and the interval (or the backoff) has passed. */
  isDue(): boolean {
    if (!this.vault.isOpen() || this.running) return false;
    const settings = this.settings();
    if (!settings.url) return false;
    const now = this.clock.now().getTime();
    const backoff = this.backoff(this.db);
    if (backoff.nextAttemptAt) return now >= Date.parse(backoff.nextAttemptAt);
    const last = this.db.select().from(syncRuns).orderBy(desc(syncRuns.startedAt)).limit(1).get();
    return !last || now - Date.parse(last.startedAt) >= settings.intervalMinutes * 60_000;
  }

  /**
   * The periodic run (every few minutes, from the backend's sweep): as the staff member signed in
   * most recently, audited like "Nu synchroniseren". Failures are in the status bar, not thrown.
   */
  scheduledRun(actor: { staffId: string; roles: readonly Role[] } | undefined): void {
    if (!actor || !this.isDue() || !this.hasCredentials(actor.staffId)) return;
    const audit = (outcome: 'ok' | 'error') => {
      try {
        const { db, sqlite } = this.vault.open;
        sqlite.transaction(() =>
          appendAuditEvent(db, this.clock.now(), {
            actorId: actor.staffId,
            roles: actor.roles,
            procedure: 'sync.run',
            recordType: null,
            recordId: null,
            outcome,
          }),
        )();
      } catch {
        // Locked meanwhile: nothing to record in.
      }
    };
    this.run(actor).then(
      () => audit('ok'),
      () => audit('error'),
    );
  }

  /** One run as this staff member; a run already going is joined, not doubled. */
  run(actor: { staffId: string; roles: readonly Role[] }, override?: { url?: string; loginRole?: string; password?: string }): Promise<RunResult> {
    if (this.running) return this.running;
    const run = this.runOnce(actor, override).finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async runOnce(
    actor: { staffId: string; roles: readonly Role[] },
    override?: { url?: string; loginRole?: string; password?: string },
  ): Promise<RunResult> {
    const db = this.db;
    const { client, loginRole } = this.client(actor.staffId, override);
    const runId = randomUUID();
    if (!this.takeLease(db, runId)) throw new DomainError('CONFLICT', 'Er loopt al een synchronisatie op deze computer.');
    db.insert(syncRuns).values({ id: runId, staffId: actor.staffId, startedAt: this.clock.now().toISOString() }).run();
    try {
      await client.connect();
      const result = await this.exchange(client, db, actor, loginRole);
      this.finish(db, runId, { outcome: 'ok', result });
      return result;
    } catch (error) {
      const message = error instanceof DomainError ? (error.dutchMessage ?? DEFAULT_MESSAGES.SYNC_FAILED) : describeCentralError(error);
      this.logger.warn({
        event: 'sync-failed',
        code: String((error as { code?: unknown }).code ?? ''),
        errorName: error instanceof Error ? error.name : typeof error,
      });
      this.finish(db, runId, { outcome: 'error', message });
      throw new DomainError('SYNC_FAILED', message);
    } finally {
      this.releaseLease(db, runId);
      await client.end().catch(() => undefined);
    }
  }

  /** A client for the central database as this staff member (not yet connected). */
  private client(staffId: string, override?: { url?: string; loginRole?: string; password?: string }): { client: pg.Client; loginRole: string } {
    const url = override?.url ?? this.settings().url;
    if (!url) throw new DomainError('VALIDATION', 'Er is nog geen centrale database ingesteld (Beheer → Centrale database).');
    const stored = this.db.select().from(centralCredentials).where(eq(centralCredentials.staffId, staffId)).get();
    const loginRole = override?.loginRole ?? stored?.loginRole;
    const password = override?.password ?? stored?.password;
    if (!loginRole || !password) throw new DomainError('VALIDATION', 'Vul eerst uw eigen inloggegevens voor de centrale database in (Mijn account).');
    const client = new pg.Client({
      ...centralClientConfig(url),
      user: loginRole,
      password,
      connectionTimeoutMillis: 10_000,
      query_timeout: 120_000,
      application_name: 'avg-desk',
    });
    // A dropped connection is reported through the query that was running; without a listener it would crash the process.
    client.on('error', () => undefined);
    return { client, loginRole };
  }

  /**
   * The central copy of every desktop's audit chain, verified like the local one (auditor, dpo).
   * Null when this desktop has no central database, this staff member no login for it, or it cannot be reached.
   */
  async verifyCentralAudit(staffId: string): Promise<ChainVerification | null> {
    if (!this.settings().url || !this.hasCredentials(staffId)) return null;
    const { client } = this.client(staffId);
    try {
      await client.connect();
      return await verifyCentralChains(client);
    } catch (error) {
      // Unreachable now: the local verification still stands; the screen says the central one is not done.
      this.logger.warn({
        event: 'central-audit-unverified',
        code: String((error as { code?: unknown }).code ?? ''),
        errorName: error instanceof Error ? error.name : typeof error,
      });
      return null;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /**
   * This desktop's chain against its central anchors: read now when this staff member can reach the
   * central database, otherwise the anchor kept at the last sync.
   */
  async auditAnchor(staffId: string): Promise<AnchorComparison> {
    const db = this.db;
    if (!this.settings().url) {
      return {
        ...compareWithAnchors(db, [], 'stored'),
        source: 'none',
        message: 'Er is geen centrale database ingesteld: deze auditketen wordt nergens buiten deze computer vastgelegd.',
      };
    }
    const desktopId = readSetting(db, 'sync.desktopId');
    if (desktopId !== null && this.hasCredentials(staffId)) {
      const { client } = this.client(staffId);
      try {
        await client.connect();
        return compareWithAnchors(db, await centralAnchors(client, desktopId), 'central');
      } catch (error) {
        this.logger.warn({
          event: 'audit-anchor-unread',
          code: String((error as { code?: unknown }).code ?? ''),
          errorName: error instanceof Error ? error.name : typeof error,
        });
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    const stored = storedAnchor(db);
    return compareWithAnchors(db, stored ? [stored] : [], 'stored');
  }

  private async exchange(client: pg.Client, db: LocalDb, who: { staffId: string; roles: readonly Role[] }, loginRole: string): Promise<RunResult> {
    const now = () => this.clock.now();
    const cursors = readSetting(db, 'sync.cursors');
    let pulled = 0;
    // Staff first, so every local staff member already known centrally is linked before pushing.
    pulled += await withPullSnapshot(client, async (horizon) => {
      const n = await pullStaff(client, db, cursors.staff, horizon, now().toISOString());
      cursors.staff = horizon;
      return n;
    });
    this.saveCursors(db, cursors);
    // Over the embedded demo server every connection is the superuser (see README): then the login name decides.
    const me = (
      await client.query<{ id: string | null }>(
        'SELECT coalesce(avg_current_staff_id(), (SELECT id FROM staff WHERE login_role = $1 AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user))) AS id',
        [loginRole],
      )
    ).rows[0]?.id;
    if (!me)
      throw new DomainError(
        'FORBIDDEN',
        'Uw inlognaam voor de centrale database hoort bij geen medewerker daar. Vraag functioneel beheer om uw account te koppelen.',
      );
    db.update(staff)
      .set({ centralId: null })
      .where(sql`${staff.centralId} = ${me} AND ${staff.id} <> ${who.staffId}`)
      .run();
    db.update(staff).set({ centralId: me }).where(eq(staff.id, who.staffId)).run();
    await this.publishPublicKey(client, db, who.staffId);
    const actor: SyncActor = { localId: who.staffId, centralId: me, roles: who.roles };
    const centralIds = new Map<string, string>();
    const userNames = new Map<string, string>();
    for (const row of db.select({ id: staff.id, centralId: staff.centralId, userName: staff.userName }).from(staff).all()) {
      if (row.centralId) centralIds.set(row.id, row.centralId);
      userNames.set(row.id, row.userName);
    }

    if (actor.roles.includes('admin') || actor.roles.includes('dpo')) await this.pushReferenceData(client, db, me, actor);
    const desktop = { desktopId: this.desktopId(db), desktopSecret: this.desktopSecret(db) };
    const pushed = await pushOutbox({ client, db, caseVault: this.caseVault, actor, ...desktop, centralIds, userNames, now, batchSize: this.batchSize });
    await pushSigningKeys({ client, db, ...desktop, actor });
    await anchorAuditChain({ client, db, ...desktop, now, actor });

    let confirmedBundles: string[] = [];
    pulled += await withPullSnapshot(client, async (horizon) => {
      let n = await pullCases(client, db, actor, cursors.cases, horizon, now());
      // After the cases, so a letter finds its case; the same window as the cases.
      n += await pullLetters(client, db, actor, cursors.cases, horizon, now().toISOString());
      n += await pullReferenceData(client, db, actor, cursors.reference, horizon);
      confirmedBundles = await pullHandovers(client, actor, cursors.handovers, horizon);
      cursors.cases = horizon;
      cursors.reference = horizon;
      return n;
    });
    // Before the cursor moves on: a crash here sees the same confirmations again (confirming twice is a no-op).
    for (const sha of confirmedBundles) if (confirmHandover(db, this.caseVault, sha, now())) pulled += 1;
    cursors.handovers = cursors.cases;
    this.saveCursors(db, cursors);
    // Last: a refused block (the central ceiling) must not keep the pulls from this desktop.
    await this.topUpReferenceBlocks(client, db, actor);
    return { pushed: pushed.pushed, pulled, waiting: pushed.waiting, auditEvents: pushed.auditEvents };
  }

  private saveCursors(db: LocalDb, cursors: Cursors): void {
    writeSetting(db, 'sync.cursors', cursors, this.clock.now().toISOString());
  }

  private desktopId(db: LocalDb): string {
    const existing = readSetting(db, 'sync.desktopId');
    if (existing !== null) return existing;
    const id = randomUUID();
    writeSetting(db, 'sync.desktopId', id, this.clock.now().toISOString());
    return id;
  }

  /**
   * The signed-in member's own Ed25519 public key goes to the central staff list through their own
   * login (avg_set_public_key), when this version of the local store keeps one.
   */
  private async publishPublicKey(client: pg.Client, db: LocalDb, staffId: string): Promise<void> {
    if (!LOCAL_STAFF_HAS_PUBLIC_KEY) return;
    const row = db.select().from(staff).where(eq(staff.id, staffId)).get() as { publicKey?: unknown } | undefined;
    if (typeof row?.publicKey !== 'string') return;
    try {
      await client.query('SELECT avg_set_public_key($1)', [row.publicKey]);
    } catch (error) {
      if ((error as { code?: unknown }).code !== '22023') throw error;
      this.logger.warn({ event: 'public-key-refused', code: '22023' });
    }
  }

  /** This desktop's claim on its central audit chain: made once, kept only in the encrypted store. */
  private desktopSecret(db: LocalDb): string {
    const existing = readSetting(db, 'sync.desktopSecret');
    if (existing !== null) return existing;
    const secret = randomBytes(32).toString('base64url');
    writeSetting(db, 'sync.desktopSecret', secret, this.clock.now().toISOString());
    return secret;
  }

  /** The dpo's terms, templates and register, and the admin's letterhead, become the organisation's. */
  private async pushReferenceData(client: pg.Client, db: LocalDb, me: string, actor: SyncActor): Promise<void> {
    const rows = localReferenceData(db).filter((row) => {
      const owner = referenceOwner(row.kind, row.key);
      return owner !== null && actor.roles.includes(owner);
    });
    if (rows.length === 0) return;
    await client.query('BEGIN');
    try {
      for (const row of rows) {
        await client.query(
          `INSERT INTO reference_data (kind, key, value, updated_by, updated_at) VALUES ($1, $2, $3::jsonb, $4::uuid, $5::timestamptz)
           ON CONFLICT (kind, key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
           WHERE reference_data.updated_at < EXCLUDED.updated_at`,
          [row.kind, row.key, JSON.stringify(row.value), me, row.updatedAt],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Once connected, case numbers come from blocks the central database hands out, so two desktops
   * never use the same one; the whole-year block a standalone desktop took is closed.
   */
  private async topUpReferenceBlocks(client: pg.Client, db: LocalDb, actor: SyncActor): Promise<void> {
    if (!isAllowed(actor.roles, 'case.register')) return;
    db.update(referenceBlocks)
      .set({ next: sql`${referenceBlocks.last} + 1` })
      .where(eq(referenceBlocks.source, 'local'))
      .run();
    // The year as case numbers use it (Dutch date); from December also next year's, so a desktop
    // still offline on 2 January can register.
    const today = dutchToday(this.clock.now());
    const year = Number(today.slice(0, 4));
    for (const y of today.slice(5, 7) === '12' ? [year, year + 1] : [year]) {
      const left =
        db.get<{ n: number | null }>(sql`SELECT sum(last - next + 1) AS n FROM reference_blocks WHERE year = ${y} AND source = 'central' AND next <= last`)
          ?.n ?? 0;
      if (left >= BLOCK_LOW) continue;
      let block: { first: number; last: number } | undefined;
      try {
        block = (
          await client.query<{ first: number; last: number }>('SELECT first, last FROM avg_allocate_reference_block($1, $2, $3)', [
            y,
            this.desktopId(db),
            BLOCK_SIZE,
          ])
        ).rows[0];
      } catch (error) {
        // The central ceiling (per desktop, login and year): with numbers left the run goes on; without, the user hears why.
        if ((error as { code?: unknown }).code !== '54000') throw error;
        this.logger.warn({ event: 'reference-block-refused', code: '54000', detail: `${y}: ${left} left` });
        if (left > 0) continue;
        throw new DomainError(
          'CONFLICT',
          `De centrale database geeft deze computer nu geen nieuwe zaaknummers voor ${y}: het maximum per computer en per jaar is bereikt, of er zijn kort geleden al nummers uitgegeven. Vraag functioneel beheer om hulp.`,
        );
      }
      if (block)
        db.insert(referenceBlocks).values({ year: y, first: block.first, last: block.last, next: block.first, source: 'central' }).onConflictDoNothing().run();
    }
  }

  private takeLease(db: LocalDb, runId: string): boolean {
    const now = this.clock.now();
    return db.transaction(
      (tx) => {
        const lease = readSetting(tx, 'sync.lease');
        const held = lease && Date.parse(lease.until) > now.getTime() && processAlive(lease.pid);
        if (held) return false;
        writeSetting(tx, 'sync.lease', { runId, pid: process.pid, until: new Date(now.getTime() + LEASE_MS).toISOString() }, now.toISOString());
        return true;
      },
      { behavior: 'immediate' },
    );
  }

  private releaseLease(db: LocalDb, runId: string): void {
    try {
      if (readSetting(db, 'sync.lease')?.runId === runId) deleteSetting(db, 'sync.lease');
    } catch {
      // The store may have been locked meanwhile; the lease then expires by itself.
    }
  }

  private finish(db: LocalDb, runId: string, end: { outcome: 'ok'; result: RunResult } | { outcome: 'error'; message: string }): void {
    const at = this.clock.now();
    try {
      db.transaction((tx) => {
        if (end.outcome === 'ok') {
          tx.update(syncRuns)
            .set({ finishedAt: at.toISOString(), outcome: 'ok', pushed: end.result.pushed + end.result.auditEvents, pulled: end.result.pulled })
            .where(eq(syncRuns.id, runId))
            .run();
          writeSetting(tx, 'sync.backoff', { failures: 0, nextAttemptAt: null }, at.toISOString());
        } else {
          tx.update(syncRuns).set({ finishedAt: at.toISOString(), outcome: 'error', error: end.message }).where(eq(syncRuns.id, runId)).run();
          const failures = this.backoff(tx).failures + 1;
          writeSetting(tx, 'sync.backoff', { failures, nextAttemptAt: new Date(at.getTime() + backoffDelayMs(failures)).toISOString() }, at.toISOString());
        }
      });
    } catch (error) {
      this.logger.warn({ event: 'sync-state-not-saved', errorName: error instanceof Error ? error.name : typeof error });
    }
  }
}
