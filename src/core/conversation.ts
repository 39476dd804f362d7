/**
 * Conversation context: the last few turns of one user in one channel (or DM), and reading a
 * follow-up against them. "What did she say?", "and the UK?", "why?", "tell me more" and
 * "source?" mean something only after an answer; this module says what.
 *
 * Context never stretches the article: a follow-up is rewritten into a full question (the
 * earlier subject plus the new words) and then decided by the same rules as any question, so
 * "how old is he?" after Lavrov is declined as "how old is Lavrov?" would be.
 */
import { type AnalyzedClause, ARTICLE_TERM, ARTICLE_WORDS, type QueryTerm } from './analyzer.ts';
import { dataTermsOf } from './data-terms.ts';
import type { KnowledgeBase } from './knowledge.ts';
import {
  ELLIPSIS_END,
  ELLIPSIS_START,
  JUDGEMENT_FOLLOW_UP,
  MORE_REQUEST,
  SOURCE_REQUEST,
  STOP_WORDS,
  THING_REFERENCES,
  VERB_PARTICLES,
} from './lexicon.ts';
import { wordsOf } from './text.ts';

/** What one answered (or declined) question leaves behind for the next one. */
export interface Turn {
  readonly question: string;
  /** The knowledge base it was answered from: turns of another version are forgotten. */
  readonly kbVersion: string;
  /** When it was asked (ms since the epoch). */
  readonly at: number;
  /** The clause that was decided, as analysed: what a follow-up inherits. */
  readonly clause: AnalyzedClause | null;
  readonly answered: boolean;
  /** The answer's documents (entry, quote or sentence ids). */
  readonly ids: readonly string[];
  /**
   * What a declined reply still reported from the article ("The article doesn't predict that…
   * What it reports: …"): its sentence and paragraph ids, for "tell me more".
   */
  readonly reported: readonly string[];
  /** People the exchange was about ("#id"), the most likely referent of "he"/"she" first. */
  readonly persons: readonly string[];
  /** Countries and bodies the exchange was about. */
  readonly entities: readonly string[];
  /**
   * What the answer was about beyond the question's own words: its entry's keywords ("backstop"
   * after "what is Starmer asking for?"), for "why does he want it?" to point at.
   */
  readonly topics: readonly QueryTerm[];
}

export interface ConversationOptions {
  /** Turns kept per conversation. */
  readonly maxTurns: number;
  /** A turn older than this is forgotten. */
  readonly ttlMs: number;
  /** Conversations kept at once; the least recently used goes first. */
  readonly maxConversations: number;
  readonly now?: () => number;
}

/**
 * The turns of every conversation, bounded in memory: at most `maxTurns` per conversation, at
 * most `maxConversations` conversations (least recently used dropped first), each turn kept for
 * `ttlMs`. Keys are the front end's ("channel:user"). A turn of another knowledge-base version
 * is forgotten, so a reload starts every conversation afresh.
 */
export class ConversationMemory {
  private readonly conversations = new Map<string, Turn[]>();
  private readonly now: () => number;

  constructor(private readonly options: ConversationOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The live turns of a conversation, oldest first. */
  turns(key: string, kbVersion: string): readonly Turn[] {
    const turns = this.conversations.get(key);
    if (!turns) return [];
    const cutoff = this.now() - this.options.ttlMs;
    const live = turns.filter((t) => t.at >= cutoff && t.kbVersion === kbVersion);
    if (live.length === 0) this.conversations.delete(key);
    else if (live.length !== turns.length) this.conversations.set(key, live);
    return live;
  }

  /** The latest live turn of a conversation, whichever knowledge base answered it. */
  latest(key: string): Turn | undefined {
    const last = this.conversations.get(key)?.at(-1);
    return last && last.at >= this.now() - this.options.ttlMs ? last : undefined;
  }

  remember(key: string, turn: Turn): void {
    if (this.options.maxTurns <= 0) return;
    const turns = this.conversations.get(key) ?? [];
    this.conversations.delete(key); // re-inserted last: the Map's order is the LRU order
    turns.push(turn);
    this.conversations.set(key, turns.slice(-this.options.maxTurns));
    while (this.conversations.size > this.options.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
  }

  forgetAll(): void {
    this.conversations.clear();
  }

  get size(): number {
    return this.conversations.size;
  }
}

/** The turn an answer leaves: who and what it was about. */
export function turnOf(
  kb: KnowledgeBase,
  question: string,
  clause: AnalyzedClause | null,
  answer: {
    readonly answered: boolean;
    readonly ids: readonly string[];
    readonly text?: string;
    readonly citations?: readonly { readonly paragraph: string; readonly sentences: readonly string[] }[];
  },
  at: number,
): Turn {
  const asked = clause?.persons ?? [];
  // A declined question's reply may name who the article does report ("the only reaction it
  // gives is Lord Howard's"): a follow-up's "he" may be them.
  const replyEntities =
    !answer.answered && answer.text
      ? kb.analyzer.termsOf(answer.text).filter((t) => kb.analyzer.isEntity(t))
      : [];
  const answerEntities = [
    ...answer.ids.flatMap((id) => [...(kb.answerEntities.get(id) ?? [])]),
    ...replyEntities,
  ];
  const answerPersons = answerEntities.filter((e) => e.startsWith('#'));
  // "Who did Trump call a dictator?" -> "what did he say?": the one the answer named is new. But
  // "who is Zelensky?" asks about the one named, whoever the answer mentions besides.
  const asksWhoSomeoneIs = asked.length > 0 && clause !== null && clause.terms.every((t) => t.entity);
  const newFirst = clause?.type === 'who' && !asksWhoSomeoneIs;
  const newOnes = answerPersons.filter((p) => !asked.includes(p));
  const persons = [...new Set(newFirst ? [...newOnes, ...asked] : [...asked, ...newOnes])];
  const entities = [
    ...new Set([
      ...(clause?.terms ?? []).filter((t) => t.entity && !t.term.startsWith('#')).map((t) => t.term),
      ...answerEntities.filter((e) => !e.startsWith('#')),
    ]),
  ];
  return {
    question,
    kbVersion: kb.version,
    at,
    clause,
    answered: answer.answered,
    ids: answer.ids,
    reported: answer.answered
      ? []
      : (answer.citations ?? []).flatMap((c) => (c.sentences.length > 0 ? c.sentences : [c.paragraph])),
    persons,
    entities,
    topics: answer.answered ? topicsOf(kb, answer.ids, clause) : [],
  };
}

/** Topic words an answer leaves for "it" and "that": at most this many. */
const MAX_TOPICS = 3;
/** An inherited topic word counts for less than a word typed: it is a guess at what "it" is. */
const TOPIC_WEIGHT = 0.6;

/** The keywords of the answer's entries that the question did not already have, names aside. */
function topicsOf(kb: KnowledgeBase, ids: readonly string[], clause: AnalyzedClause | null): QueryTerm[] {
  const asked = new Set((clause?.terms ?? []).map((t) => t.term));
  const topics: QueryTerm[] = [];
  for (const id of ids) {
    for (const keyword of kb.entryById.get(id)?.keywords ?? []) {
      for (const term of dataTermsOf(kb, keyword)) {
        if (topics.length >= MAX_TOPICS) return topics;
        // Names are never guessed: a name inherited this way would have to be in the answer.
        if (asked.has(term) || kb.analyzer.isEntity(term)) continue;
        asked.add(term);
        topics.push({
          term,
          surface: keyword,
          similarity: 1,
          weightScale: TOPIC_WEIGHT,
          known: true,
          position: 0,
          entity: false,
        });
      }
    }
  }
  return topics;
}

/** How a clause reads against the conversation. */
export type FollowUp =
  /** A question of its own: context changes nothing. */
  | { readonly kind: 'standalone' }
  /** A follow-up rewritten as a full question. */
  | { readonly kind: 'resolved'; readonly clause: AnalyzedClause; readonly note: string }
  /** "Tell me more": more of what the last answer rests on. */
  | { readonly kind: 'more'; readonly turn: Turn }
  /** "Source?", "quote it", "really?": where the last answer stands in the article. */
  | { readonly kind: 'source'; readonly turn: Turn }
  /** "Is that a lot?", "is he right?": a judgement about the last answer. */
  | { readonly kind: 'judgement'; readonly turn: Turn }
  /** It needs context, and there is none (or none it fits). */
  | { readonly kind: 'needs-context'; readonly pronoun: 'he' | 'she' | 'they' | 'it' };

/** Inherited terms sit after the clause's own, so word-adjacency rules never pair them. */
export const INHERITED_POSITION = 1000;

const contentTerms = (clause: AnalyzedClause): QueryTerm[] =>
  clause.terms.filter((t) => !t.term.startsWith('#') && t.known && !t.entity);

/** Forms of "be" before "that" when it stands for what was said: "why is that significant?". */
const COPULAS = new Set(['is', 'was', 'isnt', 'wasnt', 's']);

/**
 * "Is that a lot?", "when is it being signed?", "why did he say that": a word pointing back at
 * what was said. "This story" points at the article, and "that deal" names its subject.
 */
/** Auxiliaries a question puts before its subject ("what does that mean?"). */
const DO_WORDS = new Set(['do', 'does', 'did', 'will', 'would', 'could', 'should', 'can', 'might']);

function refersToAThing(words: readonly string[]): boolean {
  return words.some((w, i) => {
    if (w === 'it') return true;
    if (!THING_REFERENCES.has(w)) return false;
    const next = words[i + 1];
    // "Why is that significant?": after "is", a last word says what it is, not which thing.
    const saysWhatItIs = i + 2 === words.length && COPULAS.has(words[i - 1] ?? '');
    // "What does that signal?": after "does", the word after "that" is its verb, not a noun it picks;
    // "when would that kick in?" ends its verb with a particle.
    const endsTheVerb =
      i + 2 === words.length || (i + 3 === words.length && VERB_PARTICLES.has(words.at(-1) ?? ''));
    const subjectOfAVerb = endsTheVerb && DO_WORDS.has(words[i - 1] ?? '');
    return (
      next === undefined ||
      saysWhatItIs ||
      subjectOfAVerb ||
      (STOP_WORDS.has(next) && !ARTICLE_WORDS.has(next))
    );
  });
}

function inherit(terms: readonly QueryTerm[], from: readonly QueryTerm[]): QueryTerm[] {
  const have = new Set(terms.map((t) => t.term));
  const out = [...terms];
  from.forEach((t, i) => {
    if (have.has(t.term)) return;
    have.add(t.term);
    out.push({ ...t, position: INHERITED_POSITION + i });
  });
  return out;
}

/**
 * The one a yes-no question asks about: its people and their countries ("does Trump want the US
 * to…?" -> Trump and the US), or else the first country or body it names ("will the US
 * guarantee Ukraine's security?" -> the US).
 */
function isSubjectOf(clause: AnalyzedClause, term: QueryTerm, cast: Cast): boolean {
  if (term.term.startsWith('#')) return true;
  if (!term.entity) return false;
  const persons = clause.terms.filter((t) => t.term.startsWith('#'));
  if (persons.length > 0) return persons.some((p) => cast.sideOf(p.term) === term.term);
  const firstEntity = clause.terms.filter((t) => t.entity).sort((x, y) => x.position - y.position)[0];
  return term === firstEntity;
}

/** The clause of the latest turn that has one: what a follow-up leans on. */
export function lastClauseOf(turns: readonly Turn[]): AnalyzedClause | null {
  return [...turns].reverse().find((t) => t.clause !== null)?.clause ?? null;
}

/** What a follow-up needs to know of the story's people and sides. */
export interface Cast {
  /** The pronoun a person ("#may") goes by. */
  pronounOf(person: string): 'he' | 'she' | 'they' | undefined;
  /** Whether the article reports words from a country or body ("europe"), or from anyone for it. */
  speaks(side: string): boolean;
  /** The country a person ("#trump") serves, as a term, when the story says. */
  sideOf(person: string): string | undefined;
}

/** Reads one clause of a new message against the turns before it (oldest first). */
export function readFollowUp(clause: AnalyzedClause, turns: readonly Turn[], cast: Cast): FollowUp {
  const pronounOf = (person: string) => cast.pronounOf(person);
  const words = wordsOf(clause.folded);
  const last = turns.at(-1);
  const lastClause = lastClauseOf(turns);
  const text = ` ${words.join(' ')} `;

  if (MORE_REQUEST.test(text) && clause.persons.length === 0 && contentTerms(clause).length === 0) {
    return last?.answered || (last?.reported.length ?? 0) > 0
      ? { kind: 'more', turn: last as Turn }
      : { kind: 'needs-context', pronoun: 'it' };
  }
  if (SOURCE_REQUEST.test(text) && clause.persons.length === 0 && contentTerms(clause).length <= 1) {
    return last?.answered ? { kind: 'source', turn: last } : { kind: 'needs-context', pronoun: 'it' };
  }
  if (JUDGEMENT_FOLLOW_UP.test(text) && clause.persons.length === 0 && contentTerms(clause).length <= 1) {
    return last?.answered ? { kind: 'judgement', turn: last } : { kind: 'needs-context', pronoun: 'it' };
  }

  // "What about Lavrov?", "and the UK?", "no, I meant Trump": the last question, about the new one.
  // "Wait, the US did too?": a word of surprise before it leaves it as short as it is.
  const ownWords = words.filter((w, i) => i > 0 || !INTERJECTIONS.has(w));
  const alsoAbout = ELLIPSIS_END.test(text) && clause.terms.some((t) => t.entity) && ownWords.length <= 4;
  if ((ELLIPSIS_START.test(text) || alsoAbout) && clause.terms.length > 0 && clause.terms.length <= 3) {
    // Without a conversation, "what about the minerals deal?" is a question of its own.
    if (!lastClause) return { kind: 'standalone' };
    return {
      kind: 'resolved',
      clause: ellipsis(clause, lastClause, cast, alsoAbout),
      note: alsoAbout ? ALSO_NOTE : 'ellipsis: the last question, about the new subject',
    };
  }

  let resolved = clause;
  const notes: string[] = [];
  const ownContent = contentTerms(clause);
  const named = clause.terms.some((t) => t.entity);
  // "What did she say?": the person the conversation was last about that the pronoun fits. Not
  // "who said he's not going to make guarantees?", where "he" is the one asked for.
  const pronounAsksAhead = clause.type === 'who' && ownContent.length >= 2;
  // "What did she tell Starmer to say to Trump?": the pronoun is the subject, before anyone named.
  const pronounAt = words.findIndex((w) => PERSON_PRONOUNS.has(w));
  const firstNamed = Math.min(
    ...clause.terms.filter((t) => t.term.startsWith('#')).map((t) => t.position),
    Number.POSITIVE_INFINITY,
  );
  const pronounFirst = pronounAt !== -1 && pronounAt < firstNamed;
  // "How old is he?" as a first question: nobody to point at, so ask who is meant. With more of
  // its own ("what did he say about the minerals deal?") it is read as it stands.
  if (
    clause.pronoun !== null &&
    clause.pronoun !== 'they' &&
    pronounFirst &&
    !pronounAsksAhead &&
    turns.length === 0 &&
    !named &&
    ownContent.length <= 1
  ) {
    return { kind: 'needs-context', pronoun: clause.pronoun };
  }
  // "What is Starmer trying to stop him doing?": "him" after a name is someone else, met before.
  const objectAfterName =
    clause.pronoun !== null &&
    clause.pronoun !== 'they' &&
    pronounAt !== -1 &&
    !pronounFirst &&
    OBJECT_PRONOUNS.has(words[pronounAt] as string) &&
    turns.length > 0;
  if (objectAfterName) {
    const referent = referentOf(turns, clause.pronoun as 'he' | 'she', pronounOf, new Set(clause.persons));
    if (referent !== undefined) {
      resolved = withObject(resolved, referent);
      notes.push(`${words[pronounAt]} = ${referent}`);
    }
  }
  if (clause.pronoun !== null && pronounFirst && !pronounAsksAhead && turns.length > 0) {
    const referent = referentOf(turns, clause.pronoun, pronounOf);
    if (referent !== undefined) {
      resolved = withPerson(resolved, referent);
      notes.push(`${clause.pronoun} = ${referent}`);
    } else if (clause.pronoun !== 'they') {
      return { kind: 'needs-context', pronoun: clause.pronoun };
    } else if (!last?.entities.length && ownContent.length === 0 && !named && lastClause === null) {
      // "They" may be a country, a body or a company ("why are they closing the factory?"): with
      // a subject of its own it is a question; alone ("what did they say?") it needs one.
      return { kind: 'needs-context', pronoun: clause.pronoun };
    }
  }
  // "When is it being signed?", "why?", "is that a lot?": the last question's subject carries over.
  // "What is this article about?" points at the article, not at the last answer.
  const aboutTheArticle = clause.terms.some((t) => t.term === ARTICLE_TERM);
  // '"Beyond very much": who said that?' quotes its own subject.
  const quotesItsSubject = /"[^"]+"/.test(clause.folded);
  // "How long does it run for?": "long" is the question's own word, not a subject.
  const measure = words[words.indexOf('how') + 1];
  const subjectWords = ownContent.filter((t) => !words.includes('how') || t.surface !== measure);
  const thing = refersToAThing(words) && subjectWords.length <= 1 && !aboutTheArticle && !quotesItsSubject;
  const bare = clause.terms.length === 0 && !quotesItsSubject;
  // "First name?", "crucial for what?", "from doing what?": a fragment that finishes the last question.
  const fragment = isFragment(words) && !named && turns.length > 0;
  // "And what was the target?", "and when did it close?": one more thing about the same subject.
  // "So who should lead then?": "so ... then" draws on what was just said, as "and ..." does.
  const drawsOn = words[0] === 'so' && words.at(-1) === 'then';
  const continues =
    (words[0] === 'and' || drawsOn) &&
    QUESTION_OPENERS.has(words[1] ?? '') &&
    !named &&
    clause.pronoun === null &&
    subjectWords.length <= 1 &&
    turns.length > 0;
  // "What did she say?" after "how old is she?", which the article could not answer: she is still
  // the one meant, but her age is no subject to carry on with.
  const afterADecline =
    notes.length > 0 && last !== undefined && !last.answered && !thing && !fragment && !continues;
  if (afterADecline) return { kind: 'resolved', clause: resolved, note: notes.join('; ') };
  if (bare || thing || fragment || continues || (notes.length > 0 && ownContent.length === 0)) {
    if (!lastClause) {
      if (notes.length > 0) return { kind: 'resolved', clause: resolved, note: notes.join('; ') };
      // A name or a word of its own makes it a question without context ("what has Lympne got to
      // do with this?", "who voted against it?"); "why?" or "is that a lot?" alone is not.
      // A word the story never uses counts too ("who's bankrolling this thing?").
      const unknownWord = clause.terms.some((t) => !t.known && !/^\d/.test(t.term));
      return named || ownContent.length > 0 || unknownWord
        ? { kind: 'standalone' }
        : { kind: 'needs-context', pronoun: 'it' };
    }
    // "Does Trump want the US to protect Ukraine?" -> "then who should?": who does it instead,
    // so the one the yes-no question was about is not carried over.
    const whoInstead =
      clause.type === 'who' &&
      lastClause.type === 'yes-no' &&
      clause.persons.length === 0 &&
      clause.pronoun === null &&
      subjectWords.length === 0;
    const carried = whoInstead
      ? lastClause.terms.filter((t) => !isSubjectOf(lastClause, t, cast))
      : lastClause.terms;
    resolved = { ...resolved, terms: inherit(resolved.terms, carried) };
    if (whoInstead) notes.push('who instead');
    // "So who should lead then?" after what someone said asks what they said should happen.
    if (drawsOn && resolved.judgement === 'advice') resolved = { ...resolved, judgement: null };
    if (resolved.persons.length === 0 && !whoInstead) resolved = { ...resolved, persons: lastClause.persons };
    notes.push(`subject of "${lastClause.text}"`);
    // "Why does he want it?" after "what is Starmer asking for?": "it" is the thing the answer
    // named. After "who..." the answer named a person, and "it" is still the question's subject.
    // "Who wrote it?" after what the report found: "it" is the report asked about, not its findings.
    if (
      thing &&
      clause.type !== 'who' &&
      last?.answered &&
      last.clause?.type === 'what' &&
      last.topics.length > 0
    ) {
      resolved = { ...resolved, terms: inherit(resolved.terms, last.topics) };
      notes.push(`it = ${last.topics.map((t) => t.term).join(' ')}`);
      // "When would it kick in?" after what Starmer wants from Trump: "it" is the backstop, which
      // an answer may give without them, so the people asked about before only help it score.
      if (clause.pronoun === null) {
        resolved = {
          ...resolved,
          terms: resolved.terms.map((t) =>
            t.position >= INHERITED_POSITION && t.term.startsWith('#') ? { ...t, entity: false } : t,
          ),
        };
      }
    }
  }
  return notes.length === 0
    ? { kind: 'standalone' }
    : { kind: 'resolved', clause: resolved, note: notes.join('; ') };
}

/** The note of "the US did too?": the last question, of the new subject as well as the old. */
export const ALSO_NOTE = 'ellipsis: the last question, about the new subject as well';

/** Words of surprise or hesitation that open a follow-up ("wait, …", "oh, …", "hmm, …"). */
const INTERJECTIONS = new Set([
  'wait',
  'oh',
  'hmm',
  'hm',
  'huh',
  'ok',
  'okay',
  'so',
  'really',
  'what',
  'sorry',
]);

/** Person pronouns as typed: what "she" or "him" may stand for. */
const PERSON_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their']);
const QUESTION_OPENERS = new Set([
  'what',
  'who',
  'whom',
  'whose',
  'when',
  'where',
  'why',
  'how',
  'which',
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'tell',
  'give',
  'quote',
  'explain',
  'list',
  'show',
]);

/**
 * "First name?", "full title?", "crucial for what?": at most four words, not opening as a
 * question of its own does ("what did Lavrov say"): it leans on the last question.
 */
function isFragment(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > 4) return false;
  // "How much money exactly?" after the minerals deal: how much of what was just answered.
  if (words[0] === 'how' && (words[1] === 'much' || words[1] === 'many') && words.length <= 4) return true;
  const opensAsQuestion = QUESTION_OPENERS.has(words[0] as string) && words.length >= 3;
  return !opensAsQuestion;
}

/** The latest person of the conversation the pronoun fits ("she" -> Theresa May). */
function referentOf(
  turns: readonly Turn[],
  pronoun: 'he' | 'she' | 'they',
  pronounOf: (person: string) => 'he' | 'she' | 'they' | undefined,
  except: ReadonlySet<string> = new Set(),
): string | undefined {
  for (let i = turns.length - 1; i >= 0; i--) {
    const persons = turns[i]?.persons ?? [];
    const fit = persons.find((p) =>
      except.has(p) ? false : pronoun === 'they' ? pronounOf(p) === 'they' : pronounOf(p) === pronoun,
    );
    if (fit) return fit;
  }
  return undefined;
}

/** Pronouns that stand for someone acted on, not the one acting ("stop him"). */
const OBJECT_PRONOUNS = new Set(['him', 'her']);

/** The person a pronoun stands for, as a term of the clause, just before the inherited ones. */
const pronounTerm = (clause: AnalyzedClause, person: string): QueryTerm => ({
  term: person,
  surface: clause.pronoun ?? person,
  similarity: 1,
  known: true,
  position: INHERITED_POSITION - 1,
  entity: true,
});

/** The clause about this person too, as the one acted on: whose words it asks for stays as it was. */
function withObject(clause: AnalyzedClause, person: string): AnalyzedClause {
  const term = pronounTerm(clause, person);
  return { ...clause, terms: [...clause.terms, term], persons: [...clause.persons, person] };
}

/** The clause about this person too: their words when it says "say". */
export function withPerson(clause: AnalyzedClause, person: string): AnalyzedClause {
  const term = pronounTerm(clause, person);
  const quoteIntent = clause.quoteIntent === 'none' && clause.sayWord ? 'say' : clause.quoteIntent;
  const speakers = quoteIntent === 'none' || clause.articleQuote ? [] : [person];
  return { ...clause, terms: [term, ...clause.terms], persons: [person], quoteIntent, speakers };
}

/**
 * "What about Lavrov?" after "what did Trump say about peacekeepers?": the earlier question
 * with its person (or country, or subject) swapped for the new one.
 */
function ellipsis(
  clause: AnalyzedClause,
  last: AnalyzedClause,
  cast: Cast,
  alsoAbout = false,
): AnalyzedClause {
  // "What about May?": a name that is also a function word ("may", "us") is still the name.
  const own = clause.terms.filter((t) => t.entity || !STOP_WORDS.has(t.surface));
  const newPersons = own.filter((t) => t.term.startsWith('#'));
  const newEntities = own.filter((t) => t.entity && !t.term.startsWith('#'));
  const newContent = own.filter((t) => !t.entity);
  // "What did Trump say about guarantees?" -> "and Europe?": a side the article quotes nothing
  // from is what he said it of, not a new speaker.
  const newTopic =
    newPersons.length === 0 &&
    newEntities.length > 0 &&
    last.quoteIntent !== 'none' &&
    last.persons.length > 0 &&
    newEntities.every((t) => !cast.speaks(t.term));
  const kept = last.terms.filter((t) => {
    if (t.term.startsWith('#')) return newTopic || (newPersons.length === 0 && newEntities.length === 0);
    // "Wait, the US did too?" after who voted at the UN: the UN is still where.
    if (t.entity) return alsoAbout || (newEntities.length === 0 && newPersons.length === 0);
    return newContent.length === 0 && !newTopic;
  });
  const terms = inherit(own, kept);
  const persons = terms.filter((t) => t.term.startsWith('#')).map((t) => t.term);
  const speakers = last.quoteIntent === 'none' ? [] : newTopic ? last.speakers : persons.slice(0, 1);
  // "What's Trump's view?" -> "and Starmer's?": the view asked for is now the new subject's.
  const newSubject = newTopic ? undefined : (newPersons[0] ?? newEntities[0]);
  const viewOf = last.viewOf !== null && newSubject !== undefined ? newSubject.term : last.viewOf;
  // "Is Trump willing…?" -> "and Starmer?": an answer about Trump is not one about Starmer. (After
  // "what's Trump's view?", "and Starmer's?" asks Starmer's view, which his own words give.)
  const setAside =
    newPersons.length > 0 && last.type === 'yes-no' ? last.persons.filter((p) => !persons.includes(p)) : [];
  return {
    ...last,
    setAside,
    viewOf,
    // "Is Starmer willing to send troops?" -> "what about Lavrov?": what Lavrov's stance is.
    // "Who is visiting Washington?" -> "Starmer too?": whether the new one is as well.
    type: last.type === 'yes-no' ? 'what' : alsoAbout && last.type === 'who' ? 'yes-no' : last.type,
    text: clause.text,
    folded: `${last.folded} (${clause.folded})`,
    terms,
    persons,
    speakers,
    silentSpeaker: null,
    // "And after 2027?" asks beyond what the last question did: a judgement of its own stays.
    judgement: clause.judgement ?? last.judgement,
  };
}

export { wordsOf };
