// Annotations for library tests and benchmarks, built the way the background builds them.

import { describeSpan } from '../anchoring/selectors';
import type { Annotation, HighlightColour } from '../records/annotation';
import { formatStamp } from '../sync/hlc';
import type { ArticleRecord } from '../records/article';
import type { ArticleAnalysisRecord } from '../records/analysis';

let serial = 0;

export function makeAnnotation(fields: {
  text: string;
  quote: string;
  note?: string;
  tags?: string[];
  colour?: HighlightColour;
  articleKey?: string;
  articleTitle?: string;
  createdAt?: number;
  speakers?: Annotation['speakers'];
  deleted?: boolean;
}): Annotation {
  const start = fields.text.indexOf(fields.quote);
  if (start < 0) throw new Error(`quote not in text: ${fields.quote}`);
  serial += 1;
  const createdAt = fields.createdAt ?? 1_700_000_000_000 + serial;
  const stamp = formatStamp(createdAt, 0, 'testdevice');
  const hex = serial.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    articleKey: fields.articleKey ?? 'zaihaifangyu.cn/5288',
    articleUrl: `https://${fields.articleKey ?? 'zaihaifangyu.cn/5288'}.html`,
    articleTitle: fields.articleTitle ?? '第七届国家治理高峰论坛2020城市安全管理峰会在京举行',
    kind: 'highlight',
    target: describeSpan(fields.text, start, start + fields.quote.length),
    colour: fields.colour ?? 'yellow',
    note: fields.note ?? '',
    tags: fields.tags ?? [],
    speakers: fields.speakers ?? [],
    excerpt: null,
    createdAt,
    updatedAt: createdAt,
    deleted: fields.deleted ?? false,
    stamps: { created: stamp, colour: stamp, note: stamp, tags: stamp, deleted: stamp, target: stamp },
  };
}

const trendArticle = (id: string, publishedAt: string | null, title = `文章${id}`): ArticleRecord =>
  ({ key: `mem.gov.cn/${id}`, postId: id, url: `https://www.mem.gov.cn/${id}.html`, title, publishedAt, firstReadAt: Date.UTC(2026, 11, 1), lastReadAt: Date.UTC(2026, 11, 1), visits: 1 }) as unknown as ArticleRecord;

const trendAnalysis = (id: string, phrases: [string, 'meeting' | 'slogan', number][], speakers: [string, string][] = []): ArticleAnalysisRecord => ({
  articleKey: `mem.gov.cn/${id}`,
  analysedAt: Date.UTC(2026, 11, 1),
  summary: {
    speakers: speakers.map(([name, title], i) => ({ name, title, org: '应急管理部', first: { start: i, end: i + 2 }, passages: [{ start: 10, end: 30, via: 'direct', snippet: `${name}说的话` }] })),
    people: [],
    phrases: phrases.map(([text, category, n]) => ({ text, category, source: 'lexicon', occurrences: Array.from({ length: n }, (_, k) => ({ start: 100 + k * 10, end: 104 + k * 10 })) })),
  },
});

/** Four articles (one undated) with phrase and speaker analyses: the trends tests' data. */
export function trendFixture(): { articles: Map<string, ArticleRecord>; analyses: ArticleAnalysisRecord[] } {
  const articles = new Map(
    [trendArticle('1', '2024-01-15'), trendArticle('2', '2024-03-02T10:00'), trendArticle('3', '2024-03-28'), trendArticle('4', null, '未注明日期的文章')].map((a) => [a.key, a]),
  );
  const analyses = [
    trendAnalysis('1', [['防汛救灾', 'meeting', 2], ['安全第一', 'slogan', 1]], [['王祥喜', '部长']]),
    trendAnalysis('2', [['防汛救灾', 'meeting', 1]], [['王祥喜', '党委书记、部长']]),
    trendAnalysis('3', [['防汛救灾', 'meeting', 4], ['安全生产月', 'meeting', 1]]),
    trendAnalysis('4', [['防汛救灾', 'meeting', 5]], [['王祥喜', '部长']]),
  ];
  return { articles, analyses };
}
