// The extractor the generic reader uses: @mozilla/readability (Apache-2.0), picked over defuddle by
// `npm run bench -- extractors` (the same body and metadata through the generic reader, faster, a quarter of
// the size). It runs on a clone of the page; its HTML output is parsed into an inert document (no scripts,
// no loads) only to read its text block by block, and is never shown.

import { Readability } from '@mozilla/readability';
import { buildTextMap } from '../anchoring/text-map';
import type { Extractor } from './generic';

/** The text of an extractor's HTML output, one line per block. */
export function textOfHtml(doc: Document, html: string): string {
  const parser = new (doc.defaultView?.DOMParser ?? DOMParser)();
  return buildTextMap([parser.parseFromString(`<body>${html}</body>`, 'text/html').body]).text;
}

export const readabilityExtractor: Extractor = (doc) => {
  const result = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  return result?.content ? { text: textOfHtml(doc, result.content), title: result.title || null } : null;
};
