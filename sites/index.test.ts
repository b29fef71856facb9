import { describe, expect, it } from 'vitest';
import { articlePage, listPage, replicaArticles } from '../tests/replica/pages.mjs';
import { parseHtmlDocument } from './html-document';
import { adapterForUrl, builtInAdapters, readArticle, siteNameOf, siteOfUrl } from './index';
import { pathId, parseDate, stripSiteSuffix } from './common';

const seed = replicaArticles().find((a) => a.postId === '5288')!;

describe('registry', () => {
  it('finds the portal adapter by host and reads its article as a SiteArticle', () => {
    const url = 'https://zaihaifangyu.cn/5288.html';
    expect(adapterForUrl(url)?.site).toBe('zaihaifangyu.cn');
    expect(builtInAdapters.map((a) => a.site)).toContain('zaihaifangyu.cn');
    const article = readArticle(parseHtmlDocument(articlePage(seed), url), url)!;
    expect(article).toMatchObject({ key: 'zaihaifangyu.cn/5288', id: '5288', source: '人民论坛网', editor: null, column: ['动态信息', '行业信息', '新闻播报'] });
  });

  it('returns null for lists and unknown hosts', () => {
    expect(readArticle(parseHtmlDocument(listPage('x', []), 'https://zaihaifangyu.cn/category/a'), 'https://zaihaifangyu.cn/category/a')).toBeNull();
    expect(adapterForUrl('https://example.com/a.html')).toBeNull();
    expect(adapterForUrl('not a url')).toBeNull();
  });
});

describe('siteOfUrl and siteNameOf', () => {
  it('names the owning adapter’s site from the URL alone, else the bare host', () => {
    expect(siteOfUrl('https://www.zaihaifangyu.cn/5288.html')).toBe('zaihaifangyu.cn');
    expect(siteOfUrl('http://www.mem.gov.cn/xw/yjglbgzdt/202401/t20240102_473120.shtml')).toBe('mem.gov.cn');
    expect(siteOfUrl('https://www.mem.gov.cn/xw/')).toBe('mem.gov.cn');
    expect(siteOfUrl('https://society.people.com.cn/n1/2024/0101/c1008-1.html')).toBe('people.com.cn');
    expect(siteOfUrl('https://www.henan.gov.cn/2024/01-02/1.html')).toBe('henan.gov.cn');
    expect(siteOfUrl('chrome-extension://abc/library.html')).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
  });
  it('gives built-in sites their names and other sites their id', () => {
    expect(siteNameOf('zaihaifangyu.cn')).toBe('中国灾害防御信息网');
    expect(siteNameOf('mem.gov.cn')).toBe('中华人民共和国应急管理部');
    expect(siteNameOf('henan.gov.cn')).toBe('henan.gov.cn');
  });
});

describe('helpers', () => {
  it('derives stable ids from URL paths', () => {
    expect(pathId(new URL('https://www.mem.gov.cn/xw/yjglbgzdt/202401/t20240102_473120.shtml'))).toBe('xw/yjglbgzdt/202401/t20240102_473120');
    expect(pathId(new URL('http://www.xjjrw.com/plus/view.php?aid=11579'))).toBe('plus/view.php/aid-11579');
    expect(pathId(new URL('https://a.cn/'))).toBeNull();
  });
  it('strips site suffixes', () => {
    expect(stripSiteSuffix('标题--中华人民共和国应急管理部', ['中华人民共和国应急管理部', '应急管理部'])).toBe('标题');
    expect(stripSiteSuffix('标题_国务院部门文件_中国政府网', ['中国政府网'], { channels: 1 })).toBe('标题');
    expect(stripSiteSuffix('标题--经济·科技--人民网', ['人民网'], { channels: 1 })).toBe('标题');
    expect(stripSiteSuffix('首届中国-东盟会议举行-新华网', ['新华网'])).toBe('首届中国-东盟会议举行');
    expect(stripSiteSuffix('首届中国-东盟会议举行', ['新华网'])).toBe('首届中国-东盟会议举行');
  });
  it('parses Chinese and gov dates', () => {
    expect(parseDate('2021年07月17日14:15')).toBe('2021-07-17T14:15');
    expect(parseDate('2024-01-02-10:30:00')).toBe('2024-01-02T10:30:00');
    expect(parseDate('发布时间：2019-07-29')).toBe('2019-07-29');
  });
});
