import { describe, expect, it } from 'vitest';
import { type DocKind, type IndexDocument, SearchIndex } from '../../src/core/search-index.ts';

/** A deterministic knowledge base of `n` documents over a small vocabulary, with many ties. */
function documents(n: number): IndexDocument[] {
  const words = ['trump', 'deal', 'troops', 'peace', 'backstop', 'minerals', 'europe', 'vote', 'nato', 'uk'];
  const kinds: DocKind[] = ['qa', 'qa', 'quote', 'gap', 'sentence'];
  let state = 7;
  const next = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const phrase = (): string[] =>
    Array.from(
      { length: 1 + Math.floor(next() * 4) },
      () => words[Math.floor(next() * words.length)] as string,
    );
  return Array.from({ length: n }, (_, i) => ({
    kind: kinds[i % kinds.length] as DocKind,
    id: `doc-${i}`,
    phrasings: Array.from({ length: 1 + (i % 3) }, phrase),
    supporting: phrase(),
    phrasingTypes: [null, 'what', 'why'],
  }));
}

describe('SearchIndex.search', () => {
  const index = new SearchIndex(documents(600));
  const all: ReadonlySet<DocKind> = new Set(['qa', 'quote', 'gap', 'sentence']);
  const queries = [
    ['trump', 'deal'],
    ['peace'],
    ['backstop', 'europe', 'vote'],
    ['uk', 'nato', 'troops', 'minerals'],
  ];

  it('keeps the best k of every candidate: the first k of the full ranking, ties by document order', () => {
    for (const words of queries) {
      const terms = words.map((term) => ({ term, similarity: 1, known: true }));
      const full = index.search(terms, all, Number.MAX_SAFE_INTEGER, 'what');
      expect(full.length).toBeGreaterThan(20);
      for (let i = 1; i < full.length; i++) {
        const a = full[i - 1] as (typeof full)[number];
        const b = full[i] as (typeof full)[number];
        expect(a.score > b.score || (a.score === b.score && a.doc < b.doc)).toBe(true);
      }
      for (const k of [1, 5, 12]) expect(index.search(terms, all, k, 'what')).toEqual(full.slice(0, k));
    }
  });

  it('searches only the kinds asked for, and knows which document holds which term', () => {
    const terms = [{ term: 'peace', similarity: 1, known: true }];
    const quotes = index.search(terms, new Set<DocKind>(['quote']), 50);
    expect(quotes.length).toBeGreaterThan(0);
    for (const r of quotes) {
      expect(r.kind).toBe('quote');
      expect(index.documentHas(r.doc, 'peace')).toBe(true);
    }
    expect(index.documentHas(0, 'no-such-term')).toBe(false);
    expect(index.documentIndex('doc-17')).toBe(17);
  });
});

describe('SearchIndex.search on a large index with common terms', () => {
  // Postings long enough (a few words in thousands of phrasings) that the search reads the rare
  // seeds first, looks candidates up in the common terms' postings, and bounds what it left out.
  const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
  let state = 11;
  const next = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  // Zipf-like: the first words are in most phrasings, the later ones rare.
  const word = (): string => words[Math.floor(words.length * next() ** 3)] as string;
  const common = (): string => words[Math.floor(next() * 12)] as string;
  const phrase = (): string[] => Array.from({ length: 2 + Math.floor(next() * 6) }, word);
  const kinds: DocKind[] = ['qa', 'qa', 'qa', 'quote', 'gap', 'sentence'];
  const docs: IndexDocument[] = Array.from({ length: 4000 }, (_, i) => ({
    kind: kinds[i % kinds.length] as DocKind,
    id: `doc-${i}`,
    phrasings: Array.from({ length: 1 + (i % 5) }, phrase),
    supporting: phrase(),
    phrasingTypes: [null, 'what', 'why', 'who', null],
  }));
  const index = new SearchIndex(docs);
  const kindSets: ReadonlySet<DocKind>[] = [
    new Set(['qa', 'quote', 'gap', 'sentence']),
    new Set(['qa']),
    new Set(['qa', 'gap']),
    new Set(['quote']),
  ];

  it('finds exactly what reading every posting finds: the same documents, figures and order', () => {
    let compared = 0;
    for (let q = 0; q < 400; q++) {
      const terms = Array.from({ length: 1 + Math.floor(next() * 7) }, () => ({
        // Half the questions only of common words: several seeds, read in full or bounded.
        term: next() < 0.05 ? 'unknown-word' : q % 2 === 0 ? common() : word(),
        similarity: next() < 0.2 ? 0.5 + next() / 2 : 1,
        known: true,
        ...(next() < 0.1 ? { weightScale: 0.6 } : {}),
      }));
      const kindsAsked = kindSets[q % kindSets.length] as ReadonlySet<DocKind>;
      const limit = [1, 5, 6, 12, 20][q % 5] as number;
      const type = q % 3 === 0 ? undefined : 'what';
      const fast = index.search(terms, kindsAsked, limit, type);
      expect(fast).toEqual(index.search(terms, kindsAsked, limit, type, true));
      compared += fast.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('answers the same when a term comes twice or weighs nothing', () => {
    const twice = [
      { term: 'w0', similarity: 1, known: true },
      { term: 'w300', similarity: 1, known: true },
      { term: 'w0', similarity: 1, known: true },
    ];
    const all = kindSets[0] as ReadonlySet<DocKind>;
    expect(index.search(twice, all, 12, 'what')).toEqual(index.search(twice, all, 12, 'what', true));
    const nothing = [
      { term: 'w1', similarity: 0, known: true },
      { term: 'w200', similarity: 1, known: true },
    ];
    expect(index.search(nothing, all, 12)).toEqual(index.search(nothing, all, 12, undefined, true));
  });
});
