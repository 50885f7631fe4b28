import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childSeed, LONG, runSeed } from '../rng.js';
import { buildTemplate, type Template } from './fixture.js';
import { CRASH_SCENARIOS, scenarioNamed, type CrashScenario } from './scenarios.js';
import { bundleChild, killAndCheck, type KillOutcome, type KillPlan } from './verify.js';

/**
 * Crash safety: each write path runs in a child process that is killed with SIGKILL at a random
 * moment (sign-in with argon2id and SQLCipher included), then the data folder is checked
 * (verify.ts). `npm test` runs three kills per write path, the first always during sign-in, the
 * others random; `npm run test:long` more than 200, all random.
 * A failure names its scenario and seed; AVG_DESK_CRASH_REPLAY='<scenario>:<seed>' runs that kill
 * alone, AVG_DESK_CRASH_SEED=<n> repeats a whole run.
 */
const KILLS_PER_SCENARIO = LONG ? 36 : 3;
/** Two children at a time: the build machines have two cores. */
const PARALLEL = 2;
const LETTERS_TO_SIGN = LONG ? 12 : 8;

const replay = process.env.AVG_DESK_CRASH_REPLAY;
const seed = runSeed('AVG_DESK_CRASH_SEED');
let template: Template;
let unbundle = () => {};

beforeAll(async () => {
  [template, unbundle] = await Promise.all([buildTemplate(LETTERS_TO_SIGN), bundleChild()]);
}, 120_000);
afterAll(() => {
  template.cleanup();
  unbundle();
});

/** In the short run the few kills must still reach both phases: the first one falls while signing in. */
const phaseOf = (k: number): KillPlan['after'] | undefined => (LONG ? undefined : k === 0 ? 'loaded' : 'ready');

async function pool(scenario: CrashScenario, seeds: number[]): Promise<KillOutcome[]> {
  const outcomes: KillOutcome[] = [];
  const queue = seeds.map((seed, k) => ({ seed, at: phaseOf(k) }));
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) outcomes.push(await killAndCheck(scenario, template, next.seed, next.at));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return outcomes;
}

function summary(outcomes: KillOutcome[]): string {
  const phases = new Map<string, number>();
  for (const o of outcomes) phases.set(o.phase, (phases.get(o.phase) ?? 0) + 1);
  const ops = outcomes.reduce((sum, o) => sum + o.ops, 0);
  return `${outcomes.length} kills (${[...phases].map(([p, n]) => `${n} ${p}`).join(', ')}), ${ops} operations committed before them`;
}

if (replay) {
  const [name = '', seedText = ''] = replay.split(/:(?=\d+$)/u);
  it(`replays crash "${name}" seed ${seedText}`, async () => {
    const outcome = await killAndCheck(scenarioNamed(name), template, Number(seedText));
    console.log(summary([outcome]));
  }, 120_000);
} else {
  describe(`crash safety: ${KILLS_PER_SCENARIO} SIGKILLs per write path (run seed ${seed})`, () => {
    it.each(CRASH_SCENARIOS.map((s, i) => ({ name: s.name, index: i })))(
      '$name survives a kill at any moment',
      async ({ name, index }) => {
        const seeds = Array.from({ length: KILLS_PER_SCENARIO }, (_, k) => childSeed(seed, index * 1000 + k));
        const outcomes = await pool(scenarioNamed(name), seeds);
        console.log(`crash "${name}": ${summary(outcomes)}`);
        expect(outcomes).toHaveLength(KILLS_PER_SCENARIO);
      },
      LONG ? 900_000 : 120_000,
    );
  });
}
