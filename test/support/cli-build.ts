/**
 * vitest globalSetup: the command line built (out/cli) before any test runs it as `bin/avg-desk.mjs`.
 * The bin would rebuild a stale build itself, but then every test file starting at once would build
 * it in parallel, and each would print the rebuild notice on stderr.
 */
import { buildCli, cliIsFresh } from '../../scripts/build-cli.mjs';

export async function setup(): Promise<void> {
  if (!cliIsFresh()) await buildCli();
}
