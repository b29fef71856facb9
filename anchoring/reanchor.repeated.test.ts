// Issue 13: repeated text (a speaker list printed twice, a reprinted paragraph) with one copy edited or
// deleted. 100 seeded runs of tests/fixtures/anchoring/repeated.ts: no highlight may land on a wrong place
// (the intact twin of its edited copy), and ≥ 99% of passages that survived unchanged are re-placed.
//
// A copy deleted whole, with its twin intact, looks from the stored target alone exactly like the passage
// moved: the twin holds the same quote and context. The rule (anchorTargets): a far match is a move only
// if the other highlights leave room for one — it must not land on text they show stayed in place, nor in
// a gap between them that did not grow by its length; otherwise it is orphaned as ambiguous. Where two
// copies sit next to each other ("P 【相关阅读】 P") and no highlight is on the surviving copy, deleting
// either copy gives the same stored evidence; these are the placements still counted wrong here.
import { describe, expect, it } from 'vitest';
import { anchorTargets } from './reanchor';
import { repeatedScenario } from '../tests/fixtures/anchoring/repeated';
import { tally } from '../tests/fixtures/anchoring/scenario';

export function repeatedFigures(seeds: number) {
  let wrong = 0;
  let right = 0;
  let unchanged = 0;
  let unchangedPlaced = 0;
  const wrongSeeds: number[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const s = repeatedScenario(seed);
    const results = anchorTargets(s.after.text, s.highlights.map((h) => h.target));
    const t = tally(s.truths, results);
    wrong += t.wrong;
    right += t.right;
    if (t.wrong > 0) wrongSeeds.push(seed);
    s.unchanged.forEach((u, i) => {
      if (!u) return;
      unchanged += 1;
      const r = results[i];
      const truth = s.truths[i];
      if (r.status === 'anchored' && truth.kind === 'span' && r.start === truth.start && r.end === truth.end) unchangedPlaced += 1;
    });
  }
  return { wrong, right, unchanged, unchangedPlaced, wrongSeeds };
}

// The issue's targets: 0 wrong and ≥ 99 % re-placed. Wrong: 0 (was 724 before issue 13's work, 7 before the
// colliding-claims rule). Re-placed: 99.51 % measured (5036 of 5061; 98.24 % before the repeat rule, 98.91 %
// before ambiguous orphans were retried at the backbone's shift).
const MAX_WRONG = 0;
const MIN_UNCHANGED_PLACED = 0.99;

describe('re-anchoring in repeated text, one copy edited (100 seeded runs)', () => {
  const figures = repeatedFigures(100);
  it(`places at most ${MAX_WRONG} of ${figures.right + figures.wrong} on a wrong copy `, () => {
    expect(figures.wrong).toBeLessThanOrEqual(MAX_WRONG);
  });
  it(`re-places ≥ ${MIN_UNCHANGED_PLACED * 100}% of passages that survived unchanged (target 99%)`, () => {
    expect(figures.unchangedPlaced / figures.unchanged).toBeGreaterThanOrEqual(MIN_UNCHANGED_PLACED);
  });
});
