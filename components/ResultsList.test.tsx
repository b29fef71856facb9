// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { makeAnnotation } from '../library/test-data';
import { FIRST_RESULTS, RESULTS_PAGE, ResultsList } from './ResultsList';
import type { Annotation } from '../records/annotation';

const text = '应急管理部召开会议，部署防汛工作。';
const many = Array.from({ length: 100 }, (_, i) => makeAnnotation({ text, quote: '部署防汛', note: `第${i}条`, createdAt: 1000 + i }));

async function mount(container: HTMLElement, results: Annotation[], searchKey: string, terms: string[] = []) {
  await act(() =>
    render(
      <ResultsList results={results} terms={terms} searchKey={searchKey} language="en" update={async () => null} remove={() => {}} resolve={() => {}} copy={() => {}} />,
      container,
    ),
  );
}
const items = (container: HTMLElement) => container.querySelectorAll('.annotation-list > li').length;

describe('ResultsList', () => {
  it('renders a page at a time; an edit keeps the place, a new search starts at the top', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    await mount(container, many, 'a');
    expect(items(container)).toBe(FIRST_RESULTS);
    await act(() => container.querySelector<HTMLButtonElement>('button.more')!.click());
    expect(items(container)).toBe(FIRST_RESULTS + RESULTS_PAGE);
    // The same search answered again after an edit: a new array, the same key.
    await mount(container, [...many], 'a');
    expect(items(container)).toBe(FIRST_RESULTS + RESULTS_PAGE);
    await mount(container, [...many], 'b');
    expect(items(container)).toBe(FIRST_RESULTS);
  });

  it('marks matches with <mark> around text, never parsing it as HTML', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const hostile = makeAnnotation({ text: '<b>防汛</b> 会议', quote: '<b>防汛</b>', createdAt: 5 });
    await mount(container, [hostile], 'x', ['防汛']);
    const quote = container.querySelector('.quote')!;
    expect([...quote.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['防汛']);
    expect(quote.querySelector('b')).toBeNull();
    expect(quote.textContent).toBe('<b>防汛</b>');
  });
});
