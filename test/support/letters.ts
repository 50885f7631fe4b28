import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyLetterInput, LetterCase, LetterDataByKind, LetterInput } from '../../shared/domain/letters/data.js';
import { DEFAULT_LETTERHEAD } from '../../shared/domain/letters/letterhead.js';
import { DEFAULT_REGISTER } from '../../shared/domain/letters/register.js';
import type { LetterKind } from '../../shared/domain/letters/types.js';
import type { Logger } from '../../main/log.js';
import { addStaff, value } from './backend.js';
import { testPkcs12 } from './pkcs12.js';
import { team } from './team.js';

/** A case as a letter sees it: a requester whose name needs a Unicode font. */
export const LETTER_CASE: LetterCase = {
  reference: 'AVG-2026-0042',
  type: 'inzage',
  correctionKinds: [],
  requester: { name: 'Łukasz Nguyễn-Özdemir', address: 'Weißstraße 12, 1234 AB Hilversum', customerNumber: 'K-104233' },
  representative: null,
  channel: 'brief',
  receivedOn: '2026-11-02',
  dueOn: '2026-11-30',
  originalDueOn: '2026-11-30',
  extensionMonths: 0,
  extensionReason: null,
  writtenAndSigned: true,
};

/** The input of a letter builder, with the case and data a test overrides. */
export function letterInput<K extends LetterKind>(kind: K, data: LetterDataByKind[K], overrides: Partial<Omit<LetterInput, 'kind' | 'data' | 'case'>> & { case?: Partial<LetterCase> } = {}): AnyLetterInput {
  const { case: caseOverrides, ...rest } = overrides;
  return {
    kind,
    data,
    case: { ...LETTER_CASE, ...caseOverrides },
    organisation: DEFAULT_LETTERHEAD,
    handlerName: 'Hanna Ağaoğlu',
    today: '2026-11-25',
    activities: DEFAULT_REGISTER.slice(0, 3),
    documents: { total: 0, redacted: 0 },
    thirdParties: [],
    ...rest,
  } as AnyLetterInput;
}

/** poppler-utils reads back what the app writes: an independent second reader. */
export function requirePoppler(): void {
  for (const tool of ['pdftotext', 'pdfsig']) {
    if (!existsSync(`/usr/bin/${tool}`) && spawnSync('which', [tool]).status !== 0) {
      throw new Error(`${tool} ontbreekt. Installeer poppler-utils: apt-get update && apt-get install -y --no-install-recommends poppler-utils`);
    }
  }
}

function withFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'avg-desk-pdf-'));
  try {
    const file = join(dir, 'brief.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** pdfsig's report; it exits non-zero for a broken signature, so the output is taken either way. */
export function pdfsig(pdf: Uint8Array): string {
  return withFile(pdf, (file) => {
    const result = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`;
  });
}

export const P12_PASSWORD = 'Zegel-Test-2026!';

/**
 * The letters team: the standard team plus a signer (Sanne), a handler who is also a signer
 * (Harm), the organisation's certificate configured by the admin, and a case for each handler.
 */
export async function letterTeam(onCleanup: (cleanup: () => void) => void, options: { logger?: Logger } = {}) {
  const t = await team(onCleanup, options);
  const signer = await addStaff(t.backend, t.adminToken, 'sanne', ['signer'], 'Sanne Ağaoğlu');
  const handlerSigner = await addStaff(t.backend, t.adminToken, 'harm', ['handler', 'signer'], 'Harm Weißbach');
  value(await t.call('settings.setSigning', { p12Base64: testPkcs12(P12_PASSWORD).toString('base64'), password: P12_PASSWORD }, t.adminToken));
  value(await t.call('signer.setProfile', { functionTitle: 'Teamleider Privacy' }, signer.token));
  const requester = { name: 'Łukasz Nguyễn-Özdemir', address: 'Weißstraße 12, 1234 AB Hilversum', customerNumber: 'K-104233', birthDate: '1985-04-12' };
  return { ...t, signer, handlerSigner, requester };
}
