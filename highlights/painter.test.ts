// The <mark> fallback, for browsers without the CSS Custom Highlight API (happy-dom has none either).
// The Highlight API path runs in the real-browser tests.
import { describe, expect, it } from 'vitest';
import { buildTextMap } from '../anchoring/text-map';
import { parseHtmlDocument } from '../sites/html-document';
import type { PaintSpan } from './layers';
import { createPainter } from './painter';

function setUp(html: string) {
  const doc = parseHtmlDocument(`<html><head></head><body><div id="a">${html}</div></body></html>`, 'https://zaihaifangyu.cn/1.html');
  const root = doc.getElementById('a')!;
  return { doc, root, map: buildTextMap(root) };
}

describe('the <mark> fallback painter', () => {
  it('wraps spans across inline tags without changing the text, nesting overlapping styles', () => {
    const { doc, root, map } = setUp('<p>袁宏<b>永</b>强调,要坚持总体国家安全观。</p>');
    const spans: PaintSpan[] = [
      { start: 0, end: 3, style: 'speaker', ref: 0 },
      { start: 6, end: 17, style: 'quote', ref: 0 },
      { start: 9, end: 16, style: 'phrase-doctrine', ref: 0 },
    ];
    const painter = createPainter(doc);
    expect(painter.paint(spans, map)).toBe(true);
    expect(root.textContent).toBe('袁宏永强调,要坚持总体国家安全观。');
    expect(Array.from(root.querySelectorAll('mark[data-anyue="speaker"]')).map((m) => m.textContent).join('')).toBe('袁宏永');
    const phrase = root.querySelector('mark[data-anyue="phrase-doctrine"]')!;
    expect(phrase.textContent).toBe('总体国家安全观');
    expect(phrase.parentElement!.dataset.anyue).toBe('quote');
    expect(painter.counts()).toEqual({ speaker: 2, quote: 3, 'phrase-doctrine': 1 });
    // The text is unchanged, so a map built again reads the same text.
    expect(buildTextMap(root).text).toBe(map.text);
  });

  it('hides a switched-off layer and clears back to the original text', () => {
    const { doc, root, map } = setUp('<p>李明说,安全生产。</p>');
    const painter = createPainter(doc);
    painter.paint([{ start: 0, end: 2, style: 'speaker', ref: 0 }, { start: 4, end: 8, style: 'phrase-domain', ref: 0 }], map);
    painter.setLayers({ speakers: false, quotes: true, phrases: true });
    expect(root.querySelector('mark[data-anyue="speaker"]')!.hasAttribute('hidden-layer')).toBe(true);
    expect(painter.counts()).toEqual({ 'phrase-domain': 1 });
    painter.clear();
    expect(root.querySelectorAll('mark').length).toBe(0);
    expect(root.innerHTML).toBe('<p>李明说,安全生产。</p>');
  });

  it('adds one stylesheet of its own to the document', () => {
    const { doc } = setUp('<p>x</p>');
    createPainter(doc);
    expect(doc.querySelectorAll('style[data-anyue="highlights"]').length).toBe(1);
  });
});
