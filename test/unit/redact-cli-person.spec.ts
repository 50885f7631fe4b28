import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_LINE_WARNING } from '../../main/app/cli/case-commands.js';
import { runCli } from '../../main/app/cli/run.js';

// Every folder a test made: a test that redacts twice must not leave its first input (names in plaintext) behind.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NOTE = [
  'Melding van buurvrouw Marloes Brinkhorst over geluid.',
  'Mevrouw Brinkhorst belde opnieuw op 14 november.',
  'E-mail Marloes: het geluid komt van boven.',
  'Volgens M. Brinkhorst en M.J. Brinkhorst duurt het al maanden.',
  'Zij woont op Kerkstraat 14, 1211 AB Hilversum.',
  'Post voor Brinkhorst naar 1211AB.',
];
const KEPT = 'Bijlage: het huurcontract van de verzoeker.';
const REQUESTER = 'Verzoeker Marloes de Wit woont op Dorpsweg 3.';

async function note(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  NOTE.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - 24 * i, size: 11, font }));
  const second = pdf.addPage([595, 842]);
  second.drawText(KEPT, { x: 50, y: 780, size: 11, font });
  second.drawText(REQUESTER, { x: 50, y: 756, size: 11, font });
  return Buffer.from(await pdf.save());
}

const pdftotext = (path: string) => execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');

async function redact(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'avg-redact-person-'));
  dirs.push(dir);
  const input = join(dir, 'in.pdf');
  const output = join(dir, 'uit.pdf');
  writeFileSync(input, await note());
  let out = '';
  let err = '';
  const code = await runCli(['redact', input, ...args, '--out', output], {
    env: {},
    out: (s) => (out += s),
    err: (s) => (err += s),
    ...(stdin === undefined ? {} : { stdin: () => Promise.resolve(stdin) }),
  });
  const text = existsSync(output) ? pdftotext(output) : '';
  return { code, out, err, text };
}

describe('avg-desk redact --person', () => {
  it('removes surname-only, first-name-only, initials and address mentions of the person', async () => {
    const r = await redact(['--person', 'Marloes Brinkhorst', '--person-address', 'Kerkstraat 14, 1211 AB Hilversum']);
    expect(r.err).toBe(COMMAND_LINE_WARNING);
    expect(r.code).toBe(0);
    expect(r.text).not.toMatch(/Brinkhorst|Marloes|Kerkstraat|1211/u);
    // The rest of the redacted page is still text.
    for (const kept of ['Melding van buurvrouw', 'belde opnieuw op 14 november.', 'het geluid komt van boven.', 'duurt het al maanden.', 'Zij woont op'])
      expect(r.text).toContain(kept);
    expect(r.out).toMatch(/Pagina 1: 8 vlak\(ken\); tekst behouden\nPagina 2: 1 vlak\(ken\); tekst behouden\n/u);
  });

  it("leaves the requester's own data alone: their first name and address are not the third party", async () => {
    const r = await redact([
      '--person',
      'Marloes Brinkhorst',
      '--requester',
      'Marloes de Wit',
      '--requester-address',
      'Dorpsweg 3, 1211 AB Hilversum',
      '--term',
      'Dorpsweg 3',
    ]);
    expect(r.err).toBe(COMMAND_LINE_WARNING);
    expect(r.code).toBe(0);
    // "Marloes" alone could be either of them, so it is not searched; the term that is the requester's
    // address is found but left: a box on page 2 would have touched its text.
    expect(r.text).toContain(REQUESTER);
    // Her street was not given (no --person-address): it stays, as text, now that redacted pages keep theirs.
    expect(r.text).not.toMatch(/Brinkhorst/u);
    expect(r.text).toContain('Kerkstraat 14');
    expect(r.out).toMatch(/1 vindplaats\(en\) met eigen gegevens van de verzoeker niet gelakt/u);
    expect(r.out).not.toMatch(/Pagina 2/u);
  });

  it('refuses an address or e-mail without the person it belongs to', async () => {
    const r = await redact(['--person-address', 'Kerkstraat 14']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--person-address hoort bij een --person/u);
  });

  it('takes the persons, the requester and the terms from --input FILE, with nothing personal on the command line and no warning', async () => {
    const own = mkdtempSync(join(tmpdir(), 'avg-redact-input-'));
    const file = join(own, 'personen.json');
    writeFileSync(file, JSON.stringify({ persons: [{ name: 'Marloes Brinkhorst', address: 'Kerkstraat 14, 1211 AB Hilversum' }] }));
    const r = await redact(['--input', file]).finally(() => rmSync(own, { recursive: true, force: true }));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.text).not.toMatch(/Brinkhorst|Marloes|Kerkstraat|1211/u);
    for (const kept of ['Melding van buurvrouw', 'duurt het al maanden.', KEPT]) expect(r.text).toContain(kept);
    expect(r.out).toMatch(/Pagina 1: 8 vlak\(ken\); tekst behouden\nPagina 2: 1 vlak\(ken\); tekst behouden\n/u);
  });

  it('reads the same from stdin (--input -): the requester’s own data stays, the terms go', async () => {
    const input = {
      persons: [{ name: 'Marloes Brinkhorst' }],
      requester: { name: 'Marloes de Wit', address: 'Dorpsweg 3, 1211 AB Hilversum' },
      terms: ['Dorpsweg 3', 'huurcontract'],
    };
    const r = await redact(['--input', '-'], JSON.stringify(input));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.text).not.toMatch(/Brinkhorst|huurcontract/u);
    expect(r.text).toContain('Verzoeker Marloes de Wit woont op Dorpsweg 3.');
    expect(r.out).toMatch(/1 vindplaats\(en\) met eigen gegevens van de verzoeker niet gelakt/u);
  });

  it('refuses input that is not the expected JSON, in Dutch, without repeating what it holds', async () => {
    for (const [stdin, message] of [
      ['{"persons": [{"naam": "Marloes Brinkhorst"}]}', /persons\[0\]\.name/u],
      ['[1, 2]', /één JSON-object/u],
      ['geen json: Marloes Brinkhorst', /geen geldige JSON/u],
      ['{"persons": "Marloes Brinkhorst"}', /persons/u],
    ] as const) {
      const r = await redact(['--input', '-'], stdin);
      expect(r.code, stdin).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/Brinkhorst/u);
    }
  });
});
