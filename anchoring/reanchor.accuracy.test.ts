// The accuracy target on the benchmark's own seeded data (tests/bench/anchoring.bench.ts prints
// the same figures next to the baselines): of 500 highlights on a ~10k-character article changed ten
// ways, at least 460 re-attached exactly where their text now is, and none anywhere else.
import { describe, expect, it } from 'vitest';
import { anchorTargets } from './reanchor';
import { accuracyScenario, tally } from '../tests/fixtures/anchoring/scenario';

describe('re-anchoring accuracy on a mutated real-size article', () => {
  it('seed 1 (the benchmark seed): ≥ 460 of 500 right, 0 wrong', () => {
    const scenario = accuracyScenario(1);
    expect(scenario.highlights).toHaveLength(500);
    const result = tally(scenario.truths, anchorTargets(scenario.after.text, scenario.highlights.map((h) => h.target)));
    expect(result.wrongCases).toEqual([]);
    expect(result.right).toBeGreaterThanOrEqual(460);
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('seed %i: none re-attached to a wrong place', (seed) => {
    const scenario = accuracyScenario(seed);
    const result = tally(scenario.truths, anchorTargets(scenario.after.text, scenario.highlights.map((h) => h.target)));
    expect(result.wrongCases).toEqual([]);
  });
});
