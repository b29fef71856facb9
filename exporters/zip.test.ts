import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_STEM_LENGTH, safeFileName, zipFiles } from './zip';

describe('safeFileName', () => {
  const one = (stem: string) => safeFileName(stem, 'md', new Set());

  it.each([
    ['应急管理部: 通报"前三季度"形势', '应急管理部_ 通报_前三季度_形势.md'],
    ['a\\b/c*d?e<f>g|h', 'a_b_c_d_e_f_g_h.md'],
    ['#标签 [[链接]] ^块', '_标签 __链接__ _块.md'],
    ['  前后空格与换行\n标题  ', '前后空格与换行 标题.md'],
    ['结尾的点...', '结尾的点.md'],
    ['CON', 'CON_.md'],
    ['lpt1', 'lpt1_.md'],
    ['', '未命名.md'],
    ['...', '未命名.md'],
    ['tab\there\u0001', 'tab here_.md'],
  ])('%j → %j', (stem, name) => {
    expect(one(stem)).toBe(name);
  });

  it('bounds the length in code points without splitting a surrogate pair', () => {
    const name = one('𠮷'.repeat(200));
    expect(Array.from(name.replace(/\.md$/, ''))).toHaveLength(MAX_FILE_STEM_LENGTH);
    expect(name).toBe(`${'𠮷'.repeat(MAX_FILE_STEM_LENGTH)}.md`);
  });

  it('keeps names unique, ignoring case as Windows does', () => {
    const taken = new Set<string>();
    expect([safeFileName('Report', 'md', taken), safeFileName('report', 'md', taken), safeFileName('REPORT', 'md', taken), safeFileName('report (2)', 'md', taken)]).toEqual([
      'Report.md',
      'report (2).md',
      'REPORT (3).md',
      'report (2) (2).md',
    ]);
  });
});

describe('zipFiles', () => {
  it('stores UTF-8 names and contents that unzip to the same text', () => {
    const zip = zipFiles([{ name: '应急管理.md', content: '# 标题\n正文' }, { name: '__proto__.md', content: new Uint8Array([1, 2]) }], { modifiedAt: Date.UTC(2024, 0, 1) });
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual(['应急管理.md', '__proto__.md']);
    expect(strFromU8(entries['应急管理.md']!)).toBe('# 标题\n正文');
    expect([...entries['__proto__.md']!]).toEqual([1, 2]);
    // General-purpose flag bit 11 (names are UTF-8) in the first local header, so Windows does not read GBK.
    expect(zip[7]! & 0x08).toBe(0x08);
  });

  it('refuses duplicate names instead of silently dropping a file', () => {
    expect(() => zipFiles([{ name: 'a.md', content: '1' }, { name: 'a.md', content: '2' }])).toThrow(/duplicate/);
  });
});
