import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AnnotationEditor } from '../../components/AnnotationEditor';
import { copyText } from '../../components/download';
import { ExportPanel } from '../../components/ExportPanel';
import { SyncPanel } from '../../components/SyncPanel';
import { SitesPanel, type SitesSource } from '../../components/SitesPanel';
import { translator, type MessageKey } from '../../components/i18n';
import { PhraseIndexList, SpeakerIndexList } from '../../components/LibraryIndexes';
import { TrendsPanel } from '../../components/TrendsPanel';
import { buildPhraseIndex, buildSpeakerIndex } from '../../library/cross-article';
import { SearchIndex, type LibraryFilters } from '../../library/search-index';
import type { Message, Replies } from '../../messaging/protocol';
import type { Stamp } from '../../records/stamp';
import type { UiLanguage } from '../../records/preferences';
import { HIGHLIGHT_COLOURS, type Annotation, type AnnotationChanges, type HighlightColour } from '../../records/annotation';
import type { ArticleAnalysisRecord } from '../../storage/database';
import type { ArticleRecord } from '../../records/article';

export interface LibrarySource {
  loadAll(): Promise<{ annotations: Annotation[]; articles: ArticleRecord[]; analyses: ArticleAnalysisRecord[] }>;
  loadAnnotations(ids: string[]): Promise<Annotation[]>;
  onChanged(listener: (ids: string[]) => void): void;
  send(message: Message): Promise<unknown>;
  language(): Promise<UiLanguage>;
  /** Called when the reader switches language on another page. */
  onLanguage?(listener: (language: UiLanguage) => void): void;
  requestPermission(pattern: string): Promise<boolean>;
  /** The sites the reader enabled (absent: the tab is not shown). */
  sites?: SitesSource;
}

type Tab = 'annotations' | 'speakers' | 'phrases' | 'trends' | 'transfer' | 'sync' | 'sites';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'annotations', label: 'annotationsTab' },
  { id: 'speakers', label: 'speakerIndexTab' },
  { id: 'phrases', label: 'phraseIndexTab' },
  { id: 'trends', label: 'trendsTab' },
  { id: 'transfer', label: 'exportImport' },
  { id: 'sync', label: 'syncTab' },
  { id: 'sites', label: 'sitesTab' },
];
const PAGE = 100;

interface Filters {
  colour: HighlightColour | '';
  tag: string;
  articleKey: string;
  from: string;
  to: string;
  speaker: string;
  phrase: string;
}
const NO_FILTERS: Filters = { colour: '', tag: '', articleKey: '', from: '', to: '', speaker: '', phrase: '' };

export function LibraryApp({ source }: { source: LibrarySource }) {
  const [language, setLanguage] = useState<UiLanguage>('zh-CN');
  const t = translator(language);
  const index = useRef(new SearchIndex());
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [articles, setArticles] = useState<ArticleRecord[]>([]);
  const [analyses, setAnalyses] = useState<ArticleAnalysisRecord[]>([]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [tab, setTab] = useState<Tab>('annotations');
  const [shown, setShown] = useState(PAGE);
  const [notice, setNotice] = useState('');
  const [undoable, setUndoable] = useState<string | null>(null);

  useEffect(() => {
    void source.language().then(setLanguage);
    source.onLanguage?.(setLanguage);
    const loadAll = () =>
      source.loadAll().then(({ annotations, articles: read, analyses: analysed }) => {
        index.current = new SearchIndex(annotations);
        setArticles(read);
        setAnalyses(analysed);
        setLoaded(true);
        setVersion((v) => v + 1);
        performance.mark('anyue:library-searchable');
      });
    source.onChanged(async (ids) => {
      // No ids: a bulk change (an import); read everything again.
      if (ids.length === 0) return void loadAll();
      for (const annotation of await source.loadAnnotations(ids)) index.current.put(annotation);
      setVersion((v) => v + 1);
    });
    void loadAll();
  }, [source]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const articleMap = useMemo(() => new Map(articles.map((article) => [article.key, article])), [articles]);
  const speakerIndex = useMemo(() => buildSpeakerIndex(analyses, articleMap), [analyses, articleMap]);
  const phraseIndex = useMemo(() => buildPhraseIndex(analyses, articleMap), [analyses, articleMap]);

  const libraryFilters: LibraryFilters = useMemo(() => {
    const phrase = phraseIndex.find((entry) => entry.text === filters.phrase);
    return {
      colour: filters.colour || undefined,
      tag: filters.tag || undefined,
      articleKey: filters.articleKey || undefined,
      from: filters.from ? Date.parse(`${filters.from}T00:00:00`) : undefined,
      to: filters.to ? Date.parse(`${filters.to}T23:59:59.999`) : undefined,
      speaker: filters.speaker || undefined,
      articleKeys: phrase ? new Set(phrase.articles.map((a) => a.articleKey)) : undefined,
    };
  }, [filters, phraseIndex]);

  const { results, searchMs } = useMemo(() => {
    const started = performance.now();
    const found = index.current.search(query, libraryFilters);
    return { results: found, searchMs: performance.now() - started };
    // version: the index changed in place
  }, [query, libraryFilters, version, loaded]);

  const request = async (message: Message) => {
    const reply = (await source.send(message)) as { ok: boolean; error?: string } | undefined;
    if (!reply?.ok) setNotice(`${t('saveFailed')}${reply?.error ?? ''}`);
    return reply;
  };
  const update = async (id: string, changes: AnnotationChanges, noteBase?: Stamp | null) => {
    const reply = (await request({ type: 'annotations/update', id, changes, ...(noteBase ? { noteBase } : {}) })) as Replies['annotations/update'] | { ok: false } | undefined;
    return reply?.ok ? reply.annotation : null;
  };
  const remove = async (id: string) => {
    if ((await request({ type: 'annotations/delete', id }))?.ok) {
      setUndoable(id);
      setNotice(t('deleted'));
    }
  };
  const copy = async (text: string) => {
    await copyText(text);
    setNotice(t('copied'));
  };
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters({ ...filters, [key]: value });
    setShown(PAGE);
  };
  const tags = useMemo(() => index.current.tags(), [version, loaded]);

  return (
    <>
      <header class="library-header">
        <h1>
          {t('appName')} · {t('libraryTitle')}
        </h1>
        <input
          type="search"
          class="search"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onInput={(event) => {
            setQuery((event.currentTarget as HTMLInputElement).value);
            setShown(PAGE);
          }}
        />
        <span class="result-count" role="status" aria-live="polite" data-search-ms={searchMs.toFixed(2)}>
          {loaded ? `${results.length} ${t('results')}` : t('loadingLibrary')}
        </span>
      </header>
      <p class="notice" role="status">
        {notice}
        {undoable && notice === t('deleted') && (
          <button
            type="button"
            class="undo"
            onClick={async () => {
              await request({ type: 'annotations/restore', id: undoable });
              setUndoable(null);
              setNotice('');
            }}
          >
            {t('undo')}
          </button>
        )}
      </p>
      <div class="filters" role="group" aria-label={t('clearFilters')}>
        <select aria-label={t('colour')} value={filters.colour} onChange={(e) => setFilter('colour', (e.currentTarget as HTMLSelectElement).value as HighlightColour | '')}>
          <option value="">{t('allColours')}</option>
          {HIGHLIGHT_COLOURS.map((colour) => (
            <option key={colour} value={colour}>
              {t(colour)}
            </option>
          ))}
        </select>
        <select aria-label={t('tags')} value={filters.tag} onChange={(e) => setFilter('tag', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('allTags')}</option>
          {tags.map(([tag, count]) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
        <select aria-label={t('article')} value={filters.articleKey} onChange={(e) => setFilter('articleKey', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('allArticles')}</option>
          {articles.map((article) => (
            <option key={article.key} value={article.key}>
              {article.title}
            </option>
          ))}
        </select>
        <select aria-label={t('speakersTab')} value={filters.speaker} onChange={(e) => setFilter('speaker', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('allSpeakers')}</option>
          {speakerIndex.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.name}
            </option>
          ))}
        </select>
        <select aria-label={t('phrasesTab')} value={filters.phrase} onChange={(e) => setFilter('phrase', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('allPhrases')}</option>
          {phraseIndex.map((entry) => (
            <option key={entry.text} value={entry.text}>
              {entry.text}
            </option>
          ))}
        </select>
        <label>
          {t('from')} <input type="date" value={filters.from} onChange={(e) => setFilter('from', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('to')} <input type="date" value={filters.to} onChange={(e) => setFilter('to', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          {t('clearFilters')}
        </button>
      </div>
      <div class="tabs" role="tablist">
        {TABS.filter(({ id }) => id !== 'sites' || source.sites).map(({ id, label }) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>
            {t(label)}
          </button>
        ))}
      </div>
      <main>
        {tab === 'annotations' && (
          <>
            {loaded && index.current.size === 0 && <p class="status">{t('emptyLibrary')}</p>}
            {loaded && index.current.size > 0 && results.length === 0 && <p class="status">{t('noResults')}</p>}
            <ul class="annotation-list">
              {results.slice(0, shown).map((annotation) => (
                <AnnotationEditor
                  key={annotation.id}
                  annotation={annotation}
                  language={language}
                  update={update}
                  remove={(id) => void remove(id)}
                  resolve={(message) => void request(message)}
                  copy={(text) => void copy(text)}
                  showArticle
                  send={source.send}
                />
              ))}
            </ul>
            {results.length > shown && (
              <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
                {t('showMore')} ({results.length - shown})
              </button>
            )}
          </>
        )}
        {tab === 'transfer' && (
          <ExportPanel
            language={language}
            filtered={results}
            all={index.current.all()}
            articles={articles}
            loadEverything={source.loadAll}
            send={source.send}
          />
        )}
        {tab === 'sites' && source.sites && <SitesPanel language={language} source={source.sites} />}
        {tab === 'sync' && <SyncPanel language={language} send={source.send} requestPermission={source.requestPermission} />}
        {tab === 'speakers' && (
          <SpeakerIndexList entries={speakerIndex} articles={articleMap} language={language} send={source.send} filterBy={(name) => (setFilter('speaker', name), setTab('annotations'))} />
        )}
        {tab === 'trends' && <TrendsPanel language={language} analyses={analyses} articles={articleMap} send={source.send} />}
        {tab === 'phrases' && (
          <PhraseIndexList
            entries={phraseIndex}
            analyses={analyses}
            articles={articleMap}
            language={language}
            send={source.send}
            filterBy={(text) => (setFilter('phrase', text), setTab('annotations'))}
          />
        )}
      </main>
    </>
  );
}
