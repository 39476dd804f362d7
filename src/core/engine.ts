/**
 * The answer engine: a question in, one Answer out. Pure and synchronous.
 *
 * Pipeline (docs/design.md has the reasons):
 *  1. analyse: clean, split into clauses, correct spelling, stem, read aliases (analyzer.ts);
 *  2. read each clause against the conversation so far (conversation.ts): "what did she say?"
 *     becomes a question about the person last talked about;
 *  3. message rules: an empty message, small talk, "tell me more", "source?", a follow-up
 *     with nothing to follow;
 *  4. each clause is decided by the ordered, named rules of rules.ts (quotes, known gaps,
 *     curated answers, article sentences, honest declines);
 *  5. a multi-part message gets an answer per part.
 */
import type { AnalyzedClause } from './analyzer.ts';
import type { Answer } from './answer.ts';
import {
  ALSO_NOTE,
  type Cast,
  type FollowUp,
  INHERITED_POSITION,
  lastClauseOf,
  readFollowUp,
  type Turn,
  turnOf,
} from './conversation.ts';
import { dataTermsOf } from './data-terms.ts';
import { type Intent, readIntent } from './intents.ts';
import type { KnowledgeBase } from './knowledge.ts';
import { MESSAGE_RULES, type MessageContext } from './message-rules.ts';
import { coreMessages } from './messages.ts';
import { speakersFor } from './overview.ts';
import { combine } from './replies.ts';
import { readRoleHolder } from './role-holders.ts';
import { ClauseContext, decideClause, settleYesNo } from './rules.ts';
import { foldText, foldWordsOnly, MAX_QUESTION_CHARS, wordsOf } from './text.ts';
import type { Trace } from './trace.ts';

export { popular, renderQuote } from './replies.ts';
export { THRESHOLDS } from './rules.ts';

/** A second question hides in one clause when this much of it is left unexplained... */
const REMAINDER_SHARE = 0.3;
/** ...and at least this many of the leftover words carry meaning. */
const REMAINDER_TERMS = 2;

export interface AnswerOptions {
  /** 'quote': the user asked for quotes (the quote command), whatever the words. */
  readonly mode?: 'auto' | 'quote';
  /** Collects what the engine saw and decided (ask --explain, the studio). */
  readonly trace?: Trace;
  /** The conversation so far, oldest first: follow-ups are read against it. */
  readonly context?: readonly Turn[];
  /** The time of this turn (ms since the epoch), recorded in the turn it leaves. */
  readonly now?: number;
}

/** An answer and what it leaves for the next question of the conversation. */
export interface Exchange {
  readonly answer: Answer;
  readonly turn: Turn;
}

/** An exchange whose turn is made when first asked for: answerQuestion never needs it. */
function exchange(answer: Answer, makeTurn: () => Turn): Exchange {
  let turn: Turn | undefined;
  return {
    answer,
    get turn() {
      turn ??= makeTurn();
      return turn;
    },
  };
}

interface ClauseResult {
  readonly answer: Answer;
  readonly clause: AnalyzedClause;
  /** For combining parts: the clause had something to look up. */
  readonly substantive: boolean;
}

/**
 * What the message asks of the story as a whole or of the bot ("summary?", "who wrote this?"),
 * when nothing else it says is a word of the story: "what happened at the UN?" asks about the UN.
 */
function storyIntentOf(kb: KnowledgeBase, paddedText: string): Intent | null {
  // "Summarize it in like 3 bullets": how long a summary should be is no subject of its own.
  const text = paddedText.replace(SUMMARY_SIZE, ' ');
  // "When was this artilce published?": a slip of a filler word is that word here too.
  const words = kb.analyzer.fillerSpelling(text.trim().split(' ').filter(Boolean));
  const reading = readIntent(words);
  if (reading === null) return null;
  // "What did he say about it?" leans on the conversation: not a request about the whole story.
  // "Who are the people quoted, and what side are they on?": "they" are the people just asked for.
  const leans = words.some(
    (w, i) => PERSON_WORDS.has(w) && !words.slice(0, i).some((earlier) => PEOPLE_ASKED.has(earlier)),
  );
  // "Hiya! What are they doing about it?" is a question after a greeting; "thanks, he was great" is thanks.
  if (leans && reading.intent !== 'bot' && reading.intent !== 'thanks') return null;
  // "What did the agency say?", with "the agency" a body of the glossary: the story's name for
  // it, not a cue ("agency" asks where the article comes from), so it stays to make it specific.
  const story = kb.analyzer.glossaryNamesIn(words);
  // "What does each side want?": what a side wants or thinks is its position, which is what is asked.
  const rest = words
    .filter(
      (w, i) =>
        (!reading.cueWords.has(i) || story.has(i)) && !(reading.intent === 'sides' && SIDE_VERBS.has(w)),
    )
    .join(' ');
  // Any word of the story, or any other word that is not filler ("how many people were injured"),
  // or a figure the story gives ("41 countries"; not "top 3 people").
  const restTerms = rest.length > 0 ? kb.analyzer.termsOfMessage(rest) : [];
  const specific = restTerms.some((t) => !/^\d/.test(t.term) || kb.index.hasTerm(t.term));
  // "What's going on with Ukraine?" of a story whose headline is about Ukraine: the whole story.
  const ofTheHeadline =
    reading.intent === 'summary' &&
    restTerms.length > 0 &&
    restTerms.every((t) => t.entity && !t.term.startsWith('#') && headlineTermsOf(kb).has(t.term));
  return specific && !ofTheHeadline ? null : reading.intent;
}

/** The terms of each story's headline, read once per knowledge base. */
const headlineTerms = new WeakMap<KnowledgeBase, ReadonlySet<string>>();
function headlineTermsOf(kb: KnowledgeBase): ReadonlySet<string> {
  let terms = headlineTerms.get(kb);
  if (!terms) {
    terms = new Set(kb.analyzer.termsOf(kb.story.title));
    headlineTerms.set(kb, terms);
  }
  return terms;
}

/**
 * "In 3 bullets", "in like five points": the size asked of a summary. (Not "in one sentence" or
 * "in a few words", which ask for the story in a line.)
 */
const SUMMARY_SIZE =
  / (?:in|into|as|with) (?:like |about |just |only |maybe )?(?:a |one |two |three |four |five |a few |few |a couple of |\d+ )?(?:short |quick |simple )?(?:bullets?|bullet points?|points) /g;

/** Verbs of what a side holds, which ask for its position ("what does each side want?"). */
const SIDE_VERBS = new Set([
  'want',
  'wants',
  'think',
  'thinks',
  'say',
  'says',
  'believe',
  'believes',
  'argue',
  'argues',
]);

/** Pronouns that point at a person named before. */
const PERSON_WORDS = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their']);
/** Words for everyone a message asks about, which a later "they" in it points back to. */
const PEOPLE_ASKED = new Set(['people', 'ppl', 'everyone', 'everybody', 'persons', 'individuals', 'names']);

/** The message's own words, folded but not reworded, with a space at each end: what intents read. */
const paddedWords = (text: string): string =>
  ` ${foldWordsOnly(text)
    .replace(/[^a-z0-9.% ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

/** Folded text with a space at each end and only words between: what message patterns read. */
const padded = (text: string): string =>
  ` ${foldText(text)
    .replace(/[^a-z0-9.% ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

/** "And the former one?", "what about the previous one?": the office of the last question, before. */
const FORMER_ONE =
  /^\s*(?:and|what about|how about|ok|so)?\s*(?:the|his|her)?\s*(?:former|previous|last|old|ex|earlier|past) one\b(?:\s+(?:mentioned|named|quoted|in the article))?\s*\??\s*$/i;
/** An office a question names, after its article ("the UK prime minister", "the club's manager"). */
const OFFICE_ASKED =
  /\b((?:the|a|an|his|her|their|its) )?((?:[a-z']+ )?)(prime minister|president|pm|foreign minister|minister|secretary|chancellor|leader|mayor|governor|chief executive|ceo|chair|chairman|chairwoman|manager|coach|director|head|captain|editor|principal)\b/i;

/**
 * "And the former one?" after "who is the UK prime minister?": that question of the former
 * holder ("who is the former UK prime minister?"), or null when it is not such a follow-up.
 */
export function theFormerOne(message: string, turns: readonly Turn[]): string | null {
  const last = turns.at(-1)?.question;
  if (last === undefined || !FORMER_ONE.test(message)) return null;
  if (!OFFICE_ASKED.test(last) || /\bformer\b/i.test(last)) return null;
  return last.replace(
    OFFICE_ASKED,
    (_, article = '', before = '', office) => `${article}former ${before}${office}`,
  );
}

export function answerQuestion(kb: KnowledgeBase, rawQuestion: string, options: AnswerOptions = {}): Answer {
  return converse(kb, rawQuestion, options).answer;
}

/** The story's people and sides as a follow-up reads them. */
export function castOf(kb: KnowledgeBase): Cast {
  return {
    pronounOf: (person) => kb.personById.get(person.slice(1))?.pronoun,
    speaks: (side) => speakersFor(kb, side).some((id) => kb.quotes.some((q) => q.speaker === id)),
    sideOf: (person) => {
      const country = kb.personById.get(person.slice(1))?.country;
      return country === undefined ? undefined : kb.analyzer.termOf(country);
    },
  };
}

/** Answers one message of a conversation, and says what it leaves for the next. */
export function converse(kb: KnowledgeBase, rawQuestion: string, options: AnswerOptions = {}): Exchange {
  const { trace } = options;
  const turns = options.context ?? [];
  const formerAsked = theFormerOne(rawQuestion, turns);
  if (formerAsked !== null) trace?.note(`follow-up: read as "${formerAsked}"`);
  const analysis = kb.analyzer.analyze((formerAsked ?? rawQuestion).slice(0, MAX_QUESTION_CHARS));
  const question = analysis.cleaned;
  const cast = castOf(kb);
  const at = options.now ?? Date.now();
  // Each clause reads against the conversation (pronouns within one message are the analyzer's).
  // "How much was the loan and who gave it?": a later clause's bare "it" is the clause before it.
  // With a subject of its own ("how many stops will it have?") it is read as it stands: the last
  // turn is further back than the clause before it.
  const readings: FollowUp[] = [];
  analysis.clauses.forEach((clause, i) => {
    const before = i === 0 ? undefined : analysis.clauses[i - 1];
    if (before === undefined || !/\b(?:it|them)\b/.test(clause.folded)) {
      readings.push(readFollowUp(clause, turns, cast));
      return;
    }
    const ownSubject = clause.terms.some((t) => !t.term.startsWith('#') && t.known && !t.entity);
    const earlier = readings[i - 1];
    const previous = earlier?.kind === 'resolved' ? earlier.clause : before;
    readings.push(
      ownSubject
        ? { kind: 'standalone' }
        : readFollowUp(clause, [...turns, clauseTurn(kb, previous, question, at)], cast),
    );
  });
  for (const reading of readings) if (reading.kind === 'resolved') trace?.note(`follow-up: ${reading.note}`);
  const context: MessageContext = {
    kb,
    analysis,
    question,
    turns,
    forceQuote: options.mode === 'quote',
    readings,
    padded: padded(question),
    intent: storyIntentOf(kb, paddedWords(question)),
    decideClause: (clause) => answerClause(kb, clause, question, options.mode === 'quote', trace).answer,
  };
  for (const rule of MESSAGE_RULES) {
    const answer = rule.decide(context);
    if (answer === null) continue;
    trace?.fired(rule.name);
    const decided = { ...answer, decidedBy: rule.name };
    const carried = readings.find(
      (r) => r.kind !== 'standalone' && r.kind !== 'resolved' && r.kind !== 'needs-context',
    );
    // "Tell me more" and "source?" keep talking about the same thing.
    return exchange(decided, () =>
      carried && 'turn' in carried
        ? { ...carried.turn, question, at }
        : turnOf(kb, question, RULES_WITH_A_SUBJECT.has(rule.name) ? analysis.whole : null, decided, at),
    );
  }

  const clauses = analysis.clauses.map((c, i) => {
    const reading = readings[i];
    return reading?.kind === 'resolved' ? reading.clause : c;
  });
  const resolvedAny = readings.some((r) => r.kind === 'resolved');
  const forceQuote = context.forceQuote;
  const parts = clauses.filter((c) => c.terms.length > 0);
  const whole = (): AnalyzedClause =>
    resolvedAny && parts.length === 1 ? (parts[0] as AnalyzedClause) : analysis.whole;
  let decided: ClauseResult;
  if (parts.length < 2) {
    decided = answerWithRemainder(kb, whole(), question, forceQuote, trace);
    const standalone = analysis.clauses[0];
    const reading = readings[0];
    // "No, I meant Theresa May", "and Starmer's?": when the last question about the new subject
    // finds nothing, or only the last answer again, the new subject is asked about on its own
    // (still with the last question's kind and words of asking: "what did she say", "his view").
    if (
      analysis.clauses.length === 1 &&
      reading?.kind === 'resolved' &&
      reading.note.startsWith('ellipsis') &&
      // Only a correction ("no, I meant...") was never about the last question's subject; "what
      // about Putin?" after the minerals deal still asks about the deal, and may be declined.
      // "The US did too?" may well be answered by the last answer again: it says so.
      ((!decided.answer.answered && CORRECTION.test(padded(question))) ||
        (reading.note !== ALSO_NOTE && repeatsLastAnswer(decided, turns)))
    ) {
      const alone = {
        ...reading.clause,
        terms: reading.clause.terms.filter((t) => t.position < INHERITED_POSITION),
      };
      const tried = answerWithRemainder(kb, alone, question, forceQuote, undefined);
      if (alone.terms.length > 0 && tried.answer.answered && !repeatsLastAnswer(tried, turns)) {
        trace?.note('the last question about the new subject found nothing new: the new subject on its own');
        decided = withTrace(tried, () => answerWithRemainder(kb, alone, question, forceQuote, trace), trace);
      }
    } else if (
      analysis.clauses.length === 1 &&
      reading?.kind === 'resolved' &&
      reading.note.startsWith('ellipsis') &&
      !decided.answer.answered &&
      lastClauseOf(turns)?.type === 'yes-no'
    ) {
      // "Is Starmer willing to send troops?" -> "what about Lavrov?": his stance on the subject
      // (troops), not whether he is willing to send any: the last question's topic words only.
      const topics = topicTermsOf(kb);
      // Their stance is what they said of it, asked as their words: someone the article never
      // quotes (Putin, after the minerals deal) gets no stance.
      const person = reading.clause.persons[0];
      const stance: AnalyzedClause = {
        ...reading.clause,
        terms: reading.clause.terms.filter(
          (t) => t.position < INHERITED_POSITION || t.entity || topics.has(t.term),
        ),
        quoteIntent: 'say',
        speakers: person === undefined ? [] : [person],
      };
      const tried =
        person !== undefined && stance.terms.length < reading.clause.terms.length
          ? answerWithRemainder(kb, stance, question, forceQuote, undefined)
          : undefined;
      if (
        tried?.answer.answered &&
        !repeatsLastAnswer(tried, turns) &&
        sharesATopic(kb, tried.answer, turns)
      ) {
        trace?.note(
          'the last yes/no question about the new subject found nothing: their stance on its topic',
        );
        decided = withTrace(tried, () => answerWithRemainder(kb, stance, question, forceQuote, trace), trace);
      }
    } else if (
      resolvedAny &&
      analysis.clauses.length === 1 &&
      standalone &&
      !(reading?.kind === 'resolved' && reading.note === ALSO_NOTE) &&
      repeatsLastAnswer(decided, turns)
    ) {
      // "Minerals?" after "who is Lavrov?": read with the last question it only gives the last
      // answer again; a keyword that has an answer of its own was a new question.
      // Tried without the trace, which then shows only the reading that was kept.
      const own = leansOnTheLast(standalone)
        ? undefined
        : answerWithRemainder(kb, standalone, question, forceQuote, undefined);
      if (own?.answer.answered && !repeatsLastAnswer(own, turns) && isKeywordOf(kb, standalone, own)) {
        trace?.note('follow-up reading only repeated the last answer: read on its own');
        decided = withTrace(
          own,
          () => answerWithRemainder(kb, standalone, question, forceQuote, trace),
          trace,
        );
      }
    }
  } else {
    const results = parts.map((clause) => answerWithRemainder(kb, clause, question, forceQuote, trace));
    const answered: ClauseResult[] = [];
    for (const result of results) {
      if (result.answer.answered && !answered.some((a) => a.answer.id === result.answer.id))
        answered.push(result);
    }
    if (answered.length === 0) {
      decided = answerWithRemainder(kb, analysis.whole, question, forceQuote, trace);
    } else {
      const last = answered.at(-1) as ClauseResult;
      const combined =
        answered.length === 1
          ? last.answer
          : combine(
              question,
              answered.map((a) => a.answer),
            );
      decided = { answer: withUnansweredParts(combined, results), clause: last.clause, substantive: true };
    }
  }
  const { answer, clause } = decided;
  return exchange(answer, () => turnOf(kb, question, clause, answer, at));
}

/**
 * The answer is about what the last answer was about: it holds a keyword of the last answer's
 * entries ("peacekeeping" after British troops), not only a word both happen to use ("deal" in
 * "peace deal" after the minerals deal).
 */
function sharesATopic(kb: KnowledgeBase, answer: Answer, turns: readonly Turn[]): boolean {
  const last = turns.at(-1);
  const first = answer.ids[0];
  const doc = first === undefined ? undefined : kb.index.documentIndex(first);
  if (!last || doc === undefined) return false;
  return last.ids.some((id) =>
    (kb.entryById.get(id)?.keywords ?? []).some((k) =>
      dataTermsOf(kb, k).some((term) => kb.index.documentHas(doc, term)),
    ),
  );
}

/** The terms of the entries' keywords: what the story's answers are about, per knowledge base. */
const topicTermsByKb = new WeakMap<KnowledgeBase, ReadonlySet<string>>();
function topicTermsOf(kb: KnowledgeBase): ReadonlySet<string> {
  let terms = topicTermsByKb.get(kb);
  if (!terms) {
    terms = new Set(kb.entries.flatMap((e) => e.keywords.flatMap((k) => dataTermsOf(kb, k))));
    topicTermsByKb.set(kb, terms);
  }
  return terms;
}

const LEANING_WORDS = new Set(
  'what who whom whose when where why how which and but so also too then else exactly'.split(' '),
);

/** The clause's words are all among one keyword of the entry that answers it ("minerals"). */
/** "Crucial for what?", "and the US?": a question word or a joining word leans on the last question. */
function leansOnTheLast(clause: AnalyzedClause): boolean {
  return clause.terms.length === 0 || wordsOf(clause.folded).some((w) => LEANING_WORDS.has(w));
}

function isKeywordOf(kb: KnowledgeBase, clause: AnalyzedClause, result: ClauseResult): boolean {
  const own = clause.terms.map((t) => t.term);
  const keywords = kb.entryById.get(result.answer.ids[0] ?? '')?.keywords ?? [];
  return (
    own.length > 0 &&
    keywords.some((keyword) => {
      const terms = new Set(kb.analyzer.termsOf(keyword));
      return own.every((t) => terms.has(t));
    })
  );
}

/** An earlier clause of the same message, as a turn a later clause can lean on (nothing answered yet). */
function clauseTurn(kb: KnowledgeBase, clause: AnalyzedClause, question: string, at: number): Turn {
  return turnOf(kb, question, clause, { answered: false, ids: [] }, at);
}

/**
 * A reading tried off the trace and kept: answered once more only when a trace is collecting
 * (--explain, the studio), so the trace shows the kept reading alone; otherwise the trial stands.
 */
function withTrace(tried: ClauseResult, traced: () => ClauseResult, trace: Trace | undefined): ClauseResult {
  return trace ? traced() : tried;
}

/** "No, I meant Theresa May", "sorry, I meant the foreign minister": the subject corrected. */
const CORRECTION = /^ (?:(?:no|sorry|oops|oh|ok|okay) )*(?:i meant|i mean|not (?:him|her|that) i meant)\b/;

/** The answer is the one the conversation's last turn already gave. */
function repeatsLastAnswer(result: ClauseResult, turns: readonly Turn[]): boolean {
  const last = turns.at(-1);
  const id = result.answer.ids[0];
  return result.answer.answered && last !== undefined && id !== undefined && last.ids.includes(id);
}

/**
 * Answers a clause, then looks at what the answer left unexplained: "what did Trump say about
 * guarantees and the economic deal" holds two questions without a question word between them.
 */
function answerWithRemainder(
  kb: KnowledgeBase,
  clause: AnalyzedClause,
  question: string,
  forceQuote: boolean,
  trace: Trace | undefined,
): ClauseResult {
  const first = answerClause(kb, clause, question, forceQuote, trace);
  const firstId = first.answer.ids[0];
  if (!first.answer.answered || firstId === undefined) return first;
  const doc = kb.index.documentIndex(firstId);
  if (doc === undefined) return first;
  const total = clause.terms.reduce((sum, t) => sum + kb.index.weightOf(t), 0);
  const left = clause.terms.filter((t) => !t.term.startsWith('#') && !kb.index.documentHas(doc, t.term));
  const leftWeight = left.reduce((sum, t) => sum + kb.index.weightOf(t), 0);
  // A story noun read along with a word the story never uses ("diplomacy", with "talks") is no
  // known word of its own.
  const unknownAt = new Set(left.filter((t) => !t.known).map((t) => t.position));
  const knownLeft = left.filter((t) => t.known && !unknownAt.has(t.position));
  if (knownLeft.length < REMAINDER_TERMS || leftWeight < REMAINDER_SHARE * total) return first;
  const persons = clause.terms.filter((t) => t.term.startsWith('#'));
  const rest = answerClause(
    kb,
    { ...clause, terms: [...persons, ...left], type: 'what' },
    question,
    forceQuote,
    trace,
  );
  if (!rest.answer.answered || rest.answer.ids.some((id) => first.answer.ids.includes(id))) return first;
  return { ...first, answer: combine(question, [first.answer, rest.answer]) };
}

/** Declines that say something about the part asked, unlike "nothing fits". */
const SPECIFIC_DECLINES = new Set(['known-gap', 'no-quote', 'judgement', 'unsupported-type']);

/** Says so when some part of a multi-part message could not be answered. */
function withUnansweredParts(answer: Answer, results: readonly ClauseResult[]): Answer {
  // A short part declined for a reason of its own ("how old is he?": no age given) is still a part.
  const missing = results.filter(
    (r) =>
      !r.answer.answered &&
      (r.substantive || r.clause.personalDetail !== null || SPECIFIC_DECLINES.has(r.answer.reason ?? '')),
  );
  if (missing.length === 0) return answer;
  const notes = [...new Set(missing.map((r) => r.answer.text.split('\n')[0] ?? ''))];
  return { ...answer, text: `${answer.text}\n\n${coreMessages.partNotAnswered(notes.join(' '))}` };
}

function answerClause(
  kb: KnowledgeBase,
  clause: AnalyzedClause,
  question: string,
  forceQuote: boolean,
  trace: Trace | undefined,
): ClauseResult {
  // A word of the story's language that no document holds ("president" where every president is
  // read as a name, "big", "two") cannot find anything; it would only make everything fit less.
  // "Is Lavrov Russia's defence minister?" is answered by who he is: only he is looked up.
  const named = readRoleHolder(kb, clause);
  const read = {
    ...named,
    terms: named.terms.filter(
      (t) =>
        (named.identityOf === null || t.term === named.identityOf) &&
        (t.entity || !t.known || /^\d/.test(t.term) || kb.index.hasTerm(t.term)),
    ),
  };
  trace?.clause(read);
  const substantive = read.terms.filter((t) => !t.term.startsWith('#')).length >= 2;
  const context = new ClauseContext(kb, read, question, forceQuote, trace);
  const answer = settleYesNo(context, decideClause(context));
  return { answer, clause: read, substantive };
}

/**
 * Message rules whose question has a subject a follow-up can lean on: after "the UK vs the US on
 * peacekeeping", "and Russia's?" is Russia's side of the same thing.
 */
const RULES_WITH_A_SUBJECT = new Set([
  'one-side-against-another',
  'two-figures-side-by-side',
  'people-from-a-country',
]);

/**
 * Answers a question after earlier ones (oldest first), as one user would have asked them in a
 * row: `ask --json` lines with a context, and the evaluation of follow-ups.
 */
export function answerAfter(
  kb: KnowledgeBase,
  question: string,
  earlier: readonly string[],
  options: Omit<AnswerOptions, 'context'> = {},
): Answer {
  const turns: Turn[] = [];
  const at = options.now ?? Date.now();
  for (const previous of earlier) {
    const { trace: _unused, ...rest } = options;
    turns.push(converse(kb, previous, { ...rest, context: turns, now: at }).turn);
  }
  return converse(kb, question, { ...options, context: turns, now: at }).answer;
}
