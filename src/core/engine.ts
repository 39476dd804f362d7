/**
 * The answer engine: a question in, one Answer out. Pure and synchronous.
 *
 * Pipeline (docs/design.md has the reasons):
 *  1. analyse: clean, split into clauses, correct spelling, stem, read aliases (analyzer.ts);
 *  2. nothing to look up -> help or "ask a question";
 *  3. each clause is decided by the ordered, named rules of rules.ts (quotes, known gaps,
 *     curated answers, article sentences, honest declines);
 *  4. a multi-part message gets an answer per part.
 */
import type { AnalyzedClause } from './analyzer.ts';
import type { Answer } from './answer.ts';
import type { KnowledgeBase } from './knowledge.ts';
import { coreMessages } from './messages.ts';
import { combine, decline, popular } from './replies.ts';
import { ClauseContext, decideClause } from './rules.ts';
import { hasWordCharacters, MAX_QUESTION_CHARS } from './text.ts';
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
}

interface ClauseResult {
  readonly answer: Answer;
  /** For combining parts: the clause had something to look up. */
  readonly substantive: boolean;
}

/** A decline decided before any clause is looked at. */
function messageDecline(
  question: string,
  rule: string,
  reason: NonNullable<Answer['reason']>,
  text: string,
  kb: KnowledgeBase,
  trace: Trace | undefined,
): Answer {
  trace?.fired(rule);
  return { ...decline(question, reason, text, popular(kb)), decidedBy: rule };
}

export function answerQuestion(kb: KnowledgeBase, rawQuestion: string, options: AnswerOptions = {}): Answer {
  const { trace } = options;
  const analysis = kb.analyzer.analyze(rawQuestion.slice(0, MAX_QUESTION_CHARS));
  const question = analysis.cleaned;
  if (!hasWordCharacters(question))
    return messageDecline(question, 'empty-message', 'empty', coreMessages.empty, kb, trace);
  if (analysis.smallTalk)
    return messageDecline(
      question,
      'small-talk',
      'small-talk',
      coreMessages.smallTalk(kb.story.title),
      kb,
      trace,
    );
  const forceQuote = options.mode === 'quote';
  if (analysis.clauses.every((c) => c.terms.length === 0) && !forceQuote) {
    return messageDecline(question, 'nothing-to-look-up', 'empty', coreMessages.empty, kb, trace);
  }

  const parts = analysis.clauses.filter((c) => c.terms.length > 0);
  if (parts.length < 2) return answerWithRemainder(kb, analysis.whole, question, forceQuote, trace).answer;

  const results = parts.map((clause) => answerWithRemainder(kb, clause, question, forceQuote, trace));
  const answered: Answer[] = [];
  for (const { answer } of results) {
    if (answer.answered && !answered.some((a) => a.id === answer.id)) answered.push(answer);
  }
  if (answered.length === 0)
    return answerWithRemainder(kb, analysis.whole, question, forceQuote, trace).answer;
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
  if (left.filter((t) => t.known).length < REMAINDER_TERMS || leftWeight < REMAINDER_SHARE * total)
    return first;
  const persons = clause.terms.filter((t) => t.term.startsWith('#'));
  const rest = answerClause(
    kb,
    { ...clause, terms: [...persons, ...left], type: 'what' },
    question,
    forceQuote,
    trace,
  );
  if (!rest.answer.answered || rest.answer.ids.some((id) => first.answer.ids.includes(id))) return first;
  return { answer: combine(question, [first.answer, rest.answer]), substantive: first.substantive };
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
  trace: Trace | undefined,
): ClauseResult {
  trace?.clause(clause);
  const substantive = clause.terms.filter((t) => !t.term.startsWith('#')).length >= 2;
  const answer = decideClause(new ClauseContext(kb, clause, question, forceQuote, trace));
  return { answer, substantive };
}
