import forge from 'node-forge';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../main/dossier/images.js';
import { renderLetterPdf } from '../../main/letters/layout.js';
import { assertValidOn, readPkcs12, type SigningIdentity } from '../../main/signing/pades.js';
import { buildLetter } from '../../shared/letters/build.js';
import { DEFAULT_LETTERHEAD } from '../../shared/letters/letterhead.js';
import { DEFAULT_REGISTER } from '../../shared/letters/register.js';
import type { LetterContent } from '../../shared/letters/types.js';
import { letterInput, P12_PASSWORD, pdfsig, pdfText, requirePoppler } from '../support/letters.js';
import { testPkcs12 } from '../support/pkcs12.js';
import { signedLetter } from '../support/signed-letter.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const MM = 72 / 25.4;
let identity: SigningIdentity;

/** A besluit inzage long enough for several pages, to a requester whose name needs Unicode. */
function longLetter(): LetterContent {
  return buildLetter(
    letterInput(
      'besluit-inzage',
      { withheld: [{ what: 'Notitie van Ağaoğlu', why: 'Vertrouwelijk juridisch advies.' }] },
      { activities: DEFAULT_REGISTER, documents: { total: 3, redacted: 1 } },
    ),
  );
}

const signed = (content: LetterContent, image: Uint8Array | null = null) => signedLetter(content, identity, NOW, image);

beforeAll(() => {
  requirePoppler();
  identity = readPkcs12(testPkcs12(P12_PASSWORD), P12_PASSWORD);
});

describe('letter layout (read back with pdftotext)', () => {
  it('prints every name, the reference line, the page numbers and the draft mark', async () => {
    const pdf = await renderLetterPdf(longLetter(), { letterhead: DEFAULT_LETTERHEAD, draft: true, now: NOW });
    const text = pdfText(pdf);
    for (const name of ['Łukasz Nguyễn-Özdemir', 'Weißstraße 12', 'Hanna Ağaoğlu', 'Notitie van Ağaoğlu']) expect(text).toContain(name);
    for (const part of [
      'Ons kenmerk',
      'AVG-2026-0042',
      'Datum',
      '25 november 2026',
      'Onderwerp',
      'Besluit op uw verzoek om inzage',
      'KvK 39048769',
      'Postbus 105',
    ])
      expect(text).toContain(part);
    const doc = await PDFDocument.load(pdf);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`pagina 1 van ${pages}`);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    expect(text).toContain('CONCEPT – niet verzenden');
    expect(text).toContain('Ondertekening volgt na goedkeuring');
  });

  it('sets the document language nl-NL and a title shown in the window bar', async () => {
    const doc = await PDFDocument.load(await renderLetterPdf(longLetter(), { letterhead: DEFAULT_LETTERHEAD, draft: false, now: NOW }));
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(nl-NL)');
    expect(doc.getTitle()).toBe('Besluit op uw verzoek om inzage – AVG-2026-0042');
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'))?.toString()).toContain('/DisplayDocTitle true');
  });

  it('sets the address where a Dutch window envelope shows it (25–110 mm from the left, 50–85 mm from the top)', async () => {
    const pdf = await renderLetterPdf(buildLetter(letterInput('ontvangstbevestiging', {})), { letterhead: DEFAULT_LETTERHEAD, draft: false, now: NOW });
    const dir = mkdtempSync(join(tmpdir(), 'avg-desk-bbox-'));
    try {
      writeFileSync(join(dir, 'b.pdf'), pdf);
      const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'b.pdf'), '-'], { encoding: 'utf8' });
      const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)].map((m) => ({
        text: m[5] ?? '',
        box: [m[1], m[2], m[3], m[4]].map((v) => Number(v) / MM) as [number, number, number, number],
      }));
      for (const word of ['Łukasz', 'Nguyễn-Özdemir', 'Weißstraße', '1234', 'Hilversum']) {
        const found = words.find((w) => w.text === word && w.box[1] > 40 && w.box[1] < 100);
        expect(found, word).toBeDefined();
        const [x1, y1, x2, y2] = found?.box ?? [0, 0, 0, 0];
        expect(x1).toBeGreaterThanOrEqual(24.9);
        expect(x2).toBeLessThanOrEqual(110);
        expect(y1).toBeGreaterThanOrEqual(50);
        expect(y2).toBeLessThanOrEqual(85);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PAdES signature (read back with pdfsig)', () => {
  it('is valid, covers the whole document, and is a PAdES (ETSI.CAdES.detached) signature', async () => {
    const image = encodePng({ width: 40, height: 12, data: Buffer.alloc(40 * 12 * 4, 0x40) });
    const pdf = await signed(longLetter(), image);
    const report = pdfsig(pdf);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: Stichting Testwonen Zegels');
    const text = pdfText(pdf);
    for (const part of ['Sanne Ağaoğlu', 'Teamleider Privacy', 'Digitaal ondertekend op 25 november 2026']) expect(text).toContain(part);
    expect(text).not.toContain('CONCEPT');
  });

  it('carries the ESS signing-certificate-v2 attribute and no signing-time attribute (PAdES baseline)', async () => {
    const pdf = await signed(buildLetter(letterInput('ontvangstbevestiging', {})));
    const hex = /\/Contents\s*<([0-9a-fA-F]+)>/u.exec(pdf.toString('latin1'))?.[1] ?? '';
    const cms = Buffer.from(hex, 'hex');
    const oid = (id: string) => Buffer.from(forge.asn1.oidToDer(id).getBytes(), 'binary');
    expect(cms.includes(oid('1.2.840.113549.1.9.16.2.47'))).toBe(true);
    expect(cms.includes(oid('1.2.840.113549.1.9.5'))).toBe(false);
  });

  it('one changed byte in the signed range makes the signature invalid', async () => {
    const pdf = await signed(buildLetter(letterInput('ontvangstbevestiging', {})));
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/u.exec(pdf.toString('latin1'));
    const firstRangeEnd = Number(range?.[2]);
    // A byte of the binary comment on the second line: the file still parses, only the digest differs.
    const at = pdf.indexOf('\n%') + 2;
    expect(at).toBeLessThan(firstRangeEnd);
    const tampered = Buffer.from(pdf);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const report = pdfsig(tampered);
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Signature is Invalid|Digest Mismatch/u);
  });
});

describe('the organisation’s PKCS#12', () => {
  it('refuses a wrong password, a file that is no PKCS#12, and a certificate out of its validity', () => {
    const p12 = testPkcs12(P12_PASSWORD, { notAfter: new Date('2026-06-30T00:00:00Z') });
    expect(() => readPkcs12(p12, 'fout')).toThrow(expect.objectContaining({ dutchMessage: 'Het wachtwoord van het PKCS#12-bestand klopt niet.' }));
    expect(() => readPkcs12(Buffer.from('geen pkcs12'), 'x')).toThrow(
      expect.objectContaining({ dutchMessage: 'Dit is geen geldig PKCS#12-bestand (.p12 of .pfx).' }),
    );
    const expired = readPkcs12(p12, P12_PASSWORD);
    expect(() => assertValidOn(expired, NOW)).toThrow(expect.objectContaining({ dutchMessage: expect.stringMatching(/verlopen op 30 juni 2026\./u) }));
    expect(identity.subject).toContain('CN=Stichting Testwonen Zegels');
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/u);
  });
});
