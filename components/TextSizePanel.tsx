// The size of the extension's own text (sidebar, library, first-run page), chosen in the library's settings.
// The pages scale every font size from one CSS variable (sidebar.css, --text-scale) picked by data-text-size.

import { useState } from 'preact/hooks';
import { TEXT_SIZES, type TextSize, type UiLanguage } from '../records/preferences';
import { translator, type MessageKey } from './i18n';

const SIZE_LABELS: Record<TextSize, MessageKey> = { small: 'textSizeSmall', standard: 'textSizeStandard', large: 'textSizeLarge', 'x-large': 'textSizeXLarge' };

/** Shows the page's text at the reader's size. */
export function applyTextSize(doc: Document, size: TextSize): void {
  doc.documentElement.dataset.textSize = size;
}

export function TextSizePanel({ language, size, save }: { language: UiLanguage; size: TextSize; save(size: TextSize): Promise<boolean> }) {
  const t = translator(language);
  const [failed, setFailed] = useState(false);
  return (
    <section class="text-size">
      <h2 id="text-size-title">{t('textSizeTitle')}</h2>
      <p class="meta" id="text-size-help">{t('textSizeHelp')}</p>
      {/* Native radios: arrow keys move between the sizes, and each is named by its label. */}
      <div class="text-size-choices" role="radiogroup" aria-labelledby="text-size-title" aria-describedby="text-size-help">
        {TEXT_SIZES.map((choice) => (
          <label key={choice} class="text-size-choice">
            <input
              type="radio"
              name="text-size"
              value={choice}
              checked={size === choice}
              onChange={() => void save(choice).then((ok) => setFailed(!ok))}
            />
            <span>{t(SIZE_LABELS[choice])}</span>
          </label>
        ))}
      </div>
      {failed && (
        <p class="error" role="status">
          {t('textSizeFailed')}
        </p>
      )}
    </section>
  );
}
