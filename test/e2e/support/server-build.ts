import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The e2e server entry bundled for this run (empty: start it through tsx). */
    avgDeskE2eServer: string;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let built = '';

/**
 * vitest globalSetup of the e2e project: the test server entry (server-entry.ts) bundled once, so
 * each of the files that start a server pays node and the packages, not a TypeScript compile of
 * the whole backend. Two levels below the repository, like out/cli: the sources' relative paths
 * (db/local/migrations, out/renderer) resolve from there, and the redaction worker lies next to it.
 */
export async function setup(project: TestProject): Promise<void> {
  const { build } = await import('esbuild');
  mkdirSync(join(REPO_ROOT, 'out'), { recursive: true });
  built = mkdtempSync(join(REPO_ROOT, 'out', 'e2e-server-'));
  await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { server: 'test/e2e/support/server-entry.ts', worker: 'main/redaction/worker.ts' },
    outdir: built,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'silent',
  });
  // The central migrations are read from ./migrations next to the module that runs them.
  cpSync(join(REPO_ROOT, 'db', 'central', 'migrations'), join(built, 'migrations'), { recursive: true });
  project.provide('avgDeskE2eServer', join(built, 'server.js'));
}

export function teardown(): void {
  if (built) rmSync(built, { recursive: true, force: true });
  built = '';
}
