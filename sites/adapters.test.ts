// Per-adapter rules the replica table does not show: which URLs are article pages (before the DOM), stable ids
// across URL variants, title fallbacks from <title>, and where gov.cn's meta author goes.
import { describe, expect, it } from 'vitest';
import { sitePages } from '../tests/replica/sites.mjs';
import { parseHtmlDocument } from './html-document';
import { adapterForUrl, builtInAdapters, readArticle } from './index';

const pages = sitePages();
const page = (name: string) => pages.find((p) => p.name === name)!;
const read = (html: string, url: string) => readArticle(parseHtmlDocument(html, url), url);
const govMeta = builtInAdapters.find((adapter) => adapter.site === 'gov-meta')!;
const HEX = 'c3037ddded81474cb21e7a2442988d74';

describe('article URL shapes', () => {
  it.each([
    // 应急管理部: news, 通知公告, 政府信息公开, 科普, a press conference's transcript
    ['https://www.mem.gov.cn/xw/yjglbgzdt/202401/t20240102_473120.shtml', 'mem.gov.cn'],
    ['https://www.mem.gov.cn/gk/tzgg/tz/202011/t20201103_371000.shtml', 'mem.gov.cn'],
    ['https://www.mem.gov.cn/gk/zfxxgkpt/fdzdgknr/202401/t20240126_476512.shtml', 'mem.gov.cn'],
    ['https://www.mem.gov.cn/kp/zrzh/202305/t20230512_450000.shtml', 'mem.gov.cn'],
    ['https://www.mem.gov.cn/xw/xwfbh/2025n03y21xwfbh/wzsl_4260/202503/t20250321_516998.shtml', 'mem.gov.cn'],
    // 中国政府网: news, policy, 国务院文件, 政策文件库 (both forms), 公报, older news
    ['https://www.gov.cn/yaowen/liebiao/202407/content_6962886.htm', 'gov.cn'],
    ['https://www.gov.cn/zhengce/202407/content_6962000.htm', 'gov.cn'],
    ['https://www.gov.cn/zhengce/content/202407/content_6962001.htm', 'gov.cn'],
    ['https://www.gov.cn/zhengce/zhengceku/202407/content_6962002.htm', 'gov.cn'],
    ['http://www.gov.cn/zhengce/zhengceku/2019-06/28/content_5404170.htm', 'gov.cn'],
    ['https://www.gov.cn/gongbao/2024/issue_11246/202403/content_6941846.html', 'gov.cn'],
    ['http://www.gov.cn/xinwen/2019-07/29/content_5416321.htm', 'gov.cn'],
    // 人民网: central and provincial subsites
    ['http://politics.people.com.cn/n1/2024/0712/c1001-40276123.html', 'people.com.cn'],
    ['http://sh.people.com.cn/n2/2024/0712/c134768-40891234.html', 'people.com.cn'],
    // 新华网: with and without channel, a subsite, the legacy shape
    [`https://www.news.cn/politics/20240221/${HEX}/c.html`, 'news.cn'],
    [`https://www.news.cn/20240221/${HEX}/c.html`, 'news.cn'],
    [`http://gz.news.cn/20240221/${HEX}/c.html`, 'news.cn'],
    ['http://www.xinhuanet.com/world/2021-07/20/c_1127674829.htm', 'news.cn'],
    ['http://www.xinhuanet.com/2019-07/20/c_1124776543.htm', 'news.cn'],
    ['https://www.cma.gov.cn/2011xwzx/2011xqxxw/2011xqxyw/202407/t20240712_6423423.html', 'cma.gov.cn'],
    ['http://www.mwr.gov.cn/xw/slyw/202407/t20240712_1712345.html', 'mwr.gov.cn'],
  ])('%s is an article URL of %s', (url, site) => {
    const adapter = adapterForUrl(url)!;
    expect(adapter.site).toBe(site);
    expect(adapter.matchesArticleUrl(url)).toBe(true);
  });

  it.each([
    'https://www.mem.gov.cn/',
    'https://www.mem.gov.cn/xw/yjglbgzdt/',
    'https://www.mem.gov.cn/xw/yjglbgzdt/index_2.shtml',
    'https://www.mem.gov.cn/xw/xwfbh/2025n08y05xwfbh/',
    'https://www.mem.gov.cn/gk/zfxxgkpt/fdzdgknr/202401/W020240126123456.pdf',
    'https://www.gov.cn/xinwen/gundong.htm',
    'https://www.gov.cn/yaowen/index.htm',
    'https://www.gov.cn/zhengce/zhengceku/',
    'http://society.people.com.cn/GB/1062/index.html',
    'http://www.people.com.cn/GB/59476/',
    'https://www.news.cn/politics/',
    'https://www.news.cn/20240221/abc/c.html',
    'https://www.cma.gov.cn/2011xwzx/2011xqxxw/2011xqxyw/index_1.html',
    'http://www.mwr.gov.cn/xw/slyw/index_3.html',
  ])('%s is not an article URL', (url) => {
    expect(adapterForUrl(url)!.matchesArticleUrl(url)).toBe(false);
  });

  it('gov-meta turns away list, index and search paths on any host, and takes article-like ones', () => {
    for (const url of ['https://www.henan.gov.cn/2019/07-29/937604.html', 'https://yjt.zj.gov.cn/col/col1229/art/2024/art_8f3e.html', 'https://yjgl.gd.gov.cn/gkmlpt/content/4/4123/post_4123456.html']) {
      expect(govMeta.matchesArticleUrl(url), url).toBe(true);
    }
    for (const url of ['https://www.henan.gov.cn/', 'https://yjglt.jiangsu.gov.cn/col/col3154/index.html', 'https://a.gov.cn/zwgk/index_2.html', 'https://a.gov.cn/search.html?q=x', 'https://a.gov.cn/col/col12', 'ftp://a.gov.cn/1.html', 'not a url']) {
      expect(govMeta.matchesArticleUrl(url), url).toBe(false);
    }
  });
});

describe('stable ids', () => {
  it('ignore scheme, query and fragment', () => {
    const p = page('mem news');
    const variant = p.url.replace('https:', 'http:') + '?from=timeline#top';
    expect(read(p.html, variant)!.key).toBe(read(p.html, p.url)!.key);
  });

  it('name a news.cn article by its number whatever channel or subsite shows it', () => {
    const p = page('news.cn article on a regional subsite');
    expect(read(p.html, `https://www.news.cn/local/20240221/${HEX}/c.html`)!.key).toBe(`news.cn/20240221/${HEX}`);
  });

  it('keep people.com.cn subsites apart (their article numbers are their own)', () => {
    const p = page('people news with author and 责编');
    expect(read(p.html, 'http://www.people.com.cn/n1/2021/1014/c1008-32254188.html')!.id).toBe('n1/2021/1014/c1008-32254188');
    expect(read(p.html, p.url)!.id).toBe('society/n1/2021/1014/c1008-32254188');
  });
});

describe('title fallbacks: without a heading element the <title> loses the site suffix', () => {
  const withoutHeading = (html: string) => html.replace(/<h1[^>]*>[\s\S]*?<\/h1>/g, '').replace(/<div class="h-title">[\s\S]*?<\/div>/, '').replace(/<meta name="ArticleTitle"[^>]*>/, '');
  it.each([
    ['mem news', '--中华人民共和国应急管理部'],
    ['gov.cn news', '_滚动新闻_中国政府网'],
    ['people news with author and 责编', '--社会·法治--人民网'],
    ['news.cn article on a regional subsite', '-新华网'],
    ['legacy xinhuanet article split over pages', '-新华网'],
    ['cma news', '-中国气象局政府门户网站'],
    ['mwr news (a media reprint)', '_中华人民共和国水利部'],
  ])('%s (%s)', (name, suffix) => {
    const p = page(name);
    const html = withoutHeading(p.html);
    expect(html).toContain(suffix);
    const article = read(html, p.url)!;
    expect(article.title).toBe(p.expected!.title);
  });
});

describe('authors and editors stay apart', () => {
  it('gov.cn: meta author is the editor when the page shows no 责任编辑 line', () => {
    const p = page('gov.cn news');
    const article = read(p.html.replace(/<div class="editor">[\s\S]*?<\/div>/, ''), p.url)!;
    expect(article.editor).toBe('李岩');
    expect(article.author).toBeNull();
  });

  it('people: the writer from .author, the 责编 from .edit, neither in the text', () => {
    const article = read(page('people news with author and 责编').html, page('people news with author and 责编').url)!;
    expect([article.author, article.editor]).toEqual(['展圣洁', '冯雅君、李显杰']);
    expect(article.text).not.toContain('冯雅君');
  });
});

describe('page chrome and markup', () => {
  it('people: the print-edition line and the kicker stay out of the text', () => {
    const p = page('people reprint from the print edition (no breadcrumb: column from the title suffix)');
    const article = read(p.html, p.url)!;
    expect(p.html).toContain('paper_num');
    expect(article.text).not.toContain('人民日报 》');
    expect(article.text).not.toContain('人民时评');
  });

  it('markup in a title or body is text, never parsed', () => {
    const p = page('gov-meta article on a provincial portal');
    const hostile = '&lt;img src=x onerror=alert(1)&gt;安阳';
    const html = p.html.replace(/(<meta name="ArticleTitle" content=")[^"]*/, `$1${hostile}`).replace('<p>　　7月21日', '<p>　　&lt;script&gt;x()&lt;/script&gt;7月21日');
    const article = read(html, p.url)!;
    expect(article.title).toBe('<img src=x onerror=alert(1)>安阳');
    expect(article.text).toContain('<script>x()</script>7月21日');
  });
});

describe('odd cases', () => {
  it('a date split into <font> pieces is read whole', () => {
    const p = page('mem press-conference transcript (font-split date line, no PubDate)');
    expect(p.html).toContain('<font>2022</font> 年 <font>5</font> 月');
    expect(read(p.html, p.url)!.publishedAt).toBe('2022-05-16T15:00');
  });

  it.each(['gov.cn page without date line or firstpublishedtime', 'cma page without 发布时间', 'mwr page without PubDate or date in its line', 'gov-meta article without PubDate'])(
    '%s: no date, not a date from the body',
    (name) => {
      const p = page(name);
      const article = read(p.html, p.url)!;
      expect(article.text).toMatch(/\d+月\d+日/);
      expect(article.publishedAt).toBeNull();
    },
  );

  it('pages missing their body, or empty, are not articles', () => {
    for (const p of pages.filter((x) => x.expected)) {
      expect(read('<html><head><title>x</title></head><body><h1>标题</h1></body></html>', p.url), p.name).toBeNull();
      expect(read('', p.url), p.name).toBeNull();
    }
  });
});
