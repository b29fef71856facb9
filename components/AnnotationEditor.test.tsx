// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../library/test-data';
import type { Message } from '../messaging/protocol';
import { AnnotationEditor } from './AnnotationEditor';

const text = '要坚持人民至上、生命至上,统筹发展和安全。';

function mount(annotation: ReturnType<typeof makeAnnotation>) {
  const calls: unknown[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <ul>
      <AnnotationEditor
        annotation={annotation}
        language="zh-CN"
        update={(id, changes) => calls.push(['update', id, changes])}
        remove={(id) => calls.push(['remove', id])}
        resolve={(message: Message) => calls.push(message)}
        copy={(value) => calls.push(['copy', value])}
      />
    </ul>,
    container,
  );
  return { container, calls };
}

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
});
