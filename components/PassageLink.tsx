// Links from the library back to the article: a real link to the article's address (so it can be copied or
// opened in a new tab as any link), whose click asks the background to bring forward a tab already showing the
// article, or open one, and show the passage there.

import type { ComponentChildren } from 'preact';
import type { Message, PassageTarget } from '../messaging/protocol';
import type { Annotation } from '../records/annotation';
import type { TextTarget } from '../records/text-target';

export interface PassageLinkProps {
  articleKey: string;
  url: string;
  /** null: the article only (a title). */
  passage: PassageTarget | null;
  send(message: Message): Promise<unknown>;
  class?: string;
  title?: string;
  children: ComponentChildren;
}

/** Only http(s) addresses become links: a javascript: URL from a hostile record must never run. */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function PassageLink({ articleKey, url, passage, send, class: className, title, children }: PassageLinkProps) {
  const href = safeHttpUrl(url);
  if (!href) return <span class={className}>{children}</span>;
  return (
    <a
      class={className}
      href={href}
      title={title}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        // A modified click (new tab, new window) is the browser's own; a plain one reuses the article's tab.
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        void send({ type: 'library/open-passage', articleKey, url: href, passage })
          .then((reply) => (reply as { ok?: boolean } | undefined)?.ok)
          .catch(() => false)
          .then((ok) => {
            // The background refused or did not answer: the plain link still takes the reader there.
            if (!ok) window.open(href, '_blank', 'noopener');
          });
      }}
    >
      {children}
    </a>
  );
}

/** An annotation's passage (none for a page note: it links to the article only). */
export function annotationPassage(annotation: Annotation): PassageTarget | null {
  return annotation.target ? { kind: 'annotation', id: annotation.id } : null;
}

/**
 * A span of a stored analysis as a passage to find again: `exact` is text known to begin the span (a phrase,
 * or a speaker passage's snippet without its ellipsis); the whole span, `end - start` long, flashes.
 */
export function analysisPassage(start: number, end: number, exact: string): PassageTarget | null {
  const quote = exact.replace(/…$/, '');
  if (!quote || end <= start) return null;
  const target: TextTarget = {
    quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + quote.length },
  };
  return { kind: 'text', target, length: Math.min(20_000, Math.max(end - start, quote.length)) };
}
