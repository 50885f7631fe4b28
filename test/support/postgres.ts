/**
 * A real PostgreSQL for the tests: ONE throwaway Debian cluster per test run (vitest globalSetup:
 * `setup` / `teardown` below), in a temp folder, on a free loopback port, run as the `postgres` user
 * when we are root. Logins use SCRAM over 127.0.0.1, so a test can connect as any login role and
 * PostgreSQL itself enforces the roles and row-level security. Each test file makes its own database
 * with `createTestDatabase()`.
 *
 * When the PostgreSQL programs are missing, the tests that need them fail with the command to run
 * (scripts/test.mjs installs them as root); the other tests are not affected.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';

/** The superuser URL of the cluster, for the test workers. */
export const TEST_PG_URL_ENV = 'AVG_DESK_TEST_PG_URL';
/** Why there is no cluster (missing programs), for the test workers. */
export const TEST_PG_ERROR_ENV = 'AVG_DESK_TEST_PG_ERROR';

export const INSTALL_POSTGRES = 'apt-get update && apt-get install -y --no-install-recommends postgresql';

declare module 'vitest' {
  export interface ProvidedContext {
    avgDeskTestPg: { url: string | null; error: string | null };
  }
}

/** The newest Debian PostgreSQL bin folder, or one on PATH. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return which.status === 0 && path ? path.replace(/\/initdb$/u, '') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('geen vrije poort'))));
    });
  });
}

interface Cluster {
  dir: string;
  bin: string;
  asPostgres: boolean;
}

function run(c: Cluster, program: string, args: string[]): void {
  const [command, argv] = c.asPostgres ? ['runuser', ['-u', 'postgres', '--', join(c.bin, program), ...args]] : [join(c.bin, program), args];
  const result = spawnSync(command, argv as string[], { encoding: 'utf8', cwd: c.dir });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} mislukt (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** Starts the cluster; returns its superuser URL. */
export async function startTestCluster(): Promise<{ url: string; stop(): void }> {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      `PostgreSQL ontbreekt: de tests van de centrale database hebben een echte PostgreSQL-server nodig.\nVoer uit (als root):\n  ${INSTALL_POSTGRES}`,
    );
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'avg-desk-pg-'));
  const c: Cluster = { dir, bin, asPostgres: isRoot };
  // As root, the folder and everything in it belong to the postgres user (initdb refuses root).
  const idOf = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  const owner = isRoot ? { uid: idOf('-u'), gid: idOf('-g') } : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const password = randomBytes(18).toString('base64url');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  const data = join(dir, 'data');
  run(c, 'initdb', ['-D', data, '-U', 'postgres', '--pwfile', pwfile, '-E', 'UTF8', '--locale=C', '--auth-local=trust', '--auth-host=scram-sha-256']);
  rmSync(pwfile);
  // Only loopback, only with a password (SCRAM): the role tests log in as each login role.
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n');
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(c, 'pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(c, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let stopCluster: (() => void) | null = null;

/** vitest globalSetup: one cluster for the whole run, or the reason there is none. */
export async function setup(project: TestProject): Promise<void> {
  let url: string | null = null;
  let error: string | null = null;
  try {
    const started = await startTestCluster();
    stopCluster = started.stop;
    url = started.url;
    // Also when the run is interrupted before teardown: no cluster left behind.
    process.once('exit', teardown);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (url) process.env[TEST_PG_URL_ENV] = url;
  if (error) process.env[TEST_PG_ERROR_ENV] = error;
  project.provide('avgDeskTestPg', { url, error });
}

export function teardown(): void {
  stopCluster?.();
  stopCluster = null;
}

/** The cluster's superuser URL; throws the reason (with the install command) when there is none. */
export function testClusterUrl(): string {
  let provided: { url: string | null; error: string | null } | undefined;
  try {
    provided = inject('avgDeskTestPg');
  } catch {
    provided = undefined;
  }
  const url = provided?.url ?? process.env[TEST_PG_URL_ENV];
  if (url) return url;
  throw new Error(
    provided?.error ??
      process.env[TEST_PG_ERROR_ENV] ??
      `Geen PostgreSQL voor de tests: vitest.config.ts start er een (globalSetup test/support/postgres.ts).\nOntbreekt PostgreSQL, voer dan uit (als root):\n  ${INSTALL_POSTGRES}`,
  );
}

/** A fresh database in the test cluster (superuser URL); `drop()` removes it. */
export async function createTestDatabase(name = 'avg'): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = testClusterUrl();
  const database = `t_${name
    .toLowerCase()
    .replace(/[^a-z0-9_]/gu, '_')
    .slice(0, 30)}_${randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A URL of the cluster for another login (same host, port and database). */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}
