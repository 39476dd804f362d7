/**
 * The answer engine: a question in, one Answer out. Pure and synchronous.
 *
 * Pipeline (docs/design.md has the reasons):
 *  1. analyse: clean, split into clauses, correct spelling, stem, read aliases (analyzer.ts);
 *  2. nothing to look up -> help or "ask a question";
 *  3. score each clause against the index (search-index.ts), in quote mode when words are asked for;
 *  4. decide: a curated answer at or above the threshold, a known gap, a quote, an article
 *     sentence that clearly fits, or an honest "the article doesn't say" with close questions;
 *  5. a multi-part message gets an answer per part.
 */
import type { AnalyzedClause, QueryTerm } from './analyzer.ts';
import type { Answer, QuoteDetails, Suggestion } from './answer.ts';
import type { KnowledgeBase } from './knowledge.ts';
import {
  articlePlaceAsked,
  PRECISE_TIME,
  QUOTATION_MARKS_ASKED,
  SAY_WORDS,
  STRICT_TYPES,
} from './lexicon.ts';
import { coreMessages } from './messages.ts';
import type { QuoteEntry } from './schema.ts';
import type { DocKind, ScoredDocument } from './search-index.ts';
import { hasWordCharacters, MAX_QUESTION_CHARS } from './text.ts';

/** Tuned on our question sets (tests/eval and independently written ones); see docs/design.md. */
export const THRESHOLDS = {
  /** A curated answer (entry or quote) needs at least this score. */
  answer: 0.5,
  /** A known gap scoring this much declines when it holds a rare word of the question the answer lacks. */
  gapBacking: 0.45,
  /** A known gap declines only when the question holds at least this share of one of its phrasings. */
  gapPhrasing: 0.6,
  /** A known gap declines when it scores at least this and beats every answer. */
  gap: 0.45,
  /** An uncurated article sentence must fit this well to be offered. */
  sentence: 0.8,
  /** Below this, a document is not worth suggesting. */
  suggestion: 0.2,

  /** A quote from the person asked about, when their words were asked for explicitly. */
  quoteRequest: 0.3,
  /** An article sentence given as a quote ("quote the article on ..."). */
  articleQuote: 0.45,
  /** How much of what a quote request is about (besides the speaker) the quote must cover. */
  quoteTopic: 0.5,
  /**
   * "What did Trump say about X" where none of Trump's words fit: a Q&A answer must fit better
   * than usual, since it reports facts, not what he said.
   */
  afterQuote: 0.65,
} as const;

const MAX_SUGGESTIONS = 3;
const MAX_QUOTES_PER_SPEAKER = 3;
const DIRECT_QUOTE_BONUS = 0.1;
/** How rare (share of the rarest word's weight) a word must be to tell a gap's question apart. */
const GAP_TELLING_WEIGHT = 0.7;
/** Taken off a who-question's candidate that names nobody the question didn't. */
const WHO_WITHOUT_ANYONE_NEW = 0.15;
/** A second question hides in one clause when this much of it is left unexplained... */
const REMAINDER_SHARE = 0.3;
/** ...and at least this many of the leftover words carry meaning. */
const REMAINDER_TERMS = 2;

export interface AnswerOptions {
  /** 'quote': the user asked for quotes (the quote command), whatever the words. */
  readonly mode?: 'auto' | 'quote';
}

/** Quotes answer only requests for someone's words; the Q&A entries cover every fact. */
const ANSWER_KINDS: ReadonlySet<DocKind> = new Set(['qa', 'gap']);
const QUOTE_KINDS: ReadonlySet<DocKind> = new Set(['quote']);
const SENTENCE_KINDS: ReadonlySet<DocKind> = new Set(['sentence']);
const SUGGESTION_KINDS: ReadonlySet<DocKind> = new Set(['qa']);

interface ClauseResult {
  readonly answer: Answer;
  /** For combining parts: the clause had something to look up. */
  readonly substantive: boolean;
}

export function answerQuestion(kb: KnowledgeBase, rawQuestion: string, options: AnswerOptions = {}): Answer {
  const analysis = kb.analyzer.analyze(rawQuestion.slice(0, MAX_QUESTION_CHARS));
  const question = analysis.cleaned;
  if (!hasWordCharacters(question)) return decline(question, 'empty', coreMessages.empty, popular(kb));
  if (analysis.smallTalk)
    return decline(question, 'small-talk', coreMessages.smallTalk(kb.story.title), popular(kb));
  const forceQuote = options.mode === 'quote';
  if (analysis.clauses.every((c) => c.terms.length === 0) && !forceQuote) {
    return decline(question, 'empty', coreMessages.empty, popular(kb));
  }

  const parts = analysis.clauses.filter((c) => c.terms.length > 0);
  if (parts.length < 2) return answerWithRemainder(kb, analysis.whole, question, forceQuote).answer;

  const results = parts.map((clause) => answerWithRemainder(kb, clause, question, forceQuote));
  const answered: Answer[] = [];
  for (const { answer } of results) {
    if (answer.answered && !answered.some((a) => a.id === answer.id)) answered.push(answer);
  }
  if (answered.length === 0) return answerWithRemainder(kb, analysis.whole, question, forceQuote).answer;
  const combined = answered.length === 1 ? (answered[0] as Answer) : combine(question, answered);
  return withUnansweredParts(combined, results);
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
): ClauseResult {
  const first = answerClause(kb, clause, question, forceQuote);
  const firstId = first.answer.ids[0];
  if (!first.answer.answered || firstId === undefined) return first;
  const doc = kb.index.documentIndex(firstId);
  if (doc === undefined) return first;
  const total = clause.terms.reduce((sum, t) => sum + kb.index.weightOf(t), 0);
  const left = clause.terms.filter((t) => !t.term.startsWith('#') && !kb.index.documentHas(doc, t.term));
  const leftWeight = left.reduce((sum, t) => sum + kb.index.weightOf(t), 0);
  if (left.filter((t) => t.known).length < REMAINDER_TERMS || leftWeight < REMAINDER_SHARE * total)
    return first;
  const persons = clause.terms.filter((t) => t.term.startsWith('#'));
  const rest = answerClause(
    kb,
    { ...clause, terms: [...persons, ...left], type: 'what' },
    question,
    forceQuote,
  );
  if (!rest.answer.answered || rest.answer.ids.some((id) => first.answer.ids.includes(id))) return first;
  return { answer: combine(question, [first.answer, rest.answer]), substantive: first.substantive };
}

/** Joins the answers to several parts of one message into one answer. */
function combine(question: string, parts: readonly Answer[]): Answer {
  const first = parts[0] as Answer;
  return {
    ...first,
    question,
    text: parts.map((p) => p.text).join('\n\n'),
    citations: parts.flatMap((p) => p.citations),
    confidence: Math.min(...parts.map((p) => p.confidence)),
    ids: parts.flatMap((p) => p.ids),
    quotes: parts.flatMap((p) => p.quotes),
    decidedBy: first.decidedBy,
    runnersUp: first.runnersUp,
    suggestions: dedupeSuggestions(
      parts.flatMap((p) => p.suggestions),
      new Set(parts.flatMap((p) => p.ids)),
    ),
  };
}

/** Says so when some part of a multi-part message could not be answered. */
function withUnansweredParts(answer: Answer, results: readonly ClauseResult[]): Answer {
  const missing = results.filter((r) => !r.answer.answered && r.substantive);
  if (missing.length === 0) return answer;
  const notes = [...new Set(missing.map((r) => r.answer.text.split('\n')[0] ?? ''))];
  return { ...answer, text: `${answer.text}\n\n${coreMessages.partNotAnswered(notes.join(' '))}` };
}

function answerClause(
  kb: KnowledgeBase,
  clause: AnalyzedClause,
  question: string,
  forceQuote: boolean,
): ClauseResult {
  const substantive = clause.terms.filter((t) => !t.term.startsWith('#')).length >= 2;
  const intent = forceQuote ? 'quote' : clause.quoteIntent;
  let threshold: number = THRESHOLDS.answer;
  // "Why did Trump say Kyiv started it?" asks for a reason, which his words are not.
  const asksReason = intent === 'say' && STRICT_TYPES.has(clause.type);
  if ((intent !== 'none' || clause.silentSpeaker !== null) && !asksReason) {
    const quoted = answerQuoteRequest(kb, clause, question, intent === 'quote');
    if (quoted) return { answer: quoted, substantive };
    if (clause.speakers.length > 0) threshold = THRESHOLDS.afterQuote;
  }

  const results = rankForWho(
    kb,
    clause,
    kb.index.search(clause.terms, ANSWER_KINDS, 12, clause.type).filter((r) => fits(kb, r, clause)),
  );
  const suggestions = suggestionsFrom(kb, results);
  let typeMismatch: ScoredDocument | undefined;
  for (const result of results) {
    if (result.kind === 'gap') {
      // A gap is a specific question; the question must hold most of one of its phrasings
      // ("how many POUNDS will the UK spend" declines, "how much will the UK spend" does not).
      if (!supportsType(kb, result.id, clause) || result.bestCp < THRESHOLDS.gapPhrasing) continue;
      if (result.score < THRESHOLDS.gap) break;
      const gap = kb.gapById.get(result.id);
      const see = (gap?.see ?? []).map((id) => suggestionFor(kb, id)).filter((s) => s !== null);
      return {
        answer: decline(question, 'known-gap', gap?.reply ?? coreMessages.notInArticle, see, result),
        substantive,
      };
    }
    if (result.score < threshold) break;
    if (supportsType(kb, result.id, clause)) {
      // "How did Trump react to the 2.5% pledge?": a rare word of the question that this answer
      // lacks and a known gap holds ("react") says the question is the gap's.
      const gap = results.find(
        (g) =>
          g.kind === 'gap' &&
          g.score >= THRESHOLDS.gapBacking &&
          supportsType(kb, g.id, clause) &&
          clause.terms.some(
            (t) =>
              kb.index.weightOf(t) >= GAP_TELLING_WEIGHT * kb.index.rarestWeight &&
              kb.index.documentHas(g.doc, t.term) &&
              !kb.index.documentHas(result.doc, t.term),
          ),
      );
      if (gap) {
        const entry = kb.gapById.get(gap.id);
        const see = (entry?.see ?? []).map((id) => suggestionFor(kb, id)).filter((s) => s !== null);
        return {
          answer: decline(question, 'known-gap', entry?.reply ?? coreMessages.notInArticle, see, gap),
          substantive,
        };
      }
      return { answer: answerFor(kb, question, result), substantive };
    }
    typeMismatch ??= result;
  }

  const sentence = kb.index
    .search(clause.terms, SENTENCE_KINDS, 3, clause.type)
    .find((r) => fits(kb, r, clause) && supportsType(kb, r.id, clause));
  if (sentence && sentence.score >= THRESHOLDS.sentence) {
    return { answer: sentenceAnswer(kb, question, sentence), substantive };
  }
  if (typeMismatch) {
    const text = coreMessages.unsupportedType(clause.type);
    return { answer: decline(question, 'unsupported-type', text, suggestions, typeMismatch), substantive };
  }
  return {
    answer: decline(question, 'not-in-article', coreMessages.notInArticle, suggestions, results[0]),
    substantive,
  };
}

/**
 * Hard requirements before any score counts: every person, country or body the question names
 * must appear in the document, and so must any year, and any figure a why/when/where/how-many
 * question gives ("when will the UK reach 3%"), or it answers something else.
 */
function fits(kb: KnowledgeBase, result: ScoredDocument, clause: AnalyzedClause): boolean {
  if (result.kind === 'gap') return true; // declining is always safe
  const strict = STRICT_TYPES.has(clause.type);
  // "Will the UK hit 3% by 2030?": one wrong figure is a guess to correct, but a question built
  // on several figures, none of which the answer gives, is about some other plan or claim.
  const figures = clause.terms.filter((t) => /^\d/.test(t.term));
  if (figures.length >= 2 && !figures.some((t) => kb.index.documentHas(result.doc, t.term))) return false;
  let missingEntities = 0;
  for (const term of clause.terms) {
    // "Is Lavrov the Russian president?": only who is asked about must be in the answer.
    if (clause.identityOf !== null && term.term !== clause.identityOf) continue;
    const entity = term.entity && !qualifiesPerson(term, clause);
    // "What will UK defence spending be in 2030?": a year sets the time the question is about.
    const year = /^(?:19|20)\d\d$/.test(term.term) && clause.type !== 'yes-no';
    if (!entity && !year && !(strict && /^\d/.test(term.term))) continue;
    if (kb.index.documentHas(result.doc, term.term)) continue;
    // "Is Zelensky going to Moscow?": a yes/no question may get one name wrong when the answer
    // holds everything else it asks; the answer (Washington) corrects it. Any other question
    // naming what the answer lacks asks about something else.
    if (
      entity &&
      // Only a name from the story can be a slip: "did China vote with the US" asks about China.
      kb.storyEntities.has(term.term) &&
      clause.type === 'yes-no' &&
      missingEntities === 0 &&
      holdsEverythingElse(kb, result, clause)
    ) {
      missingEntities++;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * "Who is urging Trump to give a backstop?" asks for someone the question doesn't name: an answer
 * naming only the people and countries already in the question (Trump's own position) ranks
 * below one that names someone new (Starmer, Europe).
 */
function rankForWho(kb: KnowledgeBase, clause: AnalyzedClause, results: ScoredDocument[]): ScoredDocument[] {
  // "Who is Lavrov?" names only the person asked about: that answer rightly names no one new.
  const asksWhoDidWhat = clause.persons.length > 0 && clause.terms.some((t) => !t.entity);
  if (clause.type !== 'who' || !asksWhoDidWhat) return results;
  const named = new Set(clause.terms.map((t) => t.term));
  const namesSomeoneNew = (r: ScoredDocument): boolean =>
    r.kind !== 'qa' || [...(kb.answerEntities.get(r.id) ?? [])].some((e) => !named.has(e));
  return results
    .map((r) => (namesSomeoneNew(r) ? r : { ...r, score: r.score - WHO_WITHOUT_ANYONE_NEW }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/** The document holds every known word of the question that is not a name. */
function holdsEverythingElse(kb: KnowledgeBase, result: ScoredDocument, clause: AnalyzedClause): boolean {
  return clause.terms.every((t) => t.entity || !t.known || kb.index.documentHas(result.doc, t.term));
}

/** "Britain's ex-premier": the country only says which person is meant. */
function qualifiesPerson(term: QueryTerm, clause: AnalyzedClause): boolean {
  return (
    !term.term.startsWith('#') &&
    clause.terms.some((t) => t.term.startsWith('#') && t.position === term.position + 1)
  );
}

/**
 * Why/when/where/how-many questions need an answer that says why, when, where or how many.
 * A known gap declines only the kind of question it was written for.
 */
function supportsType(kb: KnowledgeBase, id: string, clause: AnalyzedClause): boolean {
  const types = kb.answerTypes.get(id);
  if (!types) return false;
  if (clause.happened && kb.entryById.get(id)?.planned) return false;
  if (!clause.happened && kb.happenedGaps.has(id)) return false;
  if (clause.precision !== null && !kb.gapById.has(id)) {
    // "What time is Zelensky arriving?": "on Friday" is a day, not a time.
    const text = kb.entryById.get(id)?.answer ?? kb.citationOf.get(id)?.excerpt ?? '';
    if (!PRECISE_TIME[clause.precision].test(text)) return false;
  }
  if (STRICT_TYPES.has(clause.type)) return types.has(clause.type);
  if (!kb.gapById.has(id)) return true;
  return [...types].some((t) => !STRICT_TYPES.has(t));
}

/** A request for someone's words: their quotes, or an honest "the article doesn't quote them". */
function answerQuoteRequest(
  kb: KnowledgeBase,
  clause: AnalyzedClause,
  question: string,
  explicit: boolean,
): Answer | null {
  if (clause.silentSpeaker !== null) {
    return decline(
      question,
      'no-quote',
      coreMessages.noQuote(clause.silentSpeaker),
      suggestionsFrom(kb, kb.index.search(clause.terms, SUGGESTION_KINDS, 6)),
    );
  }
  const speakers = clause.speakers.map((term) => term.slice(1));
  const quoted = speakers.filter((id) => kb.quotes.some((q) => q.speaker === id));
  if (speakers.length > 0 && quoted.length === 0) {
    const name = kb.personById.get(speakers[0] ?? '')?.name ?? 'them';
    return decline(
      question,
      'no-quote',
      coreMessages.noQuote(name),
      personSuggestions(kb, speakers[0] ?? ''),
    );
  }
  const topicTerms = clause.terms.filter(
    (t) => !clause.speakers.includes(t.term) && !SAY_WORDS.has(t.surface) && !qualifiesPerson(t, clause),
  );
  const bySpeaker = (q: QuoteEntry): boolean => quoted.length === 0 || quoted.includes(q.speaker);

  // "Quote Trump": no subject, so show what they said, direct quotes first.
  if (topicTerms.length === 0 && quoted.length > 0) {
    const theirs = kb.quotes
      .filter(bySpeaker)
      .sort((a, b) => Number(a.kind === 'reported') - Number(b.kind === 'reported'))
      .slice(0, MAX_QUOTES_PER_SPEAKER);
    return quoteAnswer(kb, question, theirs, 1, requestOf(clause, explicit));
  }

  if (!clause.articleQuote) {
    // Asked outright for a quote, the person's own words rank above the article's report of them.
    const directBonus = explicit ? DIRECT_QUOTE_BONUS : 0;
    const best = kb.index
      .search(clause.terms, QUOTE_KINDS, 20)
      .filter((r) => bySpeaker(kb.quoteById.get(r.id) as QuoteEntry) && fits(kb, r, clause))
      .map((r) => ({ r, rank: r.score + (kb.quoteById.get(r.id)?.kind === 'direct' ? directBonus : 0) }))
      .sort((a, b) => b.rank - a.rank)[0]?.r;
    // Naming the speaker already narrows the quotes down; what is asked about must still match.
    const threshold = quoted.length > 0 ? THRESHOLDS.quoteRequest : THRESHOLDS.answer;
    if (best && best.score >= threshold && topicCover(kb, best.doc, topicTerms) >= THRESHOLDS.quoteTopic) {
      return quoteAnswer(
        kb,
        question,
        withSameSentence(kb, kb.quoteById.get(best.id) as QuoteEntry),
        best.score,
      );
    }
  }
  if (explicit) {
    // "Give me the opening line word for word": a place in the article, not a subject.
    const place = articlePlaceAsked(clause.folded);
    if (place) return passageAnswer(kb, question, place);
    // "Quote the article on ...": the article's own words are a quote too. "Which word is in
    // quotation marks": only sentences that quote something.
    const marks = QUOTATION_MARKS_ASKED.test(clause.folded);
    if (clause.articleQuote && clause.persons.length > 0 && !marks) {
      // "Quote the bit where Trump describes Zelensky": the sentence of the quote that fits.
      const quote = kb.index.search(clause.terms, QUOTE_KINDS, 5).find((r) => fits(kb, r, clause));
      const cites = quote && quote.score >= THRESHOLDS.answer ? kb.quoteById.get(quote.id)?.cites : undefined;
      const sentenceDoc = cites === undefined ? undefined : kb.index.documentIndex(cites);
      if (cites !== undefined && sentenceDoc !== undefined && quote) {
        return articleQuoteAnswer(kb, question, { ...quote, doc: sentenceDoc, kind: 'sentence', id: cites });
      }
    }
    const sentence = kb.index
      .search(clause.terms, SENTENCE_KINDS, 5)
      .find((r) => fits(kb, r, clause) && (!marks || /[“"]/.test(kb.citationOf.get(r.id)?.excerpt ?? '')));
    if (sentence && sentence.score >= THRESHOLDS.articleQuote)
      return articleQuoteAnswer(kb, question, sentence);
  }
  if (quoted.length === 0) return null; // no one named: let the Q&A entries try
  // "What did Trump say about Starmer": asked what one person said about another person or a
  // country, and none of their words mention them. A fact naming both is not what they said.
  const aboutOnlyNames = topicTerms.length > 0 && topicTerms.every((t) => t.entity);
  if (!explicit && !aboutOnlyNames) return null; // "what did Trump say about X": the Q&A entries may still know
  const name = kb.personById.get(quoted[0] ?? '')?.name ?? 'them';
  const others = kb.index.search(clause.terms, SUGGESTION_KINDS, 6).filter((r) => fits(kb, r, clause));
  return decline(question, 'no-quote', coreMessages.noQuoteOnTopic(name), suggestionsFrom(kb, others));
}

/**
 * A quote and whatever else the same speaker says in the same sentence: "he told reporters: ...,
 * adding that the US would gain financially" is one statement.
 */
function withSameSentence(kb: KnowledgeBase, quote: QuoteEntry): QuoteEntry[] {
  return [
    quote,
    ...kb.quotes.filter((q) => q.id !== quote.id && q.speaker === quote.speaker && q.cites === quote.cites),
  ];
}

/** The share of the subject's weight (the words besides the speaker) a document holds. */
function topicCover(kb: KnowledgeBase, doc: number, topicTerms: readonly QueryTerm[]): number {
  let total = 0;
  let covered = 0;
  for (const term of topicTerms) {
    // An unknown word may be chatter ("popping up with advice"); it counts, but half.
    const weight = kb.index.weightOf(term) * (term.known ? 1 : 0.5);
    total += weight;
    if (kb.index.documentHas(doc, term.term)) covered += weight * term.similarity;
  }
  return total === 0 ? 1 : covered / total;
}

function quoteAnswer(
  kb: KnowledgeBase,
  question: string,
  quotes: readonly QuoteEntry[],
  confidence: number,
  /** 'say': what did X say; 'quote': their words asked for; 'direct': a direct quote asked for. */
  request: 'say' | 'quote' | 'direct' = 'say',
): Answer {
  const details = quotes.map((q): QuoteDetails => {
    const person = kb.personById.get(q.speaker);
    return {
      id: q.id,
      speaker: q.speaker,
      speakerName: person?.name ?? q.speaker,
      speakerRole: person?.role ?? '',
      kind: q.kind,
      text: q.text,
      context: q.context,
    };
  });
  const citations = quotes.map((q) => kb.citationOf.get(q.id)).filter((c) => c !== undefined);
  // Asked for someone's words and the article only reports them: say so first, then give its
  // account; asked for a direct quote of them, that is a decline.
  const reportedOnly = request === 'say' ? undefined : onlyReported(kb, quotes);
  const person = reportedOnly === undefined ? undefined : kb.personById.get(reportedOnly);
  const note =
    reportedOnly === undefined
      ? ''
      : `${coreMessages.noDirectQuote(person?.name ?? reportedOnly, person?.pronoun ?? 'they')}\n`;
  const text = `${note}${details.map(renderQuote).join('\n')}`;
  if (request === 'direct' && reportedOnly !== undefined) {
    return decline(question, 'no-quote', text, relatedToTopic(kb, (quotes[0] as QuoteEntry).topic));
  }
  const first = quotes[0] as QuoteEntry;
  return {
    question,
    answered: true,
    kind: 'quote',
    reason: null,
    text,
    citation: citations[0] ?? null,
    citations,
    confidence: round(Math.min(1, confidence)),
    id: first.id,
    ids: quotes.map((q) => q.id),
    suggestions: relatedToTopic(kb, first.topic),
    quotes: details,
    decidedBy: 'quote-request',
    runnersUp: [],
  };
}

function requestOf(clause: AnalyzedClause, explicit: boolean): 'say' | 'quote' | 'direct' {
  if (clause.directQuote) return 'direct';
  return explicit ? 'quote' : 'say';
}

/**
 * The one speaker of these quotes, when the article only reports them and never quotes them
 * directly; undefined otherwise.
 */
function onlyReported(kb: KnowledgeBase, quotes: readonly QuoteEntry[]): string | undefined {
  const speakers = new Set(quotes.map((q) => q.speaker));
  const only = speakers.size === 1 ? [...speakers][0] : undefined;
  if (only === undefined || kb.quotes.some((q) => q.speaker === only && q.kind === 'direct'))
    return undefined;
  return only;
}

export function renderQuote(quote: QuoteDetails): string {
  const who = quote.speakerRole ? `${quote.speakerName}, ${quote.speakerRole}` : quote.speakerName;
  return quote.kind === 'direct'
    ? `${who} (${quote.context}): “${quote.text}”`
    : `${who} (${quote.context}; ${coreMessages.reportedSpeech}): “${quote.text}”`;
}

function answerFor(kb: KnowledgeBase, question: string, scored: ScoredDocument): Answer {
  if (scored.kind === 'quote') {
    return quoteAnswer(kb, question, [kb.quoteById.get(scored.id) as QuoteEntry], scored.score);
  }
  const entry = kb.entryById.get(scored.id);
  const suggestions = (entry?.related ?? [])
    .slice(0, MAX_SUGGESTIONS)
    .map((id) => suggestionFor(kb, id))
    .filter((s) => s !== null);
  return citedAnswer(kb, question, scored, 'qa', entry?.answer ?? '', suggestions);
}

function articleQuoteAnswer(kb: KnowledgeBase, question: string, scored: ScoredDocument): Answer {
  const citation = kb.citationOf.get(scored.id);
  const details: QuoteDetails = {
    id: scored.id,
    speaker: 'article',
    speakerName: coreMessages.theArticle,
    speakerRole: '',
    kind: 'direct',
    text: citation?.excerpt ?? '',
    context: citation ? `paragraph ${citation.paragraph.slice(1)}` : '',
  };
  return citedAnswer(kb, question, scored, 'quote', renderQuote(details), [], [details]);
}

/** A paragraph or sentence asked for by its place ("the first line", "the last paragraph"), verbatim. */
function passageAnswer(
  kb: KnowledgeBase,
  question: string,
  [p, sIndex]: readonly [number, number | null],
): Answer {
  const paragraphs = kb.article.paragraphs;
  const paragraph = paragraphs.at(p) ?? (paragraphs[0] as (typeof paragraphs)[number]);
  const sentence = sIndex === null ? null : (paragraph.sentences.at(sIndex) ?? null);
  const text = sentence?.text ?? paragraph.text;
  const citation = { paragraph: paragraph.id, sentences: sentence ? [sentence.id] : [], excerpt: text };
  const details: QuoteDetails = {
    id: sentence?.id ?? paragraph.id,
    speaker: 'article',
    speakerName: coreMessages.theArticle,
    speakerRole: '',
    kind: 'direct',
    text,
    context: `paragraph ${paragraph.number}`,
  };
  return {
    question,
    answered: true,
    kind: 'quote',
    reason: null,
    text: renderQuote(details),
    citation,
    citations: [citation],
    confidence: 1,
    id: details.id,
    ids: [details.id],
    suggestions: [],
    quotes: [details],
    decidedBy: 'article-passage',
    runnersUp: [],
  };
}

function sentenceAnswer(kb: KnowledgeBase, question: string, scored: ScoredDocument): Answer {
  const excerpt = kb.citationOf.get(scored.id)?.excerpt ?? '';
  return citedAnswer(kb, question, scored, 'sentence', coreMessages.fromArticle(excerpt), []);
}

/** An answer resting on one document, cited. */
function citedAnswer(
  kb: KnowledgeBase,
  question: string,
  scored: ScoredDocument,
  kind: Answer['kind'],
  text: string,
  suggestions: readonly Suggestion[],
  quotes: readonly QuoteDetails[] = [],
): Answer {
  const citation = kb.citationOf.get(scored.id) ?? null;
  return {
    question,
    answered: true,
    kind,
    reason: null,
    text,
    citation,
    citations: citation ? [citation] : [],
    confidence: round(Math.min(1, scored.score)),
    id: scored.id,
    ids: [scored.id],
    suggestions,
    quotes,
    decidedBy: kind,
    runnersUp: [],
  };
}

function decline(
  question: string,
  reason: NonNullable<Answer['reason']>,
  text: string,
  suggestions: readonly Suggestion[],
  best?: ScoredDocument,
): Answer {
  return {
    question,
    answered: false,
    kind: 'none',
    reason,
    text,
    citation: null,
    citations: [],
    confidence: round(best ? Math.min(1, best.score) : 0),
    id: reason === 'known-gap' && best ? best.id : null,
    ids: reason === 'known-gap' && best ? [best.id] : [],
    suggestions: suggestions.slice(0, MAX_SUGGESTIONS),
    quotes: [],
    decidedBy: reason,
    runnersUp: [],
  };
}

function suggestionFor(kb: KnowledgeBase, id: string): Suggestion | null {
  const entry = kb.entryById.get(id);
  return entry ? { id, question: entry.question } : null;
}

/** Close questions: the best-scoring entries, or an entry about the quote a result points to. */
function suggestionsFrom(kb: KnowledgeBase, results: readonly ScoredDocument[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const r of results) {
    if (r.score < THRESHOLDS.suggestion || r.kind !== 'qa') continue;
    const s = suggestionFor(kb, r.id);
    if (s && !out.some((o) => o.id === s.id)) out.push(s);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

function relatedToTopic(kb: KnowledgeBase, topic: string): Suggestion[] {
  return kb.entries
    .filter((e) => e.topic === topic)
    .slice(0, MAX_SUGGESTIONS)
    .map((e) => ({ id: e.id, question: e.question }));
}

function personSuggestions(kb: KnowledgeBase, personId: string): Suggestion[] {
  const search = kb.index.search(
    [{ term: `#${personId}`, similarity: 1, known: true }],
    SUGGESTION_KINDS,
    MAX_SUGGESTIONS,
  );
  return suggestionsFrom(kb, search);
}

function dedupeSuggestions(list: readonly Suggestion[], exclude: ReadonlySet<string>): Suggestion[] {
  const seen = new Set(exclude);
  const out: Suggestion[] = [];
  for (const s of list) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    out.push(s);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}

/** A few questions to offer when there is nothing closer: the first entry of each topic. */
export function popular(kb: KnowledgeBase, count = MAX_SUGGESTIONS): Suggestion[] {
  const seenTopics = new Set<string>();
  const out: Suggestion[] = [];
  for (const entry of kb.entries) {
    if (seenTopics.has(entry.topic)) continue;
    seenTopics.add(entry.topic);
    out.push({ id: entry.id, question: entry.question });
    if (out.length === count) break;
  }
  return out;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
