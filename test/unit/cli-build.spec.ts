import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/app/cli/run.js';
import { fingerprint, isFresh, ROOT, writeStamp } from '../../scripts/build-stamp.mjs';
import { HOLIDAY_YEARS } from '../../scripts/build-cli.mjs';
import { computeDeadline } from '../../shared/deadlines/deadlines.js';
import { addDays } from '../../shared/deadlines/dates.js';
import { dutchPublicHolidays } from '../../shared/deadlines/holidays.js';
import { ADMIN, tempDir } from '../support/basics.js';
import { createTestDatabase } from '../support/postgres.js';

/**
 * The installed command line (bin/avg-desk.mjs) runs the JavaScript built ahead in out/cli. These
 * tests run that bin as a user would and watch which modules it loads, through a module-resolution
 * hook that logs every resolved URL to a file.
 */
let hookDir = '';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

beforeAll(() => {
  hookDir = mkdtempSync(join(tmpdir(), 'avg-cli-hook-'));
  writeFileSync(
    join(hookDir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.AVG_DESK_TEST_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}\n`,
  );
  writeFileSync(join(hookDir, 'register.mjs'), `import { register } from 'node:module';\nregister(new URL('./hooks.mjs', import.meta.url));\n`);
});
afterAll(() => rmSync(hookDir, { recursive: true, force: true }));

let runs = 0;
/** Runs the installed bin; `modules` are the URLs it resolved (itself included). */
function bin(args: string[], env: Record<string, string> = {}, input?: string): SpawnSyncReturns<string> & { modules: string[] } {
  const log = join(hookDir, `modules-${++runs}.log`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(hookDir, 'register.mjs')).href, 'bin/avg-desk.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, AVG_DESK_TEST_MODULE_LOG: log },
    ...(input === undefined ? {} : { input }),
  });
  return { ...result, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

/** Modules a command that opens no store, PDF or database must not load. */
const HEAVY = [
  'pg',
  'pdf-lib',
  '@embedpdf/pdfium',
  '@hyzyla/pdfium',
  'better-sqlite3-multiple-ciphers',
  '@node-rs/argon2',
  'tesseract.js',
  'pdfjs-dist',
  'drizzle-orm',
  'fflate',
  'zod',
];
const fromPackage = (modules: string[], name: string) => modules.filter((url) => url.includes(`/node_modules/${name}/`));

describe('the built command line', () => {
  it('answers deadline and --help from plain JavaScript, without tsx, the store, PDF or database modules', () => {
    const deadline = bin(['deadline', '--type', 'klacht', '--received', '2026-11-25']);
    expect(deadline.stderr).toBe('');
    expect(deadline.stdout).toBe('2027-01-06\n');
    expect(deadline.status).toBe(0);
    const help = bin(['--help']);
    expect(help.stdout).toMatch(/^Gebruik: avg-desk/u);
    for (const run of [deadline, help]) {
      expect(run.modules.some((url) => url.endsWith('/out/cli/cli.js'))).toBe(true);
      expect(run.modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
      expect(fromPackage(run.modules, 'tsx')).toEqual([]);
      for (const name of HEAVY) expect(fromPackage(run.modules, name)).toEqual([]);
    }
    // --help does not even need the holiday calendar.
    expect(help.modules.filter((url) => /date-holidays|moment/u.test(url))).toEqual([]);
  });

  it('runs a store command without tsx, opening the store it needs', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    expect(
      await runCli(['--data', t.dir, 'init', '--admin', 'beheer', '--name', ADMIN.fullName], {
        env: { AVG_DESK_PASSWORD: ADMIN.password },
        out: () => {},
        err: () => {},
      }),
    ).toBe(0);
    const list = bin(['--data', t.dir, 'staff', 'list'], { AVG_DESK_USER: 'beheer', AVG_DESK_PASSWORD: ADMIN.password });
    expect(list.stderr).toBe('');
    expect(list.stdout).toMatch(/^beheer\t/u);
    expect(list.status).toBe(0);
    expect(fromPackage(list.modules, 'better-sqlite3-multiple-ciphers').length).toBeGreaterThan(0);
    expect(fromPackage(list.modules, 'tsx')).toEqual([]);
    expect(list.modules.filter((url) => url.endsWith('.ts'))).toEqual([]);
  });

  it('redacts through its worker thread, built next to it', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([595, 842]).drawText('Melding van buurman Joris Verbeek over geluid.', { x: 50, y: 780, size: 11, font });
    writeFileSync(join(t.dir, 'in.pdf'), await pdf.save());
    const out = join(t.dir, 'uit.pdf');
    writeFileSync(join(t.dir, 'personen.json'), JSON.stringify({ persons: [{ name: 'Joris Verbeek' }] }));
    const run = bin(['redact', join(t.dir, 'in.pdf'), '--input', join(t.dir, 'personen.json'), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = execFileSync('pdftotext', [out, '-']).toString('utf8');
    expect(text).toContain('Melding van buurman');
    expect(text).not.toMatch(/Joris|Verbeek/u);
  });

  it('migrates the central database from the build (the migrations travel with it)', async () => {
    const db = await createTestDatabase('clibuild');
    try {
      const run = bin(['central', 'migrate', '--central', db.url]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(fromPackage(run.modules, 'pg').length).toBeGreaterThan(0);
    } finally {
      await db.drop();
    }
  });

  it('gives the same deadlines as the sources on Dutch holidays, inside and outside the years worked out at build time', () => {
    // A complaint's six weeks ending exactly on a holiday: the due date moves on to the next working day.
    const years = [HOLIDAY_YEARS.from, 2026, 2031, HOLIDAY_YEARS.to, HOLIDAY_YEARS.to + 1, 2150];
    for (const year of years) {
      const holidays = [...dutchPublicHolidays(year).keys()].filter((day) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()));
      for (const holiday of holidays.slice(1, 3)) {
        const received = addDays(holiday, -42);
        const expected = computeDeadline({ type: 'klacht', received }).due;
        expect(expected).not.toBe(holiday);
        const run = bin(['deadline', '--type', 'klacht', '--received', received]);
        expect({ received, due: run.stdout.trim() }).toEqual({ received, due: expected });
      }
    }
  });

  it('is built again, with a notice in Dutch, when its sources changed since the last build', () => {
    const project = mkdtempSync(join(tmpdir(), 'avg-cli-stale-'));
    cleanups.push(() => rmSync(project, { recursive: true, force: true }));
    for (const part of ['bin', 'main', 'db', 'shared', 'scripts', 'package.json', 'tsconfig.base.json'])
      cpSync(join(ROOT, part), join(project, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
    const help = () => spawnSync(process.execPath, [join(project, 'bin', 'avg-desk.mjs'), '--help'], { encoding: 'utf8' });
    const first = help();
    expect(first.stderr).toBe('De opdrachtregel wordt opnieuw gebouwd (de bronbestanden zijn gewijzigd)…\n');
    expect(first.stdout).toMatch(/^Gebruik: avg-desk/u);
    expect(help().stderr).toBe('');
    const run = join(project, 'main', 'app', 'cli', 'run.ts');
    writeFileSync(run, readFileSync(run, 'utf8').replace('Gebruik: avg-desk', 'Gebruik (nieuw): avg-desk'));
    const edited = help();
    expect(edited.stderr).toMatch(/opnieuw gebouwd/u);
    expect(edited.stdout).toMatch(/^Gebruik \(nieuw\): avg-desk/u);
  });
});

describe('build stamps', () => {
  it('are fresh only for the same files, sizes and times, with the outputs untouched', () => {
    const root = mkdtempSync(join(tmpdir(), 'avg-stamp-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'src'));
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'out', 'a.js'), 'export const a = 1;\n');
    const before = fingerprint(['src'], root);
    expect(isFresh('t', before, ['out/a.js'], root)).toBe(false);
    writeStamp('t', before, ['out/a.js'], root);
    expect(isFresh('t', fingerprint(['src'], root), ['out/a.js'], root)).toBe(true);
    // A source touched (an editor saving, a git checkout): stale, even with the same content.
    utimesSync(join(root, 'src', 'a.ts'), new Date(), new Date(Date.now() + 5000));
    expect(isFresh('t', fingerprint(['src'], root), ['out/a.js'], root)).toBe(false);
    writeStamp('t', fingerprint(['src'], root), ['out/a.js'], root);
    // A new file, and a removed one.
    writeFileSync(join(root, 'src', 'b.ts'), '');
    expect(isFresh('t', fingerprint(['src'], root), ['out/a.js'], root)).toBe(false);
    rmSync(join(root, 'src', 'b.ts'));
    expect(isFresh('t', fingerprint(['src'], root), ['out/a.js'], root)).toBe(true);
    // Another build overwrote the output.
    utimesSync(join(root, 'out', 'a.js'), new Date(), new Date(Date.now() + 5000));
    expect(isFresh('t', fingerprint(['src'], root), ['out/a.js'], root)).toBe(false);
    // A missing input counts too.
    expect(fingerprint(['src', 'gone'], root)).not.toBe(fingerprint(['src'], root));
  });
});
