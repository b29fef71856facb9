// A local replica of 中国灾害防御信息网: article, list, search and home pages in the markup of the portal's
// WordPress theme (wpcom JustNews, both generations), built from the labelled corpus in tests/fixtures/corpus.
// Dates, authors and sources of the corpus articles are fixture values, not the portal's.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = join(here, '..', 'fixtures', 'corpus');
const readJson = (path) => JSON.parse(readFileSync(join(corpusDir, path), 'utf8'));

export const SITE_NAME = '中国灾害防御信息网';

export const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const PLACEHOLDER_IMAGE = '/wp-content/uploads/figure.svg';

/** A short line without closing punctuation right after an image is a caption in this theme. */
const isCaption = (line) => line.length <= 40 && !/[。！？!?；;”"）)]$/.test(line);

function bodyHtml(paragraphs, title) {
  return paragraphs
    .map((line) => {
      if (line.trim() === '') return '<p>&nbsp;</p>';
      if (line === title || isCaption(line)) {
        return `<div class="wp-caption aligncenter"><img src="${PLACEHOLDER_IMAGE}" alt="" width="600" height="400"><p class="wp-caption-text">${escapeHtml(line)}</p></div>`;
      }
      return `<p>${escapeHtml(line)}</p>`;
    })
    .join('\n');
}

function head(title, { canonical } = {}) {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${SITE_NAME}</title>
${canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : ''}
<link rel="stylesheet" href="/wp-content/themes/justnews/css/style.css">
</head>`;
}

const header = `<header class="header"><div class="container"><div class="navbar-header"><a class="logo" href="/">${SITE_NAME}</a></div>
<nav><ul class="nav navbar-nav"><li><a href="/">首页</a></li><li><a href="/category/news">动态信息</a></li><li><a href="/category/knowledge">防灾知识</a></li></ul>
<form class="search-form" action="/" method="get"><input type="text" name="s" placeholder="搜索"><button type="submit">搜索</button></form></nav></div></header>`;

const footer = `<footer class="footer"><div class="container"><div class="footer-col footer-col-copy">Copyright © ${SITE_NAME}</div>
<div class="footer-col footer-col-sns"><div class="wx-qrcode">微信公众号</div></div></div></footer>
<script>/* the portal's own script */ window.wpcomTheme = { version: 'replica' };</script>
</body></html>`;

function breadcrumb(categories, generation) {
  const items = [`<li class="home"><i class="wpcom-icon"></i><a href="/"><span class="hide">${SITE_NAME}</span>首页</a></li>`]
    .concat(categories.map((name, i) => `<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/category/c${i}"><span itemprop="name">${escapeHtml(name)}</span></a><meta itemprop="position" content="${i + 2}"></li>`))
    .join('');
  const cls = generation === 'old' ? 'breadcrumb entry-breadcrumb' : 'breadcrumb';
  return `<ol class="${cls}" itemscope itemtype="https://schema.org/BreadcrumbList">${items}</ol>`;
}

/**
 * An article page. `generation` 'new' puts the breadcrumb above the main column and `time.entry-date`;
 * 'old' nests it in div.main, uses .entry-content.clearfix and a plain date span.
 */
export function articlePage(article) {
  const { postId, title, paragraphs, categories, info, copyrightSource, generation = 'new', extraBodyHtml = '' } = article;
  const url = `https://zaihaifangyu.cn/${postId}.html`;
  const infoHtml = info
    ? `<div class="entry-info">
<span class="vcard"><a class="nickname url fn j-user-card" href="/author/1">${escapeHtml(info.author)}</a></span>
<span class="dot">•</span>
${generation === 'old' ? `<span class="entry-date">${escapeHtml(info.date)}</span>` : `<time class="entry-date published" datetime="${escapeHtml(info.datetime)}" pubdate>${escapeHtml(info.date)}</time>`}
${info.origin ? `<span class="dot">•</span><span class="origin">文章来源：${escapeHtml(info.origin)}</span>` : ''}
<span class="dot">•</span><a href="/category/c0" rel="category tag">${escapeHtml(categories[categories.length - 1] ?? '')}</a>
<span class="dot">•</span><span>阅读 ${info.reads ?? 0}</span>
</div>`
    : '';
  const copyright = copyrightSource
    ? `<div class="entry-copyright"><p>本文来自${escapeHtml(copyrightSource)},经授权后发布,本文观点不代表${SITE_NAME}立场,转载请联系原作者。</p></div>`
    : '';
  const entry = `<article id="post-${postId}" class="post-${postId} post type-post status-publish format-standard hentry">
<div class="entry">
<div class="entry-head"><h1 class="entry-title">${escapeHtml(title)}</h1>${infoHtml}</div>
<div class="${generation === 'old' ? 'entry-content clearfix' : 'entry-content'}">
${bodyHtml(paragraphs, title)}
${extraBodyHtml}
<div class="wpcom_ad_wrap"><script>/* advert */ document.currentScript.insertAdjacentHTML('afterend', '<span class="ad">广告</span>');</script></div>
${copyright}
</div>
<div class="entry-footer"><div class="entry-tag"><a href="/tag/safety" rel="tag">应急管理</a></div>
<div class="entry-action"><div class="btn-zan">赞</div><div class="btn-dashang">赏</div></div>
<div class="entry-page"><p>上一篇</p><p>下一篇</p></div></div>
</div>
<h3 class="entry-related-title">相关推荐</h3><ul class="entry-related cols-3 post-loop"><li class="item"><h2 class="item-title"><a href="/5288.html">相关文章</a></h2></li></ul>
<div id="comments" class="entry-comments"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">发表评论</h3><div class="comment-must-login">登录后才能评论</div></div></div>
</article>`;
  const main =
    generation === 'old'
      ? `<div class="wrap container"><div class="main">${breadcrumb(categories, generation)}${entry}</div><aside class="sidebar"><div class="widget">热门文章</div></aside></div>`
      : `<div class="wrap container">${breadcrumb(categories, generation)}<main class="main">${entry}</main><aside class="sidebar"><div class="widget">热门文章</div></aside></div>`;
  return `${head(title, { canonical: url })}
<body class="post-template-default single single-post postid-${postId} single-format-standard lang-cn">
${header}
${main}
${footer}`;
}

export function listPage(heading, items) {
  const lis = items
    .map((item) => `<li class="item"><div class="item-content"><h2 class="item-title"><a href="/${item.postId}.html">${escapeHtml(item.title)}</a></h2><div class="item-excerpt"><p>${escapeHtml(item.excerpt)}</p></div><div class="item-meta"><span class="date">${escapeHtml(item.date)}</span></div></div></li>`)
    .join('\n');
  return `${head(heading)}
<body class="archive category category-news lang-cn">
${header}
<div class="wrap container"><main class="main"><div class="sec-panel sec-panel-head"><h1><span>${escapeHtml(heading)}</span></h1></div>
<ul class="post-loop post-loop-default cols-0">${lis}</ul></main></div>
${footer}`;
}

export function homePage(items) {
  const lis = items.map((item) => `<li><a href="/${item.postId}.html">${escapeHtml(item.title)}</a></li>`).join('');
  return `${head(SITE_NAME)}
<body class="home blog lang-cn">
${header}
<div class="wrap container"><main class="main"><div class="slider"><h2>${SITE_NAME}</h2></div><div class="sec-panel"><h2>最新动态</h2><ul class="post-loop">${lis}</ul></div></main></div>
${footer}`;
}

export function searchPage(query, items) {
  return listPage(`搜索：${query}`, items).replace('archive category category-news', 'search search-results');
}

// ---- The replica's articles --------------------------------------------------------------------------

const seed = readJson('seed/5288.json');

/** The seed article: the page text as a reader's browser extracted it, chrome removed. */
function seedArticle() {
  const lines = seed.text.split('\n');
  const titleIndex = lines.indexOf(seed.title);
  const copyrightIndex = lines.findIndex((line) => line.startsWith('本文来自'));
  const paragraphs = lines.slice(titleIndex + 1, copyrightIndex).filter((line, i, all) => !(line === '' && all[i - 1] === ''));
  while (paragraphs[0] === '') paragraphs.shift();
  while (paragraphs.length && paragraphs[paragraphs.length - 1].trim() === '') paragraphs.pop();
  return {
    postId: '5288',
    title: seed.title,
    paragraphs: paragraphs.filter((line) => line !== ''),
    categories: ['动态信息', '行业信息', '新闻播报'],
    // VERIFIED on the portal: the stored page has no author/date line under the title.
    info: null,
    copyrightSource: /本文来自(.+?)[,，]/.exec(lines[copyrightIndex])[1],
    generation: 'new',
  };
}

const corpusMeta = {
  '01': { origin: '应急管理部', date: '2024-10-23' },
  '02': { origin: '应急管理365', date: '2020-05-13' },
  '03': { origin: '赤壁市融媒体中心', date: '2023-01-10' },
  '04': { origin: '中国新闻网', date: '2024-07-14' },
  '05': { origin: '新华社', date: '2019-05-12' },
  '06': { origin: '合肥日报', date: '2023-06-02' },
  '07': { origin: '光明日报', date: '2022-11-09' },
  '08': { origin: '应急管理部', date: '2024-07-12' },
  '09': { origin: '新华网', date: '2023-02-21' },
  '10': { origin: '央视新闻', date: '2024-01-17' },
  '11': { origin: '', date: '2023-03-08' },
  '12': { origin: '', date: '2024-02-01' },
};

function corpusArticle(id) {
  const { title, text } = readJson(`articles/${id}.json`);
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const meta = corpusMeta[id];
  const n = Number(id);
  return {
    postId: String(6000 + n),
    // Untitled captures take their first line as the headline only when it reads like one.
    title: title || (lines[0].length <= 40 ? lines[0] : `${lines[0].slice(0, 24)}…`),
    paragraphs: title || lines[0].length > 40 ? lines : lines.slice(1),
    categories: ['动态信息', n % 2 ? '行业信息' : '地方动态'],
    info: {
      author: '灾害防御',
      date: n % 3 === 0 ? '3天前' : meta.date,
      datetime: `${meta.date}T09:00:00+08:00`,
      origin: meta.origin,
      reads: 100 + n,
    },
    copyrightSource: null,
    generation: n % 2 ? 'old' : 'new',
  };
}

/** A page whose text is hostile: markup and script payloads in the title and body must show as text. */
function hostileArticle() {
  return {
    postId: '6666',
    title: '<img src=x onerror="window.__pwned=1">应急管理部<script>window.__pwned=2</script>通报',
    paragraphs: [
      '应急管理部新闻发言人张三表示,“<img src=x onerror="window.__pwned=3">要守住安全底线</p><script>window.__pwned=4</script>”。',
      '<a href="javascript:window.__pwned=5">点击</a>李四强调,要落实《<svg onload=window.__pwned=6>安全生产条例》。',
    ],
    categories: ['动态信息', '<i>测试</i>'],
    info: { author: '<u>x</u>', date: '2024-01-01', datetime: '2024-01-01T00:00:00+08:00', origin: '"><script>window.__pwned=7</script>', reads: 1 },
    copyrightSource: null,
    generation: 'new',
  };
}

/**
 * The sample article as the portal might serve it after an edit: a paragraph inserted at the top, the
 * closing paragraph removed, punctuation of one paragraph changed to full width. Served as /5288.html?rev=2.
 */
export function revisedSeedArticle() {
  const article = seedArticle();
  const paragraphs = article.paragraphs.filter((line) => !line.startsWith('中央广播电视总台、中新社'));
  const first = paragraphs.findIndex((line) => line.startsWith('11月20日'));
  paragraphs[first] = paragraphs[first].replace(/,/g, '，');
  paragraphs.splice(1, 0, '(本文于发布后更新:补充了会议背景。)编者按:城市安全是城市发展的基础。');
  return { ...article, paragraphs };
}

export function replicaArticles() {
  const articles = [seedArticle()];
  for (let n = 1; n <= 12; n++) articles.push(corpusArticle(String(n).padStart(2, '0')));
  articles.push(hostileArticle());
  return articles;
}
