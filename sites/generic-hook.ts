// How the generic reader's bundle hands its reader to the content script: one property of the content scripts'
// isolated world (the page's own scripts never see it). Kept apart so the content script names the hook
// without importing the reader.

import type { SiteArticle } from './types';

export const GENERIC_READER_GLOBAL = '__anyueGenericReader';

export type GenericReaderWorld = { [GENERIC_READER_GLOBAL]?: (doc: Document, url: string) => SiteArticle | null };

/** The generic reader when its bundle was loaded into this page, else null. */
export const loadedGenericReader = (): ((doc: Document, url: string) => SiteArticle | null) | null =>
  (globalThis as GenericReaderWorld)[GENERIC_READER_GLOBAL] ?? null;
