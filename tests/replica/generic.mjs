// Pages of a site no adapter knows (a research institute's news on a blog-like template), served by the replica
// on 127.0.0.1 under /reports/: what the generic reader meets when the reader asks for "this page".

import { escapeHtml, replicaArticles } from './pages.mjs';

export const GENERIC_ARTICLE_PATH = '/reports/2024/06/flood-season-briefing.html';
export const GENERIC_LIST_PATH = '/reports/';
export const GENERIC_TABLE_PATH = '/xxgk/2023/0609/art_1042.html';

export function genericPages() {
  const article = replicaArticles().find((candidate) => candidate.postId === '6002');
  const paragraphs = article.paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const chrome = `<header class="site-header"><a class="brand" href="/">安全发展研究院</a>
<nav><a href="/">首页</a> <a href="/reports/">研究动态</a> <a href="/about/">关于我们</a></nav></header>`;
  const articleHtml = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(article.title)} | 安全发展研究院</title>
<meta property="og:site_name" content="安全发展研究院">
<meta property="article:published_time" content="2024-06-18T09:30:00+08:00">
</head><body>${chrome}
<main class="layout"><article class="post">
<h1 class="entry-title">${escapeHtml(article.title)}</h1>
<div class="entry-meta">2024年6月18日 来源：安全发展研究院 作者：李明</div>
<div class="entry-content">
${paragraphs}
<p>责任编辑：王芳</p>
</div></article>
<aside class="widget"><h3>热门文章</h3><ul><li><a href="/reports/2024/05/a.html">城市安全韧性建设的五个抓手</a></li><li><a href="/reports/2024/04/b.html">基层应急能力评估方法</a></li></ul></aside>
</main><footer>© 2024 安全发展研究院 版权所有</footer></body></html>`;
  const listHtml = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>研究动态 | 安全发展研究院</title></head>
<body>${chrome}<main><h1>研究动态</h1><ul>
<li><a href="${GENERIC_ARTICLE_PATH}">${escapeHtml(article.title)}</a> 2024-06-18</li>
<li><a href="/reports/2024/05/a.html">城市安全韧性建设的五个抓手</a> 2024-05-20</li></ul></main></body></html>`;
  // An older county government page: layout tables, <font> tags, the date split over pieces, no meta tags,
  // a 【打印】【关闭】 bar under the text.
  const notice = replicaArticles().find((candidate) => candidate.postId === '6006');
  const noticeTitle = '市领导暗访督导安全生产工作';
  const tableHtml = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>${noticeTitle}-某某县人民政府</title></head>
<body><table width="980" align="center"><tr><td><img src="/images/banner.jpg" alt="某某县人民政府"></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a href="/xxgk/">信息公开</a> | <a href="/bsfw/">办事服务</a></td></tr></table>
<table width="980" align="center"><tr><td width="200" valign="top"><font size="2">栏目导航</font><br><a href="/xxgk/gzdt/">工作动态</a><br><a href="/xxgk/tzgg/">通知公告</a></td>
<td valign="top"><table width="100%"><tr><td align="center"><font size="5" color="#c00"><b>${noticeTitle}</b></font></td></tr>
<tr><td align="center"><font size="2">发布时间：<font>2023</font>-<font>06</font>-<font>09</font>　信息来源：县应急管理局　点击数：128</font></td></tr>
<tr><td class="bt_content"><font size="3">${notice.paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}</font></td></tr>
<tr><td align="right"><font size="2">【打印】【关闭】</font></td></tr></table></td></tr></table>
<table width="980" align="center"><tr><td align="center"><font size="2">主办：某某县人民政府办公室　版权所有</font></td></tr></table></body></html>`;
  return [
    { path: GENERIC_ARTICLE_PATH, html: articleHtml, title: article.title, paragraphs: article.paragraphs },
    { path: GENERIC_TABLE_PATH, html: tableHtml, title: noticeTitle, paragraphs: notice.paragraphs },
    { path: GENERIC_LIST_PATH, html: listHtml, title: null, paragraphs: [] },
  ];
}
