// Replicas of the built-in sites beyond the portal: article pages in each site's template shape (containers, class
// names, meta tags, title suffix, date line format, encoding declaration, as described in the project's site notes),
// list pages and odd cases, filled with article text from the labelled corpus (tests/fixtures/corpus).
// URLs, ids, dates, editors and breadcrumbs are fixture values chosen to fit each site's shapes, not real pages.
// Each page carries what a correct reader gets from it (`expected`, null for pages that are not articles).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeHtml as esc } from './pages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = (id) => JSON.parse(readFileSync(join(here, '..', 'fixtures', 'corpus', 'articles', `${id}.json`), 'utf8'));

/** The corpus text as trimmed non-empty lines, without the first `skip` and any matching `drop`. */
function corpusLines(id, { skip = 0, drop = [] } = {}) {
  return corpus(id)
    .text.split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(skip)
    .filter((line) => !drop.some((pattern) => pattern.test(line)));
}

const paragraphs = (lines, indent = '') => lines.map((line) => `<p>${indent}${esc(line)}</p>`).join('\n');

// ---- 应急管理部 www.mem.gov.cn -------------------------------------------------------------------------------

const MEM = '中华人民共和国应急管理部';

function memPage({ title, metas = '', crumbs, main }) {
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${esc(title)}--${MEM}</title>
${metas}
<link rel="stylesheet" href="/images/common.css">
</head>
<body>
<div class="header"><div class="logo"><a href="/">${MEM}</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/xw/">新闻</a></li><li><a href="/gk/">政务公开</a></li><li><a href="/fw/">政务服务</a></li><li><a href="/kp/">科普宣教</a></li></ul>
<form action="/was5/web/search" class="search"><input name="searchword"><button>搜索</button></form></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; ${crumbs.map((c) => `<a href="./">${esc(c)}</a>`).join(' &gt; ')}</div>
${main}
<div class="footer"><p>主办单位：${MEM}</p><p>网站标识码bm79000001 京ICP备18051093号</p></div>
<script>var countPage = 1;</script>
</body>
</html>`;
}

function memNews({ title, lines, date, dateHtml, source, pubDate, crumbs, bodyHtml }) {
  const metas = [
    `<meta name="ArticleTitle" content="${esc(title)}">`,
    pubDate ? `<meta name="PubDate" content="${esc(pubDate)}">` : '',
  ].join('\n');
  const main = `<div class="main">
<div class="tit"><h1>${esc(title)}</h1></div>
<div class="youbiaodc_ind01">${dateHtml ?? esc(date)} 来源：${esc(source)}</div>
<div class="TRS_Editor">
${bodyHtml ?? paragraphs(lines, '　　')}
</div>
<div class="fx_bot"><span>【打印】</span><span>【关闭】</span><span>分享到：</span></div>
</div>`;
  return memPage({ title, metas, crumbs, main });
}

function memPages() {
  const newsTitle = corpus('08').title;
  const newsLines = corpusLines('08', { skip: 3, drop: [/^阅读次数/] });
  const newsUrl = 'https://www.mem.gov.cn/xw/yjglbgzdt/202308/t20230810_459961.shtml';

  const gkTitle = corpus('30').title;
  const gkLines = corpusLines('30', { skip: 3 });
  const gkUrl = 'https://www.mem.gov.cn/gk/zfxxgkpt/fdzdgknr/202401/t20240126_476512.shtml';
  const row = (...cells) => `<tr>${cells.map((c, i) => (i % 2 ? `<td>${esc(c)}</td>` : `<td class="td_lable">${esc(c)}：</td>`)).join('')}</tr>`;
  const gkMain = `<div class="scy_main"><div class="scy_main_l"><ul><li>法定主动公开内容</li><li>政策解读</li></ul></div>
<div class="scy_main_r">
<div class="scy_main_detail"><table>
${row('标题', gkTitle)}
${row('索引号', '000014672/2024-00045', '发文字号', '')}
${row('发文单位', '应急管理部', '所属机构', '政策法规司')}
${row('主题分类', '政策解读', '成文日期', '2024-01-25')}
${row('发布日期', '2024-01-26')}
</table></div>
<h1>${esc(gkTitle)}</h1>
<div id="content"><div class="TRS_Editor">
${paragraphs(gkLines, '　　')}
</div></div>
</div></div>`;

  // The transcript: no PubDate in its head, and its date line split into <font> pieces as TRS pastes them.
  const pcTitle = corpus('14').title.replace(/^实录丨/, '');
  const pcLines = corpusLines('14', { skip: 1 });
  const pcUrl = 'https://www.mem.gov.cn/xw/xwfbh/2022n5y16xwfbh/wzsl_4050/202205/t20220516_413826.shtml';
  const pcBody = pcLines
    .map((line, i) =>
      i === 0
        ? `<p>　　${esc(line).replace('5月16日', '<font>5</font>月<font>16</font>日')}</p>`
        : /^[\u4e00-\u9fa5]{2,4}:$/.test(line)
          ? `<p><strong>${esc(line)}</strong></p>`
          : `<p>　　${esc(line)}</p>`,
    )
    .join('\n');

  const listItems = [
    [newsTitle, './202308/t20230810_459961.shtml', '2023-08-10 09:25'],
    ['应急管理部部署强降雨防范应对工作', './202308/t20230809_459902.shtml', '2023-08-09 18:40'],
  ];
  const list = memPage({
    title: '应急管理部工作动态',
    metas: '<meta name="SiteName" content="中华人民共和国应急管理部">\n<meta name="ColumnName" content="应急管理部工作动态">\n<meta name="ColumnDescription" content="应急管理部工作动态">',
    crumbs: ['新闻', '应急管理部工作动态'],
    main: `<div class="main"><ul class="list">${listItems.map(([t, href, d]) => `<li><a href="${href}">${esc(t)}<span>${d}</span></a></li>`).join('\n')}</ul>
<div class="page">共30页 <a href="index_1.shtml">下一页</a></div></div>`,
  });
  const landing = memPage({
    title: '应急管理部2022年5月例行新闻发布会',
    crumbs: ['新闻', '新闻发布会'],
    main: `<div class="main xwfbh"><h2>应急管理部2022年5月例行新闻发布会</h2>
<ul><li><a href="./wzsl_4050/202205/t20220516_413826.shtml">文字实录</a></li><li><a href="./tpzb/">图片直播</a></li><li><a href="./spzb/">视频直播</a></li></ul>
<p class="summary">应急管理部于5月16日(星期一)下午3时举行5月例行新闻发布会。</p></div>`,
  });

  return [
    {
      name: 'mem news',
      site: 'mem.gov.cn',
      url: newsUrl,
      html: memNews({ title: newsTitle, lines: newsLines, date: '2023-08-10 09:25', source: '应急管理部', pubDate: '2023-08-10 09:25', crumbs: ['新闻', '应急管理部工作动态'] }),
      bodyLines: newsLines,
      expected: {
        id: 'xw/yjglbgzdt/202308/t20230810_459961',
        url: newsUrl,
        title: newsTitle,
        publishedAt: '2023-08-10T09:25',
        source: '应急管理部',
        author: null,
        editor: null,
        column: ['新闻', '应急管理部工作动态'],
      },
    },
    {
      name: 'mem 政府信息公开',
      site: 'mem.gov.cn',
      url: gkUrl,
      html: memPage({ title: gkTitle, metas: `<meta name="ArticleTitle" content="${esc(gkTitle)}">`, crumbs: ['政务公开', '政府信息公开', '法定主动公开内容'], main: gkMain }),
      bodyLines: gkLines,
      expected: {
        id: 'gk/zfxxgkpt/fdzdgknr/202401/t20240126_476512',
        url: gkUrl,
        title: gkTitle,
        publishedAt: '2024-01-26',
        source: '应急管理部',
        author: null,
        editor: null,
        column: ['政务公开', '政府信息公开', '法定主动公开内容'],
      },
    },
    {
      name: 'mem press-conference transcript (font-split date line, no PubDate)',
      site: 'mem.gov.cn',
      url: pcUrl,
      html: memNews({
        title: pcTitle,
        lines: pcLines,
        dateHtml: '<font>2022</font> 年 <font>5</font> 月 <font>16</font> 日 <font>15</font>:<font>00</font>',
        source: '新闻宣传司',
        crumbs: ['新闻', '新闻发布会'],
        bodyHtml: pcBody,
      }),
      bodyLines: pcLines,
      expected: {
        id: 'xw/xwfbh/2022n5y16xwfbh/wzsl_4050/202205/t20220516_413826',
        url: pcUrl,
        title: pcTitle,
        publishedAt: '2022-05-16T15:00',
        source: '新闻宣传司',
        author: null,
        editor: null,
        column: ['新闻', '新闻发布会'],
      },
    },
    { name: 'mem list', site: 'mem.gov.cn', url: 'https://www.mem.gov.cn/xw/yjglbgzdt/', html: list, expected: null },
    { name: 'mem list page 2', site: 'mem.gov.cn', url: 'https://www.mem.gov.cn/xw/yjglbgzdt/index_1.shtml', html: list, expected: null },
    { name: 'mem press-conference landing page', site: 'mem.gov.cn', url: 'https://www.mem.gov.cn/xw/xwfbh/2022n5y16xwfbh/', html: landing, expected: null },
  ];
}

// ---- 中国政府网 www.gov.cn -----------------------------------------------------------------------------------

function govcnPage({ title, suffix, metas, crumbs, dateLine, bodyLines, editor }) {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}_${suffix}_中国政府网</title>
${metas}
<link rel="stylesheet" href="/govweb/xhtml/2016gov/css/common.css">
</head>
<body>
<div class="header"><a class="logo" href="/">中国政府网</a><ul class="nav"><li><a href="/">首页</a></li><li><a href="/yaowen/">要闻</a></li><li><a href="/zhengce/">政策</a></li><li><a href="/hudong/">互动</a></li></ul></div>
<div class="BreadcrumbNav"><a href="/">首页</a> &gt; ${crumbs.map((c) => `<a href="./">${esc(c)}</a>`).join(' &gt; ')}</div>
<div class="article oneColumn pub_border">
<h1 id="ti">${esc(title)}</h1>
${dateLine ? `<div class="pages-date">${dateLine}<span class="pages_print">字号：<span>默认</span><span>大</span><span>超大</span>｜打印｜</span></div>` : ''}
<div class="pages_content" id="UCAP-CONTENT"><div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_web">
${paragraphs(bodyLines, '　　')}
</div></div>
<div class="editor">【我要纠错】 责任编辑：${esc(editor)}</div>
<div class="shuzi"><a href="#">扫一扫在手机打开当前页</a></div>
</div>
<div class="footer">主办单位：国务院办公厅 运行维护单位：中国政府网运行中心</div>
</body>
</html>`;
}

function govcnPages() {
  const title = corpus('04').title;
  const lines = corpusLines('04', { skip: 1 });
  const url = 'https://www.gov.cn/yaowen/liebiao/202407/content_6962886.htm';
  const meta = (published, author) =>
    [
      `<meta name="firstpublishedtime" content="${published}">`,
      `<meta name="lastmodifiedtime" content="${published}">`,
      `<meta name="author" content="${author}">`,
      '<meta name="keywords" content="防汛;七下八上;洪水">',
      `<meta name="description" content="${esc(lines[0].slice(0, 60))}">`,
      '<meta name="lanmu" content="要闻">',
      '<meta name="catalog" content="滚动">',
      '<meta name="manuscriptId" content="6962886">',
    ].join('\n');
  // A 政策 page with neither date line nor firstpublishedtime: the date is unknown, not guessed from the body.
  const oddTitle = '应急管理部举行季度例行新闻发布会';
  const oddLines = corpusLines('01');
  const oddUrl = 'https://www.gov.cn/zhengce/202410/content_6982001.htm';
  const listUrl = 'https://www.gov.cn/yaowen/liebiao/home.htm';
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>滚动_中国政府网</title></head><body>
<div class="BreadcrumbNav"><a href="/">首页</a> &gt; <a href="/yaowen/">要闻</a> &gt; 滚动</div>
<div class="list list_1 list_2"><ul><li><h4><a href="./202407/content_6962886.htm">${esc(title)}</a><span class="date">2024-07-14</span></h4></li></ul></div></body></html>`;
  return [
    {
      name: 'gov.cn news',
      site: 'gov.cn',
      url,
      html: govcnPage({
        title,
        suffix: '滚动新闻',
        metas: meta('2024-07-14-18:21:03', '李岩'),
        crumbs: ['要闻', '滚动'],
        dateLine: '2024-07-14 18:21　<span class="font">来源：中国新闻网</span>',
        bodyLines: lines,
        editor: '李岩',
      }),
      bodyLines: lines,
      expected: {
        id: 'yaowen/liebiao/202407/content_6962886',
        url,
        title,
        publishedAt: '2024-07-14T18:21',
        source: '中国新闻网',
        author: null,
        editor: '李岩',
        column: ['要闻', '滚动'],
      },
    },
    {
      name: 'gov.cn page without date line or firstpublishedtime',
      site: 'gov.cn',
      url: oddUrl,
      html: govcnPage({ title: oddTitle, suffix: '政策解读', metas: '<meta name="author" content="王洋">', crumbs: ['政策', '政策解读'], dateLine: '', bodyLines: oddLines, editor: '王洋' }),
      bodyLines: oddLines,
      expected: {
        id: 'zhengce/202410/content_6982001',
        url: oddUrl,
        title: oddTitle,
        publishedAt: null,
        source: null,
        author: null,
        editor: '王洋',
        column: ['政策', '政策解读'],
      },
    },
    { name: 'gov.cn list', site: 'gov.cn', url: listUrl, html: list, expected: null },
    { name: 'gov.cn news index', site: 'gov.cn', url: 'https://www.gov.cn/yaowen/index.htm', html: list, expected: null },
  ];
}

// ---- 人民网 *.people.com.cn ---------------------------------------------------------------------------------

function peoplePage({ title, channel, crumbs, pre = '', sub = '', channelLine, author, bodyLines, paperNum, editor }) {
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="content-type" content="text/html;charset=UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0">
<title>${esc(title)}--${esc(channel)}--人民网</title>
<meta name="keywords" content="${esc(title)}">
<meta name="description" content="${esc(bodyLines[0].slice(0, 60))}">
<link rel="stylesheet" href="/img/2020wbc/css/page.css">
</head>
<body>
<div class="header"><a href="http://www.people.com.cn/">人民网</a> <span>人民日报社概况</span> <span>关于人民网</span></div>
${crumbs ? `<div class="col-1 route"><a href="http://www.people.com.cn/">人民网</a>&gt;&gt;${crumbs.map((c) => `<a href="../../">${esc(c)}</a>`).join('&gt;&gt;')}</div>` : ''}
<div class="layout rm_txt cf">
<div class="col col-1 fl">
${pre ? `<h3 class="pre">${esc(pre)}</h3>` : ''}
<h1>${esc(title)}</h1>
${sub ? `<h4 class="sub">${esc(sub)}</h4>` : ''}
${author ? `<div class="author">${esc(author)}</div>` : ''}
<div class="channel cf"><div class="col-1-1 fl">${esc(channelLine)}</div><div class="col-1-2 fr"><a href="#">分享到</a></div></div>
${paperNum ? `<div id="paper_num" class="paper_num">${esc(paperNum)}</div>` : ''}
<div class="rm_txt_con cf">
${paragraphs(bodyLines, '　　')}
<div class="edit cf">(责编：${esc(editor)})</div>
</div>
</div>
<div class="col col-2 fr"><div class="ph">排行榜</div></div>
</div>
<div class="footer">人民日报社概况｜关于人民网｜报社招聘｜招聘英才｜广告服务</div>
</body>
</html>`;
}

function peoplePages() {
  const newsTitle = corpus('24').title;
  const newsLines = corpusLines('24', { skip: 1, drop: [/^2021-10-14 20:54:48/, /^新京报记者 展圣洁$/, /^编辑 冯雅君/, /^\(责任编辑/] });
  const newsUrl = 'http://society.people.com.cn/n1/2021/1014/c1008-32254188.html';
  const reprintTitle = corpus('21').title;
  const reprintLines = corpusLines('21', { skip: 1 });
  const reprintUrl = 'http://opinion.people.com.cn/n1/2020/1109/c1003-31923456.html';
  // The layout before rm_txt (2013): title in .text_title, date in .box01, body .box_con#rwb_zw, GB2312 declared.
  const oldTitle = '地震预测仍是世界难题';
  const oldLines = corpusLines('05');
  const oldUrl = 'http://scitech.people.com.cn/n/2013/0512/c1007-21451234.html';
  const oldHtml = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="content-type" content="text/html;charset=GB2312">
<title>${esc(oldTitle)}--科技--人民网</title>
<meta name="source" content="来源：人民日报">
<meta name="author" content="">
</head>
<body>
<div class="w1000 header"><a href="http://www.people.com.cn/">人民网</a></div>
<div class="clearfix w1000_320 text_title"><h1>${esc(oldTitle)}</h1>
<div class="box01"><div class="fl">2013年05月12日10:21</div><div class="fr"><a href="#">分享到</a></div></div></div>
<div class="clearfix w1000_320 text_con"><div class="fl text_con_left"><div class="box_con" id="rwb_zw">
${paragraphs(oldLines, '　　')}
<div class="edit clearfix">(责任编辑：刘军)</div>
</div></div></div>
</body>
</html>`;
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>社会·法治--人民网</title></head><body>
<div class="route"><a href="http://www.people.com.cn/">人民网</a>&gt;&gt;<a href="/">社会·法治</a></div>
<div class="ej_list_box"><ul class="list_ej2"><li><a href="/n1/2021/1014/c1008-32254188.html">${esc(newsTitle)}</a><em>2021-10-14</em></li></ul></div>
<div class="page_n"><a href="index2.html">下一页</a></div></body></html>`;
  return [
    {
      name: 'people news with author and 责编',
      site: 'people.com.cn',
      url: newsUrl,
      html: peoplePage({
        title: newsTitle,
        channel: '社会·法治',
        crumbs: ['社会·法治'],
        channelLine: '2021年10月14日20:54 | 来源：新京报',
        author: '记者 展圣洁',
        bodyLines: newsLines,
        editor: '冯雅君、李显杰',
      }),
      bodyLines: newsLines,
      expected: {
        id: 'society/n1/2021/1014/c1008-32254188',
        url: newsUrl,
        title: newsTitle,
        publishedAt: '2021-10-14T20:54',
        source: '新京报',
        author: '展圣洁',
        editor: '冯雅君、李显杰',
        column: ['社会·法治'],
      },
    },
    {
      name: 'people reprint from the print edition (no breadcrumb: column from the title suffix)',
      site: 'people.com.cn',
      url: reprintUrl,
      html: peoplePage({
        title: reprintTitle,
        channel: '观点',
        crumbs: null,
        pre: '人民时评',
        channelLine: '2020年11月09日05:41 | 来源：人民网－人民日报',
        bodyLines: reprintLines,
        paperNum: '《 人民日报 》（ 2020年11月09日 05 版）',
        editor: '孙爽、赵欣悦',
      }),
      bodyLines: reprintLines,
      expected: {
        id: 'opinion/n1/2020/1109/c1003-31923456',
        url: reprintUrl,
        title: reprintTitle,
        publishedAt: '2020-11-09T05:41',
        source: '人民网－人民日报',
        author: null,
        editor: '孙爽、赵欣悦',
        column: ['观点'],
      },
    },
    {
      name: 'people older layout (.box_con, 来源 only in meta source)',
      site: 'people.com.cn',
      url: oldUrl,
      html: oldHtml,
      bodyLines: oldLines,
      expected: {
        id: 'scitech/n/2013/0512/c1007-21451234',
        url: oldUrl,
        title: oldTitle,
        publishedAt: '2013-05-12T10:21',
        source: '人民日报',
        author: null,
        editor: '刘军',
        column: ['科技'],
      },
    },
    { name: 'people list', site: 'people.com.cn', url: 'http://society.people.com.cn/GB/1062/index.html', html: list, expected: null },
    { name: 'people channel home', site: 'people.com.cn', url: 'http://society.people.com.cn/', html: list, expected: null },
  ];
}

// ---- 新华网 www.news.cn and the legacy xinhuanet.com ------------------------------------------------------------

function newsCnPages() {
  // The stored capture has no headline; its first sentence names the meeting, which serves as one.
  const title = '全省森林防火工作电视电话会议在贵阳召开';
  const lines = corpusLines('09');
  const url = 'http://gz.news.cn/20240221/c3037ddded81474cb21e7a2442988d74/c.html';
  const html = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${esc(title)}-新华网</title>
<meta name="keywords" content="森林防火">
<meta name="description" content="${esc(title)}">
</head>
<body>
<div class="header domPC"><div class="header-top"><a href="http://www.news.cn/">新华网</a> <a href="http://gz.news.cn/">贵州频道</a></div>
<div class="header-cont clearfix">
<div class="header-time left"><span class="year"><em>2024</em></span><span class="day"><em>02</em>/<em>21</em></span><span class="time">08:52:14</span></div>
<div class="source">来源：新华网</div>
<div class="head-line clearfix"><h1><span class="title">${esc(title)}</span></h1><div class="pageShare"><span>分享</span></div></div>
</div></div>
<div class="main clearfix"><div class="main-left left">
<div id="detail"><div id="detailContent">
${paragraphs(lines)}
</div>
<div id="articleEdit"><span class="tiyi1"><a href="#">【纠错】</a></span><span class="editor">【责任编辑:王璐】</span></div>
</div>
</div><div class="main-right right"><div class="columBox">推荐阅读</div></div></div>
<div class="foot">新华网版权所有</div>
</body>
</html>`;

  const legacyTitle = '专访：气候变化将导致越来越多的极端天气和自然灾害——访世界气象组织秘书长塔拉斯';
  const all = corpusLines('19');
  const legacyLines = all.slice(all.findIndex((line, i) => i > 1 && line.startsWith('新华社日内瓦7月19日电专访')));
  const legacyUrl = 'http://www.xinhuanet.com/world/2021-07/20/c_1127674829.htm';
  // The legacy template splits long articles: #div_currpage links the pages inside the body block.
  const legacy = `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(legacyTitle)}-新华网</title>
<meta property="article:publish_time" content="2021-07-20 08:09:35">
</head>
<body>
<div class="domPC"><div class="topNav"><a href="http://www.xinhuanet.com/">新华网</a> | <a href="http://www.xinhuanet.com/world/">国际</a></div></div>
<div class="h-p3 clearfix">
<div class="h-title">${esc(legacyTitle)}</div>
<div class="h-info"><span class="h-time">2021-07-20 08:09:35</span><span>来源： 新华网</span></div>
<div class="h-share">分享</div>
</div>
<div class="main"><div id="p-detail">
${paragraphs(legacyLines)}
<div id="div_currpage"><center><a href="c_1127674829.htm">1</a> <a href="c_1127674829_2.htm">2</a> <a href="c_1127674829_2.htm">下一页</a></center></div>
</div>
<div class="p-jc"><a href="#">【纠错】</a><span class="editor">责任编辑： 马晓燕</span></div>
</div>
</body>
</html>`;
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>时政_新华网</title></head><body>
<div class="list list-txt"><ul><li><a href="../20240221/c3037ddded81474cb21e7a2442988d74/c.html">${esc(title)}</a><span>2024-02-21</span></li></ul></div></body></html>`;
  return [
    {
      name: 'news.cn article on a regional subsite',
      site: 'news.cn',
      url,
      html,
      bodyLines: lines,
      expected: {
        id: '20240221/c3037ddded81474cb21e7a2442988d74',
        url,
        title,
        publishedAt: '2024-02-21T08:52:14',
        source: '新华网',
        author: null,
        editor: '王璐',
        column: [],
      },
    },
    {
      name: 'legacy xinhuanet article split over pages',
      site: 'news.cn',
      url: legacyUrl,
      html: legacy,
      bodyLines: legacyLines,
      expected: {
        id: '2021-07-20/c_1127674829',
        url: legacyUrl,
        title: legacyTitle,
        publishedAt: '2021-07-20T08:09:35',
        source: '新华网',
        author: null,
        editor: '马晓燕',
        column: [],
      },
    },
    { name: 'news.cn channel list', site: 'news.cn', url: 'https://www.news.cn/politics/', html: list, expected: null },
    { name: 'news.cn channel index', site: 'news.cn', url: 'https://www.news.cn/politics/index.htm', html: list, expected: null },
  ];
}

// ---- 中国气象局 www.cma.gov.cn --------------------------------------------------------------------------------

function cmaPage({ title, spans, lines }) {
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(title)}-中国气象局政府门户网站</title>
</head>
<body>
<div class="top"><a href="/">中国气象局</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/2011xwzx/">新闻</a> &gt; <a href="/2011xwzx/2011xqxxw/">气象新闻</a> &gt; <a href="/2011xwzx/2011xqxxw/2011xqxyw/">气象要闻</a></div>
<div class="news_text">
<h1>${esc(title)}</h1>
<div class="news_textspan">${spans.map((span) => `<span>${esc(span)}</span>`).join('　　')}</div>
<div class="TRS_Editor">
${paragraphs(lines, '　　')}
</div>
</div>
<div class="foot">主办：中国气象局</div>
</body>
</html>`;
}

function cmaPages() {
  const title = corpus('25').title;
  const lines = corpusLines('25', { skip: 1 });
  const url = 'https://www.cma.gov.cn/2011xwzx/2011xqxxw/2011xqxyw/202107/t20210717_5782351.html';
  const oddUrl = 'https://www.cma.gov.cn/2011xwzx/2011xqxxw/2011xqxyw/202107/t20210718_5782360.html';
  const column = ['新闻', '气象新闻', '气象要闻'];
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>气象要闻-中国气象局政府门户网站</title></head><body>
<div class="news_list"><ul><li><a href="./202107/t20210717_5782351.html">${esc(title)}</a><span>2021-07-17</span></li></ul></div>
<div class="page">共20页 <a href="index_1.html">下一页</a></div></body></html>`;
  return [
    {
      name: 'cma news',
      site: 'cma.gov.cn',
      url,
      html: cmaPage({ title, spans: ['来源：中国气象报社', '发布时间：2021年07月17日14:15'], lines }),
      bodyLines: lines,
      expected: { id: '2011xwzx/2011xqxxw/2011xqxyw/202107/t20210717_5782351', url, title, publishedAt: '2021-07-17T14:15', source: '中国气象报社', author: null, editor: null, column },
    },
    {
      // The body opens with "7月17日"; without a 发布时间 span the date stays unknown.
      name: 'cma page without 发布时间',
      site: 'cma.gov.cn',
      url: oddUrl,
      html: cmaPage({ title, spans: ['来源：中国气象报社'], lines }),
      bodyLines: lines,
      expected: { id: '2011xwzx/2011xqxxw/2011xqxyw/202107/t20210718_5782360', url: oddUrl, title, publishedAt: null, source: '中国气象报社', author: null, editor: null, column },
    },
    { name: 'cma list', site: 'cma.gov.cn', url: 'https://www.cma.gov.cn/2011xwzx/2011xqxxw/2011xqxyw/index_1.html', html: list, expected: null },
  ];
}

// ---- 水利部 www.mwr.gov.cn ------------------------------------------------------------------------------------

function mwrPage({ title, pubDate, info, lines, credits }) {
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(title)}_中华人民共和国水利部</title>
${pubDate ? `<meta name="PubDate" content="${pubDate}">` : ''}
</head>
<body>
<div class="header"><a href="/">中华人民共和国水利部</a></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xw/">新闻</a> &gt; <a href="/xw/mtzs/">媒体聚焦</a></div>
<div class="xlcontainer">
<h1>${esc(title)}</h1>
<div class="xlxx">${esc(info)}</div>
${paragraphs(lines, '　　')}
<p>${esc(credits)}</p>
<div class="ewm">扫一扫在手机打开当前页</div>
<div class="fwl">访问量统计：<span id="count">1024</span></div>
</div>
<div class="footer">主办：中华人民共和国水利部</div>
</body>
</html>`;
}

function mwrPages() {
  const title = corpus('18').title;
  const lines = corpusLines('18', { skip: 1 });
  const url = 'http://www.mwr.gov.cn/xw/mtzs/201007/t20100702_221645.html';
  const oddUrl = 'http://www.mwr.gov.cn/xw/mtzs/201007/t20100703_221702.html';
  const column = ['新闻', '媒体聚焦'];
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>媒体聚焦_中华人民共和国水利部</title></head><body>
<ul class="slnewsconlist"><li><span>2010-07-02</span><a href="./201007/t20100702_221645.html">${esc(title)}</a></li></ul>
<div class="page"><a href="index_1.html">下一页</a></div></body></html>`;
  return [
    {
      name: 'mwr news (a media reprint)',
      site: 'mwr.gov.cn',
      url,
      html: mwrPage({ title, pubDate: '2010-07-02 09:30:00', info: '时间：2010-07-02　来源：三联生活周刊', lines, credits: '作者：吴琪 吴丽玮　责编：李晓' }),
      bodyLines: lines,
      expected: { id: 'xw/mtzs/201007/t20100702_221645', url, title, publishedAt: '2010-07-02T09:30:00', source: '三联生活周刊', author: '吴琪 吴丽玮', editor: '李晓', column },
    },
    {
      name: 'mwr page without PubDate or date in its line',
      site: 'mwr.gov.cn',
      url: oddUrl,
      html: mwrPage({ title, pubDate: '', info: '来源：三联生活周刊', lines, credits: '责编：李晓' }),
      bodyLines: lines,
      expected: { id: 'xw/mtzs/201007/t20100703_221702', url: oddUrl, title, publishedAt: null, source: '三联生活周刊', author: null, editor: '李晓', column },
    },
    { name: 'mwr list', site: 'mwr.gov.cn', url: 'http://www.mwr.gov.cn/xw/mtzs/index_1.html', html: list, expected: null },
  ];
}

// ---- A government site with the common meta tags and no adapter of its own (河南省人民政府) -----------------------

function govMetaPage({ title, pubDate, source, column, lines, editor }) {
  // A table-and-font-tag template, as older provincial portals still serve.
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(title)}_河南省人民政府门户网站</title>
<meta name="SiteName" content="河南省人民政府门户网站">
<meta name="SiteDomain" content="www.henan.gov.cn">
<meta name="SiteIDCode" content="4100000011">
<meta name="ColumnName" content="${esc(column)}">
<meta name="ColumnType" content="${esc(column)}">
<meta name="ArticleTitle" content="${esc(title)}">
${pubDate ? `<meta name="PubDate" content="${pubDate}">` : ''}
<meta name="ContentSource" content="${esc(source)}">
<meta name="Keywords" content="安全生产;电视电话会议">
</head>
<body>
<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td class="top"><font color="#ffffff">河南省人民政府门户网站</font></td></tr></table>
<table width="1000" align="center"><tr><td class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/sxdt/">${esc(column)}</a></td></tr></table>
<table width="1000" align="center"><tr><td>
<h1 class="title">${esc(title)}</h1>
<div class="info"><font color="#666666">河南省人民政府门户网站 www.henan.gov.cn 时间：${esc(pubDate ?? '')} 来源：${esc(source)}</font></div>
<div class="content" id="content">
${paragraphs(lines, '　　')}
<p>责任编辑：${esc(editor)}</p>
</div>
</td></tr></table>
<table width="1000" align="center"><tr><td class="foot"><font size="2">主办：河南省人民政府办公厅</font></td></tr></table>
</body>
</html>`;
}

function govMetaPages() {
  const title = corpus('22').title;
  const lines = corpusLines('22', { skip: 1, drop: [/^河南省人民政府门户网站/, /^责任编辑/] });
  const url = 'https://www.henan.gov.cn/2019/07-29/937604.html';
  const oddTitle = '市长马军暗访督导安全生产工作';
  const oddLines = corpusLines('06');
  const oddUrl = 'https://yjglt.henan.gov.cn/2023/05-17/2745632.html';
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>市县动态_河南省人民政府门户网站</title>
<meta name="SiteName" content="河南省人民政府门户网站"><meta name="ColumnName" content="市县动态"><meta name="ColumnDescription" content="市县动态"></head><body>
<div class="content"><ul class="list"><li><a href="/2019/07-29/937604.html">${esc(title)}</a><span>2019-07-29</span></li><li><a href="/2019/07-29/937600.html">河南省召开全省安全生产工作紧急电视电话会议</a><span>2019-07-29</span></li></ul></div></body></html>`;
  return [
    {
      name: 'gov-meta article on a provincial portal',
      site: 'henan.gov.cn',
      url,
      html: govMetaPage({ title, pubDate: '2019-07-29 17:27', source: '安阳市人民政府', column: '市县动态', lines, editor: '张琳' }),
      bodyLines: lines,
      expected: { id: '2019/07-29/937604', url, title, publishedAt: '2019-07-29T17:27', source: '安阳市人民政府', author: null, editor: '张琳', column: ['市县动态'] },
    },
    {
      name: 'gov-meta article without PubDate',
      site: 'yjglt.henan.gov.cn',
      url: oddUrl,
      html: govMetaPage({ title: oddTitle, pubDate: null, source: '蚌埠新闻网', column: '工作动态', lines: oddLines, editor: '王芳' }),
      bodyLines: oddLines,
      expected: { id: '2023/05-17/2745632', url: oddUrl, title: oddTitle, publishedAt: null, source: '蚌埠新闻网', author: null, editor: '王芳', column: ['工作动态'] },
    },
    // A list whose URL looks like an article's: only the missing ArticleTitle tells it apart.
    { name: 'gov-meta list at an article-like URL', site: 'henan.gov.cn', url: 'https://www.henan.gov.cn/zwgk/sxdt/sxdt.html', html: list, expected: null },
    { name: 'gov-meta list index', site: 'henan.gov.cn', url: 'https://www.henan.gov.cn/zwgk/sxdt/index.html', html: list, expected: null },
  ];
}

/** Every replica page of the sites beyond the portal, articles first within each site. */
export function sitePages() {
  return [...memPages(), ...govcnPages(), ...peoplePages(), ...newsCnPages(), ...cmaPages(), ...mwrPages(), ...govMetaPages()];
}
