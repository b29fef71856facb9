import { useEffect, useRef, useState } from 'preact/hooks';
import { ArticleCard } from '../../components/ArticleCard';
import { CorrectionsPanel } from '../../components/CorrectionsPanel';
import { copyText, download } from '../../components/download';
import { translator, type MessageKey } from '../../components/i18n';
import { LayerToggles } from '../../components/LayerToggles';
import { tabIndexForKey } from '../../components/tab-keys';
import { applyTextSize } from '../../components/TextSizePanel';
import { NotesPanel } from '../../components/NotesPanel';
import { PhrasesPanel } from '../../components/PhrasesPanel';
import { SpeakersPanel } from '../../components/SpeakersPanel';
import type { ErrorReply, Message, Replies, SidebarState } from '../../messaging/protocol';
import type { Stamp } from '../../records/stamp';
import type { CorrectionInput } from '../../records/correction';
import type { UiLanguage } from '../../records/preferences';
import type { AnnotationChanges } from '../../records/annotation';

export type Messenger = (message: Message) => Promise<unknown>;
/** Delivers every state the background pushes; returns a function that stops listening. */
export type Subscribe = (listener: (state: SidebarState) => void) => () => void;

type Tab = 'notes' | 'speakers' | 'phrases' | 'corrections';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'speakers', label: 'speakersTab' },
  { id: 'notes', label: 'notesTab' },
  { id: 'phrases', label: 'phrasesTab' },
  { id: 'corrections', label: 'correctionsTab' },
];

export function SidebarApp({ messenger, subscribe, openLibrary }: { messenger: Messenger; subscribe: Subscribe; openLibrary?: () => void }) {
  const [state, setState] = useState<SidebarState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  /** The last deleted annotation, while its undo is offered. */
  const [undoable, setUndoable] = useState<string | null>(null);
  const [language, setLanguage] = useState<UiLanguage>('zh-CN');
  const [tab, setTab] = useState<Tab>('speakers');
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  /** When the reader last pressed a pointer in the sidebar (the page may have restored a faded sidebar since). */
  const lastPress = useRef<number | null>(null);
  useEffect(() => {
    const pressed = (event: PointerEvent) => void (event.isTrusted && (lastPress.current = performance.now()));
    const released = () => setTimeout(() => void (lastPress.current = null), 1_000);
    document.addEventListener('pointerdown', pressed, true);
    document.addEventListener('click', released, true);
    return () => {
      document.removeEventListener('pointerdown', pressed, true);
      document.removeEventListener('click', released, true);
    };
  }, []);
  const t = translator(language);

  useEffect(() => {
    let first = true;
    const apply = (next: SidebarState) => {
      setState(next);
      setLanguage(next.language);
      applyTextSize(document, next.textSize);
      if (next.focus) setTab('notes');
      if (first && next.article) {
        first = false;
        performance.mark('anyue:sidebar-ready');
      }
    };
    const unsubscribe = subscribe(apply);
    messenger({ type: 'sidebar/get-state' })
      .then((raw) => {
        const reply = raw as Replies['sidebar/get-state'] | ErrorReply | undefined;
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        apply(reply.state);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
    return unsubscribe;
  }, [messenger, subscribe]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const request = async (message: Message) => {
    const reply = (await messenger(message)) as { ok: boolean; error?: string } | undefined;
    if (!reply?.ok) setNotice(reply?.error ?? 'no reply');
    return reply;
  };
  const reveal = async (start: number, end: number) => {
    const reply = (await request({ type: 'page/reveal', start, end })) as Replies['page/reveal'] | undefined;
    setNotice(reply?.ok && !reply.found ? t('notFound') : '');
  };
  const correct = (correction: CorrectionInput) => void request({ type: 'corrections/add', correction });
  const update = async (id: string, changes: AnnotationChanges, noteBase?: Stamp | null) => {
    const reply = (await request({ type: 'annotations/update', id, changes, ...(noteBase ? { noteBase } : {}) })) as Replies['annotations/update'] | ErrorReply | undefined;
    if (!reply?.ok) setNotice(`${t('saveFailed')}${reply?.error ?? ''}`);
    return reply?.ok ? reply.annotation : null;
  };
  const setPageNote = async (note: string, base: Stamp | null) => {
    const reply = (await request({ type: 'annotations/set-page-note', articleKey: state!.article!.key, note, base })) as Replies['annotations/set-page-note'] | ErrorReply | undefined;
    return reply?.ok ? reply.annotation.stamps.note : null;
  };
  /** Destructive clicks count only on a sidebar the page does not hide, fade or cover (clickjacking); fail closed. */
  const whileShown = async (): Promise<boolean> => {
    // A key press (Enter on a focused button) has no pointer press: then "now" is the moment to check from.
    const pressedAgo = lastPress.current === null ? 0 : Math.min(3_600_000, Math.max(0, Math.round(performance.now() - lastPress.current)));
    const reply = (await messenger({ type: 'sidebar/check-shown', pressedAgo }).catch(() => undefined)) as Replies['sidebar/check-shown'] | ErrorReply | undefined;
    if (reply?.ok && reply.shown) return true;
    setNotice(t('sidebarNotShown'));
    return false;
  };
  const remove = async (id: string) => {
    if (!(await whileShown())) return;
    const reply = await request({ type: 'annotations/delete', id });
    if (reply?.ok) {
      setUndoable(id);
      setNotice(t('deleted'));
    }
  };
  const undo = async () => {
    if (!undoable) return;
    await request({ type: 'annotations/restore', id: undoable });
    setUndoable(null);
    setNotice('');
  };
  const copy = async (text: string) => {
    await copyText(text);
    setNotice(t('copied'));
  };
  const exportAll = async () => {
    const reply = (await request({ type: 'corrections/export' })) as Replies['corrections/export'] | undefined;
    if (!reply?.ok) return;
    download(`anyue-corrections-${reply.data.exportedAt.slice(0, 10)}.json`, JSON.stringify(reply.data, null, 2), 'application/json');
  };
  const chooseLanguage = (next: UiLanguage) => {
    setLanguage(next);
    void request({ type: 'preferences/set-language', language: next });
  };
  const onTabKey = (event: KeyboardEvent, index: number) => {
    const next = tabIndexForKey(event.key, index, TABS.length);
    if (next === null) return;
    event.preventDefault();
    setTab(TABS[next]!.id);
    tabRefs.current[next]?.focus();
  };

  const analysis = state?.analysis;
  const counts: Record<Tab, number | undefined> = {
    notes: state?.annotations.filter((annotation) => annotation.kind !== 'page-note').length,
    speakers: analysis?.speakers.length,
    phrases: analysis?.phrases.length,
    corrections: state?.corrections.length,
  };

  return (
    <>
      <header>
        <h1>{t('appName')}</h1>
        <select
          aria-label={t('language')}
          value={language}
          onChange={(event) => chooseLanguage((event.currentTarget as HTMLSelectElement).value as UiLanguage)}
        >
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
        {openLibrary && (
          <button type="button" class="library-link" onClick={openLibrary}>
            {t('libraryTitle')}
          </button>
        )}
        <button
          type="button"
          aria-label={t('closeSidebar')}
          title={t('closeSidebar')}
          onClick={() => void request({ type: 'sidebar/set-open', open: false })}
        >
          ✕
        </button>
      </header>
      <main>
        <p class="notice" role="status" aria-live="polite">
          {notice}
          {undoable && notice === t('deleted') && (
            <button type="button" class="undo" onClick={() => void undo()}>
              {t('undo')}
            </button>
          )}
        </p>
        {!state && !error && <p class="status">{t('loading')}</p>}
        {error && (
          <p class="error" role="alert">
            {t('failed')}
            {error}
          </p>
        )}
        {state && !state.article && <p class="status">{t('noArticle')}</p>}
        {state?.article && (
          <>
            <ArticleCard article={state.article} visit={state.visit} language={language} />
            <LayerToggles
              layers={state.layers}
              language={language}
              onChange={(layers) => void request({ type: 'highlights/set-layers', layers })}
            />
            <div class="tabs" role="tablist" aria-label={t('tabs')}>
              {TABS.map(({ id, label }, index) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  id={`tab-${id}`}
                  aria-selected={tab === id}
                  aria-controls={`panel-${id}`}
                  tabIndex={tab === id ? 0 : -1}
                  ref={(element) => void (tabRefs.current[index] = element)}
                  onClick={() => setTab(id)}
                  onKeyDown={(event) => onTabKey(event, index)}
                >
                  {t(label)}
                  {counts[id] !== undefined && <span class="count"> {counts[id]}</span>}
                </button>
              ))}
            </div>
            <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
              {(tab === 'speakers' || tab === 'phrases') && !analysis && <p class="status">{t('analysing')}</p>}
              {tab === 'notes' && (
                <NotesPanel
                  article={state.article}
                  visit={state.visit}
                  annotations={state.annotations}
                  anchors={state.anchors}
                  focus={state.focus}
                  language={language}
                  colourNames={state.colourNames}
                  update={update}
                  remove={(id) => void remove(id)}
                  resolve={(message) => void whileShown().then((shown) => (shown ? request(message) : undefined))}
                  setPageNote={setPageNote}
                  reveal={(start, end) => void reveal(start, end)}
                  copy={(text) => void copy(text)}
                />
              )}
              {tab === 'speakers' && analysis && (
                <SpeakersPanel speakers={analysis.speakers} people={analysis.people} language={language} reveal={reveal} correct={correct} />
              )}
              {tab === 'phrases' && analysis && (
                <PhrasesPanel phrases={analysis.phrases} language={language} reveal={reveal} correct={correct} />
              )}
              {tab === 'corrections' && (
                <CorrectionsPanel
                  corrections={state.corrections}
                  language={language}
                  undo={(id) => void whileShown().then((shown) => (shown ? request({ type: 'corrections/remove', id }) : undefined))}
                  exportAll={() => void exportAll()}
                />
              )}
            </section>
          </>
        )}
      </main>
    </>
  );
}
