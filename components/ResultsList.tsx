import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Message } from '../messaging/protocol';
import type { Annotation, AnnotationChanges } from '../records/annotation';
import type { ColourNames, UiLanguage } from '../records/preferences';
import type { Stamp } from '../records/stamp';
import { markMatches } from '../library/query';
import { AnnotationEditor } from './AnnotationEditor';
import { translator } from './i18n';

export interface ResultsListProps {
  results: Annotation[];
  /** The query's terms (library/query.ts parseQuery): their matches are marked. */
  terms: string[];
  /** Changes with the query, filters or sort: a new search starts at the top; an edit keeps the place. */
  searchKey: string;
  language: UiLanguage;
  update(id: string, changes: AnnotationChanges, noteBase?: Stamp | null): Promise<Annotation | null>;
  remove(id: string): void;
  resolve(message: Extract<Message, { type: 'annotations/resolve-conflict' }>): void;
  copy(text: string): void;
  /** Links back to the article and passage (through the background). */
  send?(message: Message): Promise<unknown>;
  colourNames?: ColourNames;
}

/** How many results are rendered at first (the first screen must be quick) and added per step after. */
export const FIRST_RESULTS = 20;
export const RESULTS_PAGE = 50;

/**
 * The library's results, rendered a page at a time (the next page comes when the reader scrolls near the
 * end, or asks for it), so 100,000 results cost no more to show than fifty. Matches are marked with <mark>
 * elements around text nodes: the text is never parsed as HTML.
 */
export function ResultsList({ results, terms, searchKey, language, update, remove, resolve, copy, send, colourNames }: ResultsListProps) {
  const t = translator(language);
  const [shown, setShown] = useState(FIRST_RESULTS);
  const sentinel = useRef<HTMLDivElement>(null);
  // A new search starts at the top again (an edit in the list re-runs the search but keeps the place).
  useEffect(() => setShown(FIRST_RESULTS), [searchKey]);

  const more = results.length > shown;
  useEffect(() => {
    const target = sentinel.current;
    if (!more || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((entry) => entry.isIntersecting)) setShown((count) => count + RESULTS_PAGE);
    }, { rootMargin: '600px' });
    observer.observe(target);
    return () => observer.disconnect();
  }, [more, shown]);

  const mark = useMemo(() => {
    if (terms.length === 0) return undefined;
    return (text: string) => {
      const parts = markMatches(text, terms);
      if (!parts.some((part) => part.match)) return null;
      return parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text));
    };
  }, [terms]);

  return (
    <>
      <ul class="annotation-list">
        {results.slice(0, shown).map((annotation) => (
          <AnnotationEditor
            key={annotation.id}
            annotation={annotation}
            language={language}
            update={update}
            remove={remove}
            resolve={resolve}
            copy={copy}
            mark={mark}
            showArticle
            send={send}
            colourNames={colourNames}
          />
        ))}
      </ul>
      {more && (
        <div ref={sentinel}>
          <button type="button" class="more" onClick={() => setShown(shown + RESULTS_PAGE)}>
            {t('showMore')} ({results.length - shown})
          </button>
        </div>
      )}
    </>
  );
}
