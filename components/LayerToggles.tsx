import { layerLabel } from '../highlights/labels';
import { STYLE_COLOURS, type HighlightStyle } from '../highlights/layers';
import { LAYER_NAMES, type LayerName } from '../records/preferences';
import type { LayerVisibility, UiLanguage } from '../records/preferences';
import { translator } from './i18n';

const LAYER_SWATCH: Record<LayerName, HighlightStyle> = { speakers: 'speaker', quotes: 'quote', phrases: 'phrase-meeting' };

export function Swatch({ style }: { style: HighlightStyle }) {
  const colour = STYLE_COLOURS[style];
  return (
    <span
      class="swatch"
      aria-hidden="true"
      style={{ background: colour.background, borderBottom: colour.underline ? `2px ${colour.line ?? 'solid'} ${colour.underline}` : undefined }}
    />
  );
}

/** One switch per highlight layer; the swatches double as the legend. */
export function LayerToggles(props: { layers: LayerVisibility; language: UiLanguage; onChange(layers: LayerVisibility): void }) {
  const t = translator(props.language);
  return (
    <fieldset class="layers">
      <legend>{t('layers')}</legend>
      {LAYER_NAMES.map((layer) => (
        <label key={layer} class="layer">
          <input
            type="checkbox"
            name={`layer-${layer}`}
            checked={props.layers[layer]}
            onChange={(event) => props.onChange({ ...props.layers, [layer]: (event.currentTarget as HTMLInputElement).checked })}
          />
          <Swatch style={LAYER_SWATCH[layer]} />
          {layerLabel(layer, props.language)}
        </label>
      ))}
    </fieldset>
  );
}
