// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountNotice, NOTICE_MS } from './notice';

describe('the in-page notice', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.documentElement.querySelectorAll('anyue-notice').forEach((host) => host.remove());
  });

  const root = () => document.querySelector('anyue-notice')!.shadowRoot!;

  it('says its words politely, as text, and goes away by itself', () => {
    const notice = mountNotice(document, () => '关闭提示', 'open');
    expect(document.querySelector('anyue-notice')).toBeNull();
    notice.show('orphan', '<img src=x onerror=alert(1)>没能找到', 'problem');
    const box = root().querySelector<HTMLElement>('.notice')!;
    expect(box.getAttribute('aria-live')).toBe('polite');
    expect(box.getAttribute('role')).toBe('status');
    expect(box.hidden).toBe(false);
    // Page-derived or not, the words never become markup.
    expect(root().querySelector('img')).toBeNull();
    expect(root().querySelector('.text')!.textContent).toBe('<img src=x onerror=alert(1)>没能找到');
    expect(root().querySelector('button')!.getAttribute('aria-label')).toBe('关闭提示');
    expect(document.querySelector<HTMLElement>('anyue-notice')!.dataset.notice).toBe('orphan');
    vi.advanceTimersByTime(NOTICE_MS.problem + 1);
    expect(box.hidden).toBe(true);
    expect(document.querySelector<HTMLElement>('anyue-notice')!.dataset.notice).toBeUndefined();
  });

  it('shows the latest notice for its own full time, and closes on its button', () => {
    const notice = mountNotice(document, () => 'Close', 'open');
    notice.show('copied', 'Copied.');
    vi.advanceTimersByTime(NOTICE_MS.info - 500);
    notice.show('duplicate', 'Already highlighted.');
    vi.advanceTimersByTime(1_000);
    const box = root().querySelector<HTMLElement>('.notice')!;
    expect(box.hidden).toBe(false);
    expect(root().querySelector('.text')!.textContent).toBe('Already highlighted.');
    root().querySelector('button')!.click();
    expect(box.hidden).toBe(true);
  });

  it('comes back when the page removed its host', () => {
    const notice = mountNotice(document, () => 'Close', 'open');
    notice.show('copied', 'Copied.');
    document.querySelector('anyue-notice')!.remove();
    notice.show('too-long', 'Too long.');
    expect(root().querySelector('.text')!.textContent).toBe('Too long.');
  });

  it('keeps its words out of the page\'s reach in a closed root', () => {
    mountNotice(document, () => 'Close').show('save-failed', 'Not saved.');
    expect(document.querySelector('anyue-notice')!.shadowRoot).toBeNull();
  });
});
