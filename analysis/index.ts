// Public API of the analysis module (pure TypeScript: no DOM, no browser APIs).
export { analyzeText, MAX_TEXT_LENGTH } from './analyze';
export { compileLexicon, resetLexiconCache, LEXICON_VERSION, type CompiledLexicon } from './lexicon';
export type {
  AnalysisResult,
  AttributionVia,
  Person,
  PersonRole,
  PhraseCategory,
  PolicyPhrase,
  Quote,
  ReaderCorrections,
  Span,
} from './types';
