import { useState } from 'preact/hooks';
import { labels, roleLabel, viaLabel } from '../highlights/labels';
import type { PersonSummary, SpeakerSummary } from '../records/analysis';
import type { CorrectionInput } from '../records/correction';
import type { UiLanguage } from '../records/preferences';
import { translator } from './i18n';

interface Props {
  speakers: SpeakerSummary[];
  people: PersonSummary[];
  language: UiLanguage;
  reveal(start: number, end: number): void;
  correct(correction: CorrectionInput): void;
}

const descriptor = (person: { org: string; title: string }) => [person.org, person.title].filter(Boolean).join(' · ');

/** Speakers with their attributed passages; other people listed quietly below. */
export function SpeakersPanel({ speakers, people, language, reveal, correct }: Props) {
  const t = translator(language);
  return (
    <div class="speakers">
      {speakers.length === 0 && <p class="status">{t('noSpeakers')}</p>}
      <ul class="speaker-list">
        {speakers.map((speaker) => (
          <SpeakerItem key={speaker.name} speaker={speaker} language={language} reveal={reveal} correct={correct} />
        ))}
      </ul>
      {people.length > 0 && (
        <details class="other-people">
          <summary>
            {t('otherPeople')} ({people.length})
          </summary>
          <ul>
            {people.map((person) => (
              <li key={`${person.name}-${person.first.start}`} class="person">
                <button type="button" class="link" title={t('showMention')} onClick={() => reveal(person.first.start, person.first.end)}>
                  {person.name}
                </button>
                <span class="meta"> {descriptor(person)}</span>
                <span class="role"> · {roleLabel(person.role, language)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function SpeakerItem({ speaker, language, reveal, correct }: { speaker: SpeakerSummary } & Omit<Props, 'speakers' | 'people'>) {
  const t = translator(language);
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState({ fixedName: speaker.name, title: speaker.title, org: speaker.org });
  const headingId = `speaker-${speaker.first.start}`;
  return (
    <li class="speaker" aria-labelledby={headingId}>
      <div class="speaker-head">
        <button
          type="button"
          id={headingId}
          class="speaker-name"
          title={t('showMention')}
          onClick={() => reveal(speaker.first.start, speaker.first.end)}
        >
          {speaker.name}
        </button>
        <span class="meta">{descriptor(speaker)}</span>
      </div>
      <div class="meta">{labels(language).passages(speaker.passages.length)}</div>
      <ol class="passages">
        {speaker.passages.map((passage) => (
          <li key={passage.start}>
            <button type="button" class="passage" title={t('showPassage')} onClick={() => reveal(passage.start, passage.end)}>
              {passage.snippet}
            </button>
            <span class="via">{viaLabel(passage.via, language)}</span>
          </li>
        ))}
      </ol>
      {editing ? (
        <form
          class="fix-form"
          onSubmit={(event) => {
            event.preventDefault();
            correct({ kind: 'fix-person', name: speaker.name, ...fields });
            setEditing(false);
          }}
        >
          {(['fixedName', 'title', 'org'] as const).map((field) => (
            <label key={field}>
              {t(field === 'fixedName' ? 'name' : field)}
              <input
                value={fields[field]}
                required={field === 'fixedName'}
                maxLength={field === 'fixedName' ? 20 : 100}
                onInput={(event) => setFields({ ...fields, [field]: (event.currentTarget as HTMLInputElement).value })}
              />
            </label>
          ))}
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => correct({ kind: 'not-speaker', name: speaker.name })}>
            {t('notSpeaker')}
          </button>
          <button type="button" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
        </div>
      )}
    </li>
  );
}
