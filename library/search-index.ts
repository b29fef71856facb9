// The library's search: any substring of a quote, note, tag, excerpt source or article title finds the
// annotation, however the words would be segmented (应急管理部 must find 管理部). All searchable text lives in
// memory, one string per annotation, folded once: a scan of 100k strings with indexOf takes milliseconds,
// where reading IndexedDB takes seconds (see the performance notes) and an n-gram index there is worse.

import type { Annotation, HighlightColour } from '../storage/annotation';

/** Case and width folded, character for character: full-width ASCII to half-width, letters to lower case. */
export function foldForSearch(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code === 0x3000) out += ' ';
    else out += char.toLowerCase();
  }
  return out;
}

export interface LibraryFilters {
  colour?: HighlightColour;
  tag?: string;
  articleKey?: string;
  /** Inclusive range of createdAt (epoch ms). */
  from?: number;
  to?: number;
  speaker?: string;
  /** Article keys whose analysis mentions the chosen policy phrase. */
  articleKeys?: Set<string>;
}

interface Entry {
  annotation: Annotation;
  text: string;
}

export class SearchIndex {
  private entries = new Map<string, Entry>();
  /** Newest first; rebuilt lazily after changes. */
  private order: Entry[] | null = null;

  constructor(annotations: Iterable<Annotation> = []) {
    for (const annotation of annotations) this.put(annotation);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds, replaces or (for a tombstone) removes one annotation. */
  put(annotation: Annotation): void {
    this.order = null;
    if (annotation.deleted) {
      this.entries.delete(annotation.id);
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
    this.entries.set(annotation.id, { annotation, text: foldForSearch(parts.join('\u0001')) });
  }

  get(id: string): Annotation | undefined {
    return this.entries.get(id)?.annotation;
  }

  all(): Annotation[] {
    return this.sorted().map((entry) => entry.annotation);
  }

  private sorted(): Entry[] {
    this.order ??= [...this.entries.values()].sort((a, b) => b.annotation.createdAt - a.annotation.createdAt);
    return this.order;
  }

  /** Annotations whose text contains `query` (all when empty) and that pass the filters, newest first. */
  search(query: string, filters: LibraryFilters = {}, limit = Infinity): Annotation[] {
    const needle = foldForSearch(query.trim());
    const results: Annotation[] = [];
    for (const { annotation, text } of this.sorted()) {
      if (needle && !text.includes(needle)) continue;
      if (filters.colour && annotation.colour !== filters.colour) continue;
      if (filters.tag && !annotation.tags.includes(filters.tag)) continue;
      if (filters.articleKey && annotation.articleKey !== filters.articleKey) continue;
      if (filters.from !== undefined && annotation.createdAt < filters.from) continue;
      if (filters.to !== undefined && annotation.createdAt > filters.to) continue;
      if (filters.speaker && !annotation.speakers.some((speaker) => speaker.name === filters.speaker)) continue;
      if (filters.articleKeys && !filters.articleKeys.has(annotation.articleKey)) continue;
      results.push(annotation);
      if (results.length >= limit) break;
    }
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
