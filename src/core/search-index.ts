/**
 * The term index every question is scored against.
 *
 * Each document (a Q&A entry, a quote, a known gap, an article sentence) has several phrasings:
 * its canonical question, each alternate, each keyword, a quote's words. A question is scored
 * against every phrasing that shares a term with it (inverted index, so cost follows the
 * question's terms, not the size of the knowledge base), with terms weighted by rarity:
 *
 * - `cover`: how much of the question's weight the document explains (its phrasings fully, its
 *   answer at a discount). Words the story never uses weigh most, so "what did Scholz say"
 *   is mostly unexplained whatever matches "say".
 * - `bestCq`: the same, for the single best phrasing: a question should read like one way of
 *   asking, not like words gathered from five.
 * - `bestF`: harmonic mean of how much of the question a phrasing explains and how much of the
 *   phrasing the question uses, which ranks "minerals?" onto the entry about the minerals deal.
 */

import type { QuestionType } from './schema.ts';

export type DocKind = 'qa' | 'quote' | 'gap' | 'sentence';
const DOC_KINDS: readonly DocKind[] = ['qa', 'quote', 'gap', 'sentence'];

function byKind<T>(make: (kind: DocKind) => T): Record<DocKind, T> {
  return { qa: make('qa'), quote: make('quote'), gap: make('gap'), sentence: make('sentence') };
}

export interface IndexDocument {
  readonly kind: DocKind;
  readonly id: string;
  /** Each phrasing as its terms. */
  readonly phrasings: readonly (readonly string[])[];
  /** Terms that explain a question at a discount (an answer's words, a quote's setting). */
  readonly supporting: readonly string[];
  /** The kind of question each phrasing asks (null for keywords and quotes). */
  readonly phrasingTypes?: readonly (QuestionType | null)[];
}

export interface ScoredDocument {
  readonly doc: number;
  readonly kind: DocKind;
  readonly id: string;
  readonly score: number;
  readonly cover: number;
  readonly bestCq: number;
  /** How much of its best-covered phrasing the question holds. */
  readonly bestCp: number;
  readonly bestF: number;
}

export interface WeightedTerm {
  readonly term: string;
  /** 0..1: how sure we are the user meant this term (1 unless the word was corrected). */
  readonly similarity: number;
  /** False when the story never uses the word. */
  readonly known: boolean;
  /** Multiplies the weight of an unknown word (many unknown words in one message weigh less each). */
  readonly damping?: number;
}

/** The share of weight that an answer-only term explains: answers hold incidental words. */
const SUPPORTING_FACTOR = 0.6;
/** Words the story never uses weigh this much more than its rarest word. */
const UNKNOWN_BOOST = 1.25;
const UNKNOWN_FIGURE_FACTOR = 0.5;

/**
 * A term in more phrasings than this only scores candidates that rarer terms found, as long as
 * the terms so left out explain at most UNSEEDED_SHARE of the question: a document holding only
 * those would score below every threshold anyway.
 */
const SEED_POSTINGS = 800;
const UNSEEDED_SHARE = 0.3;
/** Below this a document is of no use to any decision (the lowest threshold, for suggestions, is 0.2). */
const SCORE_FLOOR = 0.15;

export const SCORE_WEIGHTS = { cover: 0.4, bestCq: 0.3, bestF: 0.3 } as const;
/**
 * Added when the best-fitting phrasing asks the same kind of question ("was it signed?" is
 * closer to "was the deal signed?" than to "when will it be signed?").
 */
export const SAME_TYPE_BONUS = 0.04;

export class SearchIndex {
  readonly documents: readonly IndexDocument[];
  private readonly termIds = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly phrasingDoc: Int32Array;
  private readonly phrasingType: (QuestionType | null)[];
  /** doc -> its term ids (phrasings and supporting) and how much each explains. */
  private readonly docTermFactors: Map<number, number>[];
  private readonly docIndexById = new Map<string, number>();
  private readonly phrasingWeight: Float64Array;
  /** term id -> phrasing ids containing it. */
  private readonly phrasingPostings: Record<DocKind, Int32Array[]>;
  /** term id -> [doc, factor] pairs (factor 1 in a phrasing, SUPPORTING_FACTOR otherwise). */
  private readonly docPostings: Record<DocKind, { docs: Int32Array; factors: Float64Array }[]>;
  readonly rarestWeight: number;
  // Scratch space reused by every query (answering is synchronous, so never shared).
  private readonly phrasingAcc: Float64Array;
  private readonly docAcc: Float64Array;
  private readonly bestCq: Float64Array;
  private readonly bestCp: Float64Array;
  private readonly bestF: Float64Array;
  private readonly bestFTyped: Uint8Array;

  constructor(documents: readonly IndexDocument[]) {
    this.documents = documents;
    const phrasingTerms: number[][] = [];
    const phrasingDocs: number[] = [];
    const phrasingTypes: (QuestionType | null)[] = [];
    const docTerms: Map<number, number>[] = [];
    const termId = (term: string): number => {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
      }
      return id;
    };
    documents.forEach((doc, d) => {
      this.docIndexById.set(doc.id, d);
      const factors = new Map<number, number>();
      doc.phrasings.forEach((phrasing, p) => {
        const ids = [...new Set(phrasing.map(termId))];
        if (ids.length === 0) return;
        phrasingTerms.push(ids);
        phrasingDocs.push(d);
        phrasingTypes.push(doc.phrasingTypes?.[p] ?? null);
        for (const id of ids) factors.set(id, 1);
      });
      for (const term of doc.supporting) {
        const id = termId(term);
        if (!factors.has(id)) factors.set(id, SUPPORTING_FACTOR);
      }
      docTerms.push(factors);
    });

    // Rarity: document frequency among curated documents (sentences repeat the curated facts).
    const termCount = this.termIds.size;
    const df = new Float64Array(termCount);
    let curated = 0;
    documents.forEach((doc, d) => {
      if (doc.kind === 'sentence') return;
      curated++;
      for (const id of (docTerms[d] as Map<number, number>).keys()) df[id] = (df[id] ?? 0) + 1;
    });
    const n = Math.max(curated, 1);
    this.weights = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) this.weights[t] = Math.log(1 + n / Math.max(df[t] ?? 0, 1));
    this.rarestWeight = Math.log(1 + n);

    this.phrasingDoc = Int32Array.from(phrasingDocs);
    this.phrasingType = phrasingTypes;
    this.docTermFactors = docTerms;
    this.phrasingWeight = Float64Array.from(phrasingTerms, (ids) =>
      ids.reduce((sum, id) => sum + (this.weights[id] ?? 0), 0),
    );
    // Postings per kind of document, so a search for quotes or sentences reads only theirs.
    const kindOf = (d: number): DocKind => (documents[d] as IndexDocument).kind;
    const phrasingLists = byKind(() => Array.from({ length: termCount }, (): number[] => []));
    phrasingTerms.forEach((ids, p) => {
      const lists = phrasingLists[kindOf(phrasingDocs[p] as number)];
      for (const id of ids) lists[id]?.push(p);
    });
    this.phrasingPostings = byKind((kind) => phrasingLists[kind].map((list) => Int32Array.from(list)));
    const docLists = byKind(() =>
      Array.from({ length: termCount }, (): { docs: number[]; factors: number[] } => ({
        docs: [],
        factors: [],
      })),
    );
    docTerms.forEach((factors, d) => {
      const lists = docLists[kindOf(d)];
      for (const [id, factor] of factors) {
        lists[id]?.docs.push(d);
        lists[id]?.factors.push(factor);
      }
    });
    this.docPostings = byKind((kind) =>
      docLists[kind].map((l) => ({ docs: Int32Array.from(l.docs), factors: Float64Array.from(l.factors) })),
    );
    this.phrasingAcc = new Float64Array(phrasingTerms.length);
    this.docAcc = new Float64Array(documents.length);
    this.bestCq = new Float64Array(documents.length);
    this.bestCp = new Float64Array(documents.length);
    this.bestF = new Float64Array(documents.length);
    this.bestFTyped = new Uint8Array(documents.length);
  }

  get termCount(): number {
    return this.termIds.size;
  }

  get phrasingCount(): number {
    return this.phrasingDoc.length;
  }

  hasTerm(term: string): boolean {
    return this.termIds.has(term);
  }

  /** The position of a document by its id. */
  documentIndex(id: string): number | undefined {
    return this.docIndexById.get(id);
  }

  /** Whether a document's phrasings or supporting text hold a term. */
  documentHas(doc: number, term: string): boolean {
    const id = this.termIds.get(term);
    return id !== undefined && (this.docTermFactors[doc]?.has(id) ?? false);
  }

  /** How much a term weighs in a question: rarer terms more, words the story never uses most. */
  weightOf(term: WeightedTerm): number {
    const id = this.termIds.get(term.term);
    if (id !== undefined) return this.weights[id] ?? 0;
    // A figure the story never gives ("3%") is a detail, not a new subject.
    if (/^\d/.test(term.term)) return this.rarestWeight * UNKNOWN_FIGURE_FACTOR;
    return term.known ? this.rarestWeight : this.rarestWeight * UNKNOWN_BOOST * (term.damping ?? 1);
  }

  /**
   * Documents sharing at least one term with the question, best first, among `kinds`.
   * `limit` bounds the result, not the work.
   */
  search(
    terms: readonly WeightedTerm[],
    kinds: ReadonlySet<DocKind>,
    limit: number,
    questionType?: QuestionType,
  ): ScoredDocument[] {
    let total = 0;
    for (const term of terms) total += this.weightOf(term);
    if (total <= 0) return [];

    const touchedPhrasings: number[] = [];
    const touchedDocs: number[] = [];
    const phrasingAcc = this.phrasingAcc;
    const docAcc = this.docAcc;
    // Terms in many phrasings ("Trump" in a story about Trump) would make every question touch
    // most of a large knowledge base. They score the candidates rarer terms found instead; the
    // rarest term always finds candidates. With a small knowledge base every term is a seed.
    // Seeds, rarest first, until the terms left out weigh too little for a document holding
    // only them to reach any threshold (it could explain at most UNSEEDED_SHARE of the question).
    const wanted = DOC_KINDS.filter((kind) => kinds.has(kind));
    const present: { id: number; gain: number; postings: number; seed: boolean }[] = [];
    let unseeded = 0;
    for (const term of terms) {
      const id = this.termIds.get(term.term);
      if (id === undefined) continue;
      let postings = 0;
      for (const kind of wanted) postings += this.phrasingPostings[kind][id]?.length ?? 0;
      const gain = (this.weights[id] ?? 0) * term.similarity;
      unseeded += gain;
      present.push({ id, gain, postings, seed: false });
    }
    present.sort((a, b) => a.postings - b.postings);
    let seeds = 0;
    for (const t of present) {
      if (t.postings > SEED_POSTINGS && seeds > 0 && unseeded <= UNSEEDED_SHARE * total) break;
      t.seed = true;
      seeds++;
      unseeded -= t.gain;
    }
    for (const { id, gain, seed } of present) {
      if (!seed) continue;
      for (const kind of wanted) {
        for (const p of this.phrasingPostings[kind][id] as Int32Array) {
          if (phrasingAcc[p] === 0) touchedPhrasings.push(p);
          phrasingAcc[p] = (phrasingAcc[p] as number) + gain;
        }
        const postings = this.docPostings[kind][id] as { docs: Int32Array; factors: Float64Array };
        for (let i = 0; i < postings.docs.length; i++) {
          const d = postings.docs[i] as number;
          if (docAcc[d] === 0) touchedDocs.push(d);
          docAcc[d] = (docAcc[d] as number) + gain * (postings.factors[i] as number);
        }
      }
    }
    // Other terms add to the candidates only: an accumulator above zero marks a candidate.
    for (const { id, gain, seed } of present) {
      if (seed) continue;
      for (const kind of wanted) {
        for (const p of this.phrasingPostings[kind][id] as Int32Array) {
          if (phrasingAcc[p] !== 0) phrasingAcc[p] = (phrasingAcc[p] as number) + gain;
        }
        const postings = this.docPostings[kind][id] as { docs: Int32Array; factors: Float64Array };
        for (let i = 0; i < postings.docs.length; i++) {
          const d = postings.docs[i] as number;
          if (docAcc[d] !== 0) docAcc[d] = (docAcc[d] as number) + gain * (postings.factors[i] as number);
        }
      }
    }

    // Per-document bests, in scratch arrays reset as they are read (no allocation per question).
    const bestCq = this.bestCq;
    const bestCp = this.bestCp;
    const bestF = this.bestF;
    const bestFTyped = this.bestFTyped;
    for (const p of touchedPhrasings) {
      const matched = phrasingAcc[p] as number;
      phrasingAcc[p] = 0;
      const d = this.phrasingDoc[p] as number;
      const cq = matched / total;
      const cp = matched / (this.phrasingWeight[p] as number);
      const f = (2 * cq * cp) / (cq + cp);
      if (cq > (bestCq[d] as number)) bestCq[d] = cq;
      if (cp > (bestCp[d] as number)) bestCp[d] = cp;
      const previous = bestF[d] as number;
      const sameType = questionType !== undefined && this.phrasingType[p] === questionType;
      if (f > previous || (f === previous && sameType)) {
        bestF[d] = f;
        bestFTyped[d] = sameType ? 1 : 0;
      }
    }

    const results: ScoredDocument[] = [];
    for (const d of touchedDocs) {
      let cover = Math.min(1, (docAcc[d] as number) / total);
      const cq = bestCq[d] as number;
      const cp = bestCp[d] as number;
      const f = bestF[d] as number;
      const typed = bestFTyped[d] === 1;
      docAcc[d] = 0;
      bestCq[d] = 0;
      bestCp[d] = 0;
      bestF[d] = 0;
      bestFTyped[d] = 0;
      const doc = this.documents[d] as IndexDocument;
      if (!kinds.has(doc.kind)) continue;
      // A known gap's phrasings are separate questions it declines, not one subject's words:
      // pooling them would let a question made of pieces of several look like one of them.
      if (doc.kind === 'gap') cover = cq;
      const bonus = typed ? SAME_TYPE_BONUS : 0;
      const score = SCORE_WEIGHTS.cover * cover + SCORE_WEIGHTS.bestCq * cq + SCORE_WEIGHTS.bestF * f + bonus;
      if (score < SCORE_FLOOR) continue;
      results.push({ doc: d, kind: doc.kind, id: doc.id, score, cover, bestCq: cq, bestCp: cp, bestF: f });
    }
    results.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return results.slice(0, limit);
  }
}
