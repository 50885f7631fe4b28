import { PDFDocument, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { formatDutchDate } from '../../shared/deadlines/dates.js';
import type { Letterhead } from '../../shared/letters/letterhead.js';
import type { Block, LetterContent, Signature } from '../../shared/letters/types.js';
import { A4, BLACK, embedFonts, Flow, GREY, LIGHT, MM, printable, wrap, type Fonts, type TextStyle } from './text-flow.js';

/**
 * The layout of a letter on A4, with pdf-lib.
 *
 * Address block for a Dutch window envelope: the addressee's name and address are set in a field
 * of 85 × 35 mm whose top-left corner lies 25 mm from the left edge and 50 mm from the top of the
 * sheet, with the return address in small type on its top line. That field lies inside the window
 * of the usual Dutch window envelopes: the EA5/6 and C5/6 envelopes (window 20 mm from the left,
 * roughly 45–90 mm from the top of the sheet when it is folded in three) and the C5 envelope for a
 * sheet folded once (NEN 1026 practice). Nothing else is printed there, so only the address shows.
 *
 * Further: letterhead (logo top right, sender details in a column right of the window, KvK),
 * reference line (ons kenmerk, datum, uw brief van, onderwerp), the body, the signature block,
 * page numbers "pagina 1 van 2", document language nl-NL and a title.
 */
const LEFT = 25 * MM;
const RIGHT = A4.width - 20 * MM;
const WIDTH = RIGHT - LEFT;
const BOTTOM = 25 * MM;
const ADDRESS_TOP = A4.height - 50 * MM;
const ADDRESS_WIDTH = 85 * MM;
const SENDER_X = 130 * MM;
const REFERENCE_TOP = A4.height - 95 * MM;
const LOGO_BOX = { width: 45 * MM, height: 18 * MM, top: A4.height - 12 * MM };

export interface LayoutOptions {
  letterhead: Letterhead;
  /** Present when signing: the visible signature block. Absent: the placeholder. */
  signature?: Signature | null;
  /** A draft carries "CONCEPT" on every page, so it is never mistaken for the letter that went out. */
  draft: boolean;
  /** Document dates in the PDF's metadata. */
  now: Date;
}

export interface LaidOut {
  pdf: PDFDocument;
  pages: number;
  /** Where the signature block is, for the signature widget: page index and [x1, y1, x2, y2]. */
  signatureArea: { page: number; rect: [number, number, number, number] };
}

function styles(fonts: Fonts) {
  const body: TextStyle = { font: fonts.regular, size: 10, leading: 14 };
  return {
    body,
    bold: { ...body, font: fonts.bold },
    heading: { font: fonts.bold, size: 10.5, leading: 15 } satisfies TextStyle,
    small: { font: fonts.regular, size: 7.5, leading: 10, color: GREY } satisfies TextStyle,
    tiny: { font: fonts.regular, size: 6.5, leading: 8, color: GREY } satisfies TextStyle,
    cell: { font: fonts.regular, size: 8.5, leading: 11 } satisfies TextStyle,
    cellBold: { font: fonts.bold, size: 8.5, leading: 11 } satisfies TextStyle,
  };
}

function drawLines(page: PDFPage, fonts: Fonts, lines: string[], x: number, top: number, style: TextStyle, width: number): number {
  let y = top;
  for (const line of lines) {
    for (const part of wrap(fonts, printable(line, fonts), style.font, style.size, width)) {
      page.drawText(part, { x, y: y - style.size, size: style.size, font: style.font, color: style.color ?? BLACK });
      y -= style.leading;
    }
  }
  return y;
}

function firstPageHead(page: PDFPage, fonts: Fonts, content: LetterContent, head: Letterhead, logo: PDFImage | null): number {
  const s = styles(fonts);
  page.drawText(printable(head.name, fonts), { x: LEFT, y: A4.height - 20 * MM, size: 14, font: fonts.bold, color: BLACK });
  if (logo) {
    const scale = Math.min(LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height, 1);
    page.drawImage(logo, { x: RIGHT - logo.width * scale, y: LOGO_BOX.top - logo.height * scale, width: logo.width * scale, height: logo.height * scale });
  }
  const sender = [
    head.name,
    ...head.postalAddress,
    ...(head.visitingAddress ? [`Bezoekadres: ${head.visitingAddress}`] : []),
    head.phone,
    head.email,
    `KvK ${head.kvk}`,
  ].filter((l) => l);
  drawLines(page, fonts, sender, SENDER_X, ADDRESS_TOP, s.small, RIGHT - SENDER_X);
  drawLines(page, fonts, [`Retouradres: ${head.postalAddress.join(', ')}`], LEFT, ADDRESS_TOP, s.tiny, ADDRESS_WIDTH);
  // At most six lines fit the window, counted after wrapping; the rest is cut rather than printed outside it.
  const address = [content.addressee.name, ...content.addressee.lines]
    .flatMap((line) => wrap(fonts, printable(line, fonts), s.body.font, s.body.size, ADDRESS_WIDTH))
    .slice(0, 6);
  drawLines(page, fonts, address, LEFT, ADDRESS_TOP - 3 * MM, s.body, ADDRESS_WIDTH);

  const ref = content.reference;
  const columns: [string, string][] = [
    ['Ons kenmerk', ref.ourReference],
    ['Datum', formatDutchDate(ref.date)],
    ...(ref.yourLetterOf ? ([['Uw brief van', formatDutchDate(ref.yourLetterOf)]] as [string, string][]) : []),
  ];
  columns.forEach(([label, value], i) => {
    const x = LEFT + i * 45 * MM;
    drawLines(page, fonts, [label], x, REFERENCE_TOP, s.small, 43 * MM);
    drawLines(page, fonts, [value], x, REFERENCE_TOP - 10, s.body, 43 * MM);
  });
  drawLines(page, fonts, ['Onderwerp'], LEFT, REFERENCE_TOP - 30, s.small, WIDTH);
  const y = drawLines(page, fonts, [ref.subject], LEFT, REFERENCE_TOP - 40, s.bold, WIDTH);
  return y - 16;
}

function laterPageHead(page: PDFPage, fonts: Fonts, content: LetterContent, head: Letterhead): number {
  const line = `${head.name} · ons kenmerk ${content.reference.ourReference} · ${formatDutchDate(content.reference.date)}`;
  drawLines(page, fonts, [line], LEFT, A4.height - 12 * MM, styles(fonts).small, WIDTH);
  return A4.height - 25 * MM;
}

function table(flow: Flow, block: Extract<Block, { type: 'table' }>): void {
  const s = styles(flow.fonts);
  const pad = 3;
  const n = block.columns.length;
  // Columns share the width by how much text they hold, each at least a sixth of an equal share.
  const weight = block.columns.map((c, i) => Math.max(c.length, ...block.rows.map((r) => Math.min((r[i] ?? '').length, 400)), 4));
  const total = weight.reduce((a, b) => a + b, 0);
  const widths = weight.map((w) => Math.max((w / total) * WIDTH, WIDTH / n / 6));
  const scale = WIDTH / widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => w * scale);
  const xs = cols.map((_, i) => LEFT + cols.slice(0, i).reduce((a, b) => a + b, 0));
  const drawRow = (cells: string[], style: TextStyle, shaded: boolean) => {
    const height = Math.max(...cells.map((c, i) => flow.lineCount(c, style, (cols[i] ?? 0) - 2 * pad))) * style.leading + 2 * pad;
    flow.ensure(height);
    const top = flow.y;
    if (shaded) flow.page.drawRectangle({ x: LEFT, y: top - height, width: WIDTH, height, color: LIGHT });
    cells.forEach((c, i) => drawLines(flow.page, flow.fonts, [c], (xs[i] ?? LEFT) + pad, top - pad, style, (cols[i] ?? 0) - 2 * pad));
    flow.page.drawLine({ start: { x: LEFT, y: top - height }, end: { x: RIGHT, y: top - height }, thickness: 0.4, color: GREY });
    flow.y = top - height;
  };
  const header = () => drawRow(block.columns, s.cellBold, true);
  flow.ensure(s.cell.leading * 3 + 12);
  header();
  for (const row of block.rows) {
    const pageBefore = flow.page;
    const cells = block.columns.map((_, i) => row[i] ?? '');
    const height = Math.max(...cells.map((c, i) => flow.lineCount(c, s.cell, (cols[i] ?? 0) - 2 * pad))) * s.cell.leading + 2 * pad;
    flow.ensure(height);
    // A row that moved to a new page gets the header again above it.
    if (flow.page !== pageBefore) header();
    drawRow(cells, s.cell, false);
  }
  flow.space(8);
}

const LABEL_WIDTH = 36 * MM;
/** A paragraph of at most this many lines is never split over two pages. */
const SHORT_PARAGRAPH_LINES = 4;
/** A longer paragraph leaves at least this many lines on either side of a page break. */
const MIN_LINES_AT_BREAK = 2;

function fieldLines(flow: Flow, f: { label: string; value: string }): { label: number; value: number } {
  const s = styles(flow.fonts);
  return { label: flow.lineCount(f.label, s.cellBold, LABEL_WIDTH - 6), value: flow.lineCount(f.value || '—', s.cell, WIDTH - LABEL_WIDTH) };
}

/** Points a block takes, to keep short blocks on one page. */
function blockHeight(flow: Flow, block: Block): number {
  const s = styles(flow.fonts);
  switch (block.type) {
    case 'paragraph':
      return flow.lineCount(block.text, s.body) * s.body.leading + 7;
    case 'heading':
      return flow.lineCount(block.text, s.heading) * s.heading.leading + 6;
    case 'list':
      return block.items.reduce((h, item) => h + flow.lineCount(item, s.body, WIDTH - 14) * s.body.leading + 3, 5);
    case 'table':
      return (block.rows.length + 1) * (s.cell.leading * 2 + 6);
    case 'fields':
      return block.fields.reduce((h, f) => {
        const n = fieldLines(flow, f);
        return h + Math.max(n.label, n.value) * s.cell.leading + 3;
      }, 6);
  }
}

/**
 * What must stand on the same page as a heading above the block: as much of the block as the
 * block itself keeps together at its start. Asking less would leave the heading alone at the
 * foot when the block then moves to the next page by its own rule.
 */
function leadHeight(flow: Flow, block: Block): number {
  const s = styles(flow.fonts);
  switch (block.type) {
    case 'paragraph': {
      const lines = flow.lineCount(block.text, s.body);
      return (lines <= SHORT_PARAGRAPH_LINES ? lines : MIN_LINES_AT_BREAK) * s.body.leading;
    }
    case 'heading':
      return blockHeight(flow, block);
    case 'list': {
      const first = block.items[0];
      return first === undefined ? 0 : Math.min(flow.lineCount(first, s.body, WIDTH - 14), SHORT_PARAGRAPH_LINES) * s.body.leading;
    }
    case 'table':
      return s.cell.leading * 3 + 12;
    case 'fields': {
      const height = blockHeight(flow, block);
      if (height < FIELDS_KEPT_TOGETHER) return height;
      const first = block.fields[0];
      return first ? Math.min(Math.max(fieldLines(flow, first).label, fieldLines(flow, first).value), 4) * s.cell.leading : 0;
    }
  }
}

/** A set of fields shorter than this stays on one page. */
const FIELDS_KEPT_TOGETHER = 300;

function fields(flow: Flow, block: Extract<Block, { type: 'fields' }>): void {
  const s = styles(flow.fonts);
  const labelWidth = LABEL_WIDTH;
  const height = blockHeight(flow, block);
  if (height < FIELDS_KEPT_TOGETHER) flow.ensure(height);
  for (const f of block.fields) {
    const n = fieldLines(flow, f);
    flow.ensure(Math.min(Math.max(n.label, n.value), 4) * s.cell.leading);
    const top = flow.y;
    const page = flow.page;
    const labelBottom = drawLines(flow.page, flow.fonts, [f.label], LEFT, top, s.cellBold, labelWidth - 6);
    flow.text(f.value || '—', s.cell, LEFT + labelWidth, WIDTH - labelWidth);
    // A label that wraps can take more lines than its value: the next field starts below both.
    flow.y = (flow.page === page ? Math.min(flow.y, labelBottom) : flow.y) - 3;
  }
  flow.space(6);
}

/** A short paragraph moves whole to the next page; a long one keeps two lines on each side of the break. */
function paragraph(flow: Flow, text: string): void {
  const s = styles(flow.fonts);
  const lines = flow.lineCount(text, s.body);
  if (lines <= SHORT_PARAGRAPH_LINES) flow.ensure(lines * s.body.leading);
  else flow.ensure(MIN_LINES_AT_BREAK * s.body.leading);
  flow.text(text, s.body, LEFT, WIDTH, lines > SHORT_PARAGRAPH_LINES ? MIN_LINES_AT_BREAK : 1);
  flow.space(7);
}

function body(flow: Flow, blocks: readonly Block[]): void {
  const s = styles(flow.fonts);
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    switch (block.type) {
      case 'paragraph':
        paragraph(flow, block.text);
        break;
      case 'heading':
        // A heading stands on the page of what it introduces.
        flow.ensure(blockHeight(flow, block) + (next ? leadHeight(flow, next) : 0) + 4);
        flow.space(4);
        flow.text(block.text, s.heading);
        flow.space(2);
        break;
      case 'list':
        for (const item of block.items) {
          const lines = flow.lineCount(item, s.body, WIDTH - 14);
          flow.ensure(Math.min(lines, SHORT_PARAGRAPH_LINES) * s.body.leading);
          flow.page.drawText('•', { x: LEFT + 2, y: flow.y - s.body.size, size: s.body.size, font: flow.fonts.regular });
          flow.text(item, s.body, LEFT + 14, WIDTH - 14);
          flow.space(3);
        }
        flow.space(5);
        break;
      case 'table':
        table(flow, block);
        break;
      case 'fields':
        fields(flow, block);
        break;
    }
  });
}

/** The closing and the signature block, kept together; returns the block's area. */
function signatureBlock(flow: Flow, content: LetterContent, signature: Signature | null, image: PDFImage | null): LaidOut['signatureArea'] {
  const s = styles(flow.fonts);
  const imageHeight = image ? 18 * MM : 0;
  flow.ensure(s.body.leading * 6 + imageHeight + 12);
  flow.text(content.closing, s.body);
  flow.space(6);
  const top = flow.y;
  if (signature) {
    if (image) {
      const scale = Math.min((50 * MM) / image.width, imageHeight / image.height);
      flow.page.drawImage(image, { x: LEFT, y: flow.y - image.height * scale, width: image.width * scale, height: image.height * scale });
      flow.space(imageHeight + 2);
    } else {
      flow.space(4);
    }
    flow.text(signature.name, s.bold);
    flow.text(signature.functionTitle, s.body);
    flow.text(content.signatory.organisation, s.body);
    flow.text(`Digitaal ondertekend op ${formatDutchDate(signature.date)}`, { ...s.small, size: 8 });
  } else {
    flow.space(12);
    flow.text(`[${content.signatory.placeholder}]`, { ...s.body, color: GREY });
    flow.text(content.signatory.organisation, s.body);
  }
  const pageIndex = flow.pages.indexOf(flow.page);
  return { page: pageIndex, rect: [LEFT - 2, flow.y - 4, LEFT + 90 * MM, top + 4] };
}

function footers(pdf: PDFDocument, fonts: Fonts, head: Letterhead, draft: boolean): void {
  const pages = pdf.getPages();
  const s = styles(fonts);
  pages.forEach((page, i) => {
    const label = `pagina ${i + 1} van ${pages.length}`;
    const size = 8;
    page.drawText(label, { x: RIGHT - fonts.width(fonts.regular, label, size), y: 12 * MM, size, font: fonts.regular, color: GREY });
    page.drawText(printable(`${head.name} · KvK ${head.kvk}`, fonts), { x: LEFT, y: 12 * MM, size: s.tiny.size, font: fonts.regular, color: GREY });
    if (draft) {
      const mark = 'CONCEPT – niet verzenden';
      page.drawText(mark, { x: RIGHT - fonts.width(fonts.bold, mark, 9), y: A4.height - 8 * MM, size: 9, font: fonts.bold, color: rgb(0.7, 0.1, 0.1) });
    }
  });
}

async function embedPng(pdf: PDFDocument, base64OrBytes: string | Uint8Array | null | undefined): Promise<PDFImage | null> {
  if (!base64OrBytes || base64OrBytes.length === 0) return null;
  return pdf.embedPng(typeof base64OrBytes === 'string' ? Buffer.from(base64OrBytes, 'base64') : base64OrBytes);
}

/** Lays a letter out; the caller saves it, or adds a signature placeholder first. */
export async function layoutLetter(content: LetterContent, options: LayoutOptions): Promise<LaidOut> {
  const pdf = await PDFDocument.create();
  const fonts = await embedFonts(pdf);
  const head = options.letterhead;
  const logo = await embedPng(pdf, head.logoPngBase64);
  const signature = options.signature ?? null;
  const signatureImage = await embedPng(pdf, signature?.imagePng);
  const flow = new Flow(pdf, fonts, LEFT, WIDTH, BOTTOM, (page, index) =>
    index === 0 ? firstPageHead(page, fonts, content, head, logo) : laterPageHead(page, fonts, content, head),
  );
  flow.text(content.salutation, styles(fonts).body);
  flow.space(7);
  body(flow, content.blocks);
  const signatureArea = signatureBlock(flow, content, signature, signatureImage);
  footers(pdf, fonts, head, options.draft);

  pdf.setTitle(content.title, { showInWindowTitleBar: true });
  pdf.setLanguage('nl-NL');
  pdf.setSubject(content.reference.subject);
  pdf.setAuthor(head.name);
  pdf.setCreator('AVG Desk');
  pdf.setProducer('AVG Desk');
  pdf.setCreationDate(options.now);
  pdf.setModificationDate(options.now);
  return { pdf, pages: pdf.getPageCount(), signatureArea };
}

/** A letter as PDF bytes: the draft preview, or the signed layout before its signature. */
export async function renderLetterPdf(content: LetterContent, options: LayoutOptions): Promise<Buffer> {
  const { pdf } = await layoutLetter(content, options);
  return Buffer.from(await pdf.save());
}
