// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountSidebarFrame } from './sidebar-frame';

/** The frame's closed shadow root, caught as it is attached (the page never gets it). */
function mountWithRoot(width = 380) {
  const attach = Element.prototype.attachShadow;
  let root: ShadowRoot | null = null;
  const spy = vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = attach.call(this, init);
    return root;
  });
  // happy-dom loads no frames, and says so on the console.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const sidebar = mountSidebarFrame(document, 'about:blank', 'token', true, 'en', width);
  spy.mockRestore();
  quiet.mockRestore();
  const edge = root!.querySelector<HTMLElement>('[role="separator"]')!;
  const frame = root!.querySelector('iframe')!;
  return { sidebar, edge, frame };
}

afterEach(() => {
  document.documentElement.replaceChildren(document.createElement('head'), document.createElement('body'));
  document.documentElement.removeAttribute('style');
});

describe('the sidebar frame\u2019s resize edge', () => {
  it('is a named, focusable vertical separator that says the width now', () => {
    const { edge, frame, sidebar } = mountWithRoot(420);
    expect(edge.tabIndex).toBe(0);
    expect(edge.getAttribute('aria-orientation')).toBe('vertical');
    expect(edge.getAttribute('aria-label')).toBe('Sidebar width');
    expect(edge.getAttribute('aria-valuenow')).toBe('420');
    expect(edge.getAttribute('aria-valuemin')).toBe('300');
    expect(Number(edge.getAttribute('aria-valuemax'))).toBeGreaterThanOrEqual(420);
    expect(frame.style.width).toBe('420px');
    expect(sidebar.width).toBe(420);
    sidebar.setLanguage('zh-CN');
    expect(edge.getAttribute('aria-label')).toBe('调整侧栏宽度');
  });

  it('ignores key and pointer events a script made (not the reader\u2019s)', () => {
    const { edge, frame, sidebar } = mountWithRoot();
    const resized = vi.fn();
    sidebar.onReaderResize(resized);
    edge.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
    edge.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 1, button: 0, clientX: 900, bubbles: true }));
    edge.dispatchEvent(new PointerEvent('pointermove', { pointerId: 1, clientX: 100, bubbles: true }));
    edge.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, clientX: 100, bubbles: true }));
    expect(sidebar.width).toBe(380);
    expect(frame.style.width).toBe('380px');
    expect(resized).not.toHaveBeenCalled();
  });

  it('follows a width chosen in another tab, and pushes the page by it while the page keeps room', () => {
    const { frame, sidebar } = mountWithRoot();
    // happy-dom's window is 1024 px wide.
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('380px');
    sidebar.setPreferredWidth(440);
    expect(frame.style.width).toBe('440px');
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('440px');
    // 1024 − 500 leaves less than the page's minimum: the sidebar covers it instead.
    sidebar.setPreferredWidth(500);
    expect(frame.style.width).toBe('500px');
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
    sidebar.setOpen(false);
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
  });
});
