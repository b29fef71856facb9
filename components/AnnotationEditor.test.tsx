// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAnnotation } from '../library/test-data';
import type { Message } from '../messaging/protocol';
import { AnnotationEditor } from './AnnotationEditor';
import { NOTE_SAVE_DELAY_MS } from './use-note-draft';

const text = '要坚持人民至上、生命至上,统筹发展和安全。';

function mount(annotation: ReturnType<typeof makeAnnotation>) {
  const calls: unknown[] = [];
  const bases: unknown[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <ul>
      <AnnotationEditor
        annotation={annotation}
        language="zh-CN"
        update={(id, changes, noteBase) => {
          calls.push(['update', id, changes]);
          bases.push(noteBase);
          return Promise.resolve(null);
        }}
        remove={(id) => calls.push(['remove', id])}
        resolve={(message: Message) => calls.push(message)}
        copy={(value) => calls.push(['copy', value])}
      />
    </ul>,
    container,
  );
  return { container, calls, bases };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('AnnotationEditor', () => {
  it('shows a sync conflict as text and resolves it either way', async () => {
    const base = makeAnnotation({ text, quote: '人民至上、生命至上', note: '本机的批注' });
    const { container, calls } = mount({ ...base, conflicts: [{ field: 'note', value: '<b>另一台</b>的批注', stamp: 's' }] });
    expect(container.querySelector('.conflict-value')!.textContent).toBe('<b>另一台</b>的批注');
    expect(container.querySelectorAll('.conflict b').length).toBe(0);
    const [useOther, keepMine] = Array.from(container.querySelectorAll<HTMLButtonElement>('.conflict button'));
    await act(() => useOther!.click());
    await act(() => keepMine!.click());
    expect(calls).toEqual([
      { type: 'annotations/resolve-conflict', id: base.id, field: 'note', value: '<b>另一台</b>的批注' },
      { type: 'annotations/resolve-conflict', id: base.id, field: 'note', value: '本机的批注' },
    ]);
  });

  it('saves the typed note and tags on blur, split as the reader means them', async () => {
    const base = makeAnnotation({ text, quote: '统筹发展和安全' });
    const { container, calls } = mount(base);
    const note = container.querySelector<HTMLTextAreaElement>('.note')!;
    const tags = container.querySelector<HTMLInputElement>('.tags')!;
    await act(() => {
      note.value = '要点';
      note.dispatchEvent(new Event('input', { bubbles: true }));
      note.dispatchEvent(new Event('blur'));
      tags.value = '#防汛，应急、 防汛';
      tags.dispatchEvent(new Event('input', { bubbles: true }));
      tags.dispatchEvent(new Event('blur'));
    });
    expect(calls).toEqual([
      ['update', base.id, { note: '要点' }],
      ['update', base.id, { tags: ['防汛', '应急'] }],
    ]);
    expect(container.querySelector('.conflict')).toBeNull();
  });

  const typeNote = (container: HTMLElement, value: string) => {
    const note = container.querySelector<HTMLTextAreaElement>('.note')!;
    note.value = value;
    note.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('saves while the reader types, after a pause, not only on blur, and sends the version the draft started from', async () => {
    vi.useFakeTimers();
    const base = makeAnnotation({ text, quote: '统筹发展和安全', note: '旧' });
    const { container, calls, bases } = mount(base);
    await act(() => typeNote(container, '新的要点'));
    expect(calls).toEqual([]);
    await act(() => void vi.advanceTimersByTime(NOTE_SAVE_DELAY_MS - 1));
    expect(calls).toEqual([]);
    await act(() => void vi.advanceTimersByTime(1));
    expect(calls).toEqual([['update', base.id, { note: '新的要点' }]]);
    expect(bases).toEqual([base.stamps.note]);
  });

  it('saves a draft when the page is hidden or closed', async () => {
    const base = makeAnnotation({ text, quote: '统筹发展和安全' });
    const { container, calls } = mount(base);
    await act(() => typeNote(container, '关标签页前写的'));
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    await act(() => void document.dispatchEvent(new Event('visibilitychange')));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await act(() => typeNote(container, '再改一次'));
    await act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(calls).toEqual([
      ['update', base.id, { note: '关标签页前写的' }],
      ['update', base.id, { note: '再改一次' }],
    ]);
  });

  it('keeps what the reader is typing when a newer version of the note arrives', async () => {
    const base = makeAnnotation({ text, quote: '统筹发展和安全', note: '旧' });
    const { container } = mount(base);
    await act(() => typeNote(container, '我正在写'));
    const remote = { ...base, note: '另一台设备写的', stamps: { ...base.stamps, note: '1999999999999:00000:other' } };
    render(
      <ul>
        <AnnotationEditor annotation={remote} language="zh-CN" update={() => Promise.resolve(null)} remove={() => undefined} resolve={() => undefined} copy={() => undefined} />
      </ul>,
      container,
    );
    expect(container.querySelector<HTMLTextAreaElement>('.note')!.value).toBe('我正在写');
  });
});
