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
          // Unit files first, two at a time; then the browser files, two at a time. One shared pool of three (both
          // together) was a minute faster but twice in four clean-clone runs a click in a browser test opened no dialog.
          sequence: { groupOrder: 0 },
          environment: 'node',
          maxWorkers: 2,
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
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          // Checks that poll the screen wait for the app as long as a locator does (page.setDefaultTimeout),
          // not vitest's one second, which a busy machine overruns.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
