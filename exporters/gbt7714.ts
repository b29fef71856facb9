// References in GB/T 7714-2015 for web pages (文献类型标识 EB, 载体 OL), the form Chinese universities and
// journals require:
//   责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
// Standard punctuation: half-width full stop followed by a space between elements, no space between the
// 题名 and its [EB/OL], none between (更新日期) and [引用日期]; a missing 发布日期 drops the whole "(…)".
// 责任者 is the original publisher when the page names one (本文来自人民论坛网 → 人民论坛网), else the site the
// article is on.

import type { ExcerptSnapshot } from '../records/annotation';
import { siteNameOf, siteOfUrl } from '../sites';
import { formatDay, publishedDay } from './dates';

export interface CitableArticle {
  title: string;
  url: string;
  /** Original source (本文来自… / 文章来源); null when the site itself is the source. */
  source: string | null;
  publishedAt: string | null;
  /** When the reader last read it: the default 引用日期. */
  lastReadAt?: number;
}

export interface CitationOptions {
  /** The 引用日期 (epoch ms). Defaults: the article's lastReadAt, the excerpt's capturedAt, else now. */
  accessedAt?: number;
  /** Offset used to turn accessedAt into a calendar day; the reader's time zone by default (exporters/dates.ts). */
  utcOffsetMinutes?: number;
}

const UNTITLED = '无题名';

/** One line, single spaces: titles and names come from page text and may carry line breaks or runs of spaces. */
function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** An element ends with the separator's full stop; one the text already ends with is not doubled. */
function withoutFinalStop(text: string): string {
  return text.replace(/[.。]+$/, '');
}

/** The name of the site a URL is on (the 责任者 when nobody else is named). */
function siteNameAt(url: string): string {
  const site = siteOfUrl(url.trim());
  return site ? siteNameOf(site) : '';
}

function reference(
  responsible: string,
  title: string,
  url: string,
  published: string | null,
  accessedAt: number,
  offset: number | undefined,
): string {
  const who = withoutFinalStop(clean(responsible)) || siteNameAt(url);
  const what = withoutFinalStop(clean(title)) || UNTITLED;
  const dates = `${published ? `(${published})` : ''}[${formatDay(accessedAt, offset)}]`;
  return `${who}. ${what}[EB/OL]. ${dates}. ${clean(url)}.`;
}

/** GB/T 7714-2015 reference of an article the reader opened. */
export function citeArticle(article: CitableArticle, options: CitationOptions = {}): string {
  return reference(
    article.source ?? siteNameAt(article.url),
    article.title,
    article.url,
    publishedDay(article.publishedAt),
    options.accessedAt ?? article.lastReadAt ?? Date.now(),
    options.utcOffsetMinutes,
  );
}

/** GB/T 7714-2015 reference of an excerpt, from what it recorded of its source when saved. */
export function citeExcerpt(excerpt: ExcerptSnapshot, options: CitationOptions = {}): string {
  return reference(
    excerpt.source ?? (clean(excerpt.siteName) || siteNameAt(excerpt.url)),
    excerpt.title,
    excerpt.url,
    publishedDay(excerpt.publishedAt),
    options.accessedAt ?? excerpt.capturedAt,
    options.utcOffsetMinutes,
  );
}
