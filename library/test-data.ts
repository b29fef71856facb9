// Annotations for library tests and benchmarks, built the way the background builds them.

import { describeSpan } from '../anchoring/selectors';
import type { Annotation, HighlightColour } from '../records/annotation';
import { formatStamp } from '../sync/hlc';

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
