import { browser } from 'wxt/browser';
import { parseMessage, type ArticleMeta, type Message, type Replies } from '../../messaging/protocol';
import { PORTAL_HOSTS } from '../../sites/portal-hosts';
import { articlePostId, extractPortalArticle, type PortalArticle } from '../../sites/zaihaifangyu';
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

function toMeta(article: PortalArticle): ArticleMeta {
  const { key, postId, url, title, categories, publishedAt, author, source, text } = article;
  return { key, postId, url, title, categories, publishedAt, author, source, textLength: text.length };
}

async function showArticle(article: PortalArticle): Promise<void> {
  const opened = { type: 'article/opened', article: toMeta(article) } satisfies Message;
  const reply = (await browser.runtime.sendMessage(opened)) as Replies['article/opened'] | { ok: false; error: string };
  if (!reply?.ok) {
    console.warn('[安阅] the background refused this article:', reply?.error);
    return;
  }
  const sidebar = mountSidebarFrame(document, browser.runtime.getURL('/sidebar.html'), reply.sidebarOpen, reply.language);
  performance.mark('anyue:sidebar-mounted');
  sidebar.onReaderChange((open) => {
    void browser.runtime.sendMessage({ type: 'sidebar/set-open', open } satisfies Message);
  });
  listenToBackground(sidebar);
}

function listenToBackground(sidebar: SidebarFrame): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const parsed = parseMessage(raw);
    if (!parsed.ok) {
      console.warn('[安阅] refused message:', parsed.reason);
      return undefined;
    }
    const message = parsed.value;
    if (message.type === 'sidebar/toggle') {
      sidebar.setOpen(!sidebar.open);
      return Promise.resolve({ ok: true, open: sidebar.open } satisfies Replies['sidebar/toggle']);
    }
    if (message.type === 'sidebar/set-open') {
      sidebar.setOpen(message.open);
      return Promise.resolve({ ok: true } satisfies Replies['sidebar/set-open']);
    }
    return undefined;
  });
}
