// The words the content script shows in the page (notices, orphan reasons): a catalogue of their own, so the
// page's bundle does not carry every string of the extension pages. components/i18n.ts includes them.

import type { UiLanguage } from '../records/preferences';

const zh = {
  // The page's context menu (the background sets it in the reader's language, not the browser's).
  menuHighlight: '高亮所选文字',
  menuExcerpt: '把所选文字保存为摘录',
  noticeClose: '关闭提示',
  // The sidebar's resize edge (a separator beside the page).
  sidebarResize: '调整侧栏宽度',
  sidebarResizeHint: '拖动，或按左右方向键，调整侧栏宽度',
  noticeSaveFailed: '这条批注没有保存：安阅的存储暂时不可用。请重新载入页面后再试。',
  noticeStorageFull: '这条批注没有保存：存储空间已满。请在批注库中导出并清理旧批注后再试。',
  noticeNoAnswer: '这条批注可能没有保存：安阅的后台没有响应（可能正在重启）。请稍后在侧栏中查看，没有的话再选一次。',
  noticeCopied: '已复制所选文字和引用。',
  noticeCopyFailed: '没能复制：浏览器不允许此页面写入剪贴板。',
  noticeTooLong: '所选文字太长（超过 {n} 字），不能高亮。请分段选择。',
  noticeDuplicate: '这段文字已经高亮过了，没有重复保存。要改颜色或写批注，请在侧栏中修改。',
  noticeOrphan: '没能在页面中找到这段文字：{why}',
  noticePassageGone: '没能显示这条批注：它已被删除，或不属于这篇文章。',
  orphanNotFound: '文章里已没有这段文字，可能被修改或删除了。',
  orphanWeakContext: '这段文字还在，但前后文已经变了，无法确定是原来那一处。',
  orphanAmbiguous: '这段文字在文中出现了不止一处，无法确定是哪一处。',
  orphanQuoteChanged: '文中有相近的文字，但改动较大，无法确定就是这一段。',
  orphanInvalidTarget: '保存的位置信息已损坏。',
  orphanUnknown: '页面内容与保存时不同。',
};
export type PageMessageKey = keyof typeof zh;

const en: Record<PageMessageKey, string> = {
  menuHighlight: 'Highlight the selection',
  menuExcerpt: 'Save the selection as an excerpt',
  noticeClose: 'Close this notice',
  sidebarResize: 'Sidebar width',
  sidebarResizeHint: 'Drag, or press the left and right arrow keys, to change the sidebar\'s width',
  noticeSaveFailed: 'This highlight was not saved: Anyue\'s storage is not available right now. Reload the page and try again.',
  noticeStorageFull: 'This highlight was not saved: storage is full. Export and remove old notes in the library, then try again.',
  noticeNoAnswer: 'This highlight may not have been saved: Anyue\'s background did not answer (it may be restarting). Check the sidebar in a moment and select it again if it is missing.',
  noticeCopied: 'The selection and its citation were copied.',
  noticeCopyFailed: 'Not copied: the browser does not let this page write to the clipboard.',
  noticeTooLong: 'The selection is too long to highlight (over {n} characters). Select it in parts.',
  noticeDuplicate: 'This passage is already highlighted; nothing was added. Change its colour or note in the sidebar.',
  noticeOrphan: 'This passage could not be found in the page: {why}',
  noticePassageGone: 'This note cannot be shown: it was deleted, or it belongs to another article.',
  orphanNotFound: 'the text is no longer in the article; it may have been edited or removed.',
  orphanWeakContext: 'the words are still there, but what surrounds them changed, so it is not certain it is the same place.',
  orphanAmbiguous: 'the words occur more than once and it is not clear which one is meant.',
  orphanQuoteChanged: 'similar words are there, but changed too much to be sure they are this passage.',
  orphanInvalidTarget: 'the stored position is damaged.',
  orphanUnknown: 'the page differs from when it was saved.',
};

export const PAGE_STRINGS: Record<UiLanguage, Record<PageMessageKey, string>> = { 'zh-CN': zh, en };

export const pageTranslator =
  (language: UiLanguage) =>
  (key: PageMessageKey): string =>
    PAGE_STRINGS[language][key];

/** An anchoring orphan reason (anchoring/reanchor.ts) in the reader's words. */
export function orphanReasonText(reason: string, language: UiLanguage): string {
  const keys: Record<string, PageMessageKey> = {
    'not-found': 'orphanNotFound',
    'weak-context': 'orphanWeakContext',
    ambiguous: 'orphanAmbiguous',
    'quote-changed': 'orphanQuoteChanged',
    'invalid-target': 'orphanInvalidTarget',
  };
  return pageTranslator(language)(keys[reason] ?? 'orphanUnknown');
}
