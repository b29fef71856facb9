// The key of an article, the same on every device: `<site>/<stable id>`. The site is a lowercase host-like id
// (`zaihaifangyu.cn`, `mem.gov.cn`); the stable id is what that site's adapter finds stable across visits
// (a post id, a path). Every site adapter builds its keys with formatArticleKey.

import type { Check } from './check';

export const MAX_SITE_LENGTH = 100;
export const MAX_STABLE_ID_LENGTH = 200;
export const MAX_ARTICLE_KEY_LENGTH = MAX_SITE_LENGTH + 1 + MAX_STABLE_ID_LENGTH;

const SITE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
// No leading '/': the first '/' of a key is what separates site from id.
const STABLE_ID = /^[A-Za-z0-9._~-][A-Za-z0-9._~/-]*$/;

export const isSiteId = (site: string): boolean => site.length <= MAX_SITE_LENGTH && SITE.test(site);
export const isStableId = (id: string): boolean => id.length >= 1 && id.length <= MAX_STABLE_ID_LENGTH && STABLE_ID.test(id);

/** The key of article `id` of `site`; throws on parts that could not be parsed back (a caller bug). */
export function formatArticleKey(site: string, id: string): string {
  if (!isSiteId(site)) throw new RangeError(`formatArticleKey: not a site id: ${JSON.stringify(site)}`);
  if (!isStableId(id)) throw new RangeError(`formatArticleKey: not a stable id: ${JSON.stringify(id)}`);
  return `${site}/${id}`;
}

export function parseArticleKey(key: string): { site: string; id: string } | null {
  if (typeof key !== 'string' || key.length > MAX_ARTICLE_KEY_LENGTH) return null;
  const slash = key.indexOf('/');
  if (slash < 0) return null;
  const site = key.slice(0, slash);
  const id = key.slice(slash + 1);
  return isSiteId(site) && isStableId(id) ? { site, id } : null;
}

export const articleKeyCheck: Check = (value, path) =>
  typeof value === 'string' && parseArticleKey(value)
    ? null
    : `${path}: not an article key of the form <site>/<stable id> (e.g. zaihaifangyu.cn/12345)`;
