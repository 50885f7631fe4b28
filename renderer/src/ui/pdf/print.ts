import { openPdf } from './pdfjs.js';

/** 150 dpi: sharp on paper, small enough to keep a long letter in memory. */
const SCALE = 150 / 72;
const ROOT_ID = 'avg-desk-print-root';

/**
 * Prints a PDF through the system print dialog: its pages are rendered with pdf.js into images in a
 * print-only container (global.css shows only that container when printing), then `window.print()`.
 * In the desktop app this is Electron's print dialog; no new window and no file on disk is needed.
 */
export async function printPdf(dataBase64: string): Promise<void> {
  const opened = openPdf(dataBase64);
  const root = document.createElement('div');
  root.id = ROOT_ID;
  root.setAttribute('aria-hidden', 'true');
  try {
    const pdf = await opened.promise;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const image = document.createElement('img');
      image.src = canvas.toDataURL('image/png');
      image.alt = '';
      root.append(image);
    }
    document.body.append(root);
    await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
    window.print();
  } finally {
    // window.print() returns when the dialog closes.
    root.remove();
    opened.destroy();
  }
}
