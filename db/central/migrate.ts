import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const CENTRAL_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** The six function roles (NOLOGIN) the migrations create. */
export const FUNCTION_ROLES = ['avg_intake', 'avg_handler', 'avg_signer', 'avg_dpo', 'avg_auditor', 'avg_admin'] as const;

export interface MigrateCentralOptions {
  migrationsFolder?: string;
}

export interface MigrateCentralResult {
  /** Migration tags applied by this run (empty when the database was up to date). */
  applied: string[];
  /** Every migration the database now has. */
  total: number;
  /** The function roles present in the cluster afterwards. */
  roles: string[];
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

/**
 * Applies the central schema, the function roles and the row-level security policies, as the
 * owner. Safe to run again (drizzle records what it applied) and from two processes at once (an
 * advisory lock serialises them). `connection` is a pg client configuration — the app and the CLI
 * pass main/sync/central/connection.ts's centralClientConfig(url), which enforces TLS — or a URL as pg
 * reads it (tests on loopback).
 */
export async function migrateCentral(connection: string | pg.ClientConfig, options: MigrateCentralOptions = {}): Promise<MigrateCentralResult> {
  const migrationsFolder = options.migrationsFolder ?? CENTRAL_MIGRATIONS_FOLDER;
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : connection);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('avg_desk_central_migrate'))");
    const before = await appliedMillis(client);
    await migrate(drizzle(client), { migrationsFolder });
    // What a migration created goes to avg_owner (0013), so no staff login can alter it.
    const handOver = await client.query<{ f: string | null }>("SELECT to_regprocedure('public.avg_hand_to_owner()')::text AS f");
    if (handOver.rows[0]?.f) await client.query('SELECT avg_hand_to_owner()');
    const after = await appliedMillis(client);
    const roles = await client.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname', [FUNCTION_ROLES]);
    return {
      applied: journal.entries.filter((e) => after.has(e.when) && !before.has(e.when)).map((e) => e.tag),
      total: after.size,
      roles: roles.rows.map((r) => r.rolname),
    };
  } finally {
    await client.end();
  }
}

async function appliedMillis(client: pg.Client): Promise<Set<number>> {
  const exists = await client.query<{ t: string | null }>("SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t");
  if (!exists.rows[0]?.t) return new Set();
  const rows = await client.query<{ created_at: string }>('SELECT created_at FROM drizzle.__drizzle_migrations');
  return new Set(rows.rows.map((r) => Number(r.created_at)));
}
