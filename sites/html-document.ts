// Outside a browser (the analyze CLI, unit tests) a saved page is parsed with happy-dom, scripts off.
// Never imported by extension code.

import { Window } from 'happy-dom';

export function parseHtmlDocument(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  // document.write into the window's own document: happy-dom's Range misbehaves on DOMParser documents.
  window.document.write(html);
  return window.document as unknown as Document;
}
