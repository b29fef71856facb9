import { citeArticle, exportMarkdownCombined, safeFileName } from '../exporters';
import type { AnchorStatus } from '../messaging/protocol';
import type { ArticleMeta, ArticleRecord, VisitInfo } from '../records/article';
import type { UiLanguage } from '../records/preferences';
import { download, fileStamp } from './download';
import type { Annotation } from '../records/annotation';
import { AnnotationEditor, type AnnotationEditorProps } from './AnnotationEditor';
import { translator } from './i18n';
import { useNoteDraft, type SaveNote } from './use-note-draft';

interface Props {
  article: ArticleMeta;
  visit: VisitInfo | null;
  annotations: Annotation[];
  anchors: Record<string, AnchorStatus>;
  focus: { id: string; field: 'note' | 'tags' } | null;
  language: UiLanguage;
  colourNames?: AnnotationEditorProps['colourNames'];
  update: AnnotationEditorProps['update'];
  remove(id: string): void;
  resolve: AnnotationEditorProps['resolve'];
  /** Saves the page note over the version stamped `base` (null: none); resolves to the saved stamp, or null. */
  setPageNote: SaveNote;
  reveal(start: number, end: number): void;
  copy(text: string): void;
}

/** This article's page note, highlights and excerpts in reading order; the ones the page lost, apart. */
export function NotesPanel(props: Props) {
  const t = translator(props.language);
  const pageNote = props.annotations.find((annotation) => annotation.kind === 'page-note');
  const pageNoteDraft = useNoteDraft(pageNote?.note ?? '', pageNote?.stamps.note ?? null, props.setPageNote);
  const marks = props.annotations.filter((annotation) => annotation.kind !== 'page-note');
  // By where they landed on this visit; orphans last (they keep their stored order).
  const placedAt = (annotation: Annotation) => {
    const anchor = props.anchors[annotation.id];
    return anchor?.status === 'anchored' ? anchor.start : Number.MAX_SAFE_INTEGER;
  };
  const placed = marks.filter((annotation) => props.anchors[annotation.id]?.status !== 'orphan').sort((a, b) => placedAt(a) - placedAt(b));
  const orphans = marks.filter((annotation) => props.anchors[annotation.id]?.status === 'orphan');
  const editor = (annotation: Annotation) => (
    <AnnotationEditor
      key={annotation.id}
      annotation={annotation}
      anchor={props.anchors[annotation.id]}
      language={props.language}
      colourNames={props.colourNames}
      focusField={props.focus?.id === annotation.id ? props.focus.field : null}
      update={props.update}
      remove={props.remove}
      resolve={props.resolve}
      reveal={props.reveal}
      copy={props.copy}
    />
  );
  return (
    <div class="notes">
      <label class="page-note">
        <span>{t('pageNote')}</span>
        <textarea
          rows={3}
          value={pageNoteDraft.draft}
          placeholder={t('pageNotePlaceholder')}
          onInput={(event) => pageNoteDraft.edit((event.currentTarget as HTMLTextAreaElement).value)}
          onBlur={pageNoteDraft.flush}
        />
      </label>
      <div class="article-actions">
        <button type="button" onClick={() => props.copy(citeArticle({ ...props.article, lastReadAt: props.visit?.lastReadAt }))}>
          {t('copyArticleCitation')}
        </button>
        {props.annotations.length > 0 && (
          <button type="button" onClick={() => exportArticle(props.article, props.visit, props.annotations)}>
            {t('exportArticle')}
          </button>
        )}
      </div>
      {marks.length === 0 && <p class="status">{t('noAnnotations')}</p>}
      {orphans.length > 0 && (
        <section class="orphans" aria-label={t('orphans')}>
          <h3>
            {t('orphans')} ({orphans.length})
          </h3>
          <ul>{orphans.map(editor)}</ul>
        </section>
      )}
      <ul class="annotation-list">{placed.map(editor)}</ul>
    </div>
  );
}

function exportArticle(article: ArticleMeta, visit: VisitInfo | null, annotations: Annotation[]): void {
  const record: ArticleRecord = {
    ...article,
    firstReadAt: visit?.firstReadAt ?? Date.now(),
    lastReadAt: visit?.lastReadAt ?? Date.now(),
    readCount: visit?.readCount ?? 1,
  };
  const markdown = exportMarkdownCombined(annotations, [record]);
  download(safeFileName(`${article.title}-${fileStamp()}`, 'md', new Set()), markdown, 'text/markdown;charset=utf-8');
}
