export interface ReplicaArticle {
  postId: string;
  title: string;
  paragraphs: string[];
  categories: string[];
  info: { author: string; date: string; datetime: string; origin: string; reads?: number } | null;
  copyrightSource: string | null;
  generation: 'new' | 'old';
  extraBodyHtml?: string;
}
export interface ListItem {
  postId: string;
  title: string;
  excerpt: string;
  date: string;
}
export const SITE_NAME: string;
export function escapeHtml(text: string): string;
export function articlePage(article: ReplicaArticle): string;
export function listPage(heading: string, items: ListItem[]): string;
export function homePage(items: ListItem[]): string;
export function searchPage(query: string, items: ListItem[]): string;
export function replicaArticles(): ReplicaArticle[];
export function revisedSeedArticle(): ReplicaArticle;
