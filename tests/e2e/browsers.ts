// Real browsers with the built extension, pointed at the replica under the portal's real host name, so the
// production match patterns are what is tested. Chromium is driven by playwright-core (Debian's chromium),
// Firefox ESR by puppeteer-core over WebDriver BiDi (Playwright cannot drive stock Firefox).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type BrowserContext, type Frame as PwFrame, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Frame as PpFrame, type Page as PpPage } from 'puppeteer-core';
import { startReplica } from '../replica/server.mjs';
import { expect } from 'vitest';

export type BrowserName = 'chromium' | 'firefox';

export const EXTENSION_DIRS: Record<BrowserName, string> = {
  chromium: resolve('.output/chrome-mv3'),
  firefox: resolve('.output/firefox-mv2'),
};

/** Hosts Chromium resolves to the replica: the portal and the built-in sites the site tests visit. */
const REPLICA_HOSTS = ['zaihaifangyu.cn', 'www.zaihaifangyu.cn', 'www.mem.gov.cn'];

/** The Chromium build that may already reach http://127.0.0.1 (sync tests; see wxt.config.ts). */
export const CHROMIUM_TEST_HOSTS_DIR = resolve('.output-test-hosts/chrome-mv3');

export interface LaunchOptions {
  headless?: boolean;
  /** Port of the replica (0: any free one). */
  port?: number;
  extensionDir?: string;
  /** Firefox: answer "allow" to optional-permission requests, as a reader would. */
  grantOptionalPermissions?: boolean;
  /** The system's colour scheme the pages see (prefers-color-scheme). */
  colorScheme?: 'light' | 'dark';
  /** Leave the first-run page open (the test of that page); others close it before they start. */
  keepWelcome?: boolean;
  /** Chromium: more host names answered by the replica (Firefox reaches every host through it anyway). */
  resolveHosts?: string[];
}

/** What a test does with a tab, the same in both browsers. */
export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs in the page's own main world: what the page's scripts can see. */
  evaluate<T>(fn: string): Promise<T>;
  /** Runs in the sidebar frame (an extension page); null when there is no sidebar frame. */
  evaluateInSidebar<T>(fn: string): Promise<T | null>;
  /** Runs `fn` in every frame of the tab showing an extension's sidebar.html (ours, and copies the page made). */
  evaluateInSidebarFrames<T>(fn: string): Promise<{ url: string; value: T }[]>;
  /** Runs `fn` (an expression for a function of the root) on the closed shadow root of the first `hostTag`
   * element, through the driver (DevTools in Chromium, WebDriver BiDi in Firefox): what page scripts cannot do.
   * null when there is no such host or root. */
  evaluateInClosedRoot<T>(hostTag: string, fn: string): Promise<T | null>;
  /** Presses a key as the reader does (a trusted key press where the focus is). */
  press(key: string): Promise<void>;
  /** Waits until `fn` (run in the sidebar frame) returns truthy. */
  waitInSidebar(fn: string, timeoutMs?: number): Promise<void>;
  /** Waits until `fn` (run in the page itself) returns truthy. */
  waitForPage(fn: string, timeoutMs?: number): Promise<void>;
  /** Runs `trigger` and returns the file the page downloads (Chromium; Playwright sees downloads). */
  download(trigger: () => Promise<unknown>): Promise<{ name: string; content: Buffer }>;
  /** Chooses a file in a file input, as the reader does in the file dialog. */
  chooseFile(selector: string, path: string): Promise<void>;
  /** A real pointer click at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** Moves the real pointer to viewport coordinates. */
  moveTo(x: number, y: number): Promise<void>;
  /** Selects text as a reader does: press at one point, drag to another, release. */
  selectByDrag(x1: number, y1: number, x2: number, y2: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Resizes the viewport, as a reader resizing the window. */
  setViewport(width: number, height: number): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  /** Runs `fn` (an expression) in the extension's service worker: Chromium only, as Puppeteer cannot reach
   * a Firefox background page. */
  evaluateInBackground<T>(fn: string): Promise<T>;
  /** Runs `trigger` and returns the tab it opens whose URL contains `urlPart` (extension pages cannot be
   * navigated to by the driver in Firefox: the extension opens them itself). */
  /** Closes the first-run page the extension opens on install (tests start from a plain window). */
  closeWelcome(): Promise<void>;
  pageOpenedBy(trigger: () => Promise<unknown>, urlPart: string): Promise<TestPage>;
  /** Resolves when the reader closes the browser window. */
  closed: Promise<void>;
  close(): Promise<void>;
}

const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

async function poll(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** What Playwright's and Puppeteer's pages have in common, as far as these tests use them. */
interface DriverPage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  evaluate(fn: string): Promise<unknown>;
  mouse: {
    click(x: number, y: number): Promise<void>;
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void> };
  close(): Promise<void>;
}

type CommonActions = Pick<
  TestPage,
  'goto' | 'evaluate' | 'evaluateInSidebar' | 'waitInSidebar' | 'waitForPage' | 'clickAt' | 'moveTo' | 'selectByDrag' | 'press' | 'close'
>;

function commonActions(page: DriverPage, inSidebar: <T>(fn: string) => Promise<T | null>, timeoutMs: number): CommonActions {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: async <T>(fn: string) => (await page.evaluate(fn)) as T,
    evaluateInSidebar: inSidebar,
    waitInSidebar: (fn, timeout = timeoutMs) => poll(() => inSidebar(fn), timeout, `sidebar: ${fn}`),
    waitForPage: (fn, timeout = timeoutMs) => poll(() => page.evaluate(fn), timeout, `page: ${fn}`),
    clickAt: (x, y) => page.mouse.click(x, y),
    moveTo: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    selectByDrag: async (x1, y1, x2, y2) => {
      await page.mouse.move(x1, y1);
      await page.mouse.down();
      await page.mouse.move(x2, y2, { steps: 5 });
      await page.mouse.up();
    },
    close: () => page.close(),
  };
}

function isSidebarUrl(url: string): boolean {
  return /^(chrome|moz)-extension:\/\/[^/]+\/sidebar\.html/.test(url);
}

async function launchChromium(replicaPort: number, headless: boolean, extensionDir = EXTENSION_DIRS.chromium, colorScheme: 'light' | 'dark' = 'light', moreHosts: string[] = []): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'anyue-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    colorScheme,
    // Playwright disables extensions by default; the extension is the point here.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...QUIET_CHROMIUM_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${[...REPLICA_HOSTS, ...moreHosts].map((host) => `MAP ${host} 127.0.0.1:${replicaPort}`).join(', ')}`,
    ],
    viewport: { width: 1280, height: 900 },
  });
  // The service worker is the sign the extension loaded.
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });

  const wrap = (page: PwPage): TestPage => {
    const sidebarFrame = (): PwFrame | undefined => page.frames().find((frame) => isSidebarUrl(frame.url()));
    const inSidebar = async <T>(fn: string): Promise<T | null> => {
      const frame = sidebarFrame();
      return frame ? ((await frame.evaluate(fn)) as T) : null;
    };
    return {
      ...commonActions(page, inSidebar, 10_000),
      evaluateInSidebarFrames: async <T>(fn: string) => {
        const frames = page.frames().filter((frame) => isSidebarUrl(frame.url()));
        return Promise.all(frames.map(async (frame) => ({ url: frame.url(), value: (await frame.evaluate(fn)) as T })));
      },
      download: async (trigger) => {
        const started = page.waitForEvent('download', { timeout: 15_000 });
        await trigger();
        const download = await started;
        const path = await download.path();
        return { name: download.suggestedFilename(), content: readFileSync(path) };
      },
      chooseFile: (selector, path) => page.setInputFiles(selector, path),
      evaluateInClosedRoot: async <T>(hostTag: string, fn: string) => {
        const cdp = await page.context().newCDPSession(page);
        try {
          type DomNode = { nodeId: number; localName?: string; children?: DomNode[]; shadowRoots?: DomNode[] };
          const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
          const find = (node: DomNode): DomNode | undefined =>
            node.localName === hostTag ? node : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map(find).find(Boolean);
          const shadow = find(root)?.shadowRoots?.[0];
          if (!shadow) return null;
          const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
          const { result } = await cdp.send('Runtime.callFunctionOn', {
            objectId: object.objectId!,
            functionDeclaration: `function () { return (${fn})(this); }`,
            returnByValue: true,
          });
          return (result.value ?? null) as T | null;
        } finally {
          await cdp.detach();
        }
      },
      screenshot: async (path) => void (await page.screenshot({ path })),
      setViewport: (width, height) => page.setViewportSize({ width, height }),
    };
  };
  return {
    name: 'chromium',
    newPage: async () => wrap(await context.newPage()),
    closeWelcome: async () => {
      // A fresh profile always installs, so the page comes; under load it can take seconds.
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
        const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html'));
        if (welcome) return void (await welcome.close());
      }
    },
    evaluateInBackground: async <T>(fn: string) => (await context.serviceWorkers()[0]!.evaluate(fn)) as T,
    pageOpenedBy: async (trigger, urlPart) => {
      const opened = context.waitForEvent('page', { predicate: (p) => p.url().includes(urlPart), timeout: 15_000 });
      await trigger();
      const page = await opened;
      await page.waitForLoadState('load');
      return wrap(page);
    },
    closed: new Promise((resolve) => context.on('close', () => resolve())),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function launchFirefox(replicaPort: number, headless: boolean, grantOptionalPermissions = false, colorScheme: 'light' | 'dark' = 'light'): Promise<TestBrowser> {
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless,
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
    extraPrefsFirefox: {
      // What prefers-color-scheme answers: the "system" theme (extension pages follow it) and web content
      // (content-override: 0 dark, 1 light).
      'ui.systemUsesDarkTheme': colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
      // Every request goes to the replica, which answers as a proxy for the portal's host names.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': replicaPort,
      // https too: the replica refuses CONNECT at once, so an https link fails fast and the same way each time
      // (as in Chromium), instead of waiting on a DNS lookup this machine cannot answer.
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': replicaPort,
      // 127.0.0.1 (the sync test servers) is reached directly, never through the replica.
      'network.proxy.no_proxies_on': '127.0.0.1,localhost',
      'network.proxy.allow_hijacking_localhost': false,
      'extensions.webextOptionalPermissionPrompts': !grantOptionalPermissions,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
    },
  });
  await browser.installExtension(EXTENSION_DIRS.firefox);

  const wrap = (page: PpPage): TestPage => {
    // Over BiDi the extension frame's url() stays about:blank: ask each child frame where it is.
    const sidebarFrame = async (): Promise<PpFrame | undefined> => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const href = await frame.evaluate('location.href').catch(() => '');
        if (isSidebarUrl(String(href))) return frame;
      }
      return undefined;
    };
    const inSidebar = async <T>(fn: string): Promise<T | null> => {
      const frame = await sidebarFrame();
      return frame ? ((await frame.evaluate(fn)) as T) : null;
    };
    return {
      ...commonActions(page as unknown as DriverPage, inSidebar, 15_000),
      evaluateInSidebarFrames: async <T>(fn: string) => {
        const found: { url: string; value: T }[] = [];
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const href = String(await frame.evaluate('location.href').catch(() => ''));
          if (isSidebarUrl(href)) found.push({ url: href, value: (await frame.evaluate(fn)) as T });
        }
        return found;
      },
      download: async () => {
        throw new Error('downloads are checked in Chromium (puppeteer over BiDi has no download events)');
      },
      chooseFile: async (selector, path) => {
        const input = await page.waitForSelector(selector);
        await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
      },
      screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
      setViewport: (width, height) => page.setViewport({ width, height }),
      evaluateInClosedRoot: async <T>(hostTag: string, fn: string) => {
        // WebDriver BiDi serialises closed shadow roots when asked (includeShadowTree: 'all').
        type Remote = { type: string; sharedId?: string; value?: { shadowRoot?: Remote | null } | unknown };
        const core = (page.mainFrame() as unknown as { mainRealm(): { realm: { callFunction(f: string, awaitPromise: boolean, options: object): Promise<{ result: Remote }> } } }).mainRealm().realm;
        // The core realm answers with the whole script.callFunction result: the value is in `result`.
        const realm = { callFunction: async (f: string, awaitPromise: boolean, options: object) => (await core.callFunction(f, awaitPromise, options)).result };
        const host = await realm.callFunction(`() => document.querySelector(${JSON.stringify(hostTag)})`, false, {
          serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
          resultOwnership: 'none',
        });
        const shadow = (host.value as { shadowRoot?: Remote | null } | undefined)?.shadowRoot;
        if (!shadow?.sharedId) return null;
        const result = await realm.callFunction(`function () { return JSON.stringify((${fn})(this) ?? null); }`, false, {
          this: { sharedId: shadow.sharedId },
        });
        return JSON.parse((result as { value?: string }).value ?? 'null') as T | null;
      },
    };
  };
  return {
    name: 'firefox',
    newPage: async () => wrap(await browser.newPage()),
    closeWelcome: async () => {
      // A fresh profile always installs, so the page comes; over BiDi a new extension tab may report about:blank
      // for a while, so each tab is asked where it is.
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
        for (const candidate of await browser.pages()) {
          const href = candidate.url().endsWith('/welcome.html') ? candidate.url() : String(await candidate.evaluate('location.href').catch(() => ''));
          if (href.endsWith('/welcome.html')) return void (await candidate.close());
        }
      }
    },
    evaluateInBackground: async () => {
      throw new Error('the background is checked in Chromium (puppeteer cannot evaluate in a Firefox background page)');
    },
    pageOpenedBy: async (trigger, urlPart) => {
      // Over BiDi a new extension tab may report about:blank for a while: ask each new page where it is.
      const before = new Set(await browser.pages());
      await trigger();
      let found: PpPage | undefined;
      await poll(
        async () => {
          for (const candidate of await browser.pages()) {
            if (before.has(candidate)) continue;
            const href = String(await candidate.evaluate('document.readyState === "complete" ? location.href : ""').catch(() => ''));
            if (href.includes(urlPart)) found = candidate;
          }
          return found;
        },
        15_000,
        `a tab with ${urlPart}`,
      );
      return wrap(found!);
    },
    closed: new Promise((resolve) => browser.on('disconnected', () => resolve())),
    close: () => browser.close(),
  };
}

/** Viewport centre of a selection-toolbar button, once the toolbar has settled where it was placed (its
 * buttons sit in a closed shadow root: the host says where they are, as a reader sees them). */
export async function toolbarButtonAt(page: TestPage, action: string): Promise<{ x: number; y: number }> {
  await page.waitForPage(`document.querySelector('anyue-toolbar')?.hasAttribute('data-settled')`, 5_000);
  return page.evaluate<{ x: number; y: number }>(`(() => {
    const [left, top, width, height] = JSON.parse(document.querySelector('anyue-toolbar').dataset.buttons)[${JSON.stringify(action)}];
    return { x: left - window.scrollX + width / 2, y: top - window.scrollY + height / 2 };
  })()`);
}

/** Clicks a selection-toolbar button with the real pointer, as a reader does. */
export async function clickToolbar(page: TestPage, action: string): Promise<void> {
  const point = await toolbarButtonAt(page, action);
  await page.clickAt(point.x, point.y);
}

/** Waits until the page's content script says the sidebar has been visibly shown long enough for a destructive
 * click (delete) to count: a reader has looked at it before deleting; a test that clicks at once must wait. */
export async function waitUntilSidebarShown(page: TestPage): Promise<void> {
  await page.waitInSidebar(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'sidebar/check-shown', pressedAgo: 0 }).then((r) => r?.shown === true)`);
}

export interface Harness {
  browser: TestBrowser;
  replica: Server;
  close(): Promise<void>;
}

/** Starts the replica on a free port and the browser with the extension. */
export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Harness> {
  const { headless = true, port: wanted = 0 } = options;
  const { server, port } = await startReplica(wanted);
  const browser =
    name === 'chromium'
      ? await launchChromium(port, headless, options.extensionDir, options.colorScheme, options.resolveHosts)
      : await launchFirefox(port, headless, options.grantOptionalPermissions, options.colorScheme);
  // The extension opens its first-run page on install, at a moment of its own: a test that picks tabs by order
  // would race it, so it is closed before the test starts.
  if (!options.keepWelcome) await browser.closeWelcome();
  return {
    browser,
    replica: server,
    close: async () => {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Drags a real selection over `phrase` inside the first paragraph (of `paragraphs`) that contains it. */
export async function selectPhrase(page: TestPage, phrase: string, paragraphs = '.entry-content p'): Promise<void> {
  const points = await page.evaluate<{ x1: number; y1: number; x2: number; y2: number }>(`(() => {
    const p = [...document.querySelectorAll(${JSON.stringify(paragraphs)})].find((p) => p.textContent.includes(${JSON.stringify(phrase)}));
    p.scrollIntoView({ block: 'center' });
    const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes(${JSON.stringify(phrase)}));
    const at = node.data.indexOf(${JSON.stringify(phrase)});
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + ${phrase.length});
    const rects = [...range.getClientRects()];
    const a = rects[0], b = rects[rects.length - 1];
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  })()`);
  await page.selectByDrag(points.x1, points.y1, points.x2, points.y2);
  await new Promise((r) => setTimeout(r, 150));
  expect(await page.evaluate('document.getSelection().toString()')).toBe(phrase);
}

/** The texts painted now in highlight style `style` (a page-world expression). */
export const painted = (style: string) =>
  `(() => { const h = CSS.highlights.get('anyue-${style}'); return h ? [...h].map((r) => r.toString()) : []; })()`;
