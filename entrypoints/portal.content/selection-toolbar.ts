// The small toolbar over a text selection in the article: highlight in one of five colours, add a note or
// tags (edited in the sidebar, never typed into the page), save as excerpt, copy with citation.
// It holds buttons only (no reader data), in an open shadow root that tests can reach; a click counts only
// when the reader made it (isTrusted), so the page's scripts cannot create annotations by clicking for them.

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
      if (event.isTrusted) onAction(action);
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
      const top = (above > 0 ? above : box.bottom + 8) + view.scrollY;
      const maxLeft = view.innerWidth - rightInset() - width - 24;
      const left = Math.max(4, Math.min(box.left, maxLeft)) + view.scrollX;
      bar.style.top = `${top}px`;
      bar.style.left = `${left}px`;
    },
    hide() {
      bar.hidden = true;
    },
    setLanguage,
    get visible() {
      return !bar.hidden;
    },
  };
}
