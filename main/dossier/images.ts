import { PDFiumLibrary } from '@hyzyla/pdfium';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { DomainError } from '../platform/errors.js';

/**
 * ID copies come in as JPG, PNG or PDF and are kept as PNG only: decoded to pixels and encoded
 * again, which drops every bit of metadata (EXIF with GPS, thumbnails, PDF text). Masks are burned
 * into those pixels. Limits guard against decompression bombs and huge files.
 */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 12_000;
const PDF_PAGES = 2;
const PDF_SCALE = 150 / 72;

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  data: Buffer;
}

export type ImageKind = 'png' | 'jpeg' | 'pdf';

/** The real type by its first bytes, whatever the file is called. */
export function sniff(bytes: Buffer): ImageKind | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return null;
}

const EXTENSIONS: Readonly<Record<ImageKind, readonly string[]>> = { png: ['png'], jpeg: ['jpg', 'jpeg'], pdf: ['pdf'] };

function tooLarge(): DomainError {
  return new DomainError('VALIDATION', 'De afbeelding is te groot (meer dan 40 megapixel). Scan opnieuw met een lagere resolutie.');
}

function unreadable(kind: string): DomainError {
  return new DomainError('VALIDATION', `Het bestand kan niet worden gelezen: het lijkt een beschadigd ${kind}-bestand.`);
}

function checkSize(width: number, height: number): void {
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw tooLarge();
}

let pdfium: Promise<Awaited<ReturnType<typeof PDFiumLibrary.init>>> | null = null;

/** One PDFium (WASM) instance for the process. */
export function pdfiumLibrary(): Promise<Awaited<ReturnType<typeof PDFiumLibrary.init>>> {
  pdfium ??= PDFiumLibrary.init();
  return pdfium;
}

async function renderPdf(bytes: Buffer): Promise<Pixels> {
  const lib = await pdfiumLibrary();
  let doc;
  try {
    doc = await lib.loadDocument(new Uint8Array(bytes));
  } catch (error) {
    if (/password/iu.test(String(error))) throw new DomainError('VALIDATION', 'De PDF is met een wachtwoord beveiligd. Vraag om een onbeveiligde kopie.');
    throw unreadable('PDF');
  }
  try {
    const pages: Pixels[] = [];
    for (let i = 0; i < Math.min(PDF_PAGES, doc.getPageCount()); i++) {
      const page = doc.getPage(i);
      const size = page.getOriginalSize();
      checkSize(Math.ceil(size.originalWidth * PDF_SCALE), Math.ceil(size.originalHeight * PDF_SCALE));
      const r = await page.render({ scale: PDF_SCALE, render: 'bitmap' });
      // The 'bitmap' renderer of @hyzyla/pdfium already hands out RGBA.
      pages.push({ width: r.width, height: r.height, data: Buffer.from(r.data) });
    }
    if (pages.length === 0) throw unreadable('PDF');
    // Front and back of a card on one image, one below the other.
    const width = Math.max(...pages.map((p) => p.width));
    const height = pages.reduce((sum, p) => sum + p.height, 0);
    checkSize(width, height);
    const data = Buffer.alloc(width * height * 4, 255);
    let y = 0;
    for (const p of pages) {
      for (let row = 0; row < p.height; row++) p.data.copy(data, (y + row) * width * 4, row * p.width * 4, (row + 1) * p.width * 4);
      y += p.height;
    }
    return { width, height, data };
  } finally {
    doc.destroy();
  }
}

/** Decodes an upload to pixels, refusing a type that differs from the name or a file that is too big. */
export async function decodeUpload(bytes: Buffer, fileName: string): Promise<Pixels> {
  if (bytes.length === 0) throw new DomainError('VALIDATION', 'Het bestand is leeg.');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new DomainError('VALIDATION', 'Het bestand is groter dan 15 MB.');
  const kind = sniff(bytes);
  if (!kind) throw new DomainError('VALIDATION', 'Alleen JPG, PNG of PDF kan worden ingelezen.');
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!EXTENSIONS[kind].includes(extension)) {
    throw new DomainError('VALIDATION', `Het bestand heet .${extension} maar is een ${kind.toUpperCase()}-bestand. Controleer of het het juiste bestand is.`);
  }
  if (kind === 'pdf') return renderPdf(bytes);
  if (kind === 'png') {
    if (bytes.length < 24) throw unreadable('PNG');
    checkSize(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
    try {
      const png = PNG.sync.read(bytes);
      return { width: png.width, height: png.height, data: png.data };
    } catch {
      throw unreadable('PNG');
    }
  }
  try {
    const img = jpeg.decode(bytes, { useTArray: false, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1_000_000, maxMemoryUsageInMB: 512 });
    checkSize(img.width, img.height);
    return { width: img.width, height: img.height, data: Buffer.from(img.data) };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (/maxResolutionInMP|maxMemoryUsageInMB/u.test(String(error))) throw tooLarge();
    throw unreadable('JPG');
  }
}

export function encodePng(pixels: Pixels): Buffer {
  const png = new PNG({ width: pixels.width, height: pixels.height });
  pixels.data.copy(png.data);
  return PNG.sync.write(png);
}

export function decodePng(bytes: Buffer): Pixels {
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Paints opaque black rectangles into the pixels themselves: what was under them is gone. */
export function burnBoxes(pixels: Pixels, boxes: readonly Box[]): Pixels {
  const data = Buffer.from(pixels.data);
  for (const box of boxes) {
    const x0 = Math.max(0, Math.floor(box.x));
    const y0 = Math.max(0, Math.floor(box.y));
    const x1 = Math.min(pixels.width, Math.ceil(box.x + box.width));
    const y1 = Math.min(pixels.height, Math.ceil(box.y + box.height));
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * pixels.width + x) * 4;
        data[i] = 0;
        data[i + 1] = 0;
        data[i + 2] = 0;
        data[i + 3] = 255;
      }
    }
  }
  return { ...pixels, data };
}
