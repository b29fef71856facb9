import type { SiteArticle } from '../../sites/types';

/** The fields of the SiteArticle a correct reader gets from the page. */
export type ExpectedArticle = Pick<SiteArticle, 'id' | 'url' | 'title' | 'publishedAt' | 'source' | 'author' | 'editor' | 'column'>;
export interface SitePage {
  name: string;
  /** The site id a reader gives its articles (the bare host for the meta-tag adapter). */
  site: string;
  url: string;
  html: string;
  /** Corpus lines the article's text must contain (articles only). */
  bodyLines?: string[];
  /** What a correct reader gets; null for pages that are not articles. */
  expected: ExpectedArticle | null;
}
export function sitePages(): SitePage[];
