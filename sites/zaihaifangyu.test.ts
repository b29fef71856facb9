import { describe, expect, it } from 'vitest';
import { rangeFor } from '../anchoring/text-map';
import { articlePage, homePage, listPage, replicaArticles, searchPage } from '../tests/replica/pages.mjs';
import { parseHtmlDocument } from './html-document';
import { articlePostId, extractPortalArticle } from './zaihaifangyu';

const articles = replicaArticles();
const byId = (id: string) => articles.find((article) => article.postId === id)!;
const read = (html: string, url: string) => extractPortalArticle(parseHtmlDocument(html, url), url);

describe('articlePostId', () => {
  it.each([
    ['https://zaihaifangyu.cn/5288.html', '5288'],
    ['http://www.zaihaifangyu.cn/12.html?replytocom=3#respond', '12'],
    ['https://ZAIHAIFANGYU.CN/7.html', '7'],
  ])('reads the post id of %s', (url, id) => expect(articlePostId(url)).toBe(id));

  it.each([
    'https://zaihaifangyu.cn/',
    'https://zaihaifangyu.cn/category/news',
    'https://zaihaifangyu.cn/5288.html/amp',
    'https://zaihaifangyu.cn/about.html',
    'https://www.zaihai.cn/html/news/20201123/0123456789abcdef01234567.html',
    'https://zaihaifangyu.cn.evil.example/5288.html',
    'not a url',
  ])('refuses %s', (url) => expect(articlePostId(url)).toBeNull());
});

describe('extractPortalArticle on the replica', () => {
  it('reads the sample article: metadata, source from the copyright line, body text without chrome', () => {
    const article = read(articlePage(byId('5288')), 'http://zaihaifangyu.cn/5288.html')!;
    expect(article).not.toBeNull();
    expect(article.key).toBe('zaihaifangyu.cn/5288');
    expect(article.url).toBe('https://zaihaifangyu.cn/5288.html');
    expect(article.title).toBe('第七届国家治理高峰论坛2020城市安全管理峰会在京举行');
    expect(article.categories).toEqual(['动态信息', '行业信息', '新闻播报']);
    expect(article.publishedAt).toBeNull();
    expect(article.author).toBeNull();
    expect(article.source).toBe('人民论坛网');
    // Title, then the body paragraphs, one '\n' apart, exactly as the seed's article text reads.
    const expected = [article.title, ...byId('5288').paragraphs].join('\n');
    expect(article.text).toBe(expected);
    expect(article.text.slice(article.bodyStart, article.bodyStart + 9)).toBe('人民论坛网北京讯(');
    for (const chrome of ['本文来自', '发表评论', '登录后才能评论', '相关推荐', '上一篇', '应急管理\n', '广告', 'advert']) {
      expect(article.text).not.toContain(chrome);
    }
  });

  it('reads an older-theme article with .entry-info: author, relative date ignored, origin as source', () => {
    const article = read(articlePage(byId('6003')), 'https://zaihaifangyu.cn/6003.html')!;
    expect(article.author).toBe('灾害防御');
    expect(article.publishedAt).toBeNull(); // the page says only "3天前"
    expect(article.source).toBe('赤壁市融媒体中心');
    expect(article.categories).toEqual(['动态信息', '行业信息']);
  });

  it('reads the date from time[datetime] in the newer theme', () => {
    const article = read(articlePage(byId('6004')), 'https://zaihaifangyu.cn/6004.html')!;
    expect(article.publishedAt).toBe('2024-07-14T09:00:00+08:00');
    expect(article.source).toBe('中国新闻网');
    expect(article.text).toContain('王宝恩表示');
  });

  it('reads a plain date span of the older theme', () => {
    const article = read(articlePage(byId('6005')), 'https://zaihaifangyu.cn/6005.html')!;
    expect(article.publishedAt).toBe('2019-05-12');
  });

  it('keeps hostile markup as plain text', () => {
    const article = read(articlePage(byId('6666')), 'https://zaihaifangyu.cn/6666.html')!;
    expect(article.title).toContain('<script>window.__pwned=2</script>');
    expect(article.source).toBe('"><script>window.__pwned=7</script>');
  });

  it('maps every span of the text back to the same DOM text', () => {
    const article = read(articlePage(byId('5288')), 'http://zaihaifangyu.cn/5288.html')!;
    const { text, map } = article;
    for (const needle of ['袁宏永', '十九届五中全会', '第七届国家治理高峰论坛', '市域社会治理现代化']) {
      let from = 0;
      for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, from)) {
        expect(rangeFor(map, at, at + needle.length)!.toString()).toBe(needle);
        from = at + 1;
      }
    }
    // A span across a paragraph break covers both sides of it and nothing invented in between.
    const cross = text.indexOf('\n', article.bodyStart);
    expect(rangeFor(map, cross - 2, cross + 3)!.toString().replace(/\s/g, '')).toBe(
      text.slice(cross - 2, cross + 3).replace(/\n/g, ''),
    );
  });

  it.each([
    ['the home page', homePage([]), 'https://zaihaifangyu.cn/'],
    ['a category list', listPage('新闻播报', []), 'https://zaihaifangyu.cn/category/news'],
    ['a search page', searchPage('防汛', []), 'https://zaihaifangyu.cn/?s=防汛'],
    ['an article URL whose page is a list', listPage('x', []), 'https://zaihaifangyu.cn/5288.html'],
    ['an article page on another host', articlePage(byId('5288')), 'https://example.com/5288.html'],
    ['a page without a body', '<html><body class="single"><h1 class="entry-title">t</h1></body></html>', 'https://zaihaifangyu.cn/1.html'],
    ['an empty document', '', 'https://zaihaifangyu.cn/1.html'],
  ])('is not an article: %s', (_name, html, url) => {
    expect(read(html, url)).toBeNull();
  });

  it('tolerates a page without breadcrumb, info or copyright', () => {
    const html = `<html><body class="single postid-9"><article><h1 class="entry-title">标题</h1>
      <div class="entry-content"><p>第一段。</p><p>第二<strong>段</strong>。</p></div></article></body></html>`;
    const article = read(html, 'https://www.zaihaifangyu.cn/9.html')!;
    expect(article).toMatchObject({ postId: '9', title: '标题', categories: [], source: null, publishedAt: null });
    expect(article.text).toBe('标题\n第一段。\n第二段。');
  });
});
