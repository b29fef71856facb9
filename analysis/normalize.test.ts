import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';

describe('normalizeText', () => {
  it('maps full-width punctuation to ASCII one character for one', () => {
    expect(normalizeText('王宝恩表示，（记者：陈溯）！')).toBe('王宝恩表示,(记者:陈溯)!');
  });

  it('maps Traditional characters the lexicon needs to Simplified', () => {
    expect(normalizeText('應急管理部部長說，記者會議')).toBe('应急管理部部长说,记者会议');
  });

  it('keeps the length of any string, surrogate pairs and lone surrogates included', () => {
    const samples = ['𠀀𠀁汉字', '\ud800x\udc00', '\ufeff开头', 'a\r\nb\u3000c', ''];
    for (const s of samples) expect(normalizeText(s).length).toBe(s.length);
    let random = '';
    for (let i = 0; i < 5000; i++) random += String.fromCharCode((i * 7919) % 0xffff);
    expect(normalizeText(random).length).toBe(random.length);
  });

  it('leaves ordinary Simplified text unchanged', () => {
    const s = '全省森林防火工作电视电话会议在贵阳召开。';
    expect(normalizeText(s)).toBe(s);
  });
});
