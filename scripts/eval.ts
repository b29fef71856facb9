// npm run eval — score the analysis on the labelled corpus: per-article misses, then the dev-set totals
// and the cross-validated (held-out half) totals. See analysis/README.md for how the halves are used.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { analyzeText } from '../analysis/index';
import { DEVELOPED_ON, HELD_OUT_RECORD, halfOf, loadCorpus, neverSeenBeforeIssue11 } from '../analysis/corpus';
import { scoreArticle, totals, type ArticleScore } from '../analysis/evaluate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'corpus');
const quiet = process.argv.includes('--quiet');
// --half A: print only that half's per-article misses, so rules can be developed without reading the other half's.
const halfArg = process.argv.indexOf('--half');
const onlyHalf = halfArg >= 0 ? process.argv[halfArg + 1] : undefined;
const scores: ArticleScore[] = [];
for (const article of loadCorpus(root)) {
  const s = scoreArticle(article.id, article.text, article.gold, analyzeText(article.text));
  scores.push(s);
  if (quiet || (onlyHalf && halfOf(article.id) !== onlyHalf)) continue;
  const lines: string[] = [];
  if (s.missedSpeakers.length) lines.push(`  missed speakers: ${s.missedSpeakers.join(', ')}`);
  if (s.falseSpeakers.length) lines.push(`  false speakers:  ${s.falseSpeakers.join(', ')}`);
  if (s.titleMisses.length) lines.push(`  title misses:    ${s.titleMisses.join('; ')}`);
  if (s.orgMisses.length) lines.push(`  org misses:      ${s.orgMisses.join('; ')}`);
  if (s.missedPhrases.length) lines.push(`  missed phrases:  ${s.missedPhrases.join(' | ')}`);
  if (s.extraPhrases.length) lines.push(`  extra phrases:   ${s.extraPhrases.join(' | ')}`);
  console.log(`${s.id} [half ${halfOf(s.id)}]: speakers ${s.speakerTp}/${s.speakerTp + s.speakerFn} (+${s.speakerFp} false), phrases ${s.phraseRecalled}/${s.phraseGold} recalled, ${s.phraseCorrect}/${s.phrasePredicted} correct`);
  for (const l of lines) console.log(l);
}
const pct = (x: number) => (100 * x).toFixed(1) + '%';
const line = (label: string, subset: ArticleScore[]) => {
  const t = totals(subset);
  const c = t.counts;
  return (
    `${label}: speakers P ${pct(t.speakerPrecision)} R ${pct(t.speakerRecall)} (tp ${c.tp} fp ${c.fp} fn ${c.fn})` +
    ` | roles ${pct(t.roleAccuracy)} (title ${pct(t.titleAccuracy)} org ${pct(t.orgAccuracy)}, of ${c.matched})` +
    ` | phrases R ${pct(t.phraseRecall)} (${c.phraseRecalled}/${c.phraseGold}) P ${pct(t.phrasePrecision)} (${c.phraseCorrect}/${c.phrasePredicted})`
  );
};
const heldOut = DEVELOPED_ON === 'A' ? 'B' : 'A';
const inHalf = (h: string) => scores.filter((s) => halfOf(s.id) === h);
console.log('');
console.log(line(`dev (${scores.length} articles)`, scores));
console.log(line(`half A (${inHalf('A').length} articles)`, inHalf('A')));
console.log(line(`half B (${inHalf('B').length} articles)`, inHalf('B')));
for (const r of HELD_OUT_RECORD) console.log(`held-out (half ${r.heldOut}, rules developed on half ${r.developedOn}), recorded at the ${r.when}: ${r.figures}`);
console.log(line(`held-out (half ${heldOut}, rules developed on half ${DEVELOPED_ON}, now)`, inHalf(heldOut)));
// The rules before issue 11 were written on seed + 01–12, which lie in both halves: the part of the
// held-out half that nobody had seen before issue 11 is the cleanest estimate.
const clean = inHalf(heldOut).filter((s) => neverSeenBeforeIssue11(s.id));
console.log(line(`held-out, never seen before issue 11 (half ${heldOut} ∩ 13–32, ${clean.length} articles)`, clean));
