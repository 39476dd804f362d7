/**
 * Misspelt words -> the words the story uses ("lavrof" -> "lavrov", "starmr" -> "starmer").
 *
 * fuse.js scores the candidates (its Bitap match, `Fuse.match`, both ways round), and a typing
 * edit distance decides which are close enough. fuse.js is asked word against word, never a whole
 * question against whole entries: Bitap cuts patterns into 32-character chunks, is word-order
 * sensitive and finds short words inside long ones ("us" in "just"), and a linear scan over every
 * entry costs milliseconds per question (docs/design.md has the measurements). A character-bigram
 * index picks the few vocabulary words worth asking about, so a lookup stays cheap however large
 * the vocabulary grows, and results are cached.
 */
import Fuse from 'fuse.js';

export interface Correction {
  readonly word: string;
  /** 1 for an exact match, lower for a fuzzier one. */
  readonly similarity: number;
}

/** Shortest word that is corrected at all: shorter ones ("uk", "iran", "war") have too many neighbours. */
const MIN_FUZZY_LENGTH = 4;
const MAX_FUZZY_LENGTH = 24;
const CACHE_LIMIT = 5000;
/** Fuse scores above this are never a typo of each other, whatever the edit distance says. */
const MAX_FUSE_SCORE = 0.5;
const FUSE_OPTIONS = { ignoreLocation: true, threshold: 0.6, isCaseSensitive: true } as const;

/** Typing edits allowed, by word length: one for short words, two from seven letters. */
function maxEditsFor(length: number): number {
  return length >= 7 ? 2 : 1;
}

/** Character code -> what leaving that letter out costs: half for a vowel (y counts), else one. */
const SKIP_COST = new Float64Array(65536).fill(1);
for (const vowel of 'aeiouy') SKIP_COST[vowel.charCodeAt(0)] = 0.5;

// Rows of the distance table, reused by every call (distances are computed synchronously).
let rowA = new Float64Array(32);
let rowB = new Float64Array(32);
let rowC = new Float64Array(32);

/**
 * Optimal-string-alignment distance where leaving out a vowel costs half ("trmp" is nearer
 * "trump" than "trip"): people typing fast drop vowels far more often than they swap consonants.
 * Stops early once `limit` is exceeded.
 */
export function typingDistance(typed: string, word: string, limit: number): number {
  const n = typed.length;
  const m = word.length;
  if (Math.abs(n - m) > limit * 2) return Number.POSITIVE_INFINITY;
  if (rowA.length < m + 1) {
    rowA = new Float64Array(m + 1);
    rowB = new Float64Array(m + 1);
    rowC = new Float64Array(m + 1);
  }
  let previous2 = rowA;
  let previous = rowB;
  let current = rowC;
  previous[0] = 0;
  for (let j = 1; j <= m; j++)
    previous[j] = (previous[j - 1] as number) + (SKIP_COST[word.charCodeAt(j - 1)] as number);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const t = typed.charCodeAt(i - 1);
    const tBefore = i > 1 ? typed.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const w = word.charCodeAt(j - 1);
      let cost = (previous[j] as number) + 1; // an extra letter typed
      const left = (current[j - 1] as number) + (SKIP_COST[w] as number); // a letter of the word left out
      if (left < cost) cost = left;
      const diagonal = (previous[j - 1] as number) + (t === w ? 0 : 1);
      if (diagonal < cost) cost = diagonal;
      if (j > 1 && t === word.charCodeAt(j - 2) && tBefore === w) {
        const swapped = (previous2[j - 2] as number) + 1; // two letters swapped
        if (swapped < cost) cost = swapped;
      }
      current[j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > limit) return Number.POSITIVE_INFINITY;
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  return previous[m] as number;
}

// Letters of the typed word not yet matched, while bounding a candidate's distance from below.
const available = new Int32Array(65536);

/**
 * A lower bound of typingDistance, from the letters alone: every typed letter the word lacks
 * costs an edit, and every letter of the word left unmatched at least half of one. Far cheaper
 * than the distance table, and most shortlisted words fail it.
 */
function distanceAtLeast(typed: string, word: string): number {
  for (let i = 0; i < typed.length; i++) {
    const c = typed.charCodeAt(i);
    available[c] = (available[c] as number) + 1;
  }
  let matched = 0;
  for (let j = 0; j < word.length; j++) {
    const c = word.charCodeAt(j);
    if ((available[c] as number) > 0) {
      available[c] = (available[c] as number) - 1;
      matched++;
    }
  }
  for (let i = 0; i < typed.length; i++) available[typed.charCodeAt(i)] = 0;
  const typedLeft = typed.length - matched;
  const wordLeft = word.length - matched;
  return typedLeft + 0.5 * Math.max(0, wordLeft - typedLeft);
}

/**
 * Whether a word's length leaves it within `allowed` of the typed word's: shorter by more than
 * that, or longer by more than twice it (a left-out vowel costs half), is too far. distanceAtLeast
 * says so too, from the letters; the lengths alone are cheaper still.
 */
function lengthWithin(typed: number, word: number, allowed: number): boolean {
  const gap = word - typed;
  return gap >= -allowed && gap <= 2 * allowed;
}

function bigramsOf(word: string): string[] {
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) grams.push(padded.slice(i, i + 2));
  return grams;
}

export interface FuzzyVocabularyOptions {
  /** Words that are never the correction of a short typo (function words). */
  readonly avoid?: ReadonlySet<string>;
  /** Words that are real and must never be "corrected" (names of the wider world). */
  readonly keep?: Iterable<string>;
}

export class FuzzyVocabulary {
  private readonly words: readonly string[];
  private readonly known: ReadonlySet<string>;
  private readonly avoid: ReadonlySet<string>;
  /** Bigram -> indexes of the words holding it. */
  private readonly byBigram = new Map<string, Int32Array>();
  /** First letter -> bigram -> indexes of the words that start with that letter and hold it. */
  private readonly byFirstLetter = new Map<string, Map<string, Int32Array>>();
  private readonly cache = new Map<string, Correction | null>();
  /** Each word's first letter (as a character code) and length, read without touching the string. */
  private readonly firstCodes: Uint16Array;
  private readonly lengths: Uint16Array;
  // Scratch space for counting shared bigrams (lookups are synchronous, so never shared).
  private readonly sharedCount: Uint8Array;
  private readonly touched: Int32Array;

  constructor(vocabulary: Iterable<string>, options: FuzzyVocabularyOptions = {}) {
    const targets = new Set(vocabulary);
    this.known = new Set([...targets, ...(options.keep ?? [])]);
    this.avoid = options.avoid ?? new Set();
    this.words = [...targets].filter((w) => w.length >= MIN_FUZZY_LENGTH - 1 && /^[a-z]+$/.test(w));
    const lists = new Map<string, number[]>();
    const byFirst = new Map<string, Map<string, number[]>>();
    const add = (map: Map<string, number[]>, gram: string, index: number): void => {
      const list = map.get(gram);
      if (list) list.push(index);
      else map.set(gram, [index]);
    };
    this.words.forEach((word, index) => {
      const first = word[0] as string;
      let group = byFirst.get(first);
      if (!group) {
        group = new Map();
        byFirst.set(first, group);
      }
      for (const gram of new Set(bigramsOf(word))) {
        add(lists, gram, index);
        add(group, gram, index);
      }
    });
    for (const [gram, list] of lists) this.byBigram.set(gram, Int32Array.from(list));
    for (const [first, group] of byFirst) {
      this.byFirstLetter.set(first, new Map([...group].map(([gram, list]) => [gram, Int32Array.from(list)])));
    }
    this.firstCodes = Uint16Array.from(this.words, (w) => w.charCodeAt(0));
    this.lengths = Uint16Array.from(this.words, (w) => Math.min(w.length, 65535));
    this.sharedCount = new Uint8Array(this.words.length);
    this.touched = new Int32Array(this.words.length);
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  get size(): number {
    return this.known.size;
  }

  /** The closest vocabulary word, or null when none is close enough. */
  correct(word: string): Correction | null {
    if (this.known.has(word)) return { word, similarity: 1 };
    if (word.length < MIN_FUZZY_LENGTH || word.length > MAX_FUZZY_LENGTH || !/^[a-z]+$/.test(word))
      return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.search(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  /**
   * The best candidate by typing distance, then fuse.js score, then spelling, among the words
   * sharing enough bigrams with the typed one. Only words that can be close enough are looked
   * at: those with the same first letter (from their own bigram lists), and, for long words,
   * those within one edit that start differently: such a word lacks at most two of the typed
   * word's other bigrams (an edit breaks at most three, one of them the first letter's), so it
   * holds one of any three of them: the three rarest are searched. Only the words at the best
   * distance are asked of fuse.js (its Bitap score is the costly part), nearest first.
   */
  private search(word: string): Correction | null {
    const grams = new Set(bigramsOf(word));
    const counts = this.sharedCount;
    const touched = this.touched;
    let touchedCount = 0;
    const limit = maxEditsFor(word.length);
    // Each edit breaks at most two bigrams (a swap, three), so fewer shared means too far.
    const needed = Math.max(1, grams.size - 3 * Math.ceil(limit));
    const first = word[0] as string;
    const group = this.byFirstLetter.get(first);
    if (group) {
      for (const gram of grams) {
        const list = group.get(gram);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const index = list[i] as number;
          if (counts[index] === 0) touched[touchedCount++] = index;
          counts[index] = (counts[index] as number) + 1;
        }
      }
    }
    const near: { word: string; distance: number }[] = [];
    const consider = (index: number, count: number): void => {
      if (count < needed) return;
      const candidate = this.words[index];
      if (candidate === undefined) return;
      // Typos rarely hit the first letter: "tump" is "trump", not "bump"; "weather" is not "either".
      const firstLetter = first === candidate[0] ? 0 : 1;
      // The least a different word can be off by is half an edit (a dropped vowel).
      const allowed = limit - firstLetter;
      if (allowed < 0.5) return;
      if (!lengthWithin(word.length, candidate.length, allowed)) return;
      if (distanceAtLeast(word, candidate) > allowed) return;
      const distance = typingDistance(word, candidate, limit - firstLetter) + firstLetter;
      if (distance > limit) return;
      // A typo is read as a function word only when it is long and plain: "becuase", not "works" for "words".
      if (this.avoid.has(candidate) && (word.length <= 5 || distance > 1)) return;
      near.push({ word: candidate, distance });
    };
    for (let i = 0; i < touchedCount; i++) {
      const index = touched[i] as number;
      const count = counts[index] as number;
      counts[index] = 0;
      consider(index, count);
    }
    if (limit >= 1.5) this.considerOtherFirstLetters(word, grams, consider);
    near.sort((a, b) => a.distance - b.distance);
    let best: { word: string; distance: number; score: number } | null = null;
    for (const { word: candidate, distance } of near) {
      if (best && distance > best.distance) break;
      // Bitap finds a pattern inside a longer text; scoring both ways keeps whole-word similarity.
      const score = Math.max(
        Fuse.match(word, candidate, FUSE_OPTIONS).score,
        Fuse.match(candidate, word, FUSE_OPTIONS).score,
      );
      if (score > MAX_FUSE_SCORE) continue;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (score < best.score || (score === best.score && candidate < best.word)))
      ) {
        best = { word: candidate, distance, score };
      }
    }
    return best ? { word: best.word, similarity: Math.max(0.5, 1 - best.score) } : null;
  }

  /** Words that start with another letter and may be one edit away: see search(). */
  private considerOtherFirstLetters(
    word: string,
    grams: ReadonlySet<string>,
    consider: (index: number, count: number) => void,
  ): void {
    const others = [...grams].filter((gram) => gram[0] !== '^');
    let lists: Int32Array[];
    if (others.length >= 3) {
      lists = others
        .map((gram) => this.byBigram.get(gram) ?? new Int32Array(0))
        .sort((a, b) => a.length - b.length)
        .slice(0, 3);
    } else {
      // Too few bigrams to choose from: every word sharing one.
      lists = [...grams].map((gram) => this.byBigram.get(gram) ?? new Int32Array(0));
    }
    const counts = this.sharedCount;
    const touched = this.touched;
    let touchedCount = 0;
    const firstCode = word.charCodeAt(0);
    const firstCodes = this.firstCodes;
    const lengths = this.lengths;
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) {
        const index = list[i] as number;
        if (counts[index] !== 0 || firstCodes[index] === firstCode) continue;
        if (!lengthWithin(word.length, lengths[index] as number, 1)) continue;
        counts[index] = 1;
        touched[touchedCount++] = index;
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const index = touched[i] as number;
      counts[index] = 0;
      const candidate = this.words[index] as string;
      // Most are more than one edit away by their letters alone; counting bigrams costs more.
      if (distanceAtLeast(word, candidate) > 1) continue;
      let shared = 0;
      for (const gram of new Set(bigramsOf(candidate))) if (grams.has(gram)) shared++;
      consider(index, shared);
    }
  }
}
