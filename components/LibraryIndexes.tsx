// The library's indexes across articles. Each speaker or policy phrase opens (a disclosure) the list of its
// passages across the reader's articles; every passage and every article title links back to the page.

import { categoryLabel, labels } from '../highlights/labels';
import type { PhraseIndexEntry, SpeakerIndexEntry } from '../library/cross-article';
import type { Message } from '../messaging/protocol';
import type { ArticleRecord } from '../records/article';
import type { UiLanguage } from '../records/preferences';
import type { ArticleAnalysisRecord } from '../records/analysis';
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { UNDATED } from '../exporters/dates';
import { countOf, translator } from './i18n';
import { analysisPassage, PassageLink } from './PassageLink';

/** Articles listed per entry until the reader asks for all (an index of 100k annotations stays quick to open). */
export const INDEX_PREVIEW = 8;

/** A disclosure whose body is built only once opened: a long index costs its summaries, not every passage. */
function Disclosure({ summary, children }: { summary: ComponentChildren; children: () => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <details open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}

/** The first INDEX_PREVIEW items, and a button for the rest. */
function Preview<T>({ items, language, render }: { items: T[]; language: UiLanguage; render(item: T): ComponentChildren }) {
  const [all, setAll] = useState(false);
  return (
    <>
      {(all ? items : items.slice(0, INDEX_PREVIEW)).map(render)}
      {!all && items.length > INDEX_PREVIEW && (
        <li>
          <button type="button" class="show-all" onClick={() => setAll(true)}>
            {countOf(language, 'showAllArticles', items.length)}
          </button>
        </li>
      )}
    </>
  );
}

interface Common {
  language: UiLanguage;
  articles: Map<string, ArticleRecord>;
  send(message: Message): Promise<unknown>;
}

function ArticleTitle({ articleKey, title, articles, send, language }: Common & { articleKey: string; title: string }) {
  const url = articles.get(articleKey)?.url;
  if (!url) return <span class="index-article">{title}</span>;
  return (
    <PassageLink class="index-article" articleKey={articleKey} url={url} passage={null} send={send} title={translator(language)('openArticleTab')}>
      {title}
    </PassageLink>
  );
}

export function SpeakerIndexList(props: Common & { entries: SpeakerIndexEntry[]; filterBy(name: string): void }) {
  const t = translator(props.language);
  return (
    <ul class="speaker-index">
      {props.entries.map((entry) => (
        <li key={entry.name} class="index-entry">
          <Disclosure
            summary={
              <h2>
                {entry.name} <span class="count">· {countOf(props.language, 'articleCount', entry.appearances.length)} · {labels(props.language).passages(entry.passageCount)}</span>
              </h2>
            }
          >
            {() => (
              <>
                {entry.descriptors.length > 0 && (
                  <p class="meta">
                    {t('titlesOverTime')}
                    {props.language === 'en' ? ': ' : '：'}
                    {entry.descriptors
                      .map((d) => {
                        const span = `${d.first}${d.last !== d.first ? ` – ${d.last}` : ''}`;
                        return props.language === 'en' ? `${d.descriptor} (${span})` : `${d.descriptor}（${span}）`;
                      })
                      .join(' → ')}
                  </p>
                )}
                <ul aria-label={t('passagesAcross')}>
                  <Preview
                    items={entry.appearances}
                    language={props.language}
                    render={(appearance) => {
                      const url = props.articles.get(appearance.articleKey)?.url;
                      return (
                        <li key={appearance.articleKey}>
                          <span class="meta">{appearance.date || UNDATED[props.language]} · </span>
                          <ArticleTitle {...props} articleKey={appearance.articleKey} title={appearance.articleTitle} />
                          <ul class="snippets">
                            {appearance.passages.map((passage) => {
                              const target = analysisPassage(passage.start, passage.end, passage.snippet);
                              return (
                                <li key={passage.start}>
                                  {url && target ? (
                                    <PassageLink class="passage-link" articleKey={appearance.articleKey} url={url} passage={target} send={props.send} title={t('openPassage')}>
                                      {passage.snippet}
                                    </PassageLink>
                                  ) : (
                                    passage.snippet
                                  )}
                                </li>
                              );
                            })}
                          </ul>
                        </li>
                      );
                    }}
                  />
                </ul>
                <button type="button" onClick={() => props.filterBy(entry.name)}>
                  {t('filterByThis')}
                </button>
              </>
            )}
          </Disclosure>
        </li>
      ))}
    </ul>
  );
}

export function PhraseIndexList(props: Common & { entries: PhraseIndexEntry[]; analyses: ArticleAnalysisRecord[]; filterBy(text: string): void }) {
  const t = translator(props.language);
  const analysisOf = new Map(props.analyses.map((record) => [record.articleKey, record]));
  return (
    <ul class="phrase-index">
      {props.entries.map((entry) => (
        <li key={entry.text} class="index-entry">
          <Disclosure
            summary={
              <h2>
                {entry.text} <span class="count">· {categoryLabel(entry.category, props.language)} · {countOf(props.language, 'articleCount', entry.articles.length)} · ×{entry.total}</span>
              </h2>
            }
          >
            {() => (
              <>
                <p class="meta">
                  {t('firstSeen')} {entry.firstSeen || UNDATED[props.language]} · {t('lastSeen')} {entry.lastSeen || UNDATED[props.language]}
                </p>
                <ul aria-label={t('passagesAcross')}>
                  <Preview
                    items={entry.articles}
                    language={props.language}
                    render={(article) => {
                      const url = props.articles.get(article.articleKey)?.url;
                      const occurrences = analysisOf.get(article.articleKey)?.summary.phrases.filter((phrase) => phrase.text === entry.text).flatMap((phrase) => phrase.occurrences) ?? [];
                      return (
                        <li key={article.articleKey}>
                          <span class="meta">{article.date || UNDATED[props.language]} · </span>
                          <ArticleTitle {...props} articleKey={article.articleKey} title={article.articleTitle} /> ×{article.count}
                          <span class="occurrences">
                            {url &&
                              occurrences.map((occurrence, i) => {
                                const target = analysisPassage(occurrence.start, occurrence.end, entry.text);
                                return (
                                  target && (
                                    <PassageLink key={occurrence.start} class="passage-link" articleKey={article.articleKey} url={url} passage={target} send={props.send} title={t('openPassage')}>
                                      {t('occurrenceN').replace('{n}', String(i + 1))}
                                    </PassageLink>
                                  )
                                );
                              })}
                          </span>
                        </li>
                      );
                    }}
                  />
                </ul>
                <button type="button" onClick={() => props.filterBy(entry.text)}>
                  {t('filterByThis')}
                </button>
              </>
            )}
          </Disclosure>
        </li>
      ))}
    </ul>
  );
}
