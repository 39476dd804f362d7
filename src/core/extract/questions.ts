/**
 * The questions a sentence answers, as readers would put them: a canonical question built from
 * its subject and main verb ("What is Starmer urging?"), alternates by kind (who, when, how
 * much, why, where, and "what about" its main subjects) and its key phrases as keywords. For
 * `npm run draft`: a person checks them before they lose `draft: true`.
 */
import { ASIDE_ADVERBS, LINKING_VERBS, TIME_EXPRESSION } from '../lexicon.ts';
import type { Person } from '../schema.ts';
import { stem } from '../stem.ts';
import { derivedForms } from './derive.ts';
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
  /\b(?:because|since|so that|in order to|(?<!\b(?:is|are|was|were|be)\s)due to|as a result|to (?:deter|ensure|avoid|protect|prevent|help|support|boost|stop|secure|reduce|increase|fund|pay))\b/i;
/** "The 23-year-old has signed…": the person the sentence before named. */
export const BACK_REFERENCE = /^the\s+\d{1,3}-year-old$/i;
/** A dateline before the story: "RAVENSBRIDGE, England — ", "LONDON (Reuters) - ". */
export const DATELINE =
  /^[\p{Lu}][\p{Lu} .'-]{2,}(?:,\s*[\p{Lu}][\p{L} .'-]*)?(?:\s*\([^)]*\))?\s+[—–-]+\s+/u;
const PREPOSITION_FIRST =
  /^(?:at|in|on|to|from|for|with|after|before|into|amid|during|as|along|across|through|until|by|every|over|under)\b/i;
/** A subject that can be a "who": people, bodies and their members. */
const ANIMATE =
  /\b(?:people|persons?|councillors?|residents|officials?|members?|council|committee|government|voters|traders|workers|staff|police|leaders?|ministers?|president|group|party|board|compan(?:y|ies)|employers?|critics|supporters|opponents|campaigners|protesters|crowd|officers?|judges?|court|parliament|mps|lawmakers|senators?|democrats|republicans|union|investors|owners?|managers?|experts?|scientists|researchers|engineers|designers|developers|farmers|pupils|patients|volunteers|drivers|pilots|athletes|coaches|writers|artists|doctors|nurses|teachers|students|parents|children|fans|players|team|club)$/i;
const PLACE_AFTER =
  /\b(?:in|at|near|from|outside)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[\p{Lu}]/u;

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
  /** A linking verb with its complement ("will be unheated", "stayed open"): no "what" to ask. */
  readonly complemented: boolean;
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
  options: { participle?: boolean } = {},
): ClauseReading {
  const verbs = nlp()(clause).verbs().json({ offset: true }) as CompromiseVerb[];
  const main = verbs.find((v) => (v.offset?.start ?? 0) > 0) ?? verbs[0];
  const verbStart = main?.offset?.start ?? -1;

  // The subject: the words before the main verb, a person as readers name them.
  let subject = verbStart > 0 ? clause.slice(0, verbStart).trim().replace(/,$/, '') : '';
  if (subject.includes(', ')) subject = subject.slice(subject.lastIndexOf(', ') + 2);
  const subjectPerson =
    mentioned.find((m) => m.end <= Math.max(verbStart, 0))?.candidate ??
    (/^(?:he|she)$/i.test(subject) || BACK_REFERENCE.test(subject) ? context.previous : undefined);
  if (subjectPerson) subject = shortName(subjectPerson);
  else if (verbStart > 0 && /^\p{Lu}\p{Ll}+\b(?!\s+\p{Lu})/u.test(subject) && !properFirst(subject))
    // "Trams are planned to run": a common noun that only opens the sentence.
    subject = subject.charAt(0).toLowerCase() + subject.slice(1);
  else if (
    /^(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her|Such|Some|Many|Most|Both|All|Each)\b/.test(
      subject,
    )
  )
    subject = subject.charAt(0).toLowerCase() + subject.slice(1);
  if (
    subject.split(/\s+/).length > 8 ||
    /^(?:i|we|you|he|she|it|they)$/i.test(subject) ||
    // "after a debate that": no subject, a phrase that leads to another verb.
    /^(?:after|before|with|by|for|from|in|on|at|to|of|as|under)\b|\b(?:that|which|who)$/i.test(subject) ||
    // "Lido to stay unheated": a headline's infinitive, no subject and verb to ask with.
    /\bto$/i.test(subject)
  )
    subject = '';

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

  // "She warned, however, that…": the aside is not what the verb acts on.
  while (ASIDE_ADVERBS.has(rest.split(/\s+/)[0]?.toLowerCase() ?? '') && rest !== '')
    rest = rest.split(/\s+/).slice(1).join(' ');
  /**
   * "the pool will be unheated", "the lido has stayed open", "it remained closed": a linking verb
   * after a modal or "has", or opening the verb, with its complement there: "what" (or "how
   * much") has nothing left to ask ("What will the pool be unheated?" is no question; nor "What
   * will the pool be demolished?"). "What will it become?" of "it will become a museum" still is.
   * "is set to", "were strained" (a be-form first) are read below.
   */
  const linkingAt = verbWords.findIndex(
    (w, i) => LINKING_VERBS.has(w.toLowerCase()) && (i > 0 || !/^(?:is|are|was|were|am)$/i.test(w)),
  );
  const complemented =
    linkingAt >= 0 &&
    (linkingAt < verbWords.length - 1 ||
      (rest !== '' &&
        !/^(?:a|an|the|this|that|these|those|his|her|its|their|our|one|two|three|\d)\b/i.test(rest)));

  /** "is urging", "has rejected", "announced" as the question's verb: aux first, then the rest. */
  const asked = (wh: string): string | undefined => {
    if (!subject || verbWords.length === 0) return undefined;
    // "Lido to stay unheated": a headline's infinitive is no verb to ask with.
    if (first === 'to') return undefined;
    if (complemented && /^(?:What|How much|How many)\b/.test(wh)) return undefined;
    // "(with) the first services scheduled for 2030": a participle alone is a passive.
    if (options.participle && verbWords.length === 1 && /ed$/.test(first)) {
      const be = /s$/.test(subject) && !/ss$/.test(subject) ? 'are' : 'is';
      return wh === 'What' ? undefined : `${wh} ${be} ${subject} ${first}`;
    }
    if (AUXILIARIES.has(first)) {
      let remainder = verbWords.slice(1).join(' ');
      // "were taken in 1897": the preposition is the time's, not the verb's ("When were the masks
      // taken?"), and "what" has nothing to ask ("What were the masks taken in?").
      const particle = /^(?:is|are|was|were|been|being)$/.test(first)
        ? /\s+(?:in|on|at|by|from|for|with|during|over|after|before)$/i.exec(remainder)
        : null;
      if (particle) {
        if (wh === 'What') return undefined;
        remainder = remainder.slice(0, particle.index);
      }
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
      // "will run from the station to the park": nothing to ask "what" of.
      if (wh === 'What' && PREPOSITION_FIRST.test(rest)) return undefined;
      return remainder ? `${wh} ${first} ${subject} ${remainder}` : undefined;
    }
    if (!infinitive) return undefined;
    // "comes at a critical moment": nothing to ask "what" of.
    if (wh === 'What' && PREPOSITION_FIRST.test(rest)) return undefined;
    // "The bridge remained closed for six weeks": how long did the bridge remain closed?
    const complement =
      complemented && verbWords.length === 1 && !PREPOSITION_FIRST.test(rest)
        ? ` ${rest.split(/\s+/)[0]}`
        : '';
    // "When did Baxter say?" has lost its object: "When did Baxter say so?"
    const so =
      wh !== 'What' && /^(?:say|claim|argue|insist|suggest|believe|state)$/.test(infinitive) ? ' so' : '';
    return `${wh} ${past ? 'did' : pluralSubject(subject) ? 'do' : 'does'} ${subject} ${infinitive}${complement}${so}`;
  };
  return {
    subject,
    subjectPerson,
    verbWords,
    verbText,
    afterVerb,
    rest,
    verbs,
    asked,
    verbStart,
    complemented,
  };
}

/** "Who backed the plan": of a subject that can be a "who", and not "who will run from the station". */
function whoQuestion(reading: ClauseReading): string | undefined {
  const { subject, verbText, verbWords, complemented } = reading;
  // "Who will stay open this winter but the pool…": a new clause after "but" is not its object;
  // and what only "stays open" or "will be unheated" is no who.
  const rest = reading.rest.split(/\s+(?:but|while|whereas|although|though|yet)\s+/)[0] ?? '';
  if (!subject || !verbText || !rest || complemented || !animate(reading)) return undefined;
  if (PREPOSITION_FIRST.test(rest) && !/^(?:to|alongside|with|against|for)\b/i.test(rest)) return undefined;
  const whoVerb = verbWords
    .map((w, i) => (i === 0 ? (PLURAL_TO_SINGULAR[w.toLowerCase()] ?? w) : w))
    .join(' ');
  return `Who ${whoVerb} ${rest}`;
}

/** The first word is a name (a person, place, body), not a common noun opening a sentence. */
function properFirst(text: string): boolean {
  const term = (nlp()(text).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0];
  return (term?.tags ?? []).some((t) =>
    /^(?:ProperNoun|Person|Place|Organization|Acronym|FirstName|LastName)$/.test(t),
  );
}

/** Could answer "who": a person, a name, or people and bodies ("councillors", "the council"). */
function animate(reading: ClauseReading): boolean {
  // "Councillors backed…": a plural of people names no one, so "who were they?" is not answered from it.
  if (/s$/i.test(reading.subject) && !properFirst(reading.subject) && reading.subjectPerson === undefined)
    return false;
  // "researchers at Kelmsford University": the head before its place or body.
  const head = reading.subject.split(/\s+(?:at|of|from|in|for|with)\s+/)[0] ?? reading.subject;
  return (
    reading.subjectPerson !== undefined ||
    ANIMATE.test(reading.subject) ||
    ANIMATE.test(head) ||
    properFirst(reading.subject)
  );
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
    .replace(/\s{2,}/g, ' ')
    .replace(DATELINE, '');
  const mentioned = findForms(unquoted, forms);
  const { text: clause, asides } = withoutParticipleAsides(
    withoutAsides(unquoted, mentioned).replace(OPENER, ''),
  );
  const reading = readClause(clause, findForms(clause, forms), context);
  const { subject, subjectPerson, verbWords, afterVerb, verbs, asked } = reading;
  const figureKeywords = figuresIn(unquoted).map((f) => f.text);

  const phrases = nounPhrases(unquoted);
  const quotedPhrases = (context.quotes ?? [])
    .filter((q) => q.kind === 'direct')
    .flatMap((q) => nounPhrases(q.text));
  const peopleNamed = [
    ...new Set([
      ...mentioned.map((m) => m.candidate),
      ...(context.quotes ?? []).map((q) => q.speaker),
      ...(subjectPerson ? [subjectPerson] : []),
    ]),
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
  const who = whoQuestion(reading);
  if (who) alternates.push(who);
  for (const topic of topics.slice(0, 2)) alternates.push(`What about ${topic}`);
  // A time in an aside is the aside's ("published on Wednesday"), asked of it.
  if (TIME_EXPRESSION.test(asides.reduce((t, a) => t.replace(a.rest, ' '), unquoted))) {
    const when = asked('When');
    if (when) alternates.push(when);
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

  alternates.push(...asideQuestions([...asides, ...reducedRelatives(clause, reading)], reading, forms));
  alternates.push(...actionNounQuestions(clause, reading, forms));
  alternates.push(...clauseQuestions(clause, forms, context, reading));
  alternates.push(...peopleQuestions(unquoted, forms));

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
  // The head noun of each phrase alone, as a bare keyword ("depot" of "the line's depot").
  const heads = topics
    .map(
      (t) =>
        t
          .split(/\s+/)
          .at(-1)
          ?.replace(/(?:’s|'s)$/u, '') ?? '',
    )
    .filter((h) => h.length > 3 && /^\p{Ll}+$/u.test(h));
  const keywords = [
    ...new Set([
      ...outcomeKeywords(unquoted),
      ...topics.slice(0, 6),
      ...heads,
      ...figures.map((f) => f.trim().replace(/[,.]$/, '')),
      ...figureKeywords,
      ...(subject && actions[0] ? [`${subject.replace(DETERMINERS, '')} ${actions[0]}`] : []),
      ...peopleNamed.map(shortName),
    ]),
  ].slice(0, 14);
  // The verbs of its nouns and the names of its actions ("abstentions": abstain; "approve": approval).
  // Of a noun a figure counts too ("three abstentions": how many abstained?); "who abstained?" is
  // declined, since the sentence names no one (check a-draft-names-who-was-asked-for).
  const derived = [
    ...heads.flatMap((h) => derivedForms(h, 'n', 'v').slice(0, 1)),
    ...actions.flatMap((a) => derivedForms(a, 'v', 'n').slice(0, 1)),
  ].filter((d) => !keywords.includes(d) && !new RegExp(`\\b${d}`, 'i').test(unquoted));
  for (const d of [...new Set(derived)].slice(0, 4)) keywords.push(d);
  // Irregular verbs as readers type them ("flew": fly, "paid": pay, "led by": lead), which the
  // sentence's own form never matches; a regular one ("voted") already matches as it stands.
  for (const v of irregularVerbs(unquoted).slice(0, 4)) if (!keywords.includes(v)) keywords.push(v);
  for (const named of namedThings(unquoted)) {
    unique.push(finish(`What is the ${named} called`), finish(`What is the name of the ${named}`));
  }
  return { question: finish(question), alternates: unique, keywords };
}

/** Verbs that carry no action of their own as keywords. */
const LIGHT_VERBS =
  /^(?:be|have|do|get|make|take|go|come|will|would|can|could|should|may|might|must|say|tell|add|include|remain|become|seem|need|want|use)$/;

/**
 * The infinitives of a text's irregular verbs, in order, without light verbs: those whose written
 * form does not stem to the infinitive's stem ("flew", "paid", "led", "sold", "built").
 */
function irregularVerbs(text: string): string[] {
  const out: string[] = [];
  for (const term of nlp()(text).verbs().terms().json() as { terms: { text: string; tags: string[] }[] }[]) {
    const word = term.terms[0];
    if (!word?.tags.includes('Verb') || word.tags.includes('Auxiliary')) continue;
    const written = word.text.toLowerCase().replace(/[^\p{Ll}]/gu, '');
    const inf = (nlp()(written).verbs().toInfinitive().text() as string).toLowerCase().trim();
    if (!/^\p{Ll}{3,}$/u.test(inf) || LIGHT_VERBS.test(inf) || out.includes(inf)) continue;
    if (stem(inf) === stem(written)) continue;
    out.push(inf);
  }
  return out;
}

/** What has results readers ask for: "the vote result", "the consultation results". */
const HAS_RESULTS =
  /\b(consultation|survey|poll|vote|ballot|referendum|election|review|study|inquiry|trial|test|audit|count|census)s?\b/i;
/** Words for money that a breakdown divides: "the funding breakdown", "a cost breakdown". */
const MONEY_NOUNS = /\b(funding|cost|costs|budget|spending|money|financing|investment|bill|price)\b/i;

/**
 * Words readers type for what a sentence reports as figures: the result of a vote, survey or
 * consultation it counts ("62 per cent of which supported"), the breakdown of money it divides
 * (two sums or more), the final vote and the result of one ("by 31 votes to 24").
 */
function outcomeKeywords(text: string): string[] {
  const out: string[] = [];
  const figures = figuresIn(text);
  const results = HAS_RESULTS.exec(text)?.[1]?.toLowerCase();
  const vote = /\bby\s+\S+\s+votes?\s+to\s+\S+/i.test(text);
  if (vote) out.push('vote result', 'final vote');
  else if (results && (figures.length > 0 || /\bper\s?cent\b|%/.test(text))) out.push(`${results} results`);
  const sums = figures.filter((f) => f.wh === 'How much');
  if (sums.length >= 2) {
    const money = MONEY_NOUNS.exec(text)?.[1]?.toLowerCase();
    out.push(money ? `${money} breakdown` : 'breakdown');
  }
  return out;
}

/** "the Crumb and Kettle bakery": a common noun that the article gives a name ("bakery"). */
function namedThings(text: string): string[] {
  const out: string[] = [];
  const named = /\bthe\s+(?:\p{Lu}[\p{L}'’-]*\s+(?:(?:and|of|&)\s+)?)*\p{Lu}[\p{L}'’-]*\s+(\p{Ll}{3,})\b/gu;
  for (const m of text.matchAll(named)) {
    const noun = m[1] ?? '';
    if (PHRASE_END.has(noun) || /(?:ing|ed|ly)$/.test(noun)) continue;
    const tags = (nlp()(noun).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
    if (tags.includes('Singular') && !tags.includes('Verb')) out.push(noun);
  }
  return [...new Set(out)];
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen|dozens|hundreds|thousands';
/** A figure: money, a number (in digits or words) with what follows it. */
const FIGURE_AT = new RegExp(
  `(?:[£$€]\\s?)?(?<![\\p{L}\\d])(?:\\d[\\d,.]*\\d|\\d|(?:${NUMBER_WORDS}))(?![\\p{L}\\d])(?:\\s?(?:million|billion|bn|m|k)\\b)?`,
  'giu',
);
const UNITS_OF_TIME = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/;
const UNITS_OF_LENGTH = /^(?:kilometres?|kilometers?|km|miles?|metres?|meters?|yards?|feet|foot)\b/;
/** Small words that end a noun phrase after a figure ("11 stops to…"). */
const PHRASE_END = new Set(
  'to of for and but or in on at by from with as than a an the that which who whose is are was were will would has have had be been'.split(
    ' ',
  ),
);

interface Figure {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** How a reader asks for it: "How much", "How many stops", "How long", "How often", "What share". */
  readonly wh: string;
  /** The noun it counts or sizes, when it stands before one ("£412 million tram extension": tram extension). */
  readonly noun: string;
  /** "with 11 stops": the subject has them. */
  readonly had: boolean;
  readonly age: boolean;
}

/** Figures in a text and how a reader would ask for each. Years are times, not figures. */
export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE_AT)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (/^(?:19|20)\d\d$/.test(raw) || /^one$/i.test(raw)) continue;
    const before = text.slice(Math.max(0, start - 12), start);
    const after = text.slice(end);
    const money = /[£$€]/.test(raw) || /^\s*(?:pounds|dollars|euros)\b/i.test(after);
    const hyphen = /^-(\p{L}+)(?:-(\p{L}+))*/u.exec(after);
    const unit = hyphen?.[1]?.toLowerCase() ?? /^\s+(\p{L}+)/u.exec(after)?.[1]?.toLowerCase() ?? '';
    const tail = hyphen ? after.slice(hyphen[0].length) : after.slice(unit.length + 1);
    const age = /^-year-old\b/.test(after);
    // The noun phrase after the figure (and its unit when hyphenated): "tram extension", "line".
    const nounAfter = (from: string): string => {
      const words: string[] = [];
      for (const w of from.trim().split(/\s+/)) {
        const bare = w.replace(/[,.;:!?)”"]+$/u, '');
        if (!/^\p{Ll}[\p{L}-]*$/u.test(bare) || PHRASE_END.has(bare)) break;
        // "tram extension linking…": a participle starts what follows the noun.
        if (words.length > 0 && /ing$/.test(bare)) break;
        words.push(bare);
        if (bare !== w || words.length === 3 || (/[^s]s$/.test(bare) && !/ss$/.test(bare))) break;
      }
      return words.join(' ');
    };
    let wh: string;
    let noun = '';
    if (money) {
      wh = 'How much';
      noun = nounAfter(after.replace(/^\s*(?:pounds|dollars|euros)\b/i, ''));
    } else if (/^\s*(?:per\s?cent|percent|%)/i.test(after)) wh = 'What share';
    else if (/\bevery\s*$/i.test(before)) wh = 'How often';
    else if (age) wh = 'How old';
    else if (UNITS_OF_LENGTH.test(unit)) {
      wh = 'How long';
      if (hyphen) noun = nounAfter(tail);
    } else if (UNITS_OF_TIME.test(unit)) {
      wh = 'How long';
      if (hyphen) noun = nounAfter(tail);
    } else {
      const counted = nounAfter(hyphen ? tail : after.replace(/^\s*(?:million|billion)\b/i, ''));
      // "31 votes", "200 people": what is counted is plural.
      if (!/(?:[^s]s|people|children|men|women|staff|police)$/.test(counted)) continue;
      wh = `How many ${counted}`;
    }
    out.push({ text: raw.replace(/[,.]$/, ''), start, end, wh, noun, had: /\bwith\s*$/i.test(before), age });
  }
  return out;
}

const REPORTING_VERB =
  /^(?:say|claim|tell|warn|argue|insist|believe|suggest|announce|expect|stress|add|note|confirm|predict|estimate|report|state|explain)$/;

/** "…, while the council will borrow £95 million": a clause of its own. */
const CLAUSE_BREAK =
  /(?:,\s+|\s+)(?:while|whereas|but|although|though)\s+|;\s+|,\s+and\s+(?=(?:the|a|an|its|their|his|her)\s)|,\s+(?=with\s)|\s+when\s+(?=(?:the|a|an|its|their|his|her|\p{Lu}))/giu;

/**
 * Questions on every clause of a sentence, not only its first: what, when, where and how much,
 * each from the clause's subject and verb, and one per figure in the form a reader asks for it.
 */
function clauseQuestions(
  clause: string,
  forms: readonly { form: string; candidate: Person }[],
  context: SentenceContext,
  main: ClauseReading,
): string[] {
  const out: string[] = [];
  const parts: { text: string; reading: ClauseReading; withPhrase?: boolean }[] = [];
  let from = 0;
  const breaks = [...clause.matchAll(CLAUSE_BREAK)];
  for (const [k, b] of [...breaks, null].entries()) {
    const until = b ? b.index : clause.length;
    const text = clause.slice(from, until).trim();
    from = b ? b.index + b[0].length : clause.length;
    if (!text) continue;
    // "…, with the first services scheduled for 2030": the participle reads as a passive.
    const bare = text.replace(/^with\s+/i, '');
    const reading =
      k === 0 ? main : readClause(bare, findForms(bare, forms), context, { participle: bare !== text });
    parts.push({ text: bare, reading, withPhrase: bare !== text });
  }
  // "Pryce claimed that the line would take 3,000 cars off the road": the reported clause has
  // a subject and verb of its own, and its figures are asked of them.
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as { text: string; reading: ClauseReading };
    const verb = part.reading.verbs.find((v) => (v.offset?.start ?? -1) === part.reading.verbStart);
    if (!REPORTING_VERB.test(verb?.verb?.infinitive ?? '')) continue;
    const said =
      /^\s*(?:(?:the\s+)?\p{L}+\s+|(?:on|in|at|last|this|earlier|later|yesterday|today)\b[^,;:“”"]{0,40}?\s+|,\s*\p{L}+,\s*)?that\s+|^\s+(?=(?:the|a|an|his|her|their|its|most|some|work|they|he|she|we)\s)/u.exec(
        part.reading.afterVerb,
      );
    if (!said) continue;
    let inner = part.reading.afterVerb.slice(said[0].length).trim();
    if (inner.split(/\s+/).length < 4) continue;
    // "Researchers say they have built a battery": the pronoun is the speaker, asked by name.
    const own = /^(?:they|he|she|we)\s+/i.exec(inner);
    if (own && part.reading.subject) inner = `${part.reading.subject} ${inner.slice(own[0].length)}`;
    part.text = part.text.slice(0, part.text.length - part.reading.afterVerb.length);
    parts.splice(k + 1, 0, { text: inner, reading: readClause(inner, findForms(inner, forms), context) });
    k++;
  }
  for (const [k, { text, reading, withPhrase }] of parts.entries()) {
    const { subject, asked, verbWords, verbStart } = reading;
    if (k > 0) {
      const what = asked('What');
      if (what) out.push(what);
      const who = whoQuestion(reading);
      if (who) out.push(who);
      // "when the US voted alongside Russia": who did the US vote alongside?
      const partner = /^(alongside|with|against)\b/i.exec(reading.rest)?.[1];
      const whoWith = partner ? asked('Who') : undefined;
      if (whoWith && !AUXILIARIES.has(verbWords[0]?.toLowerCase() ?? '')) out.push(`${whoWith} ${partner}`);
      if (TIME_EXPRESSION.test(text)) {
        const when = asked('When');
        if (when) out.push(when);
      }
      if (PLACE_AFTER.test(reading.afterVerb)) {
        const where = asked('Where');
        if (where) out.push(where);
      }
    }
    for (const figure of figuresIn(text)) {
      if (figure.age) {
        const person =
          findForms(text, forms).find((m) => m.end <= figure.start)?.candidate ?? reading.subjectPerson;
        if (person) out.push(`How old is ${shortName(person)}`);
        continue;
      }
      const owner = parts[0]?.reading ?? reading;
      const relative =
        /\b(?:a|an|the)\s+(\p{Ll}+)\s+(?:that|which)\s+(\p{Ll}+ed)\s+(?:(?:almost|about|nearly|roughly|around|over|more than|less than|just|some)\s+)*$/u.exec(
          text.slice(0, figure.start),
        );
      if (relative?.[1] && relative[2]) {
        // "a debate that lasted almost five hours": how long did the debate last?
        const base = nlp()(relative[2]).verbs().toInfinitive().text() || relative[2];
        out.push(`${figure.wh} did the ${relative[1]} ${base}`);
      } else if (
        verbStart > 0 &&
        figure.end <= verbStart &&
        verbWords.length > 0 &&
        !figure.noun &&
        !(withPhrase && figure.start === 0)
      ) {
        // "£260 million will come from a grant": the figure is the subject.
        out.push(`${figure.wh} ${verbWords.join(' ')} ${reading.rest}`);
      } else if ((figure.had || (withPhrase && figure.start === 0)) && (subject || owner.subject)) {
        // "…, with 11 stops": how many stops will the line have?
        const who = subject || owner.subject;
        const verb = subject ? verbWords : owner.verbWords;
        const aux = /^(?:will|would|could|can|may|might|should)$/i.test(verb[0] ?? '')
          ? `${verb[0]?.toLowerCase()} ${who} have`
          : /ed$/.test(verb.at(-1) ?? '')
            ? `did ${who} have`
            : `does ${who} have`;
        out.push(`${figure.wh} ${aux}`);
      } else if (
        (!figure.noun || figure.wh !== 'How long') &&
        // The figure is what the verb acts on ("will cost about £410,000"), not in a phrase after
        // a comma ("…, after a £1.2 million cut"): "How much will the pool be unheated?" is no question.
        figure.start >= text.length - reading.afterVerb.length &&
        // "said (on Wednesday) that the club had raised £40,000": not "How much did Baxter say?"
        !REPORTING_VERB.test(
          reading.verbs.find((v) => (v.offset?.start ?? -1) === verbStart)?.verb?.infinitive ?? '',
        ) &&
        !/[,;:]/.test(text.slice(text.length - reading.afterVerb.length, figure.start))
      ) {
        const q = asked(figure.wh);
        if (q) out.push(q);
      }
      // "the £412 million tram extension": how much is the tram extension?
      if (figure.noun) {
        const be = /s$/.test(figure.noun) && !/ss$/.test(figure.noun) ? 'are' : 'is';
        out.push(`${figure.wh} ${be} the ${figure.noun}`);
        if (figure.wh === 'How much') out.push(`How much does the ${figure.noun} cost`);
      }
    }
    // "backed the plan by 31 votes to 24": the vote, for and against.
    const vote = /\bby\s+(\S+)\s+votes?\s+to\s+(\S+)/i.exec(text);
    const passive = /^(?:is|are|was|were)$/i.test(verbWords[0] ?? '');
    if (vote && (passive ? subject : reading.rest.replace(/^by\b.*$/i, ''))) {
      const object = passive ? subject : reading.rest.replace(/\s+by\s+.*$/i, '');
      out.push(
        `What was the vote on ${object}`,
        `What was the result of the vote on ${object}`,
        `How many voted for ${object}`,
        `How many voted against ${object}`,
      );
    }
  }
  return out;
}

/**
 * Who people are, as the article puts it after their name: "Daniel Pryce, who chairs the
 * transport committee," asks "Who chairs the transport committee?"; "Gareth Lyle, chief executive
 * of the chamber," asks "Who is the chief executive of the chamber?" and "What does Lyle do?".
 */
function peopleQuestions(text: string, forms: readonly { form: string; candidate: Person }[]): string[] {
  const out: string[] = [];
  for (const m of findForms(text, forms)) {
    const after = text.slice(m.end);
    const who = /^,\s+who\s+([^,;.]{6,90})/u.exec(after);
    if (who?.[1]) {
      const clause = who[1].trim();
      out.push(`Who ${clause}`);
      out.push(`What does ${shortName(m.candidate)} do`);
    }
    const apposition = /^,\s+(?:(a|an|the)\s+)?([^,;.“"]{4,80}?)(?:,|\s+who\b|\.$)/u.exec(after);
    if (apposition?.[2] && !/^(?:who|which|that|said|says|told|and|but)\b/.test(apposition[2])) {
      const role = apposition[2].replace(/^\d+,?$/, '').trim();
      if (role && /^\p{Ll}/u.test(role)) {
        out.push(`Who is ${apposition[1] ?? 'the'} ${role}`);
        out.push(`What does ${shortName(m.candidate)} do`);
        out.push(`What is ${shortName(m.candidate)}'s job`);
        // "a transport economist at Northfield University": where do they work?
        if (/\b(?:at|for|with|of)\s+(?:the\s+)?\p{Lu}/u.test(role))
          out.push(`Where does ${shortName(m.candidate)} work`);
      }
    }
  }
  return out;
}

/** Names of actions done to someone or something, and the verb readers ask with. */
const ACTION_NOUNS: Readonly<Record<string, string>> = {
  signing: 'sign',
  appointment: 'appoint',
  sale: 'sell',
  purchase: 'buy',
  acquisition: 'buy',
  takeover: 'take over',
  sacking: 'sack',
  dismissal: 'dismiss',
  arrest: 'arrest',
  release: 'release',
  transfer: 'transfer',
  election: 'elect',
  rescue: 'rescue',
};
/** Actions bought or sold: "the signing of X for £48 million" asks how much was paid for X. */
const PAID_FOR = new Set(['signing', 'purchase', 'acquisition', 'takeover', 'transfer']);

/**
 * "Harbour City have completed the signing of Lucas Moreira…", "…the sale of Kieran Shaw to
 * Bayern Munich": readers ask with the verb (who did they sign? who did they sell to Bayern
 * Munich?) and, for a purchase with a price, how much was paid for it.
 */
function actionNounQuestions(
  clause: string,
  reading: ClauseReading,
  forms: readonly { form: string; candidate: Person }[],
): string[] {
  const out: string[] = [];
  const subject = reading.subject;
  if (!subject || !reading.verbText) return out;
  const pattern = new RegExp(
    `\\bthe (${Object.keys(ACTION_NOUNS).join('|')}) of ((?:[\\p{L}'’-]+\\s+){0,5}?[\\p{L}'’-]+)(?=\\s+(?:from|to|for|by|in|on|at|after|before)\\b|[,;.]|$)(\\s+to\\s+(?:the\\s+)?\\p{Lu}[^,;.]*)?`,
    'gu',
  );
  const money = figuresIn(clause).some((f) => f.wh === 'How much');
  for (const m of clause.matchAll(pattern)) {
    const noun = m[1] ?? '';
    const object = m[2] ?? '';
    const verb = ACTION_NOUNS[noun] ?? '';
    const person = findForms(object, forms)[0]?.candidate;
    const named = person ? shortName(person) : object.replace(DETERMINERS, '');
    const animate = person !== undefined || /^\p{Lu}/u.test(object.split(/\s+/).at(-1) ?? '');
    const to = (m[3] ?? '').trim().split(/\s+/).slice(0, 5).join(' ');
    out.push(`${animate ? 'Who' : 'What'} did ${subject} ${verb}${to ? ` ${to}` : ''}`);
    if (money && PAID_FOR.has(noun)) out.push(`How much did ${subject} pay for ${named}`);
  }
  return out;
}

/** ", led by Professor Okonjo,": a past participle between commas, and what follows it. */
interface ParticipleAside {
  readonly participle: string;
  /** "by Professor Okonjo", "on Wednesday in the journal Nature Energy" */
  readonly rest: string;
  /** What it says something of, when not the clause's subject ("figures released on Thursday"). */
  readonly of?: string;
}

/**
 * "…, according to figures released on Thursday by the health board": a noun and a participle
 * after it that is not the clause's verb, read as an aside on the noun (who released the figures?
 * when were they released?).
 */
function reducedRelatives(clause: string, reading: ClauseReading): ParticipleAside[] {
  const out: ParticipleAside[] = [];
  const pattern =
    /\b(?:the\s+)?(\p{Ll}{3,})\s+(\p{Ll}{3,}ed)\s+((?:on|in|at|by|last|this|earlier)\b[^,;:“”"]{2,100})/gu;
  for (const m of clause.matchAll(pattern)) {
    const [, noun = '', participle = '', rest = ''] = m;
    if (m.index + m[0].indexOf(participle) === reading.verbStart) continue;
    const tags = (nlp()(`the ${noun} ${participle} ${rest}`).json() as { terms: { tags: string[] }[] }[])[0]
      ?.terms;
    const nounTags = tags?.[1]?.tags ?? [];
    const verbTags = tags?.[2]?.tags ?? [];
    if (!nounTags.includes('Noun') || nounTags.includes('Pronoun') || !verbTags.includes('Verb')) continue;
    if (REPORTING_VERB.test(nlp()(participle).verbs().toInfinitive().text() as string)) continue;
    out.push({ participle, rest: rest.trim(), of: `the ${noun}` });
  }
  return out;
}

const ASIDE =
  /,\s+(?:(?:first|recently|originally|jointly|largely|partly|mainly|newly)\s+)?(\p{Ll}{3,})\s+((?:by|on|in|at|from|for|last|this|with|to|after|before|earlier|over|under|during|since|between)\b[^,;:“”"]{2,100}?),\s+(?=\p{Ll})/gu;

/**
 * The clause without participle asides after its subject ("The team, led by Professor Okonjo,
 * spent…", "The findings, published on Wednesday in Nature Energy, describe…"): the main verb is
 * the one after them, and each aside is a question of its own (who led the team? when were the
 * findings published?).
 */
function withoutParticipleAsides(text: string): { text: string; asides: ParticipleAside[] } {
  const asides: ParticipleAside[] = [];
  const out = text.replace(ASIDE, (whole, participle: string, rest: string) => {
    const tags = (nlp()(`they were ${participle}`).json() as { terms: { tags: string[] }[] }[])[0]?.terms[2]
      ?.tags;
    if (!tags?.includes('Verb') || !(tags.includes('PastTense') || tags.includes('Participle'))) return whole;
    if (REPORTING_VERB.test(nlp()(participle).verbs().toInfinitive().text() as string)) return whole;
    asides.push({ participle, rest: rest.trim() });
    return ' ';
  });
  return { text: out.replace(/\s{2,}/g, ' '), asides };
}

/** A subject read as plural ("the findings", "researchers at the university"). */
function pluralSubject(subject: string): boolean {
  const head =
    subject
      .split(/\s+(?:at|of|from|in|for|with|on)\s+/)[0]
      ?.split(/\s+/)
      .at(-1) ?? '';
  return /(?:[^s]s|people|children|staff|police|men|women)$/i.test(head) && !/ss$/i.test(head);
}

/** Questions on participle asides: who led the team, when and where were the findings published. */
function asideQuestions(
  asides: readonly ParticipleAside[],
  reading: ClauseReading,
  forms: readonly { form: string; candidate: Person }[],
): string[] {
  const out: string[] = [];
  for (const { participle, rest, of } of asides) {
    const subject = of ?? reading.subject;
    if (!subject) continue;
    const be = pluralSubject(subject) ? 'were' : 'was';
    const agent = /(?:^|\s)by\s+(?:the\s+|a\s+|an\s+)?(\S+)/.exec(rest)?.[1] ?? '';
    if (agent) {
      const who = findForms(rest, forms).length > 0 || /^\p{Lu}/u.test(agent) || ANIMATE.test(agent);
      out.push(`${who ? 'Who' : 'What'} ${participle} ${subject}`);
    }
    if (TIME_EXPRESSION.test(rest)) out.push(`When ${be} ${subject} ${participle}`);
    if (/\b(?:in|at|near|from)\s+(?:the\s+)?(?:\p{Ll}+\s+)?\p{Lu}/u.test(rest))
      out.push(`Where ${be} ${subject} ${participle}`);
  }
  return out;
}

/**
 * The sentence without what it says of a person between commas ("Daniel Pryce, who chairs the
 * committee, claimed…", "Tom Hale, a councillor, said…"): the main verb is the person's.
 */
function withoutAsides(text: string, mentioned: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const m of [...mentioned].reverse()) {
    const aside =
      /^,\s+(?:who\b|whose\b|(?:a|an|the)\s|\d{1,3},|[\p{Ll}][^,;.“"]*\bof\b)[^;.“"]*?,\s+(?=\p{Ll})/u.exec(
        out.slice(m.end),
      );
    if (aside) out = `${out.slice(0, m.end)} ${out.slice(m.end + aside[0].length)}`;
  }
  return out.replace(/\s{2,}/g, ' ');
}
