/**
 * The access table (test/support/access-table.ts) against the desktop's services: each staff
 * function calls the procedures behind each decision on a case assigned to them, on one assigned
 * to another handler and on an unassigned one, through the dispatcher as the app does. Refused
 * means FORBIDDEN; any other error fails the test, so a refusal cannot hide behind a bad input.
 *
 * Someone who is not a handler cannot be assigned a case, so each person starts as a handler, is
 * given their cases, and then gets the function under test (as when a handler moves to the desk).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result.js';
import { RELATIONSHIPS, type Relationship } from '../../shared/cases/access.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';
import { EXPECTED, type Check } from '../support/access-table.js';
import { addStaff, initialized, STRONG_PASSWORD, tempDir, value } from '../support/backend.js';
import { encodePng } from '../../main/dossier/images.js';

type Desk = Awaited<ReturnType<typeof initialized>>;
type Person = { id: string; token: string };
interface Target {
  caseId: string;
  name: string;
}
interface Probe {
  /** What the service does, for the failure message. */
  name: string;
  check: Check;
  /** Whether the call changes the case, so each cell needs a case of its own. */
  fresh: boolean;
  run: (who: Person, target: Target, role: Role, relationship: Relationship) => Promise<boolean>;
}

let desk: Desk;
let cleanup: () => void = () => undefined;
let outDir: string;
let henk: Person;
const people = {} as Record<Role, Person>;
/** Per role and relationship: one shared case for reading probes, and one per changing probe. */
const shared = {} as Record<Role, Record<Relationship, Target>>;
const fresh = new Map<string, Target>();

function allowed(result: Result<unknown>): boolean {
  if (result.ok) return true;
  if (result.error.code === 'FORBIDDEN') return false;
  throw new Error(`${result.error.code}: ${result.error.message}`);
}

const SCAN = encodePng({ width: 4, height: 4, data: Buffer.alloc(64, 200) }).toString('base64');

async function queueRow(who: Person, target: Target, search?: string) {
  const result = await desk.call('case.queue', { includeClosed: true, ...(search ? { search } : {}) }, who.token);
  if (!allowed(result) || !result.ok) return null;
  return result.value.rows.find((r) => r.id === target.caseId) ?? null;
}

const PROBES: Probe[] = [
  { name: 'case.get', check: 'seeContent', fresh: false, run: async (who, c) => allowed(await desk.call('case.get', { id: c.caseId }, who.token)) },
  { name: 'queue shows the name', check: 'seeContent', fresh: false, run: async (who, c) => (await queueRow(who, c))?.requesterName === c.name },
  { name: 'queue finds by name', check: 'seeContent', fresh: false, run: async (who, c) => (await queueRow(who, c, c.name.split(' ')[1])) !== null },
  { name: 'queue lists', check: 'seeInQueue', fresh: false, run: async (who, c) => (await queueRow(who, c)) !== null },
  { name: 'letter.list', check: 'listLetters', fresh: false, run: async (who, c) => allowed(await desk.call('letter.list', { caseId: c.caseId }, who.token)) },
  {
    name: 'letter.stamp',
    check: 'listLetters',
    fresh: false,
    run: async (who, c) => allowed(await desk.call('letter.stamp', { caseId: c.caseId }, who.token)),
  },
  {
    name: 'identity.uploadCopy',
    check: 'registerIdCopy',
    fresh: false,
    run: async (who, c) =>
      allowed(await desk.call('identity.uploadCopy', { caseId: c.caseId, subject: 'verzoeker', fileName: 'scan.png', dataBase64: SCAN }, who.token)),
  },
  {
    name: 'case.transition',
    check: 'work',
    fresh: true,
    run: async (who, c) => allowed(await desk.call('case.transition', { id: c.caseId, to: 'in_behandeling' }, who.token)),
  },
  {
    name: 'case.extend',
    check: 'extend',
    fresh: true,
    run: async (who, c) => allowed(await desk.call('case.extend', { id: c.caseId, months: 1, reason: 'Veel stukken uit drie systemen.' }, who.token)),
  },
  {
    name: 'retention.placeHold',
    check: 'placeHold',
    fresh: true,
    run: async (who, c) => allowed(await desk.call('retention.placeHold', { caseId: c.caseId, kind: 'klacht', reason: 'Klacht bij de AP loopt.' }, who.token)),
  },
  {
    name: 'retention.liftHold',
    check: 'liftHold',
    fresh: true,
    run: async (who, c) => {
      const view = value(
        await desk.call('retention.placeHold', { caseId: c.caseId, kind: 'rechtszaak', reason: 'Procedure bij de rechtbank.' }, people.dpo.token),
      );
      const holdId = view.holds[0]?.id ?? '';
      return allowed(await desk.call('retention.liftHold', { caseId: c.caseId, holdId, reason: 'Procedure is ingetrokken.' }, who.token));
    },
  },
  {
    name: 'handover.export',
    check: 'exportHandover',
    fresh: true,
    run: async (who, c, role, r) =>
      allowed(await desk.call('handover.export', { caseId: c.caseId, path: join(outDir, `${role}-${r}.avgh`), password: STRONG_PASSWORD }, who.token)),
  },
  {
    name: 'case.assign to another handler',
    check: 'reassign',
    fresh: true,
    run: async (who, c) => allowed(await desk.call('case.assign', { id: c.caseId, handlerId: henk.id }, who.token)),
  },
  {
    name: 'case.assign to oneself',
    check: 'selfAssign',
    fresh: true,
    // The dpo assigning to themselves is a reassignment, refused because they are no handler (a validation error).
    run: async (who, c, role) => (role === 'dpo' ? false : allowed(await desk.call('case.assign', { id: c.caseId, handlerId: who.id }, who.token))),
  },
];

async function register(name: string, handlerId: string | null, token: string): Promise<Target> {
  const made = value(
    await desk.call(
      'case.create',
      {
        type: 'inzage',
        requester: { name, relation: 'huurder' },
        channel: 'brief',
        received: '2026-11-25',
        writtenAndSigned: true,
        ...(handlerId ? { handlerId } : {}),
      },
      token,
    ),
  );
  return { caseId: made.id, name };
}

// Made-up surnames, one word each so a search for it finds one case.
const surname = (role: Role, r: Relationship, probe = 'lezen') => `Testpersoon Zaak${role}${r}${probe.replace(/[^a-z]/giu, '')}`;

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  outDir = join(t.dir, 'uit');
  mkdirSync(join(t.dir, 'data'));
  mkdirSync(outDir);
  desk = await initialized(join(t.dir, 'data'), { idleTimeoutSeconds: 90 * 86_400 });
  const balie = await addStaff(desk.backend, desk.adminToken, 'balie', ['intake'], 'Ilse Intake');
  henk = await addStaff(desk.backend, desk.adminToken, 'henk', ['handler'], 'Henk Behandelaar');
  for (const role of ROLES) people[role] = await addStaff(desk.backend, desk.adminToken, `wie-${role}`, ['handler'], `Medewerker ${role}`);
  const handlerOf = (role: Role, r: Relationship) => (r === 'assigned' ? people[role].id : r === 'other' ? henk.id : null);
  for (const role of ROLES) {
    shared[role] = {} as Record<Relationship, Target>;
    for (const r of RELATIONSHIPS) {
      shared[role][r] = await register(surname(role, r), handlerOf(role, r), balie.token);
      for (const probe of PROBES.filter((p) => p.fresh))
        fresh.set(`${role}/${r}/${probe.name}`, await register(surname(role, r, probe.name), handlerOf(role, r), balie.token));
    }
  }
  for (const role of ROLES) if (role !== 'handler') value(await desk.call('staff.setRoles', { staffId: people[role].id, roles: [role] }, desk.adminToken));
}, 240_000);

afterAll(() => {
  desk?.backend.close();
  cleanup();
});

describe('case access through the services: role × relationship × decision', () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const probe of PROBES) {
        let cells = '';
        for (const r of RELATIONSHIPS) {
          const target = probe.fresh ? fresh.get(`${role}/${r}/${probe.name}`) : shared[role][r];
          if (!target) throw new Error(`no case for ${role}/${r}/${probe.name}`);
          cells += (await probe.run(people[role], target, role, r)) ? 'y' : 'n';
        }
        got[`${probe.name} (${probe.check})`] = cells;
        want[`${probe.name} (${probe.check})`] = EXPECTED[role][probe.check];
      }
      expect(got).toEqual(want);
    }, 120_000);
  }
});
