import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, type PDFFont, rgb } from 'pdf-lib';
import { loadFontkit } from '../letters/text-flow.js';

/**
 * PDF renditions of dossier documents that are not PDFs (images, e-mails, plain text), so the viewer
 * and the redaction engine see one format. Text is set in DejaVu Sans, embedded and subset, so any
 * name prints (Ł, ễ, ğ …).
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const SIZE = 10;
const LEADING = 14;

// Not named `require`: the bundle adds a module-level `require` of its own (electron-vite's CommonJS shim).
const resolver = createRequire(import.meta.url);
let fontBytes: Buffer | null = null;
function dejaVu(): Buffer {
  fontBytes ??= readFileSync(resolver.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  return fontBytes;
}

function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/gu, '\n').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/(\s+)/u)) {
      const candidate = line + word;
      if (font.widthOfTextAtSize(candidate, SIZE) <= width || line === '') {
        line = candidate;
        // A single word wider than the line is cut.
        while (font.widthOfTextAtSize(line, SIZE) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), SIZE) > width) cut -= 1;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      } else {
        lines.push(line.trimEnd());
        line = word.trimStart();
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Only characters the font can show: control characters and unassigned ones become a space. */
function printable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  return [...text].map((c) => (c === '\n' || c === '\t' ? (c === '\t' ? '    ' : c) : supported.has(c.codePointAt(0) ?? 0) ? c : ' ')).join('');
}

export async function textToPdf(title: string, body: string, header: [string, string][] = []): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(await loadFontkit());
  const font = await pdf.embedFont(dejaVu(), { subset: true });
  const bold = font;
  const width = A4[0] - 2 * MARGIN;
  const lines: { text: string; strong: boolean }[] = [
    { text: printable(title, font), strong: true },
    { text: '', strong: false },
  ];
  for (const [label, value] of header) lines.push(...wrap(printable(`${label}: ${value}`, font), font, width).map((text) => ({ text, strong: false })));
  if (header.length > 0) lines.push({ text: '', strong: false });
  lines.push(...wrap(printable(body, font), font, width).map((text) => ({ text, strong: false })));
  const perPage = Math.floor((A4[1] - 2 * MARGIN) / LEADING);
  for (let i = 0; i < lines.length || i === 0; i += perPage) {
    const page = pdf.addPage(A4);
    lines.slice(i, i + perPage).forEach((line, n) => {
      page.drawText(line.text, {
        x: MARGIN,
        y: A4[1] - MARGIN - n * LEADING,
        size: line.strong ? SIZE + 2 : SIZE,
        font: line.strong ? bold : font,
        color: rgb(0, 0, 0),
      });
    });
  }
  pdf.setTitle(title);
  pdf.setProducer('AVG Desk');
  pdf.setCreator('AVG Desk');
  return Buffer.from(await pdf.save());
}

/** One A4 page per image, scaled to fit inside the margins. */
export async function imageToPdf(bytes: Buffer, kind: 'png' | 'jpeg'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const image = kind === 'png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
  const scale = Math.min((A4[0] - 2 * MARGIN) / image.width, (A4[1] - 2 * MARGIN) / image.height, 1);
  const page = pdf.addPage(A4);
  page.drawImage(image, { x: MARGIN, y: A4[1] - MARGIN - image.height * scale, width: image.width * scale, height: image.height * scale });
  pdf.setProducer('AVG Desk');
  return Buffer.from(await pdf.save());
}
