// The one typed protocol between the portal content script, the sidebar and the background.
// Every message is validated on arrival (parseMessage); anything malformed or unknown is refused with a reason.

import { array, boolean, integer, nullable, object, oneOf, string, type Check } from './schema';

export type UiLanguage = 'zh-CN' | 'en';

/** What the content script tells the background about the article it is showing. */
export interface ArticleMeta {
  key: string;
  postId: string;
  url: string;
  title: string;
  categories: string[];
  publishedAt: string | null;
  author: string | null;
  source: string | null;
  /** Length of the article text in UTF-16 code units. */
  textLength: number;
}

export interface VisitInfo {
  firstReadAt: number;
  lastReadAt: number;
  readCount: number;
}

export interface SidebarState {
  article: ArticleMeta | null;
  visit: VisitInfo | null;
  language: UiLanguage;
}

export type Message =
  /** content → background: an article page was recognised; records the visit. */
  | { type: 'article/opened'; article: ArticleMeta }
  /** sidebar → background: the state to show for the tab the sidebar sits in. */
  | { type: 'sidebar/get-state' }
  /** sidebar or background → content: show or hide the sidebar (remembered as the reader's choice). */
  | { type: 'sidebar/set-open'; open: boolean }
  /** background → content: the toolbar button or keyboard command was used. */
  | { type: 'sidebar/toggle' }
  /** sidebar → background: the reader picked a UI language. */
  | { type: 'preferences/set-language'; language: UiLanguage };

export type MessageType = Message['type'];

/** Replies, by request type. */
export interface Replies {
  'article/opened': { ok: true; sidebarOpen: boolean; language: UiLanguage };
  'sidebar/get-state': { ok: true; state: SidebarState };
  'sidebar/set-open': { ok: true };
  'sidebar/toggle': { ok: true; open: boolean };
  'preferences/set-language': { ok: true };
}

export type ErrorReply = { ok: false; error: string };

const articleMeta: Check = object({
  key: string(200, { nonEmpty: true }),
  postId: string(20, { nonEmpty: true }),
  url: string(2_000, { nonEmpty: true }),
  title: string(1_000),
  categories: array(string(200), 20),
  publishedAt: nullable(string(40)),
  author: nullable(string(200)),
  source: nullable(string(500)),
  textLength: integer(0, 50_000_000),
});

const language = oneOf<UiLanguage>('zh-CN', 'en');

const messageShapes: Record<MessageType, Check> = {
  'article/opened': object({ type: string(), article: articleMeta }),
  'sidebar/get-state': object({ type: string() }),
  'sidebar/set-open': object({ type: string(), open: boolean }),
  'sidebar/toggle': object({ type: string() }),
  'preferences/set-language': object({ type: string(), language }),
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseMessage(raw: unknown): Parsed<Message> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'message: expected an object' };
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(messageShapes, type)) {
    return { ok: false, reason: `message.type: unknown type ${JSON.stringify(String(type).slice(0, 60))}` };
  }
  const reason = messageShapes[type as MessageType](raw, 'message');
  return reason ? { ok: false, reason } : { ok: true, value: raw as Message };
}

export function isArticleMeta(value: unknown): value is ArticleMeta {
  return articleMeta(value, 'article') === null;
}
