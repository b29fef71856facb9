import { categoryLabel } from '../highlights/labels';
import type { Correction } from '../records/correction';
import type { UiLanguage } from '../records/preferences';
import { translator } from './i18n';

interface Props {
  corrections: Correction[];
  language: UiLanguage;
  undo(id: string): void;
  exportAll(): void;
}

/** The reader's corrections, newest first, each undoable; exportable as a data file. */
export function CorrectionsPanel({ corrections, language, undo, exportAll }: Props) {
  const t = translator(language);
  const describe = (correction: Correction): string => {
    switch (correction.kind) {
      case 'not-speaker':
        return `${t('correctionNotSpeaker')}${correction.name}`;
      case 'fix-person':
        return `${t('correctionFix')}${correction.name} → ${[correction.org, correction.title, correction.fixedName].filter(Boolean).join(' ')}`;
      case 'add-term':
        return `${t('correctionAdd')}${correction.text}${t('openParen')}${categoryLabel(correction.category, language)}${t('closeParen')}`;
      case 'remove-term':
        return `${t('correctionRemove')}${correction.text}`;
    }
  };
  return (
    <div class="corrections">
      {corrections.length === 0 && <p class="status">{t('noCorrections')}</p>}
      <ul>
        {[...corrections].reverse().map((correction) => (
          <li key={correction.id} class="correction">
            <span>{describe(correction)}</span>
            <button type="button" onClick={() => undo(correction.id)}>
              {t('undo')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="export" onClick={exportAll}>
        {t('exportCorrections')}
      </button>
    </div>
  );
}
