import { describe, expect, it } from 'vitest';
import { enabledHosts, enabledSites, optionalSiteOfUrl, optionalSitePatterns, optionalSites, patternCovers, planRegistrations, registrationOf, registrationOfHost } from './enabled-sites';
import { PORTAL_MATCHES } from './portal-hosts';

const mem = optionalSites.find((adapter) => adapter.site === 'mem.gov.cn')!;
const people = optionalSites.find((adapter) => adapter.site === 'people.com.cn')!;

describe('optional sites', () => {
  it('are the built-in sites with their own hosts, without the portal', () => {
    expect(optionalSites.map((adapter) => adapter.site)).toEqual(['mem.gov.cn', 'gov.cn', 'people.com.cn', 'news.cn', 'cma.gov.cn', 'mwr.gov.cn']);
    expect(optionalSitePatterns()).toContain('https://www.mem.gov.cn/*');
    expect(optionalSitePatterns().some((pattern) => PORTAL_MATCHES.includes(pattern))).toBe(false);
  });
  it('are found from a page URL', () => {
    expect(optionalSiteOfUrl('https://www.mem.gov.cn/xw/')?.site).toBe('mem.gov.cn');
    expect(optionalSiteOfUrl('http://society.people.com.cn/n1/2024/0101/c1008-1.html')?.site).toBe('people.com.cn');
    expect(optionalSiteOfUrl('https://zaihaifangyu.cn/5288.html')).toBeNull();
    expect(optionalSiteOfUrl('https://example.com/')).toBeNull();
    expect(optionalSiteOfUrl('about:blank')).toBeNull();
    expect(optionalSiteOfUrl(undefined)).toBeNull();
  });
});

describe('patternCovers', () => {
  it.each([
    ['https://www.mem.gov.cn/*', 'https://www.mem.gov.cn/*', true],
    ['*://www.mem.gov.cn/*', 'http://www.mem.gov.cn/*', true],
    ['https://*/*', 'https://www.mem.gov.cn/*', true],
    ['<all_urls>', 'http://www.mem.gov.cn/*', true],
    ['https://*.people.com.cn/*', 'https://*.people.com.cn/*', true],
    ['https://*.com.cn/*', 'https://*.people.com.cn/*', true],
    ['https://www.people.com.cn/*', 'https://*.people.com.cn/*', false],
    ['https://www.mem.gov.cn/*', 'http://www.mem.gov.cn/*', false],
    ['https://dav.jianguoyun.com/*', 'https://www.mem.gov.cn/*', false],
    ['https://www.mem.gov.cn/xw/*', 'https://www.mem.gov.cn/*', false],
  ])('%s covers %s: %s', (granted, wanted, covers) => {
    expect(patternCovers(granted, wanted)).toBe(covers);
  });
});

describe('enabledSites', () => {
  it('counts a site only when every one of its hosts is granted', () => {
    expect(enabledSites([...PORTAL_MATCHES, 'https://dav.jianguoyun.com/*'])).toEqual([]);
    expect(enabledSites([...PORTAL_MATCHES, ...mem.hostPatterns])).toEqual([mem]);
    expect(enabledSites(mem.hostPatterns.slice(1))).toEqual([]);
    expect(enabledSites([...people.hostPatterns, ...mem.hostPatterns]).map((a) => a.site)).toEqual(['mem.gov.cn', 'people.com.cn']);
  });
});

describe('planRegistrations', () => {
  it('registers newly enabled sites and unregisters removed ones, leaving others\u2019 registrations alone', () => {
    const stale = registrationOf(people);
    const foreign = { id: 'someone-else', matches: ['https://a.cn/*'] };
    expect(planRegistrations([stale, foreign], [registrationOf(mem)])).toEqual({ remove: [stale.id], add: [registrationOf(mem)] });
  });
  it('keeps what is already right and replaces a registration whose hosts changed', () => {
    expect(planRegistrations([registrationOf(mem)], [registrationOf(mem)])).toEqual({ remove: [], add: [] });
    const old = { ...registrationOf(mem), matches: ['https://www.mem.gov.cn/*'] };
    expect(planRegistrations([old], [registrationOf(mem)])).toEqual({ remove: [old.id], add: [registrationOf(mem)] });
  });
});

describe('hosts no adapter knows', () => {
  it('are enabled while both schemes of the host are granted, and never for a built-in site', () => {
    const granted = ['http://news.example.org/*', 'https://news.example.org/*', 'https://dav.example.net/*'];
    expect(enabledHosts(['news.example.org', 'dav.example.net', 'gone.example.org'], granted)).toEqual(['news.example.org']);
    expect(enabledHosts(['www.mem.gov.cn'], ['*://www.mem.gov.cn/*'])).toEqual([]);
  });
  it('get their own registrations beside the sites’, and lose them when disabled', () => {
    const host = registrationOfHost('news.example.org');
    expect(host).toEqual({ id: 'anyue-host:news.example.org', matches: ['http://news.example.org/*', 'https://news.example.org/*'] });
    expect(planRegistrations([registrationOf(mem)], [registrationOf(mem), host])).toEqual({ remove: [], add: [host] });
    expect(planRegistrations([registrationOf(mem), host], [registrationOf(mem)])).toEqual({ remove: [host.id], add: [] });
  });
});
