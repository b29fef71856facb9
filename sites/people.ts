// 人民网 *.people.com.cn. Articles: /n1/YYYY/MMDD/cCHANNEL-ID.html (n2 on provincial subsites); lists are /GB/N/.
// Title in .rm_txt h1 (kicker .pre, subtitle .sub kept out), date and 来源 in .channel, body .rm_txt_con, writer
// .author, 责编 .edit. The <title> suffix is --<频道>--人民网, whose 频道 stands in for a missing breadcrumb.

import { breadcrumb, defineAdapter, editorFrom, findHeading, first, headline, infoLine, meta, pathId, squash, stripSiteSuffix, textOf } from './common';


export const peopleAdapter = defineAdapter({
  site: 'people.com.cn',
  siteName: '人民网',
  siteNameEn: 'People’s Daily Online',
  hosts: ['*.people.com.cn'],
  articlePaths: [/^\/n\d?\/\d{4}\/\d{4}\/c\d+-\d+(?:-\d+)?\.html$/],
  read(doc, url) {
    // Subsites number their articles apart: the subdomain (not www) is part of the id.
    const sub = url.hostname.toLowerCase().replace(/\.?people\.com\.cn$/, '').replace(/^www$/, '');
    const path = pathId(url);
    const body = first(doc, '.rm_txt_con; .box_con; #rwb_zw; .show_text');
    if (!path || !body) return null;
    const heading = findHeading(doc, '.rm_txt h1; .text_title h1', stripSiteSuffix(doc.title, ['人民网'], { channels: 1 }));
    const info = infoLine(textOf(first(doc, '.rm_txt .channel; .channel; .text_title .box01')));
    // The older layouts say 来源 in meta source ("来源：人民日报").
    const metaSource = meta(doc, 'source')?.replace(/^来源[:：]\s*/, '') ?? null;
    const author = squash(textOf(doc.querySelector('.author')).replace(/^(?:作者|记者)[:：]?\s*/, ''));
    const editor = textOf(doc.querySelector('.edit'));
    const titleChannel = /--([^-]+)--人民网$/.exec(squash(doc.title))?.[1];
    const crumbs = breadcrumb(first(doc, '.route; .crumbs'), ['人民网']);
    return {
      id: sub ? `${sub}/${path}` : path,
      title: headline(doc, heading, ['人民网'], 1),
      heading,
      body,
      exclude: (element) => element.matches('.edit, .author, .paper_num, #paper_num, .zdfy, .otitle, script, style'),
      stopAt: /^[(（]?(?:责编|责任编辑)[:：]/,
      publishedAt: info.publishedAt,
      source: info.source ?? metaSource,
      author: author || info.author,
      editor: editor ? editorFrom(editor) : null,
      column: crumbs.length > 0 ? crumbs : titleChannel ? [titleChannel] : [],
    };
  },
});
