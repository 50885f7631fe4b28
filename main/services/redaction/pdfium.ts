import { PDFiumModule } from '@hyzyla/pdfium';
import { RedactionError } from './errors.js';
import type { Matrix, Rect } from './types.js';

/**
 * PDFium's C API, as far as redaction needs it. The wrapper class of @hyzyla/pdfium exposes only
 * whole-page text and renders with annotations; we need every character's box and a render without
 * annotations (they are dropped from the output, so they must not be burned in either). The
 * package's own `PDFiumModule` gives the raw functions; this guard checks they are really there, so a
 * package update that drops one fails loudly here, not with wrong boxes.
 */
interface RawPdfium {
  _FPDF_InitLibraryWithConfig(config: object): void;
  _FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  _FPDF_GetLastError(): number;
  _FPDF_CloseDocument(doc: number): void;
  _FPDF_GetPageCount(doc: number): number;
  _FPDF_GetSecurityHandlerRevision(doc: number): number;
  _FPDF_LoadPage(doc: number, index: number): number;
  _FPDF_ClosePage(page: number): void;
  _FPDF_GetPageWidthF(page: number): number;
  _FPDF_GetPageHeightF(page: number): number;
  _FPDFPage_GetAnnotCount(page: number): number;
  _FPDF_PageToDevice(page: number, x: number, y: number, w: number, h: number, rotate: number, pageX: number, pageY: number, outX: number, outY: number): number;
  _FPDF_RenderPageBitmap(bitmap: number, page: number, x: number, y: number, w: number, h: number, rotate: number, flags: number): void;
  _FPDFBitmap_CreateEx(w: number, h: number, format: number, buffer: number, stride: number): number;
  _FPDFBitmap_FillRect(bitmap: number, left: number, top: number, w: number, h: number, color: number): void;
  _FPDFBitmap_Destroy(bitmap: number): void;
  _FPDFText_LoadPage(page: number): number;
  _FPDFText_ClosePage(textPage: number): void;
  _FPDFText_CountChars(textPage: number): number;
  _FPDFText_GetUnicode(textPage: number, index: number): number;
  _FPDFText_IsGenerated(textPage: number, index: number): number;
  _FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  wasmExports: { malloc(size: number): number; free(ptr: number): void };
  HEAPU8: Uint8Array;
}

const REQUIRED = [
  '_FPDF_InitLibraryWithConfig', '_FPDF_LoadMemDocument', '_FPDF_GetLastError', '_FPDF_CloseDocument', '_FPDF_GetPageCount', '_FPDF_GetSecurityHandlerRevision',
  '_FPDF_LoadPage', '_FPDF_ClosePage', '_FPDF_GetPageWidthF', '_FPDF_GetPageHeightF', '_FPDFPage_GetAnnotCount', '_FPDF_PageToDevice', '_FPDF_RenderPageBitmap',
  '_FPDFBitmap_CreateEx', '_FPDFBitmap_FillRect', '_FPDFBitmap_Destroy', '_FPDFText_LoadPage', '_FPDFText_ClosePage',
  '_FPDFText_CountChars', '_FPDFText_GetUnicode', '_FPDFText_IsGenerated', '_FPDFText_GetLooseCharBox',
] as const;

function isRawPdfium(m: unknown): m is RawPdfium {
  if (typeof m !== 'object' || m === null) return false;
  const record = m as Record<string, unknown>;
  const exports = record['wasmExports'] as Record<string, unknown> | undefined;
  return REQUIRED.every((name) => typeof record[name] === 'function') && record['HEAPU8'] instanceof Uint8Array && typeof exports?.['malloc'] === 'function' && typeof exports['free'] === 'function';
}

const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;
const BITMAP_BGR = 2;
const REVERSE_BYTE_ORDER = 0x10;
/** Precision of the view matrix: PageToDevice answers in whole device units. */
const MATRIX_OVERSAMPLING = 64;

let loading: Promise<RawPdfium> | null = null;

/** One PDFium per thread; each worker thread loads its own. */
function pdfium(): Promise<RawPdfium> {
  loading ??= (async () => {
    const m: unknown = await PDFiumModule({});
    if (!isRawPdfium(m)) throw new Error('@hyzyla/pdfium no longer exposes the PDFium functions redaction needs');
    m._FPDF_InitLibraryWithConfig({ version: 2, m_pIsolate: null, m_pUserFontPaths: null, m_v8EmbedderSlot: 0, m_pPlatform: null });
    return m;
  })();
  return loading;
}

export interface RgbImage {
  width: number;
  height: number;
  /** 3 bytes per pixel, rows top to bottom, no padding. */
  data: Buffer;
}

export interface PageChars {
  text: string;
  boxes: (Rect | null)[];
}

export class PdfiumPage {
  constructor(
    private readonly m: RawPdfium,
    private readonly handle: number,
  ) {}

  get width(): number {
    return this.m._FPDF_GetPageWidthF(this.handle);
  }

  get height(): number {
    return this.m._FPDF_GetPageHeightF(this.handle);
  }

  /** Annotations and form widgets: they are left out of the output, not flattened into it. */
  get annotationCount(): number {
    return Math.max(0, this.m._FPDFPage_GetAnnotCount(this.handle));
  }

  /** User space → shown page (top-left origin, points), taken from PDFium itself so rotation and crop box agree with its renders. */
  toView(): Matrix {
    const w = Math.max(1, Math.round(this.width * MATRIX_OVERSAMPLING));
    const h = Math.max(1, Math.round(this.height * MATRIX_OVERSAMPLING));
    const out = this.m.wasmExports.malloc(8);
    try {
      const at = (x: number, y: number): [number, number] => {
        this.m._FPDF_PageToDevice(this.handle, 0, 0, w, h, 0, x, y, out, out + 4);
        const view = new DataView(this.m.HEAPU8.buffer, out, 8);
        return [view.getInt32(0, true) / MATRIX_OVERSAMPLING, view.getInt32(4, true) / MATRIX_OVERSAMPLING];
      };
      const [e, f] = at(0, 0);
      const [x1, y1] = at(1000, 0);
      const [x2, y2] = at(0, 1000);
      return [(x1 - e) / 1000, (y1 - f) / 1000, (x2 - e) / 1000, (y2 - f) / 1000, e, f];
    } finally {
      this.m.wasmExports.free(out);
    }
  }

  chars(): PageChars {
    const textPage = this.m._FPDFText_LoadPage(this.handle);
    if (!textPage) return { text: '', boxes: [] };
    const rect = this.m.wasmExports.malloc(16);
    try {
      const count = this.m._FPDFText_CountChars(textPage);
      let text = '';
      const boxes: (Rect | null)[] = [];
      for (let i = 0; i < count; i++) {
        const code = this.m._FPDFText_GetUnicode(textPage, i);
        const c = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
        let box: Rect | null = null;
        if (!this.m._FPDFText_IsGenerated(textPage, i) && this.m._FPDFText_GetLooseCharBox(textPage, i, rect)) {
          const v = new DataView(this.m.HEAPU8.buffer, rect, 16);
          const left = v.getFloat32(0, true);
          const top = v.getFloat32(4, true);
          const right = v.getFloat32(8, true);
          const bottom = v.getFloat32(12, true);
          if (right > left && top > bottom) box = { x: left, y: bottom, width: right - left, height: top - bottom };
        }
        text += c;
        for (let k = 0; k < c.length; k++) boxes.push(box);
      }
      return { text, boxes };
    } finally {
      this.m.wasmExports.free(rect);
      this.m._FPDFText_ClosePage(textPage);
    }
  }

  /** The page as RGB pixels on white, without annotations or form widgets. */
  renderRgb(scale: number): RgbImage {
    const width = Math.max(1, Math.round(this.width * scale));
    const height = Math.max(1, Math.round(this.height * scale));
    const stride = Math.ceil((width * 3) / 4) * 4;
    const buffer = this.m.wasmExports.malloc(stride * height);
    if (!buffer) throw new RedactionError('render-failed');
    const bitmap = this.m._FPDFBitmap_CreateEx(width, height, BITMAP_BGR, buffer, stride);
    try {
      if (!bitmap) throw new RedactionError('render-failed');
      this.m._FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
      this.m._FPDF_RenderPageBitmap(bitmap, this.handle, 0, 0, width, height, 0, REVERSE_BYTE_ORDER);
      const heap = this.m.HEAPU8;
      const data = Buffer.allocUnsafe(width * height * 3);
      for (let row = 0; row < height; row++) data.set(heap.subarray(buffer + row * stride, buffer + row * stride + width * 3), row * width * 3);
      return { width, height, data };
    } finally {
      if (bitmap) this.m._FPDFBitmap_Destroy(bitmap);
      this.m.wasmExports.free(buffer);
    }
  }
}

export class PdfiumDocument {
  private closed = false;

  private constructor(
    private readonly m: RawPdfium,
    private readonly handle: number,
    private readonly bytes: number,
  ) {}

  /** Opens a PDF; a password or unsupported security handler is `encrypted`, anything else unreadable is `corrupt`. */
  static async open(pdf: Uint8Array): Promise<PdfiumDocument> {
    const m = await pdfium();
    const bytes = m.wasmExports.malloc(pdf.length);
    if (!bytes) throw new RedactionError('too-large');
    m.HEAPU8.set(pdf, bytes);
    const handle = m._FPDF_LoadMemDocument(bytes, pdf.length, 0);
    if (!handle) {
      const error = m._FPDF_GetLastError();
      m.wasmExports.free(bytes);
      throw new RedactionError(error === ERR_PASSWORD || error === ERR_SECURITY ? 'encrypted' : 'corrupt', { cause: `PDFium error ${String(error)}` });
    }
    return new PdfiumDocument(m, handle, bytes);
  }

  /** Opened without a password is not enough: an owner-password PDF opens, but stays encrypted. */
  get encrypted(): boolean {
    return this.m._FPDF_GetSecurityHandlerRevision(this.handle) !== -1;
  }

  get pageCount(): number {
    return this.m._FPDF_GetPageCount(this.handle);
  }

  withPage<T>(index: number, use: (page: PdfiumPage) => T): T {
    const handle = this.m._FPDF_LoadPage(this.handle, index);
    if (!handle) throw new RedactionError('corrupt', { cause: `PDFium cannot load page ${String(index)}` });
    try {
      return use(new PdfiumPage(this.m, handle));
    } finally {
      this.m._FPDF_ClosePage(handle);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.m._FPDF_CloseDocument(this.handle);
    this.m.wasmExports.free(this.bytes);
  }
}

export function applyMatrix(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The axis-aligned box, in view coordinates, around a user-space rectangle (any rotation). */
export function rectToView(m: Matrix, r: Rect): { left: number; top: number; right: number; bottom: number } {
  const corners = [applyMatrix(m, r.x, r.y), applyMatrix(m, r.x + r.width, r.y), applyMatrix(m, r.x, r.y + r.height), applyMatrix(m, r.x + r.width, r.y + r.height)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}
