import { serveBrowserMode } from '../../../main/app/serve-web.js';
import { TEST_KDF } from '../../support/kdf.js';

/**
 * The e2e server: browser mode exactly as main/app/start-web.ts runs it, but composed with the
 * tests' cheap argon2id cost. first-run.e2e starts the shipped entry instead and checks its cost.
 */
await serveBrowserMode({ kdfCost: TEST_KDF });
