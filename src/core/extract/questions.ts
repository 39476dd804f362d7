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
  /^(?:(?:However|Meanwhile|But|And|Still|Yet|Also|Instead|Indeed|Now|Then|Earlier|Later|Separately|Overall)\b,?\s+)?(?:(?:Ahead of|After|Before|With|When|While|As|Despite|Although|Though|In|On|At|Since|Following|Under|For|Amid|Without|If|Once)\b[^,]{0,120},\s+)?/;
const DETERMINERS = /^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|such|any|some)\s+/i;
const PURPOSE =
  /\b(?:because|since|so that|in order to|due to|as a result|to (?:deter|ensure|avoid|protect|prevent|help|support|boost|stop|secure|reduce|increase|fund|pay))\b/i;
const PLACE_AFTER = /\b(?:in|at|to|from|across|near|inside)\s+(?:the\s+)?[\p{Lu}]/u;

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
    .filter((n) => n.length > 2 && !/^(?:he|she|it|they|we|i|i’m|you|him|her|them|us|who|what)$/i.test(n));
  return [...new Set(found)];
}

/** How a reader would name a person in a question: the surname, or the name as written. */
function shortName(person: Person): string {
  const surname = person.aliases.find((a) => !a.includes(' ') && /^[\p{Lu}]/u.test(a));
  return surname ?? person.name;
}

export function questionsFor(sentence: string, people: readonly Person[]): SentenceQuestions {
  const forms = people.flatMap((p) => nameForms(p).map((form) => ({ form, candidate: p })));
  const mentioned = findForms(sentence, forms);
  const clause = sentence.replace(OPENER, '');
  const offset = sentence.length - clause.length;

  const verbs = nlp()(clause).verbs().json({ offset: true }) as {
    text: string;
    offset?: { start: number; length: number };
    verb?: { infinitive?: string; auxiliary?: string; grammar?: { tense?: string } };
  }[];
  const main = verbs.find((v) => (v.offset?.start ?? 0) > 0) ?? verbs[0];
  const verbStart = main?.offset?.start ?? -1;

  // The subject: the words before the main verb, a person as readers name them.
  let subject = verbStart > 0 ? clause.slice(0, verbStart).trim().replace(/,$/, '') : '';
  const subjectPerson = mentioned.find(
    (m) => m.start >= offset && m.end <= offset + Math.max(verbStart, 0),
  )?.candidate;
  if (subjectPerson) subject = shortName(subjectPerson);
  else if (subject && !/^[\p{Lu}]{2,}\b/u.test(subject) && !/^[\p{Lu}][\p{Ll}]+\s+[\p{Lu}]/u.test(subject))
    subject = subject.charAt(0).toLowerCase() + subject.slice(1);
  if (subject.split(/\s+/).length > 8 || /^(?:i|we|you|i’m|i'm)$/i.test(subject)) subject = '';

  const verbText = (main?.text ?? '').replace(/[,.;:]+$/, '').trim();
  const verbWords = verbText.split(/\s+/).filter(Boolean);
  const first = verbWords[0]?.toLowerCase() ?? '';
  const infinitive = main?.verb?.infinitive ?? '';
  const past = main?.verb?.grammar?.tense === 'PastTense';
  const afterVerb = verbStart >= 0 ? clause.slice(verbStart + (main?.text.length ?? 0)) : '';
  const rest = afterVerb
    .split(/[,;:.]/)[0]
    ?.trim()
    .split(/\s+/)
    .slice(0, 9)
    .join(' ')
    .replace(/\s+(?:to|of|for|and|the|a|an|from|in|on|with|at|by)$/i, '');

  /** "is urging", "has rejected", "announced" as the question's verb: aux first, then the rest. */
  const asked = (wh: string): string | undefined => {
    if (!subject || verbWords.length === 0) return undefined;
    if (AUXILIARIES.has(first)) {
      const remainder = verbWords.slice(1).join(' ');
      return remainder ? `${wh} ${first} ${subject} ${remainder}` : `${wh} ${first} ${subject}`;
    }
    if (!infinitive) return undefined;
    return `${wh} ${past ? 'did' : 'does'} ${subject} ${infinitive}`;
  };

  const phrases = nounPhrases(sentence);
  const peopleNamed = [...new Set(mentioned.map((m) => m.candidate))];
  const topics = phrases.filter(
    (p) => !peopleNamed.some((person) => nameForms(person).some((f) => p.includes(f) || f.includes(p))),
  );

  const alternates: string[] = [];
  const whatQuestion = asked('What');
  if (subject && verbText) alternates.push(`Who ${verbText} ${rest ?? ''}`.trim());
  for (const topic of topics.slice(0, 2)) alternates.push(`What about ${topic}`);
  if (TIME_EXPRESSION.test(sentence)) {
    const when = asked('When');
    if (when) alternates.push(when);
  }
  if (FIGURE.test(sentence)) {
    const counted = /\b\d[\d.,]*\s+(?:million\s+|billion\s+)?([a-z]+s)\b/.exec(sentence)?.[1];
    const much = asked(counted ? `How many ${counted}` : 'How much');
    alternates.push(much ?? `How much is ${topics[0] ?? 'it'}`);
  }
  if (PURPOSE.test(sentence)) {
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

  const question = whatQuestion ?? `What does the article say about ${topics[0] ?? phrases[0] ?? 'this'}`;
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
  const keywords = [...new Set([...topics.slice(0, 4), ...peopleNamed.map(shortName)])].slice(0, 6);
  return { question: finish(question), alternates: unique, keywords };
}
