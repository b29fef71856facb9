// TEMP: stand-in until records/article-key.ts lands with formatArticleKey(site, id); swap the import then.
export function articleKey(site: string, id: string): string {
  return `${site}/${id}`;
}
