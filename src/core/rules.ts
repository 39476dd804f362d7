/**
 * The decision stage: an ordered list of named rules. Each rule looks at one clause of the
 * question (and what the index found for it) and either decides (returns an Answer) or passes.
 * The first rule that decides settles the clause; its name is the answer's `decidedBy`.
 *
 * Order matters and is the design: requests for someone's words first (a quote, or an honest
 * "the article doesn't quote them"), then known gaps against curated answers in score order,
 * then the article's own sentences, then the honest declines.
 */
import type { AnalyzedClause, QueryTerm } from './analyzer.ts';
import type { Answer, DeclineReason } from './answer.ts';
import { fits, PRONOUN_SURFACE, qualifiesPerson, supportsType } from './checks.ts';
import { INHERITED_POSITION } from './conversation.ts';
import type { KnowledgeBase } from './knowledge.ts';
import {
  articlePlaceAsked,
  EXACT_WORDS,
  NEGATIONS,
  PEOPLE_NOUNS,
  POSITION_WORDS,
  QUOTATION_MARKS_ASKED,
  SAY_WORDS,
  STRICT_TYPES,
  VIEW_WORDS,
  WH_WORDS,
  YES_NO_OPENERS,
  YES_NO_QUALIFIERS,
} from './lexicon.ts';
import { coreMessages } from './messages.ts';
import { countryOfPersonAnswer, positionAnswer, speakersFor } from './overview.ts';
import {
  articleQuoteAnswer,
  closeQuestions,
  decline,
  entryAnswer,
  passageAnswer,
  personSuggestions,
  quoteAnswer,
  runnersUpOf,
  sentenceAnswer,
  suggestionFor,
  suggestionsFrom,
} from './replies.ts';
import type { QuoteEntry } from './schema.ts';
import type { DocKind, ScoredDocument } from './search-index.ts';
import { foldText, MAY_MONTH, wordsOf } from './text.ts';
import type { Trace } from './trace.ts';

/** Tuned on our question sets (tests/eval/tuning); see docs/design.md. */
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

/** The share of a question's weight an answer must explain (its phrasings fully, its answer text in part). */
const COVER_FLOOR = 0.5;
const MAX_QUOTES_PER_SPEAKER = 3;
const DIRECT_QUOTE_BONUS = 0.1;
/** How rare (share of the rarest word's weight) a word must be to tell a gap's question apart. */
const GAP_TELLING_WEIGHT = 0.7;
/** Taken off a who-question's candidate that names nobody the question didn't. */
const WHO_WITHOUT_ANYONE_NEW = 0.15;
/** Added, for "who is X?", to an answer that opens with X's name: it says who they are. */
const DESCRIBES_THEM = 0.05;

/** Quotes answer only requests for someone's words; the Q&A entries cover every fact. */
const ANSWER_KINDS: ReadonlySet<DocKind> = new Set(['qa', 'gap']);
const QUOTE_KINDS: ReadonlySet<DocKind> = new Set(['quote']);
const SENTENCE_KINDS: ReadonlySet<DocKind> = new Set(['sentence']);

/**
 * The best curated candidate in score order: the first known gap the question really asks, or
 * the first answer above the threshold that can answer this kind of question.
 */
type Pick =
  | { readonly kind: 'gap'; readonly result: ScoredDocument }
  | { readonly kind: 'answer'; readonly result: ScoredDocument }
  | { readonly kind: 'none'; readonly typeMismatch: ScoredDocument | undefined };

/** One clause being decided, with what the index found for it (computed once, when a rule asks). */
export class ClauseContext {
  private cachedResults: ScoredDocument[] | undefined;
  private cachedPick: Pick | undefined;
  /** Every candidate any rule looked at: the runners-up come from here. */
  readonly seen: ScoredDocument[] = [];

  constructor(
    readonly kb: KnowledgeBase,
    readonly clause: AnalyzedClause,
    readonly question: string,
    readonly forceQuote: boolean,
    readonly trace: Trace | undefined,
  ) {}

  /** 'quote': the user asked for someone's words outright (or used the quote command). */
  get intent(): AnalyzedClause['quoteIntent'] {
    if (this.forceQuote) return 'quote';
    // "What did the Chamber of Commerce say?": the words of those who speak for it.
    if (this.clause.quoteIntent === 'none' && this.bodySpeakers.length > 0) return 'say';
    return this.clause.quoteIntent;
  }

  /** The people who speak for the body whose words are asked ("the union" -> its leader). */
  get bodySpeakers(): string[] {
    const { clause, kb } = this;
    const body = clause.viewOf;
    if (!clause.sayWord || body === null || body.startsWith('#') || clause.persons.length > 0) return [];
    // A curated answer that names the body and fits well says it better ("Russia has rejected...").
    const curated = this.curatedFit();
    if (
      curated !== undefined &&
      curated.score >= THRESHOLDS.afterQuote &&
      kb.index.documentHas(curated.doc, body) &&
      REPORTS_WORDS.test(kb.entryById.get(curated.id)?.answer ?? '')
    )
      return [];
    return speakersFor(kb, body).filter((id) => kb.quotes.some((q) => q.speaker === id));
  }

  get explicit(): boolean {
    return this.intent === 'quote';
  }

  /** Quote rules apply: words were asked for, and not a reason ("why did Trump say Kyiv started it?"). */
  get wordsAsked(): boolean {
    const asksReason = this.intent === 'say' && STRICT_TYPES.has(this.clause.type);
    return (this.intent !== 'none' || this.clause.silentSpeaker !== null) && !asksReason;
  }

  /** Person ids whose words are asked for. */
  get speakers(): string[] {
    const named = this.clause.speakers.map((term) => term.slice(1));
    return named.length > 0 ? named : this.bodySpeakers;
  }

  /** Those of the speakers the article quotes or reports. */
  get quoted(): string[] {
    return this.speakers.filter((id) => this.kb.quotes.some((q) => q.speaker === id));
  }

  /** What a quote request is about, besides who said it. */
  get topicTerms(): QueryTerm[] {
    const { clause } = this;
    return clause.terms.filter(
      (t) =>
        !clause.speakers.includes(t.term) &&
        !SAY_WORDS.has(t.surface) &&
        !qualifiesPerson(t, clause) &&
        // "What did the Russian official say?": the side's speakers; "official" is no subject.
        (this.bodySpeakers.length === 0 || (t.term !== clause.viewOf && !PEOPLE_NOUNS.has(t.surface))),
    );
  }

  /** The best Q&A entry that passes every check, whatever the threshold. */
  private curatedFit(): ScoredDocument | undefined {
    return this.results().find((r) => r.kind === 'qa');
  }

  /** Q&A entries and known gaps that pass every candidate check, best first. */
  results(): ScoredDocument[] {
    if (this.cachedResults === undefined) {
      const found = this.kb.index.search(this.clause.terms, ANSWER_KINDS, 12, this.clause.type);
      this.trace?.candidates(found);
      this.seen.push(...found);
      this.cachedResults = breakTies(
        this.kb,
        this.clause,
        rankForWho(
          this.kb,
          this.clause,
          found.filter((r) => fits(this.kb, r, this.clause, this.trace)),
        ),
      );
    }
    return this.cachedResults;
  }

  /** The threshold a curated answer must reach: higher when someone's words were asked and none fit. */
  get answerThreshold(): number {
    return this.wordsAsked && this.clause.speakers.length > 0 ? THRESHOLDS.afterQuote : THRESHOLDS.answer;
  }

  pick(): Pick {
    if (this.cachedPick) return this.cachedPick;
    let typeMismatch: ScoredDocument | undefined;
    let pick: Pick | undefined;
    for (const result of this.results()) {
      if (result.kind === 'gap') {
        // A gap is a specific question; the question must hold most of one of its phrasings
        // ("how many POUNDS will the UK spend" declines, "how much will the UK spend" does not).
        if (!supportsType(this.kb, result, this.clause, this.trace) || result.bestCp < THRESHOLDS.gapPhrasing)
          continue;
        if (result.score >= THRESHOLDS.gap) pick = { kind: 'gap', result };
        break;
      }
      if (result.score < this.answerThreshold) break;
      if (supportsType(this.kb, result, this.clause, this.trace)) {
        pick = { kind: 'answer', result };
        break;
      }
      typeMismatch ??= result;
    }
    this.cachedPick = pick ?? { kind: 'none', typeMismatch };
    return this.cachedPick;
  }

  /** The best article sentence that passes the checks and can answer this kind of question. */
  bestSentence(limit = 3): ScoredDocument | undefined {
    const found = this.kb.index.search(this.clause.terms, SENTENCE_KINDS, limit, this.clause.type);
    this.seen.push(...found);
    return found.find(
      (r) => fits(this.kb, r, this.clause, this.trace) && supportsType(this.kb, r, this.clause),
    );
  }
}

export interface DecisionRule {
  readonly name: string;
  /** One line: when the rule fires and what it decides. */
  readonly doc: string;
  decide(context: ClauseContext): Answer | null;
}

/**
 * "Who is urging Trump to give a backstop?" asks for someone the question doesn't name: an answer
 * naming only the people and countries already in the question (Trump's own position) ranks
 * below one that names someone new (Starmer, Europe).
 */
function rankForWho(kb: KnowledgeBase, clause: AnalyzedClause, results: ScoredDocument[]): ScoredDocument[] {
  // "Who is Lavrov?", "tell me about Lavrov": of the answers about him, the one that says who he is.
  const only = clause.terms.length === 1 ? clause.terms[0] : undefined;
  if ((clause.type === 'who' || clause.type === 'what') && only?.term.startsWith('#')) {
    const person = kb.personById.get(only.term.slice(1));
    const names = person ? [person.name, ...person.aliases].map((n) => n.toLowerCase()) : [];
    // "Tom Whitlock is a retired bus driver" says who he is; "Tom Whitlock, ..., told reporters" less so.
    const describes = (r: ScoredDocument): number => {
      const answer = kb.entryById.get(r.id)?.answer.toLowerCase() ?? '';
      const name = names.find((n) => answer.startsWith(n));
      if (name === undefined) return 0;
      return /^\s+(?:is|was)\b/.test(answer.slice(name.length)) ? DESCRIBES_THEM : DESCRIBES_THEM / 2;
    };
    return results
      .map((r) => ({ ...r, score: r.score + describes(r) }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
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

/** Scores this close are a tie, which file order should not settle. */
const TIE = 0.005;

/**
 * Equal scores: the answer that comes to what was asked first ("Gareth Lyle, chief executive of
 * the Chamber, ..." before "Traders remain divided. ... Gareth Lyle of the Chamber ...") is more
 * about it. Measured on the answer's text: where the first word the question names appears.
 */
function breakTies(kb: KnowledgeBase, clause: AnalyzedClause, results: ScoredDocument[]): ScoredDocument[] {
  const names = clause.terms.filter((t) => t.entity && t.known);
  if (names.length === 0 || results.length < 2) return results;
  // Computed once per result, not per comparison: reading an answer's terms is the costly part.
  const named = new Set(names.map((n) => n.term));
  const focusOf = new Map<ScoredDocument, number>();
  for (const r of results) {
    const reading = answerReading(kb, r.id);
    let focus = Number.POSITIVE_INFINITY;
    if (reading !== undefined) {
      const first = reading.terms.findIndex((term) => named.has(term));
      if (first !== -1) focus = first / Math.max(1, reading.words);
    }
    focusOf.set(r, focus);
  }
  const focus = (r: ScoredDocument): number => focusOf.get(r) as number;
  const bucket = (r: ScoredDocument): number => Math.round(r.score / TIE);
  return [...results].sort((a, b) => bucket(b) - bucket(a) || focus(a) - focus(b) || b.score - a.score);
}

/** An answer's terms in order and its number of words: what breakTies measures focus on. */
interface AnswerReading {
  readonly terms: readonly string[];
  readonly words: number;
}

/**
 * Per knowledge base, each answer read once, when a tie first needs it: the same answers tie
 * again and again, and reading one costs tens of microseconds. Bounded by the entries; goes
 * with its knowledge base.
 */
const answerReadings = new WeakMap<KnowledgeBase, Map<string, AnswerReading>>();

function answerReading(kb: KnowledgeBase, id: string): AnswerReading | undefined {
  const answer = kb.entryById.get(id)?.answer;
  if (answer === undefined) return undefined;
  let readings = answerReadings.get(kb);
  if (readings === undefined) {
    readings = new Map();
    answerReadings.set(kb, readings);
  }
  let reading = readings.get(id);
  if (reading === undefined) {
    reading = { terms: kb.analyzer.termsOf(answer), words: wordsOf(foldText(answer)).length };
    readings.set(id, reading);
  }
  return reading;
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

function gapDecline(context: ClauseContext, gap: ScoredDocument): Answer {
  const { kb, question, clause } = context;
  const entry = kb.gapById.get(gap.id);
  // "What does Germany spend on defence?": declined, but the gap's reply is about the UK.
  const aboutOther = clause.terms.some(
    (t) => (t.entity || /^(?:19|20)\d\d$/.test(t.term)) && !kb.index.documentHas(gap.doc, t.term),
  );
  if (aboutOther)
    return decline(
      question,
      'not-in-article',
      coreMessages.notInArticle,
      suggestionsFrom(kb, context.results()),
    );
  const see = (entry?.see ?? []).map((id) => suggestionFor(kb, id)).filter((s) => s !== null);
  return decline(question, 'known-gap', entry?.reply ?? coreMessages.notInArticle, see, gap);
}

/** A direct quote of the same speaker on the same subject as a reported one, nearest in the article first. */
function directWordsOnIt(kb: KnowledgeBase, reported: QuoteEntry): QuoteEntry | undefined {
  if (reported.topic === undefined) return undefined;
  // "p3.s2": paragraph 3, sentence 2.
  const at = (q: QuoteEntry): number => {
    const [, p = '0', sentence = '0'] = /^p(\d+)(?:\.s(\d+))?$/.exec(q.cites) ?? [];
    return Number(p) * 1000 + Number(sentence);
  };
  return kb.quotes
    .filter((q) => q.speaker === reported.speaker && q.kind === 'direct' && q.topic === reported.topic)
    .sort((a, b) => Math.abs(at(a) - at(reported)) - Math.abs(at(b) - at(reported)))[0];
}

/** Words of a quote below which it is a fragment ("collapsed", "drought status"), not a statement. */
const FRAGMENT_WORDS = 4;

/**
 * Direct quotes first. Asked what someone said (not for a quote), whole statements first, their
 * reported ones next, and fragments of direct speech last.
 */
function quoteOrder(quote: QuoteEntry, request: 'direct' | 'quote' | 'say'): number {
  if (quote.kind === 'reported') return 1;
  return request === 'say' && quote.text.split(/\s+/).length < FRAGMENT_WORDS ? 2 : 0;
}

/** The best quote of the speakers asked about that fits the question (direct ones first when asked outright). */
function bestQuote(context: ClauseContext): ScoredDocument | undefined {
  const { kb, clause, quoted } = context;
  const bySpeaker = (q: QuoteEntry): boolean => quoted.length === 0 || quoted.includes(q.speaker);
  const directBonus = context.explicit ? DIRECT_QUOTE_BONUS : 0;
  const found = kb.index.search(clause.terms, QUOTE_KINDS, 20);
  context.trace?.candidates(found);
  context.seen.push(...found);
  // "Who does Trump say should protect Ukraine?": of quotes that fit as well, one naming someone
  // the question does not ("Europe should take the lead") says who.
  const asked = new Set(clause.terms.filter((t) => t.entity).map((t) => t.term));
  const whoShould = WHO_THEY_SAY_SHOULD.test(` ${clause.folded} `);
  const namesAnother = (r: ScoredDocument): boolean =>
    whoShould &&
    [...(kb.answerEntities.get(r.id) ?? [])].some(
      (name) => !asked.has(name) && !quoted.includes(name.replace(/^#/, '')),
    );
  return found
    .filter((r) => bySpeaker(kb.quoteById.get(r.id) as QuoteEntry) && fits(kb, r, clause, context.trace))
    .map((r) => ({
      r,
      rank:
        r.score +
        (kb.quoteById.get(r.id)?.kind === 'direct' ? directBonus : 0) +
        (namesAnother(r) ? WHO_NAMED_BONUS : 0),
    }))
    .sort((a, b) => b.rank - a.rank)[0]?.r;
}

/** "Who does Trump say should…", "who do they think will…": who someone says does something. */
const WHO_THEY_SAY_SHOULD =
  / who (?:does|did|do) .*\b(?:say|says|said|think|thinks|want|wants|believe|believes)\b (?:should|will|would|must|ought|is|are|can|could)\b/;

/** What naming someone the question does not adds to a quote's rank for a who-question: a tie-break. */
const WHO_NAMED_BONUS = 0.01;

/** An answer that reports what someone said or did about it ("Russia has rejected..."), not who they are. */
const REPORTS_WORDS =
  /\b(?:say|says|said|claim(?:s|ed|ing)?|reject(?:s|ed|ing)?|urg(?:e|es|ed|ing)|describ(?:e|es|ed|ing)|call(?:s|ed|ing)?|told|tell|warn(?:s|ed|ing)?|argu(?:e|es|ed|ing)|insist(?:s|ed|ing)?|announc(?:e|es|ed|ing)|stat(?:e|es|ed|ing)|den(?:y|ies|ied|ying)|accus(?:e|es|ed|ing)|vot(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|back(?:s|ed|ing)?|oppos(?:e|es|ed|ing))\b/i;

/** "Did Trump call Zelensky a hero?": the verbs that give something a name. */
const NAMING_VERBS = new Set(
  'call calls called calling describe describes described describing label labels labelled labeled brand brands branded term termed dub dubbed'.split(
    ' ',
  ),
);
/** An answer that says what something was called. */
const NAMED_AS =
  /\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|led|ed)?|brand(?:s|ed)?|term(?:ed)?|dubb?(?:ed)?)\b/i;
/** What the deed itself is looked up with: a curated answer or an article sentence. */
const CALLED_RULES: DecisionRule[] = [];

/** The question is, word for word, the answering entry's question or one of its alternates. */
function isCuratedPhrasing(context: ClauseContext, fact: Answer): boolean {
  return isPhrasingOfAnswer(context.kb, context.clause, fact);
}

/** Whether a clause is word for word the question or an alternate of the entry that answers it. */
export function isPhrasingOfAnswer(kb: KnowledgeBase, clause: AnalyzedClause, fact: Answer): boolean {
  const entry = fact.kind === 'qa' && fact.id !== null ? kb.entryById.get(fact.id) : undefined;
  if (!entry) return false;
  const asked = wordsOf(clause.folded).join(' ');
  return [entry.question, ...entry.alternates].some(
    (phrasing) => wordsOf(foldText(phrasing)).join(' ') === asked,
  );
}

/** Words of degree ("big", "huge"), which describe what is asked without naming another subject. */
const DEGREE_WORDS = new Set([
  'big',
  'bigger',
  'biggest',
  'huge',
  'massive',
  'major',
  'small',
  'tiny',
  'little',
]);

/** Known gaps only, for looking up the one a question is written as. */
const GAP_KIND: ReadonlySet<DocKind> = new Set(['gap']);

/** A reply's own "Yes." or "No." in front of what it reports. */
const YES_OR_NO_LEAD = /^(?:Yes|No)\.\s+/;

/** Rules that find what the article reports; the judgement rule asks them for its "what it reports". */
const FACT_RULES: DecisionRule[] = [];

export const CLAUSE_RULES: readonly DecisionRule[] = [
  {
    name: 'gap-the-curators-wrote',
    doc: 'A question written word for word as a known gap\'s phrasing ("Why did America side with Russia?"): the gap\'s honest reply.',
    decide(context) {
      const asked = wordsOf(context.clause.folded).join(' ');
      const gap = context.kb.index.search(context.clause.terms, GAP_KIND, 3).find((r) => {
        const entry = context.kb.gapById.get(r.id);
        return [entry?.question ?? '', ...(entry?.alternates ?? [])].some(
          (phrasing) => wordsOf(foldText(phrasing)).join(' ') === asked,
        );
      });
      return gap ? gapDecline(context, gap) : null;
    },
  },
  {
    name: 'judgement-the-curators-answered',
    doc: 'A judgement-shaped question written word for word as an entry\'s phrasing ("will there be a cafe?"): the curators\' answer.',
    decide(context) {
      if (context.clause.judgement === null) return null;
      const fact = decideClause(context, FACT_RULES);
      return fact.answered && isCuratedPhrasing(context, fact) ? fact : null;
    },
  },
  {
    name: 'judgement-question',
    doc: 'Opinion, prediction, advice or truth-of-claim ("is the minister right?", "will prices rise again?"): the article doesn\'t judge; what it reports, cited.',
    decide(context) {
      const kind = context.clause.judgement;
      if (kind === null) return null;
      const fact = decideClause(context, FACT_RULES);
      const lead = coreMessages.judgement(kind);
      // "Will there be compensation?" that curators wrote a known gap for: their reply says more.
      if (!fact.answered && fact.reason === 'known-gap') return fact;
      if (!fact.answered) {
        return {
          ...decline(context.question, 'judgement', lead, fact.suggestions),
          runnersUp: fact.runnersUp,
        };
      }
      // "Is she right?" is not answered by the fact's own "Yes." ("What it reports: Yes. …").
      return declineReporting(fact, 'judgement', lead, fact.text.replace(YES_OR_NO_LEAD, ''));
    },
  },
  {
    name: 'side-never-quoted',
    doc: 'What a country or body said, when the article reports nothing from anyone speaking for it: decline.',
    decide(context) {
      const { kb, clause, question } = context;
      const side = clause.viewOf;
      if (side === null || side.startsWith('#') || !clause.sayWord || clause.persons.length > 0) return null;
      if (speakersFor(kb, side).some((id) => kb.quotes.some((q) => q.speaker === id))) return null;
      // A country the glossary never names is called as the reader typed it ("Turkey"), not by its term.
      const typed = clause.terms.find((t) => t.term === side)?.surface ?? side;
      const name =
        kb.places.find((p) => p.term === side)?.name ?? typed.replace(/\b[a-z]/g, (c) => c.toUpperCase());
      return decline(question, 'no-quote', coreMessages.noQuote(name), closeQuestions(kb, clause.terms));
    },
  },
  {
    name: 'silent-speaker',
    doc: 'Words or views asked of a body the article reports nothing from, or of a source it never mentions: decline.',
    decide(context) {
      const { clause, kb, question } = context;
      if (!context.wordsAsked || clause.silentSpeaker === null) return null;
      return decline(
        question,
        'no-quote',
        coreMessages.noQuote(clause.silentSpeaker),
        suggestionsFrom(kb, kb.index.search(clause.terms, new Set(['qa']), 6)),
      );
    },
  },
  {
    name: 'speaker-never-quoted',
    doc: 'Words asked of people the article neither quotes nor reports: "the article doesn\'t quote them".',
    decide(context) {
      const { kb, question, speakers } = context;
      if (!context.wordsAsked || speakers.length === 0 || context.quoted.length > 0) return null;
      const name = kb.personById.get(speakers[0] ?? '')?.name ?? 'them';
      return decline(
        question,
        'no-quote',
        coreMessages.noQuote(name),
        personSuggestions(kb, speakers[0] ?? ''),
      );
    },
  },
  {
    name: 'view-of-someone-never-reported',
    doc: '"What does the mayor think of the plan?", of someone the article neither quotes nor reports: decline.',
    decide(context) {
      const { kb, clause, question } = context;
      const holder = clause.viewOf;
      if (holder === null || !holder.startsWith('#')) return null;
      const id = holder.slice(1);
      if (kb.quotes.some((q) => q.speaker === id)) return null;
      const name = kb.personById.get(id)?.name ?? 'them';
      return decline(question, 'no-quote', coreMessages.noQuote(name), personSuggestions(kb, id));
    },
  },
  {
    name: 'article-passage-by-place',
    doc: '"Give me the opening line word for word": the paragraph or sentence at that place, verbatim.',
    decide(context) {
      if (!context.wordsAsked || !context.explicit) return null;
      const place = articlePlaceAsked(context.clause.folded);
      if (!place) return null;
      const count = context.kb.article.paragraphs.length;
      // "Quote paragraph 15" of a nine-paragraph article: there is no such paragraph.
      if (place[0] >= count) {
        return decline(context.question, 'not-in-article', coreMessages.noSuchParagraph(count), []);
      }
      return passageAnswer(context.kb, context.question, place);
    },
  },
  {
    name: 'everything-they-said',
    doc: '"Quote the mayor", with no subject: the speaker\'s words, direct quotes first.',
    decide(context) {
      const { kb, clause, question, quoted } = context;
      if (!context.wordsAsked || context.topicTerms.length > 0 || quoted.length === 0) return null;
      const request = clause.directQuote ? 'direct' : context.explicit ? 'quote' : 'say';
      const theirs = kb.quotes
        .filter((q) => quoted.includes(q.speaker))
        .sort((a, b) => quoteOrder(a, request) - quoteOrder(b, request))
        .slice(0, MAX_QUOTES_PER_SPEAKER);
      return quoteAnswer(kb, question, theirs, 1, request);
    },
  },
  {
    name: 'their-words-on-it',
    doc: 'Words asked on a subject: the best-fitting quote of the speaker (or anyone, when nobody is named).',
    decide(context) {
      const { kb, clause, question, quoted } = context;
      if (!context.wordsAsked || clause.articleQuote) return null;
      const best = bestQuote(context);
      // Naming the speaker already narrows the quotes down; what is asked about must still match.
      const threshold = quoted.length > 0 ? THRESHOLDS.quoteRequest : THRESHOLDS.answer;
      if (!best || best.score < threshold) return null;
      if (topicCover(kb, best.doc, context.topicTerms) < THRESHOLDS.quoteTopic) return null;
      const quote = kb.quoteById.get(best.id) as QuoteEntry;
      // "His exact words?" of a statement the article only reports: his direct words on that
      // subject first, then the article's account.
      const ownWords = clause.directQuote || EXACT_WORDS.test(clause.folded);
      const direct = ownWords && quote.kind === 'reported' ? directWordsOnIt(kb, quote) : undefined;
      if (direct) return quoteAnswer(kb, question, [direct, quote], best.score, 'direct');
      return quoteAnswer(kb, question, withSameSentence(kb, quote), best.score);
    },
  },
  {
    name: 'article-sentence-of-their-quote',
    doc: '"Quote the bit where the mayor describes her rival": the article sentence holding the quote that fits.',
    decide(context) {
      const { kb, clause, question } = context;
      if (!context.wordsAsked || !context.explicit || !clause.articleQuote || clause.persons.length === 0)
        return null;
      if (QUOTATION_MARKS_ASKED.test(clause.folded)) return null;
      const quote = kb.index.search(clause.terms, QUOTE_KINDS, 5).find((r) => fits(kb, r, clause));
      const cites = quote && quote.score >= THRESHOLDS.answer ? kb.quoteById.get(quote.id)?.cites : undefined;
      const sentenceDoc = cites === undefined ? undefined : kb.index.documentIndex(cites);
      if (cites === undefined || sentenceDoc === undefined || !quote) return null;
      return articleQuoteAnswer(kb, question, { ...quote, doc: sentenceDoc, kind: 'sentence', id: cites });
    },
  },
  {
    name: 'article-quoted-on-subject',
    doc: '"Quote the article on ..." (or "which word is in quotation marks"): the article sentence that fits.',
    decide(context) {
      const { kb, clause, question } = context;
      if (!context.wordsAsked || !context.explicit) return null;
      const marks = QUOTATION_MARKS_ASKED.test(clause.folded);
      const sentence = kb.index
        .search(clause.terms, SENTENCE_KINDS, 5)
        .find((r) => fits(kb, r, clause) && (!marks || /[“"]/.test(kb.citationOf.get(r.id)?.excerpt ?? '')));
      if (!sentence || sentence.score < THRESHOLDS.articleQuote) return null;
      return articleQuoteAnswer(kb, question, sentence);
    },
  },
  {
    name: 'nothing-from-them-on-it',
    doc: 'Words asked of a quoted person on a subject none of their words cover (outright, or about only names): decline.',
    decide(context) {
      const { kb, clause, question, quoted } = context;
      if (!context.wordsAsked || quoted.length === 0) return null;
      // "What did Trump say about Starmer": asked what one person said about another person or a
      // country, and none of their words mention them. A fact naming both is not what they said.
      const topic = context.topicTerms;
      const aboutOnlyNames = topic.length > 0 && topic.every((t) => t.entity);
      if (!context.explicit && !aboutOnlyNames) return null; // the Q&A entries may still know
      const name = kb.personById.get(quoted[0] ?? '')?.name ?? 'them';
      const others = kb.index.search(clause.terms, new Set(['qa']), 6).filter((r) => fits(kb, r, clause));
      return decline(question, 'no-quote', coreMessages.noQuoteOnTopic(name), suggestionsFrom(kb, others));
    },
  },
  {
    name: 'called-something-else',
    doc: '"Did the mayor call the plan a triumph?", when the article says she called it something else: what she called it.',
    decide(context) {
      const { kb, clause } = context;
      if (clause.type !== 'yes-no') return null;
      const naming = clause.terms.find((t) => NAMING_VERBS.has(t.surface));
      if (naming === undefined) return null;
      // What it was called: the words after the naming verb that no answer holds.
      const label = clause.terms.filter(
        (t) => t.position > naming.position && !t.entity && !(t.known && kb.index.hasTerm(t.term)),
      );
      if (label.length === 0) return null;
      const without = new Set(label);
      const deed = new ClauseContext(
        kb,
        { ...clause, terms: clause.terms.filter((t) => !without.has(t)) },
        context.question,
        context.forceQuote,
        undefined,
      );
      const answer = decideClause(deed, CALLED_RULES);
      if (!answer.answered || !NAMED_AS.test(answer.text)) return null;
      // Everyone named must be in it: what Trump called Zelensky is no answer about Putin.
      const doc = kb.index.documentIndex(answer.ids[0] ?? '');
      const named = clause.terms.filter((t) => t.entity);
      if (doc === undefined || named.some((t) => !kb.index.documentHas(doc, t.term))) return null;
      return { ...answer, text: `${coreMessages.notInThoseWords} ${answer.text.replace(LEADING_LABEL, '')}` };
    },
  },
  {
    name: 'known-gap',
    doc: 'A curated question the article does not answer matches best: decline with its honest reply.',
    decide(context) {
      const pick = context.pick();
      return pick.kind === 'gap' ? gapDecline(context, pick.result) : null;
    },
  },
  {
    name: 'gap-holds-a-telling-word',
    doc: 'A known gap holds a rare word of the question that the best answer lacks ("how did the mayor react"): decline.',
    decide(context) {
      const { kb, clause } = context;
      const pick = context.pick();
      if (pick.kind !== 'answer') return null;
      const answer = pick.result;
      const gap = context.results().find(
        (g) =>
          g.kind === 'gap' &&
          g.score >= THRESHOLDS.gapBacking &&
          supportsType(kb, g, clause) &&
          // "Does Garside fly to Dublin?": a gap about the routes, which leaves out the one asked
          // about that the answer names, is about something else.
          !clause.terms.some(
            (t) =>
              t.entity &&
              t.term.startsWith('#') &&
              // "How's he paying for it?": one meant, not named, leaves the gap's subject open.
              !PRONOUN_SURFACE.test(t.surface) &&
              kb.index.documentHas(answer.doc, t.term) &&
              !kb.index.documentHas(g.doc, t.term),
          ) &&
          clause.terms.some(
            (t) =>
              // "Did he promise big commitments?": a word of degree tells no other subject.
              !DEGREE_WORDS.has(t.surface) &&
              kb.index.weightOf(t) >= GAP_TELLING_WEIGHT * kb.index.rarestWeight &&
              kb.index.documentHas(g.doc, t.term) &&
              !kb.index.documentHas(answer.doc, t.term),
          ),
      );
      return gap ? gapDecline(context, gap) : null;
    },
  },
  {
    name: 'position-of-a-side',
    doc: '"What does Russia think?", "the UK\'s position": what the side\'s speakers said, when nothing else is asked.',
    decide(context) {
      const { kb, clause, question } = context;
      const side = clause.viewOf;
      // "How did Trump respond?" asks for a reaction, not where he stands.
      if (!wordsOf(clause.folded).some((w) => POSITION_WORDS.has(w))) return null;
      // "The UK's position": the view word itself asks nothing more.
      const asksMore = context.topicTerms.some(
        (t) => t.term !== side && !t.entity && t.known && !VIEW_WORDS.has(t.surface),
      );
      if (side === null || asksMore) return null;
      if (clause.terms.some((t) => t.entity && t.term !== side)) return null;
      const answer = positionAnswer(kb, question, side);
      if (answer === null) return null;
      const name = side.startsWith('#')
        ? (kb.personById.get(side.slice(1))?.name ?? side)
        : (kb.places.find((p) => p.term === side)?.name ?? side);
      return { ...answer, text: `${coreMessages.positionOf(name)}\n${answer.text}` };
    },
  },
  {
    name: 'figure-beyond-its-time',
    doc: '"Will the UK get to 3% eventually?": a figure the best answer lacks, asked beyond the time the article reports: it doesn\'t say; what it reports.',
    decide(context) {
      const { kb, clause } = context;
      if (clause.type !== 'yes-no' || !BEYOND_ITS_TIME.test(clause.folded)) return null;
      const pick = context.pick();
      if (pick.kind !== 'answer') return null;
      const { doc } = pick.result;
      if (!clause.terms.some((t) => /^\d/.test(t.term) && !kb.index.documentHas(doc, t.term))) return null;
      const fact = entryAnswer(kb, context.question, pick.result);
      return declineReporting(fact, 'not-in-article', coreMessages.beyondItsTime, fact.text);
    },
  },
  {
    name: 'answer-leaves-the-question-open',
    doc: 'The best answer leaves too much of what was asked unexplained ("how big is the British navy?" -> spending): decline.',
    decide(context) {
      const pick = context.pick();
      if (pick.kind !== 'answer' || pick.result.cover >= COVER_FLOOR) return null;
      const results = context.results();
      return decline(
        context.question,
        'not-in-article',
        coreMessages.notInArticle,
        suggestionsFrom(context.kb, results),
        pick.result,
      );
    },
  },
  {
    name: 'curated-answer',
    doc: 'The best Q&A entry reaches the threshold and can answer this kind of question: its answer.',
    decide(context) {
      const pick = context.pick();
      return pick.kind === 'answer' ? entryAnswer(context.kb, context.question, pick.result) : null;
    },
  },
  {
    name: 'where-a-name-is-mentioned',
    doc: '"Whitcombe & Lyle": a name of the story alone, in no phrasing: the entry, else the sentence, naming it.',
    decide(context) {
      const { kb, clause } = context;
      const names = clause.terms;
      if (clause.type !== 'what' && clause.type !== 'who') return null;
      if (context.intent !== 'none' || clause.personalDetail !== null || names.length === 0) return null;
      if (!names.every((t) => t.known && t.similarity === 1 && (t.entity || t.term.startsWith('#'))))
        return null;
      const namesAll = (r: ScoredDocument): boolean =>
        names.every((t) => kb.index.documentHas(r.doc, t.term));
      const entry = context.results().find((r) => r.kind === 'qa' && namesAll(r));
      if (entry) return entryAnswer(kb, context.question, entry);
      const sentence = kb.index.search(names, SENTENCE_KINDS, 3).find(namesAll);
      return sentence ? sentenceAnswer(kb, context.question, sentence) : null;
    },
  },
  {
    name: 'article-sentence',
    doc: 'No curated answer, but one article sentence fits very well: that sentence, saying it is uncurated.',
    decide(context) {
      const sentence = context.bestSentence();
      if (!sentence || sentence.score < THRESHOLDS.sentence) return null;
      return sentenceAnswer(context.kb, context.question, sentence);
    },
  },
  {
    name: 'country-of-a-person',
    doc: '"Which country is he from?", "what nationality is she?": the country the glossary gives that person, cited.',
    decide(context) {
      const { kb, clause, question } = context;
      const person = clause.persons[0];
      if (person === undefined || clause.persons.length > 1 || !COUNTRY_OF_SOMEONE.test(` ${clause.folded} `))
        return null;
      return countryOfPersonAnswer(kb, question, person.slice(1));
    },
  },
  {
    name: 'personal-detail-not-given',
    doc: '"How old is he?", "where was she born?": nothing fits, so name the detail the article doesn\'t give.',
    decide(context) {
      const { kb, clause, question } = context;
      const person = clause.persons[0];
      if (clause.personalDetail === null || person === undefined) return null;
      const name = kb.personById.get(person.slice(1))?.name ?? person.slice(1);
      return decline(
        question,
        'not-in-article',
        coreMessages.noPersonalDetail(name, clause.personalDetail),
        personSuggestions(kb, person.slice(1)),
      );
    },
  },
  {
    name: 'unsupported-question-type',
    doc: 'An entry fits but cannot answer why/when/where/how many: "the article doesn\'t say when".',
    decide(context) {
      const pick = context.pick();
      if (pick.kind !== 'none' || !pick.typeMismatch) return null;
      const text = coreMessages.unsupportedType(context.clause.type);
      return decline(
        context.question,
        'unsupported-type',
        text,
        suggestionsFrom(context.kb, context.results()),
        pick.typeMismatch,
      );
    },
  },
  {
    name: 'not-in-article',
    doc: 'Nothing fits well enough: "the article doesn\'t say", with close questions.',
    decide(context) {
      const results = context.results();
      return decline(
        context.question,
        'not-in-article',
        coreMessages.notInArticle,
        suggestionsFrom(context.kb, results),
        results[0],
      );
    },
  },
];

FACT_RULES.push(
  ...CLAUSE_RULES.filter(
    (rule) => rule.name !== 'judgement-question' && rule.name !== 'judgement-the-curators-answered',
  ),
);
CALLED_RULES.push(
  ...CLAUSE_RULES.filter((rule) => rule.name === 'curated-answer' || rule.name === 'article-sentence'),
);

/** Runs the rules in order; the first that decides names the answer. */
export function decideClause(context: ClauseContext, rules: readonly DecisionRule[] = CLAUSE_RULES): Answer {
  for (const rule of rules) {
    const answer = rule.decide(context);
    if (answer === null) continue;
    context.trace?.fired(rule.name);
    return { ...answer, decidedBy: rule.name, runnersUp: runnersUp(context, answer) };
  }
  // not-in-article always decides; this only satisfies the type checker.
  return closeQuestionsDecline(context);
}

function runnersUp(context: ClauseContext, answer: Answer): Answer['runnersUp'] {
  const best = new Map<string, ScoredDocument>();
  for (const r of context.seen) {
    const key = `${r.kind}:${r.id}`;
    if ((best.get(key)?.score ?? -1) < r.score) best.set(key, r);
  }
  return runnersUpOf(
    [...best.values()].sort((a, b) => b.score - a.score),
    answer.ids,
  );
}

function closeQuestionsDecline(context: ClauseContext): Answer {
  return decline(
    context.question,
    'not-in-article',
    coreMessages.notInArticle,
    closeQuestions(context.kb, context.clause.terms),
  );
}

/** "Which country is he from?", "what nationality is she?", "where is Lavrov from?". */
const COUNTRY_OF_SOMEONE =
  /\b(?:which|what) (?:country|nation|nationality)\b.*\b(?:from|represent|represents|serve|serves)\b|\bwhat nationality\b|\bwhat country (?:is|does|did) \S+(?: \S+)? (?:belong to|come from)\b|^ where (?:is|does|did) (?:\S+ ){1,3}(?:from|come from) \W*$/;

/** The months as foldText leaves them: May the month is one word of its own (MAY_MONTH). */
const MONTH_NAMES =
  `january february march april ${MAY_MONTH} june july august september october november december`.split(' ');
/** A month a bound is set against ("before October"), not the month asked about. */
const MONTH_BOUND =
  /\b(?:before|after|by|since|around|than|beyond|past)\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?$/;

/**
 * "Is the ban until October?" of an answer giving 30 September: the month asked is not the
 * answer's, which gives another. A month after "before", "by", "after"… sets a bound and is
 * left to the answer's words ("before October" may well be so).
 */
function wrongMonth(question: string, text: string): boolean {
  const folded = wordsOf(question).join(' ');
  const answerText = ` ${wordsOf(foldText(text)).join(' ')} `;
  const inAnswer = MONTH_NAMES.filter((m) => answerText.includes(` ${m} `));
  if (inAnswer.length === 0) return false;
  const asked = MONTH_NAMES.filter((m) => {
    const at = ` ${folded} `.indexOf(` ${m} `);
    if (at < 0) return false;
    return !MONTH_BOUND.test(folded.slice(0, at));
  });
  return asked.length > 0 && asked.every((m) => !inAnswer.includes(m));
}

/**
 * "Is the company based in Leeds?" -> "based in Halifax": the question puts it in a place the
 * story never names, where the answer puts it in one with a name.
 */
function wrongPlace(clause: AnalyzedClause, text: string): boolean {
  const words = wordsOf(clause.folded);
  const unknownAt = new Set(
    clause.terms.filter((t) => !t.known && !/^\d/.test(t.term)).map((t) => t.position),
  );
  const asksAPlace = words.some(
    (w, i) => PLACE_PREPOSITIONS.has(w) && unknownAt.has(i + 1) && i + 2 === words.length,
  );
  return asksAPlace && /\b(?:in|at|from) (?:the )?[A-Z][a-z]+/.test(text);
}
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from']);

/**
 * A decline that still gives what the article reports ("The article doesn't predict that… What it
 * reports: …"), cited as the fact is, but no answer of any entry's.
 */
function declineReporting(fact: Answer, reason: DeclineReason, lead: string, reported: string): Answer {
  return {
    ...fact,
    answered: false,
    kind: 'none',
    reason,
    text: `${lead} ${coreMessages.whatItReports}\n${reported}`,
    id: null,
    ids: [],
  };
}

/** Words asking past the time an article reports: "eventually", "in the longer term". */
const BEYOND_ITS_TIME =
  /\b(?:eventually|in the long(?:er)? (?:term|run)|long(?:er)? term|one day|someday|some day|down the line|in years to come)\b/;

/** A curated answer's own "Yes." or "No." before its facts. */
const CURATED_YES_NO = /^(?:Yes|No)[.,:;!]\s+(\S)/;

/** "Zelensky: Trump called...": a curated answer's short answer, which reads as "no, Zelensky" after a yes/no question. */
export const LEADING_LABEL = /^[A-Z][^:.!?“”"]{0,50}: (?=[A-Z])/;

/**
 * A yes/no question's answer starts with No when the answer corrects a name or a figure the
 * question got wrong ("Is Zelensky going to Moscow?" -> Washington). Otherwise it is given as it
 * is (curated answers may start "Yes" or "No" themselves), without a leading short answer that
 * could read as a reply ("Zelensky: ..." after "is Trump a dictator?").
 */
export function settleYesNo(context: ClauseContext, answer: Answer): Answer {
  const { kb, clause } = context;
  if (!answer.answered || answer.reason !== null) return answer;
  // "Yes. The agency declared a drought on 12 August" answers "has it declared one?", not "when?".
  if (clause.type !== 'yes-no')
    return {
      ...answer,
      text: answer.text.replace(CURATED_YES_NO, (_, first: string) => first.toUpperCase()),
    };
  const text = answer.text.replace(LEADING_LABEL, '');
  const id = answer.ids[0];
  // The answer settles it itself ("Yes: ...").
  if (/^(?:yes|no)\b/i.test(text)) return { ...answer, text };
  const doc = id === undefined ? undefined : kb.index.documentIndex(id);
  if (doc === undefined) return { ...answer, text };
  const missing = (t: QueryTerm): boolean => !kb.index.documentHas(doc, t.term);
  const wrongFigure = clause.terms.some((t) => /^\d/.test(t.term) && missing(t)) && /\d/.test(text);
  // Its curator said it answers no yes/no question: only a figure it contradicts is a plain No
  // ("did it cost £4 million?" -> "No. The restoration cost £3.4 million").
  if (id !== undefined && kb.entryById.get(id)?.answers?.includes('yes-no') === false)
    return { ...answer, text: wrongFigure ? `${coreMessages.no} ${text}` : text };
  const slip = clause.terms.some((t) => t.entity && t.known && missing(t) && !qualifiesPerson(t, clause));
  const everyTermSaid = clause.terms.every((t) => !missing(t));
  if (
    slip ||
    wrongFigure ||
    wrongMonth(clause.folded, text) ||
    wrongPlace(clause, text) ||
    (everyTermSaid && figureInAnotherRole(clause, context.question, text))
  )
    return { ...answer, text: `${coreMessages.no} ${text}` };
  if (affirms(kb, clause, context.question, text)) return { ...answer, text: `${coreMessages.yes} ${text}` };
  // Otherwise the answer is given as it is: whether it means yes or no is for its words to say
  // ("Will the range still be made?" -> "It will be discontinued").
  return { ...answer, text };
}

/** The terms an answer's own words read as, per knowledge base: answers are few, questions many. */
const termsOfAnswerText = new WeakMap<KnowledgeBase, Map<string, ReadonlySet<string>>>();

function answerTextTerms(kb: KnowledgeBase, text: string): ReadonlySet<string> {
  let byText = termsOfAnswerText.get(kb);
  if (!byText) {
    byText = new Map();
    termsOfAnswerText.set(kb, byText);
  }
  let terms = byText.get(text);
  if (!terms) {
    terms = new Set(kb.analyzer.termsOfMessage(text).map((t) => t.term));
    byText.set(text, terms);
  }
  return terms;
}

/**
 * "Did Trump call Zelensky a dictator?" -> "Yes. Trump called...": the answer's own words say
 * everything the question asks, and neither denies anything nor qualifies it ("only", "also";
 * "not", "rejected", "against"), so its words settle it as a yes. Whatever else is for the
 * reader to read ("Has Trump promised guarantees?" -> "I'm not going to make...").
 */
function affirms(kb: KnowledgeBase, clause: AnalyzedClause, question: string, text: string): boolean {
  const asked = clause.terms.filter((t) => t.position < INHERITED_POSITION);
  // "Did Theresa May" alone asks nothing of her; "UK spending increase?" is no question of whether.
  if (!asked.some((t) => !t.entity) || asked.some((t) => !t.known)) return false;
  if (!YES_NO_OPENERS.has(wordsOf(clause.folded)[0] ?? '')) return false;
  // The whole message: "did May also call for 3%?" may be read in two clauses.
  const questionWords = wordsOf(foldText(question));
  // "...and which other country?", "and by when?" ask more than whether.
  if (questionWords.some((w) => NEGATIONS.has(w) || YES_NO_QUALIFIERS.has(w) || WH_WORDS.has(w)))
    return false;
  // "Holds 22 billion litres when full, was at 31%", "just 97mm": the answer qualifies it too.
  if (wordsOf(foldText(text)).some((w) => NEGATIONS.has(w) || YES_NO_QUALIFIERS.has(w))) return false;
  const said = answerTextTerms(kb, text);
  if (!asked.every((t) => said.has(t.term))) return false;
  return !figureInAnotherRole(clause, question, text);
}

/**
 * "Will the UK raise spending to 2.3%?" -> "from 2.3% to 2.5%": a figure of the question is in the
 * answer, but as where something starts rather than where it goes (or the other way round); a
 * figure asked plainly ("spend 2.5%") is where it goes.
 */
function figureInAnotherRole(clause: AnalyzedClause, question: string, text: string): boolean {
  const questionWords = wordsOf(foldText(question));
  const answerWords = wordsOf(foldText(text));
  return clause.terms.some(
    (t) =>
      /^\d/.test(t.term) &&
      answerWords.includes(t.term) &&
      startsFrom(questionWords, t.term) !== startsFrom(answerWords, t.term),
  );
}

/** Whether a figure is where something starts in a text ("from 2.3%"), not where it goes ("to 2.5%"). */
function startsFrom(words: readonly string[], figure: string): boolean {
  const at = words.indexOf(figure);
  return at > 0 && words[at - 1] === 'from';
}
