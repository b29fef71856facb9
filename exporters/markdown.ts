// Markdown for the reader's notes app (Obsidian, Typora, any CommonMark editor): one file per article or
// one combined file. Front matter is YAML with every value double-quoted, so no title or tag can turn into
// YAML syntax. Page text and notes are plain text in the extension and stay plain text here: every
// character that Markdown, GFM, Obsidian or Typora would read as syntax is backslash-escaped, so a quote
// never becomes a heading, list, table, link, tag, math or raw HTML.

import type { ColourNames } from '../records/preferences';
import type { Annotation, SpeakerRef } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import { groupByArticle, siteNameOfKey, speakerLabel, type ArticleGroup, type ArticleInfo } from './article-groups';
import { articleDateLabel, formatDay, publishedDay } from './dates';
import { citeArticle, citeExcerpt } from './gbt7714';
import { runSliced, runSync, type ProgressOptions, type Steps } from './progress';
import { safeFileName, zipFiles, type ExportFile, type ZipOptions } from './zip';

export interface MarkdownOptions {
  /** When the export is made (epoch ms): the combined file's date. Defaults to now. */
  exportedAt?: number;
  utcOffsetMinutes?: number;
  /** The reader's names for the colours: a named colour is written beside its passage. */
  colourNames?: ColourNames;
}

// ---------------------------------------------------------------- escaping

/** Double-quoted YAML scalar: quotes, backslashes and every invisible or line-breaking character escaped. */
export function yamlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0xfeff ||
      (code >= 0xd800 && code <= 0xdfff) // a lone surrogate: not encodable as UTF-8
    ) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/**
 * ASCII punctuation with a meaning somewhere: CommonMark (\ ` * _ [ ] < > &), GFM (~ |), Obsidian
 * (# tags, == highlight, %% comments, $ math, ^ block ids, [[links]]), Typora (^sup^ ~sub~).
 */
const INLINE_SYNTAX = /[\\`*_[\]<>&~=$%|#^]/g;

/** One line of plain text as Markdown that renders as exactly that text. */
export function escapeMarkdownLine(line: string): string {
  return (
    line
      // Leading spaces would make an indented code block; trailing ones a hard break.
      .replace(/^[ \t]+|[ \t]+$/g, '')
      // NUL is replaced by CommonMark anyway; other controls have no business in a note file.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\uFFFD')
      .replace(INLINE_SYNTAX, '\\$&')
      // Line starts that open a list or a setext underline / thematic break.
      .replace(/^([-+])/, '\\$1')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2')
  );
}

/** Plain text (possibly several lines) as escaped Markdown lines; CR and CRLF count as line ends. */
export function escapeMarkdownLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map(escapeMarkdownLine);
}

/**
 * A note as the Markdown the reader wrote, made safe to paste into a notes app: raw HTML does not become markup
 * (`<` and `&` escaped; the app would render tags), controls are dropped, and a line of dashes cannot close the
 * front matter or turn the line above into a heading.
 */
export function noteMarkdownLines(note: string): string[] {
  return note
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\uFFFD')
        .replace(/[<&]/g, '\\$&')
        .replace(/^(\s*)(-{3,}|={3,})\s*$/, '$1\\$2'),
    );
}

/** Plain text on one line (titles, names). */
function inline(text: string): string {
  return escapeMarkdownLine(text.replace(/\s+/g, ' '));
}

/** Page text: each line of it is a block of the article (text-map joins blocks with '\n'), so a paragraph. */
function blockquote(text: string): string {
  return escapeMarkdownLines(text)
    .filter((line) => line !== '')
    .map((line) => `> ${line}`)
    .join('\n>\n');
}

/** Obsidian makes `#word` a tag only for letters, digits, _ - / and not all digits; others stay text. */
function tagMarkdown(tag: string): string {
  const obsidian = tag.replace(/\s+/g, '-');
  return /^[\p{L}\p{N}\p{M}_\-/]+$/u.test(obsidian) && /[^\d]/.test(obsidian) ? `#${obsidian}` : inline(tag);
}

/** A link only for http(s) URLs; anything else is shown as text, never made clickable. */
function linkMarkdown(url: string): string {
  if (!/^https?:\/\/[^\s<>]+$/i.test(url)) return inline(url);
  const target = url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${inline(url)}](${target})`;
}

/**
 * A citation escaped like any text, except its own [EB/OL] and [引用日期]: readers copy citations from the
 * source view too, where stray backslashes would spoil the reference. Left bare they cannot form a link,
 * since each is followed by ". " and no link definition can exist in a file whose text is all escaped.
 */
function citationMarkdown(citation: string): string {
  return inline(citation).replace(/\\\[(EB\/OL|\d{4}-\d{2}-\d{2})\\\](?=\. )/g, '[$1]');
}

// ---------------------------------------------------------------- content

const speakersKey = (speakers: SpeakerRef[]) => speakers.map((s) => `${s.name}\u0000${s.title}\u0000${s.org}`).join('\u0001');

function frontMatter(article: ArticleInfo, tags: string[]): string {
  const lines = ['---', `title: ${yamlString(article.title)}`, `url: ${yamlString(article.url)}`];
  const site = siteNameOfKey(article.key);
  if (site) lines.push(`site: ${yamlString(site)}`);
  if (article.source) lines.push(`source: ${yamlString(article.source)}`);
  if (article.author) lines.push(`author: ${yamlString(article.author)}`);
  // A YAML date must be a date (Obsidian types the property): an undated article has none; the body says so.
  const day = publishedDay(article.publishedAt);
  if (day) lines.push(`date: ${yamlString(day)}`);
  if (article.categories.length) lines.push('categories:', ...article.categories.map((c) => `  - ${yamlString(c)}`));
  // Obsidian refuses spaces inside a tag; the tag keeps its words joined by '-'.
  if (tags.length) lines.push('tags:', ...tags.map((t) => `  - ${yamlString(t.replace(/\s+/g, '-'))}`));
  lines.push('---');
  return lines.join('\n');
}

function articleTags(annotations: Annotation[]): string[] {
  const tags = new Set<string>();
  for (const annotation of annotations) for (const tag of annotation.tags) tags.add(tag);
  return [...tags];
}

function annotationBlock(annotation: Annotation, options: MarkdownOptions): string {
  const offset = options.utcOffsetMinutes;
  const parts: string[] = [];
  if (annotation.target) {
    const label = annotation.kind === 'excerpt' ? '**摘录**' : null;
    if (label) parts.push(label);
    parts.push(blockquote(annotation.target.quote.exact));
    const colourName = options.colourNames?.[annotation.colour];
    if (colourName && annotation.kind === 'highlight') parts.push(`颜色：${inline(colourName)}`);
  }
  if (annotation.note.trim()) {
    // The reader writes notes in Markdown (or plain text, which is Markdown too): kept as written, on lines of
    // their own so a heading or list in the note stays one.
    const lines = noteMarkdownLines(annotation.note.trim());
    parts.push(annotation.target ? ['**笔记：**', '', ...lines].join('\n') : lines.join('\n'));
  }
  if (annotation.tags.length) parts.push(`标签：${annotation.tags.map(tagMarkdown).join(' ')}`);
  if (annotation.kind === 'excerpt' && annotation.excerpt) {
    parts.push(`引用：${citationMarkdown(citeExcerpt(annotation.excerpt, { utcOffsetMinutes: offset }))}`);
  }
  return parts.join('\n\n');
}

/** Yields after each annotation so a long article can be sliced too. */
function* articleBody(group: ArticleGroup, out: string[], options: MarkdownOptions): Steps {
  const offset = options.utcOffsetMinutes;
  const { article, annotations } = group;
  const meta: string[] = [];
  if (article.source) meta.push(`- 来源：${inline(article.source)}`);
  if (article.author) meta.push(`- 作者：${inline(article.author)}`);
  meta.push(`- 发布日期：${articleDateLabel(article.publishedAt)}`);
  if (article.url) meta.push(`- 原文：${linkMarkdown(article.url)}`);
  meta.push(`- 引用：${citationMarkdown(citeArticle(article, { utcOffsetMinutes: offset }))}`);
  out.push(`# ${inline(article.title || article.url || article.key)}\n\n${meta.join('\n')}\n`);

  const pageNotes = annotations.filter((a) => !a.target);
  const passages = annotations.filter((a) => a.target);
  if (pageNotes.length) {
    out.push('\n## 页面笔记\n');
    for (const note of pageNotes) {
      out.push(`\n${annotationBlock(note, options)}\n`);
      yield;
    }
  }
  // Passages in a speaker's words go under that speaker (or those speakers, when the words of one are
  // quoted inside another's), in order of first appearance; the rest follow in text order.
  const bySpeakers = new Map<string, { speakers: SpeakerRef[]; items: Annotation[] }>();
  const others: Annotation[] = [];
  for (const passage of passages) {
    if (!passage.speakers.length) {
      others.push(passage);
      continue;
    }
    const key = speakersKey(passage.speakers);
    const group = bySpeakers.get(key);
    if (group) group.items.push(passage);
    else bySpeakers.set(key, { speakers: passage.speakers, items: [passage] });
  }
  if (bySpeakers.size) {
    out.push('\n## 发言人言论\n');
    for (const { speakers, items } of bySpeakers.values()) {
      out.push(`\n### ${inline(speakers.map(speakerLabel).join('；'))}\n`);
      for (const item of items) {
        out.push(`\n${annotationBlock(item, options)}\n`);
        yield;
      }
    }
  }
  if (others.length) {
    out.push(`\n## ${bySpeakers.size ? '其他标注' : '标注'}\n`);
    for (const item of others) {
      out.push(`\n${annotationBlock(item, options)}\n`);
      yield;
    }
  }
}

function* filesSteps(groups: ArticleGroup[], files: ExportFile[], options: MarkdownOptions): Steps {
  const taken = new Set<string>();
  for (const group of groups) {
    const out = [frontMatter(group.article, articleTags(group.annotations)), '\n\n'];
    yield* articleBody(group, out, options);
    const name = safeFileName(group.article.title || group.article.key, 'md', taken);
    files.push({ name, content: out.join('') });
  }
}

function* combinedSteps(groups: ArticleGroup[], out: string[], options: MarkdownOptions): Steps {
  const offset = options.utcOffsetMinutes;
  const exported = formatDay(options.exportedAt ?? Date.now(), offset);
  out.push(`---\ntitle: ${yamlString(`安阅笔记 ${exported}`)}\ndate: ${yamlString(exported)}\n---\n`);
  for (const group of groups) {
    out.push('\n');
    yield* articleBody(group, out, options);
  }
}

const liveCount = (groups: ArticleGroup[]) => groups.reduce((n, g) => n + g.annotations.length, 0);

/** One Markdown file per annotated article (deleted annotations left out). */
export function exportMarkdownFiles(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[],
  options: MarkdownOptions = {},
): ExportFile[] {
  const files: ExportFile[] = [];
  runSync(filesSteps(groupByArticle(annotations, articles), files, options));
  return files;
}

export async function exportMarkdownFilesAsync(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[],
  options: MarkdownOptions & ProgressOptions = {},
): Promise<ExportFile[]> {
  const groups = groupByArticle(annotations, articles);
  const files: ExportFile[] = [];
  await runSliced(filesSteps(groups, files, options), liveCount(groups), options);
  return files;
}

/** Every annotated article in one Markdown file. */
export function exportMarkdownCombined(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[],
  options: MarkdownOptions = {},
): string {
  const out: string[] = [];
  runSync(combinedSteps(groupByArticle(annotations, articles), out, options));
  return out.join('');
}

export async function exportMarkdownCombinedAsync(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[],
  options: MarkdownOptions & ProgressOptions = {},
): Promise<string> {
  const groups = groupByArticle(annotations, articles);
  const out: string[] = [];
  await runSliced(combinedSteps(groups, out, options), liveCount(groups), options);
  return out.join('');
}

/** The per-article files as one zip. */
export async function exportMarkdownZip(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[],
  options: MarkdownOptions & ProgressOptions & ZipOptions = {},
): Promise<Uint8Array> {
  const files = await exportMarkdownFilesAsync(annotations, articles, options);
  return zipFiles(files, { modifiedAt: options.modifiedAt ?? options.exportedAt });
}
