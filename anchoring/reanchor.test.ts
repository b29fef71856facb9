import { describe, expect, it } from 'vitest';
import { anchorTarget, anchorTargets, foldText, type AnchorResult } from './reanchor';
import { describeSpan, type TextTarget } from './selectors';
import { anchoringCases, type AnchoringCase } from '../tests/fixtures/anchoring/cases';
import { find, insertAt, locate, unedited } from '../tests/fixtures/anchoring/edits';
import { hypothesisStyle } from '../tests/fixtures/anchoring/baselines';
import { corpusText } from '../tests/fixtures/anchoring/scenario';

/** Builds a case: the old page, the stored target, the edited page, and where the highlight truly is now. */
function build(c: AnchoringCase) {
  const stored = corpusText(c.article);
  const old = c.setup ? c.setup(stored) : stored;
  if (c.setup && old === stored) throw new Error(`${c.name}: setup changed nothing`);
  const start = find(old, c.quote, c.occurrence ?? 0);
  const end = start + c.quote.length;
  const page = c.edit(unedited(old));
  if (page.text === old && c.method !== 'position') throw new Error(`${c.name}: edit changed nothing`);
  return { target: describeSpan(old, start, end), page, truth: locate(page, start, end) };
}

describe('anchorTarget: real articles, real kinds of page edit', () => {
  it.each(anchoringCases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { target, page, truth } = build(c);
    const result = anchorTarget(page.text, target);
    if (c.expect === 'anchored') {
      if (truth.kind !== 'span') throw new Error('case construction: the highlighted text should survive the edit');
      expect(result).toMatchObject({ status: 'anchored', start: truth.start, end: truth.end });
      if (c.method) expect(result).toMatchObject({ method: c.method });
    } else {
      expect(result.status).toBe('orphan');
    }
    // The batch entry point gives the same answer for a lone target.
    expect(anchorTargets(page.text, [target])).toEqual([result]);
  });

  it.each(anchoringCases.filter((c) => c.name.startsWith('trap:')).map((c) => [c.name, c] as const))(
    'the trap is real: len/2 fuzzy matching re-attaches it (%s)',
    (_, c) => {
      const { target, page } = build(c);
      expect(hypothesisStyle(page.text, target).status).toBe('anchored');
    },
  );
});

describe('orphan reasons', () => {
  const article = corpusText('articles/04');
  const at = (quote: string, occurrence = 0) => {
    const start = find(article, quote, occurrence);
    return describeSpan(article, start, start + quote.length);
  };
  const orphanReason = (result: AnchorResult) => (result.status === 'orphan' ? result.reason : `anchored by ${result.method}`);

  it('invalid-target for an empty quote or inverted span', () => {
    const target = at('王宝恩');
    expect(orphanReason(anchorTarget(article, { ...target, quote: { ...target.quote, exact: '' } }))).toBe('invalid-target');
    expect(orphanReason(anchorTarget(article, { ...target, position: { ...target.position, start: 9, end: 3 } }))).toBe('invalid-target');
    expect(orphanReason(anchorTarget(article, null as unknown as TextTarget))).toBe('invalid-target');
  });

  it('not-found when the quote is nowhere', () => {
    const target = at('姚文广');
    expect(orphanReason(anchorTarget(article.replaceAll('姚文广', '某某某'), target))).toBe('not-found');
  });

  it('weak-context when the only copy left stands in unrelated text', () => {
    const target = at('王宝恩', 0);
    // Drop the first sentence naming him; the second mention (王宝恩表示,从7月16日…) has other neighbours.
    const edited = article.replace('中国水利部副部长王宝恩表示,', '');
    expect(orphanReason(anchorTarget(edited, target))).toBe('weak-context');
  });

  it('ambiguous when two copies fit equally well and neither is clearly nearer', () => {
    // The paragraph holding the quote is printed twice in a row, and a line added on top moves both.
    const [lineStart, lineEnd] = [article.lastIndexOf('\n', find(article, '姚文广')) + 1, article.indexOf('\n', find(article, '姚文广')) + 1];
    const line = article.slice(lineStart, lineEnd);
    const edited = `来源:中国新闻网\n${article.slice(0, lineEnd)}${line}${article.slice(lineEnd)}`;
    expect(orphanReason(anchorTarget(edited, at('七大江河流域')))).toBe('ambiguous');
  });

  it('ambiguous when one of two adjacent copies was cut: A X X B → A X B could be either', () => {
    const heading = '第七届国家治理高峰论坛2020城市安全管理峰会在京举行';
    const seed = corpusText('seed/5288');
    const start = find(seed, heading, 2);
    const target = describeSpan(seed, start, start + heading.length);
    const edited = seed.slice(0, start) + seed.slice(start + heading.length + 2);
    expect(orphanReason(anchorTarget(edited, target))).toBe('ambiguous');
  });
});

describe('folding', () => {
  it('folds punctuation width and quote style, and drops whitespace', () => {
    expect(foldText('会议，指出：（一）“安全”！')).toBe(foldText('会议,指出:(一)"安全"!'));
    expect(foldText(' 应急\u3000管理\n部\t')).toBe('应急管理部');
    expect(foldText('５·１２')).toBe('5·12');
  });

  it('keeps real offsets: a quote found through folding maps back to the page’s own characters', () => {
    const old = '会议指出,要加强应急管理(防汛)工作。';
    const page = '  会议指出，要加强应急管理（防汛）工作。';
    const start = old.indexOf('要加强');
    const result = anchorTarget(page, describeSpan(old, start, old.indexOf('工作')));
    expect(result).toMatchObject({ status: 'anchored', start: page.indexOf('要加强'), end: page.indexOf('工作') });
  });
});

describe('anchorTargets', () => {
  const seed = corpusText('seed/5288');
  const spans = Array.from({ length: 60 }, (_, i) => {
    const start = 40 + i * 53;
    return { start, end: start + 2 + (i % 9) };
  }).filter(({ start, end }) => !/\s/.test(seed[start]) && !/\s/.test(seed[end - 1]));
  const targets = spans.map(({ start, end }) => describeSpan(seed, start, end));

  it('on an unchanged page every target holds by position', () => {
    const results = anchorTargets(seed, targets);
    results.forEach((r, i) => expect(r).toEqual({ status: 'anchored', start: spans[i].start, end: spans[i].end, method: 'position', confidence: 1 }));
  });

  it('a paragraph inserted at the top shifts every target by its length, results in input order', () => {
    const note = '【编者按】本文根据会议实录整理。\n';
    const page = insertAt(unedited(seed), 0, note).text;
    const reversed = [...targets].reverse();
    const results = anchorTargets(page, reversed);
    results.forEach((r, i) => {
      const span = spans[spans.length - 1 - i];
      expect(r).toMatchObject({ status: 'anchored', start: span.start + note.length, end: span.end + note.length });
    });
  });

  it('an invalid target is orphaned without disturbing the others', () => {
    const results = anchorTargets(seed, [targets[0], { bogus: true } as unknown as TextTarget, targets[1]]);
    expect(results.map((r) => r.status)).toEqual(['anchored', 'orphan', 'anchored']);
  });
});

describe('repeated text (issue 13)', () => {
  it('an org and title recurring inside a speaker list is no second copy: the unchanged name is re-placed', () => {
    const list = '出席论坛并发言的嘉宾有:清华大学秘书长黄欣明、清华大学院长郑红、北京市应急管理局处长闫杰娜、北京市应急管理局处长龚怡。\n据中国地震台网正式测定:06月15日01时39分在上海青浦区发生地震。';
    const start = list.indexOf('杰娜、北京市应急');
    const target = describeSpan(list, start, start + '杰娜、北京市应急'.length);
    const page = list.replace('震台网', ''); // a cut in the suffix; the prefix still agrees whole
    expect(anchorTarget(page, target)).toMatchObject({ status: 'anchored', start, end: target.position.end });
  });

  it('a passage ambiguous on its own is placed where its unchanged neighbours say its stretch of text now is', () => {
    // The paragraph holding the quote is printed twice in a row and a line is added on top: alone, either
    // copy fits; the highlights before it all moved by the added line, so its own copy is the first.
    const article = corpusText('articles/04');
    const quoteStart = find(article, '七大江河流域');
    const lineStart = article.lastIndexOf('\n', quoteStart) + 1;
    const lineEnd = article.indexOf('\n', quoteStart) + 1;
    const note = '来源:中国新闻网\n';
    const page = `${note}${article.slice(0, lineEnd)}${article.slice(lineStart, lineEnd)}${article.slice(lineEnd)}`;
    const quote = describeSpan(article, quoteStart, quoteStart + '七大江河流域'.length);
    expect(anchorTarget(page, quote)).toMatchObject({ status: 'orphan', reason: 'ambiguous' });
    const before = [10, 60, 110].map((start) => describeSpan(article, start, start + 4));
    const results = anchorTargets(page, [...before, quote]);
    results.slice(0, 3).forEach((r, i) => expect(r).toMatchObject({ status: 'anchored', start: before[i].position.start + note.length }));
    expect(results[3]).toMatchObject({ status: 'anchored', start: quoteStart + note.length });
  });

});
