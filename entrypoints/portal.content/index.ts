import { browser } from 'wxt/browser';
import { analyzeText } from '../../analysis';
import { describeSpan } from '../../anchoring/selectors';
import { citeArticle } from '../../exporters/gbt7714';
import { orphanReasonText, pageTranslator, type PageMessageKey } from '../../components/page-strings';
import { mountNotice, type PageNotice } from '../../highlights/notice';
import { parseMessage, type AnnotationRequest, type ErrorReply, type Message, type PassageTarget, type Replies } from '../../messaging/protocol';
import type { ColourNames, UiLanguage } from '../../records/preferences';
import { PORTAL_MATCHES } from '../../sites/portal-hosts';
import { readArticle, type SiteArticle } from '../../sites';
import { loadedGenericReader } from '../../sites/generic-hook';
import { toArticleMeta } from './article-meta';
import { MAX_SELECTION, startArticleView, type ArticleView } from './article-view';
import { mountSelectionToolbar, type SelectionToolbar, type ToolbarAction } from './selection-toolbar';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';

export default defineContentScript({
  // Statically only the portal's post-shaped URLs: its home page and category lists never load the script.
  // Sites the reader enables get this same script registered at run time (background.ts).
  matches: PORTAL_MATCHES.map((pattern) => pattern.replace(/\/\*$/, '/*.html*')),
  runAt: 'document_idle',
  main() {
    // Injected again into a tab whose site was just enabled, or both registered and injected: run once.
    const world = globalThis as { __anyueStarted?: boolean };
    if (world.__anyueStarted) return;
    world.__anyueStarted = true;
    performance.mark('anyue:start');
    const article = readThisPage();
    // The popup asks whether "analyse this page" found an article here.
    (world as { __anyueArticleFound?: boolean }).__anyueArticleFound = article !== null;
    if (!article) return;
    void showArticle(article);
  },
});

const send = (message: Message) => browser.runtime.sendMessage(message);

// readArticle checks the URL's shape before touching the DOM: lists and home pages cost nothing. The generic
// reader is there only where the reader asked for it (its bundle was loaded first).
const readThisPage = (): SiteArticle | null => readArticle(document, location.href) ?? loadedGenericReader()?.(document, location.href) ?? null;

async function showArticle(article: SiteArticle): Promise<void> {
  // Analyse and paint first: the page never waits for the background or the database. The reader's
  // layer choices, corrections and highlights arrive afterwards and are applied then.
  const outbox: Message[] = [];
  let connected = false;
  const report = (message: Message) => {
    if (connected) void send(message);
    else outbox.push(message);
  };
  const view = startArticleView({
    doc: document,
    article,
    analyse: (text, corrections) => analyzeText(text, corrections),
    reread: readThisPage,
    onAnalysed: (summary, key) => report({ type: 'article/analysed', key, summary }),
    onAnchored: (anchors, key) => report({ type: 'annotations/anchored', key, anchors }),
    onOwnHighlightClick: (id) => void send({ type: 'annotations/focus', id }),
  });
  performance.mark('anyue:highlights-painted');

  const reply = (await send({ type: 'article/opened', article: toArticleMeta(article) })) as Replies['article/opened'] | ErrorReply;
  if (!reply?.ok) {
    console.warn('[安阅] the background refused this article:', reply?.error);
    return;
  }
  view.setLanguage(reply.language);
  const say = noticesIn(reply.language);
  view.setLayers(reply.layers);
  if (Object.keys(reply.corrections).length > 0) view.setCorrections(reply.corrections);
  connected = true;
  // Only the latest of each kind matters.
  for (const type of ['article/analysed', 'annotations/anchored'] as const) {
    const latest = outbox.filter((message) => message.type === type).at(-1);
    if (latest) void send(latest);
  }
  // Once the reader's highlights are placed, the passage the library sent this tab to (if any) is shown.
  const anchored = loadAnnotations(view).catch((error) => console.warn('[安阅] could not load your highlights:', error));
  void anchored.then(async () => {
    const taken = (await send({ type: 'page/take-passage', key: article.key }).catch(() => null)) as Replies['page/take-passage'] | ErrorReply | null;
    if (taken?.ok && taken.passage) showPassage(view, say, taken.passage);
  });

  const grant = (await send({ type: 'sidebar/frame-token' })) as Replies['sidebar/frame-token'] | ErrorReply;
  if (!grant?.ok) console.warn('[安阅] the background gave the sidebar no token:', grant?.error);
  const sidebar = mountSidebarFrame(document, browser.runtime.getURL('/sidebar.html'), grant?.ok ? grant.token : '', reply.sidebarOpen, reply.language, reply.sidebarWidth);
  performance.mark('anyue:sidebar-mounted');
  sidebar.onReaderChange((open) => void send({ type: 'sidebar/set-open', open }));
  sidebar.onReaderResize((width) => void send({ type: 'sidebar/set-width', width }));
  const annotate = selectionAnnotator(article, view, say);
  const shown = { span: null as { start: number; end: number } | null };
  const toolbar = mountSelectionToolbar(
    document,
    // Hide now, not when the reply arrives: by then the reader may have selected the next passage and a
    // late hide() would take that passage's toolbar away (the Firefox flake in annotations.e2e.ts).
    (action) => {
      const span = view.selectedSpan();
      const meant = shown.span;
      toolbar.hide();
      // The page may move the selection under a click on its way: act only on the text the toolbar was shown for.
      if (span && meant && span.start === meant.start && span.end === meant.end) void annotate(action);
    },
    () => (sidebar.open ? sidebar.width : 0),
  );
  toolbar.setLanguage(reply.language);
  toolbar.setColourNames(reply.colourNames ?? {});
  followSelection(view, toolbar, shown);
  const setLanguage = (language: UiLanguage) => {
    view.setLanguage(language);
    toolbar.setLanguage(language);
    sidebar.setLanguage(language);
    say.setLanguage(language);
  };
  listenToBackground(sidebar, view, annotate, (passage) => anchored.then(() => showPassage(view, say, passage)), setLanguage, (names) => toolbar.setColourNames(names));
}

/** The page's notices in the reader's language (which the reader may change while the page is open). */
function noticesIn(initial: UiLanguage) {
  let language = initial;
  const t = (key: PageMessageKey) => pageTranslator(language)(key);
  const notice: PageNotice = mountNotice(document, () => t('noticeClose'));
  return {
    t,
    notice,
    setLanguage: (next: UiLanguage) => void (language = next),
    orphan: (reason: string) => notice.show('orphan', t('noticeOrphan').replace('{why}', orphanReasonText(reason, language)), 'problem'),
  };
}
type Say = ReturnType<typeof noticesIn>;

/** Scrolls to and flashes a passage the library linked to; says in words when it cannot be placed. */
function showPassage(view: ArticleView, say: Say, passage: PassageTarget): boolean {
  const outcome = view.showPassage(passage);
  if (outcome.status === 'orphan') say.orphan(outcome.reason);
  if (outcome.status === 'gone') say.notice.show('passage-gone', say.t('noticePassageGone'), 'problem');
  return outcome.status === 'shown';
}

/** Why a save failed, in the reader's words: the background's reply names storage errors; no reply at all
 * means the background is not answering (stopped, restarting, or the extension was updated). */
function saveFailure(say: Say, reply: { ok: boolean; error?: string } | null | undefined): void {
  const text = !reply
    ? say.t('noticeNoAnswer')
    : /storage is full|QuotaExceeded/i.test(reply.error ?? '')
      ? say.t('noticeStorageFull')
      : say.t('noticeSaveFailed');
  say.notice.show('save-failed', text, 'problem');
}

async function loadAnnotations(view: ArticleView): Promise<void> {
  const reply = (await send({ type: 'annotations/of-page' })) as Replies['annotations/of-page'] | ErrorReply;
  if (reply?.ok) view.setAnnotations(reply.annotations);
  else console.warn('[安阅] could not load your highlights:', reply?.error);
}

/** A save normally answers in milliseconds; past this the reader is told the background is not answering. */
const SAVE_ANSWER_MS = 6_000;

/** The reply, or null when the background fails to answer in time (its worker stopped, its database blocked). */
function answerWithin(reply: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([reply.catch(() => null), late]).finally(() => clearTimeout(timer));
}

/** Turns a toolbar action (or a menu/keyboard command) on the current selection into an annotation. */
function selectionAnnotator(article: SiteArticle, view: ArticleView, say: Say) {
  return async (action: ToolbarAction): Promise<boolean> => {
    const span = view.selectedSpan();
    if (!span) {
      if (view.selectionTooLong()) say.notice.show('too-long', say.t('noticeTooLong').replace('{n}', String(MAX_SELECTION)), 'problem');
      return false;
    }
    const target = describeSpan(view.text, span.start, span.end);
    if (action.kind === 'cite') {
      const citation = citeArticle({ title: article.title, url: article.url, source: article.source, publishedAt: article.publishedAt });
      try {
        await navigator.clipboard.writeText(`“${target.quote.exact}”\n${citation}`);
      } catch {
        say.notice.show('save-failed', say.t('noticeCopyFailed'), 'problem');
        return false;
      }
      say.notice.show('copied', say.t('noticeCopied'));
      return true;
    }
    const kind = action.kind === 'excerpt' ? 'excerpt' : 'highlight';
    const edit = action.kind === 'note' || action.kind === 'tags' ? action.kind : null;
    // The same passage highlighted (or excerpted) again would be an exact twin: a note or tags go to the one
    // that exists, a second highlight is refused and the reader told.
    const existing = view.annotationAt(span.start, span.end, kind);
    if (existing) {
      document.getSelection()?.removeAllRanges();
      if (edit) return ((await send({ type: 'annotations/focus', id: existing }).catch(() => null)) as { ok?: boolean } | null)?.ok === true;
      say.notice.show('duplicate', say.t('noticeDuplicate'));
      return false;
    }
    const request: AnnotationRequest = {
      kind,
      target,
      colour: action.kind === 'highlight' ? action.colour : 'yellow',
      speakers: view.speakersIn(span.start, span.end),
      edit,
    };
    // Clear it now, not after the reply: by then the reader may have selected the next passage.
    document.getSelection()?.removeAllRanges();
    const reply = (await answerWithin(send({ type: 'annotations/create', request }), SAVE_ANSWER_MS)) as Replies['annotations/create'] | ErrorReply | null | undefined;
    if (!reply?.ok) {
      console.warn('[安阅] could not save:', reply?.error ?? 'the background did not answer');
      saveFailure(say, reply);
      return false;
    }
    return true;
  };
}

/** Lets the selection the reader made place the toolbar; `shown.span` is the text it was placed for. */
function followSelection(view: ArticleView, toolbar: SelectionToolbar, shown: { span: { start: number; end: number } | null }): void {
  let lastReaderSelect = -Infinity;
  const update = () => {
    const selection = document.getSelection();
    const span = view.selectedSpan();
    if (span && selection?.rangeCount) {
      shown.span = span;
      toolbar.showFor(selection.getRangeAt(0));
    } else {
      shown.span = null;
      toolbar.hide();
    }
  };
  const readerSelected = () => {
    lastReaderSelect = performance.now();
    setTimeout(update, 0);
  };
  // Only the reader's own pointer and keys place the toolbar; synthetic page events do not.
  document.addEventListener('mouseup', (event) => event.isTrusted && readerSelected(), { passive: true });
  document.addEventListener('keyup', (event) => (event.key === 'Escape' ? toolbar.hide() : event.isTrusted && event.shiftKey && readerSelected()), {
    passive: true,
  });
  document.addEventListener('selectionchange', () => {
    if (!toolbar.visible) return;
    const span = view.selectedSpan();
    if (span && shown.span && span.start === shown.span.start && span.end === shown.span.end) return;
    // Right after the reader's own drag the selection may still settle: follow it. Later, a selection the
    // reader did not make (the page's script) takes the toolbar away instead of borrowing it.
    if (span && performance.now() - lastReaderSelect < 300) update();
    else {
      shown.span = null;
      toolbar.hide();
    }
  });
}

function listenToBackground(
  sidebar: SidebarFrame,
  view: ArticleView,
  annotate: (action: ToolbarAction) => Promise<boolean>,
  show: (passage: PassageTarget) => Promise<boolean>,
  setLanguage: (language: UiLanguage) => void,
  setColourNames: (names: ColourNames) => void,
): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      console.warn('[安阅] refused message:', parsed.reason);
      return undefined;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'sidebar/toggle':
        sidebar.setOpen(!sidebar.open);
        return Promise.resolve({ ok: true, open: sidebar.open } satisfies Replies['sidebar/toggle']);
      case 'sidebar/set-open':
        sidebar.setOpen(message.open);
        return Promise.resolve({ ok: true } satisfies Replies['sidebar/set-open']);
      case 'page/set-sidebar-width':
        sidebar.setPreferredWidth(message.width);
        return Promise.resolve({ ok: true } satisfies Replies['page/set-sidebar-width']);
      case 'page/show-passage':
        return show(message.passage).then((shown) => ({ ok: true, shown }) satisfies Replies['page/show-passage']);
      case 'sidebar/check-shown':
        return Promise.resolve({ ok: true, shown: sidebar.isShown(message.pressedAgo) } satisfies Replies['sidebar/check-shown']);
      case 'page/reveal':
        return Promise.resolve({ ok: true, found: view.reveal(message.start, message.end) } satisfies Replies['page/reveal']);
      case 'highlights/set-layers':
        view.setLayers(message.layers);
        return Promise.resolve({ ok: true } satisfies Replies['highlights/set-layers']);
      case 'page/set-language':
        setLanguage(message.language);
        return Promise.resolve({ ok: true } satisfies Replies['page/set-language']);
      case 'page/set-colour-names':
        setColourNames(message.colourNames);
        return Promise.resolve({ ok: true } satisfies Replies['page/set-colour-names']);
      case 'analysis/set-corrections':
        view.setCorrections(message.corrections);
        return Promise.resolve({ ok: true } satisfies Replies['analysis/set-corrections']);
      case 'annotations/changed':
        return loadAnnotations(view).then(() => ({ ok: true }) satisfies Replies['annotations/changed']);
      case 'selection/annotate':
        return annotate(message.kind === 'excerpt' ? { kind: 'excerpt' } : { kind: 'highlight', colour: 'yellow' }).then(
          (created) => ({ ok: true, created }) satisfies Replies['selection/annotate'],
        );
      default:
        return undefined;
    }
  });
}
