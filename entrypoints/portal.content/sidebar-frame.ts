// Hosts the sidebar beside the article. The sidebar itself is an extension page in an iframe: its document
// lives in the extension's origin, so the page's scripts cannot read what it shows. The frame and the
// re-open handle sit in a closed shadow root, out of the page scripts' reach, and so does the frame's URL,
// which carries the one-time token the frame redeems with the background before it shows anything (the page
// can frame its own copy of sidebar.html, but that copy has no token and stays blank).
// Page CSS can still fade, hide, shrink or clip the host and lay the frame under its own content for clicks, so
// the content script watches how the frame is drawn and the sidebar asks (isShown) before a destructive click.

import { mountShadowHost } from '../../highlights/shadow-host';
import type { UiLanguage } from '../../records/preferences';

export const SIDEBAR_WIDTH_PX = 380;

export interface SidebarFrame {
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** Called when the reader opens or closes the sidebar from the page's handle. */
  onReaderChange(listener: (open: boolean) => void): void;
  /** Whether the frame is open and has been drawn as ours (opaque, in place, unclipped, on top) without a break
   * since SHOWN_MARGIN_MS before the reader's press, `pressedAgo` ms ago. */
  isShown(pressedAgo: number): boolean;
}

/** How long before the reader's press the sidebar must already have been visibly shown, without a break: more
 * than the sampling interval, so a page that restores the sidebar at the press (on window blur) is caught. */
export const SHOWN_MARGIN_MS = 250;
const WATCH_EVERY_MS = 50;

/** Whether page CSS leaves an element drawn as we drew it: not faded, hidden, filtered, moved, clipped or blended. */
function drawnAsOurs(element: Element): boolean {
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

const HANDLE_LABEL: Record<UiLanguage, string> = { 'zh-CN': '打开安阅侧栏', en: 'Open the Anyue sidebar' };

const STYLE = `
iframe {
  position: fixed; top: 0; right: 0; width: ${SIDEBAR_WIDTH_PX}px; max-width: 100vw; height: 100vh;
  border: 0; border-left: 1px solid #d0d4da; box-shadow: -2px 0 8px rgba(0,0,0,.12);
  background: #fff; z-index: 2147483646; color-scheme: light;
}
button {
  position: fixed; top: 40vh; right: 0; z-index: 2147483646; writing-mode: vertical-rl;
  font: 600 14px/1.2 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; letter-spacing: .2em;
  padding: 12px 6px; border: 1px solid #b03a2e; border-right: 0; border-radius: 6px 0 0 6px;
  background: #b03a2e; color: #fff; cursor: pointer;
}
button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
[hidden] { display: none !important; }
`;

/** `token`: the background's one-time token for this frame (in the URL's fragment, which is never sent anywhere). */
export function mountSidebarFrame(doc: Document, src: string, token: string, open: boolean, language: UiLanguage): SidebarFrame {
  const shadow = mountShadowHost(doc, 'anyue-sidebar', STYLE, 'closed');
  const frame = doc.createElement('iframe');
  frame.src = `${src}#token=${token}`;
  frame.title = '安阅 · Safety News Annotator';
  // Copying a citation from the sidebar needs the clipboard inside the frame.
  frame.allow = 'clipboard-write';
  const handle = doc.createElement('button');
  handle.type = 'button';
  handle.textContent = '安阅';
  handle.setAttribute('aria-label', HANDLE_LABEL[language]);
  shadow.append(frame, handle);

  let isOpen = open;
  const listeners: ((open: boolean) => void)[] = [];
  const render = () => {
    frame.hidden = !isOpen;
    handle.hidden = isOpen;
  };
  handle.addEventListener('click', () => {
    isOpen = true;
    render();
    frame.focus();
    for (const listener of listeners) listener(true);
  });
  render();

  // Sampled, not asked once at click time: the page could fade the sidebar until the reader's press and restore
  // it before the question arrives. A break since just before the press voids the click.
  const view = doc.defaultView!;
  const host = shadow.host;
  let shownSince: number | null = null;
  const drawnNow = () => {
    if (!isOpen || !host.isConnected) return false;
    if (!drawnAsOurs(host) || !drawnAsOurs(frame) || !drawnAsOurs(doc.documentElement)) return false;
    const rect = frame.getBoundingClientRect();
    const wide = Math.min(SIDEBAR_WIDTH_PX, view.innerWidth) - 2;
    if (rect.width < wide || rect.height < view.innerHeight - 2 || rect.top > 1 || Math.abs(rect.right - doc.documentElement.clientWidth) > 2) return false;
    // Nothing of the page's catches the pointer over the frame (a closed root answers with its host).
    for (const [fx, fy] of [[0.5, 0.5], [0.2, 0.15], [0.8, 0.85]] as const) {
      if (doc.elementFromPoint(rect.left + rect.width * fx, rect.top + rect.height * fy) !== host) return false;
    }
    return true;
  };
  const watch = () => {
    if (!drawnNow()) shownSince = null;
    else shownSince ??= performance.now();
  };
  setInterval(watch, WATCH_EVERY_MS);

  return {
    isShown(pressedAgo) {
      watch();
      return shownSince !== null && performance.now() - shownSince >= pressedAgo + SHOWN_MARGIN_MS;
    },
    get open() {
      return isOpen;
    },
    setOpen(next) {
      isOpen = next;
      render();
      if (!next) handle.focus();
    },
    onReaderChange(listener) {
      listeners.push(listener);
    },
  };
}
