/**
 * What the engine saw and decided, for `ask --explain`, the curator studio and tests: the clauses,
 * how each word became a term, the candidates with their scores, and the rules that fired in
 * order. Collected only when asked for; answering without a trace pays nothing.
 */
import type { AnalyzedClause } from './analyzer.ts';
import type { ScoredDocument } from './search-index.ts';

export interface TracedCandidate {
  readonly id: string;
  readonly kind: ScoredDocument['kind'];
  readonly score: number;
  readonly cover: number;
  readonly bestCq: number;
  readonly bestF: number;
}

export interface TracedClause {
  readonly text: string;
  readonly type: AnalyzedClause['type'];
  readonly terms: readonly {
    readonly surface: string;
    readonly term: string;
    readonly similarity: number;
    readonly known: boolean;
    readonly entity: boolean;
  }[];
}

export interface TraceRecord {
  readonly clauses: TracedClause[];
  readonly candidates: TracedCandidate[];
  /** Candidates put out by a check: "qa:uk-defence-spending (names-everyone-asked-about)". */
  readonly rejections: string[];
  /** Rules that decided something, in the order they fired. */
  readonly fired: string[];
  /** Notes from the reading of the question (follow-up resolution, judgement...). */
  readonly notes: string[];
}

export interface Trace {
  clause(clause: AnalyzedClause): void;
  candidates(results: readonly ScoredDocument[]): void;
  rejected(result: ScoredDocument, check: string): void;
  fired(rule: string): void;
  note(text: string): void;
  readonly record: TraceRecord;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

export function createTrace(): Trace {
  const record: TraceRecord = { clauses: [], candidates: [], rejections: [], fired: [], notes: [] };
  const seen = new Set<string>();
  return {
    record,
    clause(clause) {
      record.clauses.push({
        text: clause.text,
        type: clause.type,
        terms: clause.terms.map((t) => ({
          surface: t.surface,
          term: t.term,
          similarity: round(t.similarity),
          known: t.known,
          entity: t.entity,
        })),
      });
    },
    candidates(results) {
      for (const r of results) {
        const key = `${r.kind}:${r.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        record.candidates.push({
          id: r.id,
          kind: r.kind,
          score: round(r.score),
          cover: round(r.cover),
          bestCq: round(r.bestCq),
          bestF: round(r.bestF),
        });
      }
    },
    rejected(result, check) {
      const line = `${result.kind}:${result.id} (${check})`;
      if (!record.rejections.includes(line)) record.rejections.push(line);
    },
    fired(rule) {
      record.fired.push(rule);
    },
    note(text) {
      record.notes.push(text);
    },
  };
}
