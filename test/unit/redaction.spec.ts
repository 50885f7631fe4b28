import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldTerm } from '../../shared/redaction/detectors.js';
import { redactFile } from '../../main/app/cli/redact.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  applyRedactions,
  extractText,
  findRedactions,
  RedactionError,
  runRedactionInWorker,
  type PageText,
  type Redaction,
  type RedactionFailure,
} from '../../main/redaction/index.js';
import {
  ACCENTED,
  BSN,
  buildDossier,
  buildLetters,
  buildLines,
  buildPage,
  encodings,
  encrypt,
  INK,
  KEPT_SENTENCE,
  NAME,
  PHONE,
  PICTURE,
  PICTURE_COLOUR,
  everyObjectInflated,
  pdftotext,
  popplerWords,
  qdfWithoutPixels,
  renderWithPoppler,
  requireTools,
  type Raster,
} from './redaction.fixtures.js';

/** Every string that must be gone, whole and in pieces (a TJ array stores "Vries" on its own). */
const SECRETS = [NAME, 'Jan', 'Vries', 'zdemir', BSN, PHONE];
const DPI = 144;

let input: Buffer;
let pages: PageText[];
let redactions: Redaction[];
let output: Buffer;

beforeAll(async () => {
  requireTools();
  input = await buildDossier();
  pages = await extractText(input);
  redactions = [
    ...findRedactions(pages, { terms: [NAME, 'ozdemir'], patterns: ['bsn', 'phone'] }),
    { page: 3, ...INK, reason: 'art. 41 lid 1 sub i UAVG', source: 'manual', text: '' },
  ];
  output = await applyRedactions(input, redactions);
});

async function failure(work: Promise<unknown>): Promise<RedactionError> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RedactionError)) throw new Error(`expected a RedactionError, got ${String(error)}`);
  expect(error.dutchMessage).toMatch(/^[A-Z].*\.$/u);
  return error;
}

const dark = (r: Raster, x: number, y: number) => r.data[(y * r.width + x) * r.channels] ?? 255;

/** The pixels of a user-space box on an output page whose image sits at the bottom left. */
function pixelBox(box: { x: number; y: number; width: number; height: number }, outputHeightPt: number) {
  const s = DPI / 72;
  return {
    left: Math.ceil(box.x * s) + 1,
    right: Math.floor((box.x + box.width) * s) - 1,
    top: Math.ceil((outputHeightPt - box.y - box.height) * s) + 1,
    bottom: Math.floor((outputHeightPt - box.y) * s) - 1,
  };
}

/**
 * Where poppler sees the given words in the input, the output is black: the boxes hit their targets
 * even where rotation or an offset media box make the engine's own coordinates easy to get wrong.
 */
function expectWordsBurned(before: Uint8Array, after: Uint8Array, page: number, words: readonly string[]): number {
  const a = renderWithPoppler(before, page, DPI);
  const b = renderWithPoppler(after, page, DPI);
  const offset = b.height - a.height;
  const s = DPI / 72;
  const targets = popplerWords(before, page).flatMap((w) => {
    // Only the part of poppler's word that is the target ("Vries" of "Vries,"), in proportion.
    const word = words.find((x) => w.text.includes(x));
    if (!word) return [];
    const at = w.text.indexOf(word);
    const per = (w.right - w.left) / w.text.length;
    return [{ ...w, left: w.left + at * per, right: w.left + (at + word.length) * per }];
  });
  for (const w of targets) {
    for (let y = Math.ceil(w.top * s) + 2; y <= Math.floor(w.bottom * s) - 2; y++) {
      for (let x = Math.ceil(w.left * s) + 2; x <= Math.floor(w.right * s) - 2; x++) {
        if (dark(b, x, y + offset) > 40) throw new Error(`"${w.text}" on page ${String(page + 1)} is not burned at ${String(x)},${String(y)}`);
      }
    }
  }
  return targets.length;
}

/** Every inked pixel of the input page (only redacted text is on it) is black in the output. */
function expectInkBurned(before: Uint8Array, after: Uint8Array, page: number): number {
  const a = renderWithPoppler(before, page, DPI);
  const b = renderWithPoppler(after, page, DPI);
  const offset = b.height - a.height;
  let ink = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (dark(a, x, y) > 160) continue;
      ink++;
      if (dark(b, x, y + offset) > 40) throw new Error(`ink at ${String(x)},${String(y)} of page ${String(page + 1)} is not burned`);
    }
  }
  return ink;
}

describe('finding what to redact', () => {
  it('finds the name in a Tj, across a kerned TJ array, glyph by glyph, in a hex string and in an invisible OCR layer', () => {
    const byPage = (p: number, source: string) => redactions.filter((r) => r.page === p && r.source === source);
    expect(pages.map((p) => p.text.includes(NAME))).toEqual([true, true, true, false, false]);
    expect(byPage(0, 'term').map((r) => r.text)).toEqual([NAME, ACCENTED]);
    expect(byPage(0, 'pattern').map((r) => [r.kind, r.text])).toEqual([
      ['bsn', BSN],
      ['phone', PHONE],
    ]);
    // One box per line, not one per TJ piece.
    expect(byPage(1, 'term')).toHaveLength(3);
    expect(byPage(2, 'term')).toHaveLength(1);
    expect(redactions.filter((r) => r.page === 4)).toEqual([]);
    // The kept page's two notes, link and form field are reported, so the UI can warn they will be left out.
    expect(pages.map((p) => p.annotations)).toEqual([0, 0, 0, 0, 4]);
  });

  it.each([
    ['at the end of a long line', ['Dit is een lange regel met aan het einde de naam Jan de', 'Vries en daarna nog wat tekst op de tweede regel.']],
    ['right above its second half', ['Jan de', 'Vries woont op de tweede regel.']],
  ])('gives a name broken over two lines %s one box per line, not one over both', async (_, lines) => {
    const found = findRedactions(await extractText(await buildLines(lines)), { terms: [NAME] });
    expect(found).toHaveLength(2);
    for (const box of found) expect(box.height).toBeLessThan(20);
    expect(found[1]?.width).toBeLessThan(40);
  });

  it('gives boxes that cover every glyph of the match', () => {
    const page = pages[1];
    if (!page) throw new Error('no page 2');
    for (const r of redactions.filter((x) => x.page === 1)) {
      const glyphs = page.boxes.filter((b) => b !== null && b.y + b.height / 2 > r.y && b.y + b.height / 2 < r.y + r.height);
      for (const g of glyphs) {
        if (!g) continue;
        expect(g.x).toBeGreaterThanOrEqual(r.x);
        expect(g.x + g.width).toBeLessThanOrEqual(r.x + r.width);
        expect(g.y).toBeGreaterThanOrEqual(r.y);
        expect(g.y + g.height).toBeLessThanOrEqual(r.y + r.height);
      }
    }
  });
});

describe('the redacted PDF', () => {
  it('the input really contains the secrets, so the checks below can see them', () => {
    const text = pdftotext(input);
    for (const s of [NAME, BSN, PHONE, ACCENTED]) expect(text).toContain(s);
    const raw = qdfWithoutPixels(input);
    expect(encodings('Vries').filter((e) => raw.includes(e)).length).toBeGreaterThanOrEqual(3);
  });

  it('pdftotext (poppler) and our own extractor find none of the redacted strings', async () => {
    const text = pdftotext(output);
    for (const s of SECRETS) expect(text).not.toContain(s);
    const ours = (await extractText(output)).map((p) => foldTerm(p.text)).join('\n');
    for (const s of SECRETS) expect(ours).not.toContain(foldTerm(s));
  });

  it('pdf.js, a third reader, finds none of them either (and does find them in the input)', async () => {
    const read = async (pdf: Uint8Array) => {
      const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
      const pages: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const content = await (await doc.getPage(i)).getTextContent();
        pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      }
      await doc.destroy();
      return pages.join('\n');
    };
    const before = await read(input);
    expect(before).toContain('Vries');
    const after = await read(output);
    for (const s of SECRETS) expect(after).not.toContain(s);
    expect(after).toContain(KEPT_SENTENCE);
  });

  it('holds none of the strings in its bytes, in any encoding, once qpdf has decompressed everything', () => {
    const raw = qdfWithoutPixels(output);
    for (const s of SECRETS) for (const form of encodings(s)) expect(raw.includes(form), `${s} as ${JSON.stringify(form)}`).toBe(false);
    expect(raw).toContain(KEPT_SENTENCE);
  });

  it('holds none of them in unreferenced objects either (which qpdf would silently drop)', () => {
    const all = everyObjectInflated(output);
    expect(all).toContain(KEPT_SENTENCE);
    for (const s of SECRETS) for (const form of encodings(s)) expect(all.includes(form), `${s} as ${JSON.stringify(form)}`).toBe(false);
    expect(everyObjectInflated(input)).toContain(`Bediend door ${NAME}`);
  });

  it('keeps the text of pages without redactions, and prints the reasons as a legend', () => {
    expect(pdftotext(output, 4)).toContain(KEPT_SENTENCE);
    expect(pdftotext(output, 0)).toContain('[1] gelakt: art. 15 lid 4 AVG');
    expect(pdftotext(output, 3)).toContain('[2] gelakt: art. 41 lid 1 sub i UAVG');
  });

  it('has no annotations, form, attachments, outlines, scripts, layers, page labels or metadata left', async () => {
    const doc = await PDFDocument.load(output, { updateMetadata: false });
    expect(
      doc.catalog
        .keys()
        .map((k) => k.decodeText())
        .sort(),
    ).toEqual(['Pages', 'Type']);
    expect([doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getKeywords()]).toEqual([undefined, undefined, undefined, undefined]);
    expect([doc.getCreator(), doc.getProducer()]).toEqual(['AVG Desk', 'AVG Desk']);
    for (const page of doc.getPages()) {
      expect(page.node.Annots()).toBeUndefined();
      expect(page.node.get(PDFName.of('AA'))).toBeUndefined();
    }
    const types = new Set<string>();
    const keys = new Set<string>();
    for (const [, object] of doc.context.enumerateIndirectObjects()) {
      const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
      if (!dict) continue;
      for (const k of dict.keys()) keys.add(k.decodeText());
      const type = dict.get(PDFName.of('Type'));
      if (type instanceof PDFName) types.add(type.decodeText());
    }
    for (const t of ['Annot', 'Filespec', 'EmbeddedFile', 'Outlines', 'Metadata']) expect(types).not.toContain(t);
    for (const k of ['JS', 'JavaScript', 'EmbeddedFiles', 'AcroForm', 'Fields', 'OpenAction', 'PageLabels', 'OCProperties', 'Metadata', 'Outlines'])
      expect(keys).not.toContain(k);
    expect(doc.context.trailerInfo.Encrypt).toBeUndefined();
  });

  it('is a complete rewrite: one revision, one cross-reference table', () => {
    const text = output.toString('latin1');
    expect(text.match(/startxref/gu)).toHaveLength(1);
    expect(text.match(/%%EOF/gu)).toHaveLength(1);
    expect(input.toString('latin1').match(/startxref/gu)).toHaveLength(1);
  });

  it('burns every box black, as poppler renders it', async () => {
    const doc = await PDFDocument.load(output);
    for (const r of redactions) {
      const raster = renderWithPoppler(output, r.page, DPI);
      const box = pixelBox(r, doc.getPage(r.page).getHeight());
      for (let y = box.top; y <= box.bottom; y++) for (let x = box.left; x <= box.right; x++) expect(dark(raster, x, y)).toBeLessThan(40);
    }
  });

  it('burns all ink of the kerned and hex-encoded names', () => {
    expect(expectInkBurned(input, output, 1)).toBeGreaterThan(1000);
  });

  it('burns the words where an independent reader (poppler) sees them, the invisible OCR layer included', () => {
    expect(expectWordsBurned(input, output, 0, ['Jan', 'Vries', BSN, PHONE, ACCENTED])).toBe(5);
    expect(expectWordsBurned(input, output, 1, ['Jan', 'de', 'Vries'])).toBe(9);
    expect(expectWordsBurned(input, output, 2, ['Jan', 'Vries'])).toBe(2);
  });

  it('burns the pixels of a picture under a hand-drawn box and leaves the rest of the picture as it was', async () => {
    const doc = await PDFDocument.load(output);
    const height = doc.getPage(3).getHeight();
    const raster = renderWithPoppler(output, 3, DPI, true);
    const at = (xPt: number, yPt: number) => {
      const i = (Math.round((height - yPt) * (DPI / 72)) * raster.width + Math.round(xPt * (DPI / 72))) * 3;
      return [raster.data[i] ?? -1, raster.data[i + 1] ?? -1, raster.data[i + 2] ?? -1];
    };
    for (let x = INK.x + 2; x < INK.x + INK.width - 2; x += 3) for (let y = INK.y + 2; y < INK.y + INK.height - 2; y += 3) expect(at(x, y)).toEqual([0, 0, 0]);
    const outside = at(PICTURE.x + 10, PICTURE.y + 10);
    outside.forEach((v, i) => expect(Math.abs(v - (PICTURE_COLOUR[i] ?? 0))).toBeLessThan(10));
  });

  it.each([90, 180, 270])('hits its targets on a page rotated %i° with an offset media box', async (angle) => {
    const doc = await PDFDocument.load(await buildLetters(2, 5));
    const page = doc.getPage(0);
    page.setRotation(degrees(angle));
    page.setMediaBox(30, 20, 595, 842);
    const rotated = Buffer.from(await doc.save());
    const found = findRedactions(await extractText(rotated), { terms: [NAME] });
    expect(found.filter((r) => r.page === 0)).toHaveLength(5);
    const out = await applyRedactions(
      rotated,
      found.filter((r) => r.page === 0),
    );
    expect(pdftotext(out, 0)).not.toContain('Vries');
    expect(pdftotext(out, 1)).toContain(NAME);
    expect(expectWordsBurned(rotated, out, 0, ['Jan', 'Vries'])).toBe(10);
  });

  it('covers vertical and diagonal text', async () => {
    const pdf = await buildPage(`BT /F1 12 Tf 0 1 -1 0 300 300 Tm (Verticaal: ${NAME} hier) Tj ET
BT /F1 12 Tf 0.7071 0.7071 -0.7071 0.7071 100 500 Tm (Schuin ${NAME}) Tj ET`);
    const found = findRedactions(await extractText(pdf), { terms: [NAME] });
    const out = await applyRedactions(pdf, found);
    expect(pdftotext(out)).not.toMatch(/Vries|Jan/u);
    expect(expectWordsBurned(pdf, out, 0, ['Jan', 'Vries'])).toBe(2);
  });
});

describe('bad input', () => {
  const cases: [string, () => Promise<Buffer>, RedactionFailure][] = [
    ['an empty file', () => Promise.resolve(Buffer.alloc(0)), 'empty'],
    ['a PNG', () => Promise.resolve(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), 'not-pdf'],
    ['a PDF cut off half-way', async () => (await buildDossier()).subarray(0, 4000), 'corrupt'],
    [
      'a PDF cut off just before its final %%EOF (PDFium and pdf-lib would open it)',
      async () => {
        const pdf = await buildDossier({ useObjectStreams: false });
        return pdf.subarray(0, pdf.lastIndexOf('%%EOF'));
      },
      'corrupt',
    ],
    [
      'a PDF whose objects are garbage',
      () =>
        Promise.resolve(
          Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nxref 0 0\ntrailer << /Root 1 0 R >>\nstartxref 0\n%%EOF\n', 'latin1'),
        ),
      'corrupt',
    ],
    ['a PDF with a user password', async () => encrypt(await buildDossier(), 'geheim'), 'encrypted'],
    ['a PDF over 100 MB', () => Promise.resolve(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100 * 1024 * 1024)])), 'too-large'],
  ];

  it.each(cases)('%s gives a typed Dutch error from both extractText and applyRedactions', async (_, make, expected) => {
    const pdf = await make();
    expect((await failure(extractText(pdf))).failure).toBe(expected);
    expect((await failure(applyRedactions(pdf, []))).failure).toBe(expected);
  });

  it('refuses more than 2,000 pages', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 2001; i++) doc.addPage([100, 100]);
    const error = await failure(extractText(Buffer.from(await doc.save())));
    expect([error.failure, error.dutchMessage]).toEqual(['too-many-pages', 'De PDF heeft meer dan 2.000 pagina’s. Splits het document en lak de delen apart.']);
  });

  it('refuses boxes on pages that do not exist or with impossible sizes', async () => {
    const box: Redaction = { page: 0, x: 10, y: 10, width: 10, height: 10, reason: 'art. 15 lid 4 AVG', source: 'manual', text: '' };
    for (const wrong of [
      { ...box, page: 5 },
      { ...box, width: Number.NaN },
      { ...box, height: -1 },
      { ...box, page: 0.5 },
    ]) {
      expect((await failure(applyRedactions(input, [wrong]))).failure).toBe('invalid-redaction');
    }
  });
});

describe('long work', () => {
  it('stops between pages when cancelled, and reports progress until then', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await failure(
      applyRedactions(input, redactions, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 2) controller.abort();
        },
      }),
    );
    expect([error.failure, seen]).toEqual(['cancelled', [1, 2]]);
  });

  it('runs in a worker thread with progress messages, and terminates it on abort', async () => {
    const seen: number[] = [];
    const out = await runRedactionInWorker(input, redactions, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(pdftotext(out)).not.toContain('Vries');
    expect(pdftotext(out, 4)).toContain(KEPT_SENTENCE);

    const controller = new AbortController();
    const cancelled = runRedactionInWorker(input, redactions, { signal: controller.signal, onProgress: () => controller.abort() });
    expect((await failure(cancelled)).failure).toBe('cancelled');
    expect((await failure(runRedactionInWorker(Buffer.from('%PDF-1.7 kapot %%EOF'), []))).failure).toBe('corrupt');
  });
});

describe('avg-desk redact (CLI function)', () => {
  it('redacts a file and reports what it did; refuses bad input in Dutch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'avg-desk-redact-cli-'));
    try {
      const source = join(dir, 'dossier.pdf');
      const target = join(dir, 'gelakt.pdf');
      writeFileSync(source, input);
      const result = await redactFile({ input: source, output: target, terms: [NAME], patterns: ['bsn,phone'] });
      expect(result).toMatchObject({ pages: 5, redactedPages: 3, boxes: 7, repaired: false, unlocked: false });
      expect(result.perPage.map((p) => [p.page, p.boxes, p.result])).toEqual([
        [1, 3, 'tekst behouden'],
        [2, 3, 'tekst behouden'],
        [3, 1, 'tekst behouden'],
        [4, 0, 'tekst behouden'],
        [5, 0, 'tekst behouden'],
      ]);
      expect(pdftotext(readFileSync(target))).not.toContain(BSN);
      await expect(redactFile({ input: join(dir, 'weg.pdf'), output: target, terms: [NAME], patterns: [] })).rejects.toThrow(/bestaat niet/u);
      await expect(redactFile({ input: source, output: target, terms: [], patterns: ['postcode'] })).rejects.toThrow(
        'Onbekend patroon: postcode. Kies uit: bsn, iban, phone, email, dob, plate.',
      );
      await expect(redactFile({ input: source, output: target, terms: [' '], patterns: [] })).rejects.toThrow(/minstens één --person "Naam", --term/u);
      await expect(redactFile({ input: source, output: source, terms: [NAME], patterns: [] })).rejects.toThrow(/origineel/u);
      writeFileSync(source, encrypt(input, 'geheim'));
      await expect(redactFile({ input: source, output: target, terms: [NAME], patterns: [] })).rejects.toThrow(/wachtwoord beveiligd/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
