// Exports speak of articles, the store keeps annotations: this groups live annotations by article and
// finds each article's metadata (the reading-history record, else what the annotations remember).

import type { Annotation, SpeakerRef } from '../records/annotation';
import type { ArticleRecord } from '../records/article';

import { parseArticleKey } from '../records/article-key';
import { siteNameOf } from '../sites';

export interface ArticleInfo {
  key: string;
  title: string;
  url: string;
  source: string | null;
  publishedAt: string | null;
  author: string | null;
  categories: string[];
  /** Default 引用日期 for the article's citation. */
  lastReadAt: number | undefined;
}

export interface ArticleGroup {
  article: ArticleInfo;
  /** Live (not deleted) annotations in reading order: page notes first, then by position in the text. */
  annotations: Annotation[];
}

/** Position in the text; page notes (no target) come first, ties by creation. */
export function readingOrder(a: Annotation, b: Annotation): number {
  const pa = a.target ? a.target.position.start : -1;
  const pb = b.target ? b.target.position.start : -1;
  return pa - pb || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function infoOf(key: string, record: ArticleRecord | undefined, annotations: Annotation[]): ArticleInfo {
  if (record) {
    return {
      key,
      title: record.title,
      url: record.url,
      source: record.source,
      publishedAt: record.publishedAt,
      author: record.author,
      categories: record.categories,
      lastReadAt: record.lastReadAt,
    };
  }
  // No history record (cleared history, or an annotation synced from another device): fall back on what the
  // annotations saved; an excerpt's snapshot knows the most.
  const first = annotations[0]!;
  const snapshot = annotations.find((a) => a.excerpt)?.excerpt ?? null;
  return {
    key,
    title: first.articleTitle || snapshot?.title || '',
    url: first.articleUrl || snapshot?.url || '',
    source: snapshot?.source ?? null,
    publishedAt: snapshot?.publishedAt ?? null,
    author: snapshot?.author ?? null,
    categories: [],
    lastReadAt: annotations.reduce((latest, a) => Math.max(latest, a.updatedAt), 0),
  };
}

/**
 * Groups the live annotations by article, articles in the order the reader first annotated them.
 * Tombstones are left out: the Markdown and CSV exports are for reading, only the backup keeps them.
 */
export function groupByArticle(annotations: readonly Annotation[], articles: readonly ArticleRecord[]): ArticleGroup[] {
  const records = new Map(articles.map((record) => [record.key, record]));
  const byKey = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    if (annotation.deleted) continue;
    const list = byKey.get(annotation.articleKey);
    if (list) list.push(annotation);
    else byKey.set(annotation.articleKey, [annotation]);
  }
  const groups = [...byKey].map(([key, list]) => {
    list.sort(readingOrder);
    return { article: infoOf(key, records.get(key), list), annotations: list, firstCreated: list.reduce((first, a) => Math.min(first, a.createdAt), Infinity) };
  });
  groups.sort((a, b) => a.firstCreated - b.firstCreated || (a.article.key < b.article.key ? -1 : 1));
  return groups.map(({ article, annotations }) => ({ article, annotations }));
}

/** 申展利（新闻宣传司司长，应急管理部）: name, then whatever of title and organisation is known. */
export function speakerLabel(speaker: SpeakerRef): string {
  const role = [speaker.title, speaker.org].map((s) => s.trim()).filter(Boolean).join('，');
  const name = speaker.name.trim() || '未具名';
  return role ? `${name}（${role}）` : name;
}

/** The name of the site an article key belongs to (its adapter's, else the site id itself). */
export function siteNameOfKey(key: string): string {
  const site = parseArticleKey(key)?.site;
  return site ? siteNameOf(site) : '';
}
