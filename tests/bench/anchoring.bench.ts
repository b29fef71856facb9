// Re-anchoring accuracy and speed: prints figures (run: npx tsx tests/bench/anchoring.bench.ts).
// Target (issue): on a ~10k-character article changed ten ways, of 500 highlights ≥ 460 re-attached to the
// right place and none to a wrong one. Speed is printed, not judged here.
//
// Accuracy: the corpus texts concatenated (~10k chars), 500 highlights at seeded random places (40% of
// 2–6 characters), the page then changed by the ten kinds in tests/fixtures/anchoring/scenario.ts
// (paragraph inserted / removed / duplicated / moved, typos fixed, punctuation width, quote marks,
// whitespace, words renamed, phrases deleted). Truth comes from character provenance (edits.ts):
// right = exactly the true new offsets; wrong = anywhere else, or anywhere when the text is gone;
// orphaned rightly = orphaned where the highlighted text is gone (deleted, split, or mostly rewritten).
//
// Speed: 500 quotes of 4–60 characters (32 of context) on a ~200k-character article (the corpus repeated
// twenty times), on the unchanged page and on the page changed the same ten ways, twenty times as often.

import { anchorTargets } from '../../anchoring/reanchor';
import { exactWithContext, hypothesisStyle, positionOnly, type BaselineResult } from '../fixtures/anchoring/baselines';
import { repeatedScenario } from '../fixtures/anchoring/repeated';
import { accuracyScenario, buildLongArticle, makeHighlights, mutate, seededRandom, tally } from '../fixtures/anchoring/scenario';
import type { TextTarget } from '../../anchoring/selectors';

type Method = { name: string; run: (text: string, targets: TextTarget[]) => BaselineResult[] };
const perTarget = (f: (text: string, t: TextTarget) => BaselineResult) => (text: string, targets: TextTarget[]) => targets.map((t) => f(text, t));
const methods: Method[] = [
  { name: 'exact + context (baseline)', run: perTarget(exactWithContext) },
  { name: 'Hypothesis-style fuzzy (baseline)', run: perTarget(hypothesisStyle) },
  { name: 'ours (anchorTargets)', run: anchorTargets },
];

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- Accuracy ----
for (const seed of [1, 2, 3]) {
  const scenario = accuracyScenario(seed);
  const gone = scenario.truths.filter((t) => t.kind === 'gone').length;
  console.log(
    `\naccuracy, seed ${seed}: ${scenario.before.length} → ${scenario.after.text.length} chars, ${scenario.highlights.length} highlights, ${gone} of them gone (deleted / split / rewritten)`,
  );
  console.log(`  ${pad('method', 36)}${pad('right', 8)}${pad('wrong', 8)}${pad('orphaned', 10)}orphaned rightly`);
  const targets = scenario.highlights.map((h) => h.target);
  for (const method of methods) {
    const t = tally(scenario.truths, method.run(scenario.after.text, targets));
    console.log(`  ${pad(method.name, 36)}${pad(t.right, 8)}${pad(t.wrong, 8)}${pad(t.orphaned, 10)}${t.orphanedRightly}`);
  }
}

// ---- Repeated text (issue 13): a passage printed twice, one copy edited or deleted ----
{
  const totals = { right: 0, wrong: 0, ambiguous: 0, orphaned: 0, unchanged: 0, unchangedPlaced: 0 };
  for (let seed = 1; seed <= 100; seed++) {
    const s = repeatedScenario(seed);
    const results = anchorTargets(s.after.text, s.highlights.map((h) => h.target));
    const t = tally(s.truths, results);
    totals.right += t.right;
    totals.wrong += t.wrong;
    totals.orphaned += t.orphaned;
    results.forEach((r, i) => {
      if (r.status === 'orphan' && r.reason === 'ambiguous') totals.ambiguous += 1;
      if (!s.unchanged[i]) return;
      totals.unchanged += 1;
      const truth = s.truths[i];
      if (r.status === 'anchored' && truth.kind === 'span' && r.start === truth.start && r.end === truth.end) totals.unchangedPlaced += 1;
    });
  }
  console.log(
    `\nrepeated text, 100 seeded runs (tests/fixtures/anchoring/repeated.ts): right ${totals.right}, wrong ${totals.wrong}, ` +
      `orphaned ${totals.orphaned} (ambiguous ${totals.ambiguous}); unchanged passages re-placed ${totals.unchangedPlaced}/${totals.unchanged} ` +
      `(${((100 * totals.unchangedPlaced) / totals.unchanged).toFixed(2)} %)`,
  );
}

// ---- Speed ----
const long = buildLongArticle(200_000);
const random = seededRandom(42);
const targets = makeHighlights(long, 500, random, [[4, 60]]).map((h) => h.target);
const mutated = mutate(long, random, 20).text;
console.log(`\nspeed: 500 quotes (4–60 chars) on a ${long.length}-character article; mutated page ${mutated.length} chars`);
const speedMethods: Method[] = [{ name: 'position check only', run: perTarget(positionOnly) }, ...methods];
for (const [label, page] of [
  ['unchanged page', long],
  ['mutated page', mutated],
] as const) {
  for (const method of speedMethods) {
    if (label === 'mutated page' && method.name === 'position check only') continue;
    const slow = method.name.startsWith('Hypothesis');
    const runs: number[] = [];
    const repeats = slow && label === 'mutated page' ? 1 : 5;
    for (let r = 0; r < repeats; r++) runs.push(time(() => method.run(page, targets)));
    console.log(`  ${pad(label, 16)}${pad(method.name, 36)}median ${median(runs).toFixed(1)} ms over ${repeats} run(s)`);
  }
}
