// Moves the source tree into concept folders (mapping.txt: old path → new path) and rewrites every
// path that names a moved file: relative imports, dynamic imports, vi.mock paths and
// `new URL(…, import.meta.url)` in code, root-relative paths in configs, scripts and tests
// ('main/server/start.ts', join('shared', 'domain', 'holidays.ts')), and path mentions in comments
// and Markdown. Deterministic: run it on a clean tree, then review `git diff --stat -M`.
//
// It stops before changing anything when a file under the moved roots is not in the mapping, when a
// target clashes, when an import cannot be resolved, or when a module that locates a non-source path
// (out/, migrations) through import.meta.url would change depth: the bundles keep the source depth.
//
//   node scripts/restructure/move.mjs [--dry-run]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHES } from './patches.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MOVED_ROOTS = ['main/', 'shared/', 'db/local/', 'renderer/src/'];
const NOT_MOVED = ['db/local/migrations/'];
const CODE = /\.(ts|tsx|mts|cts|mjs|cjs|js|jsx)$/u;
const TEXT = /\.(ts|tsx|mts|cts|mjs|cjs|js|jsx|json|ya?ml|md|html|css)$|(^|\/)\.ci\/run$/u;
/** Never rewritten: generated or content-hashed files. */
const UNTOUCHED = [/^package-lock\.json$/u, /(^|\/)migrations\//u, /^scripts\/restructure\//u];
/** Code in strings, linted at made-up paths: its relative imports name nothing on disk. Mentions are still rewritten. */
const LINT_FIXTURES = new Set(['test/unit/import-boundaries.spec.ts']);
const dryRun = process.argv.includes('--dry-run');

const problems = [];
const notes = [];
const fail = (message) => problems.push(message);

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const tracked = git('ls-files', '-z').split('\0').filter(Boolean);
const trackedSet = new Set(tracked);
const untracked = git('ls-files', '-z', '--others', '--exclude-standard').split('\0').filter(Boolean);
const underMovedRoots = (path) =>
  MOVED_ROOTS.some((root) => path.startsWith(root)) && !NOT_MOVED.some((root) => path.startsWith(root));

// --- The mapping -------------------------------------------------------------------------------
const moves = new Map();
const mappingFile = join(ROOT, 'scripts/restructure/mapping.txt');
for (const [index, raw] of readFileSync(mappingFile, 'utf8').split('\n').entries()) {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) continue;
  const parts = line.split(/\s+/u);
  if (parts.length !== 2) {
    fail(`mapping.txt:${index + 1}: expected "old new", got "${line}"`);
    continue;
  }
  const [from, to] = parts;
  if (moves.has(from)) fail(`mapping.txt:${index + 1}: ${from} is listed twice`);
  moves.set(from, to);
}
for (const path of [...tracked, ...untracked]) {
  if (underMovedRoots(path) && !moves.has(path))
    fail(`not in scripts/restructure/mapping.txt: ${path} (add a line "old new")`);
}
for (const path of untracked)
  if (underMovedRoots(path)) fail(`untracked file under a moved root: ${path} (commit or remove it first)`);
const targets = new Map();
for (const [from, to] of moves) {
  if (!trackedSet.has(from)) fail(`mapping.txt names ${from}, which is not a tracked file`);
  if (!underMovedRoots(to)) fail(`mapping.txt moves ${from} out of the moved roots, to ${to}`);
  if (targets.has(to)) fail(`${from} and ${targets.get(to)} both move to ${to}`);
  targets.set(to, from);
  if (from !== to && trackedSet.has(to) && moves.get(to) === to) fail(`${from} would overwrite ${to}, which stays`);
}
/** Old → new for every tracked file (unmoved files map to themselves). */
const newPathOf = (path) => moves.get(path) ?? path;

// A folder moves as a whole when every file below it lands below one new folder with the same relative
// path: 'main/electron' → 'main/app/electron'. Folders that are split up have no new name.
const folderMoves = new Map();
{
  const candidates = new Map();
  for (const [from, to] of moves) {
    const fromParts = from.split('/');
    for (let depth = 1; depth < fromParts.length; depth++) {
      const folder = fromParts.slice(0, depth).join('/');
      const rest = fromParts.slice(depth).join('/');
      const newFolder = to.endsWith(`/${rest}`) ? to.slice(0, -rest.length - 1) : null;
      const seen = candidates.get(folder);
      candidates.set(folder, seen === undefined ? newFolder : seen === newFolder ? seen : null);
    }
  }
  for (const [folder, newFolder] of candidates) {
    const hasUnmovedFiles = tracked.some((path) => path.startsWith(`${folder}/`) && !moves.has(path));
    if (newFolder !== null && newFolder !== folder && !hasUnmovedFiles) folderMoves.set(folder, newFolder);
  }
}
const isTrackedFolder = (path) => tracked.some((file) => file.startsWith(`${path}/`));

// --- Relative specifiers -----------------------------------------------------------------------
/** The tracked file or folder a specifier names from `fromDir` (old tree), with how to spell its new name. */
function resolveOld(base) {
  const [path, query = ''] = base.split(/(?=\?)/u);
  const normal = posix.normalize(path).replace(/\/$/u, '');
  if (normal.startsWith('..')) return null;
  if (trackedSet.has(normal)) return { kind: 'file', path: normal, rename: (p) => p, query };
  for (const [written, real] of [
    ['.js', '.ts'],
    ['.js', '.tsx'],
    ['.mjs', '.mts'],
    ['.jsx', '.tsx'],
  ]) {
    if (normal.endsWith(written)) {
      const candidate = normal.slice(0, -written.length) + real;
      if (trackedSet.has(candidate))
        return { kind: 'file', path: candidate, rename: (p) => p.slice(0, -real.length) + written, query };
    }
  }
  if (isTrackedFolder(normal)) return { kind: 'folder', path: normal, rename: (p) => p, query };
  // Build output and packages count as there even before a build.
  if (existsSync(join(ROOT, normal)) || /^(out|node_modules)(\/|$)/u.test(normal))
    return { kind: 'other', path: normal, rename: (p) => p, query };
  return null;
}
const newFolderOf = (folder) => {
  for (let cut = folder; cut !== '.' && cut !== ''; cut = posix.dirname(cut)) {
    const moved = folderMoves.get(cut);
    if (moved !== undefined) return moved + folder.slice(cut.length);
  }
  const split = tracked.some((file) => file.startsWith(`${folder}/`) && newPathOf(file) !== file);
  return split ? null : folder;
};
const relativeSpecifier = (fromDir, to) => {
  const relative = posix.relative(fromDir, to) || '.';
  return relative.startsWith('.') ? relative : `./${relative}`;
};
const depthOf = (path) => path.split('/').length;

/** A specifier's context in code: an import of a module, or a path handed to URL/readFileSync and the like. */
function contextOf(text, index) {
  const before = text.slice(Math.max(0, index - 40), index);
  if (
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.(mock|doMock|importActual|importMock|unmock)\s*\(\s*|\brequire\s*\(\s*|\bexport\s+\*\s*from\s*)$/u.test(
      before,
    )
  )
    return 'import';
  if (/new URL\(\s*$/u.test(before)) return 'url';
  return 'string';
}

function rewriteRelative(file, text) {
  const oldDir = posix.dirname(file);
  const newDir = posix.dirname(newPathOf(file));
  return text.replace(/(['"`])(\.{1,2}\/[^'"`\n$]*)\1/gu, (whole, quote, specifier, offset) => {
    const context = contextOf(text, offset);
    let resolved = resolveOld(posix.join(oldDir, specifier));
    let rootRelative = false;
    if (resolved === null && specifier.startsWith('./')) {
      // Configs and scripts name files from the project root: './db/local/schema.ts'.
      resolved = resolveOld(specifier.slice(2));
      rootRelative = resolved !== null;
    }
    if (resolved === null) {
      const named = posix.normalize(posix.join(oldDir, specifier));
      if (context === 'import' && (newPathOf(file) !== file || underMovedRoots(named)))
        fail(`${file}: cannot resolve import '${specifier}'`);
      else if (oldDir !== newDir && context === 'url')
        notes.push(`${file} → ${newPathOf(file)}: '${specifier}' names no source file (bundle-relative), left as is`);
      return whole;
    }
    let target;
    if (resolved.kind === 'file') target = newPathOf(resolved.path);
    else if (resolved.kind === 'folder') {
      target = newFolderOf(resolved.path);
      if (target === null) {
        fail(`${file}: '${specifier}' names the folder ${resolved.path}, which is split up`);
        return whole;
      }
    } else {
      target = resolved.path;
      if (context === 'url' && !rootRelative && depthOf(file) !== depthOf(newPathOf(file))) {
        fail(
          `${file}: '${specifier}' locates ${target} through import.meta.url; at ${newPathOf(file)} (another depth) the built bundle would miss it`,
        );
      }
    }
    const spelled = resolved.rename(target) + resolved.query;
    let next = rootRelative ? `./${spelled}` : relativeSpecifier(newDir, spelled);
    // Keep the author's spelling when the path does not change ('./' stays './', '../x/' keeps its slash).
    if (posix.normalize(next) === posix.normalize(specifier)) return whole;
    if (specifier.endsWith('/') && !next.endsWith('/')) next += '/';
    return `${quote}${next}${quote}`;
  });
}

// --- Root-relative paths and mentions ----------------------------------------------------------
const pathRenames = new Map();
for (const [from, to] of moves) {
  if (from === to) continue;
  pathRenames.set(from, to);
  for (const [real, written] of [
    ['.ts', '.js'],
    ['.tsx', '.js'],
  ]) {
    if (from.endsWith(real))
      pathRenames.set(from.slice(0, -real.length) + written, to.slice(0, -real.length) + written);
  }
}
for (const [from, to] of folderMoves) pathRenames.set(from, to);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const renameKeys = [...pathRenames.keys()].sort((a, b) => b.length - a.length);
const mention = new RegExp(`(?<![\\w./@-])(${renameKeys.map(escape).join('|')})(?![\\w-]|\\.[\\w])`, 'gu');

function rewriteMentions(text) {
  return text.replace(mention, (match) => pathRenames.get(match) ?? match);
}

/** join('shared', 'domain', 'holidays.ts') and the like: quoted segments that spell a moved path. */
function rewriteSegments(file, text) {
  return text.replace(/'[\w.-]+'(?:,\s*'[\w.-]+')+/gu, (whole) => {
    const segments = [...whole.matchAll(/'([\w.-]+)'/gu)].map((m) => m[1]);
    // The longest leading run of segments that names a moved file or folder.
    for (let count = segments.length; count >= 2; count--) {
      const path = segments.slice(0, count).join('/');
      const renamed = pathRenames.get(path) ?? (trackedSet.has(path) ? newPathOf(path) : undefined);
      if (renamed === undefined || renamed === path) continue;
      const rest = segments.slice(count);
      notes.push(`${file}: join segments ${path} → ${renamed}`);
      return [...renamed.split('/'), ...rest].map((s) => `'${s}'`).join(', ');
    }
    return whole;
  });
}

// --- Plan -------------------------------------------------------------------------------------
const changed = new Map();
for (const file of tracked) {
  if (!TEXT.test(file) || UNTOUCHED.some((pattern) => pattern.test(file))) continue;
  const path = join(ROOT, file);
  if (!existsSync(path) || statSync(path).size > 2_000_000) continue;
  const before = readFileSync(path, 'utf8');
  let after = CODE.test(file) && !LINT_FIXTURES.has(file) ? rewriteRelative(file, before) : before;
  after = rewriteMentions(after);
  if (CODE.test(file)) after = rewriteSegments(file, after);
  if (after !== before || newPathOf(file) !== file) changed.set(file, after);
}

const oldPathOf = new Map([...moves].map(([from, to]) => [to, from]));
for (const patch of PATCHES) {
  const old = oldPathOf.get(patch.file) ?? patch.file;
  const text = changed.get(old) ?? (existsSync(join(ROOT, old)) ? readFileSync(join(ROOT, old), 'utf8') : null);
  if (text === null || !text.includes(patch.find)) {
    fail(`patches.mjs: ${patch.file} does not contain ${JSON.stringify(patch.find)}`);
    continue;
  }
  changed.set(old, text.split(patch.find).join(patch.replace));
}

if (problems.length > 0) {
  process.stderr.write(`\nThe move stops; nothing was changed:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}\n`);
  process.exit(1);
}
for (const note of notes) process.stdout.write(`  · ${note}\n`);
const moving = [...moves].filter(([from, to]) => from !== to);
process.stdout.write(
  `${moving.length} files move, ${folderMoves.size} folders move whole, ${changed.size} files change.\n`,
);
if (dryRun) process.exit(0);

// --- Apply ------------------------------------------------------------------------------------
for (const [from, to] of moving) {
  mkdirSync(dirname(join(ROOT, to)), { recursive: true });
  git('mv', from, to);
}
for (const [file, text] of changed) writeFileSync(join(ROOT, newPathOf(file)), text);
// git mv leaves the emptied folders behind.
const removeEmpty = (folder) => {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return;
  for (const entry of readdirSync(folder)) removeEmpty(join(folder, entry));
  if (readdirSync(folder).length === 0) rmdirSync(folder);
};
for (const root of MOVED_ROOTS) removeEmpty(join(ROOT, root));
// Mentions of old paths that are left (folders that were split up): for a human to look at.
const leftovers = new Set();
const oldFolders = new Set(
  [...moves.keys()].flatMap((p) =>
    p
      .split('/')
      .slice(0, -1)
      .map((_, i, all) => all.slice(0, i + 1).join('/')),
  ),
);
const gone = [...oldFolders].filter((folder) => !existsSync(join(ROOT, folder)) && folder.includes('/'));
if (gone.length > 0) {
  const pattern = new RegExp(
    `(?<![\\w./@-])(${gone
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|')})(?![\\w-])`,
    'gu',
  );
  for (const file of git('ls-files', '-z').split('\0').filter(Boolean)) {
    if (!TEXT.test(file) || UNTOUCHED.some((p) => p.test(file)) || !existsSync(join(ROOT, file))) continue;
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(pattern))
      leftovers.add(`${file}: ${match[1]}/`);
  }
}
for (const leftover of [...leftovers].sort())
  process.stdout.write(`  ? still names a folder that is gone: ${leftover}\n`);
git(
  'add',
  '-A',
  '--',
  ...new Set([...MOVED_ROOTS.map((r) => r.replace(/\/$/u, '')), ...[...changed.keys()].map(newPathOf)]),
);
process.stdout.write('Done. Review with: git diff --cached --stat -M\n');
