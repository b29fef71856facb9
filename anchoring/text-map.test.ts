import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../sites/html-document';
import { buildTextMap, pointAt, rangeFor, textOffsetAtBoundary } from './text-map';

const body = (html: string) => parseHtmlDocument(`<html><body>${html}</body></html>`, 'https://zaihaifangyu.cn/1.html').body;

describe('buildTextMap', () => {
  it('joins inline text and separates blocks by one virtual newline', () => {
    const map = buildTextMap(body('<p>应急<strong>管理</strong>部</p>\n  <p>李<em>明</em>说</p><div><p>三</p></div>'));
    expect(map.text).toBe('应急管理部\n李明说\n三');
    expect(map.segments.map((s) => [s.node.data, s.start])).toEqual([
      ['应急', 0], ['管理', 2], ['部', 4], ['李', 6], ['明', 7], ['说', 8], ['三', 10],
    ]);
  });

  it('leaves out scripts, styles, hidden elements, form controls and excluded elements', () => {
    const map = buildTextMap(
      body('<p>正文<script>var x="脚本"</script><style>p{}</style><span hidden>隐</span><span style="display:none">藏</span><textarea>输入</textarea></p><div class="ad">广告</div>'),
      { exclude: (element) => element.classList.contains('ad') },
    );
    expect(map.text).toBe('正文');
  });

  it('keeps a name split across tags whole, with offsets into each node', () => {
    const map = buildTextMap(body('<p>院长<b>袁</b>宏<i>永</i>致辞</p>'));
    expect(map.text).toBe('院长袁宏永致辞');
    expect(rangeFor(map, 2, 5)!.toString()).toBe('袁宏永');
  });

  it('is empty for an empty root', () => {
    expect(buildTextMap(body(''))).toEqual({ text: '', segments: [] });
  });
});

describe('pointAt and rangeFor', () => {
  const map = buildTextMap(body('<p>甲乙</p><p>丙丁</p>'));
  it('moves a start on a virtual break into the next node, an end back into the previous one', () => {
    expect(map.text).toBe('甲乙\n丙丁');
    expect(pointAt(map, 2, 'start')).toMatchObject({ offset: 0 });
    expect(pointAt(map, 2, 'start')!.node.data).toBe('丙丁');
    expect(pointAt(map, 3, 'end')!.node.data).toBe('甲乙');
    expect(pointAt(map, 3, 'end')!.offset).toBe(2);
  });
  it('refuses spans outside the text and empty spans', () => {
    expect(rangeFor(map, -1, 2)).toBeNull();
    expect(rangeFor(map, 0, 99)).toBeNull();
    expect(rangeFor(map, 2, 2)).toBeNull();
  });
  it('covers every single character exactly', () => {
    for (let i = 0; i < map.text.length; i++) {
      if (map.text[i] === '\n') continue;
      expect(rangeFor(map, i, i + 1)!.toString()).toBe(map.text[i]);
    }
  });
});

describe('textOffsetAtBoundary', () => {
  const root = body('<p>甲乙</p><div class="ad">广告</div><p>丙<b>丁</b></p>');
  const map = buildTextMap(root, { exclude: (element) => element.classList.contains('ad') });
  const [p1, ad, p2] = Array.from(root.children);
  it('reads text-node boundaries directly', () => {
    expect(map.text).toBe('甲乙\n丙丁');
    expect(textOffsetAtBoundary(map, p1!.firstChild!, 1, 'start')).toBe(1);
  });
  it('moves an element boundary to the nearest mapped character', () => {
    expect(textOffsetAtBoundary(map, root, 1, 'start')).toBe(3); // before the ad: next mapped text is 丙
    expect(textOffsetAtBoundary(map, root, 2, 'end')).toBe(2); // after the ad: previous mapped text ends 乙
    expect(textOffsetAtBoundary(map, ad!.firstChild!, 1, 'start')).toBe(3); // inside left-out text
    expect(textOffsetAtBoundary(map, p2!, 2, 'end')).toBe(5);
    expect(textOffsetAtBoundary(map, root, 3, 'start')).toBeNull();
  });
});
