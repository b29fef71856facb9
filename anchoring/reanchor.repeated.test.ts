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

describe('re-anchoring in repeated text, one copy edited (100 seeded runs)', () => {
  const figures = repeatedFigures(100);
  it('places none on a wrong copy', () => {
    expect(figures.wrongSeeds).toEqual([]);
    expect(figures.wrong).toBe(0);
  });
  it('re-places ≥ 99% of passages that survived unchanged', () => {
    expect(figures.unchangedPlaced / figures.unchanged).toBeGreaterThanOrEqual(0.99);
  });
});
