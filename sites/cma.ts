// 中国气象局 www.cma.gov.cn (TRS): /…/YYYYMM/tYYYYMMDD_N.html; lists are index_N.html. Title div.news_text > h1,
// 来源 and 发布时间 (YYYY年MM月DD日HH:mm) in the spans of .news_textspan, body .TRS_Editor (VERIFIED as of 2019).

import { breadcrumb, defineAdapter, editorFrom, first, headline, infoLine, labelled, meta, parseDate, pathId, textOf } from './common';

const HOSTS = ['www.cma.gov.cn', 'cma.gov.cn'];

export const cmaAdapter = defineAdapter({
  site: 'cma.gov.cn',
  siteName: '中国气象局',
  siteNameEn: 'China Meteorological Administration',
  hosts: HOSTS,
  articlePaths: [/^\/(?:[\w-]+\/)+\d{6}\/t\d{8}_\d+\.s?html?$/],
  read(doc, url) {
    const id = pathId(url);
    const body = first(doc, '.news_text .TRS_Editor; .TRS_Editor');
    if (!id || !body) return null;
    const heading = first(doc, 'div.news_text > h1; .news_text h1');
    const line = textOf(doc.querySelector('.news_textspan'));
    const info = infoLine(line);
    const editor = textOf(first(doc, '.news_text .editor; .zrbj'));
    return {
      id,
      title: headline(doc, heading, ['中国气象局', '中国气象局政府门户网站']),
      heading,
      body,
      stopAt: /^(?:责任编辑|责编)[:：]/,
      // Only the 发布时间 span is the publication date; a date inside 来源 or the body is not.
      publishedAt: parseDate(labelled(line, '发布时间|时间|日期') ?? '') ?? parseDate(meta(doc, 'PubDate')),
      source: info.source,
      author: info.author,
      editor: editor ? editorFrom(editor) : null,
      column: breadcrumb(first(doc, '.crumbs; .position; .location; .dqwz'), ['中国气象局', '首页']),
    };
  },
});
