// 应急管理部 www.mem.gov.cn (TRS). Two templates: news / 通知公告 pages (body .TRS_Editor, date and source in
// .youbiaodc_ind01, meta ArticleTitle and PubDate) and 政府信息公开 pages (body #content, a label/value table
// .scy_main_detail). Press-conference transcripts are news pages under /xw/xwfbh/…/wzsl_N/; the conference's
// own landing page is a directory and never matches.

import { breadcrumb, defineAdapter, editorFrom, findHeading, first, headline, infoLine, meta, parseDate, pathId, textOf } from './common';

const SUFFIXES = ['中华人民共和国应急管理部', '应急管理部'];
const HOSTS = ['www.mem.gov.cn', 'mem.gov.cn'];

/** Label → value of the 政府信息公开 table (cells alternate label, value; labels end in ：). */
function detailTable(table: Element | null): Map<string, string> {
  const values = new Map<string, string>();
  if (!table) return values;
  const cells = Array.from(table.querySelectorAll('td, th'));
  for (let i = 0; i + 1 < cells.length; i++) {
    const label = textOf(cells[i]).replace(/[:：]$/, '');
    if (/^[\u4e00-\u9fa5]{2,6}$/.test(label) && textOf(cells[i]).match(/[:：]$/)) values.set(label, textOf(cells[++i]));
  }
  return values;
}

export const memAdapter = defineAdapter({
  site: 'mem.gov.cn',
  siteName: '中华人民共和国应急管理部',
  siteNameEn: 'Ministry of Emergency Management of the PRC',
  hosts: HOSTS,
  // /<section>/…/YYYYMM/tYYYYMMDD_N.shtml; channel roots and index_N.shtml are lists.
  articlePaths: [/^\/(?:[\w-]+\/)+\d{6}\/t\d{8}_\d+\.s?html$/],
  read(doc, url) {
    const id = pathId(url);
    const table = doc.querySelector('.scy_main_detail');
    const body = table ? first(doc, '#content; .TRS_Editor') : first(doc, '.TRS_Editor; #content');
    if (!id || !body) return null;
    const facts = detailTable(table);
    // INFERRED: the news headline element; ArticleTitle (VERIFIED) and <title> back it up.
    const heading = findHeading(doc, '.tit h1; h1.tit; .title h1; .scy_main_detail ~ h1', facts.get('标题') || meta(doc, 'ArticleTitle'));
    const info = infoLine(textOf(doc.querySelector('.youbiaodc_ind01')));
    const trailer = textOf(first(doc, '.editor; .zrbj'));
    return {
      id,
      title: facts.get('标题') || headline(doc, heading, SUFFIXES),
      heading,
      body,
      exclude: (element) => element.matches('.scy_main_detail, .youbiaodc_ind01, script, style'),
      stopAt: /^(?:责任编辑|责编)[:：]|^扫一扫/,
      // PubDate (VERIFIED on articles) first: the date line's place on /xw/ pages is only inferred.
      publishedAt: parseDate(meta(doc, 'PubDate')) ?? parseDate(facts.get('发布日期')) ?? info.publishedAt,
      source: facts.get('发文单位') || info.source,
      author: info.author,
      editor: trailer ? editorFrom(trailer) : null,
      column: breadcrumb(first(doc, '.crumbs; .location; .position; .dqwz'), [memAdapter.siteName, '应急管理部']),
    };
  },
});
