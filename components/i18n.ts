// Interface strings in the two UI languages. zh-CN is the default; the reader may switch to English.

import type { UiLanguage } from '../messaging/protocol';

const zh = {
  appName: '安阅',
  closeSidebar: '收起侧栏',
  article: '文章',
  source: '来源',
  published: '发布日期',
  author: '作者',
  categories: '栏目',
  firstRead: '首次阅读',
  lastRead: '最近阅读',
  readCount: '阅读次数',
  noArticle: '此页面不是文章页。',
  loading: '正在读取……',
  language: '界面语言',
  failed: '无法读取文章信息：',
  link: '原文链接',
};

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appName: 'Anyue',
  closeSidebar: 'Close sidebar',
  article: 'Article',
  source: 'Source',
  published: 'Published',
  author: 'Author',
  categories: 'Section',
  firstRead: 'First read',
  lastRead: 'Last read',
  readCount: 'Times read',
  noArticle: 'This page is not an article.',
  loading: 'Loading…',
  language: 'Language',
  failed: 'Could not read the article: ',
  link: 'Original page',
};

const catalogues: Record<UiLanguage, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export function translator(language: UiLanguage): (key: MessageKey) => string {
  const catalogue = catalogues[language] ?? zh;
  return (key) => catalogue[key];
}

export function formatDateTime(timestamp: number, language: UiLanguage): string {
  return new Date(timestamp).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
