// Restoring a 200,000-annotation backup (the most a backup may hold) through the library page of the built
// extension, in real Chromium and Firefox ESR: the reader chooses the file, the page reads and checks it,
// then sends it to the background in slices. Prints the time until the page says it is done, the records
// the database then holds, and (Chromium) the library page's JS heap, sampled while it runs.
// RESTORE_COUNT=20000 npm run bench -- restore  for a quicker run.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBackup } from '../../exporters/web-annotation';
import { generateDataSet } from '../fixtures/exporters/generate';
import { launch, type BrowserName, type TestPage } from '../e2e/browsers';

const COUNT = Number(process.env.RESTORE_COUNT ?? 200_000);
const BROWSERS = (process.env.RESTORE_BROWSERS?.split(',') ?? ['chromium', 'firefox']) as BrowserName[];
const TIMEOUT_MS = 40 * 60_000;

const path = join(mkdtempSync(join(tmpdir(), 'anyue-restore-')), 'backup.jsonld');
{
  const { annotations, articles } = generateDataSet(COUNT, 1_000, 13);
  writeFileSync(path, exportBackup(annotations, articles, { generated: Date.UTC(2026, 10, 28) }));
  console.log(`backup: ${COUNT.toLocaleString()} annotations, ${articles.length} articles, ${(Buffer.byteLength(JSON.stringify(annotations)) / 1e6).toFixed(0)} MB of records`);
}

const countIn = (library: TestPage, store: string) =>
  library.evaluate<number>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('anyue');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(${JSON.stringify(store)}).objectStore(${JSON.stringify(store)}).count();
      request.onsuccess = () => { open.result.close(); resolve(request.result); };
      request.onerror = () => reject(request.error);
    };
  })`);

const figures: string[] = [];
const notes: string[] = [];
for (const name of BROWSERS) {
  const harness = await launch(name);
  try {
    const page = await harness.browser.newPage();
    await page.goto('http://zaihaifangyu.cn/5288.html');
    await page.waitInSidebar(`!!document.querySelector('.library-link')`);
    const library = await harness.browser.pageOpenedBy(() => page.evaluateInSidebar(`document.querySelector('.library-link').click()`), 'library.html');
    await library.waitForPage(`document.querySelector('.result-count')?.textContent.includes('条')`);
    await library.evaluate(`[...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.includes('导出与导入')).click()`);
    await library.waitForPage(`!!document.querySelector('.export-panel')`);
    const started = Date.now();
    await library.chooseFile('.import input[type="file"]', path);
    let peak = 0;
    let status = '';
    let lastPrinted = 0;
    while (Date.now() - started < TIMEOUT_MS) {
      const sample = await library.evaluate<{ status: string; heap: number }>(`({ status: document.querySelector('.export-status').textContent, heap: performance.memory?.usedJSHeapSize ?? 0 })`);
      status = sample.status;
      peak = Math.max(peak, sample.heap);
      if (/导入完成|未导入|中断/.test(status)) break;
      if (Date.now() - lastPrinted > 30_000) {
        console.log(`  ${name} ${((Date.now() - started) / 1000).toFixed(0)} s: ${status.split('\n')[0]}`);
        lastPrinted = Date.now();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (Date.now() - started) / 1000;
    const stored = await countIn(library, 'annotations');
    const done = status.includes('导入完成') && stored === COUNT;
    figures.push(`${name} ${done ? `${seconds.toFixed(0)} s` : `failed (${seconds.toFixed(0)} s: ${status.split('\n').slice(0, 2).join(' ')}; ${stored} stored)`}`);
    notes.push(`${name}: ${stored.toLocaleString()} annotations in the database; page said “${status.split('\n')[0]}”${peak ? `; library page JS heap peak (sampled) ${(peak / 1024 / 1024).toFixed(0)} MB` : '; peak memory not measurable here (no performance.memory)'}`);
  } finally {
    await harness.close();
  }
}
for (const note of notes) console.log(note);
console.log(`restore ${COUNT}: ${figures.join(', ')}`);
