// `npm test`: system prerequisites, formatting, lint, type-check (three projects), build, then vitest (unit and
// end-to-end). Stops at the first failing step with its exit code.
import { spawnSync } from 'node:child_process';
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

ensureSystemPackages();
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run('Prettier (opmaak)', npx, ['prettier', '--check', '.']);
run('ESLint (met importgrenzen)', npx, ['eslint', '--max-warnings', '0', '.']);
run('Typecheck shared/ (geen DOM, geen Node)', npx, ['tsc', '-p', 'tsconfig.shared.json']);
run('Typecheck main/, db/, test/ (Node en Electron)', npx, ['tsc', '-p', 'tsconfig.node.json']);
run('Typecheck renderer/ (DOM, geen Node)', npx, ['tsc', '-p', 'tsconfig.web.json']);
run('Build (electron-vite: main, preload, renderer)', npx, ['electron-vite', 'build']);
run('Vitest (unit en end-to-end)', npx, ['vitest', 'run'], { CHROMIUM_PATH: CHROMIUM });
