import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLetter } from '../../shared/letters/build.js';
import { letterText } from '../../shared/letters/check.js';
import type { AnyLetterInput, LetterCase, LetterDataByKind, LetterInput } from '../../shared/letters/data.js';
import { LetterError } from '../../shared/letters/fields.js';
import { DEFAULT_LETTERHEAD } from '../../shared/letters/letterhead.js';
import { DEFAULT_REGISTER } from '../../shared/letters/register.js';
import type { Block, DecisionKind, LetterContent, LetterKind } from '../../shared/letters/types.js';

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
export function letterInput<K extends LetterKind>(
  kind: K,
  data: LetterDataByKind[K],
  overrides: Partial<Omit<LetterInput, 'kind' | 'data' | 'case'>> & { case?: Partial<LetterCase> } = {},
): AnyLetterInput {
  const { case: caseOverrides, ...rest } = overrides;
  return {
    kind,
    data,
    case: { ...LETTER_CASE, ...caseOverrides },
    organisation: DEFAULT_LETTERHEAD,
    handlerName: 'Hanna Ağaoğlu',
    today: '2026-11-25',
    activities: DEFAULT_REGISTER.slice(0, 3),
    automatedDecisions: [],
    documents: { total: 0, redacted: 0 },
    thirdParties: [],
    ...rest,
  } as AnyLetterInput;
}

/** One valid input per decision kind. */
export const DECISION_INPUTS: Readonly<Record<DecisionKind, AnyLetterInput>> = {
  'besluit-inzage': letterInput('besluit-inzage', {}),
  'besluit-dataportabiliteit': letterInput('besluit-dataportabiliteit', {}, { case: { type: 'dataportabiliteit' } }),
  'besluit-correctie': letterInput(
    'besluit-correctie',
    {
      outcome: 'afgewezen',
      changes: [{ item: 'Huurachterstand', from: '€ 420', to: '€ 0', decision: 'afgewezen' }],
      reasons: 'De achterstand staat vast: de betalingen van augustus en september zijn niet ontvangen.',
    },
    { case: { type: 'correctie', correctionKinds: ['verbetering'] } },
  ),
  'besluit-verzet': letterInput(
    'besluit-verzet',
    { outcome: 'afgewezen', processing: 'het delen van gegevens met de gemeente', reasons: 'Er zijn geen zwaarwegende persoonlijke omstandigheden gebleken.' },
    { case: { type: 'verzet' } },
  ),
  'beslissing-op-klacht': letterInput(
    'beslissing-op-klacht',
    { outcome: 'ongegrond', complaint: 'U klaagt dat wij uw e-mail niet beantwoordden.', reasons: 'Wij hebben op 3 november geantwoord.' },
    { case: { type: 'klacht' } },
  ),
  afwijzing: letterInput('afwijzing', { ground: 'buitensporig', reasons: 'U heeft deze maand vijf gelijke verzoeken gedaan, die wij alle hebben beantwoord.' }),
  'besluit-niet-ontvankelijk': letterInput('besluit-niet-ontvankelijk', {
    ground: 'identiteit',
    reasons: 'Op 4 november hebben wij u gevraagd uw identiteit aan te tonen, uiterlijk op 18 november. Wij hebben niets van u ontvangen.',
  }),
  'besluit-geen-gegevens': letterInput('besluit-geen-gegevens', { searched: ['de huuradministratie', 'het klantcontactsysteem'] }),
  'besluit-afwijzing-inzage': letterInput('besluit-afwijzing-inzage', {
    outcome: 'deels',
    grounds: ['strafbare_feiten'],
    reasons: 'Over uw woning loopt een onderzoek van de politie naar woonfraude; inzage in het dossier van dat onderzoek zou het onderzoek schaden.',
    withheld: [{ what: 'Het dossier van het woonfraudeonderzoek', why: 'Een lopend strafrechtelijk onderzoek (artikel 41, lid 1 onder d UAVG).' }],
  }),
  'besluit-verzet-direct-marketing': letterInput(
    'besluit-verzet-direct-marketing',
    { processing: 'aanbiedingen van onze partners per e-mail' },
    { case: { type: 'verzet' } },
  ),
};

/** The letter's text with line breaks and double spaces folded, as a reader reads it. */
export const letterReading = (input: AnyLetterInput): string => letterText(buildLetter(input)).replace(/\s+/gu, ' ');

/** The Dutch message a letter that cannot be built is refused with; fails the test when it builds. */
export function letterRefusal(input: AnyLetterInput): string {
  try {
    buildLetter(input);
  } catch (error) {
    if (error instanceof LetterError) return error.dutchMessage;
    throw error;
  }
  throw new Error('expected a LetterError');
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

/** The `letter.updateText` input that keeps the letter's subject line, salutation and closing and sets these blocks. */
export function withBlocks(letterId: string, content: LetterContent, blocks: Block[]) {
  return { letterId, subjectLine: content.reference.subject, salutation: content.salutation, blocks, closing: content.closing };
}

export const P12_PASSWORD = 'Zegel-Test-2026!';
