import { readFileSync } from 'node:fs';
import { analyzeText } from '/work/wt/analysis/analysis/index';
import { normalizeText } from '/work/wt/analysis/analysis/normalize';
const id = process.argv[2];
const t = process.argv[3] ? process.argv[3] : (JSON.parse(readFileSync(`/work/wt/analysis/tests/fixtures/corpus/${id.includes('/')?id:'articles/'+id}.json`, 'utf8')) as { text: string }).text;
if (process.argv[4]) console.log(normalizeText(t));
const r = analyzeText(t);
for (const p of r.people) console.log(p.role, p.name, '|', p.title, '|', p.org, '|', p.quotes.map((q) => q.via + ':' + t.slice(q.start, Math.min(q.end, q.start + 30))).join(' / '));
console.log('PHRASES', r.phrases.map((p) => p.text).join(' | '));
