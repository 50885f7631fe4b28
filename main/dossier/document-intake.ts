import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PAGES, type DocumentFormat } from '../../shared/dossier/dossier.js';
import { dutchToday } from '../../shared/cases/cases.js';
import { formatDutchDate } from '../../shared/deadlines/dates.js';
import { DomainError } from '../platform/errors.js';
import { decodeUpload, encodePng, pdfiumLibrary, sniff } from './images.js';
import { looksLikeEmail, looksLikeMsg, parseEml, parseMsg, type MailParts } from './mail-parse.js';
import { imageToPdf, textToPdf } from './renditions.js';

/**
 * Turns an uploaded file into dossier items: the original bytes, a PDF rendition and the page
 * count; an e-mail becomes itself plus one item per attachment. The type is judged by content, not
 * by the name; every refusal is a Dutch message and nothing is stored.
 */
export interface IntakeItem {
  name: string;
  format: DocumentFormat;
  original: Buffer;
  pdf: Buffer;
  pages: number;
  /** Index of the parent item (the e-mail) for attachments. */
  parent: number | null;
  /** For an e-mail: its attachments that were not read in, each with the reason. */
  notReadIn?: string[];
}

export interface IntakeResult {
  items: IntakeItem[];
  /** Attachments that could not be taken in, with the reason. */
  skipped: string[];
}

const extensionOf = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/u)?.[1] ?? '';

/** Refuses encrypted, corrupt and overlong PDFs; returns the page count. */
export async function inspectPdf(bytes: Buffer, name: string): Promise<number> {
  const lib = await pdfiumLibrary();
  let doc;
  try {
    doc = await lib.loadDocument(new Uint8Array(bytes));
  } catch (error) {
    if (/password/iu.test(String(error))) throw new DomainError('VALIDATION', `"${name}" is met een wachtwoord beveiligd. Vraag om een onbeveiligde versie.`);
    throw new DomainError('VALIDATION', `"${name}" kan niet worden gelezen: het is geen geldige PDF of het bestand is beschadigd.`);
  }
  try {
    const pages = doc.getPageCount();
    if (pages < 1) throw new DomainError('VALIDATION', `"${name}" heeft geen pagina's.`);
    if (pages > MAX_DOCUMENT_PAGES)
      throw new DomainError('VALIDATION', `"${name}" heeft ${pages} pagina's; het maximum is ${MAX_DOCUMENT_PAGES}. Splits het document.`);
    return pages;
  } finally {
    doc.destroy();
  }
}

function decodeText(bytes: Buffer, name: string): string {
  if (bytes.includes(0)) throw new DomainError('VALIDATION', `"${name}" is geen tekstbestand.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older systems write Windows-1252; every byte is a character there.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function single(bytes: Buffer, name: string): Promise<Omit<IntakeItem, 'parent'>> {
  if (bytes.length === 0) throw new DomainError('VALIDATION', `"${name}" is leeg.`);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new DomainError('VALIDATION', `"${name}" is groter dan ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  const ext = extensionOf(name);
  const kind = sniff(bytes);
  if (ext === 'pdf' || kind === 'pdf') {
    if (kind !== 'pdf') throw new DomainError('VALIDATION', `"${name}" heet .pdf maar is geen PDF.`);
    if (ext !== 'pdf')
      throw new DomainError('VALIDATION', `"${name}" is een PDF maar heet .${ext || '(geen extensie)'}. Controleer of het het juiste bestand is.`);
    return { name, format: 'pdf', original: bytes, pdf: bytes, pages: await inspectPdf(bytes, name) };
  }
  if (['png', 'jpg', 'jpeg'].includes(ext) || kind === 'png' || kind === 'jpeg') {
    // decodeUpload checks type against name, size and pixel limits; the rendition gets clean pixels.
    const pixels = await decodeUpload(bytes, name);
    return { name, format: 'image', original: bytes, pdf: await imageToPdf(encodePng(pixels), 'png'), pages: 1 };
  }
  if (ext === 'eml') {
    if (!looksLikeEmail(bytes)) throw new DomainError('VALIDATION', `"${name}" heet .eml maar is geen e-mailbericht.`);
    throw new Error('e-mails are handled by intake()');
  }
  if (ext === 'msg') {
    if (!looksLikeMsg(bytes)) throw new DomainError('VALIDATION', `"${name}" heet .msg maar is geen Outlook-bericht.`);
    throw new Error('e-mails are handled by intake()');
  }
  if (ext === 'txt') {
    const text = decodeText(bytes, name);
    return { name, format: 'text', original: bytes, pdf: await textToPdf(name, text), pages: 0 };
  }
  throw new DomainError('VALIDATION', `"${name}" kan niet worden ingelezen: alleen PDF, JPG, PNG, e-mail (.eml of Outlook .msg) en tekst (.txt).`);
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A message's date as staff read dates: `1 oktober 2026, 10:00`, in Dutch time. The readers give
 * an ISO timestamp (postal-mime) or the header's own text (msgreader); what does not parse as a
 * date is shown as it came.
 */
function dutchMailDate(raw: string): string {
  const at = new Date(raw);
  if (raw.trim() === '' || Number.isNaN(at.getTime())) return raw;
  return `${formatDutchDate(dutchToday(at))}, ${AMSTERDAM_TIME.format(at)}`;
}

async function withPages(item: Omit<IntakeItem, 'parent'>): Promise<Omit<IntakeItem, 'parent'>> {
  return item.pages > 0 ? item : { ...item, pages: await inspectPdf(item.pdf, item.name) };
}

const safeName = (name: string) =>
  [...name]
    .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c))
    .join('')
    .slice(0, 200);

export async function intake(bytes: Buffer, name: string): Promise<IntakeResult> {
  const ext = extensionOf(name);
  if (ext !== 'eml' && ext !== 'msg') return { items: [{ ...(await withPages(await single(bytes, name))), parent: null }], skipped: [] };
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new DomainError('VALIDATION', `"${name}" is groter dan ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
  const mail: MailParts = ext === 'eml' ? await parseEml(bytes, name) : parseMsg(bytes, name);
  const attachments: IntakeItem[] = [];
  const skipped: string[] = [];
  for (const attachment of mail.attachments) {
    const fileName = safeName(attachment.fileName);
    try {
      if (attachment.embeddedMessage) throw new DomainError('VALIDATION', 'een bijgevoegd e-mailbericht; sla het apart op en lees het los in');
      attachments.push({ ...(await withPages(await single(attachment.content, fileName))), parent: 0 });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      skipped.push(`${fileName}: ${error.dutchMessage ?? 'niet ingelezen'}`);
    }
  }
  // The rendition says what came with the message and what of it is not in the dossier.
  const header: [string, string][] = [
    ['Van', mail.from],
    ['Aan', mail.to],
    ['Datum', dutchMailDate(mail.date)],
    ['Onderwerp', mail.subject],
    ['Bijlagen', mail.attachments.map((a) => safeName(a.fileName)).join(', ') || 'geen'],
  ];
  if (skipped.length > 0) header.push(['Niet ingelezen', skipped.join('; ')]);
  const message = await withPages({ name, format: 'email', original: bytes, pdf: await textToPdf(mail.subject || name, mail.body, header), pages: 0 });
  return { items: [{ ...message, parent: null, notReadIn: skipped.map((line) => line.slice(0, line.indexOf(':'))) }, ...attachments], skipped };
}
