import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { copyText } from '../../components/download';
import { ExportPanel } from '../../components/ExportPanel';
import { SyncPanel } from '../../components/SyncPanel';
import { SitesPanel, type SitesSource } from '../../components/SitesPanel';
import { colourLabel, countOf, translator, type MessageKey } from '../../components/i18n';
import { ColourNamesPanel } from '../../components/ColourNamesPanel';
import { applyTextSize, TextSizePanel } from '../../components/TextSizePanel';
import { tabIndexForKey } from '../../components/tab-keys';
import { PhraseIndexList, SpeakerIndexList } from '../../components/LibraryIndexes';
import { TrendsPanel } from '../../components/TrendsPanel';
import { buildPhraseIndex, buildSpeakerIndex } from '../../library/cross-article';
import { KIND_FILTERS, SearchIndex, SORT_ORDERS, type KindFilter, type LibraryFilters, type SortOrder } from '../../library/search-index';
import { parseQuery } from '../../library/query';
import { ResultsList } from '../../components/ResultsList';
import { localDayEnd, localDayStart, publishedDay } from '../../exporters/dates';
import type { Message, Replies } from '../../messaging/protocol';
import type { Stamp } from '../../records/stamp';
import { cleanColourNames, type ColourNames, type TextSize, type UiLanguage } from '../../records/preferences';
import { HIGHLIGHT_COLOURS, type Annotation, type AnnotationChanges, type HighlightColour } from '../../records/annotation';
import type { ArticleAnalysisRecord } from '../../records/analysis';
import type { ArticleRecord } from '../../records/article';
import type { BackupData } from '../../exporters/web-annotation';

export interface LibrarySource {
  /** Everything the backup holds, tombstones included (never credentials: they are in none of these). */
  loadBackup(): Promise<BackupData>;
  /** The newest `limit` live annotations and the articles: what the first screen needs, fast at any size. */
  loadFirst(limit: number): Promise<{ annotations: Annotation[]; articles: ArticleRecord[] }>;
  /** Every annotation, chunk by chunk; the returned promise settles after the last chunk was handled. */
  loadChunks(onChunk: (chunk: Annotation[]) => void | Promise<void>): Promise<unknown>;
  loadAnalyses(): Promise<ArticleAnalysisRecord[]>;
  loadAnnotations(ids: string[]): Promise<Annotation[]>;
  onChanged(listener: (ids: string[]) => void): void;
  send(message: Message): Promise<unknown>;
  language(): Promise<UiLanguage>;
  colourNames?(): Promise<ColourNames>;
  textSize?(): Promise<TextSize>;
  /** Called when the reader switches language, names the colours or sizes the text on another page. */
  onPreferences?(listener: (language: UiLanguage, colourNames: ColourNames, textSize: TextSize) => void): void;
  requestPermission(pattern: string): Promise<boolean>;
  /** The sites the reader enabled (absent: the tab is not shown). */
  sites?: SitesSource;
  /** A site's display name (from the site registry), for the site filter. */
  siteName?(site: string, language: UiLanguage): string;
}

type Tab = 'annotations' | 'speakers' | 'phrases' | 'trends' | 'transfer' | 'sync' | 'sites' | 'settings';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'annotations', label: 'annotationsTab' },
  { id: 'speakers', label: 'speakerIndexTab' },
  { id: 'phrases', label: 'phraseIndexTab' },
  { id: 'trends', label: 'trendsTab' },
  { id: 'transfer', label: 'exportImport' },
  { id: 'sync', label: 'syncTab' },
  { id: 'sites', label: 'sitesTab' },
  { id: 'settings', label: 'settingsTab' },
];
/** The first screen: the newest annotations, read by index before anything else. */
const FIRST_PAGE = 200;
/** Articles listed per index entry before "show all": the index opens fast however many articles there are. */
const KIND_LABELS: Record<KindFilter, MessageKey> = { highlight: 'kindHighlight', note: 'kindNote', excerpt: 'kindExcerpt', 'page-note': 'kindPageNote' };
const SORT_LABELS: Record<SortOrder, MessageKey> = { newest: 'sortNewest', oldest: 'sortOldest', 'article-date': 'sortArticleDate', article: 'sortArticle' };

interface Filters {
  colour: HighlightColour | '';
  tag: string;
  articleKey: string;
  kind: KindFilter | '';
  site: string;
  /** Which date the from/to range applies to. */
  dateOf: 'published' | 'annotated';
  from: string;
  to: string;
  speaker: string;
  phrase: string;
}
const NO_FILTERS: Filters = { colour: '', tag: '', articleKey: '', kind: '', site: '', dateOf: 'published', from: '', to: '', speaker: '', phrase: '' };

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const articleDays = (articles: ArticleRecord[]) => new Map(articles.map((article) => [article.key, publishedDay(article.publishedAt)]));

export function LibraryApp({ source }: { source: LibrarySource }) {
  const [language, setLanguage] = useState<UiLanguage>('zh-CN');
  const [colourNames, setColourNames] = useState<ColourNames>({});
  const [textSize, setTextSize] = useState<TextSize>('standard');
  const t = translator(language);
  const index = useRef(new SearchIndex());
  const [version, setVersion] = useState(0);
  /** none: nothing read yet; first: the newest page is shown; all: every annotation is searchable. */
  const [phase, setPhase] = useState<'none' | 'first' | 'all'>('none');
  const loaded = phase === 'all';
  const [articles, setArticles] = useState<ArticleRecord[]>([]);
  const [analyses, setAnalyses] = useState<ArticleAnalysisRecord[]>([]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortOrder>('newest');
  const [tab, setTab] = useState<Tab>('annotations');
  const [notice, setNotice] = useState('');
  const [undoable, setUndoable] = useState<string | null>(null);
  /** Index entries the reader opened in full (`s:` speaker, `p:` phrase). */

  useEffect(() => {
    void source.language().then(setLanguage);
    void source.colourNames?.().then(setColourNames);
    void source.textSize?.().then(setTextSize);
    source.onPreferences?.((next, names, size) => {
      setLanguage(next);
      setColourNames(names);
      setTextSize(size);
    });
    let generation = 0;
    // Ids changed while the full index is being built: applied to it once it is complete.
    let changedDuringLoad: Set<string> | null = null;
    const loadAll = async () => {
      const mine = ++generation;
      changedDuringLoad = new Set();
      const first = await source.loadFirst(FIRST_PAGE);
      if (mine !== generation) return;
      if (performance.getEntriesByName('anyue:library-first-read').length === 0) performance.mark('anyue:library-first-read');
      const days = articleDays(first.articles);
      // The first screen, before the full read: at 100k annotations that read takes seconds.
      if (index.current.size === 0) {
        index.current = new SearchIndex(first.annotations, days);
        // A re-read (after an import into an empty library) keeps what is shown: falling back to 'first' would
        // unmount the export panel and lose the import's report.
        setPhase((current) => (current === 'none' ? 'first' : current));
      }
      setArticles(first.articles);
      setVersion((v) => v + 1);
      // Let the first screen paint before the full read competes with it.
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      void source.loadAnalyses().then((read) => mine === generation && setAnalyses(read));
      const full = new SearchIndex([], days);
      await source.loadChunks(async (chunk) => {
        for (const annotation of chunk) full.put(annotation);
        await yieldToPage();
      });
      if (mine !== generation) return;
      const late = [...(changedDuringLoad ?? [])];
      changedDuringLoad = null;
      if (late.length) for (const annotation of await source.loadAnnotations(late)) full.put(annotation);
      index.current = full;
      setPhase('all');
      setVersion((v) => v + 1);
      // The joined text the first query needs, built in steps now rather than at the first keystroke.
      void full.prepare(yieldToPage);
    };
    source.onChanged(async (ids) => {
      // No ids: a bulk change (an import); read everything again.
      if (ids.length === 0) return void loadAll();
      for (const id of ids) changedDuringLoad?.add(id);
      for (const annotation of await source.loadAnnotations(ids)) index.current.put(annotation);
      setVersion((v) => v + 1);
    });
    void loadAll();
  }, [source]);

  // Marks for the benchmark and for anyone profiling: set once the screen shows what they name.
  useEffect(() => {
    if (phase === 'first' || (phase === 'all' && performance.getEntriesByName('anyue:library-first-results').length === 0)) {
      performance.mark('anyue:library-first-results');
    }
    if (phase === 'all') performance.mark('anyue:library-searchable');
  }, [phase]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => applyTextSize(document, textSize), [textSize]);

  const articleMap = useMemo(() => new Map(articles.map((article) => [article.key, article])), [articles]);
  const speakerIndex = useMemo(() => buildSpeakerIndex(analyses, articleMap), [analyses, articleMap]);
  const phraseIndex = useMemo(() => buildPhraseIndex(analyses, articleMap), [analyses, articleMap]);

  const libraryFilters: LibraryFilters = useMemo(() => {
    const phrase = phraseIndex.find((entry) => entry.text === filters.phrase);
    const annotated = filters.dateOf === 'annotated';
    return {
      colour: filters.colour || undefined,
      tag: filters.tag || undefined,
      articleKey: filters.articleKey || undefined,
      kind: filters.kind || undefined,
      site: filters.site || undefined,
      // Times of annotating are days in the reader's own time zone, as the exports print them.
      from: annotated && filters.from ? localDayStart(filters.from) : undefined,
      to: annotated && filters.to ? localDayEnd(filters.to) : undefined,
      publishedFrom: !annotated && filters.from ? filters.from : undefined,
      publishedTo: !annotated && filters.to ? filters.to : undefined,
      speaker: filters.speaker || undefined,
      articleKeys: phrase ? new Set(phrase.articles.map((a) => a.articleKey)) : undefined,
    };
  }, [filters, phraseIndex]);

  const terms = useMemo(() => parseQuery(query), [query]);
  const { results, searchMs } = useMemo(() => {
    const started = performance.now();
    const found = index.current.search(query, libraryFilters, sort);
    return { results: found, searchMs: performance.now() - started };
    // version: the index changed in place
  }, [query, libraryFilters, sort, version, phase]);
  const sites = useMemo(() => index.current.sites(), [version, phase]);

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
  const shownTabs = TABS.filter(({ id }) => id !== 'sites' || source.sites);
  const tabButtons = useRef<(HTMLButtonElement | null)[]>([]);
  /** The tabs pattern: arrows, Home and End move the focus along the row and show the tab they land on. */
  const onTabKey = (event: KeyboardEvent, index: number) => {
    const next = tabIndexForKey(event.key, index, shownTabs.length);
    if (next === null) return;
    event.preventDefault();
    setTab(shownTabs[next]!.id);
    tabButtons.current[next]?.focus();
  };
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters({ ...filters, [key]: value });
  const tags = useMemo(() => index.current.tags(), [version, phase]);

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
          onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
        />
        <span class="result-count" role="status" aria-live="polite" data-search-ms={searchMs.toFixed(2)}>
          {phase === 'none' ? t('loadingLibrary') : loaded ? countOf(language, 'resultCount', results.length) : countOf(language, 'searchingNewest', index.current.size)}
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
      <div class="filters" role="group" aria-label={t('filters')}>
        <select aria-label={t('colour')} value={filters.colour} onChange={(e) => setFilter('colour', (e.currentTarget as HTMLSelectElement).value as HighlightColour | '')}>
          <option value="">{t('allColours')}</option>
          {HIGHLIGHT_COLOURS.map((colour) => (
            <option key={colour} value={colour}>
              {colourLabel(colour, language, colourNames)}
            </option>
          ))}
        </select>
        <select aria-label={t('kind')} class="kind" value={filters.kind} onChange={(e) => setFilter('kind', (e.currentTarget as HTMLSelectElement).value as KindFilter | '')}>
          <option value="">{t('allKinds')}</option>
          {KIND_FILTERS.map((kind) => (
            <option key={kind} value={kind}>
              {t(KIND_LABELS[kind])}
            </option>
          ))}
        </select>
        <select aria-label={t('site')} class="site" value={filters.site} onChange={(e) => setFilter('site', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('allSites')}</option>
          {sites.map(([site, count]) => (
            <option key={site} value={site}>
              {source.siteName?.(site, language) ?? site} ({count})
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
        <select aria-label={t('dateOf')} value={filters.dateOf} onChange={(e) => setFilter('dateOf', (e.currentTarget as HTMLSelectElement).value as Filters['dateOf'])}>
          <option value="published">{t('datePublished')}</option>
          <option value="annotated">{t('dateAnnotated')}</option>
        </select>
        <label>
          {t('from')} <input type="date" class="date-from" value={filters.from} onChange={(e) => setFilter('from', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('to')} <input type="date" class="date-to" value={filters.to} onChange={(e) => setFilter('to', (e.currentTarget as HTMLInputElement).value)} />
        </label>
        <select aria-label={t('sortBy')} class="sort" value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as SortOrder)}>
          {SORT_ORDERS.map((order) => (
            <option key={order} value={order}>
              {t(SORT_LABELS[order])}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          {t('clearFilters')}
        </button>
      </div>
      <div class="tabs" role="tablist" aria-label={t('libraryTabs')}>
        {shownTabs.map(({ id, label }, index) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`library-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`library-panel-${id}`}
            // Roving: only the shown tab is in the Tab order; arrows move within the row.
            tabIndex={tab === id ? 0 : -1}
            ref={(element) => void (tabButtons.current[index] = element)}
            onClick={() => setTab(id)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <main>
        <section class="library-panel" role="tabpanel" id={`library-panel-${tab}`} aria-labelledby={`library-tab-${tab}`} tabIndex={0}>
          {tab === 'annotations' && (
            <>
              {phase !== 'none' && index.current.size === 0 && <p class="status">{t('emptyLibrary')}</p>}
              {phase !== 'none' && index.current.size > 0 && results.length === 0 && <p class="status">{loaded ? t('noResults') : t('loadingLibrary')}</p>}
              <ResultsList
                results={results}
                terms={terms}
                searchKey={JSON.stringify([query, filters, sort])}
                language={language}
                update={update}
                remove={(id) => void remove(id)}
                resolve={(message) => void request(message)}
                copy={(text) => void copy(text)}
                send={source.send}
                colourNames={colourNames}
              />
            </>
          )}
          {tab === 'transfer' && !loaded && <p class="status">{t('loadingLibrary')}</p>}
          {tab === 'transfer' && loaded && (
            <ExportPanel
              language={language}
              filtered={results}
              all={index.current.all()}
              articles={articles}
              loadBackup={source.loadBackup}
              send={source.send}
              colourNames={colourNames}
            />
          )}
          {tab === 'sites' && source.sites && <SitesPanel language={language} source={source.sites} />}
          {tab === 'settings' && (
            <TextSizePanel
              language={language}
              size={textSize}
              save={async (size) => {
                // Shown at once; the background tells the sidebars and other library tabs.
                const previous = textSize;
                setTextSize(size);
                const reply = (await source.send({ type: 'preferences/set-text-size', textSize: size }).catch(() => null)) as { ok?: boolean } | null;
                if (!reply?.ok) setTextSize(previous);
                return reply?.ok === true;
              }}
            />
          )}
          {tab === 'settings' && (
            <ColourNamesPanel
              language={language}
              names={colourNames}
              save={async (names) => {
                const colourNames = cleanColourNames(names);
                const reply = (await source.send({ type: 'preferences/set-colour-names', colourNames }).catch(() => null)) as { ok?: boolean } | null;
                if (reply?.ok) setColourNames(colourNames);
                return reply?.ok === true;
              }}
            />
          )}
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
        </section>
      </main>
    </>
  );
}
