import { describe, expect, it } from 'vitest';
import { describeSpan, textTargetCheck, validateTextTarget } from './selectors';
import { object } from '../records/check';

const text = '应急管理部新闻发言人、新闻宣传司司长申展利主持';

describe('describeSpan', () => {
  it('stores the quote, up to contextLength characters each side, and the offsets', () => {
    const start = text.indexOf('申展利');
    const target = describeSpan(text, start, start + 3, 4);
    expect(target).toEqual({
      quote: { type: 'TextQuoteSelector', exact: '申展利', prefix: '传司司长', suffix: '主持' },
      position: { type: 'TextPositionSelector', start, end: start + 3 },
    });
  });

  it('cuts context at the edges of the article instead of padding', () => {
    const target = describeSpan(text, 0, 5);
    expect(target.quote.prefix).toBe('');
    expect(target.quote.suffix).toBe(text.slice(5, 37));
    const last = describeSpan(text, text.length - 2, text.length);
    expect(last.quote.suffix).toBe('');
  });

  it('refuses spans that are empty or outside the text', () => {
    expect(() => describeSpan(text, 3, 3)).toThrow(RangeError);
    expect(() => describeSpan(text, -1, 2)).toThrow(RangeError);
    expect(() => describeSpan(text, 2, text.length + 1)).toThrow(RangeError);
    expect(() => describeSpan(text, 1.5, 3)).toThrow(RangeError);
  });
});

describe('validateTextTarget', () => {
  const good = describeSpan(text, 5, 10);

  it('accepts what describeSpan writes', () => {
    expect(validateTextTarget(good)).toBeNull();
    expect(validateTextTarget(JSON.parse(JSON.stringify(good)))).toBeNull();
  });

  it.each([
    ['not an object', 'x', 'target: expected object'],
    ['missing quote', { position: good.position }, 'target.quote: missing'],
    ['wrong selector type', { ...good, quote: { ...good.quote, type: 'TextPositionSelector' } }, 'target.quote.type'],
    ['empty quote', { quote: { ...good.quote, exact: '' }, position: { ...good.position, end: good.position.start } }, 'target.quote.exact: must not be empty'],
    ['non-integer offset', { ...good, position: { ...good.position, start: 5.5 } }, 'target.position.start'],
    ['negative offset', { ...good, position: { ...good.position, start: -1 } }, 'target.position.start'],
    ['unknown field', { ...good, note: 'hi' }, 'target.note: unexpected field'],
    ['inverted span', { ...good, position: { ...good.position, start: 10, end: 5 } }, 'must be greater than start'],
    ['span length differs from the quote', { ...good, position: { ...good.position, end: 11 } }, 'spans 6 characters but the quote has 5'],
  ])('rejects %s', (_, value, reason) => {
    expect(validateTextTarget(value)).toContain(reason);
  });

  it('composes into a larger schema under its path', () => {
    const record = object({ target: textTargetCheck });
    expect(record({ target: good }, 'highlight')).toBeNull();
    expect(record({ target: { ...good, position: { ...good.position, end: 99 } } }, 'highlight')).toContain('highlight.target.position');
  });
});
