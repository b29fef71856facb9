import { describe, expect, it } from 'vitest';
import { countOf, MESSAGE_KEYS, translator, type MessageKey } from './i18n';

// Han characters, CJK symbols and punctuation (、。「」), full-width forms (：（），！).
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/**
 * English strings that deliberately hold Chinese: the name of the Chinese sync service, as the reader sees
 * it on that service's own site (坚果云).
 */
const DELIBERATELY_CHINESE: ReadonlySet<MessageKey> = new Set(['syncJianguoyun', 'syncWebdavKind']);

describe('the English interface', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('has no Chinese characters or full-width punctuation, except the listed proper names', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(100);
    const offending = MESSAGE_KEYS.filter((key) => !DELIBERATELY_CHINESE.has(key) && CHINESE.test(en(key))).map((key) => `${key}: ${en(key)}`);
    expect(offending).toEqual([]);
    // The exceptions still hold their Chinese (else they should leave the list).
    for (const key of DELIBERATELY_CHINESE) expect(en(key)).toMatch(CHINESE);
  });

  it('says "1 article", "2 articles"; Chinese has one form', () => {
    expect(countOf('en', 'articleCount', 1)).toBe('1 article');
    expect(countOf('en', 'articleCount', 2)).toBe('2 articles');
    expect(countOf('en', 'resultCount', 0)).toBe('0 results');
    expect(countOf('en', 'resultCount', 100_000)).toBe('100,000 results');
    expect(countOf('zh-CN', 'articleCount', 1)).toBe('1 篇文章');
    expect(countOf('zh-CN', 'resultCount', 3)).toBe('3 条结果');
    expect(countOf('en', 'popupCount', 1)).toBe('1 note or excerpt in your library.');
    expect(zh('colon')).toBe('：');
    expect(en('colon')).toBe(': ');
  });
});
