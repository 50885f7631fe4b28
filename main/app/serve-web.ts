import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createBackend } from './backend.js';
import type { KdfCost } from '../platform/keyring.js';
import { clockFrom } from '../platform/clock.js';
import { fileLogger, LOG_LEVELS, type LogLevel } from '../platform/log.js';
import { defaultDataDir } from '../platform/paths.js';
import { startWebServer } from './http.js';

/**
 * Browser mode on 127.0.0.1, port from PORT (default 5170). Only a caller in code chooses argon2id's
 * cost: start.ts (what `npm run start:web` runs) leaves the production cost, the e2e support passes a cheap one.
 */
export async function serveBrowserMode(options: { kdfCost?: KdfCost }): Promise<void> {
  const port = Number(process.env.PORT ?? 5170);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PORT moet een poortnummer zijn (0-65535), niet "${process.env.PORT}".\n`);
    process.exit(2);
  }
  const dataDir = defaultDataDir();
  const level = (LOG_LEVELS as readonly string[]).includes(process.env.AVG_DESK_LOG_LEVEL ?? '') ? (process.env.AVG_DESK_LOG_LEVEL as LogLevel) : 'info';
  const logger = fileLogger({ dir: join(dataDir, 'logs'), level });
  // Tests only (browser-mode e2e): AVG_DESK_TEST_CLOCK=2027-06-01T09:00:00Z starts the backend's clock at that instant.
  const testClock = process.env.AVG_DESK_TEST_CLOCK ? new Date(process.env.AVG_DESK_TEST_CLOCK) : null;
  if (testClock && Number.isNaN(testClock.getTime())) {
    process.stderr.write(`AVG_DESK_TEST_CLOCK moet een tijdstip zijn (2027-06-01T09:00:00Z), niet "${process.env.AVG_DESK_TEST_CLOCK}".\n`);
    process.exit(2);
  }
  const backend = createBackend({
    dataDir,
    logger,
    warmRedaction: true,
    ...(testClock ? { clock: clockFrom(testClock) } : {}),
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
  });
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  try {
    const web = await startWebServer({ backend, staticDir, port });
    process.stdout.write(`AVG Desk (browsermodus) draait op ${web.url}\nGegevensmap: ${dataDir}\n`);
    logger.info({ event: 'web-server-started' });
    const stop = () => {
      void web.close().then(() => {
        backend.close();
        process.exit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE' ? `Poort ${port} is al in gebruik. Kies een andere met PORT=…\n` : `AVG Desk kon niet starten (${code ?? 'onbekende fout'}).\n`,
    );
    backend.close();
    process.exit(1);
  }
}
