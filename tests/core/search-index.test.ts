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
