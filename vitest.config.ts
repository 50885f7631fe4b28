import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.spec.ts'],
          // One throwaway PostgreSQL cluster for the run (central database tests): AVG_DESK_TEST_PG_URL.
          // The command line built ahead, for the tests that run bin/avg-desk.mjs.
          globalSetup: ['./test/support/postgres.ts', './test/support/cli-build.ts'],
          // Unit and browser files share one pool of three workers (vitest wants the same maxWorkers in a group): a browser
          // file waits on Chromium and its server most of the time, a unit file on PostgreSQL, child processes or the
          // disk, so three keep both cores busy. Four starved the browser tests here; two left a core idle a third of the time.
          sequence: { groupOrder: 0 },
          environment: 'node',
          maxWorkers: 3,
          // A worker keeps what it loaded (PDFium, SQLCipher, pg, pdf-lib …) for its next file instead of loading it again
          // for each of the hundred files. No unit test mocks a module.
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          // The test server's entry bundled once for the run (test/e2e/support/server-build.ts).
          globalSetup: ['./test/e2e/support/server-build.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 3,
          // Checks that poll the screen wait for the app as long as a locator does (page.setDefaultTimeout),
          // not vitest's one second, which a busy machine overruns.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
