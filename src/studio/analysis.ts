/**
 * What the engine read and weighed in a question, for the studio's test box, from the engine's
 * own trace (core/trace.ts, the same as `ask --explain`): its parts, the terms each was reduced
 * to, the typos it corrected, the glossary aliases it resolved, the candidates it scored, the
 * ones its checks put out and the rules that fired. This one function is the page's view of the
 * trace; the page renders whatever it returns.
 */
import { answerQuestion } from '../core/engine.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { stem } from '../core/stem.ts';
import { createTrace, type TracedCandidate } from '../core/trace.ts';

export interface AnalysisView {
  readonly parts: readonly {
    readonly text: string;
    /** who, what, when, why, yes-no... */
    readonly type: string;
    readonly terms: readonly { readonly typed: string; readonly term: string; readonly known: boolean }[];
  }[];
  /** Typed words read as a story word ("artcle" as "articl"). */
  readonly corrections: readonly {
    readonly typed: string;
    readonly readAs: string;
    readonly similarity: number;
  }[];
  /** Words the glossary reads as one canonical term ("Kremlin" as Russia, "Zelenskyy" as Zelensky). */
  readonly aliases: readonly { readonly typed: string; readonly readAs: string }[];
  /** Words in no data file, that nothing corrected: the story never uses them. */
  readonly unknown: readonly string[];
  /** Every document the engine scored, best first. */
  readonly candidates: readonly TracedCandidate[];
  /** Candidates a check put out: "qa:some-entry (names-everyone-asked-about)". */
  readonly rejections: readonly string[];
  /** The decision rules that fired, in order. */
  readonly fired: readonly string[];
  /** How the engine read the message as a whole (follow-ups, judgements...). */
  readonly notes: readonly string[];
}

export function analysisOf(kb: KnowledgeBase, question: string): AnalysisView {
  const trace = createTrace();
  answerQuestion(kb, question, { trace });
  const { record } = trace;
  const corrections: { typed: string; readAs: string; similarity: number }[] = [];
  const aliases: { typed: string; readAs: string }[] = [];
  const unknown: string[] = [];
  const nameOf = (term: string): string =>
    term.startsWith('#') ? (kb.personById.get(term.slice(1))?.name ?? term) : term.replace(/_/g, ' ');
  for (const clause of record.clauses) {
    for (const t of clause.terms) {
      if (!t.known) {
        if (!unknown.includes(t.surface)) unknown.push(t.surface);
      } else if (t.similarity < 1) {
        if (!corrections.some((c) => c.typed === t.surface))
          corrections.push({ typed: t.surface, readAs: nameOf(t.term), similarity: t.similarity });
      } else if (t.term.startsWith('#') || t.surface.includes(' ') || t.term !== stem(t.surface)) {
        if (!aliases.some((a) => a.typed === t.surface))
          aliases.push({ typed: t.surface, readAs: nameOf(t.term) });
      }
    }
  }
  return {
    parts: record.clauses.map((clause) => ({
      text: clause.text,
      type: clause.type,
      terms: clause.terms.map((t) => ({ typed: t.surface, term: t.term, known: t.known })),
    })),
    corrections,
    aliases,
    unknown,
    candidates: [...record.candidates].sort((a, b) => b.score - a.score),
    rejections: record.rejections,
    fired: record.fired,
    notes: record.notes,
  };
}
