/**
 * Misspelt words -> the words the story uses ("lavrof" -> "lavrov", "starmr" -> "starmer").
 *
 * fuse.js scores the candidates (its Bitap match, `Fuse.match`, both ways round), and a typing
 * edit distance decides which are close enough. fuse.js is asked word against word, never a whole
 * question against whole entries: Bitap cuts patterns into 32-character chunks, is word-order
 * sensitive and finds short words inside long ones ("us" in "just"), and a linear scan over every
 * entry costs milliseconds per question (docs/design.md has the measurements). The vocabulary is a
 * trie, walked with the distance table so that only the words close enough are reached and fuse.js
 * is asked about the nearest alone; a lookup stays cheap however large the vocabulary grows, and
 * results are cached.
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

/** What leaving out a letter costs, in half edits (the trie search counts in whole numbers). */
const SKIP_HALVES = new Int32Array(128).fill(2);
for (const vowel of 'aeiouy') SKIP_HALVES[vowel.charCodeAt(0)] = 1;

// The trie search's rows of the distance table, one per depth, reused by every call.
let trieRows = new Int32Array(64 * 32);
let pathLetters = new Int32Array(64);
let stackNodes = new Int32Array(1024);
let stackDepths = new Int32Array(1024);
const typedCodes = new Int32Array(MAX_FUZZY_LENGTH + 1);
/** A distance table cell no word is within (in half edits): far over any edits allowed. */
const FAR = 1 << 20;

export interface FuzzyVocabularyOptions {
  /** Words that are never the correction of a short typo (function words). */
  readonly avoid?: ReadonlySet<string>;
  /** Words that are real and must never be "corrected" (names of the wider world). */
  readonly keep?: Iterable<string>;
  /**
   * More words a typo may be read as, that are not the vocabulary's own (`has` is false for them):
   * the general English a story's thesaurus links to its words ("comming" is "coming", as in "coming to").
   */
  readonly alsoCorrectTo?: Iterable<string>;
}

/** Letter bits (a = bit 0) of the vowels, whose leaving out costs half. */
const VOWEL_BITS = [...'aeiouy'].reduce((bits, v) => bits | (1 << (v.charCodeAt(0) - 97)), 0);
const ALL_LETTERS = (1 << 26) - 1;

export class FuzzyVocabulary {
  /** The words a typo may be read as, in spelling order. */
  private readonly words: readonly string[];
  private readonly known: ReadonlySet<string>;
  private readonly avoid: ReadonlySet<string>;
  /**
   * The words as a trie, its nodes numbered breadth first: node n's children are the nodes
   * [childStart[n], childStart[n + 1]), in letter order; nodeLetter[n] is the letter leading to
   * it (a character code) and nodeWord[n] the word ending there (an index into words), or -1.
   */
  private readonly childStart: Int32Array;
  private readonly nodeLetter: Uint8Array;
  private readonly nodeWord: Int32Array;
  /** The shortest and longest word under each node (at most 255 letters counted). */
  private readonly shortestBelow: Uint8Array;
  private readonly longestBelow: Uint8Array;
  private readonly cache = new Map<string, Correction | null>();

  constructor(vocabulary: Iterable<string>, options: FuzzyVocabularyOptions = {}) {
    const targets = new Set(vocabulary);
    this.known = new Set([...targets, ...(options.keep ?? [])]);
    for (const word of options.alsoCorrectTo ?? []) targets.add(word);
    this.avoid = options.avoid ?? new Set();
    const words = [...targets].filter((w) => w.length >= MIN_FUZZY_LENGTH - 1 && /^[a-z]+$/.test(w)).sort();
    this.words = words;
    // Breadth first over runs of the sorted words that share a prefix: a node's words are
    // [from[n], to[n]), all with the same first depth[n] letters; its children are their runs
    // by the next letter.
    const from = [0];
    const to = [words.length];
    const depth = [0];
    const letters = [0];
    const childStart: number[] = [];
    const nodeWord: number[] = [];
    for (let node = 0; node < from.length; node++) {
      const d = depth[node] as number;
      let a = from[node] as number;
      const b = to[node] as number;
      childStart.push(from.length);
      if (a < b && (words[a] as string).length === d) nodeWord.push(a++);
      else nodeWord.push(-1);
      while (a < b) {
        const letter = (words[a] as string).charCodeAt(d);
        let e = a + 1;
        while (e < b && (words[e] as string).charCodeAt(d) === letter) e++;
        from.push(a);
        to.push(e);
        depth.push(d + 1);
        letters.push(letter);
        a = e;
      }
    }
    childStart.push(from.length);
    const count = from.length;
    // Children are numbered after their parent: from the last node back, each one's are done.
    const shortest = new Uint8Array(count).fill(255);
    const longest = new Uint8Array(count);
    for (let node = count - 1; node >= 0; node--) {
      const own = nodeWord[node] as number;
      if (own >= 0) {
        const length = Math.min(255, (words[own] as string).length);
        shortest[node] = length;
        longest[node] = length;
      }
      for (let child = childStart[node] as number; child < (childStart[node + 1] as number); child++) {
        if ((shortest[child] as number) < (shortest[node] as number))
          shortest[node] = shortest[child] as number;
        if ((longest[child] as number) > (longest[node] as number)) longest[node] = longest[child] as number;
      }
    }
    this.childStart = Int32Array.from(childStart);
    this.nodeLetter = Uint8Array.from(letters);
    this.nodeWord = Int32Array.from(nodeWord);
    this.shortestBelow = shortest;
    this.longestBelow = longest;
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
   * The best word by typing distance, then fuse.js score, then spelling, among the words within
   * the edits allowed. Only the words at the best distance are asked of fuse.js (its Bitap score
   * is the costly part), nearest first.
   */
  private search(word: string): Correction | null {
    const limit = maxEditsFor(word.length);
    // A typo is read as a function word only when it is long and plain: "becuase", not "works" for
    // "words"; "artical" (seven letters, a letter and a vowel off) is "article".
    const within = this.within(word, limit);
    const plain = (distance: number): boolean => word.length > 5 && distance <= (word.length >= 7 ? 1.5 : 1);
    const near = within.filter(
      ({ word: candidate, distance }) => !this.avoid.has(candidate) || plain(distance),
    );
    // Nor is it read as a word farther off than a function word it slips from: "artical" is not "arrival".
    const nearestAvoided = Math.min(
      ...within.filter(({ word: candidate }) => this.avoid.has(candidate)).map((c) => c.distance),
    );
    near.sort((a, b) => a.distance - b.distance);
    let best: { word: string; distance: number; rank: number; score: number } | null = null;
    for (const { word: candidate, distance } of near) {
      if (best && distance > best.distance) break;
      // At the same distance: the vocabulary's own word before one it only corrects to ("starmmer"
      // is Starmer, not "stammer"), then one of the typed length, as two letters swapped are
      // ("sepnding" is "spending", not "sending"), then fuse.js's score, then spelling. One
      // ranked below the best so far cannot win whatever its score, so it is not scored.
      const rank = (this.known.has(candidate) ? 0 : 2) + (candidate.length === word.length ? 0 : 1);
      if (best && rank > best.rank) continue;
      // Bitap finds a pattern inside a longer text; scoring both ways keeps whole-word similarity.
      // The score is the worse of the two: when the first already rules the candidate out (too
      // far, or no better than the best of its distance and rank), the second is not made.
      const forward = Fuse.match(word, candidate, FUSE_OPTIONS).score;
      if (forward > MAX_FUSE_SCORE) continue;
      if (best && distance === best.distance && rank === best.rank && forward > best.score) continue;
      const score = Math.max(forward, Fuse.match(candidate, word, FUSE_OPTIONS).score);
      if (score > MAX_FUSE_SCORE) continue;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (rank < best.rank ||
            (rank === best.rank && (score < best.score || (score === best.score && candidate < best.word)))))
      ) {
        best = { word: candidate, distance, rank, score };
      }
    }
    if (!best || best.distance > nearestAvoided) return null;
    // Bitap scores two swapped letters ("deopt") as if far off; the typing distance says one slip.
    const bySlips = 1 - best.distance / word.length;
    return { word: best.word, similarity: Math.max(0.5, 1 - best.score, bySlips) };
  }

  /**
   * Every word within `limit` typing edits of the typed one, a different first letter counting
   * as one edit more ("tump" is "trump", not "bump"; "weather" is not "either"), with its
   * distance. The distance table (typingDistance's, one row per letter of the word, in half
   * edits) is computed along the trie, so words sharing a prefix share its rows, and a branch is
   * left as soon as no word under it can be close enough: a path through the table crosses each
   * row (or swaps over it from the row before, at no less), so a row whose every cell, with
   * what the rest of the typed word costs at least against the lengths of the words below, is
   * too far, is too far for all of them. A child is not even looked at when no letter it could
   * add reaches a cell within reach.
   */
  private within(typed: string, limit: number): { word: string; distance: number }[] {
    const n = typed.length;
    const width = n + 1;
    for (let i = 0; i < n; i++) typedCodes[i] = typed.charCodeAt(i);
    // A word more than twice the allowed edits longer is too far.
    const maxDepth = n + 2 * limit + 1;
    if (pathLetters.length < maxDepth + 1) pathLetters = new Int32Array(maxDepth + 1);
    if (trieRows.length < (maxDepth + 1) * width) trieRows = new Int32Array((maxDepth + 1) * width);
    const rows = trieRows;
    for (let i = 0; i <= n; i++) rows[i] = 2 * i;
    const found: { word: string; distance: number }[] = [];
    const { childStart, nodeLetter, nodeWord, shortestBelow, longestBelow, words } = this;
    const first = typedCodes[0] as number;
    for (let root = childStart[0] as number, rootEnd = childStart[1] as number; root < rootEnd; root++) {
      const firstLetter = nodeLetter[root] === first ? 0 : 1;
      // The least a different word can be off by is half an edit (a dropped vowel).
      const allowed = 2 * (limit - firstLetter);
      if (allowed < 1) continue;
      // A cell (i typed letters against j of the word) costs at least twice its letters typed
      // over, or once its letters left out: only a band of each row can be within reach. The
      // rest holds more than reach (FAR), so whatever is read from it is out of reach too.
      const over = allowed >> 1;
      rows.fill(FAR, width, (maxDepth + 1) * width);
      let top = 0;
      stackNodes[top] = root;
      stackDepths[top] = 1;
      top++;
      while (top > 0) {
        top--;
        const node = stackNodes[top] as number;
        const j = stackDepths[top] as number;
        const letter = nodeLetter[node] as number;
        pathLetters[j] = letter;
        const skip = SKIP_HALVES[letter] as number;
        const row = j * width;
        const above = row - width;
        const above2 = above - width;
        const letterBefore = j > 1 ? (pathLetters[j - 1] as number) : -1;
        // What the rest of the typed word costs at least against the rest of any word below:
        // an extra letter typed costs a whole edit, one left out at least half.
        const restShortest = (shortestBelow[node] as number) - j;
        const restLongest = (longestBelow[node] as number) - j;
        let cell = (rows[above] as number) + skip;
        rows[row] = cell;
        let bound =
          cell + (n > restLongest ? 2 * (n - restLongest) : n < restShortest ? restShortest - n : 0);
        // The letters a child may add and still reach a cell within reach: any, through a cell
        // one edit inside it (a letter mistyped or left out); a vowel, through one half an edit
        // inside; the typed letter after a cell within reach; the letter swapped back.
        let cheapest = cell;
        let matching = cell <= allowed && n > 0 ? 1 << ((typedCodes[0] as number) - 97) : 0;
        // The band, and one cell past it: the swap back reads the row above there.
        const from = Math.max(j - allowed, 1);
        const to = Math.min(j + over + 1, n);
        if (from > 1) cell = rows[row + from - 1] as number;
        for (let i = from; i <= to; i++) {
          const t = typedCodes[i - 1] as number;
          // A letter of the word left out, an extra letter typed, a letter mistyped or kept.
          let cost = (rows[above + i] as number) + skip;
          const extra = cell + 2;
          if (extra < cost) cost = extra;
          const diagonal = (rows[above + i - 1] as number) + (t === letter ? 0 : 2);
          if (diagonal < cost) cost = diagonal;
          if (i > 1 && t === letterBefore && typedCodes[i - 2] === letter) {
            // Two letters swapped.
            const swapped = (rows[above2 + i - 2] as number) + 2;
            if (swapped < cost) cost = swapped;
          }
          rows[row + i] = cost;
          cell = cost;
          if (cost < cheapest) cheapest = cost;
          if (cost <= allowed && i < n) matching |= 1 << ((typedCodes[i] as number) - 97);
          if (i > 1 && t === letter && (rows[above + i - 2] as number) + 2 <= allowed) {
            // A child with the typed letter before this one swaps back from this row's parent.
            matching |= 1 << ((typedCodes[i - 2] as number) - 97);
          }
          if (cost < bound) {
            const typedLeft = n - i;
            const rest =
              typedLeft > restLongest
                ? 2 * (typedLeft - restLongest)
                : typedLeft < restShortest
                  ? restShortest - typedLeft
                  : 0;
            if (cost + rest < bound) bound = cost + rest;
          }
        }
        cell = rows[row + n] as number;
        const index = nodeWord[node] as number;
        if (index >= 0 && cell <= allowed) {
          found.push({ word: words[index] as string, distance: cell / 2 + firstLetter });
        }
        if (bound > allowed || j >= maxDepth) continue;
        const childEnd = childStart[node + 1] as number;
        let child = childStart[node] as number;
        if (child === childEnd) continue;
        const viable =
          cheapest + 2 <= allowed ? ALL_LETTERS : cheapest + 1 <= allowed ? matching | VOWEL_BITS : matching;
        if (top + (childEnd - child) > stackNodes.length) {
          const grownNodes = new Int32Array(stackNodes.length * 2 + (childEnd - child));
          grownNodes.set(stackNodes);
          stackNodes = grownNodes;
          const grownDepths = new Int32Array(grownNodes.length);
          grownDepths.set(stackDepths);
          stackDepths = grownDepths;
        }
        for (; child < childEnd; child++) {
          if (((viable >> ((nodeLetter[child] as number) - 97)) & 1) === 0) continue;
          stackNodes[top] = child;
          stackDepths[top] = j + 1;
          top++;
        }
      }
    }
    return found;
  }
}
