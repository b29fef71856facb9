// Hosts the sidebar beside the article. The sidebar itself is an extension page in an iframe: its document
// lives in the extension's origin, so the page's scripts cannot read what it shows. The frame and the
// re-open handle sit in a closed shadow root, out of the page scripts' reach, and so does the frame's URL,
// which carries the one-time token the frame redeems with the background before it shows anything (the page
// can frame its own copy of sidebar.html, but that copy has no token and stays blank).
// Page CSS can still fade, hide, shrink or clip the host and lay the frame under its own content for clicks, so
// the content script watches how the frame is drawn and the sidebar asks (isShown) before a destructive click.

import { mountShadowHost, drawnAsOurs } from '../../highlights/shadow-host';
import type { UiLanguage } from '../../records/preferences';

export const SIDEBAR_WIDTH_PX = 380;
/** Narrower than this beside the sidebar, the page is covered rather than squeezed into a column. */
export const MIN_PAGE_WIDTH_PX = 560;

export interface SidebarFrame {
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** Called when the reader opens or closes the sidebar from the page's handle. */
  onReaderChange(listener: (open: boolean) => void): void;
  /** Whether the frame is open and has been drawn as ours (opaque, in place, unclipped, on top) without a break
   * since SHOWN_MARGIN_MS before the reader's press, `pressedAgo` ms ago. */
  isShown(pressedAgo: number): boolean;
  /** The reader chose another language (the handle's label follows). */
  setLanguage(language: UiLanguage): void;
}

/** How long before the reader's press the sidebar must already have been visibly shown, without a break: more
 * than the sampling interval, so a page that restores the sidebar at the press (on window blur) is caught. */
export const SHOWN_MARGIN_MS = 250;
const WATCH_EVERY_MS = 50;


const HANDLE_LABEL: Record<UiLanguage, string> = { 'zh-CN': '打开安阅侧栏', en: 'Open the Anyue sidebar' };

const STYLE = `
iframe {
  position: fixed; top: 0; right: 0; width: ${SIDEBAR_WIDTH_PX}px; max-width: 100vw; height: 100vh;
  border: 0; border-left: 1px solid #d0d4da; box-shadow: -2px 0 8px rgba(0,0,0,.12);
  background: Canvas; z-index: 2147483646; color-scheme: light dark;
}
button {
  /* A tab of its own size: one character a line (Chinese wraps between characters), so the label is whole in
   * every browser; vertical writing in a button is clipped or overlapping in some. */
  position: fixed; top: 40vh; right: 0; z-index: 2147483646; box-sizing: border-box; display: block;
  width: 30px; margin: 0; padding: 10px 6px 10px 7px; white-space: normal; word-break: break-all; text-align: center;
  font: 600 15px/1.25 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  border: 1px solid #b03a2e; border-right: 0; border-radius: 6px 0 0 6px;
  background: #b03a2e; color: #fff; cursor: pointer; box-shadow: -2px 2px 6px rgba(0,0,0,.2);
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
  // The open sidebar makes room for itself: the page's root gets a right margin as wide as the sidebar, so
  // no line of the article ends under it. Only when the window is too narrow for both does it cover the page.
  const root = doc.documentElement;
  const view = doc.defaultView!;
  const before = { value: root.style.getPropertyValue('margin-right'), priority: root.style.getPropertyPriority('margin-right') };
  let pushing = false;
  /** Pictures, tables and frames wider than the narrowed page would still reach under the sidebar: only
   * those are made to fit while it is open, and given back their own size when it closes. */
  const fitted = new Map<HTMLElement, { maxWidth: string; height: string }>();
  const fitWide = () => {
    const limit = root.getBoundingClientRect().right;
    for (const element of doc.querySelectorAll<HTMLElement>('img, svg, video, canvas, iframe, embed, object, table, pre')) {
      if (fitted.has(element) || element.getBoundingClientRect().right <= limit + 1) continue;
      fitted.set(element, { maxWidth: element.style.getPropertyValue('max-width'), height: element.style.getPropertyValue('height') });
      element.style.setProperty('max-width', '100%', 'important');
      // Keep its proportions once narrower (a height attribute would otherwise stretch it).
      if (element instanceof HTMLImageElement || element instanceof HTMLVideoElement) element.style.setProperty('height', 'auto', 'important');
    }
  };
  const unfit = () => {
    for (const [element, { maxWidth, height }] of fitted) {
      element.style.removeProperty('max-width');
      element.style.removeProperty('height');
      if (maxWidth) element.style.setProperty('max-width', maxWidth);
      if (height) element.style.setProperty('height', height);
    }
    fitted.clear();
  };
  const makeRoom = () => {
    const wanted = isOpen && view.innerWidth - SIDEBAR_WIDTH_PX >= MIN_PAGE_WIDTH_PX;
    if (wanted && pushing) return fitWide();
    if (wanted === pushing) return;
    pushing = wanted;
    if (wanted) {
      root.style.setProperty('margin-right', `${SIDEBAR_WIDTH_PX}px`, 'important');
      fitWide();
      return;
    }
    unfit();
    if (before.value) root.style.setProperty('margin-right', before.value, before.priority);
    else root.style.removeProperty('margin-right');
  };
  view.addEventListener('resize', makeRoom, { passive: true });
  // Pictures load late and may only then be too wide.
  view.addEventListener('load', makeRoom, { passive: true });
  const render = () => {
    frame.hidden = !isOpen;
    handle.hidden = isOpen;
    makeRoom();
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
    setLanguage(next) {
      handle.setAttribute('aria-label', HANDLE_LABEL[next]);
    },
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
