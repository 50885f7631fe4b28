import { z } from 'zod';
import { deadlinePolicySchema } from '../cases/case-schemas.js';
import { CHANNELS, DEFAULT_SECOND_CHANNEL_CHANNELS } from '../cases/cases.js';
import { DEFAULT_DEADLINE_POLICY } from '../deadlines/deadlines.js';
import { letterheadSchema } from '../letters/letter-schemas.js';
import { DEFAULT_LETTERHEAD } from '../letters/letterhead.js';
import { DEFAULT_RETENTION_POLICY } from '../retention/retention.js';
import { retentionPolicySchema } from '../retention/retention-contract.js';
import { syncSettingsSchema } from '../sync/sync-schemas.js';
import { AUTO_LOCK_MINUTES, autoLockSchema, logLevelSchema } from './desktop-contract.js';

/**
 * Where a setting belongs: `desktop`, this desktop's own (functioneel beheer sets it here);
 * `shared`, the organisation's, sent to and taken from the central database; `machine`, state the
 * app keeps for itself (sync cursors, keys, watermarks) that nobody sets.
 */
export type SettingScope = 'desktop' | 'shared' | 'machine';

interface SettingSpec<S extends z.ZodType> {
  scope: SettingScope;
  schema: S;
  /** What a desktop reads while the key was never stored. */
  default: z.output<S>;
  /**
   * Shared settings only: whose desktop makes the value the organisation's. The privacy officer owns
   * the legal terms, functioneel beheer the technical settings; the central database's policies
   * apply the same rule (avg_reference_owner).
   */
  owner?: 'dpo' | 'admin';
}

function shared<S extends z.ZodType>(owner: 'dpo' | 'admin', schema: S, fallback: z.output<S>): SettingSpec<S> {
  return { scope: 'shared', owner, schema, default: fallback };
}

function setting<S extends z.ZodType>(scope: 'desktop' | 'machine', schema: S, fallback: z.output<S>): SettingSpec<S> {
  return { scope, schema, default: fallback };
}

const cursor = z.string().default('0');

/**
 * Every key of the local settings table, declared once: what it holds, what it is while unset and
 * where it belongs. The store's reader and writer (db/local/settings) take nothing else, and refuse
 * a value its schema does not accept.
 */
export const SETTINGS = {
  deadlinePolicy: shared('dpo', deadlinePolicySchema, DEFAULT_DEADLINE_POLICY),
  retentionPolicy: shared('dpo', retentionPolicySchema, DEFAULT_RETENTION_POLICY),
  letterhead: shared('admin', letterheadSchema, DEFAULT_LETTERHEAD),
  autoLockMinutes: shared('admin', autoLockSchema.shape.minutes, AUTO_LOCK_MINUTES.default),
  /** Unset: the level from `AVG_DESK_LOG_LEVEL` stays. */
  logLevel: setting('desktop', logLevelSchema.shape.level.nullable(), null),
  /** The intake channels whose changes are verified through a second channel first (§9). */
  secondChannelChannels: setting('desktop', z.array(z.enum(CHANNELS)), [...DEFAULT_SECOND_CHANNEL_CHANNELS]),
  'sync.central': setting('desktop', syncSettingsSchema, { url: null, intervalMinutes: 5 }),
  /** Seeded once, so defaults an admin removed from the register stay removed. */
  processingRegisterSeeded: setting('machine', z.boolean(), false),
  /** PKCS#8 DER, base64: this desktop's own key for the audit events it signs itself. */
  'audit.desktopSigningKey': setting('machine', z.string().nullable(), null),
  'sync.desktopId': setting('machine', z.string().nullable(), null),
  'sync.desktopSecret': setting('machine', z.string().nullable(), null),
  /** Pulled up to where, per part of the central database. */
  'sync.cursors': setting('machine', z.object({ staff: cursor, cases: cursor, reference: cursor, handovers: cursor }).strict(), {
    staff: '0',
    cases: '0',
    reference: '0',
    handovers: '0',
  }),
  'sync.backoff': setting('machine', z.object({ failures: z.number().int().min(0), nextAttemptAt: z.string().nullable() }).strict(), {
    failures: 0,
    nextAttemptAt: null,
  }),
  /** The run that holds the sync, until when; null while no run does. */
  'sync.lease': setting('machine', z.object({ runId: z.string(), pid: z.number().int(), until: z.string() }).strict().nullable(), null),
  /** The last audit event the central database has from this desktop. */
  'sync.auditSeq': setting('machine', z.number().int().min(0), 0),
  /** The highest anchor of this desktop's audit chain the central database held at the last sync. */
  'sync.auditAnchor': setting('machine', z.object({ seq: z.number().int(), hash: z.string() }).strict().nullable(), null),
} as const;

export type SettingKey = keyof typeof SETTINGS;
/** What a key reads as (defaults of its schema filled in). */
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;
/** What may be written under a key. */
export type SettingInput<K extends SettingKey> = z.input<(typeof SETTINGS)[K]['schema']>;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The organisation's settings: an admin's or the dpo's desktop sends them, every desktop takes them in. */
export const SHARED_SETTING_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) => SETTINGS[key].scope === 'shared');

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

/** A settings key no module declared, or a value its declaration does not accept: a fault, never the user's. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/** A key's declaration; the key comes from code, so an undeclared one is a fault (a typo, a key read under an old name). */
export function settingSpec<K extends SettingKey>(key: K): (typeof SETTINGS)[K] {
  if (!isSettingKey(key)) throw new SettingError(`De instelling "${String(key)}" bestaat niet.`);
  return SETTINGS[key];
}

/**
 * A value checked against its key's declaration. `where` says in the error where it came from
 * ("opgeslagen", "te bewaren", "van de centrale database").
 */
export function parseSetting<K extends SettingKey>(key: K, value: unknown, where: string): SettingValue<K> {
  const parsed = settingSpec(key).schema.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const at = problem && problem.path.length > 0 ? ` (${problem.path.join('.')})` : '';
    throw new SettingError(`De ${where} waarde van de instelling "${key}" klopt niet${at}: ${problem?.message ?? 'onbekende fout'}.`);
  }
  return parsed.data as SettingValue<K>;
}
