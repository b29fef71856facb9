import { describe, expect, it } from 'vitest';
import { parseBackup } from '../exporters/backup-import';
import { exportBackup } from '../exporters/web-annotation';
import { SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES } from '../tests/fixtures/exporters/sample';
import { describeBackupProblem } from './backup-problems';

const valid = JSON.parse(exportBackup(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, { generated: Date.UTC(2024, 10, 1) }));
const problemsOf = (text: string) => {
  const parsed = parseBackup(text);
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.errors;
};
const edited = (edit: (doc: any) => void) => {
  const doc = structuredClone(valid);
  edit(doc);
  return JSON.stringify(doc);
};

describe('a refused backup, said in the reader’s language', () => {
  it.each([
    ['a damaged file', '{"items": [', /不是有效的 JSON/],
    ['another program’s file', '{"name": "x"}', /不是安阅的备份/],
    ['a newer backup', edited((d) => (d['anyue:version'] = 7)), /更新版本的安阅写出（格式 7）.*请先更新扩展/],
    ['a wrong type deep inside', edited((d) => (d.items[0]['anyue:deleted'] = 'yes')), /^位置 items\[0\]\.anyue:deleted：应为是\/否，实际是文字。$/],
    ['a javascript: link', edited((d) => (d['anyue:articles'][0].url = 'javascript:alert(1)')), /位置 anyue:articles\[0\]\.url：只允许 http 或 https 网址/],
    ['an unknown field', edited((d) => (d.items[1].extra = 1)), /位置 items\[1\]\.extra：多出了不认识的一项/],
  ])('%s: in plain Chinese, with where it is', (_case, text, said) => {
    const [first] = problemsOf(text);
    const zh = describeBackupProblem(first!, 'zh-CN');
    expect(zh).toMatch(said);
    // No technical English left beyond the place in the file.
    expect(zh.replace(/^位置 [^：]+：/, '').replace(/JSON|https?/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('keeps the importer’s own words in English, and an unforeseen problem is still said, with its detail', () => {
    expect(describeBackupProblem({ path: 'items[2].id', message: 'duplicate id x' }, 'en')).toBe('items[2].id: duplicate id x');
    expect(describeBackupProblem({ path: 'x', message: 'something new' }, 'zh-CN')).toBe('位置 x：内容不符合要求（something new）。');
  });
});
