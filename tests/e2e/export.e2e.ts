// Exports leave the extension as real downloads with the right content; a backup comes back in through the
// library's file input, merging by id.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbar, launch, type BrowserName, type Harness, type TestPage } from './browsers';

const PORTAL = 'http://zaihaifangyu.cn';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function highlight(page: TestPage, phrase: string, note: string): Promise<void> {
  const points = await page.evaluate<{ x1: number; y1: number; x2: number; y2: number }>(`(() => {
    const p = [...document.querySelectorAll('.entry-content p')].find((p) => p.textContent.includes(${JSON.stringify(phrase)}));
    p.scrollIntoView({ block: 'center' });
    const node = [...p.childNodes].find((n) => n.nodeType === 3 && n.data.includes(${JSON.stringify(phrase)}));
    const range = document.createRange();
    range.setStart(node, node.data.indexOf(${JSON.stringify(phrase)}));
    range.setEnd(node, node.data.indexOf(${JSON.stringify(phrase)}) + ${phrase.length});
    const rects = [...range.getClientRects()];
    return { x1: rects[0].left + 1, y1: rects[0].top + 8, x2: rects.at(-1).right - 1, y2: rects.at(-1).top + 8 };
  })()`);
  await page.selectByDrag(points.x1, points.y1, points.x2, points.y2);
  await sleep(150);
  await clickToolbar(page, 'note');
  await page.waitInSidebar(`document.activeElement?.classList.contains('note')`);
  await page.evaluateInSidebar(`(() => {
    const area = document.activeElement;
    area.value = ${JSON.stringify(note)};
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.blur();
  })()`);
  await sleep(300);
}

async function openLibrary(harness: Harness, page: TestPage): Promise<TestPage> {
  const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
  await library.waitForPage(`document.querySelector('.result-count')?.textContent.includes('条')`);
  await library.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('导出与导入')).click()`);
  await library.waitForPage(`!!document.querySelector('.export-panel')`);
  return library;
}

describe('chromium: downloads', () => {
  let harness: Harness;
  let page: TestPage;
  beforeAll(async () => {
    harness = await launch('chromium');
    page = await harness.browser.newPage();
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    await highlight(page, '安全是发展的前提', '=HYPERLINK("http://evil") 公式注入测试');
  });
  afterAll(async () => harness?.close());

  it('downloads a CSV that Excel opens: BOM, quoting, formulas neutralised', async () => {
    const library = await openLibrary(harness, page);
    const file = await library.download(() => library.evaluate(`document.querySelector('[data-format="csv"]').click()`));
    expect(file.name).toMatch(/\.csv$/);
    expect([...file.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.content.toString('utf8');
    expect(text).toContain('安全是发展的前提');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"") 公式注入测试"`);
    expect(text).toContain('\r\n');
  });

  it('downloads Markdown per article as a zip, with the GB/T 7714 citation', async () => {
    const library = await openLibrary(harness, page);
    const file = await library.download(() => library.evaluate(`document.querySelector('[data-format="markdown-zip"]').click()`));
    const entries = unzipSync(new Uint8Array(file.content));
    const names = Object.keys(entries);
    expect(names).toHaveLength(1);
    const markdown = new TextDecoder().decode(entries[names[0]!]);
    expect(markdown).toMatch(/^---\n/);
    expect(markdown).toContain('> 安全是发展的前提');
    expect(markdown).toMatch(/人民论坛网\. 第七届国家治理高峰论坛2020城市安全管理峰会在京举行\[EB\/OL\]\. \[\d{4}-\d{2}-\d{2}\]\. https:\/\/zaihaifangyu\.cn\/5288\.html\./);
  });

  it('round-trips the backup through the import button without duplicating anything', async () => {
    const library = await openLibrary(harness, page);
    const file = await library.download(() => library.evaluate(`document.querySelector('[data-format="backup"]').click()`));
    const backup = JSON.parse(file.content.toString('utf8'));
    expect(backup.type).toBe('AnnotationCollection');
    expect(backup.items.length).toBeGreaterThan(0);
    const path = join(mkdtempSync(join(tmpdir(), 'anyue-backup-')), 'backup.jsonld');
    writeFileSync(path, file.content);
    await library.chooseFile('.import input[type="file"]', path);
    await library.waitForPage(`document.querySelector('.export-status').textContent.includes('导入完成')`);
    expect(await library.evaluate(`document.querySelector('.export-status').textContent`)).toMatch(/新增 0，更新 0，未变 \d+/);
  });
});

describe('a backup made in Chromium, restored in a fresh Firefox profile (another device)', () => {
  let chromium: Harness;
  let firefox: Harness;
  beforeAll(async () => {
    [chromium, firefox] = await Promise.all([launch('chromium'), launch('firefox')]);
  });
  afterAll(async () => Promise.all([chromium?.close(), firefox?.close()]));

  it('brings the speakers index of articles that profile never opened, and the colour names', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    const library = await openLibrary(chromium, page);
    await library.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('设置')).click()`);
    await library.waitForPage(`!!document.querySelector('.colour-name-pink')`);
    await library.evaluate(`(() => {
      const input = document.querySelector('.colour-name-pink');
      input.value = '待核实';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new FocusEvent('blur'));
    })()`);
    await library.waitForPage(`document.querySelector('.colour-names [role=status]')?.textContent === '已保存。'`);
    await library.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('导出与导入')).click()`);
    await library.waitForPage(`!!document.querySelector('.export-panel')`);
    const file = await library.download(() => library.evaluate(`document.querySelector('[data-format="backup"]').click()`));
    const backup = JSON.parse(file.content.toString('utf8'));
    expect(backup['anyue:analyses'].map((a: { articleKey: string }) => a.articleKey)).toContain('zaihaifangyu.cn/5288');
    expect(Object.values(backup['anyue:preferences'].colourNames)).toContain('待核实');
    const path = join(mkdtempSync(join(tmpdir(), 'anyue-device-')), 'backup.jsonld');
    writeFileSync(path, file.content);

    // The other device has read a different article only.
    const other = await firefox.browser.newPage();
    await other.goto(`${PORTAL}/6666.html`);
    await other.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    const restored = await openLibrary(firefox, other);
    const speakers = `(() => [...document.querySelectorAll('.speaker-index .index-entry')].map((li) => li.textContent).join('|'))()`;
    const showSpeakers = `[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('发言人索引')).click()`;
    await restored.evaluate(showSpeakers);
    await restored.waitForPage(`!!document.querySelector('.speaker-index')`);
    expect(await restored.evaluate<string>(speakers)).not.toContain('袁宏永');
    await restored.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('导出与导入')).click()`);
    await restored.waitForPage(`!!document.querySelector('.export-panel')`);
    await restored.waitForPage(`!!document.querySelector('.import input')`);
    // An empty library re-reads itself after the import: the report must survive that (it did not).
    await restored.chooseFile('.import input[type="file"]', path);
    await restored.waitForPage(`document.querySelector('.export-status').textContent.includes('导入完成')`);
    await restored.evaluate(showSpeakers);
    await restored.waitForPage(`${speakers}.includes('袁宏永')`);
    expect(await restored.evaluate<string>(speakers)).toContain('张三');
    mkdirSync('.output/screenshots', { recursive: true });
    await restored.screenshot('.output/screenshots/library-restored-speakers-firefox.png');
    // The colour's name arrived with the preferences: the colour filter shows it.
    await restored.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('批注与摘录')).click()`);
    await restored.waitForPage(`[...document.querySelectorAll('.filters select option')].some((o) => o.textContent === '粉色：待核实')`);
  });
});

describe.each<BrowserName>(['chromium', 'firefox'])('%s: a broken backup', (name) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launch(name);
  });
  afterAll(async () => harness?.close());

  it('is refused with what is wrong and where, and changes nothing', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`!!document.querySelector('.library-link')`);
    const library = await openLibrary(harness, page);
    const path = join(mkdtempSync(join(tmpdir(), 'anyue-bad-')), 'bad.jsonld');
    writeFileSync(path, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', 'anyue:format': 'anyue-backup', 'anyue:version': 99, items: [] }));
    await library.chooseFile('.import input[type="file"]', path);
    await library.waitForPage(`document.querySelector('.export-status').textContent.includes('未导入')`);
    expect(await library.evaluate(`document.querySelector('.export-status').textContent`)).toMatch(/更新版本的安阅.*请先更新扩展/);
  });
});
