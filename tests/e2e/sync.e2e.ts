// Two browsers, one server: a highlight with a note made in Chromium reaches Firefox, and a deletion in
// Firefox reaches Chromium. Real lighttpd WebDAV (installed by scripts/ensure-deps.sh) and a real CouchDB-API
// server (PouchDB Server, installed by the test itself) on 127.0.0.1, real sync code in each extension's
// background, settings entered through the library like a reader does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUCH_PASSWORD, COUCH_USERNAME, startCouchServer } from '../sync/couchdb-server';
import { missingServer, PASSWORD, startServer, USERNAME } from '../sync/servers';
import { CHROMIUM_TEST_HOSTS_DIR, clickToolbar, launch, waitUntilSidebarShown, type Harness, type TestPage } from './browsers';

const PORTAL = 'http://zaihaifangyu.cn';
const QUOTE = '发展是安全的保障';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const missing = missingServer('lighttpd');

async function realClick(page: TestPage, selector: string): Promise<void> {
  const point = await page.evaluate<{ x: number; y: number }>(`(() => {
    const element = document.querySelector(${JSON.stringify(selector)});
    element.scrollIntoView({ block: 'center' });
    const r = element.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  await page.clickAt(point.x, point.y);
}

async function openLibrary(harness: Harness): Promise<{ page: TestPage; library: TestPage }> {
  const page = await harness.browser.newPage();
  await page.goto(`${PORTAL}/5288.html`);
  await page.waitInSidebar(`!!document.querySelector('.library-link')`);
  const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
  await library.waitForPage(`!!document.querySelector('.search')`);
  return { page, library };
}

interface Server {
  backend: 'webdav' | 'couchdb';
  url: string;
  username: string;
  password: string;
  location: string;
  stop(): Promise<void>;
}

async function setUpSync(library: TestPage, server: Server, name: string): Promise<void> {
  await library.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('同步')).click()`);
  await library.waitForPage(`!!document.querySelector('.sync-form')`);
  const fill = (name: string, value: string) =>
    library.evaluate(`(() => {
      const input = document.querySelector('.sync-form [name="${name}"]');
      input.value = ${JSON.stringify(value)};
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
  await library.evaluate(`document.querySelector('.sync-form [name="backend"][value="${server.backend}"]').click()`);
  await fill('url', server.url);
  await fill('username', server.username);
  await fill('password', server.password);
  await fill('location', server.location);
  await sleep(100);
  // A real click: the host permission may only be asked for inside one.
  await realClick(library, '.sync-test');
  await library.waitForPage(`document.querySelector('.sync-message').textContent.length > 0`, 20_000);
  expect(`${name}: ${await library.evaluate<string>(`document.querySelector('.sync-message').textContent`)}`).toBe(`${name}: 连接成功。`);
  await realClick(library, '.sync-save');
  await library.waitForPage(`document.querySelector('.sync-message').textContent.includes('已保存')`);
}

async function syncNow(library: TestPage): Promise<string> {
  await library.waitForPage(`!!document.querySelector('.sync-now') && !document.querySelector('.sync-now').disabled`);
  await library.evaluate(`document.querySelector('.sync-now').click()`);
  await library.waitForPage(`document.querySelector('.sync-message').textContent === '正在同步……'`);
  await library.waitForPage(`document.querySelector('.sync-message').textContent !== '正在同步……'`, 30_000);
  return library.evaluate<string>(`document.querySelector('.sync-message').textContent`);
}

const annotationWith = (quote: string) =>
  `[...document.querySelectorAll('.annotation')].find((a) => a.querySelector('.quote')?.textContent === ${JSON.stringify(quote)})`;
const notesTab = `[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('我的批注')).click()`;

const SERVERS: [string, () => Promise<Server>][] = [
  ['WebDAV (lighttpd)', async () => ({ backend: 'webdav', username: USERNAME, password: PASSWORD, location: '安阅-e2e', ...(await startServer('lighttpd')) })],
  ['CouchDB (PouchDB Server)', async () => ({ backend: 'couchdb', username: COUCH_USERNAME, password: COUCH_PASSWORD, location: 'anyue-e2e', ...(await startCouchServer()) })],
];

describe.skipIf(missing !== null).each(SERVERS)('sync between Chromium and Firefox through %s', (_name, start) => {
  let server: Server;
  let chromium: Harness;
  let firefox: Harness;

  beforeAll(async () => {
    server = await start();
    chromium = await launch('chromium', { extensionDir: CHROMIUM_TEST_HOSTS_DIR });
    firefox = await launch('firefox', { grantOptionalPermissions: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await firefox?.close();
    await server?.stop();
  });

  it('carries a highlight with its note from Chromium to Firefox, and a deletion back', async () => {
    const c = await openLibrary(chromium);
    const f = await openLibrary(firefox);
    await setUpSync(c.library, server, 'chromium');
    await setUpSync(f.library, server, 'firefox');

    // Chromium: highlight and note.
    const points = await c.page.evaluate<{ x1: number; y1: number; x2: number; y2: number }>(`(() => {
      const p = [...document.querySelectorAll('.entry-content p')].find((p) => p.textContent.includes('${QUOTE}'));
      p.scrollIntoView({ block: 'center' });
      const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes('${QUOTE}'));
      const range = document.createRange();
      range.setStart(node, node.data.indexOf('${QUOTE}'));
      range.setEnd(node, node.data.indexOf('${QUOTE}') + ${QUOTE.length});
      const r = range.getClientRects();
      return { x1: r[0].left + 1, y1: r[0].top + 8, x2: r[r.length - 1].right - 1, y2: r[r.length - 1].top + 8 };
    })()`);
    await c.page.selectByDrag(points.x1, points.y1, points.x2, points.y2);
    await sleep(150);
    await clickToolbar(c.page, 'note');
    await c.page.waitInSidebar(`document.activeElement?.classList.contains('note')`);
    await c.page.evaluateInSidebar(`(() => {
      const area = document.activeElement;
      area.value = '从 Chromium 同步过来的批注';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.blur();
    })()`);
    await sleep(300);
    expect(await syncNow(c.library)).toMatch(/同步完成：上传 [1-9]/);

    // Firefox: sync, then the article shows it, note included.
    expect(await syncNow(f.library)).toMatch(/下载 [1-9]/);
    await f.page.goto(`${PORTAL}/5288.html`);
    await f.page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    await f.page.evaluateInSidebar(notesTab);
    await f.page.waitInSidebar(`!!${annotationWith(QUOTE)}`);
    expect(await f.page.evaluateInSidebar(`${annotationWith(QUOTE)}.querySelector('.note').value`)).toBe('从 Chromium 同步过来的批注');
    expect(await f.page.evaluate(`[...CSS.highlights.get('anyue-user-yellow') ?? []].map((r) => r.toString())`)).toContain(QUOTE);

    // Firefox deletes; Chromium hears of it.
    await waitUntilSidebarShown(f.page);
    await f.page.evaluateInSidebar(`${annotationWith(QUOTE)}.querySelector('.delete').click()`);
    await f.page.waitInSidebar(`!${annotationWith(QUOTE)}`);
    expect(await syncNow(f.library)).toMatch(/同步完成：上传 [1-9]/);
    expect(await syncNow(c.library)).toMatch(/下载 [1-9]/);
    await c.page.goto(`${PORTAL}/5288.html`);
    await c.page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    await sleep(500);
    expect(await c.page.evaluate(`[...CSS.highlights.get('anyue-user-yellow') ?? []].map((r) => r.toString())`)).not.toContain(QUOTE);
    await c.page.evaluateInSidebar(notesTab);
    await sleep(200);
    expect(await c.page.evaluateInSidebar(`!!${annotationWith(QUOTE)}`)).toBe(false);
  });
});
