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

/** Postings of one kind of document, compressed rows: term t's items are at [offsets[t], offsets[t + 1]). */
interface Postings {
  readonly offsets: Int32Array;
  readonly items: Int32Array;
}

/** A document's postings also say whether the term is in a phrasing (1) or only supporting (0). */
interface DocPostings extends Postings {
  readonly inPhrasing: Uint8Array;
}

/** Grows an Int32Array by doubling while building; `view()` is the filled part. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  at(i: number): number {
    return this.data[i] as number;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * (row, item) pairs, in the order given, as compressed rows. Items keep their order within a
 * row, so every search reads postings in the order the documents were added.
 */
function compressRows(rowCount: number, rows: IntList, items: IntList): Postings {
  const offsets = new Int32Array(rowCount + 1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows.at(i) + 1;
    offsets[r] = (offsets[r] as number) + 1;
  }
  for (let r = 0; r < rowCount; r++) offsets[r + 1] = (offsets[r + 1] as number) + (offsets[r] as number);
  const fill = offsets.slice(0, rowCount);
  const out = new Int32Array(items.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows.at(i);
    const at = fill[r] as number;
    fill[r] = at + 1;
    out[at] = items.at(i);
  }
  return { offsets, items: out };
}

/**
 * The best `limit` candidates seen so far, best first: by score, then document order (the order
 * a full sort gave). Inserting into a short sorted row beats a heap at the sizes asked for (<= 20).
 */
class TopK {
  readonly docs: Int32Array;
  /** Per row: score, cover, bestCq, bestCp, bestF. */
  readonly figures: Float64Array;
  size = 0;
  constructor(readonly limit: number) {
    this.docs = new Int32Array(limit);
    this.figures = new Float64Array(limit * 5);
  }
  offer(doc: number, score: number, cover: number, cq: number, cp: number, f: number): void {
    const { docs, figures, limit } = this;
    if (limit === 0) return;
    if (this.size === limit) {
      const worst = figures[(limit - 1) * 5] as number;
      if (score < worst || (score === worst && doc > (docs[limit - 1] as number))) return;
    } else {
      this.size++;
    }
    let at = this.size - 1;
    while (at > 0) {
      const above = figures[(at - 1) * 5] as number;
      if (above > score || (above === score && (docs[at - 1] as number) < doc)) break;
      docs[at] = docs[at - 1] as number;
      figures.copyWithin(at * 5, (at - 1) * 5, at * 5);
      at--;
    }
    docs[at] = doc;
    const row = at * 5;
    figures[row] = score;
    figures[row + 1] = cover;
    figures[row + 2] = cq;
    figures[row + 3] = cp;
    figures[row + 4] = f;
  }
}

export class SearchIndex {
  private readonly termIds: Map<string, number>;
  private readonly weights: Float64Array;
  private readonly docIds: readonly string[];
  private readonly docKinds: Uint8Array;
  private readonly docIndexById: Map<string, number>;
  /** doc -> its term ids (phrasings and supporting), sorted, at [docTermOffsets[d], docTermOffsets[d + 1]). */
  private readonly docTermOffsets: Int32Array;
  private readonly docTermIds: Int32Array;
  private readonly phrasingDoc: Int32Array;
  /** Index into phrasingTypeNames, 0 for none. */
  private readonly phrasingType: Uint8Array;
  private readonly phrasingTypeNames: readonly (QuestionType | null)[];
  private readonly phrasingWeight: Float64Array;
  /** Per kind of document, in DOC_KINDS order: term id -> phrasing ids containing it. */
  private readonly phrasingPostings: readonly Postings[];
  /** Per kind of document: term id -> docs holding it (in a phrasing, or only supporting). */
  private readonly docPostings: readonly DocPostings[];
  readonly rarestWeight: number;
  // Scratch space reused by every query (answering is synchronous, so never shared).
  private readonly phrasingAcc: Float64Array;
  private readonly docAcc: Float64Array;
  private readonly bestCq: Float64Array;
  private readonly bestCp: Float64Array;
  private readonly bestF: Float64Array;
  private readonly bestFTyped: Uint8Array;
  private readonly touchedPhrasings: Int32Array;
  private readonly touchedDocs: Int32Array;

  constructor(documents: readonly IndexDocument[]) {
    const termIds = new Map<string, number>();
    const termId = (term: string): number => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
      }
      return id;
    };
    const typeNames: (QuestionType | null)[] = [null];
    const typeIndex = (type: QuestionType | null): number => {
      let i = typeNames.indexOf(type);
      if (i === -1) i = typeNames.push(type) - 1;
      return i;
    };
    const docCount = documents.length;
    const docIds: string[] = new Array(docCount);
    const docKinds = new Uint8Array(docCount);
    const docIndexById = new Map<string, number>();
    const phrasingDocs = new IntList();
    const phrasingTypes = new IntList();
    // (phrasing, term) pairs, and per doc its (term, in a phrasing?) pairs.
    const phrasingOfPair = new IntList();
    const termOfPair = new IntList();
    const docTermOffsets = new Int32Array(docCount + 1);
    const docTermList = new IntList();
    const docTermInPhrasing = new IntList();
    const seenInDoc = new Map<number, number>(); // term id -> 1 in a phrasing, 0 supporting only
    const seenInPhrasing = new Set<number>();
    for (let d = 0; d < docCount; d++) {
      const doc = documents[d] as IndexDocument;
      docIds[d] = doc.id;
      docKinds[d] = DOC_KINDS.indexOf(doc.kind);
      docIndexById.set(doc.id, d);
      seenInDoc.clear();
      doc.phrasings.forEach((phrasing, p) => {
        seenInPhrasing.clear();
        for (const term of phrasing) seenInPhrasing.add(termId(term));
        if (seenInPhrasing.size === 0) return;
        const phrasingId = phrasingDocs.length;
        phrasingDocs.push(d);
        phrasingTypes.push(typeIndex(doc.phrasingTypes?.[p] ?? null));
        for (const id of seenInPhrasing) {
          phrasingOfPair.push(phrasingId);
          termOfPair.push(id);
          seenInDoc.set(id, 1);
        }
      });
      for (const term of doc.supporting) {
        const id = termId(term);
        if (!seenInDoc.has(id)) seenInDoc.set(id, 0);
      }
      const ids = [...seenInDoc.keys()].sort((a, b) => a - b);
      for (const id of ids) {
        docTermList.push(id);
        docTermInPhrasing.push(seenInDoc.get(id) as number);
      }
      docTermOffsets[d + 1] = docTermList.length;
    }
    const termCount = termIds.size;
    const phrasingCount = phrasingDocs.length;

    // Rarity: document frequency among curated documents (sentences repeat the curated facts).
    const df = new Float64Array(termCount);
    const sentenceKind = DOC_KINDS.indexOf('sentence');
    let curated = 0;
    for (let d = 0; d < docCount; d++) {
      if (docKinds[d] === sentenceKind) continue;
      curated++;
      for (let i = docTermOffsets[d] as number; i < (docTermOffsets[d + 1] as number); i++) {
        const id = docTermList.at(i);
        df[id] = (df[id] as number) + 1;
      }
    }
    const n = Math.max(curated, 1);
    const weights = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) weights[t] = Math.log(1 + n / Math.max(df[t] as number, 1));

    const phrasingDoc = phrasingDocs.view().slice();
    // A phrasing's weight: its terms' weights added in the order they first appear in it.
    const phrasingWeight = new Float64Array(phrasingCount);
    for (let i = 0; i < phrasingOfPair.length; i++) {
      const p = phrasingOfPair.at(i);
      phrasingWeight[p] = (phrasingWeight[p] as number) + (weights[termOfPair.at(i)] as number);
    }

    // Postings per kind of document, so a search for quotes or sentences reads only theirs.
    const phrasingPostings: Postings[] = [];
    const docPostings: DocPostings[] = [];
    for (let k = 0; k < DOC_KINDS.length; k++) {
      const rows = new IntList();
      const items = new IntList();
      for (let i = 0; i < phrasingOfPair.length; i++) {
        const p = phrasingOfPair.at(i);
        if (docKinds[phrasingDoc[p] as number] !== k) continue;
        rows.push(termOfPair.at(i));
        items.push(p);
      }
      phrasingPostings.push(compressRows(termCount, rows, items));
      const docRows = new IntList();
      const docItems = new IntList();
      for (let d = 0; d < docCount; d++) {
        if (docKinds[d] !== k) continue;
        for (let i = docTermOffsets[d] as number; i < (docTermOffsets[d + 1] as number); i++) {
          docRows.push(docTermList.at(i));
          // Doc and its flag packed in one item: doc * 2 + in a phrasing.
          docItems.push(d * 2 + docTermInPhrasing.at(i));
        }
      }
      const packed = compressRows(termCount, docRows, docItems);
      const inPhrasing = new Uint8Array(packed.items.length);
      const docsOnly = new Int32Array(packed.items.length);
      for (let i = 0; i < packed.items.length; i++) {
        const item = packed.items[i] as number;
        docsOnly[i] = item >> 1;
        inPhrasing[i] = item & 1;
      }
      docPostings.push({ offsets: packed.offsets, items: docsOnly, inPhrasing });
    }

    this.termIds = termIds;
    this.weights = weights;
    this.docIds = docIds;
    this.docKinds = docKinds;
    this.docIndexById = docIndexById;
    this.docTermOffsets = docTermOffsets;
    this.docTermIds = docTermList.view().slice();
    this.phrasingDoc = phrasingDoc;
    this.phrasingType = Uint8Array.from(phrasingTypes.view());
    this.phrasingTypeNames = typeNames;
    this.phrasingWeight = phrasingWeight;
    this.phrasingPostings = phrasingPostings;
    this.docPostings = docPostings;
    this.rarestWeight = Math.log(1 + n);
    this.phrasingAcc = new Float64Array(phrasingCount);
    this.docAcc = new Float64Array(docCount);
    this.bestCq = new Float64Array(docCount);
    this.bestCp = new Float64Array(docCount);
    this.bestF = new Float64Array(docCount);
    this.bestFTyped = new Uint8Array(docCount);
    this.touchedPhrasings = new Int32Array(phrasingCount);
    this.touchedDocs = new Int32Array(docCount);
  }

  get termCount(): number {
    return this.termIds.size;
  }

  get phrasingCount(): number {
    return this.phrasingDoc.length;
  }

  get documentCount(): number {
    return this.docIds.length;
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
    if (id === undefined || doc < 0 || doc >= this.docIds.length) return false;
    // Binary search in the document's sorted term ids.
    const ids = this.docTermIds;
    let lo = this.docTermOffsets[doc] as number;
    let hi = (this.docTermOffsets[doc + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = ids[mid] as number;
      if (at === id) return true;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
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
   * The `limit` documents that score best against the question, best first, among `kinds`.
   * Only documents sharing a term with the question are scored, and only the best `limit` are
   * kept as they are scored (no sorting of every candidate).
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

    const phrasingAcc = this.phrasingAcc;
    const docAcc = this.docAcc;
    const touchedPhrasings = this.touchedPhrasings;
    const touchedDocs = this.touchedDocs;
    let phrasingsTouched = 0;
    let docsTouched = 0;
    // Terms in many phrasings ("Trump" in a story about Trump) would make every question touch
    // most of a large knowledge base. They score the candidates rarer terms found instead; the
    // rarest term always finds candidates. With a small knowledge base every term is a seed.
    // Seeds, rarest first, until the terms left out weigh too little for a document holding
    // only them to reach any threshold (it could explain at most UNSEEDED_SHARE of the question).
    const wanted: number[] = [];
    for (let k = 0; k < DOC_KINDS.length; k++) if (kinds.has(DOC_KINDS[k] as DocKind)) wanted.push(k);
    const present: { id: number; gain: number; postings: number; seed: boolean }[] = [];
    let unseeded = 0;
    for (const term of terms) {
      const id = this.termIds.get(term.term);
      if (id === undefined) continue;
      let postings = 0;
      for (const k of wanted) {
        const offsets = (this.phrasingPostings[k] as Postings).offsets;
        postings += (offsets[id + 1] as number) - (offsets[id] as number);
      }
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
    // Seeds first, then the other terms, which add to the candidates only: an accumulator above
    // zero marks a candidate.
    for (let pass = 0; pass < 2; pass++) {
      const seeding = pass === 0;
      for (const { id, gain, seed } of present) {
        if (seed !== seeding) continue;
        for (const k of wanted) {
          const phrasings = this.phrasingPostings[k] as Postings;
          const pItems = phrasings.items;
          for (
            let i = phrasings.offsets[id] as number, end = phrasings.offsets[id + 1] as number;
            i < end;
            i++
          ) {
            const p = pItems[i] as number;
            const acc = phrasingAcc[p] as number;
            if (acc === 0) {
              if (!seeding) continue;
              touchedPhrasings[phrasingsTouched++] = p;
            }
            phrasingAcc[p] = acc + gain;
          }
          const docs = this.docPostings[k] as DocPostings;
          const dItems = docs.items;
          const inPhrasing = docs.inPhrasing;
          for (let i = docs.offsets[id] as number, end = docs.offsets[id + 1] as number; i < end; i++) {
            const d = dItems[i] as number;
            const acc = docAcc[d] as number;
            if (acc === 0) {
              if (!seeding) continue;
              touchedDocs[docsTouched++] = d;
            }
            docAcc[d] = acc + gain * (inPhrasing[i] === 1 ? 1 : SUPPORTING_FACTOR);
          }
        }
      }
    }

    // Per-document bests, in scratch arrays reset as they are read (no allocation per question).
    const bestCq = this.bestCq;
    const bestCp = this.bestCp;
    const bestF = this.bestF;
    const bestFTyped = this.bestFTyped;
    const typeNames = this.phrasingTypeNames;
    for (let i = 0; i < phrasingsTouched; i++) {
      const p = touchedPhrasings[i] as number;
      const matched = phrasingAcc[p] as number;
      phrasingAcc[p] = 0;
      const d = this.phrasingDoc[p] as number;
      const cq = matched / total;
      const cp = matched / (this.phrasingWeight[p] as number);
      const f = (2 * cq * cp) / (cq + cp);
      if (cq > (bestCq[d] as number)) bestCq[d] = cq;
      if (cp > (bestCp[d] as number)) bestCp[d] = cp;
      const previous = bestF[d] as number;
      const sameType =
        questionType !== undefined && typeNames[this.phrasingType[p] as number] === questionType;
      if (f > previous || (f === previous && sameType)) {
        bestF[d] = f;
        bestFTyped[d] = sameType ? 1 : 0;
      }
    }

    const top = new TopK(Math.max(0, Math.min(Math.floor(limit), this.docIds.length)));
    const gapKind = DOC_KINDS.indexOf('gap');
    for (let i = 0; i < docsTouched; i++) {
      const d = touchedDocs[i] as number;
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
      const kind = this.docKinds[d] as number;
      if (!kinds.has(DOC_KINDS[kind] as DocKind)) continue;
      // A known gap's phrasings are separate questions it declines, not one subject's words:
      // pooling them would let a question made of pieces of several look like one of them.
      if (kind === gapKind) cover = cq;
      const bonus = typed ? SAME_TYPE_BONUS : 0;
      const score = SCORE_WEIGHTS.cover * cover + SCORE_WEIGHTS.bestCq * cq + SCORE_WEIGHTS.bestF * f + bonus;
      if (score < SCORE_FLOOR) continue;
      top.offer(d, score, cover, cq, cp, f);
    }
    const results: ScoredDocument[] = [];
    for (let j = 0; j < top.size; j++) {
      const d = top.docs[j] as number;
      const row = j * 5;
      results.push({
        doc: d,
        kind: DOC_KINDS[this.docKinds[d] as number] as DocKind,
        id: this.docIds[d] as string,
        score: top.figures[row] as number,
        cover: top.figures[row + 1] as number,
        bestCq: top.figures[row + 2] as number,
        bestCp: top.figures[row + 3] as number,
        bestF: top.figures[row + 4] as number,
      });
    }
    return results;
  }
}
