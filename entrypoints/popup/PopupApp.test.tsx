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
});
