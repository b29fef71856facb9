// The small toolbar over a text selection in the article: highlight in one of five colours, add a note or
// tags (edited in the sidebar, never typed into the page), save as excerpt, copy with citation.
// It holds buttons only (no reader data), in an open shadow root: the browser tests drive it with the real
// pointer, as a reader does, and nothing in it is worth reading. A click counts only when the reader made it
// (isTrusted), on the toolbar as it was placed: page script could move it under the reader's pointer, make it
// transparent or slide it in just before a click meant for the page, so a click on a toolbar that moved,
// was restyled or has been visible for less than MIN_VISIBLE_MS does nothing.

import type { UiLanguage } from '../../records/preferences';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../records/annotation';
import { STYLE_COLOURS } from '../../highlights/layers';
import { mountShadowHost } from '../../highlights/shadow-host';

export type ToolbarAction = { kind: 'highlight'; colour: HighlightColour } | { kind: 'note' | 'tags' | 'excerpt' | 'cite' };

const LABELS: Record<UiLanguage, Record<HighlightColour | 'note' | 'tags' | 'excerpt' | 'cite' | 'toolbar', string>> = {
  'zh-CN': {
    toolbar: '安阅：批注所选文字',
    yellow: '黄色高亮',
    green: '绿色高亮',
    blue: '蓝色高亮',
    pink: '粉色高亮',
    purple: '紫色高亮',
    note: '批注',
    tags: '标签',
    excerpt: '摘录',
    cite: '复制引用',
  },
  en: {
    toolbar: 'Anyue: annotate the selection',
    yellow: 'Highlight yellow',
    green: 'Highlight green',
    blue: 'Highlight blue',
    pink: 'Highlight pink',
    purple: 'Highlight purple',
    note: 'Note',
    tags: 'Tags',
    excerpt: 'Excerpt',
    cite: 'Copy with citation',
  },
};

const STYLE = `
.bar {
  position: absolute; z-index: 2147483647; display: flex; gap: 4px; align-items: center; padding: 4px 6px;
  background: #1f2328; border-radius: 8px; box-shadow: 0 4px 14px rgba(0,0,0,.3);
  font: 13px/1.2 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
}
button { font: inherit; cursor: pointer; border: 0; border-radius: 4px; }
.colour { width: 20px; height: 20px; border: 2px solid #fff; border-radius: 50%; }
.text { background: #32383f; color: #fff; padding: 3px 7px; }
.text:hover, .colour:hover { filter: brightness(1.15); }
button:focus-visible { outline: 2px solid #4dabf7; outline-offset: 1px; }
[hidden] { display: none !important; }
`;

/** A reader reads a toolbar before clicking it; one that appeared under a click already on its way is not chosen. */
export const MIN_VISIBLE_MS = 120;

/** Whether an element's own style shows it as we drew it (not faded, hidden, moved or filtered by page CSS). */
function drawnAsOurs(element: Element): boolean {
  const style = element.ownerDocument.defaultView!.getComputedStyle(element);
  return style.opacity === '1' && style.visibility === 'visible' && (style.transform === 'none' || style.transform === '') && (style.filter === 'none' || style.filter === '');
}

export interface SelectionToolbar {
  showFor(range: Range): void;
  hide(): void;
  setLanguage(language: UiLanguage): void;
  readonly visible: boolean;
}

/** `rightInset` tells how much of the viewport's right side is covered (the open sidebar). */
export function mountSelectionToolbar(
  doc: Document,
  onAction: (action: ToolbarAction) => void,
  rightInset: () => number = () => 0,
): SelectionToolbar {
  const shadow = mountShadowHost(doc, 'anyue-toolbar', STYLE, 'open');
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.hidden = true;
  const buttons = new Map<string, HTMLButtonElement>();
  const add = (key: string, className: string, action: ToolbarAction) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = className;
    button.dataset.action = key;
    // Keep the page's selection: a mousedown on a button would otherwise collapse it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      if (event.isTrusted && asPlaced()) onAction(action);
    });
    buttons.set(key, button);
    bar.append(button);
    return button;
  };
  for (const colour of HIGHLIGHT_COLOURS) {
    add(colour, 'colour', { kind: 'highlight', colour }).style.background = STYLE_COLOURS[`user-${colour}`].background;
  }
  for (const kind of ['note', 'tags', 'excerpt', 'cite'] as const) add(kind, 'text', { kind });
  shadow.append(bar);

  let placed: { top: number; left: number; at: number } | null = null;
  const asPlaced = () => {
    if (!placed || bar.hidden) return false;
    const view = doc.defaultView!;
    const rect = bar.getBoundingClientRect();
    const host = shadow.host;
    return (
      performance.now() - placed.at >= MIN_VISIBLE_MS &&
      bar.style.top === `${placed.top}px` &&
      bar.style.left === `${placed.left}px` &&
      Math.abs(rect.top + view.scrollY - placed.top) < 2 &&
      Math.abs(rect.left + view.scrollX - placed.left) < 2 &&
      drawnAsOurs(bar) &&
      drawnAsOurs(host) &&
      !host.hasAttribute('style') &&
      !host.hasAttribute('hidden')
    );
  };

  const setLanguage = (language: UiLanguage) => {
    const labels = LABELS[language];
    bar.setAttribute('aria-label', labels.toolbar);
    for (const [key, button] of buttons) {
      const label = labels[key as keyof typeof labels];
      button.setAttribute('aria-label', label);
      button.title = label;
      if (button.className === 'text') button.textContent = label;
    }
  };
  setLanguage('zh-CN');

  return {
    showFor(range) {
      // The union of the selected lines: a selection starting at a line's end still gets a toolbar over it.
      const box = range.getBoundingClientRect();
      const view = doc.defaultView!;
      bar.hidden = false;
      const width = bar.offsetWidth || 280;
      const height = bar.offsetHeight || 32;
      const above = box.top - height - 8;
      // Whole pixels: the placement is compared at click time, and the style keeps integers exactly.
      const top = Math.round((above > 0 ? above : box.bottom + 8) + view.scrollY);
      const maxLeft = view.innerWidth - rightInset() - width - 24;
      const left = Math.round(Math.max(4, Math.min(box.left, maxLeft)) + view.scrollX);
      bar.style.top = `${top}px`;
      bar.style.left = `${left}px`;
      placed = { top, left, at: performance.now() };
    },
    hide() {
      bar.hidden = true;
      placed = null;
    },
    setLanguage,
    get visible() {
      return !bar.hidden;
    },
  };
}
