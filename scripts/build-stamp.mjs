// Build stamps: whether a build in out/ was made from the sources as they are now.
//
// A stamp holds a fingerprint of the inputs (every file's path, size and modification time, so
// checking costs a few stat calls, not reading the sources) taken BEFORE the build started: a file
// edited during the build makes the next check stale. It also holds the modification times of the
// build's outputs, so another build that overwrote them (a direct `electron-vite build`) counts as
// stale too. Anything unreadable counts as stale: the answer is then "build again", never "skip".
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist', 'coverage']);

function collect(root, path, lines) {
  let info;
  try {
    info = statSync(path);
  } catch {
    lines.push(`${relative(root, path)}\tmissing`);
    return;
  }
  if (!info.isDirectory()) {
    lines.push(`${relative(root, path)}\t${info.size}\t${info.mtimeMs}`);
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    collect(root, join(path, entry.name), lines);
  }
}

/** The fingerprint of these files and folders (relative to the project root). */
export function fingerprint(inputs, root = ROOT) {
  const lines = [];
  for (const input of inputs) collect(root, join(root, input), lines);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const stampFile = (name, root) => join(root, 'out', '.stamps', `${name}.json`);

function mtimes(outputs, root) {
  return outputs.map((output) => {
    try {
      return statSync(join(root, output)).mtimeMs;
    } catch {
      return null;
    }
  });
}

/** True when the stamp `name` was written for exactly this fingerprint and its outputs are untouched since. */
export function isFresh(name, print, outputs, root = ROOT) {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(name, root), 'utf8'));
    const now = mtimes(outputs, root);
    return stamp.fingerprint === print && now.every((m, i) => m !== null && m === stamp.outputs[i]);
  } catch {
    return false;
  }
}

/** Records a finished build of the inputs with fingerprint `print` (taken before it started). */
export function writeStamp(name, print, outputs, root = ROOT) {
  const file = stampFile(name, root);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ fingerprint: print, outputs: mtimes(outputs, root) }));
  renameSync(temporary, file);
}
