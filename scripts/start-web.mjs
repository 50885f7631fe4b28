// `npm run start:web`: browser mode. Builds the renderer and the server (JavaScript, in out/cli) only
// when their sources changed since the last build, then runs the server in this process.
import { ensureBuilt } from './app-builds.mjs';
import { buildCli, cliIsFresh } from './build-cli.mjs';

const status = ensureBuilt('web');
if (status !== 0) process.exit(status);
if (!cliIsFresh()) await buildCli();
await import('../out/cli/server.js');
