// 新华网: the current template on www.news.cn and its subsites (/<channel>/YYYYMMDD/<32 hex>/c.html) and the legacy
// xinhuanet.com one (/<channel>/YYYY-MM/DD/c_N.htm). The hex (or c_N) number is the article's, whatever channel or
// subsite shows it, so the id is the date and that number alone.

import { defineAdapter, editorFrom, findHeading, first, headline, infoLine, meta, parseDate, stripSiteSuffix, textOf } from './common';

const HOSTS = ['*.news.cn', '*.xinhuanet.com'];
const CURRENT = /^\/(?:[\w-]+\/)*(\d{8})\/([0-9a-f]{32})\/c\.html$/;
const LEGACY = /^\/(?:[\w-]+\/)*(\d{4}-\d{2})\/(\d{2})\/c_(\d+)\.htm$/;

function articleId(path: string): string | null {
  const current = CURRENT.exec(path);
  if (current) return `${current[1]}/${current[2]}`;
  const legacy = LEGACY.exec(path);
  return legacy ? `${legacy[1]}-${legacy[2]}/c_${legacy[3]}` : null;
}

/** The current template's date: .header-time splits it over .year and .day, either way ("2024" + "02/21", "2024 02" + "21"). */
function headerTime(doc: Document): string | null {
  const box = doc.querySelector('.header-time');
  if (!box) return null;
  const numbers = (selector: string) => textOf(box.querySelector(selector)).match(/\d+/g) ?? [];
  const parts = [...numbers('.year'), ...numbers('.day')];
  const year = parts.find((part) => part.length === 4);
  const [month, day] = parts.filter((part) => part !== year);
  if (!year || !month || !day) return parseDate(textOf(box));
  return parseDate(`${year}-${month}-${day} ${textOf(box.querySelector('.time'))}`);
}

export const xinhuaAdapter = defineAdapter({
  site: 'news.cn',
  siteName: '新华网',
  siteNameEn: 'Xinhua News',
  hosts: HOSTS,
  articlePaths: [CURRENT, LEGACY],
  read(doc, url) {
    const id = articleId(url.pathname);
    const legacy = LEGACY.test(url.pathname);
    const body = legacy ? first(doc, '#p-detail; #content') : first(doc, '#detailContent; #detail');
    if (!id || !body) return null;
    const heading = findHeading(doc, legacy ? '.h-title; #title' : '.head-line h1 .title; .head-line h1', stripSiteSuffix(doc.title, ['新华网']));
    // shtdbb reads a div.info line ("YYYY-MM-DD HH:mm:ss 来源：…") on some pages; the header has .source.
    const info = infoLine(textOf(first(doc, legacy ? '.h-info' : '.header-cont .source; .header .source; div.info')));
    const dateInfo = legacy ? textOf(doc.querySelector('.h-info .h-time')) : '';
    const editor = textOf(first(doc, legacy ? '.p-jc; .editor' : 'span.editor; .editor'));
    return {
      id,
      title: headline(doc, heading, ['新华网', /^新华网/]),
      heading,
      body,
      exclude: (element) => element.matches('#div_currpage, .editor, .p-jc, #articleEdit, script, style'),
      stopAt: /^[【(（]?(?:责任编辑|纠错)/,
      publishedAt: (legacy ? parseDate(dateInfo) : headerTime(doc)) ?? info.publishedAt ?? parseDate(meta(doc, 'article:publish_time')),
      source: info.source,
      author: info.author,
      editor: editor ? editorFrom(editor) : null,
      column: [],
    };
  },
});
