import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/core/analyzer.ts';
import { loadEnglish, type Thesaurus } from '../../src/core/english/index.ts';
import { GlossaryFile } from '../../src/core/schema.ts';
import { stem } from '../../src/core/stem.ts';

// One word or phrase of general English read as several of the story's terms.
const english = loadEnglish();
const storyText = 'the tram runs from the city centre and the security assurances were welcome';
const words = storyText.split(' ');
const thesaurus: Thesaurus = new Map([
  ['downtown', [{ word: 'city centre', similarity: 0.9, relation: 'paraphrase' as const }]],
  [
    'security assurances',
    [{ word: 'security guarantees', similarity: 0.9, relation: 'paraphrase' as const }],
  ],
  ['tramway', [{ word: 'tram', similarity: 0.9, relation: 'paraphrase' as const }]],
]);
const analyzer = new Analyzer(GlossaryFile.parse({}), words, words, { english, thesaurus });
const termsOf = (question: string) => analyzer.analyze(question).clauses.flatMap((c) => c.terms);

describe('a word read as a phrase of the story', () => {
  it('reads "downtown" as both words of "city centre", softer than the story\'s own words', () => {
    const terms = termsOf('how far is downtown');
    const read = terms.filter((t) => t.surface === 'downtown');
    expect(read.map((t) => t.term)).toEqual(['citi', 'centr']);
    for (const t of read) {
      expect(t.known).toBe(true);
      expect(t.similarity).toBeCloseTo(0.9);
      expect(t.position).toBe(3);
    }
    const literal = termsOf('how far is the city centre').filter((t) => t.term === 'citi');
    expect(literal[0]?.similarity).toBe(1);
  });

  it("reads a phrase of the story's own words as those words, not as what it may mean", () => {
    expect(termsOf('what security assurances').map((t) => t.term)).toEqual(['secur', 'assur']);
  });

  it('leaves a paraphrase with one word that counts as that one term', () => {
    expect(termsOf('is there a tramway').map((t) => t.term)).toEqual(['tram']);
  });

  it('reads the same in the data, so both sides agree', () => {
    expect(analyzer.termsOf('downtown')).toEqual(['citi', 'centr']);
  });
});

describe('a word the story never uses, read with the story noun it is a kind of', () => {
  const kinds: Thesaurus = new Map([
    ['bungalow', [{ word: 'house', similarity: 0.6, relation: 'kind' as const }]],
  ]);
  const reader = new Analyzer(GlossaryFile.parse({}), ['house', 'sold'], ['house', 'sold'], {
    english,
    thesaurus: kinds,
  });

  it('keeps the word as one the story never uses and adds the story noun, softer', () => {
    const terms = reader.analyze('who sold the bungalow').clauses.flatMap((c) => c.terms);
    expect(terms.map((t) => [t.term, t.known, t.similarity])).toEqual([
      [stem('sold'), true, 1],
      ['bungalow', false, 1],
      ['hous', true, 0.6],
    ]);
  });
});
