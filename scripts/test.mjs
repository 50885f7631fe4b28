// `npm test`: system prerequisites and the build, then vitest (unit and end-to-end) with formatting, lint and the
// type-checks of the three projects beside it. The first failure ends the run with its exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function run(title, command, args, extraEnv = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`✖ ${title} mislukt (${seconds} s)\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${title} (${seconds} s)\n`);
}

/** The tests need Debian's Chromium, poppler-utils, qpdf and postgresql; install them when we can, otherwise say how. */
function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  // Independent readers of the PDFs the app writes (redaction leak checks).
  if (!existsSync('/usr/bin/pdftotext')) missing.push('poppler-utils');
  if (!existsSync('/usr/bin/qpdf')) missing.push('qpdf');
  // A real PostgreSQL server for the central database's role and row-level security tests.
  if (!existsSync('/usr/lib/postgresql')) missing.push('postgresql');
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    run(`Systeempakketten installeren: ${missing.join(' ')}`, 'bash', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`]);
    return;
  }
  process.stderr.write(`De tests hebben systeempakketten nodig die ontbreken: ${missing.join(', ')}.\nVoer uit (als root):\n  ${command}\n`);
  process.exit(1);
}

/**
 * The static checks one after another, beside the tests: each is mostly one busy process, and the tests leave part of
 * the second core idle while they wait on browsers, servers and PostgreSQL. A check's output is printed whole when it
 * ends, so it never interleaves with the tests' lines. Resolves with the first failure (its title and exit code), or
 * null; `stop()` ends the running check.
 */
function checksInTurn(steps) {
  let current = null;
  let stopped = false;
  const done = (async () => {
    for (const step of steps) {
      if (stopped) return null;
      const started = Date.now();
      const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
      current = child;
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => child.on('close', (exitCode) => resolve(exitCode ?? 1)));
      current = null;
      if (stopped) return null;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code !== 0) {
        process.stdout.write(`\n▶ ${step.title}\n${output}`);
        process.stderr.write(`✖ ${step.title} mislukt (${seconds} s)\n`);
        return { title: step.title, code };
      }
      process.stdout.write(`✔ ${step.title} (${seconds} s)\n`);
    }
    return null;
  })();
  return {
    done,
    stop() {
      stopped = true;
      current?.kill('SIGTERM');
    },
  };
}

ensureSystemPackages();
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// The tests need the build (the renderer the browser tests load); nothing else waits for anything.
run('Build (electron-vite: main, preload, renderer)', npx, ['electron-vite', 'build']);
process.stdout.write('\n▶ Vitest (unit en end-to-end), daarnaast opmaak, lint en typecheck\n');
const started = Date.now();
// Its own process group, so that a failed check ends vitest's workers, servers and browsers with it (npx alone passes
// the signal on to nobody).
const ownGroup = process.platform !== 'win32';
const tests = spawn(npx, ['vitest', 'run'], { stdio: 'inherit', detached: ownGroup, env: { ...process.env, CHROMIUM_PATH: CHROMIUM } });
const stopTests = () => (ownGroup && tests.pid ? process.kill(-tests.pid, 'SIGTERM') : tests.kill('SIGTERM'));
// Ctrl+C reaches only the foreground group: pass it on.
process.on('SIGINT', () => {
  stopTests();
  checks.stop();
  process.exit(130);
});
const testsDone = new Promise((resolve) => tests.on('close', (code) => resolve(code ?? 1)));
const checks = checksInTurn([
  { title: 'Prettier (opmaak)', command: npx, args: ['prettier', '--check', '.'] },
  { title: 'ESLint (met importgrenzen)', command: npx, args: ['eslint', '--max-warnings', '0', '.'] },
  { title: 'Typecheck shared/ (geen DOM, geen Node)', command: npx, args: ['tsc', '-p', 'tsconfig.shared.json'] },
  { title: 'Typecheck main/, db/, test/ (Node en Electron)', command: npx, args: ['tsc', '-p', 'tsconfig.node.json'] },
  { title: 'Typecheck renderer/ (DOM, geen Node)', command: npx, args: ['tsc', '-p', 'tsconfig.web.json'] },
]);
// A failed check ends the run at once, as a failed test run ends the checks.
const failedCheck = checks.done.then((failure) => {
  if (failure) stopTests();
  return failure;
});
const testsCode = await testsDone;
if (testsCode !== 0) {
  checks.stop();
  const failure = await failedCheck;
  if (!failure) process.stderr.write(`✖ Vitest (unit en end-to-end) mislukt (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  process.exit(failure?.code ?? testsCode);
}
const failure = await failedCheck;
if (failure) process.exit(failure.code);
process.stdout.write(`✔ Vitest en de controles (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
