// npm run eval — score the analysis on the labelled corpus and print per-article misses and totals.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { analyzeText } from '../analysis/index';
import { loadCorpus } from '../analysis/corpus';
import { scoreArticle, totals, type ArticleScore } from '../analysis/evaluate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'corpus');
const scores: ArticleScore[] = [];
for (const article of loadCorpus(root)) {
  const s = scoreArticle(article.id, article.text, article.gold, analyzeText(article.text));
  scores.push(s);
  const lines: string[] = [];
  if (s.missedSpeakers.length) lines.push(`  missed speakers: ${s.missedSpeakers.join(', ')}`);
  if (s.falseSpeakers.length) lines.push(`  false speakers:  ${s.falseSpeakers.join(', ')}`);
  if (s.titleMisses.length) lines.push(`  title misses:    ${s.titleMisses.join('; ')}`);
  if (s.orgMisses.length) lines.push(`  org misses:      ${s.orgMisses.join('; ')}`);
  if (s.missedPhrases.length) lines.push(`  missed phrases:  ${s.missedPhrases.join(' | ')}`);
  if (s.extraPhrases.length) lines.push(`  extra phrases:   ${s.extraPhrases.join(' | ')}`);
  console.log(`${s.id}: speakers ${s.speakerTp}/${s.speakerTp + s.speakerFn} (+${s.speakerFp} false), phrases ${s.phraseRecalled}/${s.phraseGold} recalled, ${s.phraseCorrect}/${s.phrasePredicted} correct`);
  for (const l of lines) console.log(l);
}
const t = totals(scores);
const pct = (x: number) => (100 * x).toFixed(1) + '%';
console.log('');
console.log(`TOTAL speakers  precision ${pct(t.speakerPrecision)}  recall ${pct(t.speakerRecall)}  (tp ${t.counts.tp}, fp ${t.counts.fp}, fn ${t.counts.fn})`);
console.log(`TOTAL title accuracy ${pct(t.titleAccuracy)}  org accuracy ${pct(t.orgAccuracy)}  (over ${t.counts.matched} matched speakers)`);
console.log(`TOTAL phrases   recall ${pct(t.phraseRecall)} (${t.counts.phraseRecalled}/${t.counts.phraseGold})  precision ${pct(t.phrasePrecision)} (${t.counts.phraseCorrect}/${t.counts.phrasePredicted})`);
