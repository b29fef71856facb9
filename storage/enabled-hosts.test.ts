import { describe, expect, it } from 'vitest';
import { addEnabledHost, ENABLED_HOSTS_KEY, hostOfUrl, loadEnabledHosts, removeEnabledHost } from './enabled-hosts';
import type { KeyValueArea } from './preferences';

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: async (key) => (key in data ? { [key]: data[key] } : {}), set: async (items) => void Object.assign(data, items) };
}

describe('enabled hosts', () => {
  it('are added once and removed', async () => {
    const area = memoryArea();
    await addEnabledHost(area, 'news.example.org');
    await addEnabledHost(area, 'news.example.org');
    expect(await loadEnabledHosts(area)).toEqual(['news.example.org']);
    await removeEnabledHost(area, 'news.example.org');
    expect(await loadEnabledHosts(area)).toEqual([]);
  });
  it('drop what is damaged in storage and refuse what is no host', async () => {
    const area = memoryArea({ [ENABLED_HOSTS_KEY]: ['ok.example.org', 42, 'Bad Host', '<script>', 'ok.example.org'] });
    expect(await loadEnabledHosts(area)).toEqual(['ok.example.org']);
    expect(await loadEnabledHosts(memoryArea({ [ENABLED_HOSTS_KEY]: 'x' }))).toEqual([]);
    await expect(addEnabledHost(area, 'javascript:alert(1)')).rejects.toThrow(RangeError);
  });
  it('come from http(s) page URLs only', () => {
    expect(hostOfUrl('https://News.Example.org:8443/a.html')).toBe('news.example.org');
    expect(hostOfUrl('http://127.0.0.1:8765/reports/')).toBe('127.0.0.1');
    for (const url of ['about:blank', 'chrome://extensions', 'file:///tmp/a.html', 'not a url', undefined]) expect(hostOfUrl(url)).toBeNull();
  });
});
