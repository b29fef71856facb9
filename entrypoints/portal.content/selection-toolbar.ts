// The small toolbar over a text selection in the article: highlight in one of five colours, add a note or
// tags (edited in the sidebar, never typed into the page), save as excerpt, copy with citation.
// It sits in a closed shadow root, so the page's scripts cannot reach its buttons, focus them or click them.
// They can still move or restyle the host element, scroll the page or lay something over it, so a button acts
// only on the reader's own (trusted) press and click on the toolbar as it was placed: unmoved, drawn as we drew
// it, and settled (visible in that place for SETTLE_MS) before the press, so the page cannot slide it under a
// pointer already on its way to something else. The host tells where the buttons are (data-buttons) and
// whether the toolbar is settled (data-settled): nothing the page could not measure itself, and nothing it
// can act with.

import type { ColourNames, UiLanguage } from '../../records/preferences';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../../records/annotation';
import { STYLE_COLOURS } from '../../highlights/layers';
import { mountShadowHost, drawnAsOurs } from '../../highlights/shadow-host';

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

/** A reader reads a toolbar before pressing it; one that appeared or moved under a press on its way is not chosen. */
export const SETTLE_MS = 150;


export interface SelectionToolbar {
  showFor(range: Range): void;
  hide(): void;
  setLanguage(language: UiLanguage): void;
  /** The reader's names for the colours, shown on the colour buttons. */
  setColourNames(names: ColourNames): void;
  readonly visible: boolean;
}

/** `rightInset` tells how much of the viewport's right side is covered (the open sidebar). */
export function mountSelectionToolbar(
  doc: Document,
  onAction: (action: ToolbarAction) => void,
  rightInset: () => number = () => 0,
): SelectionToolbar {
  const shadow = mountShadowHost(doc, 'anyue-toolbar', STYLE, 'closed');
  const host = shadow.host as HTMLElement;
  const view = doc.defaultView!;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.hidden = true;
  const buttons = new Map<string, HTMLButtonElement>();

  /** Where the toolbar was placed (document coordinates) and since when it has stood still there. */
  let placed: { top: number; left: number } | null = null;
  let stillSince = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The button the reader pressed, with where the toolbar stood then; a click elsewhere or after a move is void. */
  let pressed: { key: string; top: number; left: number; placement: number } | null = null;
  /** Counts placements: a press on one placement and a click after the next one are not one choice. */
  let placement = 0;
  /** When the reader's own focus (Tab) arrived on a button: a key press acts only on a focus that has settled too. */
  let focusedAt = 0;

  const barPosition = () => {
    const rect = bar.getBoundingClientRect();
    return { top: rect.top + view.scrollY, left: rect.left + view.scrollX };
  };
  const inPlace = () => {
    if (!placed || bar.hidden) return false;
    const now = barPosition();
    return (
      Math.abs(now.top - placed.top) < 1.5 &&
      Math.abs(now.left - placed.left) < 1.5 &&
      drawnAsOurs(host) &&
      drawnAsOurs(bar) &&
      drawnAsOurs(doc.documentElement) &&
      !host.hidden
    );
  };
  /** Where the toolbar stood on screen when last seen still: a scroll the scroll event has not told of yet
   * (it arrives with the next frame, a press may come first) shows as a different place. */
  let seenAt = { top: 0, left: 0 };
  const onScreen = () => {
    const rect = bar.getBoundingClientRect();
    return { top: rect.top, left: rect.left };
  };
  const settled = () => {
    const now = onScreen();
    return inPlace() && Math.abs(now.top - seenAt.top) < 1 && Math.abs(now.left - seenAt.left) < 1 && performance.now() - stillSince >= SETTLE_MS;
  };

  /** The toolbar moved on screen (placed, or the page scrolled): it must stand still again before it counts. */
  const restartSettling = () => {
    stillSince = performance.now();
    seenAt = onScreen();
    host.removeAttribute('data-settled');
    clearTimeout(settleTimer);
    if (bar.hidden) return;
    settleTimer = setTimeout(() => {
      if (settled()) host.setAttribute('data-settled', '');
    }, SETTLE_MS + 10);
  };
  view.addEventListener('scroll', () => !bar.hidden && restartSettling(), { capture: true, passive: true });
  view.addEventListener('resize', () => !bar.hidden && restartSettling(), { passive: true });

  const add = (key: string, className: string, action: ToolbarAction) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = className;
    button.dataset.action = key;
    // Keep the page's selection: a mousedown on a button would otherwise collapse it.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('pointerdown', (event) => {
      pressed = event.isTrusted && event.button === 0 && settled() ? { key, ...barPosition(), placement } : null;
    });
    button.addEventListener('focus', (event) => {
      focusedAt = event.isTrusted ? performance.now() : 0;
    });
    button.addEventListener('click', (event) => {
      const press = pressed;
      pressed = null;
      if (!event.isTrusted) return;
      // Enter or Space on a button the reader tabbed to: no pointer, so the focus must have settled instead.
      const byKey = event.detail === 0 && shadow.activeElement === button && focusedAt > 0 && performance.now() - focusedAt >= SETTLE_MS;
      const byPointer = press !== null && press.key === key && press.placement === placement && inPlace() && Math.abs(barPosition().top - press.top) < 1.5 && Math.abs(barPosition().left - press.left) < 1.5;
      if ((byKey && inPlace()) || byPointer) onAction(action);
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

  let language: UiLanguage = 'zh-CN';
  let colourNames: ColourNames = {};
  const relabel = () => {
    const labels = LABELS[language];
    bar.setAttribute('aria-label', labels.toolbar);
    for (const [key, button] of buttons) {
      let label = labels[key as keyof typeof labels];
      const index = HIGHLIGHT_COLOURS.indexOf(key as HighlightColour);
      if (index >= 0) {
        // The reader's name for the colour, and its key (1–5 while the toolbar shows).
        const name = colourNames[key as HighlightColour];
        label = `${label}${name ? (language === 'en' ? `: ${name}` : `：${name}`) : ''} (${index + 1})`;
      }
      button.setAttribute('aria-label', label);
      button.title = label;
      if (button.className === 'text') button.textContent = label;
    }
  };
  relabel();

  // A key per colour while the toolbar shows over the reader's selection: 1–5, no modifier, typed by the
  // reader (isTrusted) outside any field. The page cannot type trusted keys, so this needs no placement check.
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || bar.hidden || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.repeat) return;
      const colour = HIGHLIGHT_COLOURS[Number(event.key) - 1];
      if (!colour || !/^[1-5]$/.test(event.key)) return;
      const target = event.composedPath()[0] as HTMLElement | undefined;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      event.stopPropagation();
      onAction({ kind: 'highlight', colour });
    },
    true,
  );

  /** Where each button is, in document coordinates (browser tests click there with the real pointer). */
  const describeButtons = () => {
    const rects: Record<string, number[]> = {};
    for (const [key, button] of buttons) {
      const r = button.getBoundingClientRect();
      rects[key] = [r.left + view.scrollX, r.top + view.scrollY, r.width, r.height].map((n) => Math.round(n * 10) / 10);
    }
    host.setAttribute('data-buttons', JSON.stringify(rects));
  };

  return {
    showFor(range) {
      // The union of the selected lines: a selection starting at a line's end still gets a toolbar over it.
      const box = range.getBoundingClientRect();
      bar.hidden = false;
      const width = bar.offsetWidth || 280;
      const height = bar.offsetHeight || 32;
      const above = box.top - height - 8;
      const top = (above > 0 ? above : box.bottom + 8) + view.scrollY;
      const maxLeft = view.innerWidth - rightInset() - width - 24;
      const left = Math.max(4, Math.min(box.left, maxLeft)) + view.scrollX;
      bar.style.top = `${top}px`;
      bar.style.left = `${left}px`;
      placed = barPosition();
      placement++;
      pressed = null;
      describeButtons();
      restartSettling();
    },
    hide() {
      bar.hidden = true;
      placed = null;
      pressed = null;
      clearTimeout(settleTimer);
      host.removeAttribute('data-settled');
      host.removeAttribute('data-buttons');
    },
    setLanguage(next) {
      language = next;
      relabel();
    },
    setColourNames(names) {
      colourNames = names;
      relabel();
    },
    get visible() {
      return !bar.hidden;
    },
  };
}
