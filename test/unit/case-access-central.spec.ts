/**
 * The access table (test/support/access-table.ts) against the central database's row-level
 * security, on the real PostgreSQL the suite starts: one login per staff function, a case assigned
 * to that login, one assigned to another handler and an unassigned one, and for each decision the
 * central database enforces the statement the sync would send. Refused is error 42501 (no right, or
 * a policy's check) or no row; each attempt runs in a transaction that is rolled back.
 *
 * Decisions only the desktop takes (working a case, the queue, handover export, reassigning) have no
 * central statement of their own and are covered by case-access-services.spec.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateCentral } from '../../db/central/migrate.js';
import { RELATIONSHIPS, type Relationship } from '../../shared/cases/access.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';
import { EXPECTED, type Check } from '../support/access-table.js';
import { clientConfig, connect, dropFileDatabase, makeLogins } from '../support/insiders.js';
import { createTestDatabase } from '../support/postgres.js';

const PASSWORD = 'Toegang-Test-Wachtwoord-2026!';
// Login roles are cluster-wide: names of this file only.
const tag = randomBytes(3).toString('hex');

/** Runs one statement as the login in a transaction that is rolled back: did PostgreSQL let it act on the case? */
async function attempt(client: pg.Client, text: string, values: unknown[]): Promise<boolean> {
  await client.query('BEGIN');
  try {
    return ((await client.query(text, values)).rowCount ?? 0) > 0;
  } catch (error) {
    if ((error as { code?: string }).code === '42501') return false;
    throw error;
  } finally {
    await client.query('ROLLBACK');
  }
}

/** What the desktop (or its sync) sends for each decision the central database enforces. */
const CENTRAL: Partial<Record<Check, { statement: string; values: (caseId: string) => unknown[] }>> = {
  seeContent: { statement: 'SELECT name FROM case_requesters WHERE case_id = $1', values: (id) => [id] },
  extend: { statement: 'UPDATE cases SET extension_months = 1, due_on = due_on + 30 WHERE id = $1', values: (id) => [id] },
  placeHold: { statement: `UPDATE cases SET legal_hold = true, legal_hold_reason = 'klacht' WHERE id = $1`, values: (id) => [id] },
  readSignedLetter: { statement: 'SELECT id FROM letters WHERE case_id = $1', values: (id) => [id] },
  requestSigning: { statement: `INSERT INTO signing_requests (letter_id, case_id, kind) VALUES ($1, $2, 'besluit')`, values: (id) => [randomUUID(), id] },
};

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: pg.Client;
const logins: string[] = [];
const as = {} as Record<Role, pg.Client>;
const cases = {} as Record<Role, Record<Relationship, string>>;

async function makeCase(reference: string, handler: string | null, signer: string): Promise<string> {
  const id = randomUUID();
  const letter = randomUUID();
  await owner.query(
    `INSERT INTO cases (id, reference, type, channel, received_on, due_on, original_due_on, status, handler_id, updated_at)
     VALUES ($1, $2, 'inzage', 'brief', '2026-11-02', '2026-12-02', '2026-12-02', 'in_behandeling', $3, now())`,
    [id, reference, handler],
  );
  await owner.query(`INSERT INTO case_requesters (case_id, name, relation, written_and_signed) VALUES ($1, 'Testpersoon Centraal', 'huurder', true)`, [id]);
  await owner.query(
    `INSERT INTO decisions (id, case_id, letter_id, kind, outcome, decided_on, signed_by, signed_at, sha256) VALUES ($1, $2, $3, 'besluit', 'toegewezen', '2026-11-20', $4, now(), 'ab')`,
    [randomUUID(), id, letter, signer],
  );
  await owner.query(`INSERT INTO letters (id, case_id, kind, signed_by, signed_at, sha256, pdf) VALUES ($1, $2, 'besluit', $3, now(), 'ab', '\\x25504446')`, [
    letter,
    id,
    signer,
  ]);
  return id;
}

beforeAll(async () => {
  db = await createTestDatabase('access');
  await migrateCentral(db.url);
  owner = await connect(clientConfig(db.url));
  const people = {
    henk: { fullName: 'Henk Behandelaar', roles: ['handler'] },
    sven: { fullName: 'Sven Tekenaar', roles: ['signer'] },
    ...Object.fromEntries(ROLES.map((role) => [`wie_${role}`, { fullName: `Medewerker ${role}`, roles: [role] }])),
  } as Record<string, { fullName: string; roles: Role[] }>;
  const { ids, loginRoles } = await makeLogins(owner, people, tag, PASSWORD);
  logins.push(...Object.values(loginRoles));
  const sven = ids.sven ?? '';
  const other = await makeCase('AVG-2026-0900', ids.henk ?? '', sven);
  const unassigned = await makeCase('AVG-2026-0901', null, sven);
  let n = 910;
  for (const role of ROLES) {
    cases[role] = { assigned: await makeCase(`AVG-2026-0${n++}`, ids[`wie_${role}`] ?? '', sven), other, unassigned };
    as[role] = await connect(clientConfig(db.url, loginRoles[`wie_${role}`], PASSWORD));
  }
});

afterAll(() => dropFileDatabase(db, [...Object.values(as), owner], logins));

describe('case access in the central database: role × relationship × decision', () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
      const got: Partial<Record<Check, string>> = {};
      const want: Partial<Record<Check, string>> = {};
      for (const [check, probe] of Object.entries(CENTRAL) as [Check, NonNullable<(typeof CENTRAL)[Check]>][]) {
        let cells = '';
        for (const r of RELATIONSHIPS) cells += (await attempt(as[role], probe.statement, probe.values(cases[role][r]))) ? 'y' : 'n';
        got[check] = cells;
        want[check] = EXPECTED[role][check];
      }
      expect(got).toEqual(want);
    });
  }
});
