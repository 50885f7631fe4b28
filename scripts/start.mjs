// `npm start`: the desktop app when this machine has the Electron binary, otherwise browser mode.
//
// The binary is looked up the way node_modules/electron/index.js does it (path.txt, or
// ELECTRON_OVERRIDE_DIST_PATH), but without requiring that file: the electron package fetches its
// binary lazily, so requiring it where the binary is missing starts a download, which hangs or fails
// on a machine without network access.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleBuild } from './app-builds.mjs';

function electronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(packageDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = override ? join(override, relative || 'electron') : relative ? join(packageDir, 'dist', relative) : null;
    return binary && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const POSIX = process.platform !== 'win32';

/**
 * Runs a command with inherited stdio; resolves with its exit, forwarding our signals to it meanwhile.
 * On POSIX the child leads its own process group and a signal goes to the whole group: npm runs
 * scripts through a shell that does not pass a SIGTERM on, which would leave the server running.
 */
function run([command, args], env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, detached: POSIX, shell: !POSIX && command.endsWith('.cmd') });
    const forward = (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (POSIX && child.pid !== undefined) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // Already gone.
      }
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const done = (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve({ code, signal });
    };
    child.on('exit', done);
    child.on('error', () => done(1, null));
  });
}

/** Ends this process the way the child ended: same exit code, or the same signal. */
function exitLike({ code, signal }) {
  if (signal) {
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
}

const binary = electronBinary();
if (binary) {
  // Built only when the sources changed since the last build: a second start opens at once.
  const stale = staleBuild('electron');
  const built = stale ? await run(stale.command) : { code: 0, signal: null };
  if (built.signal || built.code !== 0) exitLike(built);
  else {
    stale?.done();
    // With ELECTRON_RUN_AS_NODE set, the binary would run as plain Node instead of starting the app.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    exitLike(await run([binary, ['.']], env));
  }
} else {
  console.log('Electron is op deze machine niet beschikbaar; AVG Desk start in browsermodus.');
  exitLike(await run([process.execPath, [fileURLToPath(new URL('./start-web.mjs', import.meta.url))]]));
}
