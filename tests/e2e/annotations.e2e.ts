// The reader's own work end to end, in both real browsers: highlight, note, reload, edit, delete, undo;
// re-anchoring on an edited copy of the article with the orphan listed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { painted, selectPhrase, clickToolbar, launch, waitUntilSidebarShown, type BrowserName, type Harness, type TestPage } from './browsers';

const PORTAL = 'http://zaihaifangyu.cn';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


const notesTab = `[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('我的批注')).click()`;
const annotationWith = (quote: string) =>
  `[...document.querySelectorAll('.annotation')].find((a) => a.querySelector('.quote')?.textContent === ${JSON.stringify(quote)})`;

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let harness: Harness;
  let page: TestPage;

  beforeAll(async () => {
    harness = await launch(name);
    page = await harness.browser.newPage();
  });
  afterAll(async () => harness?.close());

  const open = async (path = '/5288.html') => {
    await page.goto(`${PORTAL}${path}`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    // The toolbar's host exists once the content script follows the selection (both happen in one task): a
    // selection made before that gets no toolbar. The sidebar frame is no proof of it for this document.
    await page.waitForPage(`!!document.querySelector('anyue-toolbar')`);
  };

  it('highlights with a note, keeps it over a reload, edits, deletes and undoes', async () => {
    await open();
    await selectPhrase(page, '建设更高水平的平安中国意义重大');
    await clickToolbar(page, 'note');
    // The note is written in the sidebar, where the editor opened with the cursor in it.
    await page.waitInSidebar(`document.activeElement?.classList.contains('note')`);
    expect(await page.evaluate<string[]>(painted('user-yellow'))).toContain('建设更高水平的平安中国意义重大');
    await page.evaluateInSidebar(`(() => {
      const area = document.activeElement;
      area.value = '峰会结论：安全是发展的前提';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.blur();
    })()`);
    await sleep(300);

    await open();
    await page.evaluateInSidebar(notesTab);
    await page.waitInSidebar(`!!${annotationWith('建设更高水平的平安中国意义重大')}`);
    expect(await page.evaluateInSidebar(`${annotationWith('建设更高水平的平安中国意义重大')}.querySelector('.note').value`)).toBe('峰会结论：安全是发展的前提');
    expect(await page.evaluate<string[]>(painted('user-yellow'))).toContain('建设更高水平的平安中国意义重大');

    // Edit: the note and the colour.
    await page.evaluateInSidebar(`(() => {
      const item = ${annotationWith('建设更高水平的平安中国意义重大')};
      const area = item.querySelector('.note');
      area.focus();
      area.value = '改：安全是发展的前提，发展是安全的保障';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.blur();
      item.querySelector('input[value="green"]').click();
    })()`);
    await sleep(400);
    expect(await page.evaluate<string[]>(painted('user-green'))).toContain('建设更高水平的平安中国意义重大');
    await open();
    await page.evaluateInSidebar(notesTab);
    await page.waitInSidebar(`${annotationWith('建设更高水平的平安中国意义重大')}?.querySelector('.note').value === '改：安全是发展的前提，发展是安全的保障'`);

    // Delete, then undo.
    await waitUntilSidebarShown(page);
    await page.evaluateInSidebar(`${annotationWith('建设更高水平的平安中国意义重大')}.querySelector('.delete').click()`);
    await page.waitInSidebar(`!${annotationWith('建设更高水平的平安中国意义重大')}`);
    await sleep(200);
    expect(await page.evaluate<string[]>(painted('user-green'))).not.toContain('建设更高水平的平安中国意义重大');
    await page.evaluateInSidebar(`document.querySelector('.notice .undo').click()`);
    await page.waitInSidebar(`!!${annotationWith('建设更高水平的平安中国意义重大')}`);
    await sleep(200);
    expect(await page.evaluate<string[]>(painted('user-green'))).toContain('建设更高水平的平安中国意义重大');
  });

  it('saves an excerpt with its source, speaker and a GB/T 7714 citation', async () => {
    await open();
    await selectPhrase(page, '我国发展环境面临深刻复杂变化');
    await clickToolbar(page, 'excerpt');
    await page.evaluateInSidebar(notesTab);
    await page.waitInSidebar(`!!${annotationWith('我国发展环境面临深刻复杂变化')}`);
    const item = await page.evaluateInSidebar<string>(`${annotationWith('我国发展环境面临深刻复杂变化')}.textContent`);
    expect(item).toContain('摘录');
    expect(item).toContain('袁宏永');
    expect(item).toMatch(/人民论坛网\. 第七届国家治理高峰论坛2020城市安全管理峰会在京举行\[EB\/OL\]\. \[\d{4}-\d{2}-\d{2}\]\. https:\/\/zaihaifangyu\.cn\/5288\.html\./);
  });

  it('re-anchors on an edited copy of the article and lists what it cannot place', async () => {
    await open();
    await selectPhrase(page, '多家媒体对本次峰会进行了报道');
    await clickToolbar(page, 'pink');
    await selectPhrase(page, '全国政协副主席辜胜阻');
    await clickToolbar(page, 'blue');
    await sleep(300);
    expect(await page.evaluate<string[]>(painted('user-pink'))).toContain('多家媒体对本次峰会进行了报道');

    await open('/5288.html?rev=2');
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    await sleep(300);
    // The paragraph with the pink quote is gone: it is an orphan, listed, not attached elsewhere.
    expect(await page.evaluate<string[]>(painted('user-pink'))).toEqual([]);
    // The blue quote moved (a paragraph was inserted above it, its commas became full-width) and is found.
    expect(await page.evaluate<string[]>(painted('user-blue'))).toEqual(['全国政协副主席辜胜阻']);
    await page.evaluateInSidebar(notesTab);
    await page.waitInSidebar(`document.querySelectorAll('.orphans .annotation').length === 1`);
    expect(await page.evaluateInSidebar(`document.querySelector('.orphans .quote').textContent`)).toBe('多家媒体对本次峰会进行了报道');
  });

  it('finds notes in the library by a Chinese substring, and keeps library and sidebar live', async () => {
    await open();
    await selectPhrase(page, '粗放式的管理逐渐地往精细化');
    await clickToolbar(page, 'note');
    await page.waitInSidebar(`document.activeElement?.classList.contains('note')`);
    await page.evaluateInSidebar(`(() => {
      const area = document.activeElement;
      area.value = '应急管理部要求加强城市生命线监测';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.blur();
    })()`);
    await sleep(300);
    const library = await harness.browser.pageOpenedBy(
      () => page.evaluateInSidebar(`document.querySelector('.library-link').click()`),
      'library.html',
    );
    const results = `[...document.querySelectorAll('.annotation')]`;
    const search = (query: string) => `(() => {
      const input = document.querySelector('.search');
      input.value = ${'`'}${'$'}{${JSON.stringify(query)}}${'`'};
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })()`;
    await library.waitForPage(`document.querySelector('.result-count')?.textContent.includes('条')`);
    // 管理部 is no word of its own (应急|管理|部): substring search finds it in the note.
    await library.evaluate(search('管理部要求'));
    await library.waitForPage(`${results}.length === 1`);
    expect(await library.evaluate(`${results}[0].querySelector('.quote').textContent`)).toBe('粗放式的管理逐渐地往精细化');
    expect(await library.evaluate(`${results}[0].querySelector('.article-of').textContent`)).toBe('第七届国家治理高峰论坛2020城市安全管理峰会在京举行');
    await library.evaluate(search('放式的管'));
    await library.waitForPage(`${results}.length === 1`);

    // Library → sidebar, without a reload of either.
    await library.evaluate(`(() => {
      const area = ${results}[0].querySelector('.note');
      area.focus();
      area.value = '改于批注库';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.blur();
    })()`);
    await page.evaluateInSidebar(notesTab);
    await page.waitInSidebar(`${annotationWith('粗放式的管理逐渐地往精细化')}?.querySelector('.note').value === '改于批注库'`);
    // Sidebar → library.
    await page.evaluateInSidebar(`${annotationWith('粗放式的管理逐渐地往精细化')}.querySelector('input[value="purple"]').click()`);
    await library.waitForPage(`${results}[0]?.querySelector('input[value="purple"]').checked === true`);
    await waitUntilSidebarShown(page);
    await page.evaluateInSidebar(`${annotationWith('粗放式的管理逐渐地往精细化')}.querySelector('.delete').click()`);
    await library.waitForPage(`${results}.length === 0`);
    await library.close();
  });
});

describe('chromium: the toolbar button, context menu and keyboard commands', () => {
  let harness: Harness;
  let page: TestPage;
  beforeAll(async () => {
    harness = await launch('chromium');
    page = await harness.browser.newPage();
  });
  afterAll(async () => harness?.close());

  it('registers both menu items for selections on portal pages', async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    // The items exist (created at install): creating one again with the same id must fail.
    const duplicate = await harness.browser.evaluateInBackground<string>(`new Promise((resolve) => {
      chrome.contextMenus.create({ id: 'save-excerpt', title: 'x', contexts: ['selection'] }, () => resolve(chrome.runtime.lastError?.message ?? 'created'));
    })`);
    expect(duplicate).toMatch(/duplicate|exists/i);
    const commands = await harness.browser.evaluateInBackground<{ name: string; shortcut: string }[]>(`chrome.commands.getAll()`);
    expect(commands.map((c) => [c.name, c.shortcut])).toEqual(
      expect.arrayContaining([['toggle-sidebar', 'Alt+Shift+Y'], ['highlight-selection', 'Alt+Shift+H'], ['save-excerpt', 'Alt+Shift+E']]),
    );
  });

  it('saves the selection as an excerpt when the menu or Alt+Shift+E asks the page to', async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    await selectPhrase(page, '全面提升平安中国建设水平');
    // What the menu click and the command handler send to the tab.
    const reply = await harness.browser.evaluateInBackground<{ ok: boolean; created: boolean }>(`(async () => {
      const [tab] = await chrome.tabs.query({ url: 'http://zaihaifangyu.cn/5288.html' });
      return chrome.tabs.sendMessage(tab.id, { type: 'selection/annotate', kind: 'excerpt' }, { frameId: 0 });
    })()`);
    expect(reply).toEqual({ ok: true, created: true });
    await page.evaluateInSidebar(notesTab);
    await page.waitInSidebar(`!!${annotationWith('全面提升平安中国建设水平')}`);
    expect(await page.evaluateInSidebar<string>(`${annotationWith('全面提升平安中国建设水平')}.textContent`)).toContain('摘录');
  });

  it('toggles the sidebar when the toolbar button or Alt+Shift+Y asks the page to', async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    const atSidebar = `document.elementFromPoint(document.documentElement.clientWidth - 60, Math.round(window.innerHeight * 0.7))?.tagName`;
    const toggle = () =>
      harness.browser.evaluateInBackground<{ ok: boolean; open: boolean }>(`(async () => {
        const [tab] = await chrome.tabs.query({ url: 'http://zaihaifangyu.cn/5288.html' });
        return chrome.tabs.sendMessage(tab.id, { type: 'sidebar/toggle' }, { frameId: 0 });
      })()`);
    expect(await toggle()).toEqual({ ok: true, open: false });
    expect(await page.evaluate(atSidebar)).not.toBe('ANYUE-SIDEBAR');
    expect(await toggle()).toEqual({ ok: true, open: true });
    expect(await page.evaluate(atSidebar)).toBe('ANYUE-SIDEBAR');
  });
});
