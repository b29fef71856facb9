// The extension's own elements in the page (sidebar frame, toolbar, hover card) each live in a shadow
// root under a custom element, with their own stylesheet, so page styles neither hide nor restyle them.
// All of them are closed: the page's scripts get the host element and nothing inside it.

/** Appends `<tag>` to the document with a shadow root holding `css`; returns the root to fill. */
export function mountShadowHost(doc: Document, tag: string, css: string, mode: ShadowRootMode): ShadowRoot {
  const host = doc.createElement(tag);
  const shadow = host.attachShadow({ mode });
  const style = doc.createElement('style');
  style.textContent = `:host { all: initial; }\n${css}`;
  shadow.append(style);
  doc.documentElement.append(host);
  return shadow;
}

/**
 * Whether page CSS leaves one of our elements drawn as we drew it: not faded, hidden, filtered, moved, clipped
 * or blended (what a page would do to slide the toolbar or sidebar under the reader's click unseen).
 */
export function drawnAsOurs(element: Element): boolean {
  const style = element.ownerDocument.defaultView!.getComputedStyle(element);
  return (
    style.opacity === '1' &&
    style.visibility === 'visible' &&
    style.display !== 'none' &&
    (style.transform === 'none' || style.transform === '') &&
    (style.filter === 'none' || style.filter === '') &&
    (style.clipPath === 'none' || style.clipPath === '') &&
    (style.mixBlendMode === 'normal' || style.mixBlendMode === '')
  );
}
