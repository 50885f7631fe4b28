import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../../main/app/backend.js';
import { silentLogger } from '../../main/platform/log.js';
import { readPkcs12 } from '../../main/signing/pades.js';
import { buildLetter } from '../../shared/letters/build.js';
import { DEFAULT_REGISTER } from '../../shared/letters/register.js';
import { letterInput } from '../support/letters.js';
import { testPkcs12 } from '../support/pkcs12.js';
import { signedLetter } from '../support/signed-letter.js';
import { measure, type Figure } from './lib.js';
import { perSecond } from './table.js';

const PASSWORD = 'Tulpen-Bollen-Streek-77';
const P12_PASSWORD = 'Bench-Zegel-2026';

function must<T>(result: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** A desktop with a handler, a signer, the certificate, and one case: for the dispatcher figure. */
async function desk(dir: string): Promise<{ backend: Backend; handler: string; signer: string; caseId: string }> {
  const backend = createBackend({ dataDir: dir, logger: silentLogger });
  const admin = must<{ token: string }>(
    await backend.dispatch('setup.createAdmin', { userName: 'beheer', fullName: 'Bench Beheer', password: PASSWORD }, null),
  ).token;
  const login = async (userName: string, fullName: string, roles: string[]) => {
    must(await backend.dispatch('staff.add', { userName, fullName, roles, password: PASSWORD }, admin));
    return must<{ token: string; staff: { id: string } }>(await backend.dispatch('session.login', { userName, password: PASSWORD }, null));
  };
  const handler = await login('hanna', 'Hanna Ağaoğlu', ['handler']);
  const signer = await login('sanne', 'Sanne Weißbach', ['signer']);
  must(await backend.dispatch('signer.setProfile', { functionTitle: 'Teamleider Privacy' }, signer.token));
  const p12 = testPkcs12(P12_PASSWORD, { notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 365 * 86_400_000) });
  must(await backend.dispatch('settings.setSigning', { p12Base64: p12.toString('base64'), password: P12_PASSWORD }, admin));
  const today = new Date().toISOString().slice(0, 10);
  const created = must<{ id: string }>(
    await backend.dispatch(
      'case.create',
      {
        type: 'inzage',
        requester: { name: 'Łukasz Nguyễn-Özdemir', address: 'Weißstraße 12, 1234 AB Hilversum', relation: 'huurder' },
        channel: 'brief',
        received: today,
        writtenAndSigned: true,
        handlerId: handler.staff.id,
      },
      handler.token,
    ),
  );
  return { backend, handler: handler.token, signer: signer.token, caseId: created.id };
}

/**
 * Letters: one letter rendered and PAdES-signed (target: median under 300 ms), and 100 letters
 * signed one after another through the dispatcher, the way signers work through their queue.
 */
export async function lettersBenchmark(batch = 100): Promise<Figure[]> {
  const identity = readPkcs12(testPkcs12(P12_PASSWORD), P12_PASSWORD);
  const content = buildLetter(letterInput('besluit-inzage', {}, { activities: DEFAULT_REGISTER.slice(0, 4), documents: { total: 12, redacted: 3 } }));
  const now = new Date('2026-11-25T10:00:00Z');
  const one = await measure(
    async () => {
      await signedLetter(content, identity, now);
    },
    30,
    3,
  );

  const dir = mkdtempSync(join(tmpdir(), 'avg-desk-bench-letters-'));
  try {
    const { backend, handler, signer, caseId } = await desk(dir);
    const ids: string[] = [];
    for (let i = 0; i < batch + 3; i++) {
      const letter = must<{ id: string }>(await backend.dispatch('letter.draft', { caseId, kind: 'ontvangstbevestiging' }, handler));
      must(await backend.dispatch('letter.submit', { letterId: letter.id }, handler));
      ids.push(letter.id);
    }
    // Warm up: the first signature opens the PKCS#12 (key derivation) and loads the fonts.
    for (const id of ids.splice(0, 3)) must(await backend.dispatch('letter.sign', { letterId: id, password: PASSWORD }, signer));
    const times: number[] = [];
    const started = performance.now();
    for (const id of ids) {
      const t = performance.now();
      must(await backend.dispatch('letter.sign', { letterId: id, password: PASSWORD }, signer));
      times.push(performance.now() - t);
    }
    const total = performance.now() - started;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    backend.close();
    return [
      {
        work: 'letter: lay out + PAdES-sign (pdf-lib, DejaVu subset, CAdES)',
        size: '1 letter, 2 pages',
        p50: one.p50,
        p95: one.p95,
        throughput: perSecond(1, one.p50, 'letters/s'),
        note: `target: median < 300 ms (${one.p50 < 300 ? 'met' : 'NOT met'})`,
      },
      {
        work: 'letter.sign via dispatcher (sign, encrypt, lock, outbox)',
        size: `${batch} letters in a batch`,
        p50: at(0.5),
        p95: at(0.95),
        throughput: perSecond(batch, total, 'letters/s'),
        note: `${(total / 1000).toFixed(1)} s in total`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
