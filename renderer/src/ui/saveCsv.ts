import { saveFile } from './downloads.js';

/** Saves CSV text (already with its byte-order mark) as a UTF-8 file, through the same download as letters. */
export function saveCsv(csv: string, fileName: string): void {
  const bytes = new TextEncoder().encode(csv);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  saveFile(btoa(binary), fileName, 'text/csv;charset=utf-8');
}
