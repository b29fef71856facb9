// CSV for spreadsheets, shaped for Excel on Chinese Windows: UTF-8 with a BOM (without it Excel guesses
// GBK and shows mojibake), CRLF row ends, RFC 4180 quoting, and cells that a spreadsheet would run as a
// formula (= + - @, tab, CR at the start) prefixed with ' so they are shown as text.
//
// Columns, one row per live annotation, in the order a Chinese reader scans a table: where it is from
// (文章, 来源, 日期, 链接), then what was marked (类型, 发言人, 原文), then the reader's own (笔记, 标签, 颜色),
// then bookkeeping (times, id). Headers are bilingual, "中文 English", so either reader finds the column.

import type { ColourNames } from '../records/preferences';
import type { Annotation, AnnotationKind, HighlightColour } from '../records/annotation';
import type { ArticleRecord } from '../records/article';
import { groupByArticle, siteNameOfKey, speakerLabel, type ArticleGroup } from './article-groups';
import { articleDateLabel, formatDayTime } from './dates';
import { runSliced, runSync, type ProgressOptions, type Steps } from './progress';

export const CSV_HEADERS = [
  '文章标题 Article',
  '网站 Site',
  '来源 Source',
  '发布日期 Published',
  '原文链接 URL',
  '类型 Kind',
  '发言人 Speakers',
  '原文 Quote',
  '笔记 Note',
  '标签 Tags',
  '颜色 Colour',
  '创建时间 Created',
  '修改时间 Modified',
  '标注ID Annotation ID',
] as const;

const KIND_LABELS: Record<AnnotationKind, string> = { highlight: '高亮 highlight', excerpt: '摘录 excerpt', 'page-note': '页面笔记 page note' };
const COLOUR_LABELS: Record<HighlightColour, string> = { yellow: '黄 yellow', green: '绿 green', blue: '蓝 blue', pink: '粉 pink', purple: '紫 purple' };

/** Excel keeps at most this many characters in a cell; a longer one spills into the next row and shifts every column. */
export const EXCEL_MAX_CELL_LENGTH = 32_767;
const TRUNCATED = '…〔已截断 truncated〕';

/** Starts that a spreadsheet reads as a formula (or, for tab and line breaks, that can hide one behind them; CR is already LF here). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** One cell: neutralised, capped, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  let text = value.replace(/\r\n?/g, '\n');
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (text.length > EXCEL_MAX_CELL_LENGTH) {
    text = text.slice(0, EXCEL_MAX_CELL_LENGTH - TRUNCATED.length).replace(/[\uD800-\uDBFF]$/, '') + TRUNCATED;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const BOM = '\uFEFF';

export interface CsvOptions {
  utcOffsetMinutes?: number;
  /** The reader's names for the colours, written after the colour's own. */
  colourNames?: ColourNames;
}

function* csvSteps(groups: ArticleGroup[], out: string[], options: CsvOptions): Steps {
  const offset = options.utcOffsetMinutes;
  out.push(BOM, csvRow(CSV_HEADERS));
  for (const { article, annotations } of groups) {
    const source = article.source ?? '';
    const day = articleDateLabel(article.publishedAt);
    for (const a of annotations) {
      out.push(
        csvRow([
          article.title,
          siteNameOfKey(article.key),
          source,
          day,
          article.url,
          KIND_LABELS[a.kind],
          a.speakers.map(speakerLabel).join('；'),
          a.target?.quote.exact ?? '',
          a.note,
          a.tags.join('、'),
          options.colourNames?.[a.colour] ? `${COLOUR_LABELS[a.colour]}（${options.colourNames[a.colour]}）` : COLOUR_LABELS[a.colour],
          formatDayTime(a.createdAt, offset),
          formatDayTime(a.updatedAt, offset),
          a.id,
        ]),
      );
      yield;
    }
  }
}

/** All live annotations as one CSV text (BOM first); encode as UTF-8 when saving. */
export function exportCsv(annotations: readonly Annotation[], articles: readonly ArticleRecord[], options: CsvOptions = {}): string {
  const out: string[] = [];
  runSync(csvSteps(groupByArticle(annotations, articles), out, options));
  return out.join('');
}

export async function exportCsvAsync(
  annotations: readonly Annotation[],
  articles: readonly ArticleRecord[],
  options: CsvOptions & ProgressOptions = {},
): Promise<string> {
  const groups = groupByArticle(annotations, articles);
  const out: string[] = [];
  await runSliced(csvSteps(groups, out, options), groups.reduce((n, g) => n + g.annotations.length, 0), options);
  return out.join('');
}
