import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedStore, DEFAULT_MIGRATIONS_FOLDER } from '../../main/platform/encrypted-db.js';
import { tempDir } from '../support/basics.js';

/**
 * One test per migration: migrate to N−1, put rows in, migrate to N, check the rows and the new
 * behaviour. Migrations are replayed from a copy of the folder whose journal stops at N.
 */
interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function foldersUpTo(root: string) {
  return (count: number): string => {
    const dir = join(root, `migrations-${count}`);
    mkdirSync(join(dir, 'meta'), { recursive: true });
    for (const entry of journal.entries.slice(0, count)) cpSync(join(DEFAULT_MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
    return dir;
  };
}

function setup() {
  const t = tempDir();
  cleanup = t.cleanup;
  return { file: join(t.dir, 'store.db'), key: randomBytes(32), upTo: foldersUpTo(t.dir), dir: t.dir };
}

describe('local store migrations', () => {
  it('the journal lists exactly the SQL files in the folder', () => {
    const files = readdirSync(DEFAULT_MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
  });

  it('0000_init: creates staff, audit_events and settings on an empty store', () => {
    const { file, key, upTo } = setup();
    const store = openEncryptedStore(file, key, upTo(1));
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['audit_events', 'settings', 'staff']);
    store.sqlite.prepare("INSERT INTO staff VALUES ('id-1', 'jan', 'Jan Testpersoon', '[\"admin\"]', 1, 'x', 'x')").run();
    expect(() => store.sqlite.prepare("INSERT INTO staff VALUES ('id-2', 'jan', 'Ander', '[]', 1, 'x', 'x')").run()).toThrow(/UNIQUE/u);
    store.close();
  });

  it('0001_audit_append_only: keeps existing events and refuses to change them afterwards', () => {
    const { file, key, upTo } = setup();
    const before = openEncryptedStore(file, key, upTo(1));
    before.sqlite.prepare("INSERT INTO audit_events VALUES (1, 'e-1', 'nu', NULL, '[]', 'setup.createAdmin', NULL, NULL, 'ok', 'p', 'h')").run();
    before.sqlite.prepare("UPDATE audit_events SET outcome = 'error' WHERE seq = 1").run(); // still allowed at N−1
    before.close();
    const after = openEncryptedStore(file, key, upTo(2));
    expect(after.sqlite.prepare('SELECT outcome FROM audit_events WHERE seq = 1').pluck().get()).toBe('error');
    expect(() => after.sqlite.prepare("UPDATE audit_events SET outcome = 'ok' WHERE seq = 1").run()).toThrow(/append-only/u);
    expect(() => after.sqlite.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/u);
    after.sqlite.prepare("INSERT INTO audit_events VALUES (2, 'e-2', 'nu', NULL, '[]', 'session.login', NULL, NULL, 'ok', 'h', 'h2')").run();
    after.close();
  });

  const STAFF = "INSERT INTO staff VALUES ('s-1', 'hanna', 'Hanna Test', '[\"handler\"]', 1, 'x', 'x')";
  const CASE = `INSERT INTO cases (id, reference, type, status, requester_name, requester_relation, channel, received_on, written_and_signed,
      created_by, created_at, updated_at, due_on, original_due_on, due_basis, handler_id, customer_number)
    VALUES ('c-1', 'AVG-2026-0001', 'inzage', 'ontvangen', 'Özlem Test', 'huurder', 'brief', '2026-11-25', 1, 's-1', 'x', 'x', '2026-12-23', '2026-12-23', 'beleid', 's-1', 'K-1')`;

  it('0002_cases: adds cases, tasks and reference blocks next to existing staff', () => {
    const { file, key, upTo } = setup();
    const before = openEncryptedStore(file, key, upTo(2));
    before.sqlite.prepare(STAFF).run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(3));
    after.sqlite.prepare(CASE).run();
    expect(() => after.sqlite.prepare("INSERT INTO case_tasks VALUES ('t-1', 'geen-zaak', 'verlengingsbericht', 'open', NULL, 'x', NULL)").run()).toThrow(
      /FOREIGN KEY/u,
    );
    after.sqlite.prepare("INSERT INTO case_tasks VALUES ('t-1', 'c-1', 'verlengingsbericht', 'open', NULL, 'x', NULL)").run();
    expect(after.sqlite.prepare('SELECT count(*) FROM reference_blocks').pluck().get()).toBe(0);
    after.close();
  });

  it('0003_case_search: indexes the cases that were already there', () => {
    const { file, key, upTo } = setup();
    const before = openEncryptedStore(file, key, upTo(3));
    before.sqlite.prepare(STAFF).run();
    before.sqlite.prepare(CASE).run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(4));
    expect(after.sqlite.prepare('SELECT case_id FROM case_search WHERE case_search MATCH \'"ozlem"*\'').pluck().all()).toEqual(['c-1']);
    after.close();
  });

  it('0004_queue_index: the queue counters read an index only', () => {
    const { file, key, upTo } = setup();
    const before = openEncryptedStore(file, key, upTo(4));
    before.sqlite.prepare(STAFF).run();
    before.sqlite.prepare(CASE).run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(5));
    const plan = after.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM cases WHERE status NOT IN ('afgesloten') AND due_on < '2027-01-01' AND suspended_since IS NULL")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX cases_queue/u);
    expect(after.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    after.close();
  });

  it('0005_identity: case keys, files and identity records next to existing cases', () => {
    const { file, key, upTo } = setup();
    const before = openEncryptedStore(file, key, upTo(5));
    before.sqlite.prepare(STAFF).run();
    before.sqlite.prepare(CASE).run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(6));
    after.sqlite.prepare("INSERT INTO case_keys VALUES ('c-1', x'00', 'x')").run();
    expect(() => after.sqlite.prepare("INSERT INTO case_keys VALUES ('geen-zaak', x'00', 'x')").run()).toThrow(/FOREIGN KEY/u);
    after.sqlite
      .prepare(
        "INSERT INTO identity_checks (id, case_id, subject, method, outcome, checks_passed, verified_by, verified_at) VALUES ('i-1', 'c-1', 'verzoeker', 'balie', 'geverifieerd', '[]', 's-1', 'x')",
      )
      .run();
    expect(after.sqlite.prepare('SELECT copies_destroyed FROM identity_checks').pluck().get()).toBe(0);
    after.close();
  });

  it('0007_letters: letters, decisions, outbox and the processing register next to existing cases', () => {
    const { file, key, upTo } = setup();
    const index = journal.entries.findIndex((e) => e.tag === '0007_letters');
    const before = openEncryptedStore(file, key, upTo(index));
    before.sqlite.prepare(STAFF).run();
    before.sqlite.prepare(CASE).run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(index + 1));
    expect(after.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    const letter = `INSERT INTO letters (id, case_id, kind, status, data, content, author_ids, drafted_by, drafted_at, updated_at)
      VALUES ('l-1', ?, 'besluit-inzage', 'concept', '{}', '{}', '["s-1"]', 's-1', 'x', 'x')`;
    expect(() => after.sqlite.prepare(letter).run('geen-zaak')).toThrow(/FOREIGN KEY/u);
    after.sqlite.prepare(letter).run('c-1');
    after.sqlite.prepare("INSERT INTO outbox (id, kind, payload, created_at) VALUES ('o-1', 'decision', '{}', 'x')").run();
    expect(after.sqlite.prepare('SELECT sent_at FROM outbox').pluck().get()).toBeNull();
    after.sqlite.prepare("INSERT INTO decisions VALUES ('d-1', 'c-1', 'l-1', 'besluit-inzage', 'toegewezen', '2026-11-25', 's-1', 'x')").run();
    expect(() =>
      after.sqlite.prepare("INSERT INTO decisions VALUES ('d-2', 'c-1', 'l-1', 'besluit-inzage', 'toegewezen', '2026-11-25', 's-1', 'x')").run(),
    ).toThrow(/UNIQUE/u);
    expect(() => after.sqlite.prepare("INSERT INTO case_activities VALUES ('c-1', 'bestaat-niet')").run()).toThrow(/FOREIGN KEY/u);
    after.close();
  });

  it('0022_case_search_keys: every indexed case gets an integer key, its index row is found by it and stays searchable', () => {
    const { file, key, upTo } = setup();
    const at = journal.entries.findIndex((e) => e.tag === '0022_case_search_keys');
    const before = openEncryptedStore(file, key, upTo(at));
    before.sqlite
      .prepare(
        "INSERT INTO staff (id, user_name, full_name, roles, active, created_at, updated_at) VALUES ('s-1', 'hanna', 'Hanna Test', '[\"handler\"]', 1, 'x', 'x')",
      )
      .run();
    before.sqlite.prepare(CASE).run();
    const index = before.sqlite.prepare("INSERT INTO case_search (case_id, reference, requester_name, customer_number) VALUES ('c-1', 'avg-2026-0001', ?, '')");
    // A stale row next to the current one: only the newest stays.
    index.run('oud');
    index.run('ozlem yilmaz');
    before.close();
    const after = openEncryptedStore(file, key, upTo(at + 1));
    const keys = after.sqlite.prepare('SELECT id, case_id FROM case_search_keys').all() as { id: number; case_id: string }[];
    expect(keys.map((k) => k.case_id)).toEqual(['c-1']);
    expect(after.sqlite.prepare('SELECT rowid AS id, case_id, requester_name FROM case_search').all()).toEqual([
      { id: keys[0]?.id, case_id: 'c-1', requester_name: 'ozlem yilmaz' },
    ]);
    expect(after.sqlite.prepare('SELECT case_id FROM case_search WHERE case_search MATCH \'"ozlem"*\'').pluck().all()).toEqual(['c-1']);
    expect(() => after.sqlite.prepare("INSERT INTO case_search_keys (case_id) VALUES ('c-1')").run()).toThrow(/UNIQUE/u);
    after.close();
  });

  it('a wrong key opens nothing and changes nothing', () => {
    const { file, key, upTo } = setup();
    openEncryptedStore(file, key, upTo(journal.entries.length)).close();
    const bytes = readFileSync(file);
    expect(() => openEncryptedStore(file, randomBytes(32), upTo(journal.entries.length))).toThrow(/STORE_UNREADABLE/u);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('the committed migrations match the schema files (drizzle-kit finds nothing to generate)', () => {
    const { dir } = setup();
    const out = join(dir, 'kit');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, out, { recursive: true });
    // drizzle-kit takes --out relative to the working directory.
    const output = execFileSync(
      process.execPath,
      ['node_modules/drizzle-kit/bin.cjs', 'generate', '--dialect', 'sqlite', '--schema', 'db/local/**/schema.ts', '--out', relative(process.cwd(), out)],
      { encoding: 'utf8' },
    );
    expect(output).toMatch(/No schema changes/u);
  }, 60_000);
});
