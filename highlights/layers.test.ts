import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../analysis/types';
import { lookCss, paintSpans, spansAt, STYLE_COLOURS, STYLE_LAYER, type HighlightStyle } from './layers';

const text = '清华大学公共安全研究院常务副院长袁宏永致辞。他强调,要坚持总体国家安全观。袁宏永说,好。';
const result: AnalysisResult = {
  speakers: [
    {
      name: '袁宏永',
      title: '常务副院长',
      org: '清华大学公共安全研究院',
      role: 'speaker',
      mentions: [{ start: 16, end: 19 }, { start: 37, end: 40 }],
      quotes: [{ start: 26, end: 37, via: 'pronoun' }],
    },
  ],
  people: [],
  phrases: [{ text: '总体国家安全观', category: 'doctrine', start: 29, end: 36, source: 'lexicon' }],
};

describe('paintSpans', () => {
  it('paints names, the descriptor right before a name, passages and phrases, sorted by start', () => {
    expect(text.slice(16, 19)).toBe('袁宏永');
    const spans = paintSpans(text, result);
    expect(spans.map((s) => [s.style, text.slice(s.start, s.end)])).toEqual([
      ['descriptor', '清华大学公共安全研究院常务副院长'],
      ['speaker', '袁宏永'],
      ['quote', '要坚持总体国家安全观。'],
      ['phrase-doctrine', '总体国家安全观'],
      ['speaker', '袁宏永'],
    ]);
  });

  it('drops spans outside the text or empty', () => {
    const broken = { ...result, phrases: [{ ...result.phrases[0]!, start: 90, end: 99 }, { ...result.phrases[0]!, start: 5, end: 5 }] };
    expect(paintSpans(text, broken).filter((s) => s.style.startsWith('phrase'))).toEqual([]);
  });
});

describe('spansAt', () => {
  const spans = paintSpans(text, result);
  it('finds the innermost span first', () => {
    expect(spansAt(spans, 32).map((s) => s.style)).toEqual(['phrase-doctrine', 'quote']);
  });
  it('finds the name inside its descriptor run, nothing between spans', () => {
    expect(spansAt(spans, 17).map((s) => s.style)).toEqual(['speaker']);
    expect(spansAt(spans, 20)).toEqual([]);
    expect(spansAt(spans, 200)).toEqual([]);
  });
});

describe('marks: the machine\u2019s layers and the reader\u2019s colours cannot be confused', () => {
  const hex = (colour: string) => /^#([0-9a-f]{6})$/i.exec(colour)?.[1] ?? null;
  const luminance = (colour: string) => {
    const value = hex(colour)!;
    const [r, g, b] = [0, 2, 4].map((i) => {
      const c = parseInt(value.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const contrast = (a: string, b: string) => {
    const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (high! + 0.05) / (low! + 0.05);
  };
  const styles = Object.keys(STYLE_COLOURS) as HighlightStyle[];
  const automatic = styles.filter((style) => STYLE_LAYER[style] !== null);
  const own = styles.filter((style) => STYLE_LAYER[style] === null);

  it('automatic layers are underlines over at most a faint tint, legible on light and dark pages', () => {
    for (const style of automatic) {
      const look = STYLE_COLOURS[style];
      expect(look.underline, style).toBeTruthy();
      // No solid fill: transparent, or an rgba tint of low alpha.
      const alpha = look.background === 'transparent' ? 0 : Number(/^rgba\([^)]*,\s*([\d.]+)\)$/.exec(look.background)?.[1] ?? 1);
      expect(alpha, style).toBeLessThanOrEqual(0.25);
      expect(contrast(look.underline!, '#ffffff'), `${style} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(look.underline!, '#1f1f1f'), `${style} on a dark page`).toBeGreaterThanOrEqual(3);
      expect(look.text, style).toBeUndefined();
    }
  });

  it('the reader\u2019s colours are solid, without underline, with dark text that reads on them', () => {
    for (const style of own) {
      const look = STYLE_COLOURS[style];
      expect(hex(look.background), style).not.toBeNull();
      expect(look.underline, style).toBeUndefined();
      expect(contrast(look.background, look.text!), style).toBeGreaterThanOrEqual(7);
    }
  });

  it('the page rules draw exactly that', () => {
    expect(lookCss(STYLE_COLOURS['phrase-meeting'])).toContain('text-decoration: underline solid 2px #2f9e44');
    expect(lookCss(STYLE_COLOURS['user-yellow'])).toBe('background-color: #fff176; color: #1a1a1a; text-decoration: none;');
  });
});
