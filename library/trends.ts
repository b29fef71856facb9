// Trends across the reader's articles, by the articles' own publication month: how often a policy phrase (or
// each of a category's top phrases) appears per month, and a speaker's passages and titles over time. Pure
// data for the trends view; an article without a publication date is counted apart as undated, never under
// the day it was read.

import type { PhraseCategory } from '../analysis/types';
import type { ArticleAnalysisRecord } from '../records/analysis';
import type { ArticleRecord } from '../records/article';

/** One article's share of a month: what a click on the bar lists. */
export interface TrendArticle {
  articleKey: string;
  title: string;
  url: string;
  /** Publication day `YYYY-MM-DD`, or null when undated. */
  date: string | null;
  count: number;
  /** The first occurrence (or passage), where a link back to the article flashes. */
  first: { start: number; end: number; exact: string } | null;
}

export interface TrendSeries {
  label: string;
  /** One value per month of the axis. */
  counts: number[];
  /** Per month of the axis, the articles behind the count, most first. */
  articles: TrendArticle[][];
  undated: TrendArticle[];
}

export interface Trend {
  /** Every month from the first to the last dated occurrence, `YYYY-MM`, gaps included. */
  months: string[];
  series: TrendSeries[];
}

export interface SpeakerPoint {
  articleKey: string;
  title: string;
  url: string;
  date: string | null;
  /** Organisation · title as that article gives it. */
  descriptor: string;
  passages: { start: number; end: number; snippet: string }[];
}

const DAY = /^(\d{4}-\d{2})-\d{2}/;

/** The article's publication day, or null: the day it was read is no publication date. */
export function publicationDay(article: ArticleRecord | undefined): string | null {
  const match = DAY.exec(article?.publishedAt ?? '');
  return match ? match[0] : null;
}

/** `YYYY-MM` from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  // Bounded: a date far off (a typo in a page) must not make the axis endless.
  while ((year < endYear || (year === endYear && month <= endMonth)) && months.length < 1200) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

interface Occurrences {
  label: string;
  perArticle: TrendArticle[];
}

function buildTrend(items: Occurrences[]): Trend {
  const dated = items.flatMap((item) => item.perArticle.map((entry) => entry.date)).filter((date): date is string => date !== null);
  if (dated.length === 0) {
    return { months: [], series: items.map((item) => ({ label: item.label, counts: [], articles: [], undated: item.perArticle })) };
  }
  dated.sort();
  const months = monthsBetween(dated[0]!.slice(0, 7), dated[dated.length - 1]!.slice(0, 7));
  const slot = new Map(months.map((month, index) => [month, index]));
  return {
    months,
    series: items.map((item) => {
      const counts = months.map(() => 0);
      const articles: TrendArticle[][] = months.map(() => []);
      const undated: TrendArticle[] = [];
      for (const entry of item.perArticle) {
        if (entry.date === null) {
          undated.push(entry);
          continue;
        }
        const index = slot.get(entry.date.slice(0, 7))!;
        counts[index]! += entry.count;
        articles[index]!.push(entry);
      }
      for (const list of articles) list.sort((a, b) => b.count - a.count || a.title.localeCompare(b.title, 'zh-CN'));
      return { label: item.label, counts, articles, undated };
    }),
  };
}

function phraseOccurrences(analyses: ArticleAnalysisRecord[], articles: Map<string, ArticleRecord>, text: string): TrendArticle[] {
  const found: TrendArticle[] = [];
  for (const record of analyses) {
    const phrase = record.summary.phrases.find((candidate) => candidate.text === text);
    if (!phrase || phrase.occurrences.length === 0) continue;
    const article = articles.get(record.articleKey);
    const first = phrase.occurrences[0]!;
    found.push({
      articleKey: record.articleKey,
      title: article?.title ?? record.articleKey,
      url: article?.url ?? '',
      date: publicationDay(article),
      count: phrase.occurrences.length,
      first: { start: first.start, end: first.end, exact: phrase.text },
    });
  }
  return found;
}

/** How often one policy phrase appears per publication month across the reader's articles. */
export function phraseTrend(analyses: ArticleAnalysisRecord[], articles: Map<string, ArticleRecord>, text: string): Trend {
  return buildTrend([{ label: text, perArticle: phraseOccurrences(analyses, articles, text) }]);
}

/** The `limit` most frequent phrases of a category, each per month on one shared axis. */
export function categoryTrend(analyses: ArticleAnalysisRecord[], articles: Map<string, ArticleRecord>, category: PhraseCategory, limit = 5): Trend {
  const totals = new Map<string, number>();
  for (const record of analyses) {
    for (const phrase of record.summary.phrases) {
      if (phrase.category === category) totals.set(phrase.text, (totals.get(phrase.text) ?? 0) + phrase.occurrences.length);
    }
  }
  const top = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).slice(0, limit);
  return buildTrend(top.map(([text]) => ({ label: text, perArticle: phraseOccurrences(analyses, articles, text) })));
}

/** A speaker's appearances in publication order (undated ones last), with the title each article gives. */
export function speakerTimeline(analyses: ArticleAnalysisRecord[], articles: Map<string, ArticleRecord>, name: string): SpeakerPoint[] {
  const points: SpeakerPoint[] = [];
  for (const record of analyses) {
    const speaker = record.summary.speakers.find((candidate) => candidate.name === name);
    if (!speaker) continue;
    const article = articles.get(record.articleKey);
    points.push({
      articleKey: record.articleKey,
      title: article?.title ?? record.articleKey,
      url: article?.url ?? '',
      date: publicationDay(article),
      descriptor: [speaker.org, speaker.title].filter(Boolean).join(' · '),
      passages: speaker.passages.map(({ start, end, snippet }) => ({ start, end, snippet })),
    });
  }
  return points.sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) || (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title, 'zh-CN'));
}
