// Speakers and policy phrases, painted in the page and organised in the sidebar, in both real browsers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type Harness, type TestPage } from './browsers';

const PORTAL = 'http://zaihaifangyu.cn';
const SPEAKERS = ['袁宏永', '于立志', '岳清瑞', '徐赵东', '龙卿吉', '魏钰'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Page world: the text of every range of a named highlight (the registry belongs to the document). */
const painted = (style: string) =>
  `(() => { const h = CSS.highlights.get('anyue-${style}'); return h ? [...h].map((r) => r.toString()) : []; })()`;
const speakerNames = `[...document.querySelectorAll('.speaker-name')].map((e) => e.textContent)`;
const clickInSidebar = (selector: string, text?: string) =>
  `(() => { const el = [...document.querySelectorAll(${JSON.stringify(selector)})].find((e) => ${text ? `e.textContent.includes(${JSON.stringify(text)})` : 'true'}); if (!el) return false; el.click(); return true; })()`;

describe.each<BrowserName>(['chromium', 'firefox'])('%s', (name) => {
  let harness: Harness;
  let page: TestPage;

  beforeAll(async () => {
    harness = await launch(name);
    page = await harness.browser.newPage();
  });
  afterAll(async () => harness?.close());

  const openSample = async () => {
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length >= 6`);
  };

  it('lists the six speakers of the sample article and paints their names', async () => {
    await openSample();
    expect(new Set(await page.evaluateInSidebar<string[]>(speakerNames))).toEqual(new Set(SPEAKERS));
    const names = await page.evaluate<string[]>(painted('speaker'));
    for (const speaker of SPEAKERS) expect(names).toContain(speaker);
    expect((await page.evaluate<string[]>(painted('quote'))).length).toBeGreaterThanOrEqual(6);
    expect((await page.evaluate<string[]>(painted('phrase-meeting'))).some((text) => text.includes('十九届五中全会'))).toBe(true);
  });

  it('lists attendees such as 辜胜阻 among other people, not among speakers', async () => {
    await openSample();
    expect(await page.evaluateInSidebar<string[]>(speakerNames)).not.toContain('辜胜阻');
    expect(await page.evaluate<string[]>(painted('speaker'))).not.toContain('辜胜阻');
    expect(await page.evaluateInSidebar(`document.querySelector('.other-people').textContent.includes('辜胜阻')`)).toBe(true);
  });

  it('shows what a highlighted name is under the pointer', async () => {
    await openSample();
    const point = await page.evaluate<{ x: number; y: number }>(`(() => {
      const range = [...CSS.highlights.get('anyue-speaker')].find((r) => r.toString() === '袁宏永');
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    })()`);
    await page.moveTo(point.x, point.y);
    await sleep(300);
    expect(await page.evaluate(`document.querySelector('anyue-card').shadowRoot`)).toBeNull();
    const card = await page.evaluateInClosedRoot<string>('anyue-card', `(root) => root.querySelector('.card').textContent`);
    expect(card).toContain('袁宏永');
    expect(card).toContain('清华大学公共安全研究院');
  });

  it('switches a layer off and on from the sidebar, and remembers it', async () => {
    await openSample();
    await page.evaluateInSidebar(`document.querySelector('input[name="layer-speakers"]').click()`);
    await sleep(400);
    expect(await page.evaluate<string[]>(painted('speaker'))).toEqual([]);
    expect((await page.evaluate<string[]>(painted('phrase-meeting'))).length).toBeGreaterThan(0);
    await openSample();
    await sleep(300);
    expect(await page.evaluate<string[]>(painted('speaker'))).toEqual([]);
    await page.evaluateInSidebar(`document.querySelector('input[name="layer-speakers"]').click()`);
    await sleep(400);
    expect(await page.evaluate<string[]>(painted('speaker'))).toContain('魏钰');
  });

  it('scrolls to a speaker clicked in the sidebar and flashes the name', async () => {
    await openSample();
    await page.evaluate('window.scrollTo(0, 0)');
    expect(await page.evaluateInSidebar(clickInSidebar('.speaker-name', '魏钰'))).toBe(true);
    await sleep(1000);
    expect(await page.evaluate<number>('window.scrollY')).toBeGreaterThan(500);
    expect(await page.evaluate<string[]>(painted('flash'))).toEqual(['魏钰']);
    const visible = await page.evaluate<boolean>(`(() => {
      const rect = [...CSS.highlights.get('anyue-flash')][0].getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= window.innerHeight;
    })()`);
    expect(visible).toBe(true);
  });

  it('steps through the occurrences of a policy phrase', async () => {
    await openSample();
    await page.evaluateInSidebar(clickInSidebar('[role="tab"]', '政策要点') + ' && true');
    await page.waitInSidebar(`document.querySelectorAll('.phrase-text').length > 0`);
    const positions: number[] = [];
    // The term with the most occurrences.
    const busiest = `[...document.querySelectorAll('.phrase-text')].sort((a, b) => Number(b.querySelector('.count').textContent.slice(2)) - Number(a.querySelector('.count').textContent.slice(2)))[0]`;
    expect(await page.evaluateInSidebar<number>(`Number(${busiest}.querySelector('.count').textContent.slice(2))`)).toBeGreaterThan(1);
    for (let i = 0; i < 2; i++) {
      await page.evaluateInSidebar(`${busiest}.click()`);
      await sleep(900);
      positions.push(await page.evaluate<number>(`[...CSS.highlights.get('anyue-flash')][0].getBoundingClientRect().top + window.scrollY`));
    }
    expect(positions[1]).not.toBe(positions[0]);
  });

  it('applies a "not a speaker" correction at once and on the next visit, and undoes it', async () => {
    await openSample();
    await page.evaluateInSidebar(`(() => { const item = [...document.querySelectorAll('.speaker')].find((e) => e.querySelector('.speaker-name').textContent === '魏钰'); item.querySelector('.actions button').click(); })()`);
    await page.waitInSidebar(`!${speakerNames}.includes('魏钰')`);
    expect(await page.evaluate<string[]>(painted('speaker'))).not.toContain('魏钰');
    await page.goto(`${PORTAL}/5288.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length >= 5`);
    await sleep(300);
    expect(await page.evaluateInSidebar<string[]>(speakerNames)).not.toContain('魏钰');
    await page.evaluateInSidebar(clickInSidebar('[role="tab"]', '更正'));
    await page.waitInSidebar(`document.querySelectorAll('.correction').length === 1`);
    await page.evaluateInSidebar(`document.querySelector('.correction button').click()`);
    await page.evaluateInSidebar(clickInSidebar('[role="tab"]', '发言人'));
    await page.waitInSidebar(`${speakerNames}.includes('魏钰')`);
    expect(await page.evaluate<string[]>(painted('speaker'))).toContain('魏钰');
  });

  it('picks up late text without duplicating highlights', async () => {
    await openSample();
    const before = (await page.evaluate<string[]>(painted('speaker'))).filter((n) => n === '袁宏永').length;
    await page.evaluate(`(() => {
      const p = document.createElement('p');
      p.textContent = '会后,应急管理部新闻发言人张卫东表示,要坚持人民至上、生命至上。';
      document.querySelector('.entry-content').append(p);
    })()`);
    await page.waitInSidebar(`${speakerNames}.includes('张卫东')`);
    const after = await page.evaluate<string[]>(painted('speaker'));
    expect(after).toContain('张卫东');
    expect(after.filter((n) => n === '袁宏永').length).toBe(before);
  });

  it('shows hostile names, quotes and phrases as text and runs none of them', async () => {
    await page.goto(`${PORTAL}/6666.html`);
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    const passages = await page.evaluateInSidebar<string>(`[...document.querySelectorAll('.passage')].map((e) => e.textContent).join('|')`);
    expect(passages).toContain('<img src=x onerror="window.__pwned=3">');
    await page.evaluateInSidebar(clickInSidebar('[role="tab"]', '政策要点'));
    await sleep(200);
    expect(await page.evaluateInSidebar(`document.querySelectorAll('main img, main script, main svg, main a[href^="javascript"]').length`)).toBe(0);
    expect(await page.evaluateInSidebar('window.__pwned ?? null')).toBeNull();
    expect(await page.evaluate('window.__pwned ?? null')).toBeNull();
    expect(await page.evaluateInClosedRoot('anyue-card', `(root) => root.querySelectorAll('img, script, svg').length`)).toBe(0);
  });
});
