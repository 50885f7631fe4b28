import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner.js';

/**
 * A minimal Outlook .msg (a compound file with MAPI property streams), made with msgreader's own
 * compound-file writer: subject, sender, recipients, plain body and attachments. Enough for the
 * reader Outlook's drag-out files go through; no binary from elsewhere.
 */
export interface MsgInput {
  subject: string;
  senderName: string;
  senderEmail: string;
  to: { name: string; email: string }[];
  body: string;
  attachments: { fileName: string; content: Uint8Array }[];
}

const DIRECTORY = 1;
const DOCUMENT = 2;
const ROOT = 5;

const utf16 = (text: string) => new Uint8Array(Buffer.from(`${text}`, 'utf16le'));

/** A string (PT_UNICODE, 001F) or binary (PT_BINARY, 0102) property stream. */
function stream(tag: string, type: '001F' | '0102', data: Uint8Array): Entry {
  return { name: `__substg1.0_${tag}${type}`, type: DOCUMENT, length: data.length, binaryProvider: () => data };
}

export function buildMsg(input: MsgInput): Buffer {
  const entries: Entry[] = [{ name: 'Root Entry', type: ROOT, length: 0, children: [] }];
  const add = (parent: Entry, entry: Entry) => {
    entries.push(entry);
    parent.children = [...(parent.children ?? []), entries.length - 1];
    return entry;
  };
  const root = entries[0] as Entry;
  add(root, stream('0037', '001F', utf16(input.subject)));
  add(root, stream('0C1A', '001F', utf16(input.senderName)));
  add(root, stream('0C1F', '001F', utf16(input.senderEmail)));
  add(root, stream('1000', '001F', utf16(input.body)));
  input.to.forEach((r, i) => {
    const dir = add(root, { name: `__recip_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`, type: DIRECTORY, length: 0, children: [] });
    add(dir, stream('3001', '001F', utf16(r.name)));
    add(dir, stream('3003', '001F', utf16(r.email)));
  });
  input.attachments.forEach((a, i) => {
    const dir = add(root, { name: `__attach_version1.0_#${i.toString(16).toUpperCase().padStart(8, '0')}`, type: DIRECTORY, length: 0, children: [] });
    add(dir, stream('3707', '001F', utf16(a.fileName)));
    add(dir, stream('3704', '001F', utf16(a.fileName.slice(0, 12))));
    add(dir, stream('3703', '001F', utf16(a.fileName.slice(a.fileName.lastIndexOf('.')))));
    add(dir, stream('3701', '0102', a.content));
  });
  return Buffer.from(burn(entries));
}
