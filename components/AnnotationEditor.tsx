import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { citeExcerpt } from '../exporters/gbt7714';
import { STYLE_COLOURS } from '../highlights/layers';
import { looksLikeMarkdown } from './note-markdown';
import { NoteText } from './NoteText';
import type { AnchorStatus, Message } from '../messaging/protocol';
import type { ColourNames, UiLanguage } from '../records/preferences';
import { HIGHLIGHT_COLOURS, MAX_NOTE_LENGTH, splitTags, type Annotation, type AnnotationChanges } from '../records/annotation';
import { colourLabel, translator } from './i18n';
import { orphanReasonText } from './page-strings';
import { annotationPassage, PassageLink } from './PassageLink';
import type { Stamp } from '../records/stamp';
import { useNoteDraft } from './use-note-draft';

export interface AnnotationEditorProps {
  annotation: Annotation;
  anchor?: AnchorStatus;
  language: UiLanguage;
  /** Open with the cursor in this field (after "note" or "tags" on the page's toolbar). */
  focusField?: 'note' | 'tags' | null;
  /** Saves a change; `noteBase` is the stamp of the note a draft started from. Resolves to the saved record, or null. */
  update(id: string, changes: AnnotationChanges, noteBase?: Stamp | null): Promise<Annotation | null>;
  remove(id: string): void;
  /** The reader settled a sync conflict. */
  resolve(message: Extract<Message, { type: 'annotations/resolve-conflict' }>): void;
  reveal?(start: number, end: number): void;
  copy(text: string): void;
  /** Show which article it belongs to (in the library). */
  showArticle?: boolean;
  /** The reader's names for the colours. */
  colourNames?: ColourNames;
  /** In the library: the title and the quote link back to the passage in the article. */
  send?(message: Message): Promise<unknown>;
  /** The library's search marks: the text with its matches marked, or null when nothing in it matches. */
  mark?: (text: string) => ComponentChildren | null;
}

/** A text field whose draft survives state pushes while the reader is typing in it. */
function useDraft(value: string): [string, (next: string) => void, () => boolean] {
  const [draft, setDraft] = useState(value);
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) setDraft(value);
  }, [value]);
  return [
    draft,
    (next) => {
      dirty.current = next !== value;
      setDraft(next);
    },
    () => {
      const wasDirty = dirty.current;
      dirty.current = false;
      return wasDirty;
    },
  ];
}

/** One highlight or excerpt: its quote, colour, note and tags, editable; delete goes through undo. */
export function AnnotationEditor({ annotation, anchor, language, colourNames, focusField, update, remove, resolve, reveal, copy, showArticle, send, mark }: AnnotationEditorProps) {
  const t = translator(language);
  const note = useNoteDraft(annotation.note, annotation.stamps.note, async (text, base) => (await update(annotation.id, { note: text }, base))?.stamps.note ?? null);
  const [tags, setTags, takeTags] = useDraft(annotation.tags.join(', '));
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  const itemRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (!focusField) return;
    itemRef.current?.scrollIntoView({ block: 'nearest' });
    (focusField === 'tags' ? tagsRef.current : noteRef.current)?.focus();
  }, [focusField]);

  // Read the fields themselves: a blur can come before the render that follows the last keystroke.
  const saveTags = () => {
    if (takeTags()) void update(annotation.id, { tags: splitTags(tagsRef.current?.value ?? tags) });
  };
  const placed = anchor?.status === 'anchored' ? anchor : null;
  const quote = annotation.target?.quote.exact ?? '';
  const articleTitle = mark?.(annotation.articleTitle) ?? annotation.articleTitle;
  // A note is edited in a text area, which cannot mark text: the matches are shown above it.
  const noteMarks = mark && annotation.note ? mark(annotation.note) : null;
  return (
    <li class={`annotation kind-${annotation.kind}`} ref={itemRef} data-id={annotation.id}>
      {showArticle && (
        <div class="meta article-of">
          {send ? (
            <PassageLink articleKey={annotation.articleKey} url={annotation.articleUrl} passage={null} send={send} title={t('openArticleTab')}>
              {articleTitle}
            </PassageLink>
          ) : (
            articleTitle
          )}
        </div>
      )}
      <div class="quote-row">
        <span class="colour-bar" style={{ background: STYLE_COLOURS[`user-${annotation.colour}`].background }} title={colourLabel(annotation.colour, language, colourNames)} aria-hidden="true" />
        {placed && reveal ? (
          <button type="button" class="quote" title={t('showMention')} onClick={() => reveal(placed.start, placed.end)}>
            {quote}
          </button>
        ) : send && annotation.target ? (
          <PassageLink class="quote" articleKey={annotation.articleKey} url={annotation.articleUrl} passage={annotationPassage(annotation)} send={send} title={t('openPassage')}>
            {mark?.(quote) ?? quote}
          </PassageLink>
        ) : (
          <blockquote class="quote">{mark?.(quote) ?? quote}</blockquote>
        )}
      </div>
      {anchor?.status === 'orphan' && (
        <p class="orphan-flag" role="note">
          {t('orphanReasonLine').replace('{why}', orphanReasonText(anchor.reason, language))}
        </p>
      )}
      {annotation.conflicts && annotation.conflicts.length > 0 && (
        <div class="conflict" role="alert">
          <p class="conflict-title">{t('conflictTitle')}</p>
          <ul>
            {annotation.conflicts.map((conflict) => (
              <li key={conflict.stamp}>
                <span class="meta">{t(conflict.field === 'note' ? 'conflictNote' : 'conflictTarget')}{t('colon')}</span>
                <span class="conflict-value">{conflict.field === 'note' ? conflict.value : conflict.value?.quote.exact ?? ''}</span>
                <button
                  type="button"
                  onClick={() =>
                    resolve(
                      conflict.field === 'note'
                        ? { type: 'annotations/resolve-conflict', id: annotation.id, field: 'note', value: conflict.value }
                        : { type: 'annotations/resolve-conflict', id: annotation.id, field: 'target', value: conflict.value },
                    )
                  }
                >
                  {t('conflictUseThis')}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              const fields = new Set(annotation.conflicts!.map((conflict) => conflict.field));
              if (fields.has('note')) resolve({ type: 'annotations/resolve-conflict', id: annotation.id, field: 'note', value: annotation.note });
              if (fields.has('target')) resolve({ type: 'annotations/resolve-conflict', id: annotation.id, field: 'target', value: annotation.target });
            }}
          >
            {t('conflictKeepMine')}
          </button>
        </div>
      )}
      {annotation.kind === 'excerpt' && annotation.excerpt && (
        <div class="excerpt-source">
          <span class="badge">{t('excerptLabel')}</span>
          {annotation.speakers.length > 0 && <span class="meta"> {annotation.speakers.map((s) => s.name).join('、')}</span>}
          <p class="citation">{citeExcerpt(annotation.excerpt)}</p>
          <button type="button" onClick={() => copy(`“${quote}”\n${citeExcerpt(annotation.excerpt!)}`)}>
            {t('copyCitation')}
          </button>
        </div>
      )}
      <fieldset class="colours">
        <legend class="visually-hidden">{t('colour')}</legend>
        {HIGHLIGHT_COLOURS.map((colour) => (
          <label key={colour} class="colour-choice" title={colourLabel(colour, language, colourNames)}>
            <input
              type="radio"
              name={`colour-${annotation.id}`}
              value={colour}
              checked={annotation.colour === colour}
              aria-label={colourLabel(colour, language, colourNames)}
              onChange={() => update(annotation.id, { colour })}
            />
            <span style={{ background: STYLE_COLOURS[`user-${colour}`].background }} />
            {colourNames?.[colour] && <span class="colour-name">{colourNames[colour]}</span>}
          </label>
        ))}
      </fieldset>
      {noteMarks && (
        <p class="note-match" aria-label={t('note')}>
          {noteMarks}
        </p>
      )}
      <label class="field">
        <span class="visually-hidden">{t('note')}</span>
        <textarea
          ref={noteRef}
          class="note"
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          value={note.draft}
          placeholder={t('notePlaceholder')}
          aria-label={t('note')}
          onInput={(event) => note.edit((event.currentTarget as HTMLTextAreaElement).value)}
          onBlur={note.flush}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) note.flush();
          }}
        />
      </label>
      {/* In the library a note written in Markdown is also shown rendered (as elements and text, never HTML). */}
      {showArticle && looksLikeMarkdown(note.draft) && <NoteText note={note.draft} />}
      <div class="tag-row">
        <input
          ref={tagsRef}
          class="tags"
          value={tags}
          placeholder={t('tagsPlaceholder')}
          aria-label={t('tags')}
          onInput={(event) => setTags((event.currentTarget as HTMLInputElement).value)}
          onBlur={saveTags}
          onKeyDown={(event) => {
            if (event.key === 'Enter') saveTags();
          }}
        />
        <button type="button" class="delete" onClick={() => remove(annotation.id)}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}
