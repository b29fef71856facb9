import { describe, expect, it } from 'vitest';
import type { ArticleAnalysisRecord } from '../records/analysis';
import type { ArticleRecord } from '../records/article';
import { mergeArticleAnalysis, mergeArticleRecord } from './article-merge';
import { seededRandom } from './random';

const base: ArticleRecord = {
  key: 'zaihaifangyu.cn/9', postId: '9', url: 'https://zaihaifangyu.cn/9.html', title: '标题', categories: ['新闻播报'],
  publishedAt: '2024-06-01', author: '王明', source: '应急管理部', textLength: 900, firstReadAt: 1_000, lastReadAt: 2_000, readCount: 1,
};
const analysis = (analysedAt: number, speaker: string): ArticleAnalysisRecord => ({
  articleKey: base.key,
  analysedAt,
  summary: { speakers: [{ name: speaker, title: '', org: '', first: { start: 0, end: 2 }, passages: [] }], people: [], phrases: [] },
});

describe('merging article records', () => {
  it('takes the latest read’s metadata and the widest reading history; a field that read lacked keeps the other’s', () => {
    const later = { ...base, title: '新标题', publishedAt: null, firstReadAt: 5_000, lastReadAt: 6_000, readCount: 3 };
    const { merged, changed } = mergeArticleRecord(base, later);
    expect(changed).toBe(true);
    expect(merged).toEqual({ ...base, title: '新标题', firstReadAt: 1_000, lastReadAt: 6_000, readCount: 3 });
    expect(mergeArticleRecord(merged, base)).toEqual({ merged, changed: false });
  });

  it('is commutative and idempotent, ties included (200 random pairs)', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 200; i++) {
      const one = (): ArticleRecord => ({
        ...base,
        title: random.pick(['甲', '乙', '丙']),
        lastReadAt: 2_000 + random.below(3),
        firstReadAt: 1_000 + random.below(3),
        readCount: 1 + random.below(3),
      });
      const [a, b] = [one(), one()];
      expect(mergeArticleRecord(a, b).merged).toEqual(mergeArticleRecord(b, a).merged);
      const ab = mergeArticleRecord(a, b).merged;
      expect(mergeArticleRecord(ab, b)).toEqual({ merged: ab, changed: false });
    }
  });
});

describe('merging analyses', () => {
  it('keeps the latest; equal times are decided by content, the same on every device', () => {
    expect(mergeArticleAnalysis(analysis(1, '甲'), analysis(2, '乙'))).toEqual({ merged: analysis(2, '乙'), changed: true });
    expect(mergeArticleAnalysis(analysis(2, '乙'), analysis(1, '甲'))).toEqual({ merged: analysis(2, '乙'), changed: false });
    expect(mergeArticleAnalysis(analysis(2, '甲'), analysis(2, '乙')).merged).toEqual(mergeArticleAnalysis(analysis(2, '乙'), analysis(2, '甲')).merged);
    expect(mergeArticleAnalysis(undefined, analysis(1, '甲'))).toEqual({ merged: analysis(1, '甲'), changed: true });
  });
});
