// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SitesPanel, type EnabledSite } from './SitesPanel';

// Effects run after a frame; the lists are promises after that.
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('SitesPanel', () => {
  it('lists the enabled sites and gives one back when its switch is turned off', async () => {
    let sites: EnabledSite[] = [
      { site: 'mem.gov.cn', name: '中华人民共和国应急管理部', nameEn: 'Ministry of Emergency Management of the PRC' },
      { site: 'people.com.cn', name: '<b>人民网</b>', nameEn: 'People' },
    ];
    const removed: string[] = [];
    const source = { list: async () => sites, remove: async (site: string) => (removed.push(site), (sites = sites.filter((s) => s.site !== site)), true) };
    const container = document.createElement('div');
    render(<SitesPanel language="zh-CN" source={source} />, container);
    await settle();
    const labels = () => Array.from(container.querySelectorAll('.sites label')).map((label) => label.textContent);
    expect(labels()).toEqual(['在 中华人民共和国应急管理部 上启用 mem.gov.cn', '在 <b>人民网</b> 上启用 people.com.cn']);
    container.querySelector<HTMLInputElement>('.sites input')!.click();
    await settle();
    await settle();
    expect(removed).toEqual(['mem.gov.cn']);
    expect(labels()).toHaveLength(1);
  });

  it('says so when no other site is enabled, in English too', async () => {
    const container = document.createElement('div');
    render(<SitesPanel language="en" source={{ list: async () => [], remove: async () => true }} />, container);
    await settle();
    expect(container.querySelector('.sites-none')!.textContent).toContain('Enable on this site');
  });
});
