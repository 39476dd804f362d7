/**
 * The JSON form of an answer: what `ask --json` prints per question and what the studio's
 * GET /api/ask returns, built in one place so the two never drift apart.
 */
import type { Answer } from './answer.ts';

export interface AnswerJson {
  readonly question: string;
  readonly answered: boolean;
  readonly kind: Answer['kind'];
  readonly reason: Answer['reason'];
  readonly text: string;
  readonly citation: {
    readonly paragraph: string;
    readonly sentences: readonly string[];
    readonly excerpt: string;
  } | null;
  readonly citations: readonly { readonly paragraph: string; readonly excerpt: string }[];
  readonly score: number;
  readonly id: string | null;
  readonly ids: readonly string[];
  readonly suggestions: readonly { readonly id: string; readonly question: string }[];
  readonly decided_by: string;
  readonly runners_up: readonly { readonly id: string; readonly kind: string; readonly score: number }[];
  /** Microseconds spent in answerQuestion, measured by the caller. */
  readonly took_us: number;
}

export function answerToJson(question: string, answer: Answer, tookMicros: number): AnswerJson {
  return {
    question,
    answered: answer.answered,
    kind: answer.kind,
    reason: answer.reason,
    text: answer.text,
    citation: answer.citation
      ? {
          paragraph: answer.citation.paragraph,
          sentences: answer.citation.sentences,
          excerpt: answer.citation.excerpt,
        }
      : null,
    citations: answer.citations.map((c) => ({ paragraph: c.paragraph, excerpt: c.excerpt })),
    score: answer.confidence,
    id: answer.id,
    ids: answer.ids,
    suggestions: answer.suggestions.map((s) => ({ id: s.id, question: s.question })),
    decided_by: answer.decidedBy,
    runners_up: answer.runnersUp.map((r) => ({ id: r.id, kind: r.kind, score: r.score })),
    took_us: tookMicros,
  };
}
