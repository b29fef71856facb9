import { describe, expect, it } from 'vitest';
import { citeArticle, citeExcerpt } from './gbt7714';
import { ARTICLE_WITH_SOURCE, EXCERPT } from '../tests/fixtures/exporters/sample';

// Expected strings written by hand from GB/T 7714-2015 §8 and its examples, e.g.
//   萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.
const day = (y: number, m: number, d: number, hourChina = 10) => Date.UTC(y, m - 1, d, hourChina - 8);

describe('citeArticle', () => {
  it('writes 责任者. 题名[EB/OL]. (发布日期)[引用日期]. URL. with the original source as 责任者', () => {
    expect(citeArticle(ARTICLE_WITH_SOURCE)).toBe(
      '人民论坛网. 应急管理部通报前三季度全国安全生产和自然灾害形势[EB/OL]. (2024-10-22)[2024-10-23]. https://zaihaifangyu.cn/5288.html.',
    );
  });

  it('omits the whole (发布日期) when the date is unknown', () => {
    const article = { title: '汛期防汛“三个责任人”全部到岗', url: 'https://zaihaifangyu.cn/77.html', source: '新华社', publishedAt: null };
    expect(citeArticle(article, { accessedAt: day(2024, 6, 1) })).toBe(
      '新华社. 汛期防汛“三个责任人”全部到岗[EB/OL]. [2024-06-01]. https://zaihaifangyu.cn/77.html.',
    );
  });

  it('names the portal as 责任者 when the article has no original source', () => {
    const article = { title: '地震应急避险常识', url: 'https://zaihaifangyu.cn/12.html', source: null, publishedAt: '2019-05-12' };
    expect(citeArticle(article, { accessedAt: day(2024, 10, 23) })).toBe(
      '中国灾害防御信息网. 地震应急避险常识[EB/OL]. (2019-05-12)[2024-10-23]. https://zaihaifangyu.cn/12.html.',
    );
  });

  it('handles both missing: portal as 责任者, no 发布日期', () => {
    const article = { title: '消防安全提示', url: 'https://zaihaifangyu.cn/3.html', source: null, publishedAt: null };
    expect(citeArticle(article, { accessedAt: day(2025, 1, 2) })).toBe(
      '中国灾害防御信息网. 消防安全提示[EB/OL]. [2025-01-02]. https://zaihaifangyu.cn/3.html.',
    );
  });

  it('takes the 引用日期 in the reader\'s time zone (01:00 in Beijing is still the previous day in UTC and in New York)', () => {
    const article = { title: '题名', url: 'https://zaihaifangyu.cn/1.html', source: null, publishedAt: null };
    const oneAmBeijing = Date.UTC(2024, 9, 22, 17, 0); // 2024-10-23 01:00 +08:00
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Shanghai';
      expect(citeArticle(article, { accessedAt: oneAmBeijing })).toContain('[2024-10-23]');
      process.env.TZ = 'America/New_York';
      expect(citeArticle(article, { accessedAt: oneAmBeijing })).toContain('[2024-10-22]');
    } finally {
      process.env.TZ = zone;
    }
    expect(citeArticle(article, { accessedAt: oneAmBeijing, utcOffsetMinutes: 0 })).toContain('[2024-10-22]');
  });

  it('reads dates the page printed as 2024年7月4日 and pads them; drops impossible dates', () => {
    const base = { title: '题名', url: 'https://zaihaifangyu.cn/1.html', source: null };
    expect(citeArticle({ ...base, publishedAt: '2024年7月4日' }, { accessedAt: day(2024, 7, 5) })).toBe(
      '中国灾害防御信息网. 题名[EB/OL]. (2024-07-04)[2024-07-05]. https://zaihaifangyu.cn/1.html.',
    );
    expect(citeArticle({ ...base, publishedAt: '2024-02-30' }, { accessedAt: day(2024, 7, 5) })).toBe(
      '中国灾害防御信息网. 题名[EB/OL]. [2024-07-05]. https://zaihaifangyu.cn/1.html.',
    );
  });

  it('puts titles and names on one line and does not double a final full stop', () => {
    const article = { title: '  应急管理\n  新闻发布会。 ', url: ' https://zaihaifangyu.cn/8.html ', source: '应急管理部.', publishedAt: '2024-10-22' };
    expect(citeArticle(article, { accessedAt: day(2024, 10, 23) })).toBe(
      '应急管理部. 应急管理 新闻发布会[EB/OL]. (2024-10-22)[2024-10-23]. https://zaihaifangyu.cn/8.html.',
    );
  });
});

describe('citeExcerpt', () => {
  it('cites what the excerpt saved, with the day it was saved as 引用日期', () => {
    expect(citeExcerpt(EXCERPT.excerpt!)).toBe(
      '人民论坛网. 应急管理部通报前三季度全国安全生产和自然灾害形势[EB/OL]. (2024-10-22)[2024-10-23]. https://zaihaifangyu.cn/5288.html.',
    );
  });

  it('falls back on the site name when the snapshot has no source, and omits an unknown date', () => {
    const snapshot = { ...EXCERPT.excerpt!, source: null, publishedAt: null, title: '森林防灭火进入高火险期', url: 'https://zaihaifangyu.cn/123.html', capturedAt: day(2024, 3, 9) };
    expect(citeExcerpt(snapshot)).toBe('中国灾害防御信息网. 森林防灭火进入高火险期[EB/OL]. [2024-03-09]. https://zaihaifangyu.cn/123.html.');
    expect(citeExcerpt(snapshot, { accessedAt: day(2024, 12, 31) })).toContain('[2024-12-31]');
  });
});
