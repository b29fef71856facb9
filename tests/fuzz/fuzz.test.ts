// A bounded run of the fuzz suite inside the unit tests: a fixed seed (the same cases every run) and one
// random seed (new cases every run; printed, so a failure replays with `npm run fuzz -- --seed N`).

import { describe, expect, it } from 'vitest';
import { fuzzLine, runFuzz } from './fuzz';

const randomSeed = Math.floor(Math.random() * 2 ** 31);

describe('fuzz suite (bounded run)', () => {
  it.each([
    ['fixed seed', 20_261_204, 160],
    ['random seed', randomSeed, 140],
  ])('%s %i: no crash, no hang, no database change on refused input', async (_what, seed, cases) => {
    const result = await runFuzz({ seed, cases });
    console.log(`${fuzzLine(result)} (seed ${seed}; replay: npm run fuzz -- --seed ${seed} --cases ${cases})`);
    expect(result.failures).toEqual([]);
    expect(result.cases).toBe(cases);
    // The run exercised both sides: inputs refused and inputs accepted.
    expect(result.refused).toBeGreaterThan(0);
    expect(result.refused).toBeLessThan(cases);
  }, 60_000);
});
