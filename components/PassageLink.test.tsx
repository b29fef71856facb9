// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { parseMessage, type Message } from '../messaging/protocol';
import { analysisPassage, PassageLink } from './PassageLink';
import { orphanReasonText } from './page-strings';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('PassageLink', () => {
  it('is a real link whose plain click asks the background for the article tab and the passage', async () => {
    const sent: Message[] = [];
    const host = document.createElement('div');
    render(
      <PassageLink articleKey="zaihaifangyu.cn/5288" url="https://zaihaifangyu.cn/5288.html" passage={{ kind: 'annotation', id: '0699962f-f624-4db0-a798-7efafafdc57e' }} send={async (m) => (sent.push(m), { ok: true })}>
        引文
      </PassageLink>,
      host,
    );
    const link = host.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://zaihaifangyu.cn/5288.html');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    await settle();
    expect(click.defaultPrevented).toBe(true);
    expect(sent).toEqual([{ type: 'library/open-passage', articleKey: 'zaihaifangyu.cn/5288', url: 'https://zaihaifangyu.cn/5288.html', passage: { kind: 'annotation', id: '0699962f-f624-4db0-a798-7efafafdc57e' } }]);
    expect(parseMessage(sent[0]).ok).toBe(true);
  });

  it('never makes a link of a non-web address', () => {
    const host = document.createElement('div');
    render(
      <PassageLink articleKey="zaihaifangyu.cn/5288" url="javascript:alert(1)" passage={null} send={async () => ({ ok: true })}>
        标题
      </PassageLink>,
      host,
    );
    expect(host.querySelector('a')).toBeNull();
    expect(host.textContent).toBe('标题');
  });
});

describe('analysisPassage', () => {
  it('finds a speaker passage again by its opening words, and flashes the whole passage', () => {
    const passage = analysisPassage(120, 260, '源头治理是关键,把隐患消除在萌芽状态…');
    expect(passage).toEqual({
      kind: 'text',
      target: { quote: { type: 'TextQuoteSelector', exact: '源头治理是关键,把隐患消除在萌芽状态', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 120, end: 138 } },
      length: 140,
    });
    expect(parseMessage({ type: 'page/show-passage', passage }).ok).toBe(true);
    expect(analysisPassage(5, 5, '')).toBeNull();
  });
});

describe('orphan reasons', () => {
  it('are words in both languages, never the code', () => {
    for (const reason of ['not-found', 'weak-context', 'ambiguous', 'quote-changed', 'invalid-target', 'something-new']) {
      for (const language of ['zh-CN', 'en'] as const) {
        const text = orphanReasonText(reason, language);
        expect(text).not.toContain(reason);
        expect(text.length).toBeGreaterThan(8);
      }
    }
    expect(orphanReasonText('ambiguous', 'zh-CN')).toContain('不止一处');
  });
});
