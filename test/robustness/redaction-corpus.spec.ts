import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString, StandardFonts, degrees, type PDFPage } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText, findRedactions, readDocument, redactDocument, RedactionError } from '../../main/redaction/index.js';
import { buildDossier, buildPages, encodings, encrypt, NAME, pdftotext, qdfWithoutPixels, requireTools } from '../unit/redaction.fixtures.js';
import { buildHidingPlaces, buildType3Offset, withBrokenXref } from '../unit/redaction.hostile.js';

/**
 * A generated corpus of PDFs as they arrive in a dossier, each with a made-up person on some of
 * its pages. Every file is redacted by the real engine and checked by independent readers
 * (pdftotext, qpdf): the person is gone, nothing else is lost.
 */
const PERSON = 'Marloes Brinkhorst';
const OTHER = 'Wij hebben uw verzoek over de lekkage ontvangen.';
const FILLER = 'De huurder meldt schimmel in de badkamer.';

interface Sample {
  name: string;
  person: string;
  pdf: Buffer;
}

const line = (y: number, text: string, font = 'F1') => `BT /${font} 12 Tf 72 ${String(y)} Td (${text}) Tj ET`;
const personPage = (person = PERSON) => `${line(760, `Geachte mevrouw ${person},`)}\n${line(740, OTHER)}`;
const plainPage = () => `${line(760, FILLER)}\n${line(740, 'Het dossier wordt binnen vier weken behandeld.')}`;

/** Appends a hand-written incremental update that replaces the first page's content stream; the old stream stays in the file. */
async function withIncrementalUpdate(pdf: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const pageRef = page.ref;
  const root = doc.context.trailerInfo.Root?.toString() ?? '';
  const size = doc.context.largestObjectNumber + 1;
  const prev = /startxref\s+(\d+)/u.exec(pdf.toString('latin1').slice(-64))?.[1] ?? '0';
  const content = `${line(760, `Aangepast: mevrouw ${PERSON}`)}\n${line(740, OTHER)}`;
  const stream = `${String(size)} 0 obj\n<< /Length ${String(content.length)} >>\nstream\n${content}\nendstream\nendobj\n`;
  const pageObj = `${String(pageRef.objectNumber)} 0 obj\n${page.node.toString().replace(/\/Contents \d+ 0 R/u, `/Contents ${String(size)} 0 R`)}\nendobj\n`;
  const start = pdf.length + 1;
  const body = `\n${stream}${pageObj}`;
  const offPage = start + stream.length;
  const pad = (n: number) => String(n).padStart(10, '0');
  const xrefAt = pdf.length + body.length;
  const xref = `xref\n${String(pageRef.objectNumber)} 1\n${pad(offPage)} 00000 n \n${String(size)} 1\n${pad(start)} 00000 n \ntrailer\n<< /Size ${String(size + 1)} /Root ${root} /Prev ${prev} >>\nstartxref\n${String(xrefAt)}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(body + xref, 'latin1')]);
}

async function cidFontDoc(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  const font = await doc.embedFont(bytes, { subset: true });
  for (const text of [
    [`Geachte mevrouw ${PERSON},`, OTHER],
    [FILLER, 'Met vriendelijke groet, de corporatie.'],
  ]) {
    const page = doc.addPage([595, 842]);
    text.forEach((t, i) => page.drawText(t, { x: 72, y: 760 - i * 20, size: 12, font }));
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

async function samples(): Promise<Sample[]> {
  const s = (name: string, pdf: Buffer, person = PERSON): Sample => ({ name, pdf, person });
  const plain = await buildPages([personPage(), plainPage(), personPage()]);
  const spaced = `BT /F1 12 Tf 2 Tc 72 760 Td (Geachte mevrouw ${PERSON},) Tj ET\n${line(740, OTHER)}`;
  const helvetica = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  let x = 72;
  const glyphs = [...`${PERSON},`].map((c) => {
    const op = `BT /F1 12 Tf ${x.toFixed(2)} 760 Td (${c}) Tj ET`;
    x += helvetica.widthOfTextAtSize(c, 12);
    return op;
  });
  const kerned = `BT /F1 12 Tf 72 760 Td [(Mar) -20 (loes) -250 <${Buffer.from('Brink', 'latin1').toString('hex')}> 15 (horst)] TJ ET\n${line(740, OTHER)}`;
  return [
    s('three pages, the person on the first and last', plain),
    s('six pages, the person only on pages 2 and 5', await buildPages([plainPage(), personPage(), plainPage(), plainPage(), personPage(), plainPage()])),
    s('object streams', Buffer.from(await (await PDFDocument.load(plain)).save({ useObjectStreams: true }))),
    s('letter-spaced text (Tc)', await buildPages([spaced, plainPage()])),
    s('glyph by glyph, one Tj per letter', await buildPages([`${glyphs.join('\n')}\n${line(740, OTHER)}`, plainPage()])),
    s('TJ with kerning and a hex string', await buildPages([kerned, plainPage()])),
    s('CID font (embedded DejaVu Sans)', await cidFontDoc()),
    s('rotated page (90°)', await buildPages([personPage(), plainPage()], (_d, pages) => pages[0]?.setRotation(degrees(90)))),
    s('cropped page', await buildPages([personPage(), plainPage()], (_d, pages) => pages[0]?.setCropBox(40, 600, 500, 200))),
    s('form field and annotation with the person', await buildPages([personPage(), plainPage()], (doc, pages) => addFormAndNote(doc, pages))),
    s('XMP, document info and an attachment', await buildPages([personPage(), plainPage()], (doc) => addMetadata(doc))),
    s('incremental update', await withIncrementalUpdate(plain)),
    s('broken cross-reference table', withBrokenXref(plain)),
    s('owner password only (opens without one)', encrypt(plain, '')),
    s('every hiding place (hostile fixture)', await buildHidingPlaces(), NAME),
    s('dossier with scan, picture and OCR layer (fixture)', await buildDossier(), NAME),
    s('Type3 font drawn away from its metrics (hostile fixture)', await buildType3Offset(), NAME),
  ];
}

function addFormAndNote(doc: PDFDocument, pages: PDFPage[]): void {
  const page = pages[0];
  if (!page) return;
  const field = doc.getForm().createTextField('naam');
  field.setText(PERSON);
  field.addToPage(page, { x: 72, y: 500, width: 200, height: 20 });
  const note = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Text',
    Rect: [72, 400, 92, 420],
    Contents: PDFString.of(`Gebeld met ${PERSON}`),
    T: PDFString.of(PERSON),
  });
  page.node.addAnnot(doc.context.register(note));
}

async function addMetadata(doc: PDFDocument): Promise<void> {
  doc.setAuthor(PERSON);
  doc.setTitle(`Dossier ${PERSON}`);
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${PERSON}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  await doc.attach(Buffer.from(`Notitie over ${PERSON}`), 'notitie.txt', { mimeType: 'text/plain' });
}

const words = (text: string) => text.split(/\s+/u).filter(Boolean);
/** A word of the person's name (also "de" in "Jan de Vries"), or one that holds a part of it with its punctuation. */
const isPerson = (word: string, person: string) =>
  person
    .split(' ')
    .some(
      (part) => word.toLowerCase().replace(/[^\p{L}]/gu, '') === part.toLowerCase() || (part.length >= 3 && word.toLowerCase().includes(part.toLowerCase())),
    );

let corpus: Sample[] = [];
const fallbacks: string[] = [];

beforeAll(async () => {
  requireTools();
  corpus = await samples();
}, 60_000);

describe('a generated corpus of dossier PDFs is redacted without leaks or losses', () => {
  it('redacts every file: the person is gone for pdftotext and qpdf, pages and other words stay', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    let boxedPages = 0;
    let rasterised = 0;
    for (const sample of corpus) {
      const { person } = sample;
      const surname = person.split(' ').at(-1) ?? person;
      const redactions = findRedactions(await extractText(sample.pdf), { terms: [person] });
      const boxed = new Set(redactions.map((r) => r.page));
      expect(boxed.size, sample.name).toBeGreaterThan(0);
      const outcome = await redactDocument(sample.pdf, redactions);
      const out = outcome.pdf;

      expect(pdftotext(out).toLowerCase(), sample.name).not.toContain(surname.toLowerCase());
      const raw = qdfWithoutPixels(out);
      for (const form of encodings(surname)) expect(raw.includes(form), `${sample.name}: ${JSON.stringify(form)} in qpdf output`).toBe(false);

      const pageCount = (await PDFDocument.load(sample.pdf, { ignoreEncryption: true })).getPageCount();
      expect((await PDFDocument.load(out)).getPageCount(), sample.name).toBe(pageCount);
      for (let page = 0; page < pageCount; page++) {
        const before = words(pdftotext(sample.pdf, page));
        const after = words(pdftotext(out, page));
        const report = outcome.pages[page];
        if (boxed.has(page)) boxedPages++;
        if (!boxed.has(page)) {
          // pdftotext also reads form fields' and annotations' appearances, which the engine drops from every page by design.
          expect(after, `${sample.name}, page ${String(page + 1)} had no box`).toEqual(before.filter((w) => !isPerson(w, person)));
        } else if (report?.mode === 'text') {
          const missing = before.filter((w) => !isPerson(w, person) && !after.includes(w));
          expect(missing, `${sample.name}, page ${String(page + 1)} lost words`).toEqual([]);
        } else {
          rasterised++;
          fallbacks.push(`${sample.name}, page ${String(page + 1)}: ${report?.reason ?? '?'}`);
        }
      }
    }
    console.log(`${String(corpus.length)} files, ${String(boxedPages)} pages with a box, ${String(boxedPages - rasterised)} kept their text.`);
    console.log(`Pages rasterised instead of keeping their text (${String(rasterised)}):\n${fallbacks.map((f) => `  - ${f}`).join('\n') || '  (none)'}`);
  }, 120_000);

  it('the second reader agrees with PDFium on every honest page of the corpus, and flags the one whose /ActualText replaces what it shows', async () => {
    for (const sample of corpus) {
      const flagged = (await readDocument(sample.pdf, { ocr: 'off' })).filter((p) => p.mismatch === true).map((p) => p.page + 1);
      // PDFium reads that span's /ActualText (the name) instead of the words drawn ("Tekst zonder naam."): the text does not say what the page shows.
      expect(flagged, sample.name).toEqual(sample.name.startsWith('every hiding place') ? [2] : []);
    }
  }, 120_000);

  it('refuses a file that needs a password to open, in Dutch', async () => {
    const locked = encrypt(await buildPages([personPage()]), 'geheim-wachtwoord');
    const error = await redactDocument(locked, []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedactionError);
    expect((error as RedactionError).failure).toBe('encrypted');
    expect((error as RedactionError).dutchMessage).toMatch(/versleuteld|wachtwoord/u);
  });
});
