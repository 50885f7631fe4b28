/**
 * A small seeded PRNG (mulberry32) for the robustness suites: every random choice comes from a
 * seed that a failure prints, so the run can be replayed.
 */
export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The seed of the i-th item of a run: different per item, fixed per (run seed, i). */
export function childSeed(runSeed: number, index: number): number {
  return (rng((runSeed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)() * 4_294_967_296) >>> 0;
}

/** The run seed: from the environment when replaying, otherwise new each run. */
export function runSeed(envName: string): number {
  const given = process.env[envName];
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`${envName} must be a non-negative integer`);
    return seed;
  }
  return Math.floor(Math.random() * 4_294_967_296);
}

/** `npm run test:long` sets AVG_DESK_LONG=1: the suites then run their long versions. */
export const LONG = process.env.AVG_DESK_LONG === '1';
