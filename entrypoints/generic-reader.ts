// The generic reader's bundle, for pages of sites no adapter knows: injected (or registered) only where the
// reader asked for it, just before the content script, which picks it up from the content scripts' shared
// world. It carries the extractor, so the portal's content script stays small.

import { readGenericArticle } from '../sites/generic';
import { readabilityExtractor } from '../sites/readability-extractor';
import { GENERIC_READER_GLOBAL, type GenericReaderWorld } from '../sites/generic-hook';

export default defineUnlistedScript(() => {
  (globalThis as GenericReaderWorld)[GENERIC_READER_GLOBAL] = (doc, url) => readGenericArticle(doc, url, readabilityExtractor);
});
