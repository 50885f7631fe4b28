/**
 * One owner for case access: the hand-written table (test/support/access-table.ts) held against the
 * shared predicates, against the queue's SQL generated from them (on SQLite), and against the
 * services themselves, role by role and relationship by relationship. The same table runs against
 * the central database's row-level security in case-access-central.spec.ts.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { caseAccessCondition } from '../../db/local/cases/access-sql.js';
import { CASE_DECISIONS, may, mayReadLetter, RELATIONSHIPS, type Actor, type CaseAssignment, type Relationship } from '../../shared/cases/access.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';
import { EXPECTED, expected, type Check } from '../support/access-table.js';

const ME = 'me';
const caseFor = (relationship: Relationship): CaseAssignment => ({ handlerId: relationship === 'assigned' ? ME : relationship === 'other' ? 'henk' : null });

/** The shared predicate behind each row of the table. */
function decide(actor: Actor, check: Check, c: CaseAssignment): boolean {
  if (check === 'readSignedLetter') return mayReadLetter(actor, c, { status: 'ondertekend', signedBy: 'sven' });
  if (check === 'readSubmittedLetter') return mayReadLetter(actor, c, { status: 'ter_ondertekening', signedBy: null });
  return may(actor, check, c);
}

const CHECKS = Object.keys(EXPECTED.intake) as Check[];
const PAIRS = ROLES.flatMap((a, i) => ROLES.slice(i + 1).map((b) => [a, b] as const));

describe('case access: the shared predicates', () => {
  it('the table names every decision the code declares, and no other', () => {
    expect([...CHECKS].sort()).toEqual([...CASE_DECISIONS, 'readSignedLetter', 'readSubmittedLetter'].sort());
  });

  for (const role of ROLES) {
    it(`${role}: every decision on an assigned, another's and an unassigned case`, () => {
      const actor: Actor = { staffId: ME, roles: [role] };
      const got = Object.fromEntries(CHECKS.map((check) => [check, RELATIONSHIPS.map((r) => (decide(actor, check, caseFor(r)) ? 'y' : 'n')).join('')]));
      expect(got).toEqual(EXPECTED[role]);
    });
  }

  it('functions add up: someone with two functions may what either may', () => {
    for (const [a, b] of PAIRS) {
      for (const check of CHECKS) {
        for (const r of RELATIONSHIPS) {
          expect(decide({ staffId: ME, roles: [a, b] }, check, caseFor(r)), `${a}+${b} ${check} ${r}`).toBe(expected(a, check, r) || expected(b, check, r));
        }
      }
    }
  });
});

describe("case access: the queue's SQL from the same rules", () => {
  const sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, handler_id TEXT)`);
  const insert = sqlite.prepare('INSERT INTO cases (id, handler_id) VALUES (?, ?)');
  for (const r of RELATIONSHIPS) insert.run(r, caseFor(r).handlerId);

  const selected = (roles: readonly Role[], decision: (typeof CASE_DECISIONS)[number]) =>
    (sqlite.prepare(`SELECT id FROM cases c WHERE ${caseAccessCondition(roles, decision)} ORDER BY id`).all({ me: ME }) as { id: string }[]).map(
      (row) => row.id,
    );

  it('selects exactly the cases the table allows, for every function and every pair of functions', () => {
    for (const roles of [...ROLES.map((r) => [r] as const), ...PAIRS]) {
      for (const decision of CASE_DECISIONS) {
        const allowed = RELATIONSHIPS.filter((r) => roles.some((role) => expected(role, decision, r))).sort();
        expect(selected(roles, decision), `${roles.join('+')} ${decision}`).toEqual(allowed);
      }
    }
  });
});
