import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { REPO_ROOT } from './server.js';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test', 'e2e', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, including Content Security Policy violations. */
  problems: string[];
}

/** A Dutch desktop in Amsterdam, the size of a laptop screen. */
export async function openPage(browser: Browser): Promise<TestPage> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Fail within a test's time when something is missing, with the locator in the message.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

/**
 * A full-page screenshot in test/e2e/screenshots/<name>.png, for people to look at. The shell
 * scrolls inside <main>, which a full-page screenshot does not unfold: the window is made as tall
 * as the content for the picture, then set back.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize();
  const hidden = await page.evaluate(() => {
    const main = (
      globalThis as unknown as { document: { querySelector(s: string): { scrollHeight: number; clientHeight: number } | null } }
    ).document.querySelector('main');
    return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
  });
  if (viewport && hidden > 0) await page.setViewportSize({ width: viewport.width, height: viewport.height + hidden });
  try {
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  } finally {
    if (viewport && hidden > 0) await page.setViewportSize(viewport);
  }
}

/**
 * Fluent UI's focus manager (Tabster) places focusable, aria-hidden sentinels (`data-tabster-dummy`)
 * around focus groups and modals; they pass focus on at once and are hidden from screen readers on
 * purpose. axe reports them as aria-hidden-focus, a known false positive that Accessibility Insights
 * suppresses too (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Only those
 * nodes are dropped; any other aria-hidden-focus node still fails.
 */
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function isTabsterSentinel(node: Result['nodes'][number]): boolean {
  // The flagged element itself must be the sentinel, not merely contain one.
  return /^<i [^>]*data-tabster-dummy/u.test(node.html);
}

function withoutTabsterSentinels(violation: Result): Result | null {
  if (violation.id !== 'aria-hidden-focus') return violation;
  const nodes = violation.nodes.filter((node) => !isTabsterSentinel(node));
  return nodes.length > 0 ? { ...violation, nodes } : null;
}

/**
 * Colours are measured at rest: a toast that is still fading in has a contrast of 1.5 for a few hundred
 * milliseconds, which no reader sees. Short running animations (entrances, collapses) are awaited; long
 * ones such as a toast's own timer are not, so the check never waits for a toast to leave.
 */
async function settleShortAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Runs in the page; this project has no DOM types.
    interface PageAnimation {
      playState: string;
      effect: { getComputedTiming(): { endTime?: number | string } } | null;
      finished: Promise<unknown>;
    }
    const { document } = globalThis as unknown as { document: { getAnimations(): PageAnimation[] } };
    const short = document.getAnimations().filter((animation) => {
      const end = animation.effect?.getComputedTiming().endTime;
      return animation.playState === 'running' && typeof end === 'number' && end <= 1000;
    });
    await Promise.all(short.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/**
 * The app loads nothing from another origin (its CSP), so axe.run in the page (legacy mode, which
 * leaves out only cross-origin frames) sees what runPartial and finishRun see, without the blank
 * page and second copy of axe-core that finishRun opens for every check. axe-core stays in the
 * page between checks: it is loaded again only after a reload.
 */
async function axeFor(page: Page): Promise<AxeBuilder> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: { run?: unknown } }).axe?.run === 'function');
  return new AxeBuilder(loaded ? { page, axeSource: ';' } : { page }).setLegacyMode();
}

/** axe-core on the page as it is now: no serious or critical violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await settleShortAnimations(page);
  const results = await (await axeFor(page)).analyze();
  const severe = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(withoutTabsterSentinels)
    .filter((v): v is Result => v !== null);
  const report = severe
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  if (severe.length > 0) console.error(`Accessibility violations on ${screen}:\n${report}`);
  expect(severe, `accessibility violations on ${screen}:\n${report}`).toEqual([]);
}

/** Screenshot and accessibility check of one screen, once it has settled. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // A modal dialog hides the app (aria-hidden on #root); after it closes, Fluent's focus manager
  // lifts that a moment later. Without a dialog, wait for that rather than check a half-closed state.
  if ((await page.getByRole('dialog').count()) === 0) await page.locator('#root:not([aria-hidden="true"])').waitFor();
  await screenshot(page, name);
  await expectAccessible(page, name);
}
