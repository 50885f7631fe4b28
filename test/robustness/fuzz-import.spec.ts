import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../main/audit/audit.js';
import type { OpenStore } from '../../main/platform/encrypted-db.js';
import { ADMIN, value } from '../support/basics.js';
import { openStoreAs } from '../support/store.js';
import { team } from '../support/team.js';
import { expectDutchRefusal, validFiles } from './corpus.js';
import { LONG, runSeed } from './rng.js';

/**
 * Document import, fuzzed: mutations of a valid PDF, PNG, JPG, e-mail and Outlook message (bytes flipped, set,
 * cut, inserted, removed, repeated), sometimes under another extension. Each gets a Dutch refusal
 * or is stored, none crashes or hangs, and afterwards every stored document reads back and the
 * store is whole. fast-check prints the seed of a failure; AVG_DESK_FUZZ_SEED=<seed> replays it.
 */
const RUNS = LONG ? 5000 : 200;
const HANG_MS = 20_000;
const seed = runSeed('AVG_DESK_FUZZ_SEED');

let t: Awaited<ReturnType<typeof team>>;
let store: OpenStore;
let caseId = '';
let cleanup: () => void = () => {};
let bases: { ext: string; bytes: Buffer }[] = [];

beforeAll(async () => {
  t = await team((c) => (cleanup = c));
  caseId = await t.register({ name: 'Fuzz Verzoeker' });
  store = await openStoreAs(t.dir, ADMIN.userName, ADMIN.password);
  const valid = await validFiles();
  bases = [
    { ext: 'pdf', bytes: valid.pdf },
    { ext: 'png', bytes: valid.png },
    { ext: 'jpg', bytes: valid.jpg },
    { ext: 'eml', bytes: valid.eml },
    { ext: 'msg', bytes: valid.msg },
  ];
}, 60_000);
afterAll(() => {
  store.close();
  t.backend.close();
  cleanup();
});

type Mutation = { kind: 'flip' | 'set' | 'cut' | 'insert' | 'remove' | 'repeat'; at: number; byte: number; length: number };

const mutation = fc.record({
  kind: fc.constantFrom('flip', 'set', 'cut', 'insert', 'remove', 'repeat'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  byte: fc.integer({ min: 0, max: 255 }),
  length: fc.integer({ min: 1, max: 512 }),
}) as fc.Arbitrary<Mutation>;

function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.min(out.length, Math.floor(m.at * out.length));
    if (m.kind === 'flip' && at < out.length) out[at] = (out[at] ?? 0) ^ (1 << (m.byte % 8));
    else if (m.kind === 'set' && at < out.length) out[at] = m.byte;
    else if (m.kind === 'cut') out = out.subarray(0, at);
    else if (m.kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.alloc(m.length, m.byte), out.subarray(at)]);
    else if (m.kind === 'remove') out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
    else if (m.kind === 'repeat') out = Buffer.concat([out.subarray(0, at + m.length), out.subarray(at)]);
  }
  return out;
}

function withinTime<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${HANG_MS} ms`)), HANG_MS);
  });
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

describe(`document import, fuzzed (${RUNS} inputs, seed ${seed})`, () => {
  it(
    'every mutated file gets a Dutch refusal or is stored; nothing crashes or hangs',
    async () => {
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 4 }),
          fc.array(mutation, { minLength: 1, maxLength: 6 }),
          fc.option(fc.constantFrom('pdf', 'png', 'jpg', 'eml', 'msg', 'txt'), { freq: 4 }),
          async (which, mutations, otherExt) => {
            const base = bases[which] ?? bases[0];
            if (!base) throw new Error('no base files');
            const bytes = mutate(base.bytes, mutations);
            const fileName = `fuzz.${otherExt ?? base.ext}`;
            const result = await withinTime(
              t.call('dossier.import', { caseId, fileName, dataBase64: bytes.toString('base64'), source: 'klantcontact' }, t.h1.token),
              'dossier.import',
            );
            if (result.ok) stored += 1;
            else expectDutchRefusal(result, `${fileName} (${bytes.length} bytes)`);
          },
        ),
        { numRuns: RUNS, seed, endOnFailure: true },
      );
      // Some mutations leave a readable file: the property saw both outcomes.
      expect(stored).toBeGreaterThan(0);
    },
    LONG ? 3_600_000 : 240_000,
  );

  it('afterwards every stored document reads back and the store is whole', async () => {
    const documents = value(await t.call('dossier.list', { caseId }, t.h1.token));
    expect(documents.length).toBeGreaterThan(0);
    for (const doc of documents) {
      const pdf = value(await t.call('dossier.pdf', { caseId, documentId: doc.id, version: 'original' }, t.h1.token));
      expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString('latin1'), doc.name).toBe('%PDF-');
    }
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAuditChain(store.db)).toMatchObject({ ok: true });
    expect(value(await t.call('session.me', {}, t.h1.token)).roles).toEqual(['handler']);
  });
});
