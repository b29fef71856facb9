// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SyncPanel } from './SyncPanel';

async function mount(language: 'zh-CN' | 'en') {
  const container = document.createElement('div');
  document.body.append(container);
  const send = async () => ({ ok: true, status: { lastAttemptAt: null, lastSuccessAt: null, pendingChanges: 0, lastError: null, retryNotBefore: null, lastReport: null }, settings: null });
  await act(() => render(<SyncPanel language={language} send={send} requestPermission={async () => true} />, container));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return container;
}

async function typeUrl(container: HTMLElement, url: string) {
  const input = container.querySelector<HTMLInputElement>('input[name="url"]')!;
  await act(() => {
    input.value = url;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('SyncPanel', () => {
  it('warns, in plain words, that an http:// server would carry the password unencrypted', async () => {
    const container = await mount('zh-CN');
    await typeUrl(container, 'https://dav.jianguoyun.com/dav/');
    expect(container.querySelector('.warning')).toBeNull();
    await typeUrl(container, 'http://dav.example.com/dav/');
    expect(container.querySelector('.warning')!.textContent).toContain('明文');
    await typeUrl(container, 'http://127.0.0.1:8080/dav/');
    expect(container.querySelector('.warning')).toBeNull();
  });

  it('says it in English too', async () => {
    const container = await mount('en');
    await typeUrl(container, 'http://nas.example.org/');
    expect(container.querySelector('.warning')!.textContent).toContain('plain text');
  });

  it('does not show sync as on before a server is set up, and names the WebDAV services in the reader\'s language', async () => {
    const container = await mount('en');
    const enabled = () => container.querySelector<HTMLInputElement>('input[name="enabled"]')!;
    expect(enabled().checked).toBe(false);
    expect(enabled().disabled).toBe(true);
    expect(container.querySelector('.sync-form fieldset')!.textContent).not.toContain('（');
    await typeUrl(container, 'https://dav.example.org/dav/');
    expect(enabled().checked).toBe(true);
    expect(enabled().disabled).toBe(false);
  });
});
