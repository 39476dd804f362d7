/**
 * What the engine read in a question, for the studio's test box: its parts, the terms each part
 * was reduced to, the typos it corrected and the glossary aliases it resolved. Built from
 * kb.analyzer.analyze() alone; when the engine gains a fuller explanation of its decision, this
 * one function is what changes (the page renders whatever it returns).
 */
import type { KnowledgeBase } from '../core/knowledge.ts';
import { stem } from '../core/stem.ts';

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
}

export function analysisOf(kb: KnowledgeBase, question: string): AnalysisView {
  const analysis = kb.analyzer.analyze(question);
  const corrections: { typed: string; readAs: string; similarity: number }[] = [];
  const aliases: { typed: string; readAs: string }[] = [];
  const unknown: string[] = [];
  const nameOf = (term: string): string =>
    term.startsWith('#') ? (kb.personById.get(term.slice(1))?.name ?? term) : term.replace(/_/g, ' ');
  const parts = analysis.clauses.map((clause) => {
    for (const t of clause.terms) {
      if (!t.known) {
        if (!unknown.includes(t.surface)) unknown.push(t.surface);
        continue;
      }
      const isAlias =
        t.term.startsWith('#') ||
        t.surface.includes(' ') ||
        (t.term !== stem(t.surface) && t.similarity === 1);
      if (t.similarity < 1 && !corrections.some((c) => c.typed === t.surface)) {
        corrections.push({
          typed: t.surface,
          readAs: nameOf(t.term),
          similarity: Math.round(t.similarity * 100) / 100,
        });
      } else if (isAlias && !aliases.some((a) => a.typed === t.surface)) {
        aliases.push({ typed: t.surface, readAs: nameOf(t.term) });
      }
    }
    return {
      text: clause.text,
      type: clause.type,
      terms: clause.terms.map((t) => ({ typed: t.surface, term: t.term, known: t.known })),
    };
  });
  return { parts, corrections, aliases, unknown };
}

export interface ClosestDocument {
  readonly id: string;
  readonly kind: 'qa' | 'quote' | 'gap' | 'sentence';
  readonly score: number;
}

const EVERY_KIND: ReadonlySet<ClosestDocument['kind']> = new Set(['qa', 'quote', 'gap', 'sentence']);

/**
 * The documents the search index scores highest for a question, every kind, best first: what the
 * engine weighed before its decision rules, shown when it reports no runners-up of its own.
 */
export function closestDocuments(kb: KnowledgeBase, question: string, limit = 5): ClosestDocument[] {
  const best = new Map<string, ClosestDocument>();
  for (const clause of kb.analyzer.analyze(question).clauses) {
    if (clause.terms.length === 0) continue;
    for (const scored of kb.index.search(clause.terms, EVERY_KIND, limit, clause.type)) {
      const seen = best.get(scored.id);
      if (!seen || seen.score < scored.score)
        best.set(scored.id, {
          id: scored.id,
          kind: scored.kind,
          score: Math.round(scored.score * 1000) / 1000,
        });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
