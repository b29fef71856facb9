import { it } from 'vitest';
import { launch } from './browsers';
it('debug', async () => {
  const h = await launch('chromium');
  const page = await h.browser.newPage();
  await page.setViewport(1024, 900);
  await page.goto('http://zaihaifangyu.cn/5288.html');
  await page.waitInSidebar(`document.querySelectorAll('.speaker-name').length > 0`);
  console.log('DBG', await page.evaluate(`JSON.stringify({ cw: document.documentElement.clientWidth, iw: innerWidth, mr: document.documentElement.style.cssText, main: document.querySelector('.entry-content').getBoundingClientRect().right, body: document.body.getBoundingClientRect().right })`));
  await page.screenshot('.output/screenshots/dbg.png');
  await h.close();
}, 60000);
