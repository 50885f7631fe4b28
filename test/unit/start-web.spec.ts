import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/build-stamp.mjs';

/**
 * `npm run start:web` as a developer runs it, twice and after an edit, in a copy of the project
 * whose renderer is one small page (so building it takes a second, not a minute).
 */
let project = '';
let dataDir = '';

const page = (marker: string) =>
  `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>AVG Desk</title><script type="module" src="./main.js"></script></head><body>${marker}</body></html>\n`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'avg-start-web-'));
  dataDir = mkdtempSync(join(tmpdir(), 'avg-start-web-data-'));
  for (const part of ['main', 'db', 'shared', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.web.json'])
    cpSync(join(ROOT, part), join(project, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  mkdirSync(join(project, 'renderer'));
  writeFileSync(join(project, 'renderer', 'index.html'), page('eerste versie'));
  writeFileSync(join(project, 'renderer', 'main.js'), 'document.body.dataset.ready = "ja";\n');
  writeFileSync(
    join(project, 'vite.renderer.config.ts'),
    "export default { root: 'renderer', base: './', logLevel: 'warn', build: { outDir: '../out/renderer', emptyOutDir: true } };\n",
  );
});
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs `npm run start:web` until the server answers; returns what it printed, the page and the API's answer. */
async function startWeb(): Promise<{ stdout: string; page: string; api: unknown }> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['run', 'start:web'], {
    cwd: project,
    env: { ...process.env, PORT: '0', AVG_DESK_DATA: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`start:web answered not within 60 s.\n${stdout}\n${stderr}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = /draait op (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`start:web stopped (${code}).\n${stdout}\n${stderr}`)));
    });
    const html = await (await fetch(url)).text();
    const api = await (await fetch(`${url}api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    return { stdout, page: html, api };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const mtime = (path: string) => statSync(join(project, path), { throwIfNoEntry: false })?.mtimeMs ?? null;

describe('npm run start:web', () => {
  it('builds on the first start, serves what is built on the second, and builds again after an edit', async () => {
    const first = await startWeb();
    expect(first.page).toContain('eerste versie');
    expect(first.api).toMatchObject({ ok: true });
    const built = { renderer: mtime('out/renderer/index.html'), server: mtime('out/cli/server.js') };

    const second = await startWeb();
    expect(second.stdout).toContain('De gebouwde app is actueel; er wordt niet opnieuw gebouwd.');
    expect(second.page).toContain('eerste versie');
    expect(second.api).toMatchObject({ ok: true });
    expect({ renderer: mtime('out/renderer/index.html'), server: mtime('out/cli/server.js') }).toEqual(built);

    writeFileSync(join(project, 'renderer', 'index.html'), page('tweede versie'));
    const edited = await startWeb();
    expect(edited.stdout).not.toContain('actueel');
    expect(edited.page).toContain('tweede versie');
    expect(mtime('out/cli/server.js')).toBe(built.server);
  }, 180_000);
});
