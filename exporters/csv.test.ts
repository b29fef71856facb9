import { afterAll, describe, expect, it } from 'vitest';
import { CSV_HEADERS, EXCEL_MAX_CELL_LENGTH, csvCell, exportCsv } from './csv';
import { EXCERPT, HIGHLIGHT_SPOKEN, HOSTILE, SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES } from '../tests/fixtures/exporters/sample';

// Times are printed in the reader's time zone (exporters/dates.ts): these tests read as a reader in Beijing.
// Set before the module-level export below runs.
const zoneBefore = process.env.TZ;
process.env.TZ = 'Asia/Shanghai';
afterAll(() => void (process.env.TZ = zoneBefore));

/** An RFC 4180 reader written for the test: CRLF rows, "..." cells with "" for a quote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    else cell += c;
  }
  if (cell || row.length) throw new Error('last row not ended by CRLF');
  return rows;
}

describe('exportCsv', () => {
  const csv = exportCsv(SAMPLE_ANNOTATIONS, SAMPLE_ARTICLES);
  const rows = readCsv(csv.slice(1));

  it('starts with a UTF-8 BOM and ends every row with CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\r?\n/g)!.every((br) => br === '\r\n')).toBe(true);
  });

  it('has the bilingual header row and one row per live annotation (tombstones left out)', () => {
    expect(rows[0]).toEqual([...CSV_HEADERS]);
    expect(rows[0]![0]).toBe('文章标题 Article');
    expect(rows).toHaveLength(1 + 5);
    expect(rows.every((r) => r.length === CSV_HEADERS.length)).toBe(true);
    expect(csv).not.toContain('这条已删除');
  });

  it('fills a highlight row in column order, keeping commas, quotes and line breaks inside their cells', () => {
    const spoken = rows.find((r) => r[13] === HIGHLIGHT_SPOKEN.id)!;
    expect(spoken).toEqual([
      '应急管理部通报前三季度全国安全生产和自然灾害形势',
      '中国灾害防御信息网',
      '人民论坛网',
      '2024-10-22',
      'https://zaihaifangyu.cn/5288.html',
      '高亮 highlight',
      '申展利（新闻发言人、新闻宣传司司长，应急管理部）',
      '今年前三季度全国安全生产形势总体稳定向好',
      '可用于报告第二章\n对比去年同期',
      '安全生产、形势研判',
      '黄 yellow',
      '2024-10-23 10:00',
      '2024-10-23 10:00',
      HIGHLIGHT_SPOKEN.id,
    ]);
    const excerpt = rows.find((r) => r[13] === EXCERPT.id)!;
    expect(excerpt[7]).toBe('事故总量持续下降,前三季度全国共发生各类生产安全事故14402起');
    const hostile = rows.find((r) => r[13] === HOSTILE.id)!;
    expect(hostile[0]).toBe('# 防汛: "三个责任人" <b>到岗</b>');
    expect(hostile[7]).toBe(HOSTILE.target!.quote.exact);
  });

  it('neutralises a note that would run as a formula', () => {
    const hostile = rows.find((r) => r[13] === HOSTILE.id)!;
    expect(hostile[8]).toBe(`'${HOSTILE.note}`);
  });
});

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\n=1"`],
    ['a=1', 'a=1'],
    ['＝全角不是公式', '＝全角不是公式'],
  ])('%j becomes %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('quotes only when needed and doubles quotes', () => {
    expect(csvCell('普通文本')).toBe('普通文本');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('两行\r\n文字')).toBe('"两行\n文字"');
  });

  it('cuts a cell Excel could not hold, marking the cut and never splitting a surrogate pair', () => {
    const long = '𠮷'.repeat(EXCEL_MAX_CELL_LENGTH);
    const cell = csvCell(long);
    expect(cell.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_LENGTH);
    expect(cell.endsWith('〔已截断 truncated〕')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cell)).toBe(false);
  });
});

describe('colour names', () => {
  it('are written after the colour in CSV and beside a named highlight in Markdown', async () => {
    const { makeAnnotation } = await import('../library/test-data');
    const { exportMarkdownCombined } = await import('./markdown');
    const text = '应急管理部部署防汛工作。';
    const annotation = makeAnnotation({ text, quote: '部署防汛工作', colour: 'green' });
    const csv = exportCsv([annotation], [], { colourNames: { green: '待核实' } });
    expect(csv).toContain('绿 green（待核实）');
    expect(exportCsv([annotation], [])).not.toContain('待核实');
    expect(exportMarkdownCombined([annotation], [], { colourNames: { green: '待核实' } })).toContain('颜色：待核实');
    expect(exportMarkdownCombined([annotation], [], { colourNames: { yellow: '重要' } })).not.toContain('颜色：');
  });
});

describe('site', () => {
  it('names the site an article belongs to in CSV and in Markdown front matter', async () => {
    const { makeAnnotation } = await import('../library/test-data');
    const { exportMarkdownCombined } = await import('./markdown');
    const text = '应急管理部部署防汛工作。';
    const annotation = makeAnnotation({ text, quote: '部署防汛工作', articleKey: 'mem.gov.cn/xw/yjglbgzdt/202308/t20230810_459961' });
    expect(exportCsv([annotation], [])).toContain(',中华人民共和国应急管理部,');
    expect(exportMarkdownCombined([annotation], [])).toContain('中华人民共和国应急管理部');
  });
});
