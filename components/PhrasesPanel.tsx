import { useState } from 'preact/hooks';
import type { PhraseCategory } from '../analysis/types';
import { categoryLabel, labels } from '../highlights/labels';
import { PHRASE_CATEGORIES } from '../records/correction';
import type { PhraseSummary } from '../records/analysis';
import type { CorrectionInput } from '../records/correction';
import type { UiLanguage } from '../records/preferences';
import { translator } from './i18n';
import { Swatch } from './LayerToggles';

interface Props {
  phrases: PhraseSummary[];
  language: UiLanguage;
  reveal(start: number, end: number): void;
  correct(correction: CorrectionInput): void;
}

/** Policy phrases grouped by category with counts; a click steps through a term's occurrences. */
export function PhrasesPanel({ phrases, language, reveal, correct }: Props) {
  const t = translator(language);
  const [step, setStep] = useState<Record<string, number>>({});
  const [newTerm, setNewTerm] = useState('');
  const [newCategory, setNewCategory] = useState<PhraseCategory>('programme');
  const showNext = (phrase: PhraseSummary) => {
    const key = `${phrase.category}:${phrase.text}`;
    const index = (step[key] ?? -1) + 1;
    const occurrence = phrase.occurrences[index % phrase.occurrences.length]!;
    setStep({ ...step, [key]: index });
    reveal(occurrence.start, occurrence.end);
  };
  return (
    <div class="phrases">
      {phrases.length === 0 && <p class="status">{t('noPhrases')}</p>}
      {PHRASE_CATEGORIES.map((category) => {
        const group = phrases.filter((phrase) => phrase.category === category);
        if (group.length === 0) return null;
        const total = group.reduce((sum, phrase) => sum + phrase.occurrences.length, 0);
        return (
          <section key={category} class="phrase-group" aria-label={categoryLabel(category, language)}>
            <h3>
              <Swatch style={`phrase-${category}`} />
              {categoryLabel(category, language)} <span class="count">({total})</span>
            </h3>
            <ul>
              {group.map((phrase) => (
                <li key={phrase.text} class="phrase">
                  <button
                    type="button"
                    class="phrase-text"
                    title={t('nextOccurrence')}
                    aria-label={`${phrase.text}，${labels(language).occurrences(phrase.occurrences.length)}`}
                    onClick={() => showNext(phrase)}
                  >
                    {phrase.text}
                    <span class="count"> ×{phrase.occurrences.length}</span>
                  </button>
                  <button
                    type="button"
                    class="remove"
                    aria-label={`${t('removeTerm')}${t('colon')}${phrase.text}`}
                    title={t('removeTerm')}
                    onClick={() => correct({ kind: 'remove-term', text: phrase.text })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <form
        class="add-term"
        onSubmit={(event) => {
          event.preventDefault();
          const text = newTerm.trim();
          if (!text) return;
          correct({ kind: 'add-term', text, category: newCategory });
          setNewTerm('');
        }}
      >
        <label>
          {t('addTerm')}
          <input
            value={newTerm}
            maxLength={100}
            placeholder={t('addTermPlaceholder')}
            onInput={(event) => setNewTerm((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('category')}
          <select value={newCategory} onChange={(event) => setNewCategory((event.currentTarget as HTMLSelectElement).value as PhraseCategory)}>
            {PHRASE_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {categoryLabel(category, language)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('add')}</button>
      </form>
    </div>
  );
}
