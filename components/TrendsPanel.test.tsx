// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { trendFixture } from '../library/test-data';
import type { Message } from '../messaging/protocol';
import { TrendsPanel } from './TrendsPanel';

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('TrendsPanel', () => {
  it('shows a phrase per month (the table holds the chart\u2019s figures) and lists a month\u2019s articles as links back', async () => {
    const { articles, analyses } = trendFixture();
    const sent: Message[] = [];
    const container = document.createElement('div');
    render(<TrendsPanel language="zh-CN" analyses={analyses} articles={articles} send={async (m) => (sent.push(m), { ok: true })} />, container);
    await settle();
    // The most frequent phrase comes first.
    expect(container.querySelector<HTMLSelectElement>('.trend-phrase')!.value).toBe('防汛救灾');
    const rows = Array.from(container.querySelectorAll('.trend-data tbody tr')).map((row) => Array.from(row.children).map((cell) => cell.textContent));
    expect(rows).toEqual([['2024-01', '2'], ['2024-02', '0'], ['2024-03', '5']]);
    expect(container.querySelector('.trend-undated summary')!.textContent).toBe('未注明发布日期的文章：共 5 次（1 篇）');
    container.querySelectorAll<HTMLButtonElement>('.trend-month')[2]!.click();
    await settle();
    const links = Array.from(container.querySelectorAll<HTMLAnchorElement>('.trend-picked a'));
    expect(links.map((a) => a.textContent)).toEqual(['文章3', '文章2']);
    links[0]!.click();
    await settle();
    expect(sent[0]).toMatchObject({ type: 'library/open-passage', articleKey: 'mem.gov.cn/3', passage: { kind: 'text', length: 4 } });
  });

  it('follows a speaker with the change of title marked, and says when there is nothing yet', async () => {
    const { articles, analyses } = trendFixture();
    const container = document.createElement('div');
    render(<TrendsPanel language="en" analyses={analyses} articles={articles} send={async () => ({ ok: true })} />, container);
    await settle();
    const speakerMode = Array.from(container.querySelectorAll('label')).find((label) => label.textContent!.includes('One speaker'))!.querySelector('input')!;
    speakerMode.click();
    await settle();
    const items = Array.from(container.querySelectorAll('.speaker-timeline > li'));
    expect(items.map((li) => li.querySelector('.timeline-date')!.textContent)).toEqual(['2024-01-15', '2024-03-02', 'undated']);
    expect(items.map((li) => li.classList.contains('descriptor-changed'))).toEqual([false, true, true]);
    const empty = document.createElement('div');
    render(<TrendsPanel language="en" analyses={[]} articles={new Map()} send={async () => ({ ok: true })} />, empty);
    expect(empty.textContent).toContain('No trends yet');
  });
});
