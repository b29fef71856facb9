// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, SidebarState } from '../../messaging/protocol';
import { makeAnnotation } from '../../library/test-data';
import { SidebarApp } from './SidebarApp';

const highlight = makeAnnotation({ text: '要坚持人民至上、生命至上,统筹发展和安全。', quote: '生命至上', articleKey: 'zaihaifangyu.cn/6666' });

const state: SidebarState = {
  article: {
    key: 'zaihaifangyu.cn/6666',
    postId: '6666',
    url: 'javascript:alert(1)',
    title: '<img src=x onerror=alert(1)>标题',
    categories: ['动态信息'],
    publishedAt: '2024-01-01',
    author: null,
    source: '<b>来源</b>',
    textLength: 100,
  },
  visit: { firstReadAt: 0, lastReadAt: 0, readCount: 3 },
  language: 'zh-CN',
  colourNames: {},
  textSize: 'standard',
  analysis: {
    speakers: [
      {
        name: '张三',
        title: '新闻发言人',
        org: '应急管理部',
        first: { start: 10, end: 12 },
        passages: [{ start: 20, end: 40, via: 'direct', snippet: '<script>alert(2)</script>要守住安全底线' }],
      },
    ],
    people: [{ name: '王五', title: '', org: '', role: 'attendee', first: { start: 50, end: 52 } }],
    phrases: [
      { text: '安全生产', category: 'domain', source: 'lexicon', occurrences: [{ start: 60, end: 64 }, { start: 70, end: 74 }] },
    ],
  },
  layers: { speakers: true, quotes: true, phrases: true },
  corrections: [],
  annotations: [highlight],
  anchors: {},
  focus: null,
};

let container: HTMLElement;
let sent: Message[];
/** What the page's content script answers when asked whether the sidebar is visibly shown. */
let shown = true;
const messenger = async (message: Message) => {
  sent.push(message);
  if (message.type === 'sidebar/get-state') return { ok: true, state };
  if (message.type === 'page/reveal') return { ok: true, found: true };
  if (message.type === 'sidebar/check-shown') return { ok: true, shown };
  return { ok: true };
};
const subscribe = () => () => undefined;
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

beforeEach(async () => {
  sent = [];
  shown = true;
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<SidebarApp messenger={messenger} subscribe={subscribe} />, container));
  await flush();
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('SidebarApp', () => {
  it('deletes only while the page shows the sidebar as drawn (a faded or covered sidebar refuses, and says so)', async () => {
    const notesTab = () => Array.from(container.querySelectorAll<HTMLButtonElement>('[role="tab"]')).find((tab) => tab.id === 'tab-notes')!;
    await act(() => notesTab().click());
    const deleteButton = () => container.querySelector<HTMLButtonElement>('.annotation .delete')!;
    shown = false;
    await act(() => deleteButton().click());
    await flush();
    expect(sent.filter((m) => m.type === 'annotations/delete')).toEqual([]);
    expect(sent.some((m) => m.type === 'sidebar/check-shown')).toBe(true);
    expect(container.querySelector('.notice')!.textContent).toContain('未完整显示');
    shown = true;
    await act(() => deleteButton().click());
    await flush();
    expect(sent.filter((m) => m.type === 'annotations/delete')).toEqual([{ type: 'annotations/delete', id: highlight.id }]);
  });

  it('renders page text as text, never as markup, and links only http(s)', () => {
    expect(container.querySelector('.article-title')!.textContent).toBe('<img src=x onerror=alert(1)>标题');
    expect(container.querySelector('.passage')!.textContent).toBe('<script>alert(2)</script>要守住安全底线');
    expect(container.querySelectorAll('img, script, b').length).toBe(0);
    expect(container.querySelector('.article-link')!.getAttribute('href')).toBeNull();
  });

  it('moves between tabs with the arrow keys, keeping one tab in the tab order', async () => {
    const tabs = () => Array.from(container.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    expect(tabs().map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false']);
    await act(() => void tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    await act(() => void tabs()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(tabs().map((tab) => tab.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false']);
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([-1, -1, 0, -1]);
    expect(document.activeElement).toBe(tabs()[2]);
    expect(container.querySelector('[role="tabpanel"]')!.textContent).toContain('安全生产');
    await act(() => void tabs()[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    await act(() => void tabs()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    await act(() => void tabs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(tabs()[3]!.getAttribute('aria-selected')).toBe('true');
  });

  it('asks the page to reveal a passage, and steps through a phrase\'s occurrences', async () => {
    await act(() => container.querySelector<HTMLButtonElement>('.passage')!.click());
    expect(sent).toContainEqual({ type: 'page/reveal', start: 20, end: 40 });
    await act(() => container.querySelectorAll<HTMLButtonElement>('[role="tab"]')[2]!.click());
    const phrase = () => container.querySelector<HTMLButtonElement>('.phrase-text')!;
    await act(() => phrase().click());
    await act(() => phrase().click());
    await act(() => phrase().click());
    expect(sent.filter((m) => m.type === 'page/reveal').slice(1)).toEqual([
      { type: 'page/reveal', start: 60, end: 64 },
      { type: 'page/reveal', start: 70, end: 74 },
      { type: 'page/reveal', start: 60, end: 64 },
    ]);
  });

  it('sends corrections: not a speaker, a fixed title, an added term', async () => {
    const buttons = () => Array.from(container.querySelectorAll<HTMLButtonElement>('.actions button'));
    await act(() => buttons()[0]!.click());
    expect(sent).toContainEqual({ type: 'corrections/add', correction: { kind: 'not-speaker', name: '张三' } });
    await act(() => buttons()[1]!.click());
    const inputs = container.querySelectorAll<HTMLInputElement>('.fix-form input');
    await act(() => {
      inputs[1]!.value = '司长';
      inputs[1]!.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => void container.querySelector<HTMLFormElement>('.fix-form')!.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(sent).toContainEqual({
      type: 'corrections/add',
      correction: { kind: 'fix-person', name: '张三', fixedName: '张三', title: '司长', org: '应急管理部' },
    });
  });

  it('switches a layer and the UI language', async () => {
    await act(() => container.querySelector<HTMLInputElement>('input[name="layer-quotes"]')!.click());
    expect(sent).toContainEqual({ type: 'highlights/set-layers', layers: { speakers: true, quotes: false, phrases: true } });
    const select = container.querySelector<HTMLSelectElement>('header select')!;
    await act(() => {
      select.value = 'en';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(sent).toContainEqual({ type: 'preferences/set-language', language: 'en' });
    expect(container.querySelector('[role="tab"]')!.textContent).toContain('Speakers');
    expect(document.documentElement.lang).toBe('en');
  });
});
