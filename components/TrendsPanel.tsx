// The trends view: a policy phrase (or a category's top phrases) per publication month across the reader's
// articles, and a speaker's appearances and titles over time. The chart library (uPlot) is loaded only when
// the view opens, so the library opens as fast without it. A table carries the same figures (for keyboard and
// screen-reader use, and for tests); a click on a bar or a month row lists that month's articles, each
// linking back to its first occurrence.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PhraseCategory } from '../analysis/types';
import { categoryLabel } from '../highlights/labels';
import { categoryTrend, phraseTrend, speakerTimeline, type Trend, type TrendArticle } from '../library/trends';
import type { Message } from '../messaging/protocol';
import type { ArticleRecord } from '../records/article';
import type { UiLanguage } from '../records/preferences';
import type { ArticleAnalysisRecord } from '../records/analysis';
import { translator } from './i18n';
import { analysisPassage, PassageLink } from './PassageLink';

type Mode = 'phrase' | 'category' | 'speaker';
const CATEGORIES: PhraseCategory[] = ['meeting', 'doctrine', 'programme', 'document', 'slogan', 'domain'];
const SERIES_COLOURS = ['#2f9e44', '#1c7ed6', '#e8590c', '#845ef7', '#0c8599'];

interface Props {
  language: UiLanguage;
  analyses: ArticleAnalysisRecord[];
  articles: Map<string, ArticleRecord>;
  send(message: Message): Promise<unknown>;
}

export function TrendsPanel({ language, analyses, articles, send }: Props) {
  const t = translator(language);
  const [mode, setMode] = useState<Mode>('phrase');
  // Phrases by how many articles carry them (a trend needs more than one), speakers by their passages.
  const phrases = useMemo(() => rankedNames(analyses.flatMap((record) => record.summary.phrases.map((p) => [p.text, 1] as const))), [analyses]);
  const speakers = useMemo(() => rankedNames(analyses.flatMap((record) => record.summary.speakers.map((s) => [s.name, s.passages.length] as const))), [analyses]);
  const [phrase, setPhrase] = useState('');
  const [category, setCategory] = useState<PhraseCategory>('meeting');
  const [speaker, setSpeaker] = useState('');
  const chosenPhrase = phrase || phrases[0] || '';
  const chosenSpeaker = speaker || speakers[0] || '';
  const trend = useMemo(
    () => (mode === 'phrase' ? phraseTrend(analyses, articles, chosenPhrase) : mode === 'category' ? categoryTrend(analyses, articles, category) : null),
    [mode, analyses, articles, chosenPhrase, category],
  );
  if (analyses.length === 0) return <p class="trends-none">{t('trendsNone')}</p>;
  return (
    <section class="trends-panel">
      <div class="trends-controls" role="radiogroup" aria-label={t('trendsTab')}>
        {(['phrase', 'category', 'speaker'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="trend-mode" checked={mode === value} onClick={() => setMode(value)} /> {t(MODE_WORDS[value])}
          </label>
        ))}
        {mode === 'phrase' && (
          <select class="trend-phrase" aria-label={t('trendsPhrase')} value={chosenPhrase} onChange={(e) => setPhrase((e.currentTarget as HTMLSelectElement).value)}>
            {phrases.map((text) => (
              <option key={text} value={text}>
                {text}
              </option>
            ))}
          </select>
        )}
        {mode === 'category' && (
          <select class="trend-category" aria-label={t('trendsCategory')} value={category} onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value as PhraseCategory)}>
            {CATEGORIES.map((value) => (
              <option key={value} value={value}>
                {categoryLabel(value, language)}
              </option>
            ))}
          </select>
        )}
        {mode === 'speaker' && (
          <select class="trend-speaker" aria-label={t('trendsSpeaker')} value={chosenSpeaker} onChange={(e) => setSpeaker((e.currentTarget as HTMLSelectElement).value)}>
            {speakers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </div>
      {trend ? (
        <MonthlyTrend key={`${mode}:${chosenPhrase}:${category}`} trend={trend} language={language} send={send} />
      ) : (
        <SpeakerTimeline name={chosenSpeaker} points={speakerTimeline(analyses, articles, chosenSpeaker)} language={language} send={send} />
      )}
    </section>
  );
}

const MODE_WORDS = { phrase: 'trendsPhrase', category: 'trendsCategory', speaker: 'trendsSpeaker' } as const;

/** Names by how often they occur across the analyses, most first. */
function rankedNames(pairs: readonly (readonly [string, number])[]): string[] {
  const totals = new Map<string, number>();
  for (const [name, count] of pairs) totals.set(name, (totals.get(name) ?? 0) + count);
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([name]) => name);
}

function MonthlyTrend({ trend, language, send }: { trend: Trend; language: UiLanguage; send: Props['send'] }) {
  const t = translator(language);
  const [picked, setPicked] = useState<number | null>(null);
  if (trend.series.length === 0) return <p class="trends-none">{t('trendsNoPhrase')}</p>;
  const undated = trend.series.flatMap((series) => series.undated);
  return (
    <div class="trend">
      {trend.months.length > 0 && <TrendChart trend={trend} onPick={setPicked} label={t('trendsChart')} />}
      {trend.months.length > 0 && (
        <table class="trend-data">
          <thead>
            <tr>
              <th scope="col">{t('trendsMonth')}</th>
              {trend.series.map((series) => (
                <th scope="col" key={series.label}>
                  {series.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.months.map((month, index) => (
              <tr key={month} class={picked === index ? 'picked' : undefined}>
                <th scope="row">
                  <button type="button" class="link trend-month" onClick={() => setPicked(index)}>
                    {month}
                  </button>
                </th>
                {trend.series.map((series) => (
                  <td key={series.label}>{series.counts[index]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {picked !== null && trend.months[picked] && (
        <div class="trend-picked" aria-live="polite">
          <h3>{t('trendsInMonth').replace('{month}', trend.months[picked]!)}</h3>
          <TrendArticles list={trend.series.flatMap((series) => series.articles[picked] ?? [])} language={language} send={send} />
        </div>
      )}
      {undated.length > 0 && (
        <details class="trend-undated">
          <summary>{t('trendsUndated').replace('{n}', String(undated.reduce((n, a) => n + a.count, 0))).replace('{m}', String(new Set(undated.map((a) => a.articleKey)).size))}</summary>
          <TrendArticles list={undated} language={language} send={send} />
        </details>
      )}
    </div>
  );
}

function TrendArticles({ list, language, send }: { list: TrendArticle[]; language: UiLanguage; send: Props['send'] }) {
  const t = translator(language);
  return (
    <ul class="trend-articles">
      {list.map((entry) => (
        <li key={`${entry.articleKey}:${entry.first?.exact ?? ''}`}>
          <PassageLink
            articleKey={entry.articleKey}
            url={entry.url}
            passage={entry.first ? analysisPassage(entry.first.start, entry.first.end, entry.first.exact) : null}
            send={send}
            class="passage-link"
          >
            {entry.title}
          </PassageLink>{' '}
          <span class="meta">
            {entry.date ?? t('trendsNoDate')} · {t('trendsCount').replace('{n}', String(entry.count))}
          </span>
        </li>
      ))}
    </ul>
  );
}

function SpeakerTimeline({ name, points, language, send }: { name: string; points: ReturnType<typeof speakerTimeline>; language: UiLanguage; send: Props['send'] }) {
  const t = translator(language);
  if (points.length === 0) return <p class="trends-none">{t('trendsNoPhrase')}</p>;
  return (
    <ol class="speaker-timeline" aria-label={t('trendsTimelineOf').replace('{name}', name)}>
      {points.map((point, index) => {
        // A change of title or organisation is what readers look for: mark where it happens.
        const changed = index > 0 && point.descriptor !== points[index - 1]!.descriptor;
        return (
          <li key={point.articleKey} class={changed ? 'descriptor-changed' : undefined}>
            <span class="timeline-date">{point.date ?? t('trendsNoDate')}</span> <span class="timeline-descriptor">{point.descriptor || '—'}</span>{' '}
            <PassageLink articleKey={point.articleKey} url={point.url} passage={null} send={send} class="passage-link">
              {point.title}
            </PassageLink>
            <ul>
              {point.passages.map((passage) => (
                <li key={passage.start}>
                  <PassageLink articleKey={point.articleKey} url={point.url} passage={analysisPassage(passage.start, passage.end, passage.snippet)} send={send} class="quote">
                    {passage.snippet}
                  </PassageLink>
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

/** The bars, drawn by uPlot once it has loaded; a click on a bar picks its month. */
function TrendChart({ trend, onPick, label }: { trend: Trend; onPick(index: number): void; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    // No 2D canvas (a test DOM, a locked-down browser): the table below holds the same figures.
    if (!element.ownerDocument.createElement('canvas').getContext?.('2d')) return;
    void loadChartLibrary()
      .then((uPlot) => {
        if (cancelled) return;
        const xs = trend.months.map((_, index) => index);
        const bars = uPlot.paths.bars!({ size: [0.7 / Math.max(1, trend.series.length), 60], align: 0 });
        const plot = new uPlot(
          {
            width: Math.max(320, element.clientWidth || 720),
            height: 260,
            scales: { x: { time: false, range: [-0.6, xs.length - 0.4] } },
            axes: [{ values: (_u: unknown, ticks: number[]) => ticks.map((tick) => (Number.isInteger(tick) ? (trend.months[tick] ?? '') : '')) }, {}],
            legend: { show: trend.series.length > 1 },
            hooks: {
              // Where each month's bar stands once drawn, for a test (or a tool) that clicks it; figures only.
              draw: [(u: { valToPos(value: number, scale: string): number }) => void (element.dataset.barX = xs.map((x) => Math.round(u.valToPos(x, 'x'))).join(','))],
            },
            series: [
              {},
              ...trend.series.map((series, index) => ({
                label: series.label,
                stroke: SERIES_COLOURS[index % SERIES_COLOURS.length],
                fill: `${SERIES_COLOURS[index % SERIES_COLOURS.length]}99`,
                paths: bars,
                points: { show: false },
              })),
            ],
          },
          [xs, ...trend.series.map((series) => series.counts)],
          element,
        );
        plot.over.addEventListener('click', () => {
          const index = plot.cursor.idx;
          if (typeof index === 'number') onPick(index);
        });
        chart = plot;
      })
      .catch(() => {
        // No chart (no canvas here, or the chunk failed to load): the table below holds the same figures.
      });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [trend]);
  return <div class="trend-chart" ref={holder} role="img" aria-label={label} />;
}

type UPlotModule = typeof import('uplot');
let chartLibrary: Promise<UPlotModule> | null = null;
function loadChartLibrary(): Promise<UPlotModule> {
  chartLibrary ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([module]) => module.default);
  return chartLibrary;
}
