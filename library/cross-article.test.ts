import { describe, expect, it } from 'vitest';
import type { ArticleAnalysisRecord } from '../records/analysis';
import type { ArticleRecord } from '../records/article';
import { buildPhraseIndex, buildSpeakerIndex } from './cross-article';

const article = (key: string, title: string, publishedAt: string | null, firstReadAt = 0): ArticleRecord => ({
  key, postId: key.split('/')[1]!, url: `https://${key}.html`, title, categories: [], publishedAt, author: null, source: null,
  textLength: 100, firstReadAt, lastReadAt: firstReadAt, readCount: 1,
});
const analysis = (articleKey: string, speakers: { name: string; title: string; org: string; passages: number }[], phrases: [string, number][]): ArticleAnalysisRecord => ({
  articleKey,
  analysedAt: 0,
  summary: {
    speakers: speakers.map((s) => ({
      name: s.name, title: s.title, org: s.org, first: { start: 0, end: 2 },
      passages: Array.from({ length: s.passages }, (_, i) => ({ start: i * 10, end: i * 10 + 5, via: 'direct' as const, snippet: `第${i}段` })),
    })),
    people: [],
    phrases: phrases.map(([text, count]) => ({ text, category: 'doctrine' as const, source: 'lexicon' as const, occurrences: Array.from({ length: count }, (_, i) => ({ start: i, end: i + 1 })) })),
  },
});

const articles = new Map([
  ['p/1', article('p/1', '甲文', '2023-02-01')],
  ['p/2', article('p/2', '乙文', '2024-07-14T09:00:00+08:00')],
  ['p/3', article('p/3', '丙文', null, Date.UTC(2025, 0, 2))],
]);
const analyses = [
  analysis('p/2', [{ name: '王宝恩', title: '副部长', org: '水利部', passages: 2 }], [['人民至上、生命至上', 1], ['四预', 2]]),
  analysis('p/1', [{ name: '王宝恩', title: '司长', org: '水利部规划计划司', passages: 1 }, { name: '李炳军', title: '省长', org: '', passages: 3 }], [['人民至上、生命至上', 2]]),
  analysis('p/3', [{ name: '王宝恩', title: '副部长', org: '水利部', passages: 1 }], []),
];

describe('the speakers index', () => {
  const index = buildSpeakerIndex(analyses, articles);
  it('gathers each speaker across articles, in date order, with titles over time', () => {
    const wang = index.find((entry) => entry.name === '王宝恩')!;
    // 丙文 has no publication date: undated (''), last, never the day it was read (2025-01-02).
    expect(wang.appearances.map((a) => [a.articleTitle, a.date])).toEqual([['甲文', '2023-02-01'], ['乙文', '2024-07-14'], ['丙文', '']]);
    expect(wang.descriptors).toEqual([
      { descriptor: '水利部规划计划司 · 司长', first: '2023-02-01', last: '2023-02-01' },
      { descriptor: '水利部 · 副部长', first: '2024-07-14', last: '2024-07-14' },
    ]);
    expect(wang.passageCount).toBe(4);
    expect(index[0]!.name).toBe('王宝恩'); // seen in most articles
  });
});

describe('the policy-phrase index', () => {
  const index = buildPhraseIndex(analyses, articles);
  it('lists the articles mentioning a phrase with counts, first and last seen', () => {
    const entry = index.find((e) => e.text === '人民至上、生命至上')!;
    expect(entry.articles.map((a) => [a.articleTitle, a.count])).toEqual([['甲文', 2], ['乙文', 1]]);
    expect([entry.firstSeen, entry.lastSeen, entry.total]).toEqual(['2023-02-01', '2024-07-14', 3]);
    expect(index[0]!.text).toBe('人民至上、生命至上');
  });

  it('keeps an undated article undated: last, and outside first and last seen', () => {
    const withUndated = buildPhraseIndex([...analyses, analysis('p/3', [], [['四预', 1]])], articles);
    const entry = withUndated.find((e) => e.text === '四预')!;
    expect(entry.articles.map((a) => [a.articleTitle, a.date])).toEqual([['乙文', '2024-07-14'], ['丙文', '']]);
    expect([entry.firstSeen, entry.lastSeen]).toEqual(['2024-07-14', '2024-07-14']);
  });
});
