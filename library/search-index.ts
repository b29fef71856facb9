// The library's search: any substring of a quote, note, tag, excerpt source or article title finds the
// annotation, however the words would be segmented (应急管理部 must find 管理部). All searchable text lives in
// memory, one string per annotation, folded once: a scan of 100k strings with indexOf takes milliseconds,
// where reading IndexedDB takes seconds (see the performance notes) and an n-gram index there is worse.

import type { Annotation, HighlightColour } from '../records/annotation';

/** Case and width folded, character for character: full-width ASCII to half-width, letters to lower case. */
export function foldForSearch(text: string): string {
  // Most Chinese text has nothing to fold: skip the work (100k annotations are folded at load).
  if (!/[\uff01-\uff5e\u3000A-Z]/.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
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

/** All entries' texts in one string, newest first, each followed by U+0002: one indexOf pass per query. */
interface Joined {
  text: string;
  /** Start offset of each entry's text in `text`, ascending. */
  starts: number[];
  entries: Entry[];
}

export class SearchIndex {
  private entries = new Map<string, Entry>();
  /** Newest first; rebuilt lazily after changes. */
  private order: Entry[] | null = null;
  private joined: Joined | null = null;

  constructor(annotations: Iterable<Annotation> = []) {
    for (const annotation of annotations) this.put(annotation);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds, replaces or (for a tombstone) removes one annotation. */
  put(annotation: Annotation): void {
    this.order = null;
    this.joined = null;
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

  private joinedText(): Joined {
    if (!this.joined) {
      const entries = this.sorted();
      const starts: number[] = [];
      let offset = 0;
      for (const entry of entries) {
        starts.push(offset);
        offset += entry.text.length + 1;
      }
      this.joined = { text: entries.map((entry) => `${entry.text}\u0002`).join(''), starts, entries };
    }
    return this.joined;
  }

  /** Entries whose text contains the folded needle, newest first: one indexOf pass over the joined text. */
  private matching(needle: string): Entry[] {
    if (!needle) return this.sorted();
    const { text, starts, entries } = this.joinedText();
    const found: Entry[] = [];
    let from = 0;
    let entry = 0;
    for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, from)) {
      // The entry holding `at`: the last start ≤ at (entries only move forward).
      let low = entry;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (starts[mid]! <= at) low = mid;
        else high = mid - 1;
      }
      found.push(entries[low]!);
      entry = low + 1;
      if (entry >= starts.length) break;
      from = starts[entry]!;
    }
    return found;
  }

  /** Annotations whose text contains `query` (all when empty) and that pass the filters, newest first. */
  search(query: string, filters: LibraryFilters = {}, limit = Infinity): Annotation[] {
    // U+0001/U+0002 separate fields and entries; a query containing them would match across.
    const needle = foldForSearch(query.trim()).replace(/[\u0001\u0002]/g, '');
    const results: Annotation[] = [];
    for (const { annotation } of this.matching(needle)) {
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
