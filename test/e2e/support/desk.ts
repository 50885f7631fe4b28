import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type TestPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { signIn, type Person } from './ui.js';

export interface Desk<T> {
  server: RunningServer;
  browser: Browser;
  tab: TestPage;
  page: Page;
  /** What `seed` returned (the staff it made, say). */
  seeded: T;
  close(): Promise<void>;
}

export interface DeskOptions extends NonNullable<Parameters<typeof startServer>[0]> {
  /** Leave the page blank, for a test that first prepares the page itself (a fake clock, say). */
  blank?: boolean;
  /** Signed in through the form after seeding, on this screen. */
  signIn?: { person: Person; screen: string };
}

/**
 * What most browser tests start with: the server in a fresh data folder, seeded through the API
 * by `seed`, and a Dutch laptop-sized page on its start screen. `close` stops both; a failure
 * halfway stops what was started.
 */
export async function openDesk<T>(seed: (url: string) => Promise<T>, options: DeskOptions = {}): Promise<Desk<T>> {
  const { blank = false, signIn: who, ...serverOptions } = options;
  // The browser starts while the server starts and is seeded: neither waits for the other.
  const launching = launchBrowser();
  let server: RunningServer | null = null;
  try {
    server = await startServer(serverOptions);
    const [seeded, browser] = await Promise.all([seed(server.url), launching]);
    const tab = await openPage(browser);
    if (!blank) await tab.page.goto(server.url);
    if (who) await signIn(tab.page, who.person, who.screen);
    const started = server;
    return {
      server,
      browser,
      tab,
      page: tab.page,
      seeded,
      close: async () => {
        await browser.close();
        await started.stop();
      },
    };
  } catch (error) {
    await launching.then(
      (browser) => browser.close(),
      () => undefined,
    );
    await server?.stop();
    throw error;
  }
}
