import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';
import { RedactionError } from './errors.js';
import type { Matrix, Rect } from './types.js';

/**
 * PDFium (the @embedpdf/pdfium build, MIT) as far as redaction needs it: every character with its
 * box, renders without annotations, and character-precise removal of what lies under a box
 * (EPDFText_RedactInQuads: glyphs, image pixels and paths, also inside form XObjects).
 */
type Pdfium = WrappedPdfiumModule;

/**
 * The few exports called once per character or per render, taken straight from the WASM module:
 * the wrapped functions go through ccall with assertions on every call, which cost more than
 * PDFium's own work when a page has thousands of characters.
 */
interface RawExports {
  FPDFText_GetUnicode: (textPage: number, index: number) => number;
  FPDFText_HasUnicodeMapError: (textPage: number, index: number) => number;
  FPDFText_IsGenerated: (textPage: number, index: number) => number;
  FPDFText_GetLooseCharBox: (textPage: number, index: number, rect: number) => number;
}

const RAW_NAMES = ['FPDFText_GetUnicode', 'FPDFText_HasUnicodeMapError', 'FPDFText_IsGenerated', 'FPDFText_GetLooseCharBox'] as const;

const rawCache = new WeakMap<Pdfium, RawExports>();

function raw(p: Pdfium): RawExports {
  let found = rawCache.get(p);
  if (!found) {
    const exports = p.pdfium.wasmExports as unknown as Record<string, unknown>;
    for (const name of RAW_NAMES) if (typeof exports[name] !== 'function') throw new Error(`@embedpdf/pdfium no longer exports ${name}`);
    found = exports as unknown as RawExports;
    rawCache.set(p, found);
  }
  return found;
}

const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;
const BITMAP_BGR = 2;
const REVERSE_BYTE_ORDER = 0x10;
/** Precision of the view matrix: PageToDevice answers in whole device units. */
const MATRIX_OVERSAMPLING = 64;
export const OBJ_TEXT = 1;
export const OBJ_PATH = 2;
export const OBJ_IMAGE = 3;
export const OBJ_SHADING = 4;
export const OBJ_FORM = 5;
const SEGMENT_BEZIER = 2;

let loading: Promise<Pdfium> | null = null;

/** One PDFium per thread; each worker thread loads its own. */
function pdfium(): Promise<Pdfium> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm'));
    const p = await init({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
    p.PDFiumExt_Init();
    return p;
  })();
  return loading;
}

/** Loads this thread's PDFium ahead of its first use (the WebAssembly compiles in a few hundred ms). */
export async function loadPdfium(): Promise<void> {
  await pdfium();
}

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes per pixel, rows top to bottom, no padding. */
  data: Buffer;
  /** Where the image lies in the whole page's pixels (0, 0 for a whole page). */
  left?: number;
  top?: number;
}

/** A rectangle of a page's pixels, top-left origin, right and bottom exclusive. */
export interface PixelRegion {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PageChars {
  text: string;
  boxes: (Rect | null)[];
  /** Characters PDFium could draw but not map to Unicode (no or broken ToUnicode). */
  unmapped: number;
}

/** A page object that lies partly under a box and survives removal. */
export interface PartialObject {
  handle: number;
  type: number;
  /** Straight lines only and few of them: a rule, a frame, a cell background. It cannot hold letters. */
  plain: boolean;
}

/** The WASM memory; looked up on every use, because it is replaced when the heap grows. */
function heap(p: Pdfium): Uint8Array {
  const memory = (p.pdfium as unknown as { HEAPU8?: unknown }).HEAPU8;
  if (!(memory instanceof Uint8Array)) throw new Error('@embedpdf/pdfium no longer exposes its memory');
  return memory;
}

function withBuffer<T>(p: Pdfium, size: number, use: (ptr: number) => T): T {
  const ptr = p.pdfium.wasmExports.malloc(size);
  if (!ptr) throw new RedactionError('too-large');
  try {
    return use(ptr);
  } finally {
    p.pdfium.wasmExports.free(ptr);
  }
}

function floats(p: Pdfium, ptr: number, count: number): Float32Array {
  return new Float32Array(heap(p).buffer, ptr, count);
}

/** A character as PDFium reads it; one it cannot say becomes U+FFFD. */
const unicode = (code: number) => (code > 0 && code <= 0x10ffff ? code : 0xfffd);

/** String.fromCodePoint in slices: one call with a whole page's characters could overflow the stack. */
function fromCodePoints(codes: readonly number[]): string {
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCodePoint(...codes.slice(i, i + 4096));
  return text;
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export class PdfiumPage {
  constructor(
    private readonly p: Pdfium,
    private readonly doc: number,
    readonly handle: number,
  ) {}

  get width(): number {
    return this.p.FPDF_GetPageWidthF(this.handle);
  }

  get height(): number {
    return this.p.FPDF_GetPageHeightF(this.handle);
  }

  /** Annotations and form widgets: they are left out of the output, not flattened into it. */
  get annotationCount(): number {
    return Math.max(0, this.p.FPDFPage_GetAnnotCount(this.handle));
  }

  private view: Matrix | null = null;

  /**
   * User space → shown page (top-left origin, points), taken from PDFium itself so rotation and
   * crop box agree with its renders. Asked once per page: removal changes neither.
   */
  toView(): Matrix {
    this.view ??= this.computeView();
    return [...this.view];
  }

  private computeView(): Matrix {
    const w = Math.max(1, Math.round(this.width * MATRIX_OVERSAMPLING));
    const h = Math.max(1, Math.round(this.height * MATRIX_OVERSAMPLING));
    return withBuffer(this.p, 8, (out) => {
      const at = (x: number, y: number): [number, number] => {
        this.p.FPDF_PageToDevice(this.handle, 0, 0, w, h, 0, x, y, out, out + 4);
        const view = new DataView(heap(this.p).buffer, out, 8);
        return [view.getInt32(0, true) / MATRIX_OVERSAMPLING, view.getInt32(4, true) / MATRIX_OVERSAMPLING];
      };
      const [e, f] = at(0, 0);
      const [x1, y1] = at(1000, 0);
      const [x2, y2] = at(0, 1000);
      return [(x1 - e) / 1000, (y1 - f) / 1000, (x2 - e) / 1000, (y2 - f) / 1000, e, f];
    });
  }

  chars(): PageChars {
    const textPage = this.p.FPDFText_LoadPage(this.handle);
    if (!textPage) return { text: '', boxes: [], unmapped: 0 };
    const x = raw(this.p);
    try {
      return withBuffer(this.p, 16, (rect) => {
        const count = this.p.FPDFText_CountChars(textPage);
        const codes: number[] = [];
        let unmapped = 0;
        const boxes: (Rect | null)[] = [];
        let f = floats(this.p, rect, 4);
        for (let i = 0; i < count; i++) {
          const c = unicode(x.FPDFText_GetUnicode(textPage, i));
          if (x.FPDFText_HasUnicodeMapError(textPage, i) === 1) unmapped++;
          let box: Rect | null = null;
          if (!x.FPDFText_IsGenerated(textPage, i) && x.FPDFText_GetLooseCharBox(textPage, i, rect)) {
            // A view on memory that grew since is detached and empty.
            if (f.length === 0) f = floats(this.p, rect, 4);
            const left = f[0] ?? 0;
            const top = f[1] ?? 0;
            const right = f[2] ?? 0;
            const bottom = f[3] ?? 0;
            // A glyph of zero width or size (0 Tz, size 0) still carries its letter: it gets a sliver of a box, so a match covers it.
            if (right >= left && top >= bottom && Number.isFinite(left + top + right + bottom))
              box = { x: left, y: bottom, width: Math.max(right - left, 0.01), height: Math.max(top - bottom, 0.01) };
          }
          codes.push(c);
          boxes.push(box);
          // A character outside the basic plane is two UTF-16 units of the text; each gets the box.
          if (c > 0xffff) boxes.push(box);
        }
        return { text: fromCodePoints(codes), boxes, unmapped };
      });
    } finally {
      this.p.FPDFText_ClosePage(textPage);
    }
  }

  /** The page's text alone, exactly as `chars().text` reads it, without the cost of every character's box. */
  text(): string {
    const textPage = this.p.FPDFText_LoadPage(this.handle);
    if (!textPage) return '';
    const x = raw(this.p);
    try {
      const count = this.p.FPDFText_CountChars(textPage);
      const codes = new Array<number>(Math.max(0, count));
      for (let i = 0; i < count; i++) codes[i] = unicode(x.FPDFText_GetUnicode(textPage, i));
      return fromCodePoints(codes);
    } finally {
      this.p.FPDFText_ClosePage(textPage);
    }
  }

  /** The page's size in pixels when rendered at `scale`. */
  pixelSize(scale: number): { width: number; height: number } {
    return { width: Math.max(1, Math.round(this.width * scale)), height: Math.max(1, Math.round(this.height * scale)) };
  }

  /**
   * The page as RGB pixels on white, without annotations or form widgets. With `region` (pixels of
   * the whole page at `scale`), only that part: the same pixels as the whole render there, at a
   * fraction of the cost, because PDFium skips what lies outside its clip.
   */
  renderRgb(scale: number, region?: PixelRegion): RgbImage {
    const full = this.pixelSize(scale);
    const left = region ? Math.max(0, region.left) : 0;
    const top = region ? Math.max(0, region.top) : 0;
    const width = Math.max(1, (region ? Math.min(full.width, region.right) : full.width) - left);
    const height = Math.max(1, (region ? Math.min(full.height, region.bottom) : full.height) - top);
    const stride = Math.ceil((width * 3) / 4) * 4;
    return withBuffer(this.p, stride * height, (buffer) => {
      const bitmap = this.p.FPDFBitmap_CreateEx(width, height, BITMAP_BGR, buffer, stride);
      if (!bitmap) throw new RedactionError('render-failed');
      try {
        this.p.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
        this.p.FPDF_RenderPageBitmap(bitmap, this.handle, -left, -top, full.width, full.height, 0, REVERSE_BYTE_ORDER);
        const memory = heap(this.p);
        const data = Buffer.allocUnsafe(width * height * 3);
        if (stride === width * 3) data.set(memory.subarray(buffer, buffer + stride * height));
        else for (let row = 0; row < height; row++) data.set(memory.subarray(buffer + row * stride, buffer + row * stride + width * 3), row * width * 3);
        return { width, height, data, left, top };
      } finally {
        this.p.FPDFBitmap_Destroy(bitmap);
      }
    });
  }

  /**
   * Removes the glyphs whose outline touches a rectangle (user space), the pixels of images under
   * it (painted white; the black box is drawn by the caller) and paths lying wholly inside it, also
   * inside form XObjects. The page's content stream is not regenerated here (see `commit`).
   */
  removeUnder(rects: readonly Rect[]): boolean {
    if (rects.length === 0) return false;
    return withBuffer(this.p, rects.length * 32, (quads) => {
      const f = floats(this.p, quads, rects.length * 8);
      rects.forEach((r, i) => f.set([r.x, r.y + r.height, r.x + r.width, r.y + r.height, r.x, r.y, r.x + r.width, r.y], i * 8));
      return this.p.EPDFText_RedactInQuads(this.handle, quads, rects.length, true, false);
    });
  }

  /** Top-level objects whose bounds touch a rectangle but that are still on the page. */
  objectsTouching(rects: readonly Rect[]): PartialObject[] {
    const out: PartialObject[] = [];
    withBuffer(this.p, 16, (b) => {
      const count = this.p.FPDFPage_CountObjects(this.handle);
      for (let i = 0; i < count; i++) {
        const handle = this.p.FPDFPage_GetObject(this.handle, i);
        if (!handle || !this.p.FPDFPageObj_GetBounds(handle, b, b + 4, b + 8, b + 12)) continue;
        const [left = 0, bottom = 0, right = 0, top = 0] = floats(this.p, b, 4);
        const bounds = { x: left, y: bottom, width: right - left, height: top - bottom };
        if (!rects.some((r) => intersects(r, bounds))) continue;
        const type = this.p.FPDFPageObj_GetType(handle);
        out.push({ handle, type, plain: type === OBJ_PATH && this.isPlainPath(handle) });
      }
    });
    return out;
  }

  private isPlainPath(path: number): boolean {
    const count = this.p.FPDFPath_CountSegments(path);
    if (count < 0 || count > 12) return false;
    for (let i = 0; i < count; i++) if (this.p.FPDFPathSegment_GetType(this.p.FPDFPath_GetPathSegment(path, i)) === SEGMENT_BEZIER) return false;
    return true;
  }

  setActive(handle: number, active: boolean): void {
    this.p.FPDFPageObj_SetIsActive(handle, active);
  }

  /** Writes the page's objects back into its content stream. */
  commit(): void {
    if (!this.p.FPDFPage_GenerateContent(this.handle)) throw new RedactionError('failed', { cause: 'PDFium could not regenerate a page' });
  }

  get document(): number {
    return this.doc;
  }
}

export class PdfiumDocument {
  private closed = false;

  private constructor(
    private readonly p: Pdfium,
    private readonly handle: number,
    private readonly bytes: number,
  ) {}

  /**
   * Opens a PDF. One that needs a password to open is `encrypted`; one with only an owner password
   * (opens without one, as in every viewer) opens. Anything else unreadable is `corrupt`.
   */
  static async open(pdf: Uint8Array): Promise<PdfiumDocument> {
    const p = await pdfium();
    const bytes = p.pdfium.wasmExports.malloc(pdf.length);
    if (!bytes) throw new RedactionError('too-large');
    heap(p).set(pdf, bytes);
    const handle = p.FPDF_LoadMemDocument(bytes, pdf.length, '');
    if (!handle) {
      const error = p.FPDF_GetLastError();
      p.pdfium.wasmExports.free(bytes);
      throw new RedactionError(error === ERR_PASSWORD || error === ERR_SECURITY ? 'encrypted' : 'corrupt', { cause: `PDFium error ${String(error)}` });
    }
    return new PdfiumDocument(p, handle, bytes);
  }

  /** Opened without a password, but with an owner password and permissions. */
  get encrypted(): boolean {
    return this.p.FPDF_GetSecurityHandlerRevision(this.handle) !== -1;
  }

  get pageCount(): number {
    return this.p.FPDF_GetPageCount(this.handle);
  }

  withPage<T>(index: number, use: (page: PdfiumPage) => T): T {
    const handle = this.p.FPDF_LoadPage(this.handle, index);
    if (!handle) throw new RedactionError('corrupt', { cause: `PDFium cannot load page ${String(index)}` });
    try {
      return use(new PdfiumPage(this.p, this.handle, handle));
    } finally {
      this.p.FPDF_ClosePage(handle);
    }
  }

  /**
   * A complete new file (no incremental update) of the document as PDFium holds it: without its
   * encryption, with a rebuilt cross-reference table if the original's was damaged.
   */
  save(): Uint8Array {
    if (this.encrypted && !this.p.EPDF_RemoveEncryption(this.handle)) throw new RedactionError('encrypted', { cause: 'encryption cannot be removed' });
    const writer = this.p.PDFiumExt_OpenFileWriter();
    try {
      if (!this.p.PDFiumExt_SaveAsCopy(this.handle, writer)) throw new RedactionError('failed', { cause: 'PDFium could not save' });
      const size = this.p.PDFiumExt_GetFileWriterSize(writer);
      return withBuffer(this.p, Math.max(1, size), (out) => {
        this.p.PDFiumExt_GetFileWriterData(writer, out, size);
        return heap(this.p).slice(out, out + size);
      });
    } finally {
      this.p.PDFiumExt_CloseFileWriter(writer);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.p.FPDF_CloseDocument(this.handle);
    this.p.pdfium.wasmExports.free(this.bytes);
  }
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned box, in view coordinates, around a user-space rectangle (any rotation). */
export function rectToView(m: Matrix, r: Rect): { left: number; top: number; right: number; bottom: number } {
  const corners = [
    applyMatrix(m, r.x, r.y),
    applyMatrix(m, r.x + r.width, r.y),
    applyMatrix(m, r.x, r.y + r.height),
    applyMatrix(m, r.x + r.width, r.y + r.height),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}
