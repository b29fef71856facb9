import { afterEach, describe, expect, it } from 'vitest';
import { articleDateLabel, formatDay, formatDayTime, localDayEnd, localDayStart, publishedDay } from './dates';
import { exportCsv } from './csv';
import { exportMarkdownFiles } from './markdown';
import { citeArticle } from './gbt7714';
import { formatDateTime } from '../components/i18n';
import { SearchIndex } from '../library/search-index';
import { makeAnnotation } from '../library/test-data';
import type { ArticleRecord } from '../records/article';

const zone = process.env.TZ;
afterEach(() => void (process.env.TZ = zone));

// 2024-07-14 23:30 in New York is 2024-07-15 03:30 UTC and 11:30 in Beijing.
const lateEvening = Date.UTC(2024, 6, 15, 3, 30);

describe('one rule for dates', () => {
  it.each([
    ['America/New_York', '2024-07-14', '2024-07-14 23:30'],
    ['Asia/Shanghai', '2024-07-15', '2024-07-15 11:30'],
    ['UTC', '2024-07-15', '2024-07-15 03:30'],
  ])('prints a reading time in the reader\'s zone (%s)', (tz, day, dayTime) => {
    process.env.TZ = tz;
    expect(formatDay(lateEvening)).toBe(day);
    expect(formatDayTime(lateEvening)).toBe(dayTime);
    // The sidebar's and the library's time is the same text.
    expect(formatDateTime(lateEvening, 'en')).toBe(dayTime);
  });

  it('puts a row on the same day in the CSV and in the library\'s date filter', () => {
    process.env.TZ = 'America/New_York';
    const text = '应急管理部召开会议，部署防汛工作。';
    const annotation = makeAnnotation({ text, quote: '防汛', createdAt: lateEvening, articleKey: 'zaihaifangyu.cn/77' });
    const article: ArticleRecord = {
      key: 'zaihaifangyu.cn/77', postId: '77', url: 'https://zaihaifangyu.cn/77.html', title: '题名', categories: [], publishedAt: null,
      author: null, source: null, textLength: 10, firstReadAt: lateEvening, lastReadAt: lateEvening, readCount: 1,
    };
    const csv = exportCsv([annotation], [article]);
    expect(csv).toContain('2024-07-14 23:30');
    const index = new SearchIndex([annotation]);
    expect(index.search('', { from: localDayStart('2024-07-14'), to: localDayEnd('2024-07-14') })).toHaveLength(1);
    expect(index.search('', { from: localDayStart('2024-07-15'), to: localDayEnd('2024-07-15') })).toHaveLength(0);
    // The citation's 引用日期 (the day it was read) follows the same zone.
    expect(citeArticle(article)).toContain('[2024-07-14]');
    // The article itself has no date: the CSV and the Markdown say so instead of using the day it was read.
    expect(csv).toContain('未注明日期');
    const [file] = exportMarkdownFiles([annotation], [article]);
    expect(file!.content).toContain('- 发布日期：未注明日期');
    expect(file!.content).not.toMatch(/^date:/m);
  });

  it('keeps an article\'s own day as printed, whatever the zone', () => {
    process.env.TZ = 'America/New_York';
    expect(publishedDay('2024-07-15T01:00:00+08:00')).toBe('2024-07-15');
    expect(articleDateLabel('2024年7月4日')).toBe('2024-07-04');
    expect(articleDateLabel(null)).toBe('未注明日期');
    expect(articleDateLabel('', 'en')).toBe('undated');
  });

  it('gives a day\'s bounds in the reader\'s zone, and NaN for anything that is not a day', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(localDayStart('2024-07-15')).toBe(Date.UTC(2024, 6, 14, 16, 0));
    expect(localDayEnd('2024-07-15')).toBe(Date.UTC(2024, 6, 15, 16, 0) - 1);
    expect(localDayStart('2024-7-15')).toBeNaN();
  });
});
