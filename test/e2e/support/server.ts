import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const URL_PATTERN = /draait op (http:\/\/127\.0\.0\.1:\d+\/)/u;

/**
 * Browser mode as a user starts it: the real server, the real encrypted store, in a fresh data
 * folder that is removed afterwards (`shippedEntry`: `npm run start:web`'s own entry, else the tests' one). Needs the built renderer (npx vite build --config vite.renderer.config.ts).
 */
export async function startServer(options: { env?: Record<string, string>; dataDir?: string; shippedEntry?: boolean } = {}): Promise<RunningServer> {
  if (!existsSync(join(REPO_ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('out/renderer is missing: build the renderer first (npx vite build --config vite.renderer.config.ts).');
  }
  // A given data folder is the caller's: it survives a restart (a later clock on the same data) and the caller removes it.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'avg-desk-e2e-'));
  const owned = options.dataDir === undefined ? dataDir : null;
  // The shipped entry pays argon2id's production cost on every sign-in; the tests' own entry does not,
  // and comes bundled by the e2e project's globalSetup (server-build.ts) when vitest runs it.
  const bundled = options.shippedEntry ? '' : bundledEntry();
  const args = bundled ? [bundled] : ['--import', 'tsx', options.shippedEntry ? 'main/app/start-web.ts' : 'test/e2e/support/server-entry.ts'];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, AVG_DESK_DATA: dataDir, PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`The server did not start within 30 s.\n${stdout}\n${stderr}`)), 30_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = URL_PATTERN.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The server stopped (exit code ${code}).\n${stdout}\n${stderr}`));
      });
    });
    return { url, dataDir, stop: () => stop(child, owned) };
  } catch (error) {
    await stop(child, owned);
    throw error;
  }
}

function bundledEntry(): string {
  try {
    return inject('avgDeskE2eServer');
  } catch {
    return '';
  }
}

async function stop(child: ChildProcess, dataDir: string | null): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
