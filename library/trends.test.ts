import { describe, expect, it } from 'vitest';
import { trendFixture } from './test-data';
import { categoryTrend, monthsBetween, phraseTrend, speakerTimeline } from './trends';

const { articles, analyses } = trendFixture();

describe('trends', () => {
  it('count a phrase per publication month, with empty months kept and undated articles apart', () => {
    const trend = phraseTrend(analyses, articles, '防汛救灾');
    expect(trend.months).toEqual(['2024-01', '2024-02', '2024-03']);
    const [series] = trend.series;
    expect(series!.counts).toEqual([2, 0, 5]);
    // The March bar lists its two articles, most occurrences first, each with where to flash.
    expect(series!.articles[2]!.map((a) => [a.articleKey, a.count])).toEqual([['mem.gov.cn/3', 4], ['mem.gov.cn/2', 1]]);
    expect(series!.articles[2]![0]!.first).toEqual({ start: 100, end: 104, exact: '防汛救灾' });
    expect(series!.undated.map((a) => [a.title, a.count])).toEqual([['未注明日期的文章', 5]]);
  });

  it('give a category\u2019s top phrases on one shared axis', () => {
    const trend = categoryTrend(analyses, articles, 'meeting', 2);
    expect(trend.series.map((s) => s.label)).toEqual(['防汛救灾', '安全生产月']);
    expect(trend.series[1]!.counts).toEqual([0, 0, 1]);
    expect(categoryTrend(analyses, articles, 'doctrine').series).toEqual([]);
  });

  it('follow a speaker\u2019s titles in publication order, undated last', () => {
    const points = speakerTimeline(analyses, articles, '王祥喜');
    expect(points.map((p) => [p.date, p.descriptor])).toEqual([
      ['2024-01-15', '应急管理部 · 部长'],
      ['2024-03-02', '应急管理部 · 党委书记、部长'],
      [null, '应急管理部 · 部长'],
    ]);
    expect(speakerTimeline(analyses, articles, '无此人')).toEqual([]);
  });

  it('keep an axis bounded and ordered across years', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('1900-01', '9999-12')).toHaveLength(1200);
    const onlyUndated = phraseTrend([analyses[3]!], articles, '防汛救灾');
    expect(onlyUndated.months).toEqual([]);
    expect(onlyUndated.series[0]!.undated).toHaveLength(1);
  });
});
