export interface ExpectedArticle {
  id: string;
  url: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  column: string[];
}
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
