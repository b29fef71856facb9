import { browser } from 'wxt/browser';
import { analyzeText } from '../../analysis';
import { parseMessage, type ArticleMeta, type ErrorReply, type Message, type Replies } from '../../messaging/protocol';
import { PORTAL_HOSTS } from '../../sites/portal-hosts';
import { articlePostId, extractPortalArticle, type PortalArticle } from '../../sites/zaihaifangyu';
import { startArticleView, type ArticleView } from './article-view';
import { mountSidebarFrame, type SidebarFrame } from './sidebar-frame';

export default defineContentScript({
  // Only post-shaped URLs: the home page and category lists never even load the script.
  matches: PORTAL_HOSTS.flatMap((host) => [`http://${host}/*.html*`, `https://${host}/*.html*`]),
  runAt: 'document_idle',
  main() {
    performance.mark('anyue:start');
    if (!articlePostId(location.href)) return;
    const article = extractPortalArticle(document, location.href);
    if (!article) return;
    void showArticle(article);
  },
});

const send = (message: Message) => browser.runtime.sendMessage(message);

function toMeta(article: PortalArticle): ArticleMeta {
  const { key, postId, url, title, categories, publishedAt, author, source, text } = article;
  return { key, postId, url, title, categories, publishedAt, author, source, textLength: text.length };
}

async function showArticle(article: PortalArticle): Promise<void> {
  // Analyse and paint first: the page never waits for the background or the database. The reader's
  // layer choices and corrections arrive with the reply and are applied then.
  let latestSummary: Message | null = null;
  let sidebarReady = false;
  const view = startArticleView({
    doc: document,
    article,
    analyse: (text, corrections) => analyzeText(text, corrections),
    reread: () => extractPortalArticle(document, location.href),
    onAnalysed: (summary, key) => {
      latestSummary = { type: 'article/analysed', key, summary };
      if (sidebarReady) void send(latestSummary);
    },
  });
  performance.mark('anyue:highlights-painted');

  const reply = (await send({ type: 'article/opened', article: toMeta(article) })) as Replies['article/opened'] | ErrorReply;
  if (!reply?.ok) {
    console.warn('[安阅] the background refused this article:', reply?.error);
    return;
  }
  view.setLanguage(reply.language);
  view.setLayers(reply.layers);
  if (Object.keys(reply.corrections).length > 0) view.setCorrections(reply.corrections);
  sidebarReady = true;
  if (latestSummary) void send(latestSummary);

  const sidebar = mountSidebarFrame(document, browser.runtime.getURL('/sidebar.html'), reply.sidebarOpen, reply.language);
  performance.mark('anyue:sidebar-mounted');
  sidebar.onReaderChange((open) => void send({ type: 'sidebar/set-open', open }));
  listenToBackground(sidebar, view);
}

function listenToBackground(sidebar: SidebarFrame, view: ArticleView): void {
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
      case 'page/reveal':
        return Promise.resolve({ ok: true, found: view.reveal(message.start, message.end) } satisfies Replies['page/reveal']);
      case 'highlights/set-layers':
        view.setLayers(message.layers);
        return Promise.resolve({ ok: true } satisfies Replies['highlights/set-layers']);
      case 'analysis/set-corrections':
        view.setCorrections(message.corrections);
        return Promise.resolve({ ok: true } satisfies Replies['analysis/set-corrections']);
      default:
        return undefined;
    }
  });
}
