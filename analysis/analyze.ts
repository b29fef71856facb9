// analyzeText: the whole analysis of one article text. Pure; never throws on a string.
import { compileLexicon, K } from './lexicon';
import { findPeople, type Mention } from './people';
import { findPolicyPhrases } from './policy-phrases';
import { paragraphIndex, type Scan, scanText, wordAt } from './scan';
import { attribute, clauseVerb, sentenceVerb } from './speakers';
import type { AnalysisResult, Person, PersonRole, Quote, ReaderCorrections } from './types';

/** Texts longer than this are analysed only up to here (a page is never near it). */
export const MAX_TEXT_LENGTH = 8_000_000;

export function analyzeText(text: string, corrections?: ReaderCorrections): AnalysisResult {
  if (typeof text !== 'string') {
    throw new TypeError(`analyzeText expects the article text as a string, got ${text === null ? 'null' : typeof text}`);
  }
  if (corrections !== undefined && (corrections === null || typeof corrections !== 'object')) {
    throw new TypeError('analyzeText: corrections must be a ReaderCorrections object when given');
  }
  const input = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  if (!/[\u3400-\u9fff]/.test(input)) return { speakers: [], people: [], phrases: [] };
  const lex = compileLexicon(corrections);
  const scan = scanText(input, lex);
  const people = findPeople(scan);
  const attributions = attribute(scan, people);
  const byKey = mergeMentions(scan, input, people.mentions);
  const persons = personsOf(scan, byKey, new Map(attributions.map((a) => [a.key, a.quotes])), corrections);
  persons.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  return {
    speakers: persons.filter((p) => p.role === 'speaker'),
    people: persons,
    phrases: findPolicyPhrases(scan),
  };
}

/** A person gathered from their mentions, before roles and corrections. */
interface MergedPerson extends Person {
  first: number;
  shortFirst: boolean;
  titled: boolean;
  postTitle: string;
  plain: Mention[];
  reporter: boolean;
}

// The steps below are functions of their own so that each is optimised on its own (see speakers.ts).
/** Mentions by person (name key), with the name, title and organisation the mentions give. */
function mergeMentions(scan: Scan, input: string, mentions: Mention[]): Map<string, MergedPerson> {
  const byKey = new Map<string, MergedPerson>();
  for (const m of mentions) {
    let p = byKey.get(m.key);
    if (!p) {
      p = {
        name: input.slice(m.start, m.end).replace(/\s+/g, ''),
        title: '',
        org: '',
        role: 'mentioned',
        mentions: [],
        quotes: [],
        first: m.start,
        shortFirst: m.short,
        titled: false,
        postTitle: '',
        plain: [],
        reporter: false,
      };
      byKey.set(m.key, p);
    }
    // The name as written at its fullest: a short form (塔拉斯) seen first gives way to the full name.
    if (m.short && p.mentions.length === 0) p.name = m.key;
    else if (!m.short && p.shortFirst) p.name = input.slice(m.start, m.end).replace(/\s+/g, '');
    p.shortFirst = p.shortFirst && m.short;
    p.mentions.push({ start: m.start, end: m.end });
    // Title and organisation come from the first mention with a title (else one with an organisation).
    if (!p.titled && m.title) {
      p.title = m.title;
      p.org = m.org;
      p.titled = true;
    } else if (!p.titled && !p.org && m.org) p.org = m.org;
    // 王荣华市长 / 应急管理部王祥喜部长: a title right after the name, used only when no mention has a title before it.
    if (!p.postTitle && !m.credit) {
      const after = wordAt(scan, m.end);
      if (after && after.kinds & K.TITLE) p.postTitle = input.slice(after.start, after.end);
    }
    if (m.credit) p.reporter = true;
    else p.plain.push(m);
  }
  return byKey;
}

/** Each person's role and quotes, with the reader's corrections applied. */
function personsOf(scan: Scan, byKey: Map<string, MergedPerson>, quotesByKey: Map<string, Quote[]>, corrections: ReaderCorrections | undefined): Person[] {
  // Host or attendee matters only for a person who said nothing quoted: their mentions' verbs are read then.
  const hostedOrAttended = (mentions: Mention[]): PersonRole => {
    let attended = false;
    for (const m of mentions) {
      const limit = scan.paragraphs[paragraphIndex(scan, m.start)].end;
      const verb = clauseVerb(scan, m.end, limit);
      if (verb & K.HOST) return 'host';
      if (!attended && (verb & K.ATTEND || (!verb && sentenceVerb(scan, m.end, limit) & K.ATTEND))) attended = true;
    }
    return attended ? 'attendee' : 'mentioned';
  };
  const notSpeakers = new Set((corrections?.notSpeakers ?? []).filter((s) => typeof s === 'string'));
  const fixes = new Map((corrections?.personFixes ?? []).filter((f) => f && typeof f.name === 'string').map((f) => [f.name, f]));
  const persons: Person[] = [];
  for (const [key, p] of byKey) {
    const quotes = p.reporter || notSpeakers.has(p.name) ? [] : quotesByKey.get(key) ?? [];
    const role: PersonRole = p.reporter ? 'reporter' : quotes.length ? 'speaker' : hostedOrAttended(p.plain);
    if (!p.titled && p.postTitle) p.title = p.postTitle;
    const fix = fixes.get(p.name);
    persons.push({
      name: fix?.fixedName ?? p.name,
      title: fix?.title ?? p.title,
      org: fix?.org ?? p.org,
      role,
      mentions: p.mentions,
      quotes,
    });
  }
  return persons;
}
