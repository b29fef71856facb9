import { describe, expect, it } from 'vitest';
import type { Correction, CorrectionInput } from '../records/correction';
import { foldCorrections } from './corrections';

const at = (createdAt: number, c: CorrectionInput) => ({ ...c, id: String(createdAt), createdAt }) as Correction;

describe('foldCorrections', () => {
  it('is empty without corrections', () => expect(foldCorrections([])).toEqual({}));

  it('lets the latest word on a term win, whatever the list order', () => {
    const folded = foldCorrections([
      at(3, { kind: 'add-term', text: '韧性城市', category: 'programme' }),
      at(1, { kind: 'remove-term', text: '韧性城市' }),
      at(2, { kind: 'add-term', text: '平安中国', category: 'doctrine' }),
      at(4, { kind: 'remove-term', text: '平安中国' }),
    ]);
    expect(folded).toEqual({ addedTerms: [{ text: '韧性城市', category: 'programme' }], removedTerms: ['平安中国'] });
  });

  it('keeps the latest fix of a person and each not-speaker once', () => {
    const folded = foldCorrections([
      at(1, { kind: 'fix-person', name: '于立', fixedName: '于立志', title: '一级巡视员', org: '' }),
      at(2, { kind: 'fix-person', name: '于立', fixedName: '于立志', title: '一级巡视员', org: '工业和信息化部安全生产司' }),
      at(3, { kind: 'not-speaker', name: '胡悦鑫' }),
      at(4, { kind: 'not-speaker', name: '胡悦鑫' }),
    ]);
    expect(folded).toEqual({
      notSpeakers: ['胡悦鑫'],
      personFixes: [{ name: '于立', fixedName: '于立志', title: '一级巡视员', org: '工业和信息化部安全生产司' }],
    });
  });
});
