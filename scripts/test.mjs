// `npm test`: system prerequisites, then formatting, lint, type-check (three projects) and build side by side, then
// vitest (unit and end-to-end). Stops at the first failing step with its exit code.
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
 * The checks that do not depend on each other, two at a time (the machines have two cores; each check is mostly one
 * busy process). Each one's output is printed whole when it ends, so parallel output never interleaves. The first
 * failure stops the rest and ends `npm test` with its exit code.
 */
async function runSideBySide(steps, atOnce = 2) {
  const queue = [...steps];
  const running = new Set();
  let failure = null;
  const startNext = () => {
    const step = queue.shift();
    if (!step) return null;
    const started = Date.now();
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    running.add(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    return new Promise((resolve) => {
      child.on('close', (code, signal) => {
        running.delete(child);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (failure) return resolve();
        if (code !== 0) {
          failure = { title: step.title, code: code ?? 1 };
          process.stdout.write(`\n▶ ${step.title}\n${output}`);
          process.stderr.write(`✖ ${step.title} mislukt (${seconds} s${signal ? `, ${signal}` : ''})\n`);
          for (const other of running) other.kill('SIGTERM');
          return resolve();
        }
        process.stdout.write(`✔ ${step.title} (${seconds} s)\n`);
        resolve(startNext());
      });
    });
  };
  process.stdout.write(`\n▶ Opmaak, lint, typecheck en build (${atOnce} tegelijk)\n`);
  await Promise.all(Array.from({ length: atOnce }, () => startNext()));
  if (failure) process.exit(failure.code);
}

ensureSystemPackages();
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Longest first, so the two lanes end close together.
await runSideBySide([
  { title: 'Typecheck main/, db/, test/ (Node en Electron)', command: npx, args: ['tsc', '-p', 'tsconfig.node.json'] },
  { title: 'Typecheck renderer/ (DOM, geen Node)', command: npx, args: ['tsc', '-p', 'tsconfig.web.json'] },
  { title: 'Prettier (opmaak)', command: npx, args: ['prettier', '--check', '.'] },
  { title: 'ESLint (met importgrenzen)', command: npx, args: ['eslint', '--max-warnings', '0', '.'] },
  { title: 'Typecheck shared/ (geen DOM, geen Node)', command: npx, args: ['tsc', '-p', 'tsconfig.shared.json'] },
  { title: 'Build (electron-vite: main, preload, renderer)', command: npx, args: ['electron-vite', 'build'] },
]);
run('Vitest (unit en end-to-end)', npx, ['vitest', 'run'], { CHROMIUM_PATH: CHROMIUM });
