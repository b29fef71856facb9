// 中国政府网 www.gov.cn (Ucap/TRS). Articles end in content_N.htm(l) under dated folders; lists are index.htm,
// home.htm, gundong.htm. No ArticleTitle/PubDate: the date is in div.pages-date or meta firstpublishedtime, and
// meta author is the 责任编辑 (VERIFIED), so it lands in editor, never author.

import { breadcrumb, defineAdapter, editorFrom, first, headline, labelled, meta, parseDate, pathId, SOURCE_LABELS, textOf } from './common';

const HOSTS = ['www.gov.cn', 'gov.cn'];

export const govcnAdapter = defineAdapter({
  site: 'gov.cn',
  siteName: '中国政府网',
  siteNameEn: 'The Central People’s Government of the PRC',
  hosts: HOSTS,
  articlePaths: [/^\/(?:[\w-]+\/)*(?:\d{6}|\d{4}-\d{2}\/\d{2}|issue_\d+\/\d{6})\/content_\d+\.html?$/],
  read(doc, url) {
    const id = pathId(url);
    const body = first(doc, '#UCAP-CONTENT; .pages_content; .trs_editor_view');
    if (!id || !body) return null;
    const heading = first(doc, 'h1#ti; div.article.oneColumn.pub_border h1; .share-title; .article h1');
    const dateLine = doc.querySelector('div.pages-date');
    // The source sits in span.font ("来源：新华社"); the line's own text also carries the label.
    const source = labelled(textOf(dateLine?.querySelector('span.font')), SOURCE_LABELS) ?? labelled(textOf(dateLine), SOURCE_LABELS);
    const editorLine = textOf(doc.querySelector('div.editor'));
    return {
      id,
      title: headline(doc, heading, [/中国政府网$/], 2),
      heading,
      body,
      exclude: (element) => element.matches('.pages-date, .editor, .shuzi, .pages_print, script, style'),
      stopAt: /^(?:【?责任编辑)[:：]/,
      publishedAt: parseDate(textOf(dateLine)) ?? parseDate(meta(doc, 'firstpublishedtime')),
      source,
      author: null,
      editor: (editorLine && editorFrom(editorLine)) || meta(doc, 'author'),
      // INFERRED: the breadcrumb container's class.
      column: breadcrumb(first(doc, '.BreadcrumbNav; .crumbs; .location'), ['中国政府网']),
    };
  },
});
