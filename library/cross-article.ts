// The indexes across articles: every speaker seen in any article the reader opened (titles over time, the
// passages attributed to them) and every policy phrase (which articles mention it, first and last seen).
// Built from the stored per-article analysis summaries.

import type { PhraseCategory } from '../analysis/types';
import type { ArticleAnalysisRecord } from '../records/analysis';
import type { ArticleRecord } from '../records/article';
import { publishedDay } from '../exporters/dates';

export interface SpeakerAppearance {
  articleKey: string;
  articleTitle: string;
  /** Publication day (YYYY-MM-DD), '' when the article is undated (shown as such, sorted last). */
  date: string;
  title: string;
  org: string;
  passages: { start: number; end: number; snippet: string }[];
}

export interface SpeakerIndexEntry {
  name: string;
  appearances: SpeakerAppearance[];
  /** Distinct descriptors (org · title) in date order: how the person's position changed. */
  descriptors: { descriptor: string; first: string; last: string }[];
  passageCount: number;
}

export interface PhraseIndexEntry {
  text: string;
  category: PhraseCategory;
  /** `date` as in SpeakerAppearance: '' for an undated article. */
  articles: { articleKey: string; articleTitle: string; date: string; count: number }[];
  /** Earliest and latest publication day among the dated articles ('' when none is dated). */
  firstSeen: string;
  lastSeen: string;
  total: number;
}

/** The article's publication day, '' when it has none: undated, never the day it was read (exporters/dates.ts). */
function articleDate(article: ArticleRecord | undefined): string {
  return publishedDay(article?.publishedAt) ?? '';
}

/** Date order with undated ('') last. */
const byDate = (a: string, b: string) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1);

export function buildSpeakerIndex(analyses: ArticleAnalysisRecord[], articles: Map<string, ArticleRecord>): SpeakerIndexEntry[] {
  const byName = new Map<string, SpeakerAppearance[]>();
  for (const record of analyses) {
    const article = articles.get(record.articleKey);
    for (const speaker of record.summary.speakers) {
      const list = byName.get(speaker.name) ?? [];
      list.push({
        articleKey: record.articleKey,
        articleTitle: article?.title ?? record.articleKey,
        date: articleDate(article),
        title: speaker.title,
        org: speaker.org,
        passages: speaker.passages.map(({ start, end, snippet }) => ({ start, end, snippet })),
      });
      byName.set(speaker.name, list);
    }
  }
  return [...byName]
    .map(([name, appearances]) => {
      appearances.sort((a, b) => byDate(a.date, b.date));
      const descriptors: SpeakerIndexEntry['descriptors'] = [];
      for (const appearance of appearances) {
        const descriptor = [appearance.org, appearance.title].filter(Boolean).join(' · ');
        // An undated appearance says nothing about when a title was held.
        if (!descriptor || !appearance.date) continue;
        const known = descriptors.find((d) => d.descriptor === descriptor);
        if (known) known.last = appearance.date;
        else descriptors.push({ descriptor, first: appearance.date, last: appearance.date });
      }
      return { name, appearances, descriptors, passageCount: appearances.reduce((n, a) => n + a.passages.length, 0) };
    })
    .sort((a, b) => b.appearances.length - a.appearances.length || b.passageCount - a.passageCount || a.name.localeCompare(b.name, 'zh-CN'));
}

export function buildPhraseIndex(analyses: ArticleAnalysisRecord[], articles: Map<string, ArticleRecord>): PhraseIndexEntry[] {
  const byText = new Map<string, PhraseIndexEntry>();
  for (const record of analyses) {
    const article = articles.get(record.articleKey);
    const date = articleDate(article);
    for (const phrase of record.summary.phrases) {
      const entry = byText.get(phrase.text) ?? {
        text: phrase.text,
        category: phrase.category,
        articles: [],
        firstSeen: '',
        lastSeen: '',
        total: 0,
      };
      const existing = entry.articles.find((a) => a.articleKey === record.articleKey);
      if (existing) existing.count += phrase.occurrences.length;
      else entry.articles.push({ articleKey: record.articleKey, articleTitle: article?.title ?? record.articleKey, date, count: phrase.occurrences.length });
      entry.total += phrase.occurrences.length;
      if (date && (!entry.firstSeen || date < entry.firstSeen)) entry.firstSeen = date;
      if (date && date > entry.lastSeen) entry.lastSeen = date;
      byText.set(phrase.text, entry);
    }
  }
  for (const entry of byText.values()) entry.articles.sort((a, b) => byDate(a.date, b.date));
  return [...byText.values()].sort((a, b) => b.articles.length - a.articles.length || b.total - a.total || a.text.localeCompare(b.text, 'zh-CN'));
}
