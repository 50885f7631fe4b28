#!/usr/bin/env node
// The command line runs the JavaScript built ahead in out/cli (scripts/build-cli.mjs, run by
// `npm ci`). When the sources changed since that build, it builds again first: running an old
// build after an edit would silently run code that is no longer there.
import { buildCli, cliIsFresh } from '../scripts/build-cli.mjs';

if (!cliIsFresh()) {
  process.stderr.write('De opdrachtregel wordt opnieuw gebouwd (de bronbestanden zijn gewijzigd)…\n');
  try {
    await buildCli();
  } catch (error) {
    const missing = error?.code === 'ERR_MODULE_NOT_FOUND';
    process.stderr.write(
      missing
        ? 'De opdrachtregel kan niet worden gebouwd: esbuild ontbreekt. Voer `npm ci` uit in de map van AVG Desk.\n'
        : `De opdrachtregel kan niet worden gebouwd: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
await import('../out/cli/cli.js');
