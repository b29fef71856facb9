import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnyueDatabase } from '../storage/database';
import { createMessageHandler, toggleSidebarInTab, type BackgroundDeps, type MessageSender } from './background-router';
import type { ArticleMeta, Message } from './protocol';

const EXTENSION = 'chrome-extension://abcdefghijklmnop/';
const article: ArticleMeta = {
  key: 'zaihaifangyu.cn/5288',
  postId: '5288',
  url: 'https://zaihaifangyu.cn/5288.html',
  title: '第七届国家治理高峰论坛2020城市安全管理峰会在京举行',
  categories: ['动态信息', '行业信息', '新闻播报'],
  publishedAt: null,
  author: null,
  source: '人民论坛网',
  textLength: 3456,
};
const fromPage: MessageSender = { tab: { id: 7 }, frameId: 0, url: 'http://zaihaifangyu.cn/5288.html' };
const fromSidebar: MessageSender = { tab: { id: 7 }, frameId: 3, url: `${EXTENSION}sidebar.html` };

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
  };
}

let db: AnyueDatabase;
let deps: BackgroundDeps & { sent: [number, Message][]; logs: string[] };
let handle: ReturnType<typeof createMessageHandler>;

beforeEach(() => {
  db = new AnyueDatabase(`test-${Math.random()}`);
  const sent: [number, Message][] = [];
  const logs: string[] = [];
  deps = {
    db,
    preferences: memoryArea(),
    session: memoryArea(),
    sendToTab: async (tabId, message) => {
      sent.push([tabId, message]);
      return message.type === 'sidebar/toggle' ? { ok: true, open: false } : { ok: true };
    },
    extensionBase: EXTENSION,
    log: (reason) => logs.push(reason),
    sent,
    logs,
  };
  handle = createMessageHandler(deps);
});
afterEach(async () => db.delete());

describe('article/opened', () => {
  it('records the visit and answers with the reader preferences', async () => {
    const reply = await handle({ type: 'article/opened', article }, fromPage);
    expect(reply).toEqual({ ok: true, sidebarOpen: true, language: 'zh-CN' });
    const state = await handle({ type: 'sidebar/get-state' }, fromSidebar);
    expect(state).toMatchObject({ ok: true, state: { article, visit: { readCount: 1 } } });
    await handle({ type: 'article/opened', article }, fromPage);
    const again = await handle({ type: 'sidebar/get-state' }, fromSidebar);
    expect(again).toMatchObject({ ok: true, state: { visit: { readCount: 2 } } });
    const stored = await db.articles.get(article.key);
    expect(stored).toMatchObject({ title: article.title, readCount: 2, source: '人民论坛网' });
    expect(stored!.firstReadAt).toBeLessThanOrEqual(stored!.lastReadAt);
  });

  it('keeps metadata a later visit lacks', async () => {
    await handle({ type: 'article/opened', article: { ...article, publishedAt: '2020-11-23' } }, fromPage);
    await handle({ type: 'article/opened', article: { ...article, publishedAt: null, source: null } }, fromPage);
    await handle({ type: 'sidebar/get-state' }, fromSidebar);
    expect(await db.articles.get(article.key)).toMatchObject({ publishedAt: '2020-11-23', source: '人民论坛网' });
  });

  it.each<[string, MessageSender]>([
    ['an extension page', fromSidebar],
    ['a subframe of the portal', { ...fromPage, frameId: 2 }],
    ['another site', { tab: { id: 7 }, frameId: 0, url: 'https://example.com/5288.html' }],
    ['a portal page that is not this article', { ...fromPage, url: 'http://zaihaifangyu.cn/1.html' }],
    ['no tab', { url: fromPage.url }],
  ])('is refused from %s and stores nothing', async (_what, sender) => {
    const reply = await handle({ type: 'article/opened', article }, sender);
    expect(reply.ok).toBe(false);
    expect(await db.articles.count()).toBe(0);
    expect(deps.logs.length).toBe(1);
  });
});

describe('malformed messages', () => {
  const bad: [string, unknown, RegExp][] = [
    ['not an object', 'article/opened', /expected an object/],
    ['null', null, /expected an object/],
    ['an array', [{ type: 'sidebar/get-state' }], /expected an object/],
    ['no type', { article }, /unknown type/],
    ['an unknown type', { type: 'db/drop-everything' }, /unknown type/],
    ['a prototype key as type', { type: '__proto__' }, /unknown type/],
    ['a wrong field type', { type: 'sidebar/set-open', open: 1 }, /open: expected boolean/],
    ['a missing field', { type: 'sidebar/set-open' }, /open: missing/],
    ['an extra field', { type: 'sidebar/get-state', sql: 'x' }, /sql: unexpected field/],
    ['a bad language', { type: 'preferences/set-language', language: 'fr' }, /expected one of/],
    ['an article without a key', { type: 'article/opened', article: { ...article, key: '' } }, /key: must not be empty/],
    ['an absurdly long title', { type: 'article/opened', article: { ...article, title: 'x'.repeat(5000) } }, /title: longer than/],
    ['a negative length', { type: 'article/opened', article: { ...article, textLength: -1 } }, /textLength/],
    ['categories not strings', { type: 'article/opened', article: { ...article, categories: [1] } }, /categories\[0\]/],
    ['a toggle sent to the background', { type: 'sidebar/toggle' }, /only the background/],
  ];
  it.each(bad)('refuses %s with a reason and changes nothing', async (_what, raw, reason) => {
    const reply = await handle(raw, fromPage);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(reason) });
    expect(deps.logs).toHaveLength(1);
    expect(await db.articles.count()).toBe(0);
    await expect(deps.preferences.get('preferences')).resolves.toEqual({});
  });
});

describe('the sidebar', () => {
  it('closing it from the sidebar is remembered and forwarded to its page', async () => {
    expect(await handle({ type: 'sidebar/set-open', open: false }, fromSidebar)).toEqual({ ok: true });
    expect(deps.sent).toEqual([[7, { type: 'sidebar/set-open', open: false }]]);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ sidebarOpen: false });
  });

  it('reopening it from the page is remembered without echoing back', async () => {
    await handle({ type: 'sidebar/set-open', open: false }, fromSidebar);
    await handle({ type: 'sidebar/set-open', open: true }, fromPage);
    expect(deps.sent).toHaveLength(1);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ sidebarOpen: true });
  });

  it('gets no article for a tab that showed none', async () => {
    expect(await handle({ type: 'sidebar/get-state' }, { ...fromSidebar, tab: { id: 99 } })).toEqual({
      ok: true,
      state: { article: null, visit: null, language: 'zh-CN' },
    });
  });

  it('a page cannot ask for the sidebar state', async () => {
    expect((await handle({ type: 'sidebar/get-state' }, fromPage)).ok).toBe(false);
  });

  it('remembers the UI language', async () => {
    await handle({ type: 'preferences/set-language', language: 'en' }, fromSidebar);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ language: 'en' });
  });

  it('the toolbar toggle flips the page and remembers the outcome', async () => {
    expect(await toggleSidebarInTab(deps, 7)).toBe(false);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ sidebarOpen: false });
  });

  it('the toolbar toggle on a tab without the content script does nothing', async () => {
    deps.sendToTab = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await toggleSidebarInTab(deps, 8)).toBeNull();
  });
});

describe('failures', () => {
  it('answers with the reason when storage fails, and keeps serving', async () => {
    deps.preferences.get = async () => {
      throw new Error('QuotaExceededError');
    };
    const reply = await handle({ type: 'article/opened', article }, fromPage);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('QuotaExceededError') });
  });
});
