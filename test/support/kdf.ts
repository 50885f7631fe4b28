import type { KdfCost } from '../../main/platform/keyring.js';

/**
 * argon2id at its cheapest (1 MiB, one pass) for test desktops: hundreds of sign-ins per run would
 * otherwise each pay the production cost. Keyring entries store their cost, so a store made with
 * this opens with it in any composition; kdf-cost.spec keeps the production cost under test.
 */
export const TEST_KDF: KdfCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
