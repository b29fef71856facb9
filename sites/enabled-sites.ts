// Which built-in sites the reader has enabled, and which run-time content-script registrations that calls
// for. Pure: the background feeds it permissions.getAll() and the registrations it finds, and applies the plan.
// The portal is not here: its hosts are required and its content script is declared in the manifest.

import { PORTAL_MATCHES } from './portal-hosts';
import { builtInAdapters, type SiteAdapter } from './index';

/** Built-in sites the reader may enable: tied to their own hosts, and not already required (the portal). */
export const optionalSites: readonly SiteAdapter[] = builtInAdapters.filter(
  (adapter) => adapter.hostPatterns.length > 0 && !adapter.hostPatterns.every((pattern) => PORTAL_MATCHES.includes(pattern)),
);

/** Every optional site's host patterns (the manifest's optional host permissions). */
export const optionalSitePatterns = (): string[] => optionalSites.flatMap((adapter) => adapter.hostPatterns);

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/;

/** Whether a granted match pattern gives access to everything `wanted` matches. */
export function patternCovers(granted: string, wanted: string): boolean {
  if (granted === '<all_urls>') return true;
  const g = PATTERN.exec(granted);
  const w = PATTERN.exec(wanted);
  if (!g || !w) return granted === wanted;
  const [, gScheme, gHost, gPath] = g;
  const [, wScheme, wHost, wPath] = w;
  const schemeOk = gScheme === wScheme || (gScheme === '*' && wScheme !== '*');
  const hostOk =
    gHost === '*' ||
    gHost === wHost ||
    (gHost.startsWith('*.') && (wHost.replace(/^\*\./, '') === gHost.slice(2) || wHost.replace(/^\*\./, '').endsWith(gHost.slice(1))));
  const pathOk = gPath === '/*' || gPath === wPath;
  return schemeOk && hostOk && pathOk;
}

/** The optional sites whose every host pattern the granted origins cover. */
export function enabledSites(grantedOrigins: readonly string[]): SiteAdapter[] {
  return optionalSites.filter((adapter) =>
    adapter.hostPatterns.every((wanted) => grantedOrigins.some((granted) => patternCovers(granted, wanted))),
  );
}

/** The optional site a URL's host belongs to, or null (the portal, other hosts, non-http URLs). */
export function optionalSiteOfUrl(url: string | undefined): SiteAdapter | null {
  if (!url) return null;
  let hostname: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    hostname = parsed.hostname;
  } catch {
    return null;
  }
  return optionalSites.find((adapter) => adapter.ownsHost(hostname)) ?? null;
}

/** The built content script, and the generic reader's bundle that hosts no adapter knows load before it. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/portal.js' as const;
export const GENERIC_READER_FILE = '/generic-reader.js' as const;

/** Ids of our registrations carry a prefix so that nothing else registered is ever touched. */
export const REGISTRATION_PREFIX = 'anyue-site:';
/** Registrations for hosts no adapter knows: they also load the generic reader. */
export const HOST_REGISTRATION_PREFIX = 'anyue-host:';

export interface Registration {
  id: string;
  matches: string[];
}

export const registrationOf = (adapter: SiteAdapter): Registration => ({ id: `${REGISTRATION_PREFIX}${adapter.site}`, matches: [...adapter.hostPatterns] });

/** Match patterns of one host the reader enabled for the generic reader (any port, both schemes). */
export const hostPatternsOf = (host: string): string[] => [`http://${host}/*`, `https://${host}/*`];

export const registrationOfHost = (host: string): Registration => ({ id: `${HOST_REGISTRATION_PREFIX}${host}`, matches: hostPatternsOf(host) });

/** The stored hosts whose access the browser still grants (a permission taken back elsewhere ends it). */
export function enabledHosts(stored: readonly string[], grantedOrigins: readonly string[]): string[] {
  return stored.filter(
    (host) => !optionalSiteOfUrl(`https://${host}/`) && hostPatternsOf(host).every((wanted) => grantedOrigins.some((granted) => patternCovers(granted, wanted))),
  );
}

/**
 * What to unregister and register so that exactly the wanted registrations (enabled sites and hosts) exist. A
 * registration whose matches changed (an update changed a site's hosts) is replaced.
 */
export function planRegistrations(current: readonly Registration[], enabled: readonly Registration[]): { remove: string[]; add: Registration[] } {
  const wanted = new Map(enabled.map((registration) => [registration.id, registration]));
  const ours = current.filter((registration) => registration.id.startsWith(REGISTRATION_PREFIX) || registration.id.startsWith(HOST_REGISTRATION_PREFIX));
  const same = (a: Registration, b: Registration) => a.matches.length === b.matches.length && a.matches.every((m) => b.matches.includes(m));
  const keep = new Set(ours.filter((registration) => wanted.has(registration.id) && same(registration, wanted.get(registration.id)!)).map((r) => r.id));
  return {
    remove: ours.filter((registration) => !keep.has(registration.id)).map((registration) => registration.id),
    add: [...wanted.values()].filter((registration) => !keep.has(registration.id)),
  };
}
