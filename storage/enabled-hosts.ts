// Hosts of sites no adapter knows that the reader enabled ("always on this site"), in storage.local. The
// permission is the browser's; this list says which granted hosts are for reading (a sync server's host is
// granted too, and must not get the content script).

import { isSiteId } from '../records/article-key';
import type { KeyValueArea } from './preferences';

export const ENABLED_HOSTS_KEY = 'enabled-hosts';
const MAX_HOSTS = 500;

/** A lowercase host name as the browser reports it (no port), or null when it is not one. */
export function hostOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const host = parsed.hostname.toLowerCase();
    return isSiteId(host) ? host : null;
  } catch {
    return null;
  }
}

/** The stored hosts; anything damaged in storage is dropped, not trusted. */
export async function loadEnabledHosts(area: KeyValueArea): Promise<string[]> {
  const stored = (await area.get(ENABLED_HOSTS_KEY))[ENABLED_HOSTS_KEY];
  if (!Array.isArray(stored)) return [];
  return [...new Set(stored.filter((host): host is string => typeof host === 'string' && isSiteId(host)))].slice(0, MAX_HOSTS);
}

export async function addEnabledHost(area: KeyValueArea, host: string): Promise<string[]> {
  if (!isSiteId(host)) throw new RangeError(`not a host name: ${JSON.stringify(host)}`);
  const hosts = await loadEnabledHosts(area);
  const next = hosts.includes(host) ? hosts : [...hosts, host].slice(-MAX_HOSTS);
  await area.set({ [ENABLED_HOSTS_KEY]: next });
  return next;
}

export async function removeEnabledHost(area: KeyValueArea, host: string): Promise<string[]> {
  const next = (await loadEnabledHosts(area)).filter((candidate) => candidate !== host);
  await area.set({ [ENABLED_HOSTS_KEY]: next });
  return next;
}
