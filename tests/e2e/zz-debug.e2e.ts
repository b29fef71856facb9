import { it } from 'vitest';
import { launch } from './browsers';
it('debug', async () => {
  for (const name of ['chromium', 'firefox'] as const) {
    const h = await launch(name);
    const page = await h.browser.newPage();
    await page.goto('http://zaihaifangyu.cn/5288.html');
    await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
    await new Promise((r) => setTimeout(r, 800));
    console.log(name, JSON.stringify(await page.evaluate(`(() => {
      const host = document.querySelector('anyue-sidebar');
      const st = (e) => { const s = getComputedStyle(e); return [s.opacity, s.visibility, s.display, s.transform, s.filter, s.clipPath, s.mixBlendMode].join('|'); };
      const r = host.getBoundingClientRect();
      return { host: st(host), html: st(document.documentElement), hostRect: [r.left, r.top, r.width, r.height], cw: document.documentElement.clientWidth, iw: innerWidth, ih: innerHeight,
        at: [[0.5,0.5]].map(([fx, fy]) => document.elementFromPoint(innerWidth - 190, innerHeight / 2)?.tagName) };
    })()`)));
    console.log(name, await page.evaluateInSidebar(`chrome.runtime.sendMessage({ type: 'sidebar/check-shown' }).then((r) => JSON.stringify(r))`));
    await h.close();
  }
});
