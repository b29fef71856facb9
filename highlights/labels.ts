// Words for analysis results in both UI languages: categories, attribution kinds, roles, counts.
// Shared by the page's hover card and the sidebar.

import type { AttributionVia, PersonRole, PhraseCategory } from '../analysis/types';
import type { UiLanguage } from '../records/preferences';
import type { LayerName } from '../records/preferences';

const CATEGORY: Record<PhraseCategory, [string, string]> = {
  meeting: ['会议全会', 'Meetings'],
  doctrine: ['思想论述', 'Doctrines'],
  programme: ['行动工程', 'Programmes'],
  document: ['法规文件', 'Laws & plans'],
  slogan: ['提法口号', 'Slogans'],
  domain: ['领域术语', 'Domain terms'],
};

const VIA: Record<AttributionVia, [string, string]> = {
  direct: ['直接引述', 'direct'],
  pronoun: ['代词承接', 'by pronoun'],
  'zero-subject': ['承前省略', 'subject-less'],
  'quote-first': ['引语在前', 'quote first'],
  'according-to': ['据…介绍', 'according to'],
  transcript: ['问答实录', 'transcript'],
  caption: ['图片说明', 'caption'],
};

const ROLE: Record<PersonRole, [string, string]> = {
  speaker: ['发言人', 'speaker'],
  attendee: ['出席', 'attendee'],
  host: ['主持', 'host'],
  reporter: ['记者编辑', 'reporter/editor'],
  mentioned: ['提及', 'mentioned'],
};

const LAYER: Record<LayerName, [string, string]> = {
  speakers: ['发言人', 'Speakers'],
  quotes: ['发言内容', 'Their words'],
  phrases: ['政策要点', 'Policy phrases'],
};

const pick = (pair: [string, string], language: UiLanguage) => (language === 'en' ? pair[1] : pair[0]);

export const categoryLabel = (category: PhraseCategory, language: UiLanguage) => pick(CATEGORY[category], language);
export const viaLabel = (via: AttributionVia, language: UiLanguage) => pick(VIA[via], language);
export const roleLabel = (role: PersonRole, language: UiLanguage) => pick(ROLE[role], language);
export const layerLabel = (layer: LayerName, language: UiLanguage) => pick(LAYER[layer], language);

export interface Labels {
  passages(count: number): string;
  occurrences(count: number): string;
  /** What the hover card says over one of the reader's own highlights. */
  mine: string;
}

export function labels(language: UiLanguage): Labels {
  return language === 'en'
    ? {
        passages: (n) => `${n} attributed passage${n === 1 ? '' : 's'}`,
        occurrences: (n) => `${n} occurrence${n === 1 ? '' : 's'}`,
        mine: 'Your highlight · click to edit its note in the sidebar',
      }
    : { passages: (n) => `${n} 段发言`, occurrences: (n) => `出现 ${n} 次`, mine: '我的高亮 · 点击在侧栏中编辑批注' };
}
