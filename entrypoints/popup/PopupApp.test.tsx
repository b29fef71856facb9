// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../records/article';
import { PopupApp } from './PopupApp';

const article = (key: string, title: string, url: string): ArticleRecord => ({
  key, postId: '1', url, title, categories: [], publishedAt: null, author: null, source: null, textLength: 1, firstReadAt: 0, lastReadAt: 0, readCount: 1,
});

describe('PopupApp', () => {
  it('lists recent articles as text with http(s) links only, and opens the library', () => {
    const container = document.createElement('div');
    let opened = 0;
    render(
      <PopupApp
        language="zh-CN"
        annotationCount={12}
        sync={{ status: { lastAttemptAt: 1, lastSuccessAt: null, pendingChanges: 3, lastError: { kind: 'auth', message: 'HTTP 401', status: 401 }, retryNotBefore: null, lastReport: null }, enabled: true }}
        recent={[article('a/1', '<b>标题一</b>', 'https://zaihaifangyu.cn/1.html'), article('a/2', '标题二', 'javascript:alert(1)')]}
        openLibrary={() => (opened += 1)}
      />,
      container,
    );
    const links = Array.from(container.querySelectorAll('.recent a'));
    expect(links.map((a) => a.textContent)).toEqual(['<b>标题一</b>', '标题二']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://zaihaifangyu.cn/1.html', null]);
    expect(container.querySelector('.stats')!.textContent).toContain('12');
    expect(container.querySelector('.sync-line')!.textContent).toContain('待同步的更改：3');
    expect(container.querySelector('.error')!.textContent).toContain('用户名或密码不正确');
    container.querySelector<HTMLButtonElement>('.open-library')!.click();
    expect(opened).toBe(1);
  });

  it('offers to enable a built-in site that is not enabled, and says so once it is', async () => {
    const container = document.createElement('div');
    let asked = 0;
    let answer = false;
    const site = { name: '中华人民共和国应急管理部', nameEn: 'Ministry of Emergency Management of the PRC', enabled: false };
    render(
      <PopupApp language="zh-CN" annotationCount={0} sync={null} recent={[]} openLibrary={() => undefined} site={site} enableSite={async () => (asked += 1, answer)} />,
      container,
    );
    const button = container.querySelector<HTMLButtonElement>('.enable-site-button')!;
    expect(button.textContent).toBe('在此网站启用');
    expect(container.querySelector('.enable-site')!.textContent).toContain('中华人民共和国应急管理部');
    button.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toBe(1);
    expect(container.querySelector('.error')!.textContent).toContain('没有获得权限');
    answer = true;
    container.querySelector<HTMLButtonElement>('.enable-site-button')!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(container.querySelector('.enable-site')).toBeNull();
    expect(container.querySelector('.site-status')!.textContent).toBe('已在 中华人民共和国应急管理部 上启用。');
  });

  it('speaks English and offers nothing on pages of no built-in site', () => {
    const container = document.createElement('div');
    const site = { name: '中华人民共和国应急管理部', nameEn: 'Ministry of Emergency Management of the PRC', enabled: false };
    render(<PopupApp language="en" annotationCount={0} sync={null} recent={[]} openLibrary={() => undefined} site={site} />, container);
    expect(container.querySelector('.enable-site-button')!.textContent).toBe('Enable on this site');
    expect(container.querySelector('.enable-site')!.textContent).toContain('Ministry of Emergency Management');
    render(<PopupApp language="en" annotationCount={0} sync={null} recent={[]} openLibrary={() => undefined} site={{ ...site, enabled: true }} />, document.createElement('div'));
    const none = document.createElement('div');
    render(<PopupApp language="en" annotationCount={0} sync={null} recent={[]} openLibrary={() => undefined} />, none);
    expect(none.querySelector('.enable-site, .site-status')).toBeNull();
  });
});
