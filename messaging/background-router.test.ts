import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnyueDatabase } from '../storage/database';
import { createClock } from '../sync/hlc';
import { createBackground, type BackgroundDeps, type MessageSender } from './background-router';
import type { AnalysisSummary } from '../records/analysis';
import type { Message, SidebarState } from './protocol';
import type { ArticleMeta } from '../records/article';
import type { Annotation } from '../records/annotation';

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
const ALL_ON = { speakers: true, quotes: true, phrases: true };
const summary: AnalysisSummary = {
  speakers: [{ name: '袁宏永', title: '常务副院长', org: '清华大学公共安全研究院', first: { start: 10, end: 13 }, passages: [{ start: 20, end: 40, via: 'pronoun', snippet: '我国发展环境面临深刻复杂变化' }] }],
  people: [{ name: '辜胜阻', title: '副主席', org: '全国政协', role: 'attendee', first: { start: 1, end: 4 } }],
  phrases: [{ text: '十九届五中全会', category: 'meeting', source: 'lexicon', occurrences: [{ start: 50, end: 57 }] }],
};
const fromPage: MessageSender = { tab: { id: 7 }, frameId: 0, url: 'http://zaihaifangyu.cn/5288.html' };
const MEM_PAGE = 'https://www.mem.gov.cn/xw/yjglbgzdt/202401/t20240102_473120.shtml';
const memArticle: ArticleMeta = {
  ...article,
  key: 'mem.gov.cn/xw/yjglbgzdt/202401/t20240102_473120',
  postId: 'xw/yjglbgzdt/202401/t20240102_473120',
  url: MEM_PAGE,
  source: null,
};
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
let handle: ReturnType<typeof createBackground>['handleMessage'];
let background: ReturnType<typeof createBackground>;
let broadcasts: Message[];
let opened: string[];
let syncChanges = 0;

beforeEach(() => {
  db = new AnyueDatabase(`test-${Math.random()}`);
  const sent: [number, Message][] = [];
  const logs: string[] = [];
  broadcasts = [];
  opened = [];
  deps = {
    db,
    clock: Promise.resolve(createClock('test-device')),
    preferences: memoryArea(),
    session: memoryArea(),
    sendToTab: async (tabId, message) => {
      sent.push([tabId, message]);
      return message.type === 'sidebar/toggle' ? { ok: true, open: false } : { ok: true };
    },
    extensionBase: EXTENSION,
    broadcast: (message) => broadcasts.push(message),
    openTab: async (path) => void opened.push(path),
    openUrl: async (url) => void opened.push(url),
    focusTab: async () => undefined,
    setTabPopup: () => undefined,
    sync: {
      syncNow: async () => ({ ok: true, report: { pushed: 0, pulled: 0, conflicts: 0, requests: 1, bytes: 100 } }),
      changed: () => void (syncChanges += 1),
      test: async () => ({ ok: true, report: null }),
      status: async () => ({ lastAttemptAt: null, lastSuccessAt: null, pendingChanges: 0, lastError: null, retryNotBefore: null, lastReport: null }),
      reset: () => undefined,
    },
    log: (reason) => logs.push(reason),
    sent,
    logs,
  };
  // The sidebars of these tests are the frames their content scripts created (redeemed; see 'the sidebar frame').
  for (const tab of [7, 8, 99]) void deps.session.set({ [`sidebar-frame:${tab}`]: { token: null, frameId: 3 } });
  background = createBackground(deps);
  handle = background.handleMessage;
});
afterEach(async () => db.delete());

describe('article/opened', () => {
  it('records the visit and answers with the reader preferences', async () => {
    const reply = await handle({ type: 'article/opened', article }, fromPage);
    expect(reply).toEqual({ ok: true, sidebarOpen: true, language: 'zh-CN', layers: ALL_ON, colourNames: {}, sidebarWidth: 380, corrections: {} });
    const state = await handle({ type: 'sidebar/get-state' }, fromSidebar);
    expect(state).toMatchObject({ ok: true, state: { article, visit: { readCount: 1 } } });
    await handle({ type: 'article/opened', article }, fromPage);
    const again = await handle({ type: 'sidebar/get-state' }, fromSidebar);
    expect(again).toMatchObject({ ok: true, state: { visit: { readCount: 2 } } });
    const stored = await db.articles.get(article.key);
    expect(stored).toMatchObject({ title: article.title, readCount: 2, source: '人民论坛网' });
    expect(stored!.firstReadAt).toBeLessThanOrEqual(stored!.lastReadAt);
  });

  it('is accepted from a page of another built-in site reporting an article of that site', async () => {
    const fromMem: MessageSender = { tab: { id: 8 }, frameId: 0, url: MEM_PAGE };
    expect(await handle({ type: 'article/opened', article: memArticle }, fromMem)).toMatchObject({ ok: true });
    await handle({ type: 'sidebar/get-state' }, { ...fromSidebar, tab: { id: 8 } });
    expect(await db.articles.get(memArticle.key)).toMatchObject({ title: article.title, readCount: 1 });
    expect(await handle({ type: 'annotations/of-page' }, fromMem)).toEqual({ ok: true, annotations: [] });
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
    ['a page of another built-in site (mem.gov.cn reporting a portal key)', { ...fromPage, url: MEM_PAGE }],
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
    ['an article without a key', { type: 'article/opened', article: { ...article, key: '' } }, /key: not an article key/],
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
      state: { article: null, visit: null, language: 'zh-CN', colourNames: {}, textSize: 'standard', analysis: null, layers: ALL_ON, corrections: [], annotations: [], anchors: {}, focus: null },
    });
  });

  it('a page cannot ask for the sidebar state', async () => {
    expect((await handle({ type: 'sidebar/get-state' }, fromPage)).ok).toBe(false);
  });

  it('remembers the UI language', async () => {
    await handle({ type: 'preferences/set-language', language: 'en' }, fromSidebar);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ language: 'en' });
  });

  it('applies a new language at once to every article tab and to the extension pages', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    await handle({ type: 'preferences/set-language', language: 'en' }, fromSidebar);
    expect(deps.sent).toContainEqual([7, { type: 'page/set-language', language: 'en' }]);
    expect(broadcasts).toContainEqual({ type: 'preferences/changed', language: 'en', colourNames: {}, textSize: 'standard' });
    // Only the background tells pages about it.
    expect((await handle({ type: 'page/set-language', language: 'en' }, fromSidebar)).ok).toBe(false);
  });

  it('keeps the reader\u2019s colour names, cleaned, and tells every page and tab at once; a page cannot set them', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    expect((await handle({ type: 'preferences/set-colour-names', colourNames: { yellow: '重要', green: '待核实' } }, fromSidebar)).ok).toBe(true);
    expect(deps.sent).toContainEqual([7, { type: 'page/set-colour-names', colourNames: { yellow: '重要', green: '待核实' } }]);
    expect(broadcasts).toContainEqual({ type: 'preferences/changed', language: 'zh-CN', colourNames: { yellow: '重要', green: '待核实' }, textSize: 'standard' });
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ colourNames: { yellow: '重要', green: '待核实' } });
    expect((await handle({ type: 'preferences/set-colour-names', colourNames: { blue: 'x' } }, fromPage)).ok).toBe(false);
    for (const bad of [{ yellow: ' 重要' }, { yellow: '一二三四五六七八九十一二三' }, { yellow: '' }, { red: '红' }, { yellow: 'a\u0007' }]) {
      expect((await handle({ type: 'preferences/set-colour-names', colourNames: bad } as never, fromSidebar)).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('the toolbar toggle flips the page and remembers the outcome', async () => {
    expect(await background.toggleSidebarInTab(7)).toBe(false);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ sidebarOpen: false });
  });

  it('the toolbar toggle on a tab without the content script does nothing', async () => {
    deps.sendToTab = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await background.toggleSidebarInTab(8)).toBeNull();
  });
});

describe('the sidebar frame', () => {
  const fromNewTab: MessageSender = { tab: { id: 12 }, frameId: 0, url: fromPage.url };
  const frame = (frameId: number): MessageSender => ({ tab: { id: 12 }, frameId, url: `${EXTENSION}sidebar.html` });
  const tokenFor = async (sender: MessageSender) => {
    const reply = (await handle({ type: 'sidebar/frame-token' }, sender)) as { ok: boolean; token: string };
    expect(reply.ok).toBe(true);
    expect(reply.token).toMatch(/^[0-9a-f]{32}$/);
    return reply.token;
  };

  it('serves only the frame that redeemed the content script\'s one-time token; a copy the page framed gets nothing', async () => {
    await handle({ type: 'article/opened', article }, fromNewTab);
    const token = await tokenFor(fromNewTab);
    // The page's own copy of sidebar.html, framed before or after ours, without the token or with a guess.
    const copy = frame(5);
    expect(await handle({ type: 'sidebar/get-state' }, copy)).toMatchObject({ ok: false });
    expect(await handle({ type: 'sidebar/redeem', token: '' }, copy)).toMatchObject({ ok: false });
    expect(await handle({ type: 'sidebar/redeem', token: token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }, copy)).toMatchObject({ ok: false });
    // Ours redeems it; the same token is spent for any other frame.
    expect(await handle({ type: 'sidebar/redeem', token }, frame(4))).toEqual({ ok: true });
    expect(await handle({ type: 'sidebar/redeem', token }, copy)).toMatchObject({ ok: false });
    expect(await handle({ type: 'sidebar/get-state' }, frame(4))).toMatchObject({ ok: true, state: { article } });
    for (const message of [{ type: 'sidebar/get-state' }, { type: 'sync/status' }, { type: 'corrections/export' }, { type: 'annotations/delete', id: '0b6f2d2e-5a4b-4c1d-8e9f-0123456789ab' }] as Message[]) {
      expect(await handle(message, copy)).toMatchObject({ ok: false, error: expect.stringContaining('did not create') });
    }
    const pushed: SidebarState[] = [];
    background.connectSidebar({ sender: copy, postMessage: ({ state }) => void pushed.push(state), onDisconnect: { addListener: () => undefined } });
    await new Promise((r) => setTimeout(r, 20));
    expect(pushed).toEqual([]);
    // Our frame loading again keeps its place; a new page in the tab makes a new token and drops the old frame.
    expect(await handle({ type: 'sidebar/redeem', token: '' }, frame(4))).toEqual({ ok: true });
    await tokenFor(fromNewTab);
    expect(await handle({ type: 'sidebar/get-state' }, frame(4))).toMatchObject({ ok: false });
  });

  it('gives tokens to article pages only', async () => {
    expect(await handle({ type: 'sidebar/frame-token' }, frame(4))).toMatchObject({ ok: false });
    expect(await handle({ type: 'sidebar/frame-token' }, { tab: { id: 12 }, frameId: 2, url: fromPage.url })).toMatchObject({ ok: false });
  });

  it('asks the page whether the sidebar is shown, and says no when the page does not answer', async () => {
    deps.sendToTab = async (_tab, message) => (message.type === 'sidebar/check-shown' ? { ok: true, shown: true } : { ok: true });
    expect(await handle({ type: 'sidebar/check-shown', pressedAgo: 0 }, fromSidebar)).toEqual({ ok: true, shown: true });
    deps.sendToTab = async (_tab, message) => (message.type === 'sidebar/check-shown' ? { ok: true, shown: false } : { ok: true });
    expect(await handle({ type: 'sidebar/check-shown', pressedAgo: 0 }, fromSidebar)).toEqual({ ok: true, shown: false });
    deps.sendToTab = async () => {
      throw new Error('no content script');
    };
    expect(await handle({ type: 'sidebar/check-shown', pressedAgo: 0 }, fromSidebar)).toEqual({ ok: true, shown: false });
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

describe('analysis, layers and corrections', () => {
  function connect(tabId = 7) {
    const pushed: SidebarState[] = [];
    const port = {
      sender: { ...fromSidebar, tab: { id: tabId } },
      postMessage: (message: { state: SidebarState }) => pushed.push(message.state),
      onDisconnect: { addListener: () => undefined },
    };
    background.connectSidebar(port);
    return pushed;
  }
  const settle = () => new Promise((r) => setTimeout(r, 20));

  it('keeps the analysis of a tab and pushes it to that tab\'s sidebar', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    const pushed = connect();
    expect(await handle({ type: 'article/analysed', key: article.key, summary }, fromPage)).toEqual({ ok: true });
    await settle();
    expect(pushed.at(-1)!.analysis).toEqual(summary);
    expect(await handle({ type: 'sidebar/get-state' }, fromSidebar)).toMatchObject({ state: { analysis: summary } });
  });

  it('refuses an analysis for another article or with a malformed summary', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    expect((await handle({ type: 'article/analysed', key: memArticle.key, summary }, fromPage)).ok).toBe(false);
    const bad = { ...summary, speakers: [{ ...summary.speakers[0], passages: [{ start: -1, end: 2, via: 'direct', snippet: 'x' }] }] };
    expect(await handle({ type: 'article/analysed', key: article.key, summary: bad }, fromPage)).toMatchObject({
      ok: false,
      error: expect.stringContaining('passages[0].start'),
    });
    const tooLong = { ...summary, phrases: [{ ...summary.phrases[0], text: 'x'.repeat(500) }] };
    expect((await handle({ type: 'article/analysed', key: article.key, summary: tooLong }, fromPage)).ok).toBe(false);
    expect(await handle({ type: 'sidebar/get-state' }, fromSidebar)).toMatchObject({ state: { analysis: null } });
  });

  it('does not show the analysis of the tab\'s previous article', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    await handle({ type: 'article/analysed', key: article.key, summary }, fromPage);
    const other = { ...article, key: 'zaihaifangyu.cn/1', postId: '1', url: 'https://zaihaifangyu.cn/1.html' };
    const page1 = { ...fromPage, url: 'http://zaihaifangyu.cn/1.html' };
    await handle({ type: 'article/opened', article: other }, page1);
    expect(await handle({ type: 'sidebar/get-state' }, fromSidebar)).toMatchObject({ state: { analysis: null } });
  });

  it('forwards reveal requests to the page and reports whether the span was found', async () => {
    deps.sendToTab = async (tabId, message) => {
      deps.sent.push([tabId, message]);
      return { ok: true, found: true };
    };
    expect(await handle({ type: 'page/reveal', start: 10, end: 13 }, fromSidebar)).toEqual({ ok: true, found: true });
    expect(deps.sent).toEqual([[7, { type: 'page/reveal', start: 10, end: 13 }]]);
    expect((await handle({ type: 'page/reveal', start: 10, end: 13 }, fromPage)).ok).toBe(false);
    expect((await handle({ type: 'page/reveal', start: 13, end: 10 }, fromSidebar)).ok).toBe(false);
  });

  it('remembers the layers and tells the page', async () => {
    const layers = { speakers: true, quotes: false, phrases: true };
    await handle({ type: 'highlights/set-layers', layers }, fromSidebar);
    expect(deps.sent).toContainEqual([7, { type: 'highlights/set-layers', layers }]);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ layers });
  });

  it('stores corrections, folds them for the analysis, tells the open article tabs, exports them', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    const added = await handle({ type: 'corrections/add', correction: { kind: 'not-speaker', name: '袁宏永' } }, fromSidebar);
    expect(added).toMatchObject({ ok: true, correction: { kind: 'not-speaker', name: '袁宏永', id: expect.any(String) } });
    await handle({ type: 'corrections/add', correction: { kind: 'add-term', text: '韧性城市', category: 'programme' } }, fromSidebar);
    await handle({ type: 'corrections/add', correction: { kind: 'remove-term', text: '安全生产' } }, fromSidebar);
    expect(deps.sent.at(-1)).toEqual([
      7,
      {
        type: 'analysis/set-corrections',
        corrections: { notSpeakers: ['袁宏永'], addedTerms: [{ text: '韧性城市', category: 'programme' }], removedTerms: ['安全生产'] },
      },
    ]);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({
      corrections: { notSpeakers: ['袁宏永'], removedTerms: ['安全生产'] },
    });
    const exported = await handle({ type: 'corrections/export' }, fromSidebar);
    expect(exported).toMatchObject({ ok: true, data: { format: 'anyue-corrections', version: 1 } });
    expect((exported as { data: { corrections: unknown[] } }).data.corrections).toHaveLength(3);
    await handle({ type: 'corrections/remove', id: (added as { correction: { id: string } }).correction.id }, fromSidebar);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({
      corrections: { removedTerms: ['安全生产'] },
    });
  });

  it.each([
    ['an unknown kind', { kind: 'drop-table', name: 'x' }, /unknown correction kind/],
    ['an empty name', { kind: 'not-speaker', name: '' }, /must not be empty/],
    ['a bad category', { kind: 'add-term', text: 'x', category: 'gossip' }, /category/],
    ['an extra field', { kind: 'remove-term', text: 'x', html: '<b>' }, /unexpected field/],
    ['a fix without its fields', { kind: 'fix-person', name: '张三' }, /fixedName: missing/],
  ])('refuses a correction with %s', async (_what, correction, reason) => {
    expect(await handle({ type: 'corrections/add', correction }, fromSidebar)).toEqual({ ok: false, error: expect.stringMatching(reason) });
    expect(await db.corrections.count()).toBe(0);
  });

  it('refuses corrections from a page', async () => {
    expect((await handle({ type: 'corrections/add', correction: { kind: 'not-speaker', name: '张三' } }, fromPage)).ok).toBe(false);
    expect((await handle({ type: 'corrections/export' }, fromPage)).ok).toBe(false);
  });

  it('refuses a sidebar connection from a page', () => {
    const port = { sender: fromPage, postMessage: () => { throw new Error('must not be called'); }, onDisconnect: { addListener: () => undefined } };
    background.connectSidebar(port);
    expect(deps.logs).toContain('refused connection: not from the sidebar');
  });
});

describe('the reader\'s annotations', () => {
  const target = {
    quote: { type: 'TextQuoteSelector' as const, exact: '城市安全管理峰会', prefix: '论坛2020', suffix: '在京举行' },
    position: { type: 'TextPositionSelector' as const, start: 13, end: 21 },
  };
  const request = { kind: 'highlight' as const, target, colour: 'green' as const, speakers: [], edit: null };
  const create = async (overrides = {}) => {
    await handle({ type: 'article/opened', article }, fromPage);
    const reply = await handle({ type: 'annotations/create', request: { ...request, ...overrides } }, fromPage);
    expect(reply).toMatchObject({ ok: true });
    return (reply as { id: string }).id;
  };

  it('creates a highlight for the sending page\'s article, stamped, and tells the page to repaint', async () => {
    const id = await create();
    const stored = (await db.annotations.get(id))!;
    expect(stored).toMatchObject({ articleKey: article.key, articleTitle: article.title, kind: 'highlight', colour: 'green', note: '', deleted: false, excerpt: null });
    expect(stored.stamps.created).toMatch(/^\d{13}:\d{5}:test-device$/);
    expect(deps.sent).toContainEqual([7, { type: 'annotations/changed' }]);
    expect(broadcasts).toEqual([{ type: 'library/changed', ids: [id] }]);
  });

  it('after the background worker restarts, still repaints every tab showing the article and refreshes its sidebar', async () => {
    const id = await create();
    const otherTab: MessageSender = { tab: { id: 9 }, frameId: 0, url: fromPage.url };
    await handle({ type: 'article/opened', article }, otherTab);
    await handle({ type: 'sidebar/get-state' }, fromSidebar);
    // A new worker: same storage areas and database, nothing kept in memory.
    const restarted = createBackground(deps);
    const states: SidebarState[] = [];
    restarted.connectSidebar({ sender: fromSidebar, postMessage: ({ state }) => void states.push(state), onDisconnect: { addListener: () => undefined } });
    deps.sent.length = 0;
    const deleted = await restarted.handleMessage({ type: 'annotations/delete', id }, { url: `${EXTENSION}library.html` });
    expect(deleted).toMatchObject({ ok: true });
    expect(deps.sent.filter(([, m]) => m.type === 'annotations/changed').map(([tab]) => tab).sort()).toEqual([7, 9]);
    expect(states.at(-1)!.annotations.map((a) => a.id)).not.toContain(id);
    // A closed tab is forgotten for good.
    await restarted.forgetTab(9);
    deps.sent.length = 0;
    await restarted.handleMessage({ type: 'annotations/restore', id }, { url: `${EXTENSION}library.html` });
    expect(deps.sent.filter(([, m]) => m.type === 'annotations/changed').map(([tab]) => tab)).toEqual([7]);
  });

  it('after a restart, tells the sending page to repaint even before it is known to show the article', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    const restarted = createBackground(deps);
    deps.sent.length = 0;
    const reply = await restarted.handleMessage({ type: 'annotations/create', request }, fromPage);
    expect(reply).toMatchObject({ ok: true });
    expect(deps.sent).toContainEqual([7, { type: 'annotations/changed' }]);
  });

  it('snapshots an excerpt\'s source from what the background knows, not from the page', async () => {
    const id = await create({ kind: 'excerpt', speakers: [{ name: '袁宏永', title: '常务副院长', org: '清华大学公共安全研究院' }] });
    expect((await db.annotations.get(id))!).toMatchObject({
      kind: 'excerpt',
      speakers: [{ name: '袁宏永' }],
      excerpt: { title: article.title, url: article.url, source: '人民论坛网', siteName: '中国灾害防御信息网' },
    });
  });

  it('names the site of the article in an excerpt made on another built-in site', async () => {
    const fromMem: MessageSender = { tab: { id: 8 }, frameId: 0, url: MEM_PAGE };
    await handle({ type: 'article/opened', article: memArticle }, fromMem);
    const reply = await handle({ type: 'annotations/create', request: { ...request, kind: 'excerpt' } }, fromMem);
    expect((await db.annotations.get((reply as { id: string }).id))!).toMatchObject({
      articleKey: memArticle.key,
      excerpt: { url: MEM_PAGE, siteName: '中华人民共和国应急管理部' },
    });
    // The portal's page may not paint or annotate the mem.gov.cn tab's article.
    expect((await handle({ type: 'annotations/of-page' }, { ...fromMem, url: fromPage.url })).ok).toBe(false);
  });

  it('gives the page paint data only: no notes, no tags', async () => {
    const id = await create();
    await handle({ type: 'annotations/update', id, changes: { note: '私人笔记', tags: ['机密'] } }, fromSidebar);
    const reply = await handle({ type: 'annotations/of-page' }, fromPage);
    expect(reply).toEqual({ ok: true, annotations: [{ id, kind: 'highlight', colour: 'green', target }] });
    expect(JSON.stringify(reply)).not.toContain('私人笔记');
  });

  it('edits from the sidebar, stamping only the changed fields; the page may not edit', async () => {
    const id = await create();
    const before = (await db.annotations.get(id))!;
    const reply = await handle({ type: 'annotations/update', id, changes: { note: '要点', tags: [' #防汛 ', '防汛', '应急'] } }, fromSidebar);
    expect(reply).toMatchObject({ ok: true, annotation: { note: '要点', tags: ['防汛', '应急'], colour: 'green' } });
    const after = (await db.annotations.get(id))!;
    expect(after.stamps.note > before.stamps.note).toBe(true);
    expect(after.stamps.tags > before.stamps.tags).toBe(true);
    expect(after.stamps.colour).toBe(before.stamps.colour);
    expect((await handle({ type: 'annotations/update', id, changes: { note: 'x' } }, fromPage)).ok).toBe(false);
    expect((await handle({ type: 'annotations/update', id, changes: {} }, fromSidebar))).toMatchObject({ ok: false, error: expect.stringContaining('nothing to change') });
  });

  it('deletes as a tombstone and restores on undo', async () => {
    const id = await create();
    await handle({ type: 'annotations/delete', id }, fromSidebar);
    expect((await db.annotations.get(id))!.deleted).toBe(true);
    expect(await handle({ type: 'annotations/of-page' }, fromPage)).toEqual({ ok: true, annotations: [] });
    await handle({ type: 'annotations/restore', id }, fromSidebar);
    expect((await handle({ type: 'annotations/of-page' }, fromPage) as { annotations: unknown[] }).annotations).toHaveLength(1);
  });

  it('reports an unknown id plainly', async () => {
    const reply = await handle({ type: 'annotations/delete', id: '00000000-0000-4000-8000-000000000000' }, fromSidebar);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('no annotation with id') });
  });

  it('keeps one page note per article, created then updated', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    await handle({ type: 'sidebar/get-state' }, fromSidebar);
    const first = await handle({ type: 'annotations/set-page-note', articleKey: article.key, note: '读后感', base: null }, fromSidebar);
    const base = (first as { annotation: Annotation }).annotation.stamps.note;
    const second = await handle({ type: 'annotations/set-page-note', articleKey: article.key, note: '读后感(改)', base }, fromSidebar);
    expect((first as { annotation: { id: string } }).annotation.id).toBe((second as { annotation: { id: string } }).annotation.id);
    expect(await db.annotations.where('kind').equals('page-note').count()).toBe(1);
    expect((second as { annotation: Annotation }).annotation.conflicts).toEqual([]);
  });

  it('never makes two page notes from two saves at once (one transaction)', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    await handle({ type: 'sidebar/get-state' }, fromSidebar);
    const replies = await Promise.all(
      ['甲', '乙', '丙'].map((note) => handle({ type: 'annotations/set-page-note', articleKey: article.key, note, base: null }, fromSidebar)),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    expect(await db.annotations.where('kind').equals('page-note').count()).toBe(1);
  });

  it('a note saved from a stale version keeps the newer one as a conflict, never overwriting it silently', async () => {
    const id = await create();
    const started = (await db.annotations.get(id))!.stamps.note;
    // Meanwhile the note changes elsewhere (another tab, or sync from another device).
    await handle({ type: 'annotations/update', id, changes: { note: '另一处写的' } }, fromSidebar);
    const reply = await handle({ type: 'annotations/update', id, changes: { note: '我的草稿' }, noteBase: started }, fromSidebar);
    const saved = (reply as { annotation: Annotation }).annotation;
    expect(saved.note).toBe('我的草稿');
    expect(saved.conflicts).toEqual([{ field: 'note', value: '另一处写的', stamp: expect.stringMatching(/:test-device$/) }]);
    // A save from the current version is no conflict.
    const next = await handle({ type: 'annotations/update', id, changes: { note: '我的草稿2' }, noteBase: saved.stamps.note }, fromSidebar);
    expect((next as { annotation: Annotation }).annotation.conflicts).toHaveLength(1);
  });

  it('the page note: a save from a stale version keeps the newer note as a conflict', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    await handle({ type: 'sidebar/get-state' }, fromSidebar);
    await handle({ type: 'annotations/set-page-note', articleKey: article.key, note: '别处先写了', base: null }, fromSidebar);
    const reply = await handle({ type: 'annotations/set-page-note', articleKey: article.key, note: '我从空白开始写的', base: null }, fromSidebar);
    expect((reply as { annotation: Annotation }).annotation).toMatchObject({ note: '我从空白开始写的', conflicts: [{ field: 'note', value: '别处先写了' }] });
  });

  it('opens the sidebar editor when the reader asked for a note', async () => {
    const pushed: SidebarState[] = [];
    background.connectSidebar({ sender: fromSidebar, postMessage: (m: { state: SidebarState }) => pushed.push(m.state), onDisconnect: { addListener: () => undefined } });
    const id = await create({ edit: 'note' });
    await new Promise((r) => setTimeout(r, 20));
    expect(deps.sent).toContainEqual([7, { type: 'sidebar/set-open', open: true }]);
    expect(pushed.some((state) => state.focus?.id === id && state.focus.field === 'note')).toBe(true);
  });

  it('keeps where annotations landed and lists them for the sidebar', async () => {
    const id = await create();
    await handle({ type: 'annotations/anchored', key: article.key, anchors: { [id]: { status: 'orphan', reason: 'quote not found' } } }, fromPage);
    expect(await handle({ type: 'sidebar/get-state' }, fromSidebar)).toMatchObject({
      state: { anchors: { [id]: { status: 'orphan' } }, annotations: [{ id }] },
    });
  });

  it.each([
    ['an empty quote', { ...request, target: { ...target, quote: { ...target.quote, exact: '' } } }, /exact: must not be empty/],
    ['end before start', { ...request, target: { ...target, position: { ...target.position, start: 30, end: 3 } } }, /end \(3\) must be greater than start/],
    ['an unknown colour', { ...request, colour: 'black' }, /colour/],
    ['a note smuggled in', { ...request, note: 'x' }, /note: unexpected field/],
    ['a page note from the page', { ...request, kind: 'page-note' }, /kind/],
  ])('refuses a create request with %s', async (_what, bad, reason) => {
    await handle({ type: 'article/opened', article }, fromPage);
    expect(await handle({ type: 'annotations/create', request: bad }, fromPage)).toEqual({ ok: false, error: expect.stringMatching(reason) });
    expect(await db.annotations.count()).toBe(0);
  });

  it('turns a full disk into a plain message and writes nothing', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    db.annotations.hook('creating', () => {
      throw quota;
    });
    const reply = await handle({ type: 'annotations/create', request }, fromPage);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('存储空间已满') });
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('prototype keys', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses %s as a field', async (key) => {
    const raw = JSON.parse(`{"type":"sidebar/get-state","${key}":1}`);
    expect(await handle(raw, fromSidebar)).toEqual({ ok: false, error: expect.stringContaining('unexpected field') });
  });
});

describe('the library', () => {
  it('opens from the sidebar, not from a page', async () => {
    expect(await handle({ type: 'library/open' }, fromSidebar)).toEqual({ ok: true });
    expect((await handle({ type: 'library/open' }, fromPage)).ok).toBe(false);
    expect(opened).toEqual(['/library.html']);
  });
});

describe('importing a backup', () => {
  it('merges a valid backup and tells the library; refuses a broken one with where and what', async () => {
    const { exportBackup } = await import('../exporters/web-annotation');
    const { makeAnnotation } = await import('../library/test-data');
    const text = '应急管理部召开会议。';
    const backup = exportBackup([makeAnnotation({ text, quote: '应急管理部' })], [], { generated: 0 });
    expect(await handle({ type: 'backup/import', text: backup }, fromSidebar)).toEqual({ ok: true, added: 1, updated: 0, unchanged: 0, articles: 0 });
    expect(broadcasts.at(-1)).toMatchObject({ type: 'library/changed', ids: [expect.any(String)] });
    expect(await handle({ type: 'backup/import', text: backup }, fromSidebar)).toMatchObject({ ok: true, added: 0, unchanged: 1 });
    const broken = await handle({ type: 'backup/import', text: backup.replace('"TextQuoteSelector"', '"Nope"') }, fromSidebar);
    expect(broken).toEqual({ ok: false, error: expect.stringMatching(/items\[0\].*selector/) });
    expect(await handle({ type: 'backup/import', text: '{not json' }, fromSidebar)).toMatchObject({ ok: false });
    expect(await db.annotations.count()).toBe(1);
    expect((await handle({ type: 'backup/import', text: backup }, fromPage)).ok).toBe(false);
  });
});

describe('sync settings and status', () => {
  const settings = { enabled: true, backend: 'webdav' as const, url: 'https://dav.jianguoyun.com/dav/', username: 'me@example.com', password: '应用密码🔑', location: '安阅' };

  it('saves settings, never shows the password back, keeps it when the page sends none', async () => {
    expect(await handle({ type: 'sync/save-settings', settings }, fromSidebar)).toEqual({ ok: true });
    const status = await handle({ type: 'sync/status' }, fromSidebar);
    expect(status).toMatchObject({ ok: true, settings: { url: settings.url, username: settings.username, hasPassword: true } });
    expect(JSON.stringify(status)).not.toContain('应用密码');
    await handle({ type: 'sync/save-settings', settings: { ...settings, location: '安阅2', password: null } }, fromSidebar);
    expect((deps.preferences as unknown as { data: Map<string, { password: string; location: string }> }).data.get('syncSettings')).toMatchObject({ password: '应用密码🔑', location: '安阅2' });
  });

  it('never sends the stored password to a newly typed server or user (Test and Save)', async () => {
    await handle({ type: 'sync/save-settings', settings }, fromSidebar);
    const tested: string[] = [];
    deps.sync.test = async (tried) => (tested.push(tried.password), { ok: true, report: null });
    await handle({ type: 'sync/test', settings: { ...settings, url: 'https://evil.example/dav/', password: null } }, fromSidebar);
    await handle({ type: 'sync/test', settings: { ...settings, username: 'other@example.com', password: null } }, fromSidebar);
    await handle({ type: 'sync/test', settings: { ...settings, location: '别处', password: null } }, fromSidebar);
    expect(tested).toEqual(['', '', '应用密码🔑']);
    await handle({ type: 'sync/save-settings', settings: { ...settings, url: 'https://evil.example/dav/', password: null } }, fromSidebar);
    expect((deps.preferences as unknown as { data: Map<string, { password: string }> }).data.get('syncSettings')).toMatchObject({ password: '' });
  });

  it('refuses bad settings with the reason, and sync requests from pages', async () => {
    expect(await handle({ type: 'sync/save-settings', settings: { ...settings, url: 'ftp://x' } }, fromSidebar)).toEqual({ ok: false, error: expect.stringContaining('http(s)') });
    expect((await handle({ type: 'sync/now' }, fromPage)).ok).toBe(false);
    expect((await handle({ type: 'sync/status' }, fromPage)).ok).toBe(false);
  });

  it('asks for a sync after each local change', async () => {
    const before = syncChanges;
    await handle({ type: 'article/opened', article }, fromPage);
    const target = { quote: { type: 'TextQuoteSelector' as const, exact: '城市安全', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 13, end: 17 } };
    await handle({ type: 'annotations/create', request: { kind: 'highlight', target, colour: 'yellow', speakers: [], edit: null } }, fromPage);
    await handle({ type: 'corrections/add', correction: { kind: 'not-speaker', name: '张三' } }, fromSidebar);
    expect(syncChanges - before).toBe(2);
  });

  it('reports a sync round', async () => {
    expect(await handle({ type: 'sync/now' }, fromSidebar)).toEqual({ ok: true, report: { pushed: 0, pulled: 0, conflicts: 0, requests: 1, bytes: 100 }, problem: null });
  });
});

describe('sync conflicts', () => {
  it('lets the reader pick the version of a note that shows, from an extension page only', async () => {
    const { makeAnnotation } = await import('../library/test-data');
    const text = '应急管理部召开会议。';
    const annotation = { ...makeAnnotation({ text, quote: '应急管理部', note: '甲设备' }), conflicts: [{ field: 'note' as const, value: '乙设备', stamp: '0001700000000999:00000:other' }] };
    await db.annotations.add(annotation);
    expect((await handle({ type: 'annotations/resolve-conflict', id: annotation.id, field: 'note', value: '乙设备' }, fromPage)).ok).toBe(false);
    expect(await handle({ type: 'annotations/resolve-conflict', id: annotation.id, field: 'note', value: 42 }, fromSidebar)).toMatchObject({ ok: false, error: expect.stringContaining('value') });
    const reply = await handle({ type: 'annotations/resolve-conflict', id: annotation.id, field: 'note', value: '乙设备' }, fromSidebar);
    expect(reply).toMatchObject({ ok: true, annotation: { note: '乙设备' } });
    const stored = (await db.annotations.get(annotation.id))!;
    expect(stored.note).toBe('乙设备');
    expect(stored.conflicts ?? []).toEqual([]);
  });
});

describe('the sidebar width and the text size (issue 14, comfort)', () => {
  const fromOtherTab: MessageSender = { tab: { id: 8 }, frameId: 0, url: 'http://zaihaifangyu.cn/5288.html' };
  const fromLibrary: MessageSender = { tab: { id: 20 }, frameId: 0, url: `${EXTENSION}library.html` };

  it('an article page starts with the default width, then the one the reader dragged to; the other tabs follow at once', async () => {
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ sidebarWidth: 380 });
    await handle({ type: 'article/opened', article }, fromOtherTab);
    expect(await handle({ type: 'sidebar/set-width', width: 520 }, fromPage)).toEqual({ ok: true });
    expect(deps.sent).toContainEqual([8, { type: 'page/set-sidebar-width', width: 520 }]);
    // The tab it was dragged in already shows it.
    expect(deps.sent.filter(([tabId, message]) => tabId === 7 && message.type === 'page/set-sidebar-width')).toEqual([]);
    expect(await handle({ type: 'article/opened', article }, fromOtherTab)).toMatchObject({ sidebarWidth: 520 });
  });

  it('refuses widths out of range, and from anything but an article page; only the background tells pages a width', async () => {
    for (const width of [299, 721, 400.5, -1, Number.NaN]) {
      expect((await handle({ type: 'sidebar/set-width', width } as never, fromPage)).ok, String(width)).toBe(false);
    }
    expect((await handle({ type: 'sidebar/set-width', width: 500 }, fromSidebar)).ok).toBe(false);
    expect((await handle({ type: 'sidebar/set-width', width: 500 }, fromLibrary)).ok).toBe(false);
    expect((await handle({ type: 'page/set-sidebar-width', width: 500 }, fromPage)).ok).toBe(false);
    expect((await handle({ type: 'page/set-sidebar-width', width: 500 }, fromSidebar)).ok).toBe(false);
    expect(await handle({ type: 'article/opened', article }, fromPage)).toMatchObject({ sidebarWidth: 380 });
  });

  it('keeps the text size an extension page chose and tells every page and sidebar; a page cannot set it', async () => {
    await handle({ type: 'article/opened', article }, fromPage);
    expect(await handle({ type: 'preferences/set-text-size', textSize: 'x-large' }, fromLibrary)).toEqual({ ok: true });
    expect(broadcasts).toContainEqual({ type: 'preferences/changed', language: 'zh-CN', colourNames: {}, textSize: 'x-large' });
    expect(await handle({ type: 'sidebar/get-state' }, fromSidebar)).toMatchObject({ state: { textSize: 'x-large' } });
    expect((await handle({ type: 'preferences/set-text-size', textSize: 'small' }, fromPage)).ok).toBe(false);
    expect((await handle({ type: 'preferences/set-text-size', textSize: 'huge' } as never, fromLibrary)).ok).toBe(false);
    expect(await handle({ type: 'sidebar/get-state' }, fromSidebar)).toMatchObject({ state: { textSize: 'x-large' } });
  });
});
