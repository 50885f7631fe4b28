import { BRIDGE_KEY } from '../../../shared/api/client.js';

/** Bytes of a base64 string (the API carries files as base64). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** How long a blob URL handed to a download or a new tab lives before it is freed. */
const BLOB_LIFETIME_MS = 60_000;

function blobUrl(base64: string, mime: string): string {
  const url = URL.createObjectURL(new Blob([bytesOfBase64(base64)], { type: mime }));
  window.setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
  return url;
}

/**
 * Saves a file the backend sent: a download through a temporary link (the desktop app shows its
 * save dialog, the browser its download bar). The bytes stay in memory only; nothing else is written.
 */
export function saveFile(base64: string, fileName: string, mime: string): void {
  const link = document.createElement('a');
  link.href = blobUrl(base64, mime);
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Whether the app runs in the desktop window (Electron), which opens no other windows. */
export function isDesktop(): boolean {
  return window[BRIDGE_KEY] !== undefined;
}

/**
 * Prints a letter. The desktop app opens no other windows, so it prints through the system print
 * dialog from the app itself; browser mode opens the PDF in a new tab (its viewer prints and saves),
 * and prints in place when a pop-up blocker refuses the tab.
 */
export async function printOrOpenPdf(base64: string): Promise<void> {
  if (!isDesktop()) {
    const opened = window.open(blobUrl(base64, 'application/pdf'), '_blank');
    if (opened !== null) return;
  }
  const { printPdf } = await import('./pdf/print.js');
  await printPdf(base64);
}
