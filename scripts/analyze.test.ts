// The analyze CLI end to end (spawns tsx: a few seconds).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articlePage, replicaArticles } from '../tests/replica/pages.mjs';
import { sitePages } from '../tests/replica/sites.mjs';
import { genericPages } from '../tests/replica/generic.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = (file: string) => spawnSync(tsx, [join(root, 'scripts/analyze.ts'), file], { encoding: 'utf8', cwd: root });

describe('analyze CLI', () => {
  it('prints the analysis of a .txt file as JSON', () => {
    const out = JSON.parse(execFileSync(tsx, [join(root, 'scripts/analyze.ts'), 'tests/fixtures/analysis/sample.txt'], { encoding: 'utf8', cwd: root }));
    expect(out.speakers).toEqual([
      expect.objectContaining({ name: '朱文', title: '局长', org: '市应急管理局', mentions: [{ start: 8, end: 10 }], quotes: [expect.objectContaining({ via: 'direct' })] }),
    ]);
    expect(Array.isArray(out.people) && Array.isArray(out.phrases)).toBe(true);
  }, 30_000);

  it('reads the corpus .json format', () => {
    const r = cli('tests/fixtures/corpus/articles/10.json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).speakers.map((s: { name: string }) => s.name)).toEqual(['温燕林']);
  }, 30_000);

  it('fails with a clear message and no stack trace on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anyue-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '  \n');
    writeFileSync(join(dir, 'broken.json'), '{');
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.txt'), /no such file/],
      [join(dir, 'empty.txt'), /empty/],
      [join(dir, 'broken.json'), /not valid JSON/],
      ['tests/fixtures/analysis/no-text.json', /no "text"/],
    ];
    for (const [file, message] of cases) {
      const r = cli(file);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  }, 60_000);

  it('extracts a portal .html page, and says so when a page is not an article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anyue-cli-'));
    const notArticle = join(dir, 'list.html');
    writeFileSync(notArticle, '<html><body class="home"><h1>首页</h1></body></html>');
    const r = cli(notArticle);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('analyze: not a portal article page');
    // A page rendered like the portal (the replica used by the end-to-end tests), saved as 5288.html.
    const article = replicaArticles().find((a) => a.postId === '5288')!;
    const page = join(dir, '5288.html');
    writeFileSync(page, articlePage(article));
    const ok = cli(page);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).speakers.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['袁宏永', '魏钰']));
  }, 30_000);

  it('--url reads a saved page as the extension would there: the site adapter, else the generic reader', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anyue-cli-'));
    const at = (html: string, url: string) => {
      const file = join(dir, `page-${Math.random().toString(36).slice(2)}.html`);
      writeFileSync(file, html);
      return spawnSync(tsx, [join(root, 'scripts/analyze.ts'), file, '--url', url], { encoding: 'utf8', cwd: root });
    };
    const mem = sitePages().find((page) => page.name === 'mem news')!;
    const byAdapter = at(mem.html, mem.url);
    expect(byAdapter.status).toBe(0);
    const read = JSON.parse(byAdapter.stdout);
    expect(read.article).toMatchObject({ site: 'mem.gov.cn', title: mem.expected!.title, publishedAt: mem.expected!.publishedAt, key: `mem.gov.cn/${mem.expected!.id}` });
    expect(read.article.textLength).toBeGreaterThan(100);
    expect(read.speakers.map((s: { name: string }) => s.name)).toContain('王祥喜');
    const [generic, , list] = genericPages();
    const byGeneric = JSON.parse(at(generic!.html, `https://research.example.org${generic!.path}`).stdout);
    expect(byGeneric.article).toMatchObject({ site: 'research.example.org', title: generic!.title, source: '安全发展研究院' });
    expect(byGeneric.speakers.length).toBeGreaterThan(0);
    const none = at(list!.html, `https://research.example.org${list!.path}`);
    expect(none.status).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ article: null });
    const bad = at(list!.html, 'ftp://research.example.org/');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/http\(s\)/);
  }, 60_000);
});
