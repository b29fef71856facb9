// Hosts the sidebar beside the article. The sidebar itself is an extension page in an iframe: its document
// lives in the extension's origin, so the page's scripts cannot read what it shows. The frame and the
// re-open handle sit in a closed shadow root, out of the page scripts' reach.

import { mountShadowHost } from '../../highlights/shadow-host';
import type { UiLanguage } from '../../records/preferences';

export const SIDEBAR_WIDTH_PX = 380;

export interface SidebarFrame {
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** Called when the reader opens or closes the sidebar from the page's handle. */
  onReaderChange(listener: (open: boolean) => void): void;
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

export function mountSidebarFrame(doc: Document, src: string, open: boolean, language: UiLanguage): SidebarFrame {
  const shadow = mountShadowHost(doc, 'anyue-sidebar', STYLE, 'closed');
  const frame = doc.createElement('iframe');
  frame.src = src;
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

  return {
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
