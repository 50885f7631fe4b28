import { deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix,
  drawObject,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { RgbImage } from './pdfium.js';
import type { Matrix, Rect } from './types.js';

/** A box in pixels of the rendered page, top-left origin. */
export interface PixelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Black, opaque, in the pixels themselves: whatever was there is gone from the file. */
export function burn(image: RgbImage, boxes: readonly PixelBox[]): void {
  for (const box of boxes) {
    const x0 = Math.max(0, Math.floor(box.left));
    const y0 = Math.max(0, Math.floor(box.top));
    const x1 = Math.min(image.width, Math.ceil(box.right));
    const y1 = Math.min(image.height, Math.ceil(box.bottom));
    if (x1 <= x0) continue;
    for (let y = y0; y < y1; y++) image.data.fill(0, (y * image.width + x0) * 3, (y * image.width + x1) * 3);
  }
}

/** Most dossier pages are black on white: one channel instead of three makes them a third of the size. */
function asGrayIfPossible(image: RgbImage): { data: Buffer; colorSpace: 'DeviceGray' | 'DeviceRGB' } {
  const { data } = image;
  for (let i = 0; i < data.length; i += 3) {
    if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) return { data, colorSpace: 'DeviceRGB' };
  }
  const gray = Buffer.allocUnsafe(data.length / 3);
  for (let i = 0, j = 0; j < gray.length; i += 3, j++) gray[j] = data[i] ?? 0;
  return { data: gray, colorSpace: 'DeviceGray' };
}

/** The reason codes drawn in the margin, plain ASCII because the standard fonts (no network, no files) encode nothing else reliably. */
export function toAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/gu, '?')
    .slice(0, 100);
}

export interface Mark {
  /** Vertical middle of a box, in points from the top of the page. */
  middle: number;
  code: number;
}

export const MARGIN_WIDTH = 28;
const LEGEND_LINE = 9;
const LABEL_SIZE = 7;

export function legendHeight(lines: number): number {
  return lines === 0 ? 0 : 6 + LEGEND_LINE * lines;
}

interface Label {
  text: string;
  x: number;
  y: number;
}

/** The codes in the margin strip (right) and the legend strip (top) of a page of `width` × `height` shown points. */
function labels(width: number, height: number, marks: readonly Mark[], legend: readonly { code: number; reason: string }[]): Label[] {
  const top = legendHeight(legend.length);
  const out: Label[] = [];
  // Boxes on one line share a label; different grounds on one line are listed in it ("[1,2]"), since
  // two labels drawn at the same height overlap and read as garbage.
  const lines: { y: number; codes: number[] }[] = [];
  for (const mark of [...marks].sort((a, b) => a.middle - b.middle || a.code - b.code)) {
    const y = height - mark.middle - LABEL_SIZE / 3;
    const last = lines[lines.length - 1];
    if (last && Math.abs(y - last.y) < LABEL_SIZE) {
      if (!last.codes.includes(mark.code)) last.codes.push(mark.code);
    } else {
      lines.push({ y, codes: [mark.code] });
    }
  }
  for (const { y, codes } of lines)
    out.push({ text: `[${codes.sort((a, b) => a - b).join(',')}]`, x: width + 4, y: Math.min(Math.max(y, 2), height - LABEL_SIZE) });
  legend.forEach((entry, i) =>
    out.push({ text: `[${String(entry.code)}] gelakt: ${toAscii(entry.reason)}`, x: 6, y: height + top - 3 - LEGEND_LINE * (i + 1) + 2 }),
  );
  return out;
}

/**
 * An image-only page: the rendered page in its original size at the bottom left, a margin strip on
 * the right with the code of each box next to it, and a legend strip on top. The strips are added
 * rather than drawn over the page, so no label hides content the requester is entitled to, and the
 * original page keeps its coordinates (for an unrotated page with its origin at 0,0).
 * Returns the strings drawn, in order, so the caller can check the page holds no other text.
 */
export function addImagePage(
  out: PDFDocument,
  font: PDFFont,
  image: RgbImage,
  size: { width: number; height: number },
  marks: readonly Mark[],
  legend: readonly { code: number; reason: string }[],
): string[] {
  const { width, height } = size;
  const top = legendHeight(legend.length);
  const page = out.addPage([width + MARGIN_WIDTH, height + top]);
  const pixels = asGrayIfPossible(image);
  const stream = out.context.stream(deflateSync(pixels.data, { level: 6 }), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    ColorSpace: pixels.colorSpace,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const name = page.node.newXObject('Im', out.context.register(stream));
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
  const line = { thickness: 0.4, color: rgb(0.6, 0.6, 0.6) };
  page.drawLine({ start: { x: width, y: 0 }, end: { x: width, y: height + top }, ...line });
  if (top > 0) page.drawLine({ start: { x: 0, y: height }, end: { x: width + MARGIN_WIDTH, y: height }, ...line });
  const drawn = labels(width, height, marks, legend);
  for (const l of drawn) page.drawText(l.text, { x: l.x, y: l.y, size: LABEL_SIZE, font, color: rgb(0, 0, 0) });
  return drawn.map((l) => l.text);
}

const num = (n: number) => (Math.abs(n) < 1e-9 ? '0' : n.toFixed(4).replace(/\.?0+$/u, ''));

/**
 * A page that keeps its text: the page itself (already without what lay under the boxes), black
 * boxes over the removed places, and the same margin and legend strips as an image page. The page
 * grows by the strips on its shown right and top side, whatever its /Rotate, so the labels read
 * upright next to the page. Returns the strings drawn.
 */
export function frameTextPage(
  out: PDFDocument,
  page: PDFPage,
  font: PDFFont,
  size: { width: number; height: number },
  view: Matrix,
  cover: readonly Rect[],
  marks: readonly Mark[],
  legend: readonly { code: number; reason: string }[],
): string[] {
  const [a, b, c, d, e, f] = view;
  const det = a * d - b * c;
  const { width: W, height: H } = size;
  const top = legendHeight(legend.length);
  // Shown coordinates with y up (X, Y) → user space: the inverse of the view matrix after flipping y.
  const m = [d / det, -b / det, c / det, -a / det, (-d * e - c * H + c * f) / det, (b * e + a * H - a * f) / det] as const;
  const toUser = (X: number, Y: number): [number, number] => [m[0] * X + m[2] * Y + m[4], m[1] * X + m[3] * Y + m[5]];
  const corners = [toUser(0, 0), toUser(W + MARGIN_WIDTH, H + top)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const grown = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  for (const key of ['MediaBox', 'CropBox']) page.node.set(PDFName.of(key), out.context.obj(grown));
  for (const key of ['BleedBox', 'TrimBox', 'ArtBox']) page.node.delete(PDFName.of(key));
  page.node.wrapContentStreams(out.context.register(out.context.stream('q')), out.context.register(out.context.stream('Q')));
  const fontName = page.node.newFontDictionary('Lak', font.ref);
  const drawn = labels(W, H, marks, legend);
  const ops = [
    '0 g',
    ...cover.map((r) => `${num(r.x)} ${num(r.y)} ${num(r.width)} ${num(r.height)} re f`),
    'q',
    `${m.map(num).join(' ')} cm`,
    '0.6 G 0.4 w',
    `${num(W)} 0 m ${num(W)} ${num(H + top)} l S`,
    ...(top > 0 ? [`0 ${num(H)} m ${num(W + MARGIN_WIDTH)} ${num(H)} l S`] : []),
    ...drawn.map((l) => `BT /${fontName.decodeText()} ${String(LABEL_SIZE)} Tf ${num(l.x)} ${num(l.y)} Td ${font.encodeText(l.text).toString()} Tj ET`),
    'Q',
  ];
  const stream = out.context.register(out.context.stream(ops.join('\n')));
  page.node.addContentStream(stream);
  return drawn.map((l) => l.text);
}
