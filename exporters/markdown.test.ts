import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownLine, noteMarkdownLines, exportMarkdownCombined, exportMarkdownFiles, exportMarkdownZip, yamlString } from './markdown';
import { ARTICLE_BARE, ARTICLE_WITH_SOURCE, HIGHLIGHT_SPOKEN, SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, T0 } from '../tests/fixtures/exporters/sample';

/** Front matter lines `key: "value"`: YAML 1.2 double-quoted scalars with only JSON escapes read as JSON strings. */
function frontMatter(markdown: string): Record<string, string | string[]> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!match) throw new Error('no front matter');
  const fields: Record<string, string | string[]> = {};
  let list: string[] | null = null;
  for (const line of match[1]!.split('\n')) {
    const item = /^  - (".*")$/.exec(line);
    if (item && list) list.push(JSON.parse(item[1]!));
    else {
      const field = /^([a-z]+):(?: (".*"))?$/.exec(line);
      if (!field) throw new Error(`not a plain key/quoted value line: ${line}`);
      if (field[2]) fields[field[1]!] = JSON.parse(field[2]);
      else fields[field[1]!] = list = [];
    }
  }
  return fields;
}

describe('yamlString', () => {
  it.each([
    ['plain 中文', '"plain 中文"'],
    ['a "quoted": title', '"a \\"quoted\\": title"'],
    ['back\\slash', '"back\\\\slash"'],
    ['two\nlines\ttab', '"two\\nlines\\ttab"'],
    ['- [list] #tag: {x}', '"- [list] #tag: {x}"'],
    ['nul\u0000 bell\u0007 nel\u0085 ls\u2028 bom\ufeff', '"nul\\u0000 bell\\u0007 nel\\u0085 ls\\u2028 bom\\ufeff"'],
    ['lone \ud800 surrogate', '"lone \\ud800 surrogate"'],
  ])('%j → %s', (input, output) => {
    expect(yamlString(input)).toBe(output);
    expect(JSON.parse(output)).toBe(input);
  });
});

describe('escapeMarkdownLine', () => {
  it.each([
    ['# 不是标题', '\\# 不是标题'],
    ['## 也不是', '\\#\\# 也不是'],
    ['> 不是引用', '\\> 不是引用'],
    ['- 不是列表', '\\- 不是列表'],
    ['+ 不是列表', '\\+ 不是列表'],
    ['* 不是列表', '\\* 不是列表'],
    ['---', '\\---'],
    ['===', '\\=\\=\\='],
    ['1. 不是有序列表', '1\\. 不是有序列表'],
    ['2) 也不是', '2\\) 也不是'],
    ['    不是代码块', '不是代码块'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['&lt; 不是实体', '\\&lt; 不是实体'],
    ['[链接](javascript:x) ![图](y)', '\\[链接\\](javascript:x) !\\[图\\](y)'],
    ['[[双链]] ==高亮== %%注释%% $公式$ ^块 ~~删除~~ #标签', '\\[\\[双链\\]\\] \\=\\=高亮\\=\\= \\%\\%注释\\%\\% \\$公式\\$ \\^块 \\~\\~删除\\~\\~ \\#标签'],
    ['`代码` *强调* _强调_ a|b \\', '\\`代码\\` \\*强调\\* \\_强调\\_ a\\|b \\\\'],
    ['2024年“安全生产月”,100%落实。', '2024年“安全生产月”,100\\%落实。'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdownLine(input)).toBe(output);
  });
});

describe('exportMarkdownFiles', () => {
  const files = exportMarkdownFiles(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES);
  const main = files.find((f) => f.name.startsWith('应急管理部'))!.content as string;

  it('writes one file per annotated article, named from the title and safe on Windows', () => {
    expect(files.map((f) => f.name)).toEqual([
      '应急管理部通报前三季度全国安全生产和自然灾害形势.md',
      '_ 防汛_ _三个责任人_ _b_到岗__b_.md',
      '森林防灭火：进入高火险期.md',
    ]);
  });

  it('starts with YAML front matter holding title, URL, source, date, categories and tags', () => {
    expect(frontMatter(main)).toEqual({
      title: ARTICLE_WITH_SOURCE.title,
      url: 'https://zaihaifangyu.cn/5288.html',
      site: '中国灾害防御信息网',
      source: '人民论坛网',
      author: '编辑部',
      date: '2024-10-22',
      categories: ['动态信息', '新闻播报'],
      tags: ['发布会', '安全生产', '形势研判'],
    });
  });

  it('keeps a hostile title intact in YAML and escaped in the heading; omits unknown source and date', () => {
    const bare = files[1]!.content as string;
    const fields = frontMatter(bare);
    expect(fields.title).toBe(ARTICLE_BARE.title);
    expect(fields).not.toHaveProperty('source');
    expect(fields).not.toHaveProperty('date');
    expect(fields.tags).toEqual(['<img-src=x-onerror=alert(1)>', 'two-words']);
    expect(bare).toContain('\n# \\# 防汛: "三个责任人" \\<b\\>到岗\\</b\\>\n');
  });

  it('groups passages under the speaker whose words they are, with notes, tags and the excerpt citation', () => {
    expect(main).toContain(
      [
        '## 发言人言论',
        '',
        '### 申展利（新闻发言人、新闻宣传司司长，应急管理部）',
        '',
        '> 今年前三季度全国安全生产形势总体稳定向好',
        '',
        '**笔记：**',
        '',
        '可用于报告第二章',
        '对比去年同期',
        '',
        '标签：#安全生产 #形势研判',
        '',
        '**摘录**',
        '',
        '> 事故总量持续下降,前三季度全国共发生各类生产安全事故14402起',
        '',
        '引用：人民论坛网. 应急管理部通报前三季度全国安全生产和自然灾害形势[EB/OL]. (2024-10-22)[2024-10-23]. https://zaihaifangyu.cn/5288.html.',
      ].join('\n'),
    );
  });

  it('cites the article, lists page notes first, and leaves tombstones out', () => {
    expect(main).toContain(
      '- 引用：人民论坛网. 应急管理部通报前三季度全国安全生产和自然灾害形势[EB/OL]. (2024-10-22)[2024-10-23]. https://zaihaifangyu.cn/5288.html.',
    );
    expect(main.indexOf('## 页面笔记')).toBeLessThan(main.indexOf('## 发言人言论'));
    expect(main).toContain('\n整体看：数据来自发布会实录。\n\n标签：#发布会\n');
    expect(main).not.toContain('已删除');
  });

  it('never emits raw HTML or Markdown structure from page text: every < and # of the text is escaped', () => {
    const bare = files[1]!.content as string;
    const body = bare.slice(bare.indexOf('\n---\n') + 5);
    expect(body).toContain('> \\# 一级标题\n>\n> \\- 列表项\n>\n> 1\\. 有序\n>\n> \\<script\\>alert("x")\\</script\\>');
    expect(body.match(/(?<!\\)</g)).toBeNull();
    // Only the file's own headings start a line with '#'.
    expect(body.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# \\# 防汛: "三个责任人" \\<b\\>到岗\\</b\\>', '## 标注']);
    // A note is the reader's own Markdown: kept as written (a formula is only text in a .md file).
    expect(body).toContain('**笔记：**\n\n=HYPERLINK("http://evil","点我"), "引号"');
  });

  it('keeps the reader\u2019s Markdown in notes, but no HTML of theirs becomes markup and no line closes the front matter', () => {
    expect(noteMarkdownLines('# 小结\n- **要点**一\n<img src=x onerror=alert(1)> & 更多\n---\r\n末行\u0007')).toEqual([
      '# 小结',
      '- **要点**一',
      '\\<img src=x onerror=alert(1)> \\& 更多',
      '\\---',
      '末行\uFFFD',
    ]);
  });

  it('takes the article from the annotation when there is no history record, citing the portal', () => {
    const orphan = files[2]!.content as string;
    expect(frontMatter(orphan)).toEqual({ title: '森林防灭火：进入高火险期', url: 'https://zaihaifangyu.cn/123.html', site: '中国灾害防御信息网' });
    expect(orphan).toContain('- 引用：中国灾害防御信息网. 森林防灭火：进入高火险期[EB/OL]. [2024-10-23]. https://zaihaifangyu.cn/123.html.');
  });

  it('labels passages of several speakers with all of them', () => {
    const two = { ...HIGHLIGHT_SPOKEN, speakers: [...HIGHLIGHT_SPOKEN.speakers, { name: '王明', title: '', org: '' }] };
    const [file] = exportMarkdownFiles([two], [ARTICLE_WITH_SOURCE]);
    expect(file!.content).toContain('### 申展利（新闻发言人、新闻宣传司司长，应急管理部）；王明\n');
  });
});

describe('exportMarkdownCombined', () => {
  it('puts every article in one file under one front matter, in the order they were first annotated', () => {
    const text = exportMarkdownCombined(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, { exportedAt: T0 });
    expect(text.startsWith('---\ntitle: "安阅笔记 2024-10-23"\ndate: "2024-10-23"\n---\n')).toBe(true);
    const headings = text.split('\n').filter((l) => /^# /.test(l));
    expect(headings).toEqual(['# 应急管理部通报前三季度全国安全生产和自然灾害形势', '# \\# 防汛: "三个责任人" \\<b\\>到岗\\</b\\>', '# 森林防灭火：进入高火险期']);
  });
});

describe('exportMarkdownZip', () => {
  it('zips the per-article files under their names, content unchanged', async () => {
    const zip = await exportMarkdownZip(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES, { exportedAt: T0 });
    const entries = unzipSync(zip);
    const files = exportMarkdownFiles(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES);
    expect(Object.keys(entries).sort()).toEqual(files.map((f) => f.name).sort());
    for (const file of files) expect(strFromU8(entries[file.name]!)).toBe(file.content);
  });
});
