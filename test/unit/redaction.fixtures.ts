import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts, type PDFObject, type PDFPage, type PDFRef } from 'pdf-lib';
import { PNG } from 'pngjs';

/**
 * Test PDFs for the redaction engine, built here from raw content streams so every way a name can
 * hide in a PDF is known exactly. Made-up people only. No binary fixture is committed.
 */
export const NAME = 'Jan de Vries';
export const ACCENTED = 'Özdemir';
export const BSN = '111222333';
export const PHONE = '06-12345678';
export const KEPT_SENTENCE = 'Deze pagina blijft doorzoekbaar.';
/** Where the picture with "written" text sits on page 4, in points (user space). */
export const PICTURE = { x: 100, y: 400, width: 300, height: 150 };
/** The dark "handwriting" inside that picture; a hand-drawn box must cover it. */
export const INK = { x: 150, y: 450, width: 200, height: 50 };
export const PICTURE_COLOUR: readonly [number, number, number] = [200, 220, 255];

export const APT = 'apt-get update && apt-get install -y --no-install-recommends poppler-utils qpdf';

/** pdftotext and qpdf are the independent second readers; without them the test fails, never skips. */
export function requireTools(): void {
  for (const [tool, arg] of [
    ['pdftotext', '-v'],
    ['pdftoppm', '-v'],
    ['qpdf', '--version'],
  ] as const) {
    const r = spawnSync(tool, [arg]);
    if (r.error) throw new Error(`${tool} is missing. Install it with: ${APT}`);
  }
}

export function withTemp<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'avg-desk-redaction-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(tool: string, args: string[], okCodes: readonly number[] = [0]): Buffer {
  const r = spawnSync(tool, args, { maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`${tool} is missing. Install it with: ${APT}`);
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${tool} failed (${String(r.status)}): ${r.stderr.toString()}`);
  return r.stdout;
}

export function pdftotext(pdf: Uint8Array, page?: number): string {
  return withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const range = page === undefined ? [] : ['-f', String(page + 1), '-l', String(page + 1)];
    return run('pdftotext', ['-enc', 'UTF-8', ...range, file, '-']).toString('utf8');
  });
}

export interface WordBox {
  text: string;
  /** Points from the top-left of the page as shown (after /Rotate), as poppler lays it out. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Word boxes by poppler (pdftotext -bbox): where a reader independent of the engine sees the words. */
export function popplerWords(pdf: Uint8Array, page: number): WordBox[] {
  const html = withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return run('pdftotext', ['-bbox', '-f', String(page + 1), '-l', String(page + 1), file, '-']).toString('utf8');
  });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/gu)].map((m) => ({
    text: m[5] ?? '',
    left: Number(m[1]),
    top: Number(m[2]),
    right: Number(m[3]),
    bottom: Number(m[4]),
  }));
}

/** qpdf --qdf with object streams off: every stream decompressed, every object in the clear. Exit 3 = warnings. */
export function qdf(pdf: Uint8Array): Buffer {
  return withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return run('qpdf', ['--qdf', '--object-streams=disable', file, '-'], [0, 3]);
  });
}

/** qdf output without the pixel data of images, where any byte sequence can occur by chance. */
export function qdfWithoutPixels(pdf: Uint8Array): string {
  const text = qdf(pdf).toString('latin1');
  return text.replace(/(\d+ 0 obj\s*<<(?:(?!endobj)[\s\S])*?\/Subtype \/Image[\s\S]*?\bstream\r?\n)[\s\S]*?(endstream)/gu, '$1$2');
}

/**
 * Every object as written, referenced or not (qpdf drops unreferenced objects, so it cannot see an
 * orphan), with Flate streams inflated by zlib and image pixels left out.
 */
export function everyObjectInflated(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const parts: string[] = [];
  const head = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/gu;
  let last = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const dict = m[1] ?? '';
    const start = m.index + m[0].length;
    const length = /\/Length (\d+)(?! \d+ R)/u.exec(dict);
    const end = length ? start + Number(length[1]) : text.indexOf('endstream', start);
    parts.push(text.slice(last, start));
    if (!dict.includes('/Subtype /Image')) {
      const data = pdf.subarray(start, end);
      try {
        parts.push(dict.includes('/FlateDecode') ? inflateSync(data).toString('latin1') : data.toString('latin1'));
      } catch {
        parts.push(data.toString('latin1'));
      }
    }
    last = end;
    head.lastIndex = end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

export function encrypt(pdf: Uint8Array, userPassword: string): Buffer {
  return withTemp((dir) => {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    run('qpdf', ['--encrypt', userPassword, 'eigenaar-wachtwoord', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return readFileSync(join(dir, 'out.pdf'));
  });
}

export interface Raster {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Buffer;
}

/** Renders one page with poppler (pdftoppm), a renderer independent of the PDFium the engine uses. */
export function renderWithPoppler(pdf: Uint8Array, page: number, dpi: number, colour = false): Raster {
  const out = withTemp((dir) => {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return run('pdftoppm', ['-r', String(dpi), '-f', String(page + 1), '-l', String(page + 1), ...(colour ? [] : ['-gray']), file]);
  });
  const header = /^(P[56])\s+(\d+)\s+(\d+)\s+255\s/u.exec(out.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PNM image');
  return { channels: header[1] === 'P6' ? 3 : 1, width: Number(header[2]), height: Number(header[3]), data: out.subarray(header[0].length) };
}

/** All forms a string can take in a PDF file: plain, UTF-16BE with and without BOM, and hex of both. */
export function encodings(s: string): string[] {
  const latin1 = Buffer.from(s, 'latin1');
  const utf16 = Buffer.from(s, 'utf16le').swap16();
  const hex = (b: Buffer) => b.toString('hex');
  return [
    latin1.toString('latin1'),
    utf16.toString('latin1'),
    Buffer.concat([Buffer.from([0xfe, 0xff]), utf16]).toString('latin1'),
    hex(latin1).toUpperCase(),
    hex(latin1),
    hex(utf16).toUpperCase(),
    hex(utf16),
  ];
}

function pictureWithInk(): Buffer {
  const scale = 2;
  const png = new PNG({ width: PICTURE.width * scale, height: PICTURE.height * scale });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const px = PICTURE.x + x / scale;
      const py = PICTURE.y + PICTURE.height - y / scale;
      // Letter-like strokes inside INK: dark vertical bars, like handwriting on a scan.
      const inInk = px > INK.x + 4 && px < INK.x + INK.width - 4 && py > INK.y + 4 && py < INK.y + INK.height - 4 && Math.floor(px / 6) % 2 === 0;
      const i = (y * png.width + x) * 4;
      const [r, g, b] = inInk ? [20, 20, 60] : PICTURE_COLOUR;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

function scanLike(): Buffer {
  const png = new PNG({ width: 200, height: 280 });
  for (let i = 0; i < png.data.length; i += 4) {
    const row = Math.floor(i / 4 / png.width);
    const v = row % 20 === 10 ? 90 : 235;
    png.data[i] = v;
    png.data[i + 1] = v;
    png.data[i + 2] = v;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

function setContent(doc: PDFDocument, page: PDFPage, content: string): void {
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(Buffer.from(content, 'latin1'))));
}

/**
 * Five pages: (0) a name and a BSN in one Tj each, (1) the name split over a TJ array with kerning,
 * glyph by glyph, and as a hex string, (2) a scan with an invisible OCR layer (3 Tr), (3) a picture
 * whose "text" is pixels only, (4) an unrelated sentence that must stay text. The name also sits in
 * the document info, XMP, annotations, a form field, an outline, an attachment, a script, page labels
 * and an optional-content group.
 */
export async function buildDossier(options: { useObjectStreams?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = (content: string) => {
    const p = doc.addPage([595, 842]);
    p.node.setFontDictionary(PDFName.of('F1'), font.ref);
    setContent(doc, p, content);
    return p;
  };
  page(`BT /F1 12 Tf 72 760 Td (Geachte heer ${NAME},) Tj ET
BT /F1 12 Tf 72 720 Td (Uw BSN is ${BSN} en uw telefoon ${PHONE}.) Tj ET
BT /F1 12 Tf 72 680 Td (Buurvrouw mevrouw ${ACCENTED} belde ook.) Tj ET`);
  page(`BT /F1 14 Tf 72 760 Td [(Jan)-120( de )40(Vries)] TJ ET
BT /F1 14 Tf 72 700 Td [(J)(a)(n)-300(d)(e)-300(V)(r)(i)(e)(s)] TJ ET
BT /F1 14 Tf 72 640 Td <${Buffer.from(NAME, 'latin1').toString('hex').toUpperCase()}> Tj ET`);
  const scan = page('');
  const scanImage = await doc.embedPng(scanLike());
  scan.node.setXObject(PDFName.of('Scan'), scanImage.ref);
  setContent(
    doc,
    scan,
    `q 595 0 0 842 0 0 cm /Scan Do Q
BT 3 Tr /F1 12 Tf 72 500 Td (Huurder ${NAME} heeft opgezegd.) Tj ET`,
  );
  const picture = page('');
  const pictureImage = await doc.embedPng(pictureWithInk());
  picture.node.setXObject(PDFName.of('Pic'), pictureImage.ref);
  setContent(doc, picture, `q ${PICTURE.width} 0 0 ${PICTURE.height} ${PICTURE.x} ${PICTURE.y} cm /Pic Do Q`);
  const kept = page(`BT /F1 12 Tf 72 760 Td (${KEPT_SENTENCE}) Tj ET
/OC /laag BDC BT /F1 12 Tf 72 720 Td (Tekst in een laag.) Tj ET EMC
/Logo Do`);
  // A form XObject whose side data names someone: once stripped, those objects hang loose and must not be written.
  const xmp = doc.context.register(doc.context.stream(`<x:xmpmeta><dc:creator>${NAME}</dc:creator></x:xmpmeta>`, { Type: 'Metadata', Subtype: 'XML' }));
  const piece = doc.context.register(doc.context.obj({ Scanner: { Private: PDFString.of(`Bediend door ${NAME}`) } }));
  const logo = doc.context.register(
    doc.context.stream('0 0 1 rg 0 0 10 10 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], Metadata: xmp, PieceInfo: piece }),
  );
  kept.node.setXObject(PDFName.of('Logo'), logo);
  kept.node.set(PDFName.of('PieceInfo'), piece);

  hideNameOutsideTheContent(doc, kept);
  await doc.attach(Buffer.from(`Aantekening over ${NAME}`, 'latin1'), 'notitie-jan-de-vries.txt', { mimeType: 'text/plain', description: `Bijlage ${NAME}` });
  doc.addJavaScript('groet', `app.alert("${NAME}");`);
  const field = doc.getForm().createTextField('naam');
  field.setText(NAME);
  field.addToPage(kept, { x: 72, y: 600, width: 200, height: 20, font });
  return Buffer.from(await doc.save({ useObjectStreams: options.useObjectStreams ?? true }));
}

function hideNameOutsideTheContent(doc: PDFDocument, kept: PDFPage): void {
  const { context, catalog } = doc;
  doc.setTitle(`Dossier ${NAME}`);
  doc.setAuthor(NAME);
  doc.setSubject(`Inzageverzoek ${NAME}`);
  doc.setKeywords([NAME, BSN]);
  doc.setCreator(`Scanner van ${NAME}`);
  doc.setProducer(`Kantoor ${NAME}`);
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${NAME}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  catalog.set(PDFName.of('Metadata'), context.register(context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));

  const reg = (object: PDFObject): PDFRef => context.register(object);
  kept.node.addAnnot(reg(context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [400, 700, 420, 720], Contents: PDFString.of(`Gebeld met ${NAME}`) })));
  kept.node.addAnnot(
    reg(
      context.obj({
        Type: 'Annot',
        Subtype: 'FreeText',
        Rect: [72, 650, 300, 670],
        DA: PDFString.of('/Helv 10 Tf 0 g'),
        Contents: PDFHexString.fromText(NAME),
      }),
    ),
  );
  kept.node.addAnnot(
    reg(context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 620, 200, 640], A: { S: 'JavaScript', JS: PDFString.of(`app.alert('${NAME}')`) } })),
  );
  kept.node.set(PDFName.of('AA'), context.obj({ O: { S: 'JavaScript', JS: PDFString.of(`console.println('${NAME}')`) } }));

  const outlines = context.nextRef();
  const item = reg(context.obj({ Title: PDFHexString.fromText(`Brief aan ${NAME}`), Parent: outlines, Dest: [kept.ref, 'Fit'] }));
  context.assign(outlines, context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 }));
  catalog.set(PDFName.of('Outlines'), outlines);
  catalog.set(PDFName.of('OpenAction'), context.obj({ S: 'JavaScript', JS: PDFString.of(`app.alert('${NAME}')`) }));
  catalog.set(PDFName.of('PageLabels'), context.obj({ Nums: [0, { S: 'D', P: PDFString.of(`${NAME} `) }] }));
  const layer = reg(
    context.obj({ Type: 'OCG', Name: PDFString.of(`Laag ${NAME}`), Usage: { CreatorInfo: { Creator: PDFString.of(NAME), Subtype: 'Artwork' } } }),
  );
  catalog.set(PDFName.of('OCProperties'), context.obj({ OCGs: [layer], D: { ON: [layer] } }));
  kept.node.Resources()?.set(PDFName.of('Properties'), context.obj({ laag: layer }));
}

/** One A4 page with the given content stream; Helvetica is /F1. */
export function buildPage(content: string): Promise<Buffer> {
  return buildPages([content]);
}

/**
 * A4 pages with the given content streams; Helvetica is /F1 on every page. `extend` may add
 * resources or objects (pdf-lib's document and pages) before it is saved.
 */
export async function buildPages(contents: readonly string[], extend?: (doc: PDFDocument, pages: PDFPage[]) => void | Promise<void>): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = contents.map((content) => {
    const page = doc.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('F1'), font.ref);
    setContent(doc, page, content);
    return page;
  });
  await extend?.(doc, pages);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** One page of plain lines (Helvetica 12, 20 pt apart), for layout cases. */
export function buildLines(lines: readonly string[]): Promise<Buffer> {
  return buildPage(lines.map((l, i) => `BT /F1 12 Tf 72 ${String(760 - i * 20)} Td (${l}) Tj ET`).join('\n'));
}

/** A text-only document of `pages` pages with `perPage` findable names on each: the benchmark's input. */
export async function buildLetters(pages: number, perPage: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595, 842]);
    page.node.setFontDictionary(PDFName.of('F1'), font.ref);
    const lines: string[] = [];
    for (let l = 0; l < 40; l++) {
      const who = l % 8 === 0 && l / 8 < perPage ? ` ${NAME} ` : ' de huurder ';
      lines.push(`BT /F1 10 Tf 60 ${String(790 - l * 18)} Td (Regel ${String(l + 1)}: in het gesprek met${who}is de reparatie besproken.) Tj ET`);
    }
    setContent(doc, page, lines.join('\n'));
  }
  return Buffer.from(await doc.save());
}
