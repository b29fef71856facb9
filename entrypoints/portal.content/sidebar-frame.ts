// Hosts the sidebar beside the article. The sidebar itself is an extension page in an iframe: its document
// lives in the extension's origin, so the page's scripts cannot read what it shows. The frame and the
// re-open handle sit in a closed shadow root, out of the page scripts' reach, and so does the frame's URL,
// which carries the one-time token the frame redeems with the background before it shows anything (the page
// can frame its own copy of sidebar.html, but that copy has no token and stays blank).
// Page CSS can still fade, hide, shrink or clip the host and lay the frame under its own content for clicks, so
// the content script watches how the frame is drawn and the sidebar asks (isShown) before a destructive click.
// The reader resizes the sidebar by its left edge (a separator in the same closed root): only trusted pointer
// and key events move it, so the page's scripts can neither resize it nor learn that the reader did.

import { mountShadowHost, drawnAsOurs } from '../../highlights/shadow-host';
import { pageTranslator } from '../../components/page-strings';
import { SIDEBAR_MIN_WIDTH_PX, type UiLanguage } from '../../records/preferences';
import { clampWidth, sidebarLayout, widthForKey, widthRange, type SidebarLayout } from './sidebar-width';

export interface SidebarFrame {
  readonly open: boolean;
  /** The frame's width as drawn now, in CSS pixels (the reader's width, narrower in a narrow window). */
  readonly width: number;
  setOpen(open: boolean): void;
  /** The reader resized the sidebar in another tab. */
  setPreferredWidth(width: number): void;
  /** Called when the reader resized the sidebar here (at the end of a drag, or after key presses settle). */
  onReaderResize(listener: (width: number) => void): void;
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
/** Key presses on the edge are remembered once they pause, not one storage write per press. */
const KEY_SETTLE_MS = 400;


const HANDLE_LABEL: Record<UiLanguage, string> = { 'zh-CN': '打开安阅侧栏', en: 'Open the Anyue sidebar' };

const STYLE = `
iframe {
  /* border-box: the frame, border included, is exactly as wide as the room the page makes for it. */
  position: fixed; top: 0; right: 0; box-sizing: border-box; max-width: 100vw; height: 100vh;
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
/* The resize edge: a strip over the frame's left border (its right set with the width), above the frame. */
.resize-edge {
  position: fixed; top: 0; height: 100vh; width: 10px; margin: 0; padding: 0; z-index: 2147483647;
  cursor: ew-resize; touch-action: none; background: transparent; box-sizing: border-box;
}
.resize-edge::after {
  content: ""; position: absolute; top: calc(50vh - 24px); left: 3px; width: 4px; height: 48px;
  border-radius: 2px; background: #8c959f;
}
.resize-edge:hover::after, .resize-edge.dragging::after { background: #b03a2e; }
.resize-edge:focus-visible { outline: 3px solid #1a73e8; outline-offset: -3px; }
[hidden] { display: none !important; }
`;

/** `token`: the background's one-time token for this frame (in the URL's fragment, which is never sent anywhere). */
export function mountSidebarFrame(doc: Document, src: string, token: string, open: boolean, language: UiLanguage, width: number): SidebarFrame {
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
  const edge = doc.createElement('div');
  edge.className = 'resize-edge';
  edge.tabIndex = 0;
  edge.setAttribute('role', 'separator');
  edge.setAttribute('aria-orientation', 'vertical');
  const labelEdge = (next: UiLanguage) => {
    const t = pageTranslator(next);
    edge.setAttribute('aria-label', t('sidebarResize'));
    edge.title = t('sidebarResizeHint');
  };
  labelEdge(language);
  shadow.append(frame, edge, handle);

  let isOpen = open;
  /** The width the reader chose; the window may show the sidebar narrower (sidebar-width.ts). */
  let preferredWidth = width;
  const view = doc.defaultView!;
  let layout: SidebarLayout = sidebarLayout(preferredWidth, view.innerWidth);
  const listeners: ((open: boolean) => void)[] = [];
  const resizeListeners: ((width: number) => void)[] = [];
  // The open sidebar makes room for itself: the page's root gets a right margin as wide as the sidebar, so
  // no line of the article ends under it. Only when the window is too narrow for both does it cover the page.
  const root = doc.documentElement;
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
    layout = sidebarLayout(preferredWidth, view.innerWidth);
    frame.style.setProperty('width', `${layout.width}px`);
    edge.style.setProperty('right', `${layout.width - 5}px`);
    const range = widthRange(view.innerWidth, layout.pushing);
    edge.setAttribute('aria-valuenow', String(layout.width));
    edge.setAttribute('aria-valuemin', String(range.min));
    edge.setAttribute('aria-valuemax', String(range.max));
    const wanted = isOpen && layout.pushing;
    if (wanted) {
      // Set again after every change of width (a no-op when it is the same).
      root.style.setProperty('margin-right', `${layout.width}px`, 'important');
      pushing = true;
      return fitWide();
    }
    if (!pushing) return;
    pushing = false;
    unfit();
    if (before.value) root.style.setProperty('margin-right', before.value, before.priority);
    else root.style.removeProperty('margin-right');
  };
  view.addEventListener('resize', makeRoom, { passive: true });
  // Pictures load late and may only then be too wide.
  view.addEventListener('load', makeRoom, { passive: true });
  const render = () => {
    frame.hidden = !isOpen;
    edge.hidden = !isOpen;
    handle.hidden = isOpen;
    makeRoom();
  };
  /** A width the reader asked for here, held to what this window allows and to what the preference accepts. */
  const resizeTo = (wanted: number) => {
    const allowed = clampWidth(wanted, widthRange(view.innerWidth, layout.pushing));
    preferredWidth = Math.max(SIDEBAR_MIN_WIDTH_PX, allowed);
    makeRoom();
  };
  const remember = () => {
    for (const listener of resizeListeners) listener(preferredWidth);
  };

  // Dragging: the pointer is captured by the edge, and the frame lets it pass meanwhile (a frame swallows the
  // moves over it otherwise). Synthetic events (event.isTrusted false) are ignored throughout.
  let dragging: number | null = null;
  edge.addEventListener('pointerdown', (event) => {
    if (!event.isTrusted || event.button !== 0 || !isOpen) return;
    event.preventDefault();
    dragging = event.pointerId;
    edge.setPointerCapture(event.pointerId);
    frame.style.setProperty('pointer-events', 'none');
    edge.classList.add('dragging');
  });
  edge.addEventListener('pointermove', (event) => {
    if (!event.isTrusted || dragging !== event.pointerId) return;
    // The frame's right edge is the viewport's (clientWidth: without the page's scrollbar).
    resizeTo(root.clientWidth - event.clientX);
  });
  const endDrag = (event: PointerEvent) => {
    if (!event.isTrusted || dragging !== event.pointerId) return;
    dragging = null;
    frame.style.removeProperty('pointer-events');
    edge.classList.remove('dragging');
    remember();
  };
  edge.addEventListener('pointerup', endDrag);
  edge.addEventListener('pointercancel', endDrag);
  edge.addEventListener('lostpointercapture', endDrag);
  let keySettle: ReturnType<typeof setTimeout> | undefined;
  edge.addEventListener('keydown', (event) => {
    if (!event.isTrusted || event.altKey || event.ctrlKey || event.metaKey) return;
    const wanted = widthForKey(event.key, layout.width, widthRange(view.innerWidth, layout.pushing));
    if (wanted === null) return;
    event.preventDefault();
    resizeTo(wanted);
    clearTimeout(keySettle);
    keySettle = setTimeout(remember, KEY_SETTLE_MS);
  });
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
    // As wide as it is meant to be drawn now (the reader's width, or the window's when narrower).
    const wide = layout.width - 2;
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
      labelEdge(next);
    },
    get width() {
      return layout.width;
    },
    setPreferredWidth(next) {
      // Not in the middle of the reader's own drag here.
      if (dragging !== null) return;
      preferredWidth = next;
      makeRoom();
    },
    onReaderResize(listener) {
      resizeListeners.push(listener);
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
