// The command line built ahead into plain JavaScript (out/cli), so `avg-desk` starts without
// compiling TypeScript; the browser-mode server (`npm run start:web`) is built with it. Run by
// `npm ci` / `npm install` (the prepare script), by the test setup, and by bin/avg-desk.mjs and
// scripts/start-web.mjs when the sources changed since the last build.
//
// Native, WASM and worker-file packages stay external (loaded from node_modules as they are); the
// pure JavaScript ones the commands load are bundled (BUNDLED below). The commands' heavy modules
// are dynamic imports, which esbuild splits into chunks of their own: `avg-desk deadline` loads
// none of them.
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fingerprint, isFresh, ROOT, writeStamp } from './build-stamp.mjs';

export const CLI_STAMP = 'cli';
export const CLI_DIR = join(ROOT, 'out', 'cli');
/** What the built command line is made of; package.json for the Node target and the module type. */
export const CLI_INPUTS = [
  'main',
  'db',
  'shared',
  'scripts/build-cli.mjs',
  'scripts/build-stamp.mjs',
  'package.json',
  // The versions of the bundled packages.
  'package-lock.json',
  'tsconfig.base.json',
  // The holiday table below is worked out with this library.
  'node_modules/date-holidays/package.json',
];
export const CLI_OUTPUTS = ['out/cli/cli.js', 'out/cli/worker.js', 'out/cli/server.js'];

export function cliIsFresh() {
  return isFresh(CLI_STAMP, fingerprint(CLI_INPUTS), CLI_OUTPUTS);
}

/** Writes a file by renaming a private copy over it: a CLI started meanwhile sees the old or the new file, never half. */
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** The years whose Dutch holidays are worked out at build time; other years ask date-holidays itself. */
export const HOLIDAY_YEARS = { from: 2000, to: 2080 };

/**
 * date-holidays loads every country's rules, moment-timezone and astronomia (about 0.15 s, more
 * than the rest of `avg-desk deadline` together) to answer a question with a fixed answer per year.
 * In the built CLI, shared/deadlines/holidays.ts gets the same library's answers for HOLIDAY_YEARS,
 * computed here; any other year, country or method goes to the real library, loaded on first use.
 */
async function dutchHolidayTable() {
  const { default: Holidays } = await import('date-holidays');
  const nl = new Holidays('NL');
  const table = {};
  for (let year = HOLIDAY_YEARS.from; year <= HOLIDAY_YEARS.to; year++) table[year] = nl.getHolidays(year);
  return `import { createRequire } from 'node:module';
const TABLE = ${JSON.stringify(table)};
const revive = (h) => ({ ...h, start: new Date(h.start), end: new Date(h.end) });
export default class Holidays {
  #args;
  #library = null;
  constructor(...args) {
    this.#args = args;
    // Everything but getHolidays (and getHolidays for anything but the Dutch table) is the library's.
    return new Proxy(this, {
      get: (target, property) => {
        // Bound to the target: private fields are not reachable through the proxy.
        if (property in target) return typeof target[property] === 'function' ? target[property].bind(target) : target[property];
        const library = target.#real();
        const value = library[property];
        return typeof value === 'function' ? value.bind(library) : value;
      },
    });
  }
  #real() {
    return (this.#library ??= new (createRequire(import.meta.url)('date-holidays'))(...this.#args));
  }
  getHolidays(year, ...rest) {
    const rows = this.#args.length === 1 && this.#args[0] === 'NL' && rest.length === 0 ? TABLE[String(year)] : undefined;
    return rows ? rows.map(revive) : this.#real().getHolidays(year, ...rest);
  }
}
`;
}

/**
 * Pure JavaScript packages the commands load at start, bundled into the chunks: Node then reads a
 * few files instead of about a thousand (drizzle-orm and zod alone are 600 modules). Native, WASM
 * and worker-file packages (SQLCipher, argon2, PDFium, tesseract, pdf.js) and pg stay external.
 */
const BUNDLED = new Set([
  'drizzle-orm',
  'zod',
  'mrz',
  'postal-mime',
  'pdf-lib',
  '@pdf-lib/fontkit',
  'fflate',
  'jpeg-js',
  'pngjs',
  'node-forge',
  '@signpdf/signpdf',
  '@signpdf/placeholder-pdf-lib',
  '@signpdf/utils',
  '@kenjiuno/msgreader',
]);
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const externals = {
  name: 'avg-desk:externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || args.namespace === 'avg-desk') return undefined;
      // Inside a bundled package everything it imports is bundled too (its own dependencies).
      const inside = /[\\/]node_modules[\\/]/.test(args.importer);
      if (BUNDLED.has(packageOf(args.path)) || (inside && !['better-sqlite3-multiple-ciphers', 'pg'].includes(packageOf(args.path)))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const dutchHolidays = {
  name: 'avg-desk:dutch-holidays',
  setup(build) {
    build.onResolve({ filter: /^date-holidays$/ }, (args) =>
      args.importer.endsWith(join('shared', 'deadlines', 'holidays.ts')) ? { path: 'dutch-holidays', namespace: 'avg-desk' } : undefined,
    );
    build.onLoad({ filter: /^dutch-holidays$/, namespace: 'avg-desk' }, async () => ({ contents: await dutchHolidayTable(), loader: 'js', resolveDir: ROOT }));
  },
};

/** Old chunks stay a while: a CLI started before this build may still import them. */
const OLD_CHUNK_MS = 10 * 60 * 1000;

export async function buildCli() {
  const print = fingerprint(CLI_INPUTS);
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      cli: 'main/app/cli/index.ts',
      // A worker thread loads a file: the redaction engine looks for worker.js next to its own module.
      worker: 'main/redaction/worker.ts',
      server: 'main/app/start-web.ts',
    },
    outdir: CLI_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none of its own.
    banner: { js: "import { createRequire as __avgDeskCreateRequire } from 'node:module';\nconst require = __avgDeskCreateRequire(import.meta.url);" },
    // Flat, next to the entries: the sources find ../../db/local/migrations and ../../out/renderer from here.
    chunkNames: 'chunk-[hash]',
    write: false,
    logLevel: 'warning',
    plugins: [dutchHolidays, externals],
  });
  mkdirSync(CLI_DIR, { recursive: true });
  // The central migrations are read from ./migrations next to the module that runs them.
  cpSync(join(ROOT, 'db', 'central', 'migrations'), join(CLI_DIR, 'migrations'), { recursive: true });
  const chunks = result.outputFiles.filter((file) => basename(file.path).startsWith('chunk-'));
  const entries = result.outputFiles.filter((file) => !chunks.includes(file));
  // Chunks first, entries last: an entry never points at a chunk that is not there yet.
  for (const file of [...chunks, ...entries]) writeAtomically(file.path, file.contents);
  const current = new Set(result.outputFiles.map((file) => basename(file.path)));
  for (const name of readdirSync(CLI_DIR)) {
    const path = join(CLI_DIR, name);
    if (!name.endsWith('.js') || current.has(name)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > OLD_CHUNK_MS) rmSync(path, { force: true });
    } catch {
      // Removed by a build running at the same time.
    }
  }
  writeStamp(CLI_STAMP, print, CLI_OUTPUTS);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    await buildCli();
    process.stdout.write(`Opdrachtregel gebouwd in out/cli (${((Date.now() - started) / 1000).toFixed(1)} s).\n`);
  } catch (error) {
    // `npm ci --omit=dev` (no esbuild) must still install: the CLI then says itself what is missing.
    if (!(process.argv.includes('--prepare') && error?.code === 'ERR_MODULE_NOT_FOUND')) throw error;
    process.stderr.write('De opdrachtregel is niet gebouwd: esbuild ontbreekt (installatie zonder ontwikkelpakketten).\n');
  }
}
