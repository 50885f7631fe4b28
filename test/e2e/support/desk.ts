import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type TestPage } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export interface Desk<T> {
  server: RunningServer;
  browser: Browser;
  tab: TestPage;
  page: Page;
  /** What `seed` returned (the staff it made, say). */
  seeded: T;
  close(): Promise<void>;
}

/**
 * What most browser tests start with: the server in a fresh data folder, seeded through the API
 * by `seed`, and a Dutch laptop-sized page on its start screen. `close` stops both; a failure
 * halfway stops what was started.
 */
export async function openDesk<T>(seed: (url: string) => Promise<T>, options: Parameters<typeof startServer>[0] = {}): Promise<Desk<T>> {
  const server = await startServer(options);
  let browser: Browser | null = null;
  try {
    const seeded = await seed(server.url);
    browser = await launchBrowser();
    const tab = await openPage(browser);
    await tab.page.goto(server.url);
    const opened = browser;
    return {
      server,
      browser: opened,
      tab,
      page: tab.page,
      seeded,
      close: async () => {
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}
