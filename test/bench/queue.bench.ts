import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../main/app/backend.js';
import { appendAuditEvent } from '../../main/audit/audit.js';
import { insertCase, NO_CHANGE_VERIFICATION } from '../../db/local/cases/repository.js';
import { CASE_STATUSES, CHANNELS, RELATIONS, formatReference } from '../../shared/cases/cases.js';
import { addDays } from '../../shared/deadlines/dates.js';
import { computeDeadline, REQUEST_TYPES } from '../../shared/deadlines/deadlines.js';
import { silentLogger } from '../../main/platform/log.js';
import { openStoreAs } from '../support/store.js';
import { measure, type Figure } from './lib.js';
import { perSecond } from './table.js';

const FIRST = ['Łukasz', 'Fatma', 'Jan', 'Anouk', 'Mohammed', 'Sanne', 'Nguyễn', 'Pieter', 'Özlem', 'Daan', 'Eva', 'Yusuf'];
const LAST = ['Özdemir', 'de Vries', 'Jansen', 'Yılmaz', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Ağaoğlu', 'Mulder', 'Bos', 'Peters'];
const PASSWORD = 'Tulpen-Bollen-Streek-77';

export const SEED_PASSWORD = PASSWORD;
/** In the seeded store: a handler who is also the dpo, so sees every case. */
export const SEED_DPO = 'behandelaar0';

const seeded = new Map<number, Promise<{ dir: string; seedSeconds: number }>>();

/**
 * An encrypted store with `caseCount` cases and ten audit events each, made once per run and
 * shared by the benches that need it (queue, memory); removed by `removeSeededStores`.
 */
export function seedCaseStore(caseCount = 10_000): Promise<{ dir: string; seedSeconds: number }> {
  let made = seeded.get(caseCount);
  if (!made) {
    made = seed(caseCount);
    seeded.set(caseCount, made);
  }
  return made;
}

export async function removeSeededStores(): Promise<void> {
  for (const made of seeded.values()) {
    const { dir } = await made;
    if (process.env.BENCH_KEEP) console.log(`data kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  seeded.clear();
}

async function seed(caseCount: number): Promise<{ dir: string; seedSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'avg-desk-bench-'));
  const setup = createBackend({ dataDir: dir, logger: silentLogger });
  const admin = await setup.dispatch('setup.createAdmin', { userName: 'beheer', fullName: 'Bench Beheer', password: PASSWORD }, null);
  if (!admin.ok) throw new Error(admin.error.message);
  const token = (admin.value as { token: string }).token;
  const handlers: string[] = [];
  for (let i = 0; i < 8; i++) {
    const r = await setup.dispatch(
      'staff.add',
      { userName: `behandelaar${i}`, fullName: `Behandelaar ${i}`, roles: i === 0 ? ['handler', 'dpo'] : ['handler'], password: PASSWORD },
      token,
    );
    if (!r.ok) throw new Error(r.error.message);
    handlers.push((r.value as { id: string }).id);
  }
  setup.close();

  const store = await openStoreAs(dir, 'beheer', PASSWORD);
  const seedStart = performance.now();
  store.sqlite.transaction(() => {
    for (let i = 0; i < caseCount; i++) {
      const type = REQUEST_TYPES[i % REQUEST_TYPES.length] ?? 'inzage';
      const received = addDays('2026-01-05', i % 320);
      const d = computeDeadline({ type, received });
      const id = randomUUID();
      const at = new Date(`${received}T10:00:00Z`).toISOString();
      insertCase(store.db, {
        id,
        reference: formatReference(2026, i + 1),
        type,
        correctionKinds: type === 'correctie' ? ['verbetering'] : [],
        status: CASE_STATUSES[i % 9] ?? 'ontvangen',
        statusReason: null,
        requesterName: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`,
        requesterBirthDate: addDays('1950-01-01', (i * 37) % 20000),
        requesterAddress: `Straat ${i}, Hilversum`,
        requesterEmail: null,
        requesterPhone: null,
        requesterRelation: RELATIONS[i % RELATIONS.length] ?? 'huurder',
        customerNumber: `K-${100000 + i}`,
        legallyIncapacitated: false,
        channel: CHANNELS[i % CHANNELS.length] ?? 'brief',
        receivedOn: received,
        writtenAndSigned: true,
        requestText: '',
        representativeKind: null,
        representativeName: null,
        representativeBasis: null,
        handlerId: handlers[i % handlers.length] ?? null,
        createdBy: handlers[0] ?? '',
        createdAt: at,
        updatedAt: at,
        dueOn: d.due,
        originalDueOn: d.originalDue,
        dueBasis: d.basis,
        extensionMonths: 0,
        extensionReason: null,
        extendedOn: null,
        suspendedDays: 0,
        suspendedSince: null,
        ...NO_CHANGE_VERIFICATION,
      });
      for (let e = 0; e < 10; e++) {
        appendAuditEvent(store.db, new Date(at), {
          actorId: handlers[e % handlers.length] ?? null,
          roles: ['handler'],
          procedure: e === 0 ? 'case.create' : 'case.get',
          recordType: 'case',
          recordId: id,
          outcome: 'ok',
        });
      }
    }
  })();
  const seedSeconds = (performance.now() - seedStart) / 1000;
  store.close();
  return { dir, seedSeconds };
}

/** Seeds 10,000 cases and 100,000 audit events into an encrypted store; measures the queue. */
export async function queueBenchmark(caseCount = 10_000): Promise<Figure[]> {
  const { dir, seedSeconds } = await seedCaseStore(caseCount);
  const backend = createBackend({ dataDir: dir, logger: silentLogger });
  const login = await backend.dispatch('session.login', { userName: SEED_DPO, password: PASSWORD }, null);
  if (!login.ok) throw new Error(login.error.message);
  const dpoToken = (login.value as { token: string }).token;
  const raw = await openStoreAs(dir, 'beheer', PASSWORD);
  const rawList = raw.sqlite.prepare(
    `SELECT c.id, c.reference, c.type, c.status, c.received_on, c.requester_name, c.customer_number, c.handler_id, s.full_name, c.due_on
       FROM cases c LEFT JOIN staff s ON s.id = c.handler_id WHERE c.status NOT IN ('afgesloten','ingetrokken','niet_ontvankelijk','kennelijk_ongegrond') ORDER BY c.due_on`,
  );
  const rawFilter = raw.sqlite.prepare(
    `SELECT c.id, c.reference, c.requester_name, c.due_on FROM cases c LEFT JOIN staff s ON s.id = c.handler_id
      WHERE c.type = 'inzage' AND c.status = 'in_behandeling' ORDER BY c.due_on`,
  );
  const rawSearch = raw.sqlite.prepare(
    `SELECT c.id, c.reference, c.requester_name, c.due_on FROM cases c
      WHERE c.id IN (SELECT case_id FROM case_search WHERE case_search MATCH '"ozdemir"*') ORDER BY c.due_on`,
  );
  const call = async (input: unknown) => {
    const r = await backend.dispatch('case.queue', input, dpoToken);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const size = `${caseCount.toLocaleString('en')} cases, ${(caseCount * 10).toLocaleString('en')} audit events`;
  const listed = (await call({})) as { total: number };
  const withRate = (t: { p50: number; p95: number }, rows: number) => ({ ...t, throughput: perSecond(rows, t.p50, 'rows/s') });
  const figures: Figure[] = [
    {
      work: 'seed encrypted store',
      size,
      p50: seedSeconds * 1000,
      p95: seedSeconds * 1000,
      throughput: perSecond(caseCount, seedSeconds * 1000, 'cases/s'),
      note: 'one transaction, hash-chained audit',
    },
    {
      work: 'queue: list (dpo, all open)',
      size: `${listed.total} rows`,
      ...withRate(await measure(() => call({}), 30), listed.total),
      reference: { what: 'raw SQL', ...withRate(await measure(() => rawList.all(), 30), listed.total) },
    },
    {
      work: 'queue: filter type+status',
      size,
      ...(await measure(() => call({ types: ['inzage'], statuses: ['in_behandeling'] }), 30)),
      reference: { what: 'raw SQL', ...(await measure(() => rawFilter.all(), 30)) },
    },
    {
      work: 'queue: search "ozdemir"',
      size,
      ...(await measure(() => call({ search: 'ozdemir' }), 30)),
      reference: { what: 'raw FTS5', ...(await measure(() => rawSearch.all(), 30)) },
    },
  ];
  raw.close();
  backend.close();
  return figures;
}
