// A short, polite notice inside the page: what just happened to the reader's action (not saved, copied, too
// long, already highlighted, passage not placed). Its own host and closed shadow root, so the page can
// neither restyle nor rewrite it; the words are set as text, never as HTML. Screen readers hear it once
// (aria-live polite) and it goes away by itself.
//
// The host carries only the notice's kind (data-notice), never its words or any of the reader's text, so
// browser tests can tell which notice shows while the words stay in the closed root.

export type NoticeKind = 'save-failed' | 'copied' | 'too-long' | 'duplicate' | 'orphan' | 'passage-gone';
export type NoticeTone = 'info' | 'problem';

export interface PageNotice {
  show(kind: NoticeKind, text: string, tone?: NoticeTone): void;
  hide(): void;
}

/** Long enough to read two lines; problems stay a little longer. */
export const NOTICE_MS: Record<NoticeTone, number> = { info: 4_000, problem: 8_000 };

const STYLE = `
:host { all: initial; }
.notice {
  /* Bottom left: the sidebar, when open, takes the right. */
  position: fixed; left: 24px; bottom: 24px; z-index: 2147483647;
  max-width: min(30em, calc(100vw - 48px)); box-sizing: border-box; padding: 10px 14px 10px 16px;
  display: flex; gap: 12px; align-items: flex-start;
  font: 14px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; color: #fff;
  background: #1f2328; border-radius: 8px; box-shadow: inset 4px 0 0 #4dabf7, 0 6px 20px rgba(0,0,0,.3);
}
.notice.problem { box-shadow: inset 4px 0 0 #ff8787, 0 6px 20px rgba(0,0,0,.3); }
.text { white-space: pre-line; }
button {
  flex: none; font: inherit; line-height: 1; cursor: pointer; border: 0; border-radius: 4px;
  background: transparent; color: #ced4da; padding: 2px 4px;
}
button:hover { color: #fff; }
button:focus-visible { outline: 2px solid #4dabf7; outline-offset: 1px; }
[hidden] { display: none !important; }
`;

/**
 * Creates the notice host on first use. `mode` is 'closed' in the page; tests of this module in Node pass
 * 'open' to read what it says.
 */
export function mountNotice(doc: Document, closeLabel: () => string, mode: ShadowRootMode = 'closed'): PageNotice {
  let host: HTMLElement | null = null;
  let box: HTMLElement;
  let text: HTMLElement;
  let close: HTMLButtonElement;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const build = () => {
    host = doc.createElement('anyue-notice');
    const shadow = host.attachShadow({ mode });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    box = doc.createElement('div');
    box.className = 'notice';
    // Present (and empty) before any words arrive, so the announcement is made when they do.
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    box.hidden = true;
    text = doc.createElement('span');
    text.className = 'text';
    close = doc.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.addEventListener('click', () => hide());
    box.append(text, close);
    shadow.append(style, box);
    doc.documentElement.append(host);
  };

  const hide = () => {
    clearTimeout(timer);
    if (!host) return;
    box.hidden = true;
    text.textContent = '';
    host.removeAttribute('data-notice');
  };

  return {
    show(kind, words, tone = 'info') {
      if (!host || !host.isConnected) build();
      clearTimeout(timer);
      close.setAttribute('aria-label', closeLabel());
      box.classList.toggle('problem', tone === 'problem');
      text.textContent = words;
      box.hidden = false;
      host!.dataset.notice = kind;
      timer = setTimeout(hide, NOTICE_MS[tone]);
    },
    hide,
  };
}
