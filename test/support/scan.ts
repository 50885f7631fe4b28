import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a directory, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : statSync(path).isFile() ? [path] : [];
  });
}

/** The encodings in which a string could sit in a file: UTF-8 (NFC and NFD) and UTF-16LE. */
function needles(text: string): Buffer[] {
  const forms = new Set([text, text.normalize('NFC'), text.normalize('NFD')]);
  return [...forms].flatMap((form) => [Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le')]);
}

/** Every (file, string) pair where a secret's bytes appear. */
export function plaintextHits(dir: string, secrets: readonly string[]): { file: string; secret: string }[] {
  const hits: { file: string; secret: string }[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const secret of secrets) {
      if (needles(secret).some((needle) => bytes.includes(needle))) hits.push({ file, secret });
    }
  }
  return hits;
}
