export const GENERIC_ARTICLE_PATH: string;
export const GENERIC_LIST_PATH: string;
export const GENERIC_TABLE_PATH: string;
export interface GenericPage {
  path: string;
  html: string;
  /** The article's headline; null for the list page. */
  title: string | null;
  paragraphs: string[];
}
export function genericPages(): GenericPage[];
