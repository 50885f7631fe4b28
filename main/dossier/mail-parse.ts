import msgReaderExports from '@kenjiuno/msgreader/lib/MsgReader.js';
import { isSoundCompoundFile } from './compound-file.js';
import PostalMime from 'postal-mime';
import { DomainError } from '../platform/errors.js';

/**
 * An e-mail as the dossier takes it in, whether it came as an .eml (RFC 822, read by postal-mime)
 * or as the .msg Outlook drags out (a compound file of MAPI properties, read by msgreader).
 */
export interface MailParts {
  from: string;
  to: string;
  date: string;
  subject: string;
  body: string;
  attachments: { fileName: string; content: Buffer; embeddedMessage: boolean }[];
}

// A CommonJS module: Node hands over its exports (the class under `default`), a bundler the class itself.
type MsgReaderClass = typeof msgReaderExports.default;
const MsgReader: MsgReaderClass = (msgReaderExports as { default?: MsgReaderClass }).default ?? (msgReaderExports as unknown as MsgReaderClass);

/** The signature of a compound file (OLE2), the container of a .msg. */
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function looksLikeEmail(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /^(From|To|Subject|Date|Received|Return-Path|MIME-Version|Message-ID|Delivered-To):/imu.test(head);
}

export function looksLikeMsg(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(CFB_MAGIC);
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/giu, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>|<\/tr>/giu, '\n')
    .replace(/<[^>]+>/gu, '')
    .replace(/&nbsp;/gu, ' ')
    .replace(/&amp;/gu, '&')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'");
}

const person = (name: string | undefined, address: string | undefined) => [name, address ? `<${address}>` : ''].filter(Boolean).join(' ');

export async function parseEml(bytes: Buffer, name: string): Promise<MailParts> {
  if (!looksLikeEmail(bytes)) throw new DomainError('VALIDATION', `"${name}" heet .eml maar is geen e-mailbericht.`);
  let mail;
  try {
    mail = await PostalMime.parse(bytes);
  } catch {
    throw new DomainError('VALIDATION', `"${name}" is een beschadigd e-mailbericht.`);
  }
  return {
    from: mail.from ? person(mail.from.name, mail.from.address) : '',
    to: (mail.to ?? []).map((a) => person(a.name, a.address)).join(', '),
    date: mail.date ?? '',
    subject: mail.subject ?? '',
    body: mail.text ?? (mail.html ? htmlToText(mail.html) : ''),
    attachments: mail.attachments.map((a) => {
      const fileName = a.filename ?? 'bijlage';
      return {
        fileName,
        content: typeof a.content === 'string' ? Buffer.from(a.content) : Buffer.from(new Uint8Array(a.content)),
        embeddedMessage: /\.(eml|msg)$/iu.test(fileName),
      };
    }),
  };
}

export function parseMsg(bytes: Buffer, name: string): MailParts {
  if (!looksLikeMsg(bytes)) throw new DomainError('VALIDATION', `"${name}" heet .msg maar is geen Outlook-bericht.`);
  const broken = () => new DomainError('VALIDATION', `"${name}" is een beschadigd Outlook-bericht.`);
  if (!isSoundCompoundFile(bytes)) throw broken();
  try {
    const reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const data = reader.getFileData();
    if (data.error || data.dataType !== 'msg') throw broken();
    const recipients = data.recipients ?? [];
    return {
      from: person(data.senderName, data.senderSmtpAddress ?? data.senderEmail),
      to: recipients.map((r) => person(r.name, r.smtpAddress ?? r.email)).join(', '),
      date: data.messageDeliveryTime ?? data.clientSubmitTime ?? '',
      subject: data.subject ?? '',
      body: data.body ?? (data.bodyHtml ? htmlToText(data.bodyHtml) : ''),
      attachments: (data.attachments ?? []).map((a) => {
        const fileName = a.fileName ?? a.fileNameShort ?? a.name ?? 'bijlage';
        if (a.innerMsgContent) return { fileName: /\.msg$/iu.test(fileName) ? fileName : `${fileName}.msg`, content: Buffer.alloc(0), embeddedMessage: true };
        return { fileName, content: Buffer.from(reader.getAttachment(a).content), embeddedMessage: /\.(eml|msg)$/iu.test(fileName) };
      }),
    };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw broken();
  }
}
