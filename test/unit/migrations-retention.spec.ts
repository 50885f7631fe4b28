import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openEncryptedStore } from '../../main/platform/encrypted-db.js';
import { tempDir } from '../support/basics.js';

/** 0009_retention and 0010_retention_closed_at, in the pattern of migrations.spec.ts: N−1, rows, N, check. */
interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
const indexOf = (tag: string) => journal.entries.findIndex((e) => e.tag === tag);

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function setup() {
  const t = tempDir();
  cleanup = t.cleanup;
  const upTo = (count: number) => {
    const dir = join(t.dir, `migrations-${count}`);
    mkdirSync(join(dir, 'meta'), { recursive: true });
    for (const entry of journal.entries.slice(0, count)) cpSync(join(DEFAULT_MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
    return dir;
  };
  return { file: join(t.dir, 'store.db'), key: randomBytes(32), upTo };
}

const STAFF =
  "INSERT INTO staff (id, user_name, full_name, roles, active, created_at, updated_at) VALUES ('s-1', 'hanna', 'Hanna Test', '[\"handler\"]', 1, 'x', 'x')";
const CASE = (
  id: string,
  status: string,
  updatedAt: string,
) => `INSERT INTO cases (id, reference, type, status, requester_name, requester_relation, channel, received_on, written_and_signed,
      created_by, created_at, updated_at, due_on, original_due_on, due_basis, handler_id)
    VALUES ('${id}', 'AVG-2026-${id.slice(-4)}', 'inzage', '${status}', 'Özlem Test', 'huurder', 'brief', '2026-11-25', 1, 's-1', 'x', '${updatedAt}', '2026-12-23', '2026-12-23', 'beleid', 's-1')`;

describe('retention migrations', () => {
  it('0009_retention: holds, lists and destruction records next to existing cases', () => {
    const { file, key, upTo } = setup();
    const index = indexOf('0009_retention');
    const before = openEncryptedStore(file, key, upTo(index));
    before.sqlite.prepare(STAFF).run();
    before.sqlite.prepare(CASE('c-0001', 'ontvangen', '2026-11-25T09:00:00.000Z')).run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(index + 1));
    expect(after.sqlite.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    const hold = "INSERT INTO legal_holds (id, case_id, kind, reason, placed_by, placed_at) VALUES ('h-1', ?, 'klacht', 'Lopende klacht', 's-1', 'x')";
    expect(() => after.sqlite.prepare(hold).run('geen-zaak')).toThrow(/FOREIGN KEY/u);
    after.sqlite.prepare(hold).run('c-0001');
    after.sqlite.prepare("INSERT INTO destruction_lists (id, proposed_at, status) VALUES ('l-1', 'x', 'voorgesteld')").run();
    const record = "INSERT INTO destruction_records VALUES ('r-1', 'c-9', 'AVG-2024-0001', 'inzage', '2024-01-02', '2024-02-01', '2026-02-01', 's-1', 'l-1')";
    after.sqlite.prepare(record).run();
    expect(() => after.sqlite.prepare(record.replace("'r-1'", "'r-2'")).run()).toThrow(/UNIQUE/u);
    after.close();
  });

  it('0010_retention_closed_at: closed cases get their closure from their last change; later closures by trigger', () => {
    const { file, key, upTo } = setup();
    const index = indexOf('0010_retention_closed_at');
    const before = openEncryptedStore(file, key, upTo(index));
    before.sqlite.prepare(STAFF).run();
    before.sqlite.prepare(CASE('c-0001', 'afgesloten', '2026-10-01T09:00:00.000Z')).run();
    before.sqlite.prepare(CASE('c-0002', 'ingetrokken', '2026-10-02T09:00:00.000Z')).run();
    before.sqlite.prepare(CASE('c-0003', 'in_behandeling', '2026-10-03T09:00:00.000Z')).run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(index + 1));
    const closures = () => after.sqlite.prepare('SELECT case_id, closed_at FROM case_retention ORDER BY case_id').all();
    expect(closures()).toEqual([
      { case_id: 'c-0001', closed_at: '2026-10-01T09:00:00.000Z' },
      { case_id: 'c-0002', closed_at: '2026-10-02T09:00:00.000Z' },
    ]);
    after.sqlite.prepare("UPDATE cases SET status = 'verzonden', updated_at = '2026-11-01T09:00:00.000Z' WHERE id = 'c-0003'").run();
    expect(closures()).toHaveLength(2);
    after.sqlite.prepare("UPDATE cases SET status = 'afgesloten', updated_at = '2026-11-02T09:00:00.000Z' WHERE id = 'c-0003'").run();
    after.sqlite.prepare("UPDATE cases SET updated_at = '2026-12-01T09:00:00.000Z' WHERE id = 'c-0003'").run();
    expect(closures()).toContainEqual({ case_id: 'c-0003', closed_at: '2026-11-02T09:00:00.000Z' });
    after.close();
  });

  it('0012_retention_per_record_type: existing items and records are register records; a case may have one of each kind', () => {
    const { file, key, upTo } = setup();
    const index = indexOf('0012_retention_per_record_type');
    const before = openEncryptedStore(file, key, upTo(index));
    before.sqlite.prepare(STAFF).run();
    before.sqlite.prepare("INSERT INTO destruction_lists (id, proposed_at, status) VALUES ('l-1', 'x', 'voorgesteld')").run();
    before.sqlite
      .prepare(
        "INSERT INTO destruction_list_items (list_id, case_id, reference, request_type, closed_on, destroy_on) VALUES ('l-1', 'c-9', 'AVG-2024-0001', 'inzage', '2024-02-01', '2026-02-01')",
      )
      .run();
    before.sqlite
      .prepare("INSERT INTO destruction_records VALUES ('r-1', 'c-9', 'AVG-2024-0001', 'inzage', '2024-01-02', '2024-02-01', '2026-02-01', 's-1', 'l-1')")
      .run();
    before.close();
    const after = openEncryptedStore(file, key, upTo(index + 1));
    expect(after.sqlite.prepare('SELECT case_id, kind FROM destruction_list_items').all()).toEqual([{ case_id: 'c-9', kind: 'registratie' }]);
    expect(after.sqlite.prepare('SELECT id, kind FROM destruction_records').all()).toEqual([{ id: 'r-1', kind: 'registratie' }]);
    after.sqlite
      .prepare(
        "INSERT INTO destruction_list_items (list_id, case_id, kind, reference, request_type, closed_on, destroy_on) VALUES ('l-1', 'c-9', 'brieven', 'AVG-2024-0001', 'inzage', '2024-02-01', '2025-02-01')",
      )
      .run();
    const letters =
      "INSERT INTO destruction_records (id, case_id, kind, reference, request_type, received_on, closed_on, destroyed_on, approved_by, list_id) VALUES (?, 'c-9', 'brieven', 'AVG-2024-0001', 'inzage', '2024-01-02', '2024-02-01', '2025-02-01', 's-1', 'l-1')";
    after.sqlite.prepare(letters).run('r-2');
    expect(() => after.sqlite.prepare(letters).run('r-3')).toThrow(/UNIQUE/u);
    after.close();
  });
});
