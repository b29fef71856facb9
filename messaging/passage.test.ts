// From the library back to the passage, through the real background router: which tab serves, what the new
// page is handed once it is read, and what is refused.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnyueDatabase } from '../storage/database';
import { createClock } from '../sync/hlc';
import { createBackground, type BackgroundDeps, type MessageSender } from './background-router';
import { parseMessage, type Message, type PassageTarget } from './protocol';
import type { ArticleMeta } from '../records/article';

const EXTENSION = 'chrome-extension://abcdefghijklmnop/';
const article: ArticleMeta = {
  key: 'zaihaifangyu.cn/5288',
  postId: '5288',
  url: 'https://zaihaifangyu.cn/5288.html',
  title: '第七届国家治理高峰论坛2020城市安全管理峰会在京举行',
  categories: [],
  publishedAt: null,
  author: null,
  source: null,
  textLength: 3456,
};
const fromLibrary: MessageSender = { url: `${EXTENSION}library.html` };
const pageIn = (tabId: number): MessageSender => ({ tab: { id: tabId }, frameId: 0, url: 'http://zaihaifangyu.cn/5288.html' });
const ID = '0699962f-f624-4db0-a798-7efafafdc57e';
const annotationPassage: PassageTarget = { kind: 'annotation', id: ID };
const textPassage: PassageTarget = {
  kind: 'text',
  target: { quote: { type: 'TextQuoteSelector', exact: '源头治理是关键', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 900, end: 907 } },
  length: 60,
};
const openPassage = (passage: PassageTarget | null, url = article.url): Message => ({ type: 'library/open-passage', articleKey: article.key, url, passage });

let db: AnyueDatabase;
let session: Map<string, unknown>;
let sent: [number, Message][];
let opened: string[];
let focused: number[];
let answering: Set<number>;
let nextTab: number;
let handle: ReturnType<typeof createBackground>['handleMessage'];
let background: ReturnType<typeof createBackground>;
let deps: BackgroundDeps;

beforeEach(() => {
  db = new AnyueDatabase(`test-${Math.random()}`);
  session = new Map();
  sent = [];
  opened = [];
  focused = [];
  answering = new Set();
  nextTab = 100;
  const area = (data: Map<string, unknown>) => ({
    get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    remove: async (key: string) => void data.delete(key),
  });
  deps = {
    db,
    clock: Promise.resolve(createClock('test-device')),
    preferences: area(new Map()),
    session: area(session),
    // Only tabs whose page still runs the content script answer.
    sendToTab: async (tabId, message) => {
      sent.push([tabId, message]);
      if (!answering.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      return message.type === 'page/show-passage' ? { ok: true, shown: true } : { ok: true };
    },
    extensionBase: EXTENSION,
    broadcast: () => undefined,
    openTab: async () => undefined,
    openUrl: async (url) => {
      opened.push(url);
      return nextTab++;
    },
    focusTab: async (tabId) => void focused.push(tabId),
    setTabPopup: () => undefined,
    sync: {
      syncNow: async () => ({ ok: true, report: { pushed: 0, pulled: 0, conflicts: 0, requests: 1, bytes: 100 } }),
      changed: () => undefined,
      test: async () => ({ ok: true, report: null }),
      status: async () => ({ lastAttemptAt: null, lastSuccessAt: null, pendingChanges: 0, lastError: null, retryNotBefore: null, lastReport: null }),
      reset: () => undefined,
    },
    log: () => undefined,
  };
  background = createBackground(deps);
  handle = background.handleMessage;
});
afterEach(async () => db.delete());

describe('library/open-passage', () => {
  it('hands the passage to the tab already showing the article, and brings that tab forward', async () => {
    answering.add(7);
    await handle({ type: 'article/opened', article }, pageIn(7));
    await new Promise((r) => setTimeout(r, 20));
    expect(await handle(openPassage(annotationPassage), fromLibrary)).toEqual({ ok: true, reused: true });
    expect(sent).toContainEqual([7, { type: 'page/show-passage', passage: annotationPassage }]);
    expect(focused).toEqual([7]);
    expect(opened).toEqual([]);
  });

  it('opens a new tab when the tab it knew no longer answers, and hands the passage to its page once read', async () => {
    await handle({ type: 'article/opened', article }, pageIn(7));
    await new Promise((r) => setTimeout(r, 20));
    // Tab 7 went on to another page: it does not answer.
    expect(await handle(openPassage(textPassage), fromLibrary)).toEqual({ ok: true, reused: false });
    expect(opened).toEqual([article.url]);
    expect(focused).toEqual([]);
    // The new page asks once it is read and anchored; it gets the passage once.
    expect(await handle({ type: 'page/take-passage', key: article.key }, pageIn(100))).toEqual({ ok: true, passage: textPassage });
    expect(await handle({ type: 'page/take-passage', key: article.key }, pageIn(100))).toEqual({ ok: true, passage: null });
  });

  it('keeps the pending passage in the session area, so a restarted worker still hands it over', async () => {
    await handle(openPassage(annotationPassage), fromLibrary);
    // A new background over the same session area: the worker was stopped while the page loaded.
    const restarted = createBackground({ ...deps });
    expect(await restarted.handleMessage({ type: 'page/take-passage', key: article.key }, pageIn(100))).toEqual({ ok: true, passage: annotationPassage });
  });

  it('gives a page only the passage of its own article, and trusts nothing malformed from storage', async () => {
    await handle(openPassage(annotationPassage), fromLibrary);
    expect(await handle({ type: 'page/take-passage', key: 'zaihaifangyu.cn/9999' }, pageIn(100))).toEqual({ ok: true, passage: null });
    // Taken (and dropped) by the wrong article: nothing is left for later.
    expect(await handle({ type: 'page/take-passage', key: article.key }, pageIn(100))).toEqual({ ok: true, passage: null });
    session.set('passage:101', { key: article.key, passage: { kind: 'annotation', id: '<script>' } });
    expect(await handle({ type: 'page/take-passage', key: article.key }, pageIn(101))).toEqual({ ok: true, passage: null });
  });

  it('refuses callers other than extension pages, and addresses off the article\'s site or not on the web', async () => {
    expect(await handle(openPassage(null), pageIn(7))).toMatchObject({ ok: false });
    expect(await handle(openPassage(null, 'https://evil.example/5288.html'), fromLibrary)).toMatchObject({ ok: false });
    expect(parseMessage(openPassage(null, 'javascript:alert(1)')).ok).toBe(false);
    expect(parseMessage({ type: 'library/open-passage', articleKey: article.key, url: article.url, passage: { kind: 'text', target: textPassage.kind === 'text' ? { ...textPassage.target, position: { type: 'TextPositionSelector', start: 0, end: 3 } } : null, length: 5 } }).ok).toBe(false);
    expect(opened).toEqual([]);
    // Only the background tells a page to show a passage.
    expect(await handle({ type: 'page/show-passage', passage: annotationPassage }, fromLibrary)).toMatchObject({ ok: false });
    // A page asks only for its own tab's passage, of its own site.
    expect(await handle({ type: 'page/take-passage', key: 'mem.gov.cn/xw/1' }, pageIn(7))).toMatchObject({ ok: false });
  });

  it('forgets a closed tab\'s pending passage', async () => {
    await handle(openPassage(annotationPassage), fromLibrary);
    await background.forgetTab(100);
    expect(session.has('passage:100')).toBe(false);
  });
});
