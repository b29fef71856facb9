// The library's search: every term of the query (library/query.ts) must be a substring of an annotation's
// quote, note, tags, excerpt source, speakers or article title, however the words would be segmented
// (应急管理部 must find 管理部). All searchable text lives in memory, one string per annotation, folded once:
// a scan of 100k strings with indexOf takes milliseconds, where reading IndexedDB takes seconds (see the
// performance notes) and an n-gram index there is worse.

import type { Annotation, AnnotationKind, HighlightColour } from '../records/annotation';
import { parseArticleKey } from '../records/article-key';
import { foldForSearch, parseQuery } from './query';

export { foldForSearch } from './query';

/** What the kind filter offers: the three record kinds, and "note" for any highlight or excerpt with a note. */
export type KindFilter = AnnotationKind | 'note';
export const KIND_FILTERS: readonly KindFilter[] = ['highlight', 'note', 'excerpt', 'page-note'];

export type SortOrder = 'newest' | 'oldest' | 'article-date' | 'article';
export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'oldest', 'article-date', 'article'];

export interface LibraryFilters {
  colour?: HighlightColour;
  tag?: string;
  articleKey?: string;
  kind?: KindFilter;
  /** The site part of the article key (records/article-key.ts). */
  site?: string;
  /** Inclusive range of createdAt (epoch ms). */
  from?: number;
  to?: number;
  /** Inclusive range of the article's publication day (YYYY-MM-DD); undated articles fall outside any range. */
  publishedFrom?: string;
  publishedTo?: string;
  speaker?: string;
  /** Article keys whose analysis mentions the chosen policy phrase. */
  articleKeys?: Set<string>;
}

interface Entry {
  annotation: Annotation;
  text: string;
  site: string;
  /** Deleted, or replaced by a new entry: still in the cached orders and joined text, skipped there. */
  removed?: boolean;
}

/** All entries' texts in one string, newest first, each followed by U+0002: one indexOf pass per query. */
interface Joined {
  text: string;
  /** Start offset of each entry's text in `text`, ascending. */
  starts: number[];
  entries: Entry[];
}

/** What the index knows of an article beyond its annotations: its publication day (null: undated). */
export type ArticleDays = ReadonlyMap<string, string | null>;

const byNewest = (a: Entry, b: Entry) => b.annotation.createdAt - a.annotation.createdAt || (a.annotation.id < b.annotation.id ? -1 : 1);
const position = (entry: Entry) => entry.annotation.target?.position.start ?? -1;

export class SearchIndex {
  private entries = new Map<string, Entry>();
  /** Entries in each sort order; rebuilt lazily after changes. */
  private orders = new Map<SortOrder, Entry[]>();
  private joined: Joined | null = null;
  /** Entries edited in place since the joined text was built: their text there is stale. */
  private dirty = new Set<Entry>();
  /** Bumped by every change, so a background preparation knows it was overtaken. */
  private changes = 0;
  private articleDays: ArticleDays = new Map();

  constructor(annotations: Iterable<Annotation> = [], articleDays?: ArticleDays) {
    if (articleDays) this.articleDays = articleDays;
    for (const annotation of annotations) this.put(annotation);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The publication days of the articles (for the article-date filter and sort). */
  setArticleDays(days: ArticleDays): void {
    this.articleDays = days;
    this.orders.delete('article-date');
  }

  /** The article's publication day, null when it has none. */
  articleDay(articleKey: string): string | null {
    return this.articleDays.get(articleKey) ?? null;
  }

  /**
   * Adds, replaces or (for a tombstone) removes one annotation. An edit that leaves the record's place in
   * every order alone (the usual one: colour, note, tags) updates it in place and marks it dirty, so the
   * next query does not rebuild the joined text of 100k entries; anything else drops the caches.
   */
  put(annotation: Annotation): void {
    this.changes += 1;
    const existing = this.entries.get(annotation.id);
    if (annotation.deleted) {
      if (existing) {
        existing.removed = true;
        this.entries.delete(annotation.id);
      }
      return;
    }
    const parts = [
      annotation.target?.quote.exact ?? '',
      annotation.note,
      annotation.tags.join(' '),
      annotation.articleTitle,
      annotation.excerpt ? `${annotation.excerpt.source ?? ''} ${annotation.excerpt.title}` : '',
      annotation.speakers.map((speaker) => `${speaker.name} ${speaker.org}${speaker.title}`).join(' '),
    ];
    // U+0001 between fields, so a match never spans two of them.
    const text = foldForSearch(parts.join('\u0001'));
    const site = parseArticleKey(annotation.articleKey)?.site ?? '';
    const before = existing?.annotation;
    if (
      existing &&
      before!.createdAt === annotation.createdAt &&
      before!.articleKey === annotation.articleKey &&
      before!.articleTitle === annotation.articleTitle &&
      position(existing) === (annotation.target?.position.start ?? -1)
    ) {
      existing.annotation = annotation;
      existing.text = text;
      existing.site = site;
      if (this.joined) this.dirty.add(existing);
      return;
    }
    if (existing) existing.removed = true;
    this.orders.clear();
    this.joined = null;
    this.dirty.clear();
    this.entries.set(annotation.id, { annotation, text, site });
  }

  /**
   * Builds the sorted order and the joined text ahead of the first query, `step` entries at a time with
   * `pause` between steps (the page stays responsive); gives up if the index changes meanwhile.
   */
  async prepare(pause: () => Promise<void>, step = 5_000): Promise<void> {
    const version = this.changes;
    const entries = this.sorted('newest');
    await pause();
    const pieces: string[] = [];
    const starts: number[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += step) {
      if (this.changes !== version) return;
      const slice = entries.slice(i, i + step);
      for (const entry of slice) {
        starts.push(offset);
        offset += entry.text.length + 1;
      }
      pieces.push(slice.map((entry) => `${entry.text}\u0002`).join(''));
      await pause();
    }
    if (this.changes !== version || this.joined) return;
    this.joined = { text: pieces.join(''), starts, entries };
    this.dirty.clear();
  }

  get(id: string): Annotation | undefined {
    return this.entries.get(id)?.annotation;
  }

  all(): Annotation[] {
    return this.sorted('newest').filter((entry) => !entry.removed).map((entry) => entry.annotation);
  }

  /** Every site with annotations, with how many, most used first. */
  sites(): [string, number][] {
    const counts = new Map<string, number>();
    for (const { site } of this.entries.values()) counts.set(site, (counts.get(site) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  private sorted(order: SortOrder): Entry[] {
    let sorted = this.orders.get(order);
    if (sorted) return sorted;
    const newest = this.orders.get('newest') ?? [...this.entries.values()].sort(byNewest);
    this.orders.set('newest', newest);
    if (order === 'newest') return newest;
    if (order === 'oldest') sorted = [...newest].reverse();
    else if (order === 'article-date') {
      // Newest articles first, undated ones last; within an article, reading order.
      const day = (entry: Entry) => this.articleDays.get(entry.annotation.articleKey) ?? '';
      sorted = [...newest].sort((a, b) => {
        const da = day(a);
        const db = day(b);
        if (da !== db) return da < db ? 1 : -1;
        if (a.annotation.articleKey !== b.annotation.articleKey) return a.annotation.articleKey < b.annotation.articleKey ? -1 : 1;
        return position(a) - position(b);
      });
    } else {
      // By article title in Chinese collation, computed once per title (a collator call per pair of 100k is slow).
      const titles = [...new Set(newest.map((entry) => entry.annotation.articleTitle))].sort(new Intl.Collator('zh-CN').compare);
      const rank = new Map(titles.map((title, i) => [title, i]));
      sorted = [...newest].sort(
        (a, b) =>
          rank.get(a.annotation.articleTitle)! - rank.get(b.annotation.articleTitle)! ||
          (a.annotation.articleKey < b.annotation.articleKey ? -1 : a.annotation.articleKey > b.annotation.articleKey ? 1 : 0) ||
          position(a) - position(b),
      );
    }
    this.orders.set(order, sorted);
    return sorted;
  }

  private joinedText(): Joined {
    if (!this.joined) {
      const entries = this.sorted('newest');
      const starts: number[] = [];
      let offset = 0;
      for (const entry of entries) {
        starts.push(offset);
        offset += entry.text.length + 1;
      }
      this.joined = { text: entries.map((entry) => `${entry.text}\u0002`).join(''), starts, entries };
      this.dirty.clear();
    }
    return this.joined;
  }

  /**
   * Calls `visit` with the position (in the joined text's entries) of every entry whose text contains the
   * folded needle, ascending: one indexOf pass; hits come in order, so each one's entry is found by walking
   * forward.
   */
  private containing(needle: string, visit: (index: number) => void): void {
    const { text, starts } = this.joinedText();
    const last = starts.length - 1;
    let entry = 0;
    for (let at = text.indexOf(needle); at >= 0; ) {
      while (entry < last && starts[entry + 1]! <= at) entry += 1;
      visit(entry);
      if (entry >= last) break;
      entry += 1;
      at = text.indexOf(needle, starts[entry]!);
    }
  }

  private passes(entry: Entry, filters: LibraryFilters): boolean {
    if (entry.removed) return false;
    const { annotation } = entry;
    if (filters.colour && annotation.colour !== filters.colour) return false;
    if (filters.tag && !annotation.tags.includes(filters.tag)) return false;
    if (filters.articleKey && annotation.articleKey !== filters.articleKey) return false;
    if (filters.kind) {
      if (filters.kind === 'note' ? annotation.kind === 'page-note' || !annotation.note.trim() : annotation.kind !== filters.kind) return false;
    }
    if (filters.site && entry.site !== filters.site) return false;
    if (filters.from !== undefined && annotation.createdAt < filters.from) return false;
    if (filters.to !== undefined && annotation.createdAt > filters.to) return false;
    if (filters.publishedFrom || filters.publishedTo) {
      const day = this.articleDays.get(annotation.articleKey);
      if (!day) return false;
      if (filters.publishedFrom && day < filters.publishedFrom) return false;
      if (filters.publishedTo && day > filters.publishedTo) return false;
    }
    if (filters.speaker && !annotation.speakers.some((speaker) => speaker.name === filters.speaker)) return false;
    if (filters.articleKeys && !filters.articleKeys.has(annotation.articleKey)) return false;
    return true;
  }

  /**
   * Annotations holding every term of `query` (all when it has none) that pass the filters, in `order`.
   */
  search(query: string, filters: LibraryFilters = {}, order: SortOrder = 'newest'): Annotation[] {
    // The per-entry term counts below are bytes: 255 words is far more than any reader types.
    const terms = parseQuery(query).slice(0, 255);
    let candidates: Entry[];
    if (terms.length === 0) candidates = this.sorted(order);
    else {
      const entries = this.joinedText().entries;
      const dirty = this.dirty;
      let hits: Entry[] = [];
      if (terms.length === 1) this.containing(terms[0]!, (i) => void hits.push(entries[i]!));
      else {
        // Each term is one pass over the joined text; an entry holds them all when every pass counted it.
        const counts = new Uint8Array(entries.length);
        terms.forEach((term, t) => this.containing(term, (i) => void (counts[i] === t && (counts[i] = t + 1))));
        for (let i = 0; i < counts.length; i++) if (counts[i] === terms.length) hits.push(entries[i]!);
      }
      // The joined text is stale for entries edited since it was built: those are checked one by one.
      if (dirty.size) {
        hits = hits.filter((entry) => !dirty.has(entry));
        for (const entry of dirty) if (!entry.removed && terms.every((term) => entry.text.includes(term))) hits.push(entry);
      }
      if (order === 'newest' && dirty.size === 0) candidates = hits;
      else {
        const set = new Set(hits);
        hits = [];
        candidates = set.size ? this.sorted(order).filter((entry) => set.has(entry)) : [];
      }
    }
    const results: Annotation[] = [];
    for (const entry of candidates) if (this.passes(entry, filters)) results.push(entry.annotation);
    return results;
  }

  /** Every tag in use, with how many annotations carry it, most used first. */
  tags(): [string, number][] {
    const counts = new Map<string, number>();
    for (const { annotation } of this.entries.values()) {
      for (const tag of annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  }
}
