/**
 * Hostile insiders against the central database (real PostgreSQL, the run's cluster): each attack
 * is made as the staff login that would make it, and PostgreSQL itself must refuse it, while the
 * legitimate path next to it still works. Only the owner (the login that migrates) and superusers
 * stand above these rules; the README says what they can still do.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  APPEND,
  as,
  caseA,
  caseB,
  clientConfig,
  connect,
  CREATE_LOGIN,
  db,
  event,
  EVERYONE,
  extraLogins,
  functionsOf,
  ids,
  INSERT_CASE,
  INSERT_DECISION,
  INSERT_LETTER,
  logins,
  owner,
  PASSWORD,
  refused,
  rows,
  tag,
  useInsiderDatabase,
} from '../support/insiders.js';

useInsiderDatabase();

describe('logins: nobody grants a function they may not hold', () => {
  it('the admin cannot make itself dpo, not even after SET ROLE avg_admin', async () => {
    await as.bea.query('SET ROLE avg_admin');
    try {
      await refused(as.bea, CREATE_LOGIN, [`bea-${tag}`, 'Bea Beheer', ['admin', 'dpo'], PASSWORD]);
    } finally {
      await as.bea.query('RESET ROLE');
    }
    await refused(as.bea, CREATE_LOGIN, [`bea-${tag}`, 'Bea Beheer', ['admin', 'dpo'], PASSWORD]);
    expect(await functionsOf(logins.bea)).toEqual(['avg_admin']);
    expect(await rows(owner, 'SELECT roles FROM staff WHERE id = $1', [ids.bea])).toEqual([{ roles: ['admin'] }]);
  });

  it("the admin cannot reset the dpo's password, nor make a login with dpo, signer or auditor; the dpo can, and every grant is logged", async () => {
    await refused(as.bea, CREATE_LOGIN, [`fenna-${tag}`, 'Fenna FG', ['dpo'], 'Overgenomen-Wachtwoord-1!'], /Alleen de FG/u);
    await (await connect(clientConfig(db.url, logins.fenna, PASSWORD))).end();
    await refused(as.bea, CREATE_LOGIN, [`sanne-${tag}`, 'Sanne Tekenaar', ['handler'], 'Overgenomen-Wachtwoord-1!']);
    const second = `tweede-${tag}`;
    extraLogins.push(`avg_u_tweede_${tag}`);
    for (const fn of ['dpo', 'signer', 'auditor']) await refused(as.bea, CREATE_LOGIN, [second, 'Tweede Login', [fn], PASSWORD]);
    await refused(as.bea, `INSERT INTO staff (id, user_name, full_name, roles, login_role) VALUES ($1, $2, 'Tweede Login', '{dpo}', $3)`, [
      randomUUID(),
      second,
      `avg_u_tweede_${tag}`,
    ]);
    expect(await rows(owner, 'SELECT 1 FROM pg_roles WHERE rolname = $1', [`avg_u_tweede_${tag}`])).toEqual([]);

    // The legitimate path: the admin adds a handler, the dpo makes them signer too.
    const nina = `nina-${tag}`;
    extraLogins.push(`avg_u_nina_${tag}`);
    await as.bea.query(CREATE_LOGIN, [nina, 'Nina Nieuw', ['handler'], PASSWORD]);
    await as.fenna.query(CREATE_LOGIN, [nina, 'Nina Nieuw', ['handler', 'signer'], PASSWORD]);
    expect(await functionsOf(`avg_u_nina_${tag}`)).toEqual(['avg_handler', 'avg_signer']);
    await refused(as.bea, CREATE_LOGIN, [nina, 'Nina Nieuw', ['handler'], PASSWORD]);
    const log = await rows(
      as.aart,
      'SELECT granted_by, user_name, functions_before, functions_after, new_login FROM staff_grants WHERE user_name = $1 ORDER BY id',
      [nina],
    );
    expect(log).toEqual([
      { granted_by: ids.bea, user_name: nina, functions_before: [], functions_after: ['handler'], new_login: true },
      { granted_by: ids.fenna, user_name: nina, functions_before: ['handler'], functions_after: ['handler', 'signer'], new_login: false },
    ]);
    await refused(as.fenna, 'DELETE FROM staff_grants');
    await expect(owner.query('DELETE FROM staff_grants')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('public keys: each member sets only their own', () => {
  it("a login sets its own Ed25519 public key; nobody sets or changes another member's", async () => {
    const key = randomBytes(32).toString('base64');
    await as.hanna.query('SELECT avg_set_public_key($1)', [key]);
    expect(await rows(owner, 'SELECT public_key FROM staff WHERE id = $1', [ids.hanna])).toEqual([{ public_key: key }]);
    await expect(as.hanna.query('SELECT avg_set_public_key($1)', ['geen-sleutel'])).rejects.toMatchObject({ code: '22023' });
    await refused(as.bea, 'UPDATE staff SET public_key = $2 WHERE id = $1', [ids.fenna, key]);
    await refused(as.hanna, 'UPDATE staff SET public_key = $2 WHERE id = $1', [ids.fenna, key]);
    expect(await rows(owner, 'SELECT public_key FROM staff WHERE id = $1', [ids.fenna])).toEqual([{ public_key: null }]);
  });
});

describe('decisions and signed letters: only the signer, only for a letter put before her', () => {
  it('a handler cannot record a decision signed by someone else, nor set signer and outcome on her own case', async () => {
    await refused(as.hanna, INSERT_DECISION, [randomUUID(), caseA, randomUUID(), ids.sanne]);
    await refused(as.hanna, INSERT_LETTER, [randomUUID(), caseA, ids.sanne]);
    await refused(as.hanna, `UPDATE cases SET signer_id = $2, outcome = 'toegewezen', decided_on = '2026-11-20' WHERE id = $1`, [caseA, ids.sanne]);
    await refused(as.hanna, `UPDATE cases SET outcome = 'toegewezen' WHERE id = $1`, [caseA]);
    await refused(as.fenna, INSERT_DECISION, [randomUUID(), caseB, randomUUID(), ids.sanne]);
    expect(await rows(owner, 'SELECT signer_id, outcome FROM cases WHERE id = $1', [caseA])).toEqual([{ signer_id: null, outcome: null }]);
    // Her own work on the case still goes.
    expect((await as.hanna.query(`UPDATE cases SET status = 'ter_ondertekening', updated_at = now() WHERE id = $1`, [caseA])).rowCount).toBe(1);
  });

  it('a signer cannot record a decision or letter on a case never put before her; for one that was, the signer is her session', async () => {
    const letter = randomUUID();
    await refused(as.sanne, INSERT_DECISION, [randomUUID(), caseB, randomUUID(), ids.sanne]);
    await refused(as.sanne, INSERT_LETTER, [randomUUID(), caseB, ids.sanne]);
    await refused(as.sanne, INSERT_DECISION, [randomUUID(), caseA, letter, ids.sanne]);
    // Henk cannot put a letter of Hanna's case before a signer; Hanna can.
    await refused(as.henk, `INSERT INTO signing_requests (letter_id, case_id, kind) VALUES ($1, $2, 'besluit-inzage')`, [letter, caseA]);
    await as.hanna.query(`INSERT INTO signing_requests (letter_id, case_id, kind, requested_by) VALUES ($1, $2, 'besluit-inzage', $3)`, [
      letter,
      caseA,
      ids.fenna,
    ]);
    expect(await rows(owner, 'SELECT requested_by FROM signing_requests WHERE letter_id = $1', [letter])).toEqual([{ requested_by: ids.hanna }]);
    // The row names the dpo as signer; the session says Sanne.
    const decision = randomUUID();
    await as.sanne.query(`${INSERT_DECISION} ON CONFLICT (id) DO NOTHING`, [decision, caseA, letter, ids.fenna]);
    await as.sanne.query(`${INSERT_DECISION} ON CONFLICT (id) DO NOTHING`, [decision, caseA, letter, ids.fenna]);
    await as.sanne.query(`${INSERT_LETTER} ON CONFLICT (id) DO NOTHING`, [letter, caseA, ids.fenna]);
    expect(await rows(owner, 'SELECT signed_by FROM decisions WHERE case_id = $1', [caseA])).toEqual([{ signed_by: ids.sanne }]);
    expect(await rows(owner, 'SELECT signed_by FROM letters WHERE id = $1', [letter])).toEqual([{ signed_by: ids.sanne }]);
    expect(await rows(owner, `SELECT signer_id, outcome, decided_on::text AS decided FROM cases WHERE id = $1`, [caseA])).toEqual([
      { signer_id: ids.sanne, outcome: 'toegewezen', decided: '2026-11-20' },
    ]);
    expect(await rows(as.sanne, 'SELECT id FROM cases')).toEqual([{ id: caseA }]);
  });

  it('decisions of several cases in one statement (as a sync sends them): every register follows, a case decided twice takes the one signed last', async () => {
    const [twice, once] = [randomUUID(), randomUUID()];
    await owner.query(INSERT_CASE, [twice, `AVG-2026-${tag.slice(0, 4)}1`, ids.hanna]);
    await owner.query(INSERT_CASE, [once, `AVG-2026-${tag.slice(0, 4)}2`, ids.hanna]);
    const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
    await as.hanna.query(`INSERT INTO signing_requests (letter_id, case_id, kind) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`, [
      [first, second, third],
      [twice, twice, once],
      ['besluit-inzage', 'besluit-inzage', 'besluit-inzage'],
    ]);
    // The later signature comes first in the statement: the register must not simply take the last row.
    await as.sanne.query(
      `INSERT INTO decisions (id, case_id, letter_id, kind, outcome, decided_on, signed_by, signed_at, sha256) VALUES
         ($1, $4, $6, 'besluit-inzage', 'afgewezen', '2026-11-21', $9, '2026-11-21T10:00:00Z', 'ab'),
         ($2, $4, $7, 'besluit-inzage', 'toegewezen', '2026-11-20', $9, '2026-11-20T10:00:00Z', 'ab'),
         ($3, $5, $8, 'besluit-inzage', 'toegewezen', '2026-11-19', $9, '2026-11-19T10:00:00Z', 'ab')`,
      [randomUUID(), randomUUID(), randomUUID(), twice, once, second, first, third, ids.fenna],
    );
    expect(
      await rows(owner, `SELECT id, signer_id, outcome, decided_on::text AS decided FROM cases WHERE id = ANY($1) ORDER BY decided_on`, [[twice, once]]),
    ).toEqual([
      { id: once, signer_id: ids.sanne, outcome: 'toegewezen', decided: '2026-11-19' },
      { id: twice, signer_id: ids.sanne, outcome: 'afgewezen', decided: '2026-11-21' },
    ]);
  });
});

describe('the batch functions a sync calls hold the same rules as the policies', () => {
  const PUSH_DECISIONS =
    'SELECT avg_push_decisions($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::uuid[], $8::timestamptz[], $9::text[]) AS n';
  const PUSH_LETTERS = 'SELECT avg_push_letters($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::timestamptz[], $6::text[], $7::bytea[]) AS n';
  const REQUEST = 'SELECT avg_request_signatures($1::uuid[], $2::uuid[], $3::text[]) AS n';
  const decisionArrays = (list: { id: string; caseId: string; letter: string }[]) => [
    list.map((d) => d.id),
    list.map((d) => d.caseId),
    list.map((d) => d.letter),
    list.map(() => 'besluit-inzage'),
    list.map(() => 'toegewezen'),
    list.map(() => '2026-11-22'),
    list.map(() => null),
    list.map(() => '2026-11-22T10:00:00Z'),
    list.map(() => 'ab'),
  ];

  it('only the case’s handler puts a letter before a signer, in her own name; only the signer records it, once, as herself', async () => {
    const [letter, never] = [randomUUID(), randomUUID()];
    await refused(as.henk, REQUEST, [[letter], [caseA], ['besluit-inzage']]);
    await refused(as.sanne, REQUEST, [[letter], [caseA], ['besluit-inzage']]);
    // One letter of someone else's case refuses the whole call: nothing of it is stored.
    await refused(as.hanna, REQUEST, [
      [letter, never],
      [caseA, caseB],
      ['besluit-inzage', 'besluit-inzage'],
    ]);
    expect(await rows(owner, 'SELECT letter_id FROM signing_requests WHERE letter_id = ANY($1)', [[letter, never]])).toEqual([]);
    expect(await rows(as.hanna, REQUEST, [[letter], [caseA], ['besluit-inzage']])).toEqual([{ n: 1 }]);
    expect(await rows(owner, 'SELECT requested_by FROM signing_requests WHERE letter_id = $1', [letter])).toEqual([{ requested_by: ids.hanna }]);

    expect(
      await rows(as.sanne, 'SELECT l::text AS l FROM avg_letters_before_signer($1::uuid[], $2::uuid[]) AS l', [
        [letter, never],
        [caseA, caseA],
      ]),
    ).toEqual([{ l: letter }]);
    const decision = { id: randomUUID(), caseId: caseA, letter };
    await refused(as.hanna, PUSH_DECISIONS, decisionArrays([decision]));
    await refused(as.fenna, PUSH_DECISIONS, decisionArrays([decision]));
    // A letter never put before a signer, in the same call as one that was: the whole call is refused.
    await refused(as.sanne, PUSH_DECISIONS, decisionArrays([decision, { id: randomUUID(), caseId: caseA, letter: never }]));
    await refused(as.sanne, PUSH_DECISIONS, decisionArrays([{ ...decision, caseId: caseB }]));
    expect(await rows(owner, 'SELECT id FROM decisions WHERE id = $1', [decision.id])).toEqual([]);
    expect(await rows(as.sanne, PUSH_DECISIONS, decisionArrays([decision]))).toEqual([{ n: 1 }]);
    expect(await rows(as.sanne, PUSH_DECISIONS, decisionArrays([decision]))).toEqual([{ n: 0 }]);
    expect(await rows(owner, 'SELECT signed_by FROM decisions WHERE id = $1', [decision.id])).toEqual([{ signed_by: ids.sanne }]);
    expect(await rows(owner, `SELECT signer_id, decided_on::text AS decided FROM cases WHERE id = $1`, [caseA])).toEqual([
      { signer_id: ids.sanne, decided: '2026-11-22' },
    ]);

    const letterArrays = (id: string) => [[id], [caseA], ['besluit-inzage'], [null], ['2026-11-22T10:00:00Z'], ['ab'], [Buffer.from('%PDF')]];
    await refused(as.hanna, PUSH_LETTERS, letterArrays(letter));
    await refused(as.sanne, PUSH_LETTERS, letterArrays(never));
    expect(await rows(as.sanne, PUSH_LETTERS, letterArrays(letter))).toEqual([{ n: 1 }]);
    expect(await rows(owner, 'SELECT signed_by FROM letters WHERE id = $1', [letter])).toEqual([{ signed_by: ids.sanne }]);
  });

  it('the dpo puts a letter of any case before a signer; the signer records it', async () => {
    const letter = randomUUID();
    expect(await rows(as.fenna, REQUEST, [[letter], [caseB], ['besluit-inzage']])).toEqual([{ n: 1 }]);
    expect(await rows(owner, 'SELECT requested_by FROM signing_requests WHERE letter_id = $1', [letter])).toEqual([{ requested_by: ids.fenna }]);
    await refused(as.fenna, PUSH_DECISIONS, decisionArrays([{ id: randomUUID(), caseId: caseB, letter }]));
    expect(await rows(as.sanne, PUSH_DECISIONS, decisionArrays([{ id: randomUUID(), caseId: caseB, letter }]))).toEqual([{ n: 1 }]);
  });
});

describe('audit events: only through the function, in the sender’s own name, on the sender’s own chain', () => {
  const desk = `desk-hanna-${tag}`;
  const secret = randomBytes(32).toString('base64url');

  it('no login inserts audit events directly', async () => {
    for (const person of EVERYONE) {
      await refused(
        as[person],
        `INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, roles, procedure, outcome, prev_hash, hash) VALUES ($1, $2, 1, now(), $3, '{dpo}', 'case.get', 'ok', '0', 'h')`,
        [randomUUID(), `direct-${person}`, ids.fenna],
      );
    }
  });

  it("a handler cannot send events in the dpo's name; her own are stamped with her login", async () => {
    await refused(as.hanna, APPEND, [desk, secret, JSON.stringify([event(1, ids.fenna)])], /op naam van een andere medewerker/u);
    const own = event(1, ids.hanna);
    const colleague = event(2, null, { roles: ['signer'] });
    expect(await rows(as.hanna, APPEND, [desk, secret, JSON.stringify([own, colleague])])).toEqual([{ n: 2 }]);
    expect(await rows(as.hanna, APPEND, [desk, secret, JSON.stringify([own, colleague])])).toEqual([{ n: 0 }]);
    expect(await rows(owner, 'SELECT seq::int, staff_id, pushed_by FROM audit_events WHERE desktop_id = $1 ORDER BY seq', [desk])).toEqual([
      { seq: 1, staff_id: ids.hanna, pushed_by: ids.hanna },
      { seq: 2, staff_id: null, pushed_by: ids.hanna },
    ]);
  });

  it("the auditor cannot append events to a real desktop's chain, nor anchor it", async () => {
    const forged = Array.from({ length: 20 }, (_, i) => event(3 + i, null));
    await refused(as.aart, APPEND, [desk, randomBytes(32).toString('base64url'), JSON.stringify(forged)], /auditor leest/u);
    await refused(as.aart, 'SELECT avg_anchor_audit_chain($1, $2, 99, $3)', [desk, randomBytes(32).toString('base64url'), 'a'.repeat(64)]);
    await refused(as.aart, APPEND, [desk, secret, JSON.stringify([event(3, ids.fenna)])]);
    expect(await rows(owner, 'SELECT count(*)::int AS n FROM audit_events WHERE desktop_id = $1', [desk])).toEqual([{ n: 2 }]);
  });

  it('an event forged on the central side by the owner keeps the desktop going: its own event is kept beside it', async () => {
    const forged = event(3, ids.fenna);
    await owner.query(
      `INSERT INTO audit_events (id, desktop_id, seq, at, actor_id, staff_id, roles, procedure, outcome, prev_hash, hash) VALUES ($1, $2, 3, now(), $3, $3, '{dpo}', 'case.get', 'ok', $4, $5)`,
      [forged.id, desk, ids.fenna, forged.prev_hash, forged.hash],
    );
    const genuine = [event(3, ids.hanna), event(4, ids.hanna)];
    expect(await rows(as.hanna, APPEND, [desk, secret, JSON.stringify(genuine)])).toEqual([{ n: 1 }]);
    expect(await rows(as.fenna, 'SELECT seq::int, event_id, pushed_by FROM audit_event_conflicts WHERE desktop_id = $1', [desk])).toEqual([
      { seq: 3, event_id: genuine[0]?.id, pushed_by: ids.hanna },
    ]);
    await as.hanna.query('SELECT avg_anchor_audit_chain($1, $2, 4, $3)', [desk, secret, genuine[1]?.hash]);
    await as.hanna.query('SELECT avg_anchor_audit_chain($1, $2, 4, $3)', [desk, secret, genuine[1]?.hash]);
    expect(await rows(as.ilse, 'SELECT seq::int, hash FROM avg_audit_anchors($1)', [desk])).toEqual([{ seq: 4, hash: genuine[1]?.hash }]);
    await refused(as.fenna, 'DELETE FROM audit_anchors');
    await expect(owner.query('DELETE FROM audit_anchors')).rejects.toMatchObject({ code: '42501' });
  });
});

describe('case numbers: a ceiling per desktop, per login and per year', () => {
  it('one handler cannot take every number of a year; a desktop gets a block, and a clear refusal after its share', async () => {
    const allocate = (c: pg.Client, desktop: string, size: number) =>
      rows<{ first: number; last: number }>(c, 'SELECT * FROM avg_allocate_reference_block(2027, $1, $2)', [desktop, size]);
    await expect(allocate(as.hanna, 'desk-grab', 1000)).rejects.toMatchObject({ code: '22023' });
    expect(await allocate(as.hanna, 'desk-1', 500)).toEqual([{ first: 1, last: 500 }]);
    expect(await allocate(as.hanna, 'desk-1', 500)).toEqual([{ first: 501, last: 1000 }]);
    await expect(allocate(as.hanna, 'desk-1', 500)).rejects.toMatchObject({
      code: '54000',
      message: expect.stringMatching(/afgelopen uur al twee nummerblokken/u),
    });
    let taken = 1000;
    for (let i = 0; i < 10; i++) {
      const got = await allocate(as.hanna, `desk-grab-${i}`, 500).then(
        () => 500,
        (e: { code?: string }) => (e.code === '54000' ? 0 : Promise.reject(e)),
      );
      taken += got;
    }
    expect(taken).toBe(4000);
    await expect(allocate(as.hanna, 'desk-grab-x', 1)).rejects.toMatchObject({ code: '54000', message: expect.stringMatching(/het maximum aan zaaknummers/u) });
    // Others still get numbers of that year.
    expect(await allocate(as.henk, 'desk-henk', 500)).toEqual([{ first: 4001, last: 4500 }]);
  });
});
