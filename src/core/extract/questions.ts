/**
 * The questions a sentence answers, as readers would put them: a canonical question built from
 * its subject and main verb ("What is Starmer urging?"), alternates by kind (who, when, how
 * much, why, where, and "what about" its main subjects) and its key phrases as keywords. For
 * `npm run draft`: a person checks them before they lose `draft: true`.
 */
import { FIGURE, TIME_EXPRESSION } from '../lexicon.ts';
import type { Person } from '../schema.ts';
import { nlp } from './nlp.ts';
import { findForms, nameForms } from './people.ts';

export interface SentenceQuestions {
  readonly question: string;
  readonly alternates: readonly string[];
  readonly keywords: readonly string[];
}

const AUXILIARIES = new Set(
  'is are was were has have had will would can could should must may might am be been'.split(' '),
);
/** A sentence's opening that is not its subject ("However,", "Ahead of his meeting with Trump,"). */
const OPENER =
  /^(?:(?:However|Meanwhile|But|And|Still|Yet|Also|Instead|Indeed|Now|Then|Earlier|Later|Separately|Overall)\b,?\s+)?(?:(?:According to|Ahead of|After|Before|With|When|While|As|Despite|Although|Though|In|On|At|Since|Following|Under|For|Amid|Without|If|Once|Last|This|Next|Earlier|On)\b[^,]{0,120},\s+)?/;
const DETERMINERS = /^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|such|any|some)\s+/i;
const PURPOSE =
  /\b(?:because|since|so that|in order to|due to|as a result|to (?:deter|ensure|avoid|protect|prevent|help|support|boost|stop|secure|reduce|increase|fund|pay))\b/i;
/** A dateline before the story: "RAVENSBRIDGE, England — ", "LONDON (Reuters) - ". */
const DATELINE = /^[\p{Lu}][\p{Lu} .'-]{2,}(?:,\s*[\p{Lu}][\p{L} .'-]*)?(?:\s*\([^)]*\))?\s+[—–-]+\s+/u;
const PLACE_AFTER = /\b(?:in|at)\s+(?:the\s+)?[\p{Lu}]/u;

/** The key noun phrases of a text, without determiners, longest meaning first. */
export function nounPhrases(text: string): string[] {
  const found = (nlp()(text).nouns().out('array') as string[])
    .map((n) =>
      n
        .replace(/[“”"‘’]/g, (q) => (q === '’' ? '’' : ''))
        .replace(/[,.;:!?]+$/u, '')
        .replace(DETERMINERS, '')
        .trim(),
    )
    .filter((n) => n.length > 2 && !/^(?:he|she|it|they|we|i|i’m|you|him|her|them|us|who|what)$/i.test(n))
    .filter((n) => !/\s(?:not|no)$/i.test(n))
    // A lone word compromise also reads as a verb ("set", "claims") is rarely what a reader asks about.
    .filter((n) => n.includes(' ') || /^[\p{Lu}]/u.test(n) || (nlp()(n).verbs().length as number) === 0);
  return [...new Set(found)];
}

/** How a reader would name a person in a question: the surname, or the name as written. */
function shortName(person: Person): string {
  const surname = person.aliases.find((a) => !a.includes(' ') && /^[\p{Lu}]/u.test(a));
  return surname ?? person.name;
}

/** A quotation in the sentence, and who said it (from the quote extraction). */
export interface SentenceQuote {
  readonly speaker: Person;
  readonly kind: 'direct' | 'reported';
  readonly text: string;
}

export interface SentenceContext {
  /** The quotations and reported statements in this sentence. */
  readonly quotes?: readonly SentenceQuote[];
  /** The last person named before this sentence: who "he" or "she" at its start is. */
  readonly previous?: Person | undefined;
}

const PLURAL_TO_SINGULAR: Readonly<Record<string, string>> = { have: 'has', are: 'is', were: 'was' };

/** A clause read for questions: its subject, main verb and what follows, and questions built on them. */
interface ClauseReading {
  readonly subject: string;
  readonly subjectPerson: Person | undefined;
  readonly verbWords: readonly string[];
  readonly verbText: string;
  readonly afterVerb: string;
  /** The first words after the verb, up to a comma, without a dangling small word. */
  readonly rest: string;
  readonly verbs: readonly CompromiseVerb[];
  /** "What is Starmer urging", "When did Reyes score": wh + auxiliary + subject + verb. */
  readonly asked: (wh: string) => string | undefined;
  /** Where the subject ends and the verb starts, in the clause. */
  readonly verbStart: number;
}

interface CompromiseVerb {
  text: string;
  offset?: { start: number; length: number };
  verb?: { infinitive?: string; auxiliary?: string; grammar?: { tense?: string } };
}

function readClause(
  clause: string,
  mentioned: readonly { start: number; end: number; candidate: Person }[],
  context: SentenceContext,
): ClauseReading {
  const verbs = nlp()(clause).verbs().json({ offset: true }) as CompromiseVerb[];
  const main = verbs.find((v) => (v.offset?.start ?? 0) > 0) ?? verbs[0];
  const verbStart = main?.offset?.start ?? -1;

  // The subject: the words before the main verb, a person as readers name them.
  let subject = verbStart > 0 ? clause.slice(0, verbStart).trim().replace(/,$/, '') : '';
  if (subject.includes(', ')) subject = subject.slice(subject.lastIndexOf(', ') + 2);
  const subjectPerson =
    mentioned.find((m) => m.end <= Math.max(verbStart, 0))?.candidate ??
    (/^(?:he|she)$/i.test(subject) ? context.previous : undefined);
  if (subjectPerson) subject = shortName(subjectPerson);
  else if (
    /^(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her|Such|Some|Many|Most|Both|All|Each)\b/.test(
      subject,
    )
  )
    subject = subject.charAt(0).toLowerCase() + subject.slice(1);
  if (subject.split(/\s+/).length > 8 || /^(?:i|we|you|he|she|it|they)$/i.test(subject)) subject = '';

  const verbText = (main?.text ?? '').replace(/[,.;:]+$/, '').trim();
  const verbWords = verbText.split(/\s+/).filter(Boolean);
  const first = verbWords[0]?.toLowerCase() ?? '';
  const infinitive = main?.verb?.infinitive ?? '';
  const past = main?.verb?.grammar?.tense === 'PastTense';
  const afterVerb = verbStart >= 0 ? clause.slice(verbStart + (main?.text.length ?? 0)) : '';
  let rest =
    afterVerb
      .split(/[,;:.!?](?=\s|$)/)[0]
      ?.trim()
      .split(/\s+/)
      .slice(0, 9)
      .join(' ') ?? '';
  for (let i = 0; i < 3; i++)
    rest = rest.replace(
      /\s*\b(?:to|of|for|and|but|or|so|the|a|an|from|in|on|with|at|by|that|as|its|his|her|their)$/i,
      '',
    );

  /** "is urging", "has rejected", "announced" as the question's verb: aux first, then the rest. */
  const asked = (wh: string): string | undefined => {
    if (!subject || verbWords.length === 0) return undefined;
    if (AUXILIARIES.has(first)) {
      const remainder = verbWords.slice(1).join(' ');
      // "is set to visit", "is willing to commit": what is Zelensky set to do?
      if (/^(?:is|are|was|were)$/.test(first) && /\bto$/.test(remainder))
        return `${wh} ${first} ${subject} ${remainder} do`;
      if (/^(?:is|are|was|were)$/.test(first) && remainder && /^to\s/.test(rest))
        return wh === 'What'
          ? `${wh} ${first} ${subject} ${remainder} to do`
          : `${wh} ${first} ${subject} ${remainder} ${rest.split(/\s+/).slice(0, 2).join(' ')}`;
      // The passive ("were further strained"): what strained them?
      if (/^(?:is|are|was|were|been|being)$/.test(first) && /ed$/.test(verbWords.at(-1) ?? '')) {
        return wh === 'What'
          ? `What ${verbWords.at(-1)} ${subject}`
          : `${wh} ${first} ${subject} ${remainder}`;
      }
      if (
        /^(?:is|are|was|were)$/.test(first) &&
        remainder === '' &&
        /^(?:set|due|expected|going|about|likely|willing|unwilling|able|unable|ready|poised)\s+to\b/.test(
          rest,
        )
      )
        return wh === 'What'
          ? `${wh} ${first} ${subject} ${rest.split(/\s+/).slice(0, 2).join(' ')} do`
          : `${wh} ${first} ${subject} ${rest.split(/\s+/).slice(0, 3).join(' ')}`;
      return remainder ? `${wh} ${first} ${subject} ${remainder}` : undefined;
    }
    if (!infinitive) return undefined;
    // "comes at a critical moment": nothing to ask "what" of.
    if (wh === 'What' && /^(?:at|in|on|to|from|for|with|after|before|into|amid|during|as)\b/i.test(rest))
      return undefined;
    return `${wh} ${past ? 'did' : 'does'} ${subject} ${infinitive}`;
  };
  return { subject, subjectPerson, verbWords, verbText, afterVerb, rest, verbs, asked, verbStart };
}

export function questionsFor(
  sentence: string,
  people: readonly Person[],
  context: SentenceContext = {},
): SentenceQuestions {
  const forms = people.flatMap((p) => nameForms(p).map((form) => ({ form, candidate: p })));
  // Quoted words are someone's speech, not the sentence's grammar: read the sentence around them.
  const unquoted = sentence
    .replace(/“[^”]*”|"[^"]*"/g, ' ')
    .replace(/^[\s,;:]+/, '')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s{2,}/g, ' ');
  const mentioned = findForms(unquoted, forms);
  const clause = unquoted.replace(DATELINE, '').replace(OPENER, '');
  const reading = readClause(clause, findForms(clause, forms), context);
  const { subject, subjectPerson, verbWords, verbText, afterVerb, rest, verbs, asked } = reading;

  const phrases = nounPhrases(unquoted);
  const quotedPhrases = (context.quotes ?? [])
    .filter((q) => q.kind === 'direct')
    .flatMap((q) => nounPhrases(q.text));
  const peopleNamed = [
    ...new Set([...mentioned.map((m) => m.candidate), ...(context.quotes ?? []).map((q) => q.speaker)]),
  ];
  const isName = (p: string): boolean =>
    peopleNamed.some((person) => nameForms(person).some((f) => p.includes(f) || f.includes(p)));
  const topics = [...new Set([...phrases, ...quotedPhrases])].filter((p) => !isName(p));

  const alternates: string[] = [];
  const candidates: string[] = [];
  // Who said what: quotations and reported statements are asked about by their speaker.
  for (const q of context.quotes ?? []) {
    const who = shortName(q.speaker);
    const about =
      nounPhrases(
        q.text.replace(/^\p{L}+\s+/u, (w) =>
          /^(?:claims?|claimed|claiming|says?|said|urged?|urging|warned?|warning|described|believes)\s/i.test(
            w,
          )
            ? ''
            : w,
        ),
      ).filter((p) => !isName(p))[0] ?? topics[0];
    candidates.push(about ? `What did ${who} say about ${about}` : `What did ${who} say`);
    if (q.kind === 'direct' && q.text.split(/\s+/).length > 3) {
      const opening = q.text
        .split(/\s+/)
        .slice(0, 8)
        .join(' ')
        .replace(/[,;:.]+$/, '');
      alternates.push(`Who said "${opening}"`);
    }
  }
  // "…,” Lopez told reporters": the verb only attributes the quotation; the question is what was said.
  const attributes =
    (context.quotes ?? []).some((q) => q.kind === 'direct' && q.text.split(/\s+/).length > 3) &&
    /^(?:said|says|told|tells|added|adds|asked|explained|wrote|insisted|argued|warned|claimed|stated|declared|replied)$/i.test(
      verbWords.at(-1) ?? '',
    );
  const whatQuestion = attributes ? undefined : asked('What');
  if (whatQuestion) candidates.unshift(whatQuestion);
  if (subject && verbText && rest) {
    const whoVerb = verbWords
      .map((w, i) => (i === 0 ? (PLURAL_TO_SINGULAR[w.toLowerCase()] ?? w) : w))
      .join(' ');
    alternates.push(`Who ${whoVerb} ${rest}`);
  }
  for (const topic of topics.slice(0, 2)) alternates.push(`What about ${topic}`);
  if (TIME_EXPRESSION.test(unquoted)) {
    const when = asked('When');
    if (when) alternates.push(when);
  }
  if (FIGURE.test(unquoted)) {
    const counted = /\b\d[\d.,]*\s+(?:million\s+|billion\s+)?((?:[a-z]+\s+)?[a-z]+s)\b/.exec(unquoted)?.[1];
    const much = asked(counted ? `How many ${counted}` : 'How much');
    alternates.push(much ?? `How much is ${topics[0] ?? 'it'}`);
  }
  if (PURPOSE.test(unquoted)) {
    const why = asked('Why');
    if (why) alternates.push(why);
  }
  if (PLACE_AFTER.test(afterVerb)) {
    const where = asked('Where');
    if (where) alternates.push(where);
  }
  for (const person of peopleNamed.filter((p) => p !== subjectPerson).slice(0, 1)) {
    alternates.push(`What does the article say about ${shortName(person)} and ${topics[0] ?? 'this'}`);
  }

  const question = candidates[0] ?? `What does the article say about ${topics[0] ?? phrases[0] ?? 'this'}`;
  alternates.unshift(...candidates.slice(1));
  const finish = (q: string): string =>
    `${q.charAt(0).toUpperCase()}${q.slice(1)}`.replace(/\s+/g, ' ').replace(/[\s?]*$/, '?');
  const done = new Set<string>([finish(question).toLowerCase()]);
  const unique = alternates.map(finish).filter((q) => {
    const key = q.toLowerCase();
    if (done.has(key)) return false;
    done.add(key);
    return true;
  });
  if (unique.length === 0) unique.push(finish(`What happened with ${topics[0] ?? phrases[0] ?? 'this'}`));
  // Bare words readers type: the sentence's figures and dates, its subjects, and who is in it.
  const figures = unquoted.match(/\b\d[\d.,]*(?:%|\s+(?:per\s?cent|percent|million|billion|bn|m)\b)?/g) ?? [];
  const actions = verbs
    .map((v) => v.verb?.infinitive ?? '')
    .filter(
      (v) =>
        v.length > 3 && !/^(?:be|have|do|will|would|can|could|should|may|might|must|say|tell|add)$/.test(v),
    );
  const keywords = [
    ...new Set([
      ...topics.slice(0, 6),
      ...figures.map((f) => f.trim()),
      ...(subject && actions[0] ? [`${subject.replace(DETERMINERS, '')} ${actions[0]}`] : []),
      ...peopleNamed.map(shortName),
    ]),
  ].slice(0, 10);
  return { question: finish(question), alternates: unique, keywords };
}
