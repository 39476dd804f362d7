/**
 * Normalisation, second half: words -> terms. Misspellings are corrected against the story's
 * vocabulary (fuzzy.ts), words are stemmed, and the glossary's aliases and spelling variants are
 * read as one canonical term ("Zelenskyy", "Zelenskiy" -> #zelensky; "defense" -> defence).
 * The same code analyses the data when the index is built and every question at run time, so
 * both sides always agree.
 */

import {
  type English,
  entitiesOf,
  type OfficeReading,
  officeOf,
  officeWordsOf,
  type Thesaurus,
  thesaurusLinks,
} from './english/index.ts';
import { FuzzyVocabulary, typingDistance } from './fuzzy.ts';
import { INTENT_WORDS } from './intents.ts';
import {
  AUXILIARY_VERBS,
  asksSignificance,
  asksWhetherItHappened,
  DIRECT_QUOTE,
  FRAMING_WORDS,
  GOVERNMENT_WORDS,
  JUDGING_VERBS,
  type JudgementKind,
  judgementOf,
  LINKING_VERBS,
  PEOPLE_NOUNS,
  particleNextToVerb,
  personalDetailOf,
  QUOTATION_MARKS_ASKED,
  QUOTE_PHRASES,
  QUOTE_WORDS,
  questionTypeOf,
  REGARDED_WORDS,
  SAY_WORDS,
  SIGNIFICANCE_WORDS,
  SMALL_TALK,
  STOP_UNLESS_IN_ARTICLE,
  STOP_WORDS,
  specificAsked,
  type TimePrecision,
  TYPE_WORDS,
  timePrecisionOf,
  VIEW_WORDS,
  WH_WORDS,
} from './lexicon.ts';
import type { GlossaryFile, QuestionType } from './schema.ts';
import { stem } from './stem.ts';
import { cleanText, foldText, splitClauses, type WordTable, wordsOf } from './text.ts';

/** The general English a story is read with: the engine's, and the thesaurus of its words. */
export interface StoryLanguage {
  readonly english: English;
  readonly thesaurus: Thesaurus;
}

/** A person's canonical term: "#" keeps it apart from any stemmed word. */
export const personTerm = (personId: string): string => `#${personId}`;
/** A glossary term's canonical term: its words stemmed ("North Korea" -> "north_korea"). */
const canonicalTerm = (term: string): string => wordsOf(foldText(term)).map(stem).join('_');

export interface QueryTerm {
  readonly term: string;
  /** The word as typed. */
  readonly surface: string;
  /** 1 when the word is in the story's vocabulary as typed, lower when it was corrected. */
  readonly similarity: number;
  /** False when the word is in no data file and could not be corrected: the story never uses it. */
  readonly known: boolean;
  /** Index of its first word in the clause. */
  readonly position: number;
  /** A person, country or body (the story's, or one of the wider world's). */
  readonly entity: boolean;
  /** Scales the weight of a word the story never uses (see dampUnknown). */
  readonly damping?: number;
  /** Scales the weight of any word: one guessed from the conversation counts for less. */
  readonly weightScale?: number;
}

export type QuoteIntent = 'none' | 'say' | 'quote';

export interface AnalyzedClause {
  /**
   * People a follow-up set aside for someone else ("and Starmer?" after a question about Trump):
   * an answer about them is about the last question's person, not the new one.
   */
  readonly setAside?: readonly string[];
  readonly text: string;
  /** The clause cleaned and folded (lower case, chat spellings read). */
  readonly folded: string;
  readonly type: QuestionType;
  readonly terms: readonly QueryTerm[];
  readonly persons: readonly string[];
  readonly quoteIntent: QuoteIntent;
  /**
   * Persons whose words are asked for: every person named in a quote request, or those named
   * before "say"/"said"/"told" ("what did Lavrov say", not "what does it say about Putin").
   */
  readonly speakers: readonly string[];
  /** Says "he", "her", "they"...: may refer to a person named in an earlier clause. */
  readonly pronoun: 'he' | 'she' | 'they' | null;
  /** Asks to quote the article itself. */
  readonly articleQuote: boolean;
  /** Asks for a direct quote (quotation-marked words), not an account of what was said. */
  readonly directQuote: boolean;
  /** "What did Iran say": the name of a body the article reports no words from. */
  readonly silentSpeaker: string | null;
  /** Has "say", "said", "told"...: with a person, a request for their words. */
  readonly sayWord: boolean;
  /** Asks whether something happened ("did Zelensky sign it?"): a plan cannot answer it. */
  readonly happened: boolean;
  /**
   * "Is Lavrov the Russian president?": the person whose identity a yes-no question checks.
   * What follows is the guess to check, not a subject the answer must name.
   */
  readonly identityOf: string | null;
  /** "What time...", "what's the exact date...": a "when" question a weekday or year does not answer. */
  readonly precision: TimePrecision | null;
  /** Asks the bot to judge, predict or advise, or whether a claim is true (lexicon.ts). */
  readonly judgement: JudgementKind | null;
  /**
   * "What does Russia think?", "the UK's position": a country, body or person whose view is
   * asked, named before a word for saying or thinking.
   */
  readonly viewOf: string | null;
  /** "How old is he?", "where was she born?": a personal detail asked (lexicon.ts). */
  readonly personalDetail: string | null;
}

export interface AnalyzedQuestion {
  readonly cleaned: string;
  readonly whole: AnalyzedClause;
  readonly clauses: readonly AnalyzedClause[];
  /** Only greetings, thanks or "help": answer with the help text. */
  readonly smallTalk: boolean;
}

interface AliasNode {
  readonly next: Map<string, AliasNode>;
  canonical?: string;
  /**
   * More terms the alias stands for, read with `canonical` ("downtown" is "city" and "centre"):
   * a word of general English that means a phrase of the story's. Only questions use them.
   */
  expansion?: readonly string[];
  /** Below 1 for an expansion: a paraphrase is a softer match than the story's own words. */
  similarity?: number;
  /** A name or alias the glossary gives (not general English's): the story's own phrase. */
  glossary?: true;
}

/**
 * Aliases match on stems ("troops" finds "troop"), except very short words, whose stems collide
 * ("used" stems to "us"): those must be typed as they are.
 */
function aliasKey(surface: string, stemmed: string): string {
  // "willing" stems to "will": matching on the stem would read every "will" as the alias.
  return surface.length <= 3 || stemmed.length <= 2 || (stemmed !== surface && STOP_WORDS.has(stemmed))
    ? `=${surface}`
    : stemmed;
}

/** Words after which "may" is the verb, not Theresa May. */
const MODAL_MAY_FOLLOWERS = new Set(
  'be have not i we you he she it they also well need take happen come get help ask soon still already even never only just'.split(
    ' ',
  ),
);
/** Words before which "us" is the pronoun, not the United States. */
const PRONOUN_US_PRECEDERS = new Set('tell give show let help explain for with remind teach'.split(' '));
/**
 * "theresa mey", "kier starmr": an unknown word right next to a name is part of the name, not a
 * new subject, when it looks like one: an initial, a short fragment, or a near miss of one of
 * the person's names. "Where was Zelensky born" keeps "born".
 */
function dropNameFragments(
  terms: QueryTerm[],
  nameWords: ReadonlyMap<string, readonly string[]>,
): QueryTerm[] {
  const near = new Map<number, string>();
  for (const t of terms) {
    if (nameWords.has(t.term)) {
      const words = t.surface.split(' ').length;
      near.set(t.position - 1, t.term);
      near.set(t.position + words, t.term);
    }
  }
  return terms.filter((t) => {
    if (t.known || /^\d/.test(t.term)) return true;
    const person = near.get(t.position);
    if (person === undefined) return true;
    return !looksLikeName(t.surface, nameWords.get(person) ?? []);
  });
}

function looksLikeName(word: string, names: readonly string[]): boolean {
  if (word.length <= 2) return true;
  return names.some((name) => typingDistance(word, name, 2) <= (word.length <= 4 ? 1 : 2));
}

/**
 * A question with one or two words the story never uses is probably about something else
 * ("what did Scholz say"); a chatty message has many such words and is not ("hi, student here,
 * doing a presentation..."). So unknown words together weigh at most as much as two.
 */
const UNKNOWN_WORDS_AT_FULL_WEIGHT = 2;

function dampUnknown(terms: QueryTerm[], type: QuestionType, surfaces: readonly string[]): QueryTerm[] {
  // "Will the recall cost £1 million?": a figure the story never gives is the guess a yes/no
  // question puts, which the answer's own figure settles ("No. … north of £600,000").
  const figures = terms.filter((t) => !t.known && /^\d/.test(t.term));
  const guessedFigures = [
    ...figures,
    // "£1 million": the magnitude is part of the figure guessed.
    ...terms.filter((t) => MAGNITUDES.has(t.surface) && figures.some((f) => f.position + 1 === t.position)),
  ];
  const knownWords = terms.filter((t) => t.known && !t.term.startsWith('#') && !/^\d/.test(t.term)).length;
  if (type === 'yes-no' && guessedFigures.length > 0 && knownWords >= 2)
    terms = terms.map((t) =>
      guessedFigures.includes(t)
        ? { ...t, damping: YES_NO_GUESS_DAMPING, weightScale: YES_NO_GUESS_DAMPING }
        : t,
    );
  const unknowns = terms.filter((t) => !t.known && !/^\d/.test(t.term));
  const unknown = unknowns.length;
  const guess = unknowns[0];
  if (
    unknown === 1 &&
    guess &&
    type === 'yes-no' &&
    terms.length >= 3 &&
    isGuessedKind(guess, terms, surfaces)
  ) {
    // "Is the minerals deal about oil?", "is he signing an oil deal?": a yes-no question puts a
    // guess about something the article describes; the answer confirms or corrects it.
    return terms.map((t) => (t === guess ? { ...t, damping: YES_NO_GUESS_DAMPING } : t));
  }
  // Many story words around an unknown one: chatter, not a new subject ("genuinely shocked tbh,
  // someone said the US voted with Russia at the UN").
  const known = terms.filter((t) => t.known && !t.term.startsWith('#')).length;
  if (unknown > 0 && known >= KNOWN_AROUND_CHATTER) {
    return terms.map((t) =>
      t.known || /^\d/.test(t.term) ? t : { ...t, damping: CHATTER_DAMPING / Math.max(1, unknown / 2) },
    );
  }
  if (unknown <= UNKNOWN_WORDS_AT_FULL_WEIGHT) return terms;
  const damping = UNKNOWN_WORDS_AT_FULL_WEIGHT / unknown;
  return terms.map((t) => (t.known || /^\d/.test(t.term) ? t : { ...t, damping }));
}
const YES_NO_GUESS_DAMPING = 0.5;
/** Words that scale the number before them ("1 million", "2bn"). */
const MAGNITUDES: ReadonlySet<string> = new Set([
  'thousand',
  'million',
  'billion',
  'trillion',
  'bn',
  'm',
  'k',
]);
/** How sure a three-letter slip of a name is: as sure as the corrector is of one edit in four letters. */
const SHORT_NAME_SIMILARITY = 0.75;
const KNOWN_AROUND_CHATTER = 4;
const CHATTER_DAMPING = 0.5;

/**
 * The guess says what kind of thing something the story names is: it qualifies a word of the
 * story ("an oil deal", "health spending") or says what it is about ("about oil"). Not a new
 * thing of its own ("is the UK sending tanks").
 */
function isGuessedKind(guess: QueryTerm, terms: readonly QueryTerm[], surfaces: readonly string[]): boolean {
  if (GUESS_LINKS.has(surfaces[guess.position - 1] ?? '')) return true;
  const next = terms.find((t) => t.position === guess.position + 1);
  return next?.known === true && !next.entity && !next.term.startsWith('#');
}
const GUESS_LINKS = new Set(['about', 'over', 'on', 'involving', 'including']);

/**
 * "Is Lavrov the Russian president?", "was Theresa May a prime minister": a yes-no question that
 * names a person straight after "is" and then says what they might be.
 */
function identityOf(
  surfaces: readonly string[],
  terms: readonly QueryTerm[],
  persons: ReadonlySet<string>,
): string | null {
  if (!IDENTITY_VERBS.has(surfaces[0] ?? '')) return null;
  const subject = terms[0];
  if (subject === undefined || subject.position !== 1 || !persons.has(subject.term)) return null;
  const at = subject.position + subject.surface.split(' ').length;
  const after = surfaces[at];
  // "Is Lavrov Russia's defence minister?": an office the story gives no one, right after.
  const office = terms.find((t) => t.position === at && t.term.startsWith('?'));
  return (after !== undefined && IDENTITY_LINKS.has(after)) || office ? subject.term : null;
}
const IDENTITY_VERBS = new Set(['is', 'was', 'isnt', 'wasnt']);
const IDENTITY_LINKS = new Set(['the', 'a', 'an', 'really', 'actually', 'still', 'now', 'currently', 'also']);

/**
 * "The Zelenskyy government", "Trump's administration": the person only says whose side is
 * meant, so an answer about Kyiv or Washington need not name them. "The US government" is the US.
 */
function sideOf(terms: QueryTerm[], surfaces: readonly string[], sides: ReadonlySet<string>): QueryTerm[] {
  const sideWords = new Set<number>();
  const read = terms.map((t) => {
    if (!sides.has(t.term)) return t;
    const at = t.position + t.surface.split(' ').length;
    const next = surfaces[at];
    if (next === undefined || !GOVERNMENT_WORDS.has(next)) return t;
    sideWords.add(at);
    return t.term.startsWith('#') ? { ...t, entity: false } : t;
  });
  // The word for the side is part of the name ("the Starmer government", "the US government").
  // A phrase it starts is a word of its own: "did the US side with Russia?" says they voted alike.
  return read.filter((t) => !sideWords.has(t.position) || t.surface !== surfaces[t.position]);
}

const SUMMARY_LENGTH =
  /\b(?:in|into) (?:a|one|two|three|a few|few|a couple of|a single|a short|simple|plain|short) (?:sentences?|lines?|words?|paragraphs?)\b/g;

const SAID_OR_DONE =
  /\b(?:say|says|said|saying) or (?:do|does|did|done|doing)\b|\b(?:do|does|did|done|doing) or (?:say|says|said|saying)\b/;

const PRONOUNS = new Map<string, 'he' | 'she' | 'they'>([
  ['he', 'he'],
  ['him', 'he'],
  ['his', 'he'],
  ['himself', 'he'],
  ['she', 'she'],
  ['her', 'she'],
  ['hers', 'she'],
  ['herself', 'she'],
  ['they', 'they'],
  ['them', 'they'],
  ['their', 'they'],
]);
/** Words before a name that make it what a quote is about, not who said it. */
const ABOUT_WORDS = new Set(['about', 'on', 'regarding', 're', 'concerning', 'of']);
/** "Quote the part about...", "the bit where...": a passage of the article, not someone's words. */
const PASSAGE_REQUEST =
  /\b(?:the|that) (?:part|bit|section|passage|line|lines|paragraph|sentence) (?:about|on|where|that|with|regarding)\b/;
export const ARTICLE_WORDS: ReadonlySet<string> = new Set([
  'article',
  'articles',
  'story',
  'piece',
  'text',
  'report',
  'news',
]);
/** The one term all words for the article itself are read as. */
export const ARTICLE_TERM = 'story';

/**
 * "Who is Theresa May? What's her role?": a clause that says "her" but names nobody is about
 * the person an earlier clause named: the latest one the pronoun fits, the first named in
 * that clause ("What is Starmer asking Trump for, and what will he give?" - Starmer).
 */
/** Words that ask what someone is ("his role", "her job"), not about a thing of the story. */
const IDENTITY_WORDS = new Set([
  'role',
  'job',
  'position',
  'title',
  'occupation',
  'profession',
  'post',
  'office',
  'hold',
  'holds',
  'held',
]);

/**
 * "What role does X have?", "what is X's job?", "what does X do (for a living)?": one person named
 * and nothing else asked but what they are. Not "what did X do?": what they did.
 */
function asksIdentity(folded: string, terms: readonly QueryTerm[], people: ReadonlySet<string>): boolean {
  if (!/^(?:what|whats)\b/.test(folded)) return false;
  // "What jobs has he held before?": a career, which the article may not give, not who he is now.
  if (/\b(?:before|previously|earlier|used to|in the past|formerly)\b/.test(folded)) return false;
  const persons = terms.filter((t) => people.has(t.term));
  if (persons.length !== 1) return false;
  const rest = terms.filter((t) => !people.has(t.term));
  if (rest.length > 0) return rest.every((t) => IDENTITY_WORDS.has(t.surface));
  return /^what (?:does|do) .+ do(?: for (?:a living|work))?\W*$/.test(folded);
}

function resolvePronouns(
  clauses: AnalyzedClause[],
  pronounOf: ReadonlyMap<string, 'he' | 'she' | 'they'>,
): AnalyzedClause[] {
  const named: QueryTerm[][] = [];
  return clauses.map((clause) => {
    const persons = clause.terms.filter((t) => t.term.startsWith('#'));
    if (persons.length > 0) {
      named.push(persons);
      return clause;
    }
    if (clause.pronoun === null) return clause;
    const fits = (t: QueryTerm): boolean =>
      clause.pronoun === 'they' || pronounOf.get(t.term) === clause.pronoun;
    let referent: QueryTerm | undefined;
    for (let i = named.length - 1; i >= 0 && !referent; i--) referent = named[i]?.find(fits);
    if (!referent) return clause;
    const quoteIntent = clause.quoteIntent === 'none' && clause.sayWord ? 'say' : clause.quoteIntent;
    const speakers = quoteIntent === 'none' || clause.articleQuote ? [] : [referent.term];
    return { ...clause, terms: [referent, ...clause.terms], persons: [referent.term], quoteIntent, speakers };
  });
}

/** Spellings by sound of an ending people type as they hear it: "resolushun" for "resolution". */
export function soundAlikeSpellings(word: string): string[] {
  const match = /^(\w{3,})(?:shun|shon|shen|cion)(s?)$/.exec(word);
  if (match) return [`${match[1]}tion${match[2]}`, `${match[1]}sion${match[2]}`];
  // "Flite", "nite": the "-ight" spelt as it sounds.
  const light = /^(\w{2,})ite(s?)$/.exec(word);
  return light ? [`${light[1]}ight${light[2]}`] : [];
}

/**
 * British and American spellings of a word, and a few other pairs ("cheque"/"check"): the forms a
 * story may use for what the reader typed.
 */
export function spellingVariants(word: string): string[] {
  const out = new Set<string>();
  const swap = (from: RegExp, to: string): void => {
    if (from.test(word)) out.add(word.replace(from, to));
  };
  swap(/our(s?)$/, 'or$1');
  swap(/or(s?)$/, 'our$1');
  swap(/(\w{3})re(s?)$/, '$1er$2');
  swap(/(\w{3})er(s?)$/, '$1re$2');
  swap(/is(e|es|ed|ing|ation|ations)$/, 'iz$1');
  swap(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
  swap(/ence$/, 'ense');
  swap(/ense$/, 'ence');
  swap(/ll(ed|ing|er|ers)$/, 'l$1');
  swap(/([^l])l(ed|ing|er|ers)$/, '$1ll$2');
  swap(/ogue$/, 'og');
  swap(/og$/, 'ogue');
  const pairs: Record<string, string> = SPELLING_PAIRS;
  const pair = pairs[word];
  if (pair !== undefined) out.add(pair);
  out.delete(word);
  return [...out];
}
const SPELLING_PAIRS: Record<string, string> = {
  check: 'cheque',
  cheque: 'check',
  checks: 'cheques',
  cheques: 'checks',
  program: 'programme',
  programme: 'program',
  programs: 'programmes',
  programmes: 'programs',
  tire: 'tyre',
  tyre: 'tire',
  curb: 'kerb',
  kerb: 'curb',
  aluminum: 'aluminium',
  aluminium: 'aluminum',
  gray: 'grey',
  grey: 'gray',
  plow: 'plough',
  plough: 'plow',
  mom: 'mum',
  mum: 'mom',
  jewelry: 'jewellery',
  jewellery: 'jewelry',
};

/**
 * The world's names for a glossary entity that is a country or organisation ("UK": United
 * Kingdom, Britain, British, Brits, London, Downing Street...), from the gazetteer.
 */
function worldNamesOf(name: string, language: StoryLanguage): string[] {
  const { gazetteer } = language.english;
  const readings = gazetteer.phrases.get(foldText(name)) ?? [];
  const place = readings.find((e) => e.kind === 'country');
  const country = place?.country;
  // "England" is a nation of the United Kingdom: its own names ("English"), not the UK's
  // ("British", "London"), which a story naming Britain too reads as Britain.
  const nation =
    place !== undefined && country !== undefined && gazetteer.countries.get(country)?.name !== place.canonical
      ? place.canonical
      : undefined;
  const organisation = readings.find((e) => e.kind === 'organisation')?.canonical;
  if (country === undefined && organisation === undefined) return [];
  const names: string[] = [];
  for (const [phrase, entities] of gazetteer.phrases) {
    const its = entities.some(
      (e) =>
        !e.commonWord &&
        ((country !== undefined &&
          e.country === country &&
          e.kind !== 'office' &&
          (nation === undefined || e.canonical === nation)) ||
          (organisation !== undefined && (e.canonical === organisation || e.organisation === organisation))),
    );
    // "the un": the gazetteer reads "the" as optional; an alias starting with it would take the
    // word from the next alias ("the UN resolution").
    if (its && !phrase.startsWith('the ')) names.push(phrase);
  }
  return names;
}

const NONE: ReadonlySet<string> = new Set();

/** Words typed with a capital letter after the first word ("did China vote"), lower-cased. */
function capitalisedWords(text: string): ReadonlySet<string> {
  const found = new Set<string>();
  const words = text.match(/\p{L}+/gu) ?? [];
  words.forEach((w, i) => {
    if (i > 0 && /^\p{Lu}\p{Ll}/u.test(w)) found.add(w.toLowerCase());
  });
  return found;
}

/** "The US vote at the UN", "in the EU": a body named as where something happened, not who spoke. */
export function isSetting(surfaces: readonly string[], position: number): boolean {
  const before = surfaces[position - 1] ?? '';
  return (
    before === 'at' ||
    before === 'in' ||
    (before === 'the' && /^(?:at|in)$/.test(surfaces[position - 2] ?? ''))
  );
}

/** Longest office phrase read as a person ("the former occupant of Downing Street"). */
const MAX_OFFICE_WORDS = 7;
const officeKey = (office: string, country: string | undefined, former: boolean): string =>
  `${office}|${country ?? ''}|${former}`;

/** Most words read from one clause; the rest of a very long message is ignored. */
const MAX_TERMS = 48;

/** An alias found in a question: its term (and any more it expands to), and how many words it took. */
interface AliasMatch {
  readonly canonical: string;
  readonly length: number;
  readonly expansion?: readonly string[];
  readonly similarity?: number;
  /** A name or alias of the glossary's. */
  readonly glossary?: true;
}

interface Word {
  /** As typed. */
  readonly surface: string;
  /** The story word it was read as, when it was a typo ("artcle" -> "article"). */
  readonly corrected?: string;
  readonly stemmed: string;
  readonly similarity: number;
  readonly known: boolean;
  /** aliasKey(surface, stemmed), when made already. */
  readonly aliasKey?: string;
  /** A story word this one is a kind of, read with it at a lower similarity (see kindOf). */
  readonly kind?: { readonly stemmed: string; readonly similarity: number };
}

/** A word of data text, with what reading it alone gives (Analyzer.dataReader). */
interface DataWord extends Word {
  readonly aliasKey: string;
  /** The aliases (of the glossary, or the world) that start with it. */
  readonly aliases: AliasNode | undefined;
  /** The terms of the alias it is alone, when nothing else can be read from it. */
  readonly single: readonly string[] | null;
  /** It can be part of an office ("the former occupant of"), and can end one. */
  readonly office: boolean;
  readonly officeHead: boolean;
  /** Its term when no phrase does, null for a stop word. */
  readonly term: string | null;
  /** A word for the article ("story"), read as one when a text has nothing else. */
  readonly aboutTheStory: boolean;
  /**
   * The office word it is a slip of (null for none), once officeWordOf has looked: a build reads
   * more distinct words than officeWordOf's cache keeps, and each word is looked at once.
   */
  officeSlip: string | null | undefined;
}

/** How many of `length` words from `start` count (are not stop words): how much a phrase covers. */
function countingWords(words: readonly Word[], start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const word = words[i] as Word;
    if (!STOP_WORDS.has(word.corrected ?? word.surface)) n++;
  }
  return n;
}

/** Office words by first letter, for reading a slip of one ("minster", "ukrainain"). */
const officeWordsByInitial = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

/** The one office word (of five letters or more) a typed word is one edit from, or null. */
function officeWordNear(typed: string, officeWords: ReadonlySet<string>): string | null {
  let byInitial = officeWordsByInitial.get(officeWords);
  if (byInitial === undefined) {
    byInitial = new Map();
    for (const w of officeWords) {
      if (w.length < 5) continue;
      const bucket = byInitial.get(w[0] as string);
      if (bucket) bucket.push(w);
      else byInitial.set(w[0] as string, [w]);
    }
    officeWordsByInitial.set(officeWords, byInitial);
  }
  let best: string | null = null;
  let bestDistance = 1.01;
  for (const candidate of byInitial.get(typed[0] as string) ?? []) {
    const distance = typingDistance(typed, candidate, 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    } else if (distance === bestDistance) best = null;
  }
  return best;
}

/** The words every story's vocabulary has besides its own: fillers, small talk, quoting and saying. */
const NON_STORY_WORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...SMALL_TALK,
  ...QUOTE_WORDS,
  ...SAY_WORDS,
  ...INTENT_WORDS,
]);

/** Words that say how someone is quoted, not what about: "quote him directly", "verbatim". */
const QUOTING_MANNER = new Set(['directly', 'verbatim']);

/** A word as typed, read as the filler word it is a slip of ("mcuh": much): no term of its own. */
const fillerWord = (surface: string, filler: string): Word => ({
  surface,
  corrected: filler,
  stemmed: filler,
  similarity: 1,
  known: true,
});

/** A word as typed, read as the story's word it is a slip of. */
const correctedWord = (surface: string, word: string, similarity: number): Word => ({
  surface,
  corrected: word,
  stemmed: stem(word),
  similarity,
  known: true,
});

/** Words asking what someone or something is called: "the name of the group", "what's it called?". */
const NAME_WORDS: ReadonlySet<string> = new Set(['name', 'names', 'called']);

/** A word spelt by its sound ("resolushun") is read as the story's word, a little softer. */
const SOUND_ALIKE_SIMILARITY = 0.85;

/** How many slips of office words an analyser remembers before it starts again. */
const OFFICE_SLIP_CACHE = 4096;

/** Verbs a when-question may add to "when did it happen" ("start", "begin"). */
const WHEN_VERBS: ReadonlySet<string> = new Set([
  'start',
  'starts',
  'started',
  'begin',
  'begins',
  'began',
  'begun',
  'commence',
  'commenced',
  'happen',
  'occur',
  'occurred',
]);

/** "Who is the X that/who …?": the person X stands for, when a clause about them follows. */
function describedPerson(
  surfaces: readonly string[],
  terms: readonly QueryTerm[],
  people: ReadonlySet<string>,
): QueryTerm | null {
  if (surfaces[0] !== 'who' || !/^(?:is|was)$/.test(surfaces[1] ?? '')) return null;
  const first = [...terms].sort((a, b) => a.position - b.position)[0];
  if (!first || !people.has(first.term) || first.position > 3) return null;
  const after = surfaces[first.position + wordsOf(first.surface).length];
  return after === 'that' || after === 'who' || after === 'whom' ? first : null;
}

/**
 * "And then? Did he actually sign it?", "besides Russia, which countries…": the one question a
 * message holds after a few words of its own that ask nothing, read as it stands.
 */
function onlyPartOf(cleaned: string, part: string): string {
  const at = cleaned.indexOf(part);
  if (at <= 0) return cleaned;
  // A leading "and" or "so" is no fragment of its own: it carries the conversation on.
  const before = cleaned.slice(0, at);
  if (!/[?,:;]/.test(before)) return cleaned;
  return wordsOf(before.toLowerCase()).length <= LEADING_WORDS_DROPPED ? part : cleaned;
}
const LEADING_WORDS_DROPPED = 3;

/** What a country does in the news ("china voted", "turkey says"): its name before them is the country. */
const COUNTRY_VERBS: ReadonlySet<string> = new Set([
  'vote',
  'voted',
  'votes',
  'voting',
  'say',
  'said',
  'says',
  'think',
  'thinks',
  'react',
  'reacted',
  'respond',
  'responded',
  'support',
  'supported',
  'supports',
  'oppose',
  'opposed',
  'opposes',
  'abstain',
  'abstained',
]);

/** Nouns for anyone at all of a side ("the Russian guy"), not one of its offices. */
const ANYONE_OF_IT: ReadonlySet<string> = new Set([
  'guy',
  'guys',
  'man',
  'woman',
  'person',
  'people',
  'official',
  'officials',
  'bloke',
  'chap',
  'fella',
  'lady',
  'folks',
]);

/** Words that open a clause saying which person is meant ("the woman who had the reaction"). */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'that', 'whose']);
/** Auxiliaries after which a question's own verb comes later ("what did the man who was hurt say?"). */
const DO_AND_HAVE: ReadonlySet<string> = new Set(['do', 'does', 'did', 'has', 'have', 'had']);

/** The adjectives an adverb may be made from: "militarily" -> "military", "economically" -> "economic". */
function adjectiveOfAdverb(word: string): string[] {
  if (word.length < 6 || !word.endsWith('ly')) return [];
  const forms = [word.slice(0, -2)];
  if (word.endsWith('ily')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ically')) forms.push(word.slice(0, -4));
  return forms;
}

export class Analyzer {
  private readonly aliasRoot: AliasNode = { next: new Map() };
  readonly vocabulary: FuzzyVocabulary;
  /** The article's own words. */
  private readonly storyWords = new Set<string>();
  /** Words that are filler in chat but words of this article ("short", "wait"): not stop words here. */
  private readonly articleContentWords = new Set<string>();
  /** Stems of stop words the article uses in another form ("taken"): "took" is read, not dropped. */
  private readonly storyStopStems = new Set<string>();
  /** Question words read as slips of office words (or as none), so each is looked for once. */
  private readonly officeSlips = new Map<string, string | null>();
  /** Stems of the vocabulary's words: other forms of a known word are known too. */
  private readonly stems: ReadonlySet<string>;
  /** Person terms ("#starmer"), for telling persons apart from other terms. */
  readonly personTerms: ReadonlySet<string>;
  /** The words of each person's names, for telling a mistyped name part from a new word. */
  private readonly nameWords = new Map<string, string[]>();
  /** Persons and the glossary's entity terms. */
  private readonly entityTerms: ReadonlySet<string>;
  /** Persons, bodies and countries: what "government" or "administration" can follow. */
  private readonly sideTerms: ReadonlySet<string>;
  /** How questions refer back to each person ("she" for Theresa May). */
  private readonly pronounOf = new Map<string, 'he' | 'she' | 'they'>();
  /** Each person's country term ("#starmer" -> "uk"), and every such country term. */
  private readonly countryOf = new Map<string, string>();
  private readonly countryTerms = new Set<string>();
  /** The countries of the story's people (glossary `country`), as terms: "which Russians are in it?". */
  get peopleCountries(): ReadonlySet<string> {
    return this.countryTerms;
  }
  /** "foreign minister|RU|false" -> "#lavrov": the story's office holders (see matchOffice). */
  private readonly officeHolders = new Map<string, string>();
  private readonly fillerSlips = new Map<string, string | null>();
  /** Last words of office phrases: where an office reading can end. */
  private readonly officeHeads = new Set<string>();
  /** "#trump" -> "president|false": the offices each person holds, for "President Trump". */
  private readonly officesOf = new Map<string, Set<string>>();
  /** Entities the article quotes nothing from, by term, with the name to show. */
  private readonly silent = new Map<string, string>();

  constructor(
    glossary: GlossaryFile,
    dataWords: Iterable<string>,
    articleWords: Iterable<string> = [],
    /** General English (english/): the thesaurus of this story's words, common words, places. */
    readonly language?: StoryLanguage,
  ) {
    const vocabulary = new Set<string>([...STOP_WORDS, ...SMALL_TALK, ...QUOTE_WORDS, ...SAY_WORDS]);
    for (const word of dataWords) vocabulary.add(word);
    for (const word of articleWords) this.storyWords.add(word);
    for (const word of STOP_UNLESS_IN_ARTICLE)
      if (this.storyWords.has(word)) this.articleContentWords.add(word);
    for (const word of this.storyWords) {
      const stemmed = stem(word);
      if (!STOP_WORDS.has(word) && STOP_WORDS.has(stemmed)) this.storyStopStems.add(stemmed);
    }
    const persons = new Set<string>();
    for (const person of glossary.people) {
      const canonical = personTerm(person.id);
      persons.add(canonical);
      this.pronounOf.set(canonical, person.pronoun);
      for (const alias of [person.name, ...person.aliases]) this.addAlias(alias, canonical, vocabulary, true);
      if (person.country !== undefined) {
        const country = canonicalTerm(person.country);
        this.countryOf.set(canonical, country);
        this.countryTerms.add(country);
      }
      const single = person.aliases.filter((a) => /^\p{Lu}\p{Ll}+$/u.test(a));
      this.nameWords.set(canonical, [
        ...new Set([person.name, ...single].flatMap((a) => wordsOf(foldText(a)))),
      ]);
    }
    this.addRoleAliases(glossary, vocabulary);
    const entities = new Set<string>(persons);
    for (const term of glossary.terms) {
      const canonical = canonicalTerm(term.term);
      if (term.entity) entities.add(canonical);
      if (!term.speaks) this.silent.set(canonical, term.term);
      for (const alias of [term.term, ...term.aliases]) this.addAlias(alias, canonical, vocabulary, true);
      // "UK": Britain, British, the United Kingdom, London... every name the world gives it.
      if (term.entity && language)
        for (const name of worldNamesOf(term.term, language)) this.addAlias(name, canonical, vocabulary);
    }
    this.personTerms = persons;
    this.entityTerms = entities;
    this.sideTerms = new Set([...entities, ...this.countryTerms]);
    if (language) this.addSynonyms(language.english.synonyms, glossary, dataWords, vocabulary);
    if (language) {
      this.addThesaurusAliases(language.thesaurus, vocabulary);
      this.indexOffices(glossary, language);
    }
    this.stems = new Set([...vocabulary].filter((w) => w.length > 3).map(stem));
    this.vocabulary = new FuzzyVocabulary(vocabulary, {
      avoid: new Set([...STOP_WORDS, ...SMALL_TALK]),
      // Names of the wider world are real words, never typos of the story's.
      keep: language ? [...language.english.gazetteer.phrases.keys()].filter((p) => !p.includes(' ')) : [],
      // The general words the thesaurus reads as the story's are typed with slips too.
      // And the words of requests about the whole story ("outllet": outlet).
      alsoCorrectTo: [
        ...INTENT_WORDS,
        ...(language ? [...language.thesaurus.keys()].flatMap((phrase) => phrase.split(' ')) : []),
      ],
    });
  }

  /**
   * General synonyms: a group one of whose words the story uses (in its data or as a glossary
   * term) reads every other word of the group as that one. Glossary aliases come first and win.
   */
  private addSynonyms(
    groups: readonly (readonly string[])[],
    glossary: GlossaryFile,
    dataWords: Iterable<string>,
    vocabulary: Set<string>,
  ): void {
    const used = new Set(dataWords);
    const glossaryTerms = new Map(
      glossary.terms.flatMap((t) =>
        [t.term, ...t.aliases].map((a) => [foldText(a), canonicalTerm(t.term)] as const),
      ),
    );
    for (const group of groups) {
      // The group's word the story's glossary reads, else the first one its data uses.
      const canonical =
        group.map((w) => glossaryTerms.get(foldText(w))).find((c) => c !== undefined) ??
        group
          .filter((w) => wordsOf(foldText(w)).every((word) => used.has(word)))
          .map((w) => canonicalTerm(w))[0];
      if (canonical === undefined) continue;
      for (const word of group) this.addAlias(word, canonical, vocabulary);
    }
  }

  /** Each person's office as the gazetteer reads their role ("Russian Foreign Minister"), for matchOffice. */
  private indexOffices(glossary: GlossaryFile, language: StoryLanguage): void {
    const gazetteer = language.english.gazetteer;
    const byOffice = new Map<string, string[]>();
    for (const person of glossary.people) {
      // "The mayor, who made the tram a central promise...": the role up to its first clause.
      const role = wordsOf(foldText((person.role ?? '').split(/,|\bwho\b/)[0] ?? ''));
      let reading: OfficeReading | null = null;
      // "Conservative peer": the office is at the end of the role.
      for (let from = 0; from < role.length && reading === null; from++)
        reading = officeOf(gazetteer, role.slice(from));
      if (reading === null) continue;
      const former = reading.former || /\b(?:former|ex)\b/.test(foldText(person.role ?? ''));
      const country =
        reading.country ??
        (person.country === undefined
          ? undefined
          : entitiesOf(gazetteer, wordsOf(foldText(person.country))).find((e) => e.kind === 'country')
              ?.country);
      const term = personTerm(person.id);
      if (country !== undefined) this.officeHolders.set(officeKey(reading.office, country, former), term);
      const held = this.officesOf.get(term) ?? new Set<string>();
      this.officesOf.set(term, held.add(`${reading.office}|${former}`));
      const anywhere = officeKey(reading.office, '*', former);
      byOffice.set(anywhere, [...(byOffice.get(anywhere) ?? []), term]);
      for (const word of reading.office.split(' ')) this.officeHeads.add(word);
    }
    // "The former prime minister" without a country: only when one person of the story fits.
    for (const [key, holders] of byOffice)
      if (holders.length === 1) this.officeHolders.set(key, holders[0] as string);
    for (const alias of gazetteer.offices.keys()) this.officeHeads.add(alias.split(' ').at(-1) as string);
    for (const titles of gazetteer.countryTitles.values())
      for (const title of titles.keys()) this.officeHeads.add(title.split(' ').at(-1) as string);
    // "Number 10", "the Kremlin", "the House of Lords": a seat, read as its office.
    for (const [phrase, entities] of gazetteer.phrases)
      if (entities.some((e) => e.kind === 'seat')) this.officeHeads.add(phrase.split(' ').at(-1) as string);
    for (const seatWord of ['lords', 'commons']) this.officeHeads.add(seatWord);
    // "The White House occupant": a seat's office, named after the seat.
    for (const occupant of ['occupant', 'resident', 'tenant', 'incumbent']) this.officeHeads.add(occupant);
  }

  /**
   * "Chief diplomat" for "foreign minister", "premier" for "prime minister": a thesaurus entry
   * whose story phrase is one of the glossary's aliases reads as what that alias means, and one
   * whose meaning has a single word that is not a stop word reads as that word. Glossary
   * aliases come first and win. Not added to the vocabulary: only questions use them.
   */
  private addThesaurusAliases(thesaurus: Thesaurus, vocabulary: ReadonlySet<string>): void {
    for (const [phrase, links] of thesaurus) {
      const target = links.find((l) => l.word.includes(' ') || phrase.includes(' '));
      if (!target) continue;
      const targetWords = wordsOf(foldText(target.word)).map(
        (surface): Word => ({ surface, stemmed: stem(surface), similarity: 1, known: true }),
      );
      const match = this.matchAlias(targetWords, 0);
      if (match && match.length === targetWords.length) this.addAlias(phrase, match.canonical, new Set());
      // "Member of the House of Lords" for "peer": a phrase for one word of the story.
      else if (targetWords.length === 1 && phrase.includes(' '))
        this.addAlias(phrase, (targetWords[0] as Word).stemmed, new Set());
      // "Bankrolling" for "pay for", "annually" for "a year": what it means has one word that
      // counts, the story's, so it reads as that word.
      else {
        const content = targetWords.filter((w) => !STOP_WORDS.has(w.surface));
        if (content.length === 1 && targetWords.length > 1)
          this.addAlias(phrase, (content[0] as Word).stemmed, new Set());
        // "Downtown" for "city centre", "overspent" for "over budget": what it means has several
        // words that count, each read as the story reads it (its glossary and synonyms first).
        // Not a phrase of the story's own words ("security assurances"): read as they are.
        else if (
          content.length > 1 &&
          !phrase.split(' ').every((w) => STOP_WORDS.has(w) || vocabulary.has(w))
        )
          this.addExpansion(phrase, targetWords, target.similarity);
      }
    }
  }

  /**
   * A word or phrase read as several of the story's terms: those its meaning's words are read
   * as (once, when the story's English is set up), at the link's similarity, so a paraphrase
   * never outweighs the story's own words.
   */
  private addExpansion(phrase: string, meaning: readonly Word[], similarity: number): void {
    const terms = [...new Set(this.toTerms(meaning).map((t) => t.term))];
    if (terms.length < 2) return;
    const node = this.addAlias(phrase, terms[0] as string, new Set());
    if (node === undefined || node.canonical !== terms[0] || node.expansion !== undefined) return;
    node.expansion = terms.slice(1);
    node.similarity = similarity;
  }

  private addAlias(
    alias: string,
    canonical: string,
    vocabulary: Set<string>,
    glossary = false,
  ): AliasNode | undefined {
    const surfaces = wordsOf(foldText(cleanText(alias)));
    if (surfaces.length === 0) return undefined;
    let node = this.aliasRoot;
    for (const surface of surfaces) {
      vocabulary.add(surface);
      const key = aliasKey(surface, stem(surface));
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    if (node.canonical === undefined) {
      node.canonical = canonical;
      if (glossary) node.glossary = true;
    }
    return node;
  }

  /**
   * "What did the head coach say?": a person's role up to what it is of ("head coach of the
   * Otters" -> "the head coach"), read as them when it is nobody else's role and no alias of the
   * glossary already means something by it.
   */
  private addRoleAliases(glossary: GlossaryFile, vocabulary: Set<string>): void {
    const byRole = new Map<string, string[]>();
    for (const person of glossary.people) {
      const head = foldText((person.role ?? '').split(/,|\bwho\b|\bwhich\b/)[0] ?? '')
        .replace(/\b(?:of|for|at|in|on|with|from|to)\b.*$/, '')
        .replace(/^(?:the|a|an) /, '')
        .trim();
      const words = head.split(' ').filter(Boolean);
      if (words.length === 0 || words.length > 4 || /\d/.test(head)) continue;
      if (words.length === 1 && !PEOPLE_NOUNS.has(words[0] as string)) continue;
      byRole.set(head, [...(byRole.get(head) ?? []), personTerm(person.id)]);
    }
    for (const [role, holders] of byRole)
      if (holders.length === 1) this.addAlias(`the ${role}`, holders[0] as string, vocabulary);
  }

  /** A stop word, unless it is filler only in chat and the article uses it ("264 metres short"). */
  private isStopWord(word: string): boolean {
    return STOP_WORDS.has(word) && !this.articleContentWords.has(word);
  }

  /**
   * A form of a stop word is a stop word ("telling"), unless the story uses the word itself
   * ("willing" is not "will") or uses another form of it that is no stop word: "who took the
   * masks" reads "took" when the article says they "were taken".
   */
  private isStopWordForm(word: string, stemmed: string): boolean {
    return STOP_WORDS.has(stemmed) && !this.storyWords.has(word) && !this.storyStopStems.has(stemmed);
  }

  /** The canonical term of a glossary term's text ("North Korea" -> "north_korea"). */
  termOf(text: string): string {
    return canonicalTerm(text);
  }

  /**
   * Whether a text names a country of the world by its name ("Nigeria", "the United Kingdom"),
   * capitalised as written: "which country…?" asks for one.
   */
  namesACountry(text: string): boolean {
    const gazetteer = this.language?.english.gazetteer;
    if (!gazetteer) return true;
    const words = text.match(/\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}’'-]*)*/gu) ?? [];
    return words.some((name) => {
      const parts = wordsOf(foldText(name));
      // "the Okande region of Kamaru": any run of its capitalised words may be the name.
      for (let from = 0; from < parts.length; from++)
        for (let to = parts.length; to > from; to--) {
          const found = gazetteer.phrases.get(parts.slice(from, to).join(' '));
          if (found?.some((e) => e.kind === 'country' && e.via !== 'adjective')) return true;
        }
      return false;
    });
  }

  /**
   * A country, capital, organisation or seat of the wider world ("Germany", "NATO"): a question
   * naming one asks about it, so an answer must name it too. Not one that is also a common word
   * ("turkey", "china").
   */
  private isWorldEntity(word: string, capitalised: ReadonlySet<string>, next?: Word): boolean {
    const entities = this.language?.english.gazetteer.phrases.get(word);
    // "China", "Turkey" as typed with a capital letter mid-sentence are the countries; "french
    // defence", "polish troops" before a content word of the story are the nations' too.
    const beforeStoryWord = next?.known === true && !STOP_WORDS.has(next.corrected ?? next.surface);
    // "How did china vote?": a country's name before what a country does is the country.
    const actsAsACountry = COUNTRY_VERBS.has(next?.corrected ?? next?.surface ?? '');
    return (
      entities?.some(
        (e) =>
          e.kind !== 'office' &&
          (!e.commonWord ||
            capitalised.has(word) ||
            (e.via === 'adjective' && beforeStoryWord) ||
            (e.kind === 'country' && actsAsACountry)),
      ) ?? false
    );
  }

  /** A person (#id) or a glossary entity term (country, place, body). */
  isEntity(term: string): boolean {
    return this.entityTerms.has(term);
  }

  /** Terms of data text (an entry's question, answer, keywords): no correction, no question parsing. */
  termsOf(text: string): string[] {
    return this.termsOfFolded(foldText(cleanText(text)));
  }

  /** termsOf for text already cleaned and folded (the build folds each text once). */
  termsOfFolded(folded: string): string[] {
    const words = wordsOf(folded).map(
      (surface): Word => ({ surface, stemmed: stem(surface), similarity: 1, known: true }),
    );
    return this.toTerms(words).map((t) => t.term);
  }

  /**
   * termsOfFolded for the many texts of a build, given as the ids of their words (`table`): each
   * distinct word is stemmed and judged once, however many texts hold it. What toTerms decides
   * of a word alone (its term, or none for a stop word) is kept per word; only where a phrase (an
   * alias or an office) can start are the neighbours looked at. The terms are toTerms' to the
   * letter (a test compares).
   */
  dataReader(table: WordTable): (ids: ArrayLike<number>) => string[] {
    const officeWords =
      this.language && this.officeHolders.size > 0 ? officeWordsOf(this.language.english.gazetteer) : NONE;
    const known: DataWord[] = [];
    const wordOf = (id: number): DataWord => {
      let word = known[id];
      if (word === undefined) {
        const surface = table.words[id] as string;
        const stemmed = stem(surface);
        const stop = this.isStopWord(surface) || this.isStopWordForm(surface, stemmed);
        const office = officeWords.has(surface);
        const key = aliasKey(surface, stemmed);
        const node = this.aliasRoot.next.get(key);
        word = {
          surface,
          stemmed,
          similarity: 1,
          known: true,
          aliasKey: key,
          aliases: node,
          // An alias of this word alone, which no longer one can start with, nor an office, and
          // no neighbour can make a function word ("may", "us"): read without looking further.
          single:
            node?.canonical !== undefined &&
            node.next.size === 0 &&
            !office &&
            surface !== 'may' &&
            surface !== 'us'
              ? [node.canonical, ...(node.expansion ?? [])]
              : null,
          office,
          officeHead: this.officeHeads.has(surface),
          term: stop ? null : stemmed,
          aboutTheStory: ARTICLE_WORDS.has(surface),
          officeSlip: undefined,
        };
        known[id] = word;
      }
      return word;
    };
    const terms = new Set<string>();
    return (ids) => {
      const n = ids.length;
      let words: DataWord[] | undefined;
      terms.clear();
      let aboutTheStory = false;
      for (let i = 0; i < n; ) {
        const word = wordOf(ids[i] as number);
        if (word.single) {
          for (const term of word.single) terms.add(term);
          i++;
          continue;
        }
        // A phrase can start here: an alias of this word, or of more when the next word goes on
        // one; an office of this word, or of more when the next word can be part of one.
        const aliases = word.aliases;
        const next = i + 1 < n ? wordOf(ids[i + 1] as number) : undefined;
        // matchOffice reads the office words from here and asks only about a run of them that
        // ends an office or holds "of".
        let office = false;
        for (let j = i, of = false; j < n && j - i < MAX_OFFICE_WORDS; j++) {
          const part = wordOf(ids[j] as number);
          if (!part.office) break;
          of ||= part.surface === 'of';
          if (part.officeHead || of) {
            office = true;
            break;
          }
        }
        if (
          office ||
          (aliases !== undefined &&
            (aliases.canonical !== undefined || (next !== undefined && aliases.next.has(next.aliasKey))))
        ) {
          if (words === undefined) {
            // A loop, not Array.from (which reads a typed array through its iterator).
            words = [];
            for (let k = 0; k < n; k++) words.push(wordOf(ids[k] as number));
          }
          const alias = this.phraseAt(words, i, office);
          if (alias) {
            terms.add(alias.canonical);
            if (alias.expansion) for (const term of alias.expansion) terms.add(term);
            i += alias.length;
            continue;
          }
        }
        i++;
        if (word.term === null) aboutTheStory ||= word.aboutTheStory;
        else terms.add(word.term);
      }
      if (terms.size === 0 && aboutTheStory) return [ARTICLE_TERM];
      return [...terms];
    };
  }

  /**
   * Which of these words (folded, as typed) are read as a name or alias the glossary gives a
   * person or an entity ("the agency" for a body of the story): the story's own names, which a
   * phrase of general English ("agency" asks where the article comes from) must not take. Its
   * other terms ("key" for important) are words, not names. Read as questions are.
   */
  glossaryNamesIn(words: readonly string[]): Set<number> {
    const read = words.map(
      (surface): Word => ({ surface, stemmed: stem(surface), similarity: 1, known: true }),
    );
    const covered = new Set<number>();
    for (let i = 0; i < read.length; ) {
      const alias = this.phraseAt(read, i);
      if (alias === null) {
        i++;
        continue;
      }
      if (alias.glossary && this.entityTerms.has(alias.canonical))
        for (let k = 0; k < alias.length; k++) covered.add(i + k);
      i += alias.length;
    }
    return covered;
  }

  /**
   * A message read as one clause, unsplit: `analyze(raw).whole`, without reading each clause
   * first, for a caller that wants only the whole.
   */
  analyzeWhole(raw: string): AnalyzedClause {
    return this.analyzeClause(cleanText(raw));
  }

  analyze(raw: string): AnalyzedQuestion {
    const cleaned = cleanText(raw);
    const parts = splitClauses(cleaned);
    const clauses =
      parts.length > 1
        ? resolvePronouns(
            parts.map((part) => this.analyzeClause(part)),
            this.pronounOf,
          )
        : [this.analyzeClause(parts.length === 1 ? onlyPartOf(cleaned, parts[0] as string) : cleaned)];
    // The whole message as one clause: only needed when no part of a multi-part one is answered.
    let whole: AnalyzedClause | undefined = parts.length > 1 ? undefined : clauses[0];
    const analyzeWhole = (): AnalyzedClause => {
      whole ??= this.analyzeClause(cleaned);
      return whole;
    };
    // Only when no clause has anything to look up does it matter whether it is all small talk.
    // "Is she ok now?" asks after someone: no small talk, for all its words are filler.
    const smallTalk =
      clauses.every((c) => c.terms.length === 0 && c.pronoun === null) &&
      clauses.some((c) => wordsOf(c.folded).some((w) => SMALL_TALK.has(w)));
    return {
      cleaned,
      clauses,
      smallTalk,
      get whole() {
        return analyzeWhole();
      },
    };
  }

  /** The terms of a message read as one clause: `analyzeWhole(raw).terms`, without the rest. */
  termsOfMessage(raw: string): readonly QueryTerm[] {
    return this.readTerms(cleanText(raw)).terms;
  }

  /** A clause's words read as terms, with what reading them needs: its folded text, words and type. */
  private readTerms(text: string): {
    readonly folded: string;
    /** `folded` with its slips of filler words read as them: what question forms are read on. */
    readonly spelt: string;
    readonly surfaces: readonly string[];
    /** Each word as read: corrected where it was a slip ("tel" is "tell"). */
    readonly words: readonly Word[];
    readonly type: QuestionType;
    readonly terms: QueryTerm[];
  } {
    const folded = foldText(text);
    const surfaces = this.joinSplitWords(specificAsked(particleNextToVerb(wordsOf(folded))));
    const words = surfaces.map((typed, at): Word => {
      // "the UKs position", "Russias view": a possessive typed without its apostrophe.
      const surface =
        typed.length >= 3 &&
        typed.endsWith('s') &&
        !this.vocabulary.has(typed) &&
        !this.language?.english.commonWords.has(typed) &&
        this.vocabulary.has(typed.slice(0, -1))
          ? typed.slice(0, -1)
          : typed;
      if (/^\d/.test(surface) || this.vocabulary.has(surface)) {
        return { surface, stemmed: stem(surface), similarity: 1, known: this.vocabulary.has(surface) };
      }
      // Another form of a word the story uses ("agreeing", "faced") is that word, not a typo.
      const stemmed = stem(surface);
      if (this.stems.has(stemmed)) return { surface, stemmed, similarity: 1, known: true };
      // "Militarily", "economically": the adverb of an adjective the story uses.
      const adjective = adjectiveOfAdverb(surface).find((form) => this.stems.has(stem(form)));
      if (adjective !== undefined) return { surface, stemmed: stem(adjective), similarity: 1, known: true };
      // Another word for one the story uses ("pledge" for "promise"), softer than the story's own.
      const synonym = this.synonymOf(surface);
      if (synonym) return synonym;
      // A common English word the story never uses ("code") is that word, never a typo of another;
      // one WordNet defines as a kind of a story word ("house": "a dwelling...") leans on it too.
      // A rarer one a letter off a word of the story is a slip of it: "trusties" for "trustees".
      if (this.language?.english.commonWords.has(surface)) {
        // "Who dose he think...": right after a question word, a slip of the verb that goes there.
        const verbSlip = at === 1 && WH_WORDS.has(surfaces[0] as string) ? this.fillerSlipOf(surface) : null;
        if (verbSlip !== null && AUXILIARY_VERBS.has(verbSlip) && !this.storyWords.has(surface))
          return fillerWord(surface, verbSlip);
        const everyday = this.language.english.everydayWords.has(surface);
        const slip = everyday ? null : this.rareWordSlipOf(surface);
        if (slip) return slip;
        // "Is Zelensky gong to Washington?": a rarer word a letter off a filler word is filler.
        const fillerSlip = everyday ? null : this.fillerSlipOf(surface);
        if (fillerSlip !== null) return fillerWord(surface, fillerSlip);
        const kind = this.kindOf(surface);
        return { surface, stemmed, similarity: 1, known: false, ...(kind ? { kind } : {}) };
      }
      // "cheque" for "check", "defense" for "defence": the story's spelling of the same word.
      const variant = spellingVariants(surface).find((v) => this.vocabulary.has(v));
      if (variant !== undefined)
        return { surface, corrected: variant, stemmed: stem(variant), similarity: 1, known: true };
      const correction = this.vocabulary.correct(surface);
      // "tanks" is not "talks": a typo is not read as a mere form of a filler word.
      const filler =
        correction !== null &&
        !STOP_WORDS.has(correction.word) &&
        STOP_WORDS.has(stem(correction.word)) &&
        !this.storyWords.has(correction.word);
      if (correction && !filler) {
        // A slip of a general word the thesaurus links ("pledgd"): read as that word is.
        const linked = this.vocabulary.has(correction.word) ? null : this.synonymOf(correction.word);
        if (linked) return { ...linked, surface, similarity: linked.similarity * correction.similarity };
        return correctedWord(surface, correction.word, correction.similarity);
      }
      // "Resolushun": the ending spelt as it sounds, a typo of the story's word.
      const soundAlike = soundAlikeSpellings(surface)
        .map((spelling) => this.vocabulary.correct(spelling))
        .find((c) => c !== null && this.vocabulary.has(c.word));
      if (soundAlike)
        return correctedWord(surface, soundAlike.word, SOUND_ALIKE_SIMILARITY * soundAlike.similarity);
      // "Pel" for Pell: a name too short for the spelling corrector, one letter off a person's.
      const name = this.shortNameSlipOf(surface);
      if (name !== null)
        return {
          ...correctedWord(surface, name, SHORT_NAME_SIMILARITY),
          aliasKey: aliasKey(name, stem(name)),
        };
      // "mcuh", "wher": a slip of a filler word is filler, though not read as that word.
      const slip = this.fillerSlipOf(surface);
      if (slip !== null) return fillerWord(surface, slip);
      return { surface, stemmed: stem(surface), similarity: 1, known: false };
    });
    // Question forms are read through slips of filler words ("sould", "wher").
    const spelt = this.fillerSpelt(folded);
    const type = questionTypeOf(spelt);
    const typeWords = TYPE_WORDS.get(type);
    const significance = asksSignificance(spelt);
    const read = sideOf(
      this.readCountries(
        dropNameFragments(this.toTerms(words, capitalisedWords(text)).slice(0, MAX_TERMS), this.nameWords),
        surfaces,
      ),
      surfaces,
      this.sideTerms,
    );
    const terms = dampUnknown(
      read.filter(
        (t) =>
          (typeWords === undefined || !typeWords.has(t.surface)) &&
          // "The person in charge of the airport": the role that follows says who; "person" only
          // says that it is someone.
          !(
            PEOPLE_NOUNS.has(t.surface) &&
            read.some((next) => next.position === t.position + 1 && next.term.startsWith('#'))
          ) &&
          // "How far away is Sedgeworth?", "how wide is it?": of a story that never says "far", the
          // measure asked for ("six miles away") is how it is asked, not its subject.
          // ("How long…" keeps its word: a duration of what the rest of the question may not say.)
          !(type === 'how-many' && !t.known && surfaces[t.position - 1] === 'how' && t.surface !== 'long') &&
          // "What is the name of the group?", "what's it called?": of a story that never says
          // "name", the name is the answer. "The name of the fund" asks it even of a story that
          // says "name" ("declined to name them").
          // "What's the fund called?", "what's the travel agent's name?": the last word asks it too.
          !(
            NAME_WORDS.has(t.surface) &&
            (!t.known ||
              surfaces[t.position + 1] === 'of' ||
              (type === 'what' && t.position === surfaces.length - 1))
          ) &&
          // "How come?" asks why: "come" is how it is asked.
          !(type === 'why' && t.surface === 'come' && surfaces[t.position - 1] === 'how') &&
          // "Why is the vote notable?": of a story that never says "notable", what the vote means.
          !(
            significance &&
            ((!t.known && SIGNIFICANCE_WORDS.has(t.surface)) || REGARDED_WORDS.has(t.surface))
          ) &&
          // "When did the recall start?": of a story that never says "start", when it happened.
          !(type === 'when' && !t.known && WHEN_VERBS.has(t.surface)),
      ),
      type,
      surfaces,
    );
    // "Does it quote Trump directly?": "directly" says which quotes, as directQuote does.
    const asked = DIRECT_QUOTE.test(folded) ? terms.filter((t) => !QUOTING_MANNER.has(t.surface)) : terms;
    return { folded, spelt, surfaces, words, type, terms: asked };
  }

  private analyzeClause(text: string): AnalyzedClause {
    const read = this.readTerms(text);
    const { folded, spelt, surfaces, words } = read;
    // "What role does Martin Doyle have?", "what is Pell's job?", "what does Raman do?": who they are.
    const asksWhoTheyAre = asksIdentity(read.folded, read.terms, this.personTerms);
    const type = asksWhoTheyAre ? 'who' : read.type;
    // "Who is the US president that Starmer is courting?": who the one named is; the rest only
    // says which one is meant.
    const described = type === 'who' ? describedPerson(read.surfaces, read.terms, this.personTerms) : null;
    const terms = described
      ? [described]
      : asksWhoTheyAre
        ? read.terms.filter((t) => !IDENTITY_WORDS.has(t.surface))
        : read.terms;
    const personTerms = terms.filter((t) => this.personTerms.has(t.term));
    // "What has Trump said or done": about what he did too, not only his words. "Tel" is "tell".
    // "How old is the woman who had the reaction?": words in a clause that says which person is
    // meant are no words asked of them, unless the question's own verb is still to come ("what
    // did the man who was hurt say?").
    const relativeAt = surfaces.findIndex(
      (w, i) =>
        RELATIVE_PRONOUNS.has(w) && personTerms.some((t) => t.position + t.surface.split(' ').length === i),
    );
    const ownVerbToCome = relativeAt !== -1 && surfaces.slice(0, relativeAt).some((w) => DO_AND_HAVE.has(w));
    const asked = (at: number): number => (relativeAt !== -1 && at > relativeAt && !ownVerbToCome ? -1 : at);
    const sayAt = SAID_OR_DONE.test(folded)
      ? -1
      : asked(words.findIndex((w) => SAY_WORDS.has(w.corrected ?? w.surface)));
    const persons = personTerms.map((t) => t.term);
    let quoteIntent: QuoteIntent = 'none';
    let speakers: string[] = [];
    // "Trump's stance in one sentence" asks for a summary, not a quotation.
    const quoteText = folded.replace(SUMMARY_LENGTH, ' ');
    if (wordsOf(quoteText).some((w) => QUOTE_WORDS.has(w)) || QUOTE_PHRASES.some((p) => p.test(quoteText))) {
      // "quote Putin on Starmer's backstop": the first person named is the one whose words are
      // wanted; not one the quote is about ("quote the part about Zelensky's visit").
      quoteIntent = 'quote';
      speakers = personTerms
        .filter((t) => !ABOUT_WORDS.has(surfaces[t.position - 1] ?? ''))
        .slice(0, 1)
        .map((t) => t.term);
    } else {
      speakers = sayAt === -1 ? [] : personTerms.filter((t) => t.position < sayAt).map((t) => t.term);
      if (speakers.length > 0) quoteIntent = 'say';
    }
    // "What did Iran say", "what did North Korea think": a body the article reports no words
    // or views from.
    const viewAt = asked(surfaces.findIndex((w) => SAY_WORDS.has(w) || VIEW_WORDS.has(w)));
    // "What did the museum director say?": one of its people says it, who may well speak when the
    // story has the word ("director"); "NATO's secretary general" of a story without one does not.
    // "The Russian guy", "the Russian official": anyone of it, so the side's speakers.
    const ofItsPeople = (t: QueryTerm): boolean => {
      const next = surfaces[t.position + t.surface.split(' ').length] ?? '';
      return PEOPLE_NOUNS.has(next) && this.vocabulary.has(next) && !ANYONE_OF_IT.has(next);
    };
    const silentBody =
      viewAt === -1
        ? null
        : (terms.find(
            (t) =>
              t.position < viewAt &&
              this.silent.has(t.term) &&
              !isSetting(surfaces, t.position) &&
              !ofItsPeople(t) &&
              // "How did Lord Howard describe the UN vote, in his words?": he is the one speaking.
              !personTerms.some((p) => p.position < t.position),
          )?.term ?? null);
    // "What do UK polls say": the one saying is something the story never mentions.
    // "The American leader's overall stance": a person named before is the one whose view it is.
    const unknownSource =
      viewAt > 0 && !personTerms.some((t) => t.position < viewAt)
        ? (terms.find(
            // "What did the Russian official say?": one of a side's people, not a source of its own.
            (t) =>
              t.position === viewAt - 1 && !t.known && !/^\d/.test(t.term) && !PEOPLE_NOUNS.has(t.surface),
          )?.surface ?? null)
        : null;
    const silentSpeaker = silentBody ? (this.silent.get(silentBody) ?? silentBody) : unknownSource;
    // "What does Russia think?", "the UK's stance", "what did the EU say about the vote?"
    const viewOf =
      viewAt === -1
        ? null
        : (terms.find(
            (t) => t.position < viewAt && t.entity && t.known && !t.term.startsWith('?') && !ofItsPeople(t),
          )?.term ?? null);
    const identity = type === 'yes-no' ? identityOf(surfaces, terms, this.personTerms) : null;
    // 'Who said "she did everything right"?': a pronoun inside the words quoted is theirs, not the reader's.
    const unquoted = folded.includes('"') ? wordsOf(folded.replace(/"[^"]*"/g, ' ')) : surfaces;
    const pronoun = unquoted.map((w) => PRONOUNS.get(w)).find((p) => p !== undefined) ?? null;
    const sayWord = surfaces.some((w) => SAY_WORDS.has(w));
    // "Quote the article on ...": the article's own words, not a person's.
    const articleAt = surfaces.findIndex((w) => ARTICLE_WORDS.has(w));
    const articleQuote =
      quoteIntent === 'quote' &&
      ((articleAt !== -1 && (personTerms[0]?.position ?? Number.POSITIVE_INFINITY) > articleAt) ||
        PASSAGE_REQUEST.test(folded) ||
        QUOTATION_MARKS_ASKED.test(folded) ||
        (speakers.length === 0 && persons.length > 0));
    if (articleQuote) speakers = [];
    return {
      text,
      folded,
      // "Is Lavrov the Russian president?" is answered by who he is.
      type: identity === null ? type : 'who',
      terms,
      persons,
      happened: asksWhetherItHappened(folded),
      identityOf: identity,
      precision: type === 'when' ? timePrecisionOf(folded) : null,
      quoteIntent,
      speakers,
      pronoun,
      sayWord,
      articleQuote,
      silentSpeaker,
      directQuote: DIRECT_QUOTE.test(folded),
      judgement: judgementOf(spelt),
      viewOf,
      personalDetail: personalDetailOf(folded),
    };
  }

  /** A stop word one typing slip away ("mcuh" -> "much", "wher" -> "where"), or null. Cached. */
  private fillerSlipOf(word: string): string | null {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) return null;
    const cached = this.fillerSlips.get(word);
    if (cached !== undefined) return cached;
    // The nearest ("wher" is "where", a vowel left out, before "when"); the first of equals.
    let found: string | null = null;
    let nearest = 1.01;
    for (const stop of STOP_WORDS) {
      // Three letters slip only into longer words ("tel" -> "tell", "wht" -> "what").
      if (stop[0] !== word[0] || Math.abs(stop.length - word.length) > 1 || stop.length < 3) continue;
      if (word.length === 3 && stop.length <= 3) continue;
      const distance = typingDistance(word, stop, 1);
      if (distance < nearest) {
        found = stop;
        nearest = distance;
      }
    }
    if (this.fillerSlips.size > 5000) this.fillerSlips.clear();
    this.fillerSlips.set(word, found);
    return found;
  }

  /**
   * The one word of a person's name, four or five letters long, that a three-letter word the
   * story never uses is a letter off ("pel": Pell, "mak": Mack). Longer slips are the spelling
   * corrector's; one that could be two people's names is neither.
   */
  private shortNameSlipOf(surface: string): string | null {
    if (surface.length !== 3 || !/^[a-z]+$/.test(surface)) return null;
    const found = new Set<string>();
    for (const names of this.nameWords.values())
      for (const name of names)
        if (name.length >= 4 && name.length <= 5 && typingDistance(surface, name, 1) <= 1) found.add(name);
    return found.size === 1 ? ([...found][0] as string) : null;
  }

  /**
   * A rarer English word read as the story's word it is one slip from ("trusties": "trustees"),
   * only a content word of the story's own text (no name), and only a close one.
   */
  private rareWordSlipOf(surface: string): Word | null {
    const correction = this.vocabulary.correct(surface);
    if (correction === null || correction.word === surface || !this.storyWords.has(correction.word))
      return null;
    if (STOP_WORDS.has(correction.word) || typingDistance(surface, correction.word, 1) > 1) return null;
    // "Tramp" is a word of its own, not a slip of someone's name.
    for (const names of this.nameWords.values()) if (names.includes(correction.word)) return null;
    return correctedWord(surface, correction.word, correction.similarity);
  }

  /**
   * A message's words with each slip of a filler word read as that word ("when was this artilce
   * published?": article): what requests about the whole story are read on. A word of the story,
   * or one that is no slip of a filler word, stays as typed.
   */
  fillerSpelling(words: readonly string[]): string[] {
    return words.map((word) => {
      // A word of English is no slip here ("keen" is not "keep").
      if (word.length < 4 || this.vocabulary.has(word) || !/^[a-z]+$/.test(word)) return word;
      if (this.language?.english.commonWords.has(word)) return word;
      const correction = this.vocabulary.correct(word);
      if (correction !== null && NON_STORY_WORDS.has(correction.word)) return correction.word;
      return this.fillerSlipOf(word) ?? word;
    });
  }

  /**
   * Folded text with its slips of filler words read as them ("sould the uk send troops?"): what
   * question forms are read on.
   */
  private fillerSpelt(folded: string): string {
    return folded.replace(/[a-z]{4,}/g, (word) => this.fillerSpelling([word])[0] ?? word);
  }

  /** The story word a thesaurus link reads a word as ("pledges" -> "promise"), when it is one word. */
  private synonymOf(surface: string): Word | null {
    if (!this.language) return null;
    const { english, thesaurus } = this.language;
    const link = thesaurusLinks(thesaurus, english.morphology, surface).find(
      (l) => !l.word.includes(' ') && l.relation !== 'kind',
    );
    if (!link) return null;
    return {
      surface,
      corrected: link.word,
      stemmed: stem(link.word),
      similarity: link.similarity,
      known: true,
    };
  }

  /**
   * The story word a word the story never uses is a kind of ("houses" -> "home"): read along with
   * the word itself, which still counts as a word the story never uses, so a kind helps find the
   * passage but never turns a question about something else into one the story answers.
   */
  private kindOf(surface: string): { readonly stemmed: string; readonly similarity: number } | null {
    if (!this.language) return null;
    const { english, thesaurus } = this.language;
    const link = thesaurusLinks(thesaurus, english.morphology, surface).find((l) => l.relation === 'kind');
    return link ? { stemmed: stem(link.word), similarity: link.similarity } : null;
  }

  /** A word the story uses, or a form of one, or a form of a filler word ("looking"). */
  private knowsForm(word: string): boolean {
    const stemmed = stem(word);
    return this.vocabulary.has(word) || this.stems.has(stemmed) || STOP_WORDS.has(stemmed);
  }

  /**
   * "along side", "up hill", "cease fire": one word of the story typed as two. And "askin",
   * "goin", "lookin": the dropped g of chat, when the word with it is one the story knows.
   */
  private joinSplitWords(surfaces: string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < surfaces.length; i++) {
      const word = surfaces[i] as string;
      if (
        word.length >= 4 &&
        word.endsWith('in') &&
        !this.vocabulary.has(word) &&
        this.knowsForm(`${word}g`)
      ) {
        out.push(`${word}g`);
        continue;
      }
      const joined = `${surfaces[i]}${surfaces[i + 1] ?? ''}`;
      if (
        i + 1 < surfaces.length &&
        joined.length >= 6 &&
        /^[a-z]+$/.test(joined) &&
        this.vocabulary.has(joined) &&
        !STOP_WORDS.has(joined)
      ) {
        out.push(joined);
        i++;
      } else out.push(surfaces[i] as string);
    }
    return out;
  }

  /**
   * "Who is the prime minister of Ukraine?", "Russia's prime minister": an office read as one of
   * the story's people ("prime minister" is Starmer) but held in another country is someone the
   * story does not name: a subject no answer holds. "The PM of the UK", "Britain's ex-premier":
   * their own country only says which person is meant, and is dropped.
   */
  private readCountries(terms: QueryTerm[], surfaces: readonly string[]): QueryTerm[] {
    const qualifiers = new Set<QueryTerm>();
    const read = terms.map((t) => {
      const own = this.countryOf.get(t.term);
      if (own === undefined) {
        // "The mayor of Ravensbridge": a person of no set country, qualified by a place of the story.
        if (this.personTerms.has(t.term)) {
          const end = t.position + t.surface.split(' ').length;
          const ofAt = surfaces[end] === 'of' ? end + (surfaces[end + 1] === 'the' ? 2 : 1) : -1;
          const place = terms.find(
            (o) => o.position === ofAt && o.entity && o.known && !o.term.startsWith('#'),
          );
          if (place) qualifiers.add(place);
        }
        return t;
      }
      const end = t.position + t.surface.split(' ').length;
      const before = terms.find((o) => o.position + o.surface.split(' ').length === t.position);
      const ofAt = surfaces[end] === 'of' ? end + (surfaces[end + 1] === 'the' ? 2 : 1) : -1;
      const after = ofAt === -1 ? undefined : terms.find((o) => o.position === ofAt);
      const country = [before, after].find((o) => o !== undefined && this.countryTerms.has(o.term));
      if (country === undefined) return t;
      if (country.term === own) {
        qualifiers.add(country);
        return t;
      }
      return { ...t, term: `?${t.surface}`, known: false, entity: true };
    });
    return read.filter((t) => !qualifiers.has(t));
  }

  /** Aliases (longest first), then stop words out; one term per distinct meaning. */
  private toTerms(words: readonly Word[], capitalised: ReadonlySet<string> = NONE): QueryTerm[] {
    const terms: QueryTerm[] = [];
    const seen = new Set<string>();
    const push = (term: QueryTerm): void => {
      if (seen.has(term.term)) return;
      seen.add(term.term);
      terms.push(term);
    };
    // "What is the story about?": words for the article are filler, unless they are all there is.
    let aboutTheStory: Word | undefined;
    for (let i = 0; i < words.length; ) {
      const word = words[i] as Word;
      const alias = this.phraseAt(words, i);
      if (alias) {
        const span = words.slice(i, i + alias.length);
        const surface = span.map((w) => w.surface).join(' ');
        const similarity = Math.min(...span.map((w) => w.similarity)) * (alias.similarity ?? 1);
        for (const term of [alias.canonical, ...(alias.expansion ?? [])])
          push({
            term,
            surface,
            similarity,
            // "?defence minister of RU": someone the story does not name.
            known: !term.startsWith('?'),
            position: i,
            entity: term.startsWith('?') || this.entityTerms.has(term),
          });
        i += alias.length;
        continue;
      }
      i++;
      // Forms of stop words are stop words ("telling"), unless the story uses the word itself:
      // "willing" is not "will", nor "reminder" "remind".
      const read = word.corrected ?? word.surface;
      if (this.isStopWord(read) || this.isStopWordForm(read, word.stemmed)) {
        if (ARTICLE_WORDS.has(read)) aboutTheStory ??= word;
        continue;
      }
      // "What stance did the council take?" asks where it stands, as the question's view reading
      // says, and "the legal side" asks about the law: a story that never uses the word has
      // nothing to match it with.
      if (!word.known && FRAMING_WORDS.has(read)) continue;
      // "What did Trump say that people found controversial?": finding something so is a judgement
      // of it, nothing of the story's own; "where are they found?" (after a form of "be") asks
      // where they are.
      const passive = words.slice(Math.max(0, i - 5), i - 1).some((w) => LINKING_VERBS.has(w.surface));
      if (!word.known && JUDGING_VERBS.has(read) && !passive) continue;
      push({
        term: word.stemmed,
        surface: word.surface,
        similarity: word.similarity,
        known: word.known,
        position: i - 1,
        entity: this.isWorldEntity(word.surface, capitalised, words[i]),
      });
      if (word.kind)
        push({
          term: word.kind.stemmed,
          surface: word.surface,
          similarity: word.kind.similarity,
          known: true,
          position: i - 1,
          entity: false,
        });
    }
    if (terms.length === 0 && aboutTheStory) {
      terms.push({
        term: ARTICLE_TERM,
        surface: aboutTheStory.surface,
        similarity: 1,
        known: true,
        position: words.indexOf(aboutTheStory),
        entity: false,
      });
    }
    return terms;
  }

  /**
   * The phrase read at `start`: aliasAt's, unless a phrase starting inside it covers more of the
   * words that count (stop words aside). With aliases "the water company" and "water company
   * boss", "the water company boss" is the boss: the later phrase covers three such words, the
   * earlier two. On a tie the earlier phrase wins. Where the earlier one gives way, its first word
   * is read on its own and the next word is looked at again. Both readers (toTerms, dataReader)
   * go through here, so data and questions read alike.
   */
  private phraseAt(words: readonly Word[], start: number, offices = true): AliasMatch | null {
    const alias = this.aliasAt(words, start, offices);
    if (alias === null || alias.length < 2) return alias;
    const covered = countingWords(words, start, alias.length);
    for (let j = start + 1; j < start + alias.length; j++) {
      const later = this.aliasAt(words, j);
      if (later !== null && countingWords(words, j, later.length) > covered) return null;
    }
    return alias;
  }

  /** The alias or office read at `start` (the longer; an office on a tie), unless the word is a function word there. */
  private aliasAt(words: readonly Word[], start: number, offices = true): AliasMatch | null {
    const glossaryAlias = this.matchAlias(words, start);
    // (The data reader knows when no office can start here.)
    const office = offices ? this.matchOffice(words, start) : null;
    const alias =
      office && (!glossaryAlias || office.length >= glossaryAlias.length) ? office : glossaryAlias;
    return alias && !this.isFunctionWordUse(words, start) ? alias : null;
  }

  private matchAlias(words: readonly Word[], start: number): AliasMatch | null {
    let node: AliasNode | undefined = this.aliasRoot;
    let found: AliasMatch | null = null;
    for (let i = start; i < words.length && node; i++) {
      const word = words[i] as Word;
      node = node.next.get(word.aliasKey ?? aliasKey(word.surface, word.stemmed));
      if (node?.canonical) {
        found = {
          canonical: node.canonical,
          length: i - start + 1,
          ...(node.glossary && { glossary: true }),
        };
        if (node.expansion) found = { ...found, expansion: node.expansion, similarity: node.similarity ?? 1 };
      }
    }
    return found;
  }

  /**
   * The office word a question's word is, as typed or corrected, or as a slip of one: "russain
   * foriegn minster" is Russia's foreign minister, though "minster" is an English word, and
   * "ukrainain leader" is Ukraine's leader though the glossary lists "ukrainain" as a slip of
   * "Ukraine". A word of the story's own text is never a slip; the span around a slip must still
   * read as a whole office, so a slip alone changes nothing.
   */
  private officeWordOf(word: Word, officeWords: ReadonlySet<string>): string | null {
    const typed = word.corrected ?? word.surface;
    if (officeWords.has(typed)) return typed;
    if (word.surface.length < 5 || this.storyWords.has(word.surface)) return null;
    const remembered = (word as Partial<DataWord>).officeSlip;
    if (remembered !== undefined) return remembered;
    let slip = this.officeSlips.get(word.surface);
    if (slip === undefined) {
      if (this.officeSlips.size >= OFFICE_SLIP_CACHE) this.officeSlips.clear();
      slip = officeWordNear(word.surface, officeWords);
      this.officeSlips.set(word.surface, slip);
    }
    if ('officeSlip' in word) (word as DataWord).officeSlip = slip;
    return slip;
  }

  /**
   * "Moscow's chief diplomat", "the former occupant of Downing Street", "the American leader": an
   * office (with its country, and whether former) that one person of the story holds, read as
   * that person. The gazetteer knows offices and seats; the glossary gives each person's role.
   */
  private matchOffice(words: readonly Word[], start: number): AliasMatch | null {
    if (!this.language || this.officeHolders.size === 0) return null;
    // "whos the mayer": an office typed with a slip is read as corrected. Only words the
    // gazetteer can read as part of an office (most words are none) can make one.
    const officeWords = officeWordsOf(this.language.english.gazetteer);
    const read: string[] = [];
    for (let i = start; i < words.length && read.length < MAX_OFFICE_WORDS; i++) {
      const word = words[i] as Word;
      const typed = this.officeWordOf(word, officeWords);
      if (typed === null) break;
      read.push(typed);
    }
    for (let end = start + read.length; end > start; end--) {
      const span = end - start === read.length ? read : read.slice(0, end - start);
      const tail = span.at(-1) as string;
      // "president of the United States": an office of a country ends with the country.
      if (!this.officeHeads.has(tail) && !span.includes('of')) continue;
      const reading = officeOf(this.language.english.gazetteer, span);
      if (!reading) continue;
      const holder =
        this.officeHolders.get(officeKey(reading.office, reading.country, reading.former)) ??
        (reading.country === undefined
          ? this.officeHolders.get(officeKey(reading.office, '*', reading.former))
          : undefined);
      if (holder) return { canonical: holder, length: end - start };
      const kindHolder = reading.country === undefined ? undefined : this.holderOfKind(reading);
      if (kindHolder) return { canonical: kindHolder, length: end - start };
      // "President Trump": a title before the name of one of the story's people who holds it.
      const named = this.matchAlias(words, end);
      if (named && this.officesOf.get(named.canonical)?.has(`${reading.office}|${reading.former}`))
        return { canonical: named.canonical, length: end - start + named.length };
      // "The Kremlin" in a story with no Russian president: the country, read as a place.
      if (reading.seat) continue;
      // "Russia's defence minister": an office of the wider world no one in the story holds.
      // ("The head" alone is a word, not an office: "the" does not make it a phrase.)
      if (reading.country !== undefined || end - start - (span[0] === 'the' ? 1 : 0) > 1)
        return {
          canonical: `?${reading.office}${reading.country ? ` of ${reading.country}` : ''}`,
          length: end - start,
        };
    }
    return null;
  }

  /**
   * "Which Russian minister...": the one person of the story holding an office of that country
   * that is a kind of the one named ("foreign minister" is a minister). Undefined when none or several.
   */
  private holderOfKind(reading: { office: string; country?: string; former: boolean }): string | undefined {
    const suffix = ` ${reading.office}`;
    const holders = new Set<string>();
    for (const [key, holder] of this.officeHolders) {
      const [office = '', country, former] = key.split('|');
      if (country === reading.country && former === String(reading.former) && office.endsWith(suffix))
        holders.add(holder);
    }
    return holders.size === 1 ? [...holders][0] : undefined;
  }

  /** "may" the verb and "us" the pronoun are not Theresa May and the United States. */
  private isFunctionWordUse(words: readonly Word[], i: number): boolean {
    const surface = words[i]?.surface;
    if (surface === 'may') {
      const next = words[i + 1]?.surface;
      const previous = words[i - 1]?.surface;
      return (next !== undefined && MODAL_MAY_FOLLOWERS.has(next)) || previous === 'i' || previous === 'it';
    }
    if (surface === 'us') {
      const previous = words[i - 1]?.surface;
      return previous !== undefined && PRONOUN_US_PRECEDERS.has(previous);
    }
    return false;
  }
}
