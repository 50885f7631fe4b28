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
          // Unit tests first, then the browser: together they starve Chromium on two cores.
          sequence: { groupOrder: 0 },
          environment: 'node',
          // Two files at a time, and a worker keeps what it loaded (PDFium, SQLCipher, pg, pdf-lib …) for its next
          // file instead of loading it again for each of the 100 files. No unit test mocks a module.
          maxWorkers: 2,
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
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A file spends most of its time waiting on the browser or the server, each busy a third of
          // a core: two files at once keep both cores busy without starving either.
          maxWorkers: 2,
          // Checks that poll the screen wait for the app as long as a locator does (page.setDefaultTimeout),
          // not vitest's one second, which a busy machine overruns.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
