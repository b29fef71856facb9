// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { looksLikeMarkdown, parseInline, parseNoteMarkdown } from './note-markdown';
import { NoteText } from './NoteText';

const rendered = (note: string) => {
  const container = document.createElement('div');
  render(<NoteText note={note} />, container);
  return container;
};

describe('Markdown notes', () => {
  it('render headings, lists, quotes, code, emphasis and links', () => {
    const html = rendered('# 要点\n\n- **应急响应**提级\n- 见 [通知](https://www.mem.gov.cn/a.html)\n\n> 原话\n\n1. 一\n2. 二\n\n```\ncode <b>\n```\n\n普通*强调*与`代码`').innerHTML;
    expect(html).toContain('<h4>要点</h4>');
    expect(html).toContain('<ul><li><strong>应急响应</strong>提级</li><li>见 <a href="https://www.mem.gov.cn/a.html" target="_blank" rel="noopener noreferrer">通知</a></li></ul>');
    expect(html).toContain('<blockquote>原话</blockquote>');
    expect(html).toContain('<ol><li>一</li><li>二</li></ol>');
    expect(html).toContain('<pre><code>code &lt;b&gt;</code></pre>');
    expect(html).toContain('<p>普通<em>强调</em>与<code>代码</code></p>');
  });

  it('never turn a note\u2019s HTML into markup, nor a non-http link into a link', () => {
    const container = rendered('<img src=x onerror=alert(1)> **<script>alert(2)</script>**\n[点我](javascript:alert(3)) [数据](data:text/html,x)');
    expect(container.querySelectorAll('img, script').length).toBe(0);
    expect(container.querySelectorAll('a').length).toBe(0);
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.textContent).toContain('[点我](javascript:alert(3))');
    expect(container.querySelector('strong')!.textContent).toBe('<script>alert(2)</script>');
  });

  it('tell Markdown from plain notes, and stay bounded on hostile input', () => {
    expect(looksLikeMarkdown('今天的会议很重要')).toBe(false);
    expect(looksLikeMarkdown('3*4=12 的算式')).toBe(false);
    for (const note of ['- 一条', '**重点**', '# 标题', '> 引', '见 [链接](https://a.cn)']) expect(looksLikeMarkdown(note), note).toBe(true);
    expect(parseInline('*'.repeat(5000)).length).toBeGreaterThan(0);
    expect(parseNoteMarkdown('```\n'.repeat(3) + 'x'.repeat(50_000)).length).toBeGreaterThan(0);
  });
});
