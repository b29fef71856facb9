// The house's import rules, checked on the source itself: imports run one way (no cycles, type imports
// included), and records/ sits at the bottom, importing nothing of ours.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SKIPPED = new Set(['node_modules', '.output', '.wxt', '.git', 'dist', 'coverage', 'public']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const base = resolve(dirname(file), match[1]!.replace(/\.m?js$/, ''));
    const target = EXTENSIONS.map((ext) => base + ext).find((candidate) => known.has(candidate));
    if (target) found.push(target);
  }
  return found;
}

/** Strongly connected components of more than one file (or a file importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indices.get(next)!));
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

const files = sourceFiles(ROOT);
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));

describe('the import graph', () => {
  it('sees the project (sanity: the parser finds the imports it should)', () => {
    const protocol = graph.get(join(ROOT, 'messaging/protocol.ts'))!.map((f) => relative(ROOT, f));
    expect(protocol).toContain('records/annotation.ts');
    expect(files.length).toBeGreaterThan(100);
  });

  it('has no cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the detector itself)', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['a.ts', 'b.ts']]);
  });

  it('keeps records/ at the bottom: its files import only each other', () => {
    const outside = [...graph]
      .filter(([file]) => relative(ROOT, file).startsWith('records/') && !file.endsWith('.test.ts'))
      .flatMap(([file, imports]) => imports.filter((f) => !relative(ROOT, f).startsWith('records/')).map((f) => `${relative(ROOT, file)} → ${relative(ROOT, f)}`));
    expect(outside).toEqual([]);
  });
});

describe('code bundled into pages', () => {
  // Node's globals do not exist in a content script or extension page: a stray debug line reading
  // process.env threw there and stopped every highlight from being painted (caught by a browser test).
  it('names no Node-only global outside tests, scripts and build config', () => {
    const bundled = files.filter((file) => {
      const path = relative(ROOT, file);
      return !/(^|\/)(tests|scripts)\//.test(path) && !/\.(test|bench)\.tsx?$/.test(path) && !/^[^/]+\.config\.ts$/.test(path);
    });
    const offenders = bundled.filter((file) => /\bprocess\.(env|argv|exit)|\brequire\(|__dirname/.test(readFileSync(file, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});

