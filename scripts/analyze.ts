// npm run --silent analyze -- FILE [--url URL]
// Prints the analysis of FILE as JSON on stdout. FILE is a .txt file, a .json file with a `text` field
// (the corpus format), or a saved .html page of the portal (the site adapter extracts the article first).
// With --url, a saved .html page is read as the extension would read it at URL: the site adapter that owns
// the URL, else the generic reader; the JSON then carries an `article` object (null, exit 0, for a page that
// is no article).
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { analyzeText } from '../analysis/index';

class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

const PORTAL_ORIGIN = 'https://www.zaihaifangyu.cn';

/** The page's URL: --url, else its canonical/og:url link, else the portal URL its file name implies (5288.html). */
function pageUrl(html: string, file: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  const link =
    /<link\b[^>]*\brel=["']canonical["'][^>]*\bhref=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']canonical["']/i.exec(html)?.[1] ??
    /<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']+)["']/i.exec(html)?.[1];
  if (link && /^https?:\/\//i.test(link)) return link;
  const id = /^(\d+)\.html?$/i.exec(basename(file))?.[1];
  return id ? `${PORTAL_ORIGIN}/${id}.html` : link ? new URL(link, PORTAL_ORIGIN).href : `${PORTAL_ORIGIN}/${basename(file)}`;
}

async function readArticleText(file: string, url: string | undefined): Promise<string> {
  let raw: string;
  try {
    if (!statSync(file).isFile()) throw new UsageError(`not a file: ${file}`);
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(e)}`);
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
    const text = (data as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new UsageError(`${file} has no "text" string field`);
    return text;
  }
  if (ext === '.html' || ext === '.htm') {
    // Loaded only for HTML input: happy-dom is a dev dependency of the CLI, never of the extension.
    const [{ parseHtmlDocument }, { extractPortalArticle }] = await Promise.all([
      import('../sites/html-document'),
      import('../sites/zaihaifangyu'),
    ]);
    const href = pageUrl(raw, file, url);
    const article = extractPortalArticle(parseHtmlDocument(raw, href), href);
    if (!article) throw new UsageError('not a portal article page', 2);
    return article.text;
  }
  if (ext === '.txt' || ext === '') return raw.replace(/^\uFEFF/, '');
  throw new UsageError(`unsupported file type "${ext}": give a .txt, .json or .html file`);
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  let url: string | undefined;
  const ui = args.indexOf('--url');
  if (ui >= 0) {
    url = args[ui + 1];
    if (!url) throw new UsageError('--url needs a value');
    args.splice(ui, 2);
  }
  if (args.length !== 1 || args[0].startsWith('-')) {
    throw new UsageError('usage: npm run --silent analyze -- FILE [--url URL]   (FILE: .txt, .json with a "text" field, or a portal .html page)');
  }
  if (url && /\.html?$/i.test(args[0])) return analyzePageAt(args[0], url);
  const text = await readArticleText(args[0], url);
  if (text.trim() === '') throw new UsageError(`${args[0]}: the article text is empty`);
  const result = analyzeText(text);
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  return 0;
}

/** A saved page read as at `url`: which reader the extension would use, what it read, and the analysis. */
async function analyzePageAt(file: string, url: string): Promise<number> {
  if (!/^https?:\/\//i.test(url)) throw new UsageError(`--url must be an http(s) address: ${url}`);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? String(e)}`);
  }
  const [{ parseHtmlDocument }, { readArticle }, { readGenericArticle }, { readabilityExtractor }] = await Promise.all([
    import('../sites/html-document'),
    import('../sites'),
    import('../sites/generic'),
    import('../sites/readability-extractor'),
  ]);
  const doc = parseHtmlDocument(raw, url);
  const article = readArticle(doc, url) ?? readGenericArticle(doc, url, readabilityExtractor);
  if (!article) {
    process.stdout.write(JSON.stringify({ article: null }) + '\n');
    return 0;
  }
  const { site, title, url: canonical, publishedAt, source, author, editor, key } = article;
  const summary = { site, title, url: canonical, publishedAt, source, author, editor, key, textLength: article.text.length };
  process.stdout.write(JSON.stringify({ article: summary, ...analyzeText(article.text) }, null, 2) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`analyze: ${e.message}\n`);
      process.exit(e.code);
    }
    process.stderr.write(`analyze: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
