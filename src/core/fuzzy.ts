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

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * Optimal-string-alignment distance where leaving out a vowel costs half ("trmp" is nearer
 * "trump" than "trip"): people typing fast drop vowels far more often than they swap consonants.
 * Stops early once `limit` is exceeded.
 */
export function typingDistance(typed: string, word: string, limit: number): number {
  const n = typed.length;
  const m = word.length;
  if (Math.abs(n - m) > limit * 2) return Number.POSITIVE_INFINITY;
  let previous2: number[] = [];
  let previous: number[] = Array.from({ length: m + 1 }, (_, j) => deletionCost(word, j));
  for (let i = 1; i <= n; i++) {
    const current: number[] = [i];
    let rowMin = current[0] as number;
    for (let j = 1; j <= m; j++) {
      const same = typed[i - 1] === word[j - 1];
      const skipInWord = VOWELS.has(word[j - 1] as string) ? 0.5 : 1;
      let cost = Math.min(
        (previous[j] as number) + 1, // an extra letter typed
        (current[j - 1] as number) + skipInWord, // a letter of the word left out
        (previous[j - 1] as number) + (same ? 0 : 1),
      );
      if (i > 1 && j > 1 && typed[i - 1] === word[j - 2] && typed[i - 2] === word[j - 1]) {
        cost = Math.min(cost, (previous2[j - 2] as number) + 1); // two letters swapped
      }
      current.push(cost);
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > limit) return Number.POSITIVE_INFINITY;
    previous2 = previous;
    previous = current;
  }
  return previous[m] as number;
}

function deletionCost(word: string, upTo: number): number {
  let cost = 0;
  for (let j = 0; j < upTo; j++) cost += VOWELS.has(word[j] as string) ? 0.5 : 1;
  return cost;
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
  private readonly byBigram = new Map<string, number[]>();
  private readonly cache = new Map<string, Correction | null>();

  constructor(vocabulary: Iterable<string>, options: FuzzyVocabularyOptions = {}) {
    const targets = new Set(vocabulary);
    this.known = new Set([...targets, ...(options.keep ?? [])]);
    this.avoid = options.avoid ?? new Set();
    this.words = [...targets].filter((w) => w.length >= MIN_FUZZY_LENGTH - 1 && /^[a-z]+$/.test(w));
    this.words.forEach((word, index) => {
      for (const gram of new Set(bigramsOf(word))) {
        const list = this.byBigram.get(gram);
        if (list) list.push(index);
        else this.byBigram.set(gram, [index]);
      }
    });
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

  private search(word: string): Correction | null {
    const grams = new Set(bigramsOf(word));
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const index of this.byBigram.get(gram) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const limit = maxEditsFor(word.length);
    // Each edit breaks at most two bigrams (a swap, three), so fewer shared means too far.
    const needed = Math.max(1, grams.size - 3 * Math.ceil(limit));
    let best: { word: string; distance: number; score: number } | null = null;
    for (const [index, count] of shared) {
      if (count < needed) continue;
      const candidate = this.words[index];
      if (candidate === undefined) continue;
      // Typos rarely hit the first letter: "tump" is "trump", not "bump"; "weather" is not "either".
      const firstLetter = word[0] === candidate[0] ? 0 : 1;
      const distance = typingDistance(word, candidate, limit) + firstLetter;
      if (distance > limit) continue;
      // A typo is read as a function word only when it is long and plain: "becuase", not "works" for "words".
      if (this.avoid.has(candidate) && (word.length <= 5 || distance > 1)) continue;
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
}
