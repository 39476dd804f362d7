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
  /**
   * Multiplies the weight of any word, in the question's total and in what a document gains: a
   * word guessed from the conversation ("it" read as the last answer's topic) helps a document
   * that holds it without costing much to one that does not.
   */
  readonly weightScale?: number;
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

/** A search's query term found in the index: its id, what it adds, and how many phrasings hold it. */
interface PresentTerm {
  readonly id: number;
  readonly gain: number;
  readonly postings: number;
}

/**
 * A candidate is looked up in a term's postings instead of reading them all when the postings
 * are this many times more than the candidate documents (a lookup costs a few reads, a scan one).
 */
const LOOKUP_COST = 4;
/** Added to a score bound, far above the rounding of sums added in another order. */
const BOUND_MARGIN = 1e-9;

/** The first position in items[from, end) (ascending) holding at least `value`: galloping, then halving. */
function lowerBound(items: Int32Array, from: number, end: number, value: number): number {
  if (from >= end || (items[from] as number) >= value) return from;
  let lo = from;
  let step = 1;
  while (lo + step < end && (items[lo + step] as number) < value) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, end);
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as number) < value) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The least share u of a question's weight whose bound (see boundFor) reaches `score` (bonus and
 * margin taken off): 0.4·min(1, u) + 0.3·u + 0.3·2u / (1 + u) = score, a quadratic on each side
 * of u = 1. Used only as a guess that searchByDocument checks against the bound itself.
 */
function leastShareReaching(score: number): number {
  if (score <= 0) return 0;
  if (score <= 1) {
    const b = 1.3 - score;
    return (-b + Math.sqrt(b * b + 2.8 * score)) / 1.4;
  }
  const c = score - 0.4;
  const b = 0.9 - c;
  return (-b + Math.sqrt(b * b + 1.2 * c)) / 0.6;
}

/** How far either side of that guess the bound is evaluated instead of trusted. */
const REACH_BAND = 1e-9;
/** How clearly the bound must sit below or above the score to beat at the band's edges. */
const REACH_MARGIN = 1e-12;

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
  /** The score a document must beat to be kept: the last one's once full, else none. */
  get threshold(): number {
    return this.size === this.limit
      ? (this.figures[(this.limit - 1) * 5] as number)
      : Number.NEGATIVE_INFINITY;
  }
  clear(): void {
    this.size = 0;
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
  /** doc -> its phrasings, which are numbered in document order: [docPhrasingOffsets[d], docPhrasingOffsets[d + 1]). */
  private readonly docPhrasingOffsets: Int32Array;
  /** Index into phrasingTypeNames, 0 for none. */
  private readonly phrasingType: Uint8Array;
  private readonly phrasingTypeNames: readonly (QuestionType | null)[];
  private readonly phrasingWeight: Float64Array;
  /** doc -> the least weight of its phrasings (Infinity without any): bounds how much of one a question can use. */
  private readonly docLightestPhrasing: Float64Array;
  /** Per kind of document, in DOC_KINDS order: term id -> phrasing ids containing it. */
  private readonly phrasingPostings: readonly Postings[];
  /** Per kind of document: term id -> docs holding it (in a phrasing, or only supporting). */
  private readonly docPostings: readonly DocPostings[];
  readonly rarestWeight: number;
  // Scratch space reused by every query (answering is synchronous, so never shared).
  private readonly phrasingAcc: Float64Array;
  private readonly docAcc: Float64Array;
  private readonly touchedDocs: Int32Array;
  private docsTouched = 0;

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
    const docPhrasingOffsets = new Int32Array(docCount + 1);
    const docTermList = new IntList();
    const docTermInPhrasing = new IntList();
    // Per term id, the last phrasing and document that held it (stamps, so nothing is cleared),
    // and whether that document holds it in a phrasing (1) or only supporting (0).
    let phrasingStamp = new Int32Array(1024).fill(-1);
    let docStamp = new Int32Array(1024).fill(-1);
    let inDocPhrasing = new Uint8Array(1024);
    const ensure = (id: number): void => {
      if (id < phrasingStamp.length) return;
      const size = Math.max(id + 1, phrasingStamp.length * 2);
      const grow = <T extends Int32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
        const grown = make(size);
        grown.set(from);
        return grown;
      };
      phrasingStamp = grow(phrasingStamp, (n) => new Int32Array(n).fill(-1));
      docStamp = grow(docStamp, (n) => new Int32Array(n).fill(-1));
      inDocPhrasing = grow(inDocPhrasing, (n) => new Uint8Array(n));
    };
    const docTerms: number[] = [];
    let sortedTerms = new Int32Array(256);
    for (let d = 0; d < docCount; d++) {
      const doc = documents[d] as IndexDocument;
      docIds[d] = doc.id;
      docKinds[d] = DOC_KINDS.indexOf(doc.kind);
      docIndexById.set(doc.id, d);
      docPhrasingOffsets[d] = phrasingDocs.length;
      docTerms.length = 0;
      const phrasings = doc.phrasings;
      for (let p = 0; p < phrasings.length; p++) {
        const phrasing = phrasings[p] as readonly string[];
        // Its distinct terms, in the order they first appear; a phrasing with none is left out.
        let phrasingId = -1;
        for (let t = 0; t < phrasing.length; t++) {
          const id = termId(phrasing[t] as string);
          ensure(id);
          if (phrasingId !== -1 && phrasingStamp[id] === phrasingId) continue;
          if (phrasingId === -1) {
            phrasingId = phrasingDocs.length;
            phrasingDocs.push(d);
            phrasingTypes.push(typeIndex(doc.phrasingTypes?.[p] ?? null));
          }
          phrasingStamp[id] = phrasingId;
          phrasingOfPair.push(phrasingId);
          termOfPair.push(id);
          if (docStamp[id] !== d) {
            docStamp[id] = d;
            docTerms.push(id);
          }
          inDocPhrasing[id] = 1;
        }
      }
      for (const term of doc.supporting) {
        const id = termId(term);
        ensure(id);
        if (docStamp[id] === d) continue;
        docStamp[id] = d;
        inDocPhrasing[id] = 0;
        docTerms.push(id);
      }
      // Numbers sort as numbers in a typed array, without a comparison function.
      if (docTerms.length > sortedTerms.length) sortedTerms = new Int32Array(docTerms.length * 2);
      const sorted = sortedTerms.subarray(0, docTerms.length);
      sorted.set(docTerms);
      sorted.sort();
      for (const id of sorted) {
        docTermList.push(id);
        docTermInPhrasing.push(inDocPhrasing[id] as number);
      }
      docTermOffsets[d + 1] = docTermList.length;
      docPhrasingOffsets[d + 1] = phrasingDocs.length;
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

    // Postings per kind of document, so a search for quotes or sentences reads only theirs: the
    // pairs of each kind, in the order given, gathered in one pass over them all.
    const kinds = DOC_KINDS.length;
    const phrasingRows = Array.from({ length: kinds }, () => new IntList());
    const phrasingItems = Array.from({ length: kinds }, () => new IntList());
    for (let i = 0; i < phrasingOfPair.length; i++) {
      const p = phrasingOfPair.at(i);
      const k = docKinds[phrasingDoc[p] as number] as number;
      (phrasingRows[k] as IntList).push(termOfPair.at(i));
      (phrasingItems[k] as IntList).push(p);
    }
    const docRows = Array.from({ length: kinds }, () => new IntList());
    const docItems = Array.from({ length: kinds }, () => new IntList());
    for (let d = 0; d < docCount; d++) {
      const k = docKinds[d] as number;
      const rows = docRows[k] as IntList;
      const items = docItems[k] as IntList;
      for (let i = docTermOffsets[d] as number; i < (docTermOffsets[d + 1] as number); i++) {
        rows.push(docTermList.at(i));
        // Doc and its flag packed in one item: doc * 2 + in a phrasing.
        items.push(d * 2 + docTermInPhrasing.at(i));
      }
    }
    const phrasingPostings: Postings[] = [];
    const docPostings: DocPostings[] = [];
    for (let k = 0; k < kinds; k++) {
      phrasingPostings.push(compressRows(termCount, phrasingRows[k] as IntList, phrasingItems[k] as IntList));
      const packed = compressRows(termCount, docRows[k] as IntList, docItems[k] as IntList);
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
    this.docPhrasingOffsets = docPhrasingOffsets;
    this.phrasingType = Uint8Array.from(phrasingTypes.view());
    this.phrasingTypeNames = typeNames;
    this.phrasingWeight = phrasingWeight;
    const lightest = new Float64Array(docCount).fill(Number.POSITIVE_INFINITY);
    for (let d = 0; d < docCount; d++) {
      for (let p = docPhrasingOffsets[d] as number; p < (docPhrasingOffsets[d + 1] as number); p++) {
        if ((phrasingWeight[p] as number) < (lightest[d] as number))
          lightest[d] = phrasingWeight[p] as number;
      }
    }
    this.docLightestPhrasing = lightest;
    this.phrasingPostings = phrasingPostings;
    this.docPostings = docPostings;
    this.rarestWeight = Math.log(1 + n);
    this.phrasingAcc = new Float64Array(phrasingCount);
    this.docAcc = new Float64Array(docCount);
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
    return this.baseWeightOf(term) * (term.weightScale ?? 1);
  }

  private baseWeightOf(term: WeightedTerm): number {
    const id = this.termIds.get(term.term);
    if (id !== undefined) return this.weights[id] ?? 0;
    // A figure the story never gives ("3%") is a detail, not a new subject.
    if (/^\d/.test(term.term)) return this.rarestWeight * UNKNOWN_FIGURE_FACTOR * (term.damping ?? 1);
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
    /** Read every posting of every term: the plain method the faster one must equal (for tests). */
    exhaustive = false,
  ): ScoredDocument[] {
    let total = 0;
    for (const term of terms) total += this.weightOf(term);
    if (total <= 0) return [];
    const top = new TopK(Math.max(0, Math.min(Math.floor(limit), this.docIds.length)));
    if (top.limit === 0) return [];

    // Terms in many phrasings ("Trump" in a story about Trump) would make every question touch
    // most of a large knowledge base. They score the candidates rarer terms found instead; the
    // rarest term always finds candidates. With a small knowledge base every term is a seed.
    // Seeds, rarest first, until the terms left out weigh too little for a document holding
    // only them to reach any threshold (it could explain at most UNSEEDED_SHARE of the question).
    const wanted: number[] = [];
    let kindMask = 0;
    for (let k = 0; k < DOC_KINDS.length; k++) {
      if (!kinds.has(DOC_KINDS[k] as DocKind)) continue;
      wanted.push(k);
      kindMask |= 1 << k;
    }
    const present: PresentTerm[] = [];
    let unseeded = 0;
    for (const term of terms) {
      const id = this.termIds.get(term.term);
      if (id === undefined) continue;
      let postings = 0;
      for (const k of wanted) {
        const offsets = (this.phrasingPostings[k] as Postings).offsets;
        postings += (offsets[id + 1] as number) - (offsets[id] as number);
      }
      const gain = (this.weights[id] ?? 0) * term.similarity * (term.weightScale ?? 1);
      unseeded += gain;
      present.push({ id, gain, postings });
    }
    present.sort((a, b) => a.postings - b.postings);
    let seeds = 0;
    for (const t of present) {
      if (t.postings > SEED_POSTINGS && seeds > 0 && unseeded <= UNSEEDED_SHARE * total) break;
      seeds++;
      unseeded -= t.gain;
    }

    // The seeds' postings name the candidates; reading those of the common seeds costs most.
    // So only the rare seeds are read in full at first, and the others score the candidates
    // those found (and their phrasings) without adding any. That is the whole answer when no
    // document left out can beat the candidates kept: one holding only the terms not read in
    // full scores at most bound(their share of the question). Else the seeds are read in full
    // up to where the bound is below the score to beat, and the search runs once more.
    const bound = this.boundFor(present, total, questionType);
    if (!exhaustive && bound !== null) {
      this.searchByDocument(present, seeds, wanted, total, questionType, top, bound);
    } else {
      this.gather(present, wanted, seeds, seeds, exhaustive);
      this.score(total, kindMask, questionType, top, null);
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

  /**
   * The search document by document (MaxScore): the candidates are the documents holding one of
   * the seeds that could still lift a document over the score to beat (the seeds a document could
   * lack, with every term that is no seed, and still reach it), read in document order from their
   * postings side by side. A candidate's other terms are looked up in their sorted postings
   * (galloping on from the last found), heaviest first, until its bound falls below the score to
   * beat; only a candidate that still reaches it is scored, its phrasings looked up the same way.
   * As the best `limit` fill, the score to beat rises and fewer seeds make candidates. Every sum is
   * added in the order the plain method adds it (terms by postings), so the figures are the same
   * to the last bit, and so are the documents kept: only one that cannot beat the last kept is
   * passed over.
   */
  private searchByDocument(
    present: readonly PresentTerm[],
    seeds: number,
    wanted: readonly number[],
    total: number,
    questionType: QuestionType | undefined,
    top: TopK,
    bound: (left: number) => number,
  ): void {
    const m = present.length;
    if (seeds === 0) return;
    const gains = new Float64Array(m);
    for (let t = 0; t < m; t++) gains[t] = (present[t] as PresentTerm).gain;
    // Seeds, lightest first: the first `essentialFrom` of them make no candidates.
    const seedOrder = Array.from({ length: seeds }, (_, t) => t).sort(
      (a, b) => (gains[a] as number) - (gains[b] as number) || a - b,
    );
    // Every term, heaviest first: the order a candidate's other terms are looked up in.
    const lookupOrder = Array.from({ length: m }, (_, t) => t).sort(
      (a, b) => (gains[b] as number) - (gains[a] as number) || a - b,
    );
    let nonSeedGain = 0;
    for (let t = seeds; t < m; t++) nonSeedGain += gains[t] as number;
    const essential = new Uint8Array(m);
    for (let t = 0; t < seeds; t++) essential[t] = 1;
    let essentialFrom = 0;
    let passedOver = nonSeedGain;
    let beat = SCORE_FLOOR;
    const bonusAtMost = questionType === undefined ? 0 : SAME_TYPE_BONUS;
    // bound(left) < beat is asked for every candidate, often several times: it is answered by
    // comparing `left` with the least weight that reaches beat, found once per beat. Below `low`
    // the bound is short of beat and from `high` on it reaches it (both checked on the bound
    // itself, which rises with `left` and is exact to far less than REACH_MARGIN); in between,
    // the bound is evaluated.
    let low = Number.NEGATIVE_INFINITY;
    let high = Number.POSITIVE_INFINITY;
    const cannotReach = (left: number): boolean => left < low || (left < high && bound(left) < beat);
    const raise = (): void => {
      beat = Math.max(top.threshold, SCORE_FLOOR);
      const least = leastShareReaching(beat - bonusAtMost - BOUND_MARGIN) * total;
      low = least * (1 - REACH_BAND);
      high = least * (1 + REACH_BAND);
      if (!(bound(low) <= beat - REACH_MARGIN)) low = Number.NEGATIVE_INFINITY;
      if (!(bound(high) >= beat + REACH_MARGIN)) high = Number.POSITIVE_INFINITY;
      while (essentialFrom < seeds - 1) {
        const t = seedOrder[essentialFrom] as number;
        if (!cannotReach(passedOver + (gains[t] as number))) break;
        passedOver += gains[t] as number;
        essential[t] = 0;
        essentialFrom++;
      }
    };
    raise();
    const contribution = new Float64Array(m);
    // Per term: 1 the document holds it in a phrasing, 2 only in its supporting text, 0 not.
    const holds = new Uint8Array(m);
    const docCursor = new Int32Array(m);
    const docEnd = new Int32Array(m);
    const phrasingCursor = new Int32Array(m);
    const phrasingEnd = new Int32Array(m);
    const phrasingAcc = this.phrasingAcc;
    const docPhrasingOffsets = this.docPhrasingOffsets;
    const typeIndex = questionType === undefined ? -1 : this.phrasingTypeNames.indexOf(questionType);
    const gapKind = DOC_KINDS.indexOf('gap');
    const lightestPhrasing = this.docLightestPhrasing;
    /**
     * The most document d can score when its terms weigh `all` and those in its phrasings
     * `phrased`: no phrasing matches more than `phrased`, nor uses more of itself than that
     * share of its lightest phrasing. A little over, like bound().
     */
    const documentBound = (d: number, all: number, phrased: number): number => {
      const pq = phrased / total;
      const pp = Math.min(1, phrased / (lightestPhrasing[d] as number));
      const fit = pq + pp > 0 ? (2 * pq * pp) / (pq + pp) : 0;
      return (
        SCORE_WEIGHTS.cover * Math.min(1, all / total) +
        SCORE_WEIGHTS.bestCq * pq +
        SCORE_WEIGHTS.bestF * fit +
        bonusAtMost +
        BOUND_MARGIN
      );
    };
    for (const k of wanted) {
      const docs = this.docPostings[k] as DocPostings;
      const phrasings = this.phrasingPostings[k] as Postings;
      const dItems = docs.items;
      const inPhrasing = docs.inPhrasing;
      const pItems = phrasings.items;
      for (let t = 0; t < m; t++) {
        const id = (present[t] as PresentTerm).id;
        docCursor[t] = docs.offsets[id] as number;
        docEnd[t] = docs.offsets[id + 1] as number;
        phrasingCursor[t] = phrasings.offsets[id] as number;
        phrasingEnd[t] = phrasings.offsets[id + 1] as number;
      }
      for (;;) {
        // The next candidate: the first document on of the seeds that make candidates.
        let d = 2147483647;
        for (let e = essentialFrom; e < seeds; e++) {
          const t = seedOrder[e] as number;
          const at = docCursor[t] as number;
          if (at < (docEnd[t] as number) && (dItems[at] as number) < d) d = dItems[at] as number;
        }
        if (d === 2147483647) break;
        let most = passedOver;
        for (let t = 0; t < m; t++) {
          holds[t] = 0;
          contribution[t] = 0;
          if (essential[t] === 0) continue;
          const at = docCursor[t] as number;
          if (at < (docEnd[t] as number) && dItems[at] === d) {
            const phrased = inPhrasing[at] === 1;
            holds[t] = phrased ? 1 : 2;
            contribution[t] = (gains[t] as number) * (phrased ? 1 : SUPPORTING_FACTOR);
            most += contribution[t] as number;
            docCursor[t] = at + 1;
          }
        }
        if (cannotReach(most) || documentBound(d, most, most) < beat) continue;
        let passed = false;
        for (let l = 0; l < m; l++) {
          const t = lookupOrder[l] as number;
          if (essential[t] === 1) continue;
          most -= gains[t] as number;
          const at = lowerBound(dItems, docCursor[t] as number, docEnd[t] as number, d);
          docCursor[t] = at;
          if (at < (docEnd[t] as number) && dItems[at] === d) {
            const phrased = inPhrasing[at] === 1;
            holds[t] = phrased ? 1 : 2;
            contribution[t] = (gains[t] as number) * (phrased ? 1 : SUPPORTING_FACTOR);
            most += contribution[t] as number;
            docCursor[t] = at + 1;
          }
          if (cannotReach(most)) {
            passed = true;
            break;
          }
        }
        if (passed) continue;
        let acc = 0;
        let phrased = 0;
        for (let t = 0; t < m; t++) {
          if (holds[t] !== 0) acc += contribution[t] as number;
          if (holds[t] === 1) phrased += gains[t] as number;
        }
        if (cannotReach(acc) || documentBound(d, acc, phrased) < beat) continue;
        // Its phrasings: each term's in the document's run of phrasing ids; a phrasing holding
        // no seed gains nothing from the other terms.
        const first = docPhrasingOffsets[d] as number;
        const end = docPhrasingOffsets[d + 1] as number;
        for (let t = 0; t < m; t++) {
          if (holds[t] !== 1) continue;
          const gain = gains[t] as number;
          const pEnd = phrasingEnd[t] as number;
          let at = lowerBound(pItems, phrasingCursor[t] as number, pEnd, first);
          for (; at < pEnd && (pItems[at] as number) < end; at++) {
            const p = pItems[at] as number;
            const a = phrasingAcc[p] as number;
            if (a === 0 && t >= seeds) continue;
            phrasingAcc[p] = a + gain;
          }
          phrasingCursor[t] = at;
        }
        this.offerDocument(top, d, first, end, acc, total, k === gapKind, typeIndex);
        if (top.threshold > beat) raise();
      }
    }
  }

  /**
   * The most a document can score from terms weighing `left` in all (of the question's `total`),
   * a little over, for sums added in another order; null when no bound is kept (a term weighing
   * nothing, or more than the index gives it, which only an exhaustive search handles).
   */
  private boundFor(
    present: readonly PresentTerm[],
    total: number,
    questionType: QuestionType | undefined,
  ): ((left: number) => number) | null {
    const seen = new Set<number>();
    for (const t of present) {
      // A term with no weight would make a candidate without a gain; one weighing more than the
      // index says (or twice in the question) could lift a phrasing's share over one.
      if (!(t.gain > 0) || t.gain > (this.weights[t.id] as number) || seen.has(t.id)) return null;
      seen.add(t.id);
    }
    const bonus = questionType === undefined ? 0 : SAME_TYPE_BONUS;
    return (left) => {
      // cover and the best phrasing's share are at most u; the fit, 2·cq·cp / (cq + cp) with the
      // phrasing's share cp at most 1, at most 2u / (1 + u).
      const u = left / total;
      return (
        SCORE_WEIGHTS.cover * Math.min(1, u) +
        SCORE_WEIGHTS.bestCq * u +
        SCORE_WEIGHTS.bestF * ((2 * u) / (1 + u)) +
        bonus +
        BOUND_MARGIN
      );
    };
  }

  /**
   * The accumulators of one search: the first `read` terms (seeds, rarest first) add every
   * posting and make candidates; the other seeds add to the candidates and make candidates of
   * their phrasings, and the terms after `seeds` only add to phrasings already candidates. A
   * term far more common than the candidates is looked up per candidate document (postings are
   * sorted: galloping from the last one found) instead of read in full. Every accumulator gets
   * the same gains in the same order whichever way, so its sum is the same to the last bit.
   */
  private gather(
    present: readonly PresentTerm[],
    wanted: readonly number[],
    read: number,
    seeds: number,
    exhaustive: boolean,
  ): void {
    const phrasingAcc = this.phrasingAcc;
    const docAcc = this.docAcc;
    const touchedDocs = this.touchedDocs;
    const phrasingDoc = this.phrasingDoc;
    const docPhrasingOffsets = this.docPhrasingOffsets;
    let docsTouched = 0;
    for (let t = 0; t < read; t++) {
      const { id, gain } = present[t] as PresentTerm;
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
          phrasingAcc[p] = acc + gain;
        }
        const docs = this.docPostings[k] as DocPostings;
        const dItems = docs.items;
        const inPhrasing = docs.inPhrasing;
        for (let i = docs.offsets[id] as number, end = docs.offsets[id + 1] as number; i < end; i++) {
          const d = dItems[i] as number;
          const acc = docAcc[d] as number;
          if (acc === 0) touchedDocs[docsTouched++] = d;
          docAcc[d] = acc + gain * (inPhrasing[i] === 1 ? 1 : SUPPORTING_FACTOR);
        }
      }
    }
    // From here on no document becomes a candidate: a candidate's accumulator is above zero.
    let sorted = false;
    for (let t = read; t < present.length; t++) {
      const { id, gain } = present[t] as PresentTerm;
      const seed = t < seeds;
      for (const k of wanted) {
        const phrasings = this.phrasingPostings[k] as Postings;
        const pItems = phrasings.items;
        const pStart = phrasings.offsets[id] as number;
        const pEnd = phrasings.offsets[id + 1] as number;
        const lookUpPhrasings = !exhaustive && docsTouched * LOOKUP_COST < pEnd - pStart;
        const docs = this.docPostings[k] as DocPostings;
        const dItems = docs.items;
        const inPhrasing = docs.inPhrasing;
        const dStart = docs.offsets[id] as number;
        const dEnd = docs.offsets[id + 1] as number;
        const lookUpDocs = !exhaustive && docsTouched * LOOKUP_COST < dEnd - dStart;
        if ((lookUpPhrasings || lookUpDocs) && !sorted) {
          // Scoring keeps maxima and a total order, so the candidates' order is free.
          touchedDocs.subarray(0, docsTouched).sort();
          sorted = true;
        }
        if (lookUpPhrasings) {
          for (let j = 0, at = pStart; j < docsTouched && at < pEnd; j++) {
            const d = touchedDocs[j] as number;
            const last = docPhrasingOffsets[d + 1] as number;
            at = lowerBound(pItems, at, pEnd, docPhrasingOffsets[d] as number);
            for (; at < pEnd && (pItems[at] as number) < last; at++) {
              const p = pItems[at] as number;
              const acc = phrasingAcc[p] as number;
              if (acc === 0 && !seed) continue;
              phrasingAcc[p] = acc + gain;
            }
          }
        } else {
          for (let i = pStart; i < pEnd; i++) {
            const p = pItems[i] as number;
            const acc = phrasingAcc[p] as number;
            // A seed's phrasing is a candidate when its document is one.
            if (acc === 0 && (!seed || docAcc[phrasingDoc[p] as number] === 0)) continue;
            phrasingAcc[p] = acc + gain;
          }
        }
        if (lookUpDocs) {
          for (let j = 0, at = dStart; j < docsTouched && at < dEnd; j++) {
            const d = touchedDocs[j] as number;
            at = lowerBound(dItems, at, dEnd, d);
            if (at < dEnd && dItems[at] === d) {
              const acc = docAcc[d] as number;
              if (acc !== 0) docAcc[d] = acc + gain * (inPhrasing[at] === 1 ? 1 : SUPPORTING_FACTOR);
            }
          }
        } else {
          for (let i = dStart; i < dEnd; i++) {
            const d = dItems[i] as number;
            const acc = docAcc[d] as number;
            if (acc !== 0) docAcc[d] = acc + gain * (inPhrasing[i] === 1 ? 1 : SUPPORTING_FACTOR);
          }
        }
      }
    }
    this.docsTouched = docsTouched;
  }

  /**
   * Scores the candidates gather() left into `top`, and clears the accumulators for the next
   * search. A document's phrasings are its own run of phrasing ids, read in one go. Once `top`
   * is full, a document whose accumulator bounds its score below the last kept is passed over
   * unread (cover is that accumulator's share, and no phrasing of it holds more).
   */
  /**
   * Scores one document from its phrasings' accumulators (clearing them) and offers it to the
   * top k: its best phrasings (the most of the question one explains, the most of itself one
   * uses, the best fit, the same kind of question breaking a tie) and its cover.
   */
  private offerDocument(
    top: TopK,
    d: number,
    first: number,
    end: number,
    acc: number,
    total: number,
    isGap: boolean,
    typeIndex: number,
  ): void {
    const phrasingAcc = this.phrasingAcc;
    const phrasingWeight = this.phrasingWeight;
    const phrasingType = this.phrasingType;
    let cq = 0;
    let cp = 0;
    let f = 0;
    let typed = false;
    for (let p = first; p < end; p++) {
      const matched = phrasingAcc[p] as number;
      if (matched === 0) continue;
      phrasingAcc[p] = 0;
      const pq = matched / total;
      const pp = matched / (phrasingWeight[p] as number);
      const pf = (2 * pq * pp) / (pq + pp);
      if (pq > cq) cq = pq;
      if (pp > cp) cp = pp;
      const sameType = typeIndex > 0 && phrasingType[p] === typeIndex;
      if (pf > f || (pf === f && sameType)) {
        f = pf;
        typed = sameType;
      }
    }
    // A known gap's phrasings are separate questions it declines, not one subject's words:
    // pooling them would let a question made of pieces of several look like one of them.
    const cover = isGap ? cq : Math.min(1, acc / total);
    const bonus = typed ? SAME_TYPE_BONUS : 0;
    const score = SCORE_WEIGHTS.cover * cover + SCORE_WEIGHTS.bestCq * cq + SCORE_WEIGHTS.bestF * f + bonus;
    if (score < SCORE_FLOOR) return;
    top.offer(d, score, cover, cq, cp, f);
  }

  private score(
    total: number,
    kindMask: number,
    questionType: QuestionType | undefined,
    top: TopK,
    bound: ((left: number) => number) | null,
  ): void {
    const phrasingAcc = this.phrasingAcc;
    const docAcc = this.docAcc;
    const touchedDocs = this.touchedDocs;
    const docPhrasingOffsets = this.docPhrasingOffsets;
    // The phrasing type that earns the bonus, as its index (-1: none does).
    const typeIndex = questionType === undefined ? -1 : this.phrasingTypeNames.indexOf(questionType);
    const gapKind = DOC_KINDS.indexOf('gap');
    for (let i = 0, n = this.docsTouched; i < n; i++) {
      const d = touchedDocs[i] as number;
      const acc = docAcc[d] as number;
      docAcc[d] = 0;
      const first = docPhrasingOffsets[d] as number;
      const end = docPhrasingOffsets[d + 1] as number;
      const kind = this.docKinds[d] as number;
      if (
        (kindMask & (1 << kind)) === 0 ||
        (bound !== null && bound(acc) < Math.max(top.threshold, SCORE_FLOOR))
      ) {
        for (let p = first; p < end; p++) phrasingAcc[p] = 0;
        continue;
      }
      this.offerDocument(top, d, first, end, acc, total, kind === gapKind, typeIndex);
    }
    this.docsTouched = 0;
  }
}
