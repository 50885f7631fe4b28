import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/app-builds.mjs';
import { buildCli, CLI_DIR, cliIsFresh } from '../../scripts/build-cli.mjs';
import { openStoreAs } from '../support/store.js';
import { measure, type Figure } from './lib.js';
import { SEED_DPO, SEED_PASSWORD, seedCaseStore } from './queue.bench.js';

/** Browser mode as `npm run start:web` runs it (the built server and renderer) on the seeded store; resolves with its URL. */
async function startServer(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(CLI_DIR, 'server.js')], {
    env: { ...process.env, AVG_DESK_DATA: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const found = /draait op (http:\/\/127\.0\.0\.1:\d+\/)/u.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`the server stopped (${String(code)}): ${out}`)));
  });
  return { url, stop };
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Werkvoorraad' });
const escape = (s: unknown) => String(s ?? '').replace(/[&<>"]/gu, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The 10,000-case queue's first render in headless Chromium (Debian's, through playwright-core):
 * signed in as the dpo, from the menu click until the grid shows its first row, each time a fresh
 * mount and a fresh `case.queue` call. Reference: the same Chromium rendering the same open cases
 * as a plain HTML table, until its first row shows.
 */
export async function queueRenderBenchmark(runs = 7, caseCount = 10_000): Promise<Figure[]> {
  if (ensureBuilt('web') !== 0) throw new Error('the renderer did not build');
  if (!cliIsFresh()) await buildCli();
  const { dir } = await seedCaseStore(caseCount);
  const raw = await openStoreAs(dir, 'beheer', SEED_PASSWORD);
  const rows = raw.sqlite
    .prepare(
      `SELECT c.reference, c.requester_name, c.type, c.status, c.due_on, s.full_name FROM cases c LEFT JOIN staff s ON s.id = c.handler_id
        WHERE c.status NOT IN ('afgesloten','ingetrokken','niet_ontvankelijk','kennelijk_ongegrond') ORDER BY c.due_on`,
    )
    .raw()
    .all() as unknown[][];
  raw.close();
  const table = `<!doctype html><html lang="nl"><body><table aria-label="Werkvoorraad"><thead><tr><th>Kenmerk</th><th>Verzoeker</th><th>Soort</th><th>Status</th><th>Termijn</th><th>Behandelaar</th></tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v) => `<td>${escape(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></body></html>`;

  const server = await startServer(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await (await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } })).newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(server.url);
    await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(SEED_DPO);
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(SEED_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('button', { name: 'Werkvoorraad' }).waitFor();
    const times: number[] = [];
    const firstRow = grid(page).getByRole('row').nth(1);
    try {
      await menu.getByRole('button', { name: 'Werkvoorraad' }).click();
      await firstRow.waitFor();
    } catch (error) {
      // A queue that never shows is the figure: the row says so instead of losing the whole table.
      return [
        {
          work: 'queue: first render in Chromium (dpo, all open)',
          size: `${caseCount.toLocaleString('en')} cases`,
          note: `no first row within 60 s: ${error instanceof Error ? error.name : 'failed'}`,
        },
      ];
    }
    for (let i = 0; i <= runs; i++) {
      await menu.getByRole('button', { name: 'Mijn account' }).click();
      await grid(page).waitFor({ state: 'detached' });
      const started = performance.now();
      await menu.getByRole('button', { name: 'Werkvoorraad' }).click();
      await grid(page).getByRole('row').nth(1).waitFor();
      // The first is a warm-up: the renderer's code for the queue loads once.
      if (i > 0) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const render = { p50: times[Math.floor(times.length / 2)] ?? 0, p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0 };
    const plain = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const floor = await measure(
      async () => {
        await plain.setContent(table, { waitUntil: 'commit' });
        await plain.getByRole('row').nth(1).waitFor();
      },
      runs,
      1,
    );
    return [
      {
        work: 'queue: first render in Chromium (dpo, all open)',
        size: `${caseCount.toLocaleString('en')} cases, ${rows.length.toLocaleString('en')} open rows`,
        ...render,
        reference: { what: 'Chromium: the same rows as a static table', ...floor },
        note: `target < 1 s (${render.p50 < 1000 ? 'met' : 'NOT met'}); menu click to first row`,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
