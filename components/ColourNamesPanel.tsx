// The reader names the highlight colours (重要, 待核实, 可引用…): the names then appear on the page's toolbar, in
// the sidebar's colour choice, in the library's colour filter and in exports. Saved as the reader types.

import { useEffect, useRef, useState } from 'preact/hooks';
import { STYLE_COLOURS } from '../highlights/layers';
import { HIGHLIGHT_COLOURS, type HighlightColour } from '../records/annotation';
import { MAX_COLOUR_NAME, type ColourNames, type UiLanguage } from '../records/preferences';
import { translator } from './i18n';

export function ColourNamesPanel({ language, names, save }: { language: UiLanguage; names: ColourNames; save(names: ColourNames): Promise<boolean> }) {
  const t = translator(language);
  const [draft, setDraft] = useState<ColourNames>(names);
  const [saved, setSaved] = useState<'saved' | 'failed' | null>(null);
  // The latest typing, read at blur: a blur can come before the render that follows the last keystroke.
  const latest = useRef<ColourNames>(names);
  useEffect(() => {
    latest.current = names;
    setDraft(names);
  }, [names]);
  const change = (colour: HighlightColour, value: string) => {
    latest.current = { ...latest.current, [colour]: value };
    setDraft(latest.current);
    setSaved(null);
  };
  const commit = () => void save(latest.current).then((ok) => setSaved(ok ? 'saved' : 'failed'));
  return (
    <section class="colour-names">
      <h2>{t('colourNamesTitle')}</h2>
      <p class="meta">{t('colourNamesHelp')}</p>
      <ul>
        {HIGHLIGHT_COLOURS.map((colour, index) => (
          <li key={colour}>
            <label>
              <span class="swatch colour-swatch" style={{ background: STYLE_COLOURS[`user-${colour}`].background }} aria-hidden="true" />
              <span class="colour-plain">{t(colour)}</span>
              <input
                type="text"
                class={`colour-name-input colour-name-${colour}`}
                maxLength={MAX_COLOUR_NAME}
                value={draft[colour] ?? ''}
                placeholder={t('colourNamePlaceholder')}
                aria-label={t('colourNameFor').replace('{colour}', t(colour))}
                onInput={(event) => change(colour, (event.currentTarget as HTMLInputElement).value)}
                onBlur={commit}
                onKeyDown={(event) => event.key === 'Enter' && commit()}
              />
              <kbd title={t('colourKeyHint')}>{index + 1}</kbd>
            </label>
          </li>
        ))}
      </ul>
      <p class="meta">{t('colourKeyHint')}</p>
      {saved && <p class={saved === 'saved' ? 'status' : 'error'} role="status">{t(saved === 'saved' ? 'colourNamesSaved' : 'colourNamesFailed')}</p>}
    </section>
  );
}
