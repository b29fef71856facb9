// 水利部 www.mwr.gov.cn (TRS): /xw/<channel>/YYYYMM/tYYYYMMDD_N.html; lists are the channel root and index_N.html.
// meta PubDate (VERIFIED); the text sits in the xlcontainer block, which ends in 作者 / 责编 / 扫一扫 / 访问量统计
// lines that are cut off (VERIFIED); its heading (INFERRED inside it) is mapped first, its info line left out.

import { breadcrumb, defineAdapter, first, headline, infoLine, meta, parseDate, pathId, textOf } from './common';

const HOSTS = ['www.mwr.gov.cn', 'mwr.gov.cn'];
const TRAILER = /^(?:作者|责编|责任编辑|扫一扫|访问量统计|【打印】|【关闭】)/;

export const mwrAdapter = defineAdapter({
  site: 'mwr.gov.cn',
  siteName: '中华人民共和国水利部',
  siteNameEn: 'Ministry of Water Resources of the PRC',
  hosts: HOSTS,
  articlePaths: [/^\/(?:[\w-]+\/)+\d{6}\/t\d{8}_\d+\.s?html?$/],
  read(doc, url) {
    const id = pathId(url);
    const block = first(doc, '.xlcontainer; #xlcontainer');
    if (!id || !block) return null;
    const editorial = first(block, '.TRS_Editor');
    const heading = first(block, 'h1; .xltitle; h2');
    const infoBox = first(block, '.xlxx; .xl_info; .info');
    const info = infoLine(textOf(infoBox));
    // 作者/责编 are in the trailer, one line or two; names inside a value are space-separated, so split at labels.
    const credits = new Map<string, string>();
    for (const node of Array.from(block.querySelectorAll('p, div, span'))) {
      for (const part of textOf(node).split(/\s+(?=(?:作者|责编|责任编辑)[:：])/)) {
        const match = /^(作者|责编|责任编辑)[:：]\s*(.+)$/.exec(part);
        if (match && !credits.has(match[1]!)) credits.set(match[1]!, match[2]!.trim());
      }
    }
    return {
      id,
      title: headline(doc, heading, ['中华人民共和国水利部', '水利部']),
      heading,
      body: editorial ?? block,
      exclude: (element) => element === infoBox || element.matches('script, style'),
      stopAt: TRAILER,
      publishedAt: parseDate(meta(doc, 'PubDate')) ?? info.publishedAt,
      source: info.source ?? meta(doc, 'ContentSource'),
      author: credits.get('作者') ?? info.author,
      editor: credits.get('责编') ?? credits.get('责任编辑') ?? null,
      column: breadcrumb(first(doc, '.crumbs; .location; .position; .dqwz'), ['中华人民共和国水利部', '水利部']),
    };
  },
});
