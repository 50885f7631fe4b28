import { serveBrowserMode } from '../../../main/server/serve.js';
import { TEST_KDF } from '../../support/kdf.js';

/**
 * The e2e server: browser mode exactly as main/server/start.ts runs it, but composed with the
 * tests' cheap argon2id cost. first-run.e2e starts the shipped entry instead and checks its cost.
 */
await serveBrowserMode({ kdfCost: TEST_KDF });
