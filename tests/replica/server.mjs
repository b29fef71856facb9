// Serves the replica of the portal, and the other sites' replica pages (tests/replica/sites.mjs), on 127.0.0.1.
// Also answers as an HTTP proxy (absolute request URLs), which is how Firefox is pointed at it while the page keeps
// its real host name.
// Usage: node tests/replica/server.mjs [port]   (prints "replica listening on http://127.0.0.1:PORT")

import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { articlePage, homePage, listPage, replicaArticles, revisedSeedArticle, searchPage } from './pages.mjs';
import { sitePages } from './sites.mjs';
import { genericPages } from './generic.mjs';

const FIGURE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#dfe6ee"/><text x="300" y="210" font-size="28" text-anchor="middle" fill="#7a8796">图片</text></svg>`;

export function createReplicaServer() {
  const articles = replicaArticles();
  const byId = new Map(articles.map((article) => [article.postId, article]));
  const items = articles
    .filter((article) => article.postId !== '6666')
    .map((article) => ({
      postId: article.postId,
      title: article.title,
      excerpt: (article.paragraphs.find((p) => p.length > 40) ?? '').slice(0, 80),
      date: article.info?.datetime?.slice(0, 10) ?? '2020-11-23',
    }));

  // The other sites' replica pages by host and path; their hosts are answered only from this table.
  const siteHtml = new Map(sitePages().map((page) => {
    const at = new URL(page.url);
    return [`${at.hostname}${at.pathname}`, page.html];
  }));
  const siteHosts = new Set(Array.from(siteHtml.keys(), (key) => key.slice(0, key.indexOf('/'))));
  // A site no adapter knows, straight on 127.0.0.1 (the generic reader's pages).
  const genericHtml = new Map(genericPages().map((page) => [page.path, page.html]));

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://zaihaifangyu.cn');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const html = (body) => send(200, 'text/html; charset=utf-8', body);
    // A proxied request names its host in the URL; a host-mapped one (Chromium) in the Host header.
    const host = /^https?:\/\//.test(req.url ?? '') ? url.hostname : (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (siteHosts.has(host)) {
      const page = siteHtml.get(`${host}${url.pathname}`);
      return page ? html(page) : send(404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>404</title><body>页面不存在</body>');
    }
    if (!/^(www\.)?zaihaifangyu\.cn$|^127\.0\.0\.1$|^localhost$/.test(url.hostname)) {
      return send(502, 'text/plain; charset=utf-8', 'the replica serves only the portal');
    }
    if (genericHtml.has(url.pathname) && /^127\.0\.0\.1$|^localhost$/.test(host)) return html(genericHtml.get(url.pathname));
    const article = /^\/(\d+)\.html$/.exec(url.pathname);
    if (url.pathname === '/5288.html' && url.searchParams.get('rev') === '2') return html(articlePage(revisedSeedArticle()));
    if (article && byId.has(article[1])) return html(articlePage(byId.get(article[1])));
    if (url.pathname === '/' && url.searchParams.has('s')) {
      const query = url.searchParams.get('s') ?? '';
      return html(searchPage(query, items.filter((item) => item.title.includes(query) || item.excerpt.includes(query))));
    }
    if (url.pathname === '/') return html(homePage(items));
    if (/^\/category\/[\w-]+\/?$/.test(url.pathname)) return html(listPage('新闻播报', items));
    if (url.pathname === '/wp-content/uploads/figure.svg') return send(200, 'image/svg+xml', FIGURE_SVG);
    if (url.pathname.endsWith('.css')) return send(200, 'text/css', 'body{font-family:sans-serif;margin:0}.hide{display:none}.wrap{max-width:1200px;margin:0 auto;display:flex;gap:20px}.main{flex:1}.sidebar{width:300px}');
    return send(404, 'text/html; charset=utf-8', '<!DOCTYPE html><title>404</title><body class="error404">页面不存在</body>');
  });
}

export function startReplica(port = 0) {
  return new Promise((resolve, reject) => {
    const server = createReplicaServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, port: server.address().port }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { port } = await startReplica(Number(process.argv[2] ?? 8765));
  console.log(`replica listening on http://127.0.0.1:${port}`);
}
