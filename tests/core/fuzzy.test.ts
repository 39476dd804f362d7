import { describe, expect, it } from 'vitest';
import { FuzzyVocabulary, typingDistance } from '../../src/core/fuzzy.ts';

const vocabulary = new FuzzyVocabulary(
  ['starmer', 'trump', 'trip', 'lavrov', 'zelensky', 'guarantees', 'bump', 'either', 'just'],
  {
    avoid: new Set(['either', 'just']),
    keep: ['weather', 'scholz'],
  },
);

describe('FuzzyVocabulary.correct', () => {
  it.each([
    ['starmr', 'starmer'],
    ['trmp', 'trump'],
    ['tump', 'trump'],
    ['lavorv', 'lavrov'],
    ['zelenksy', 'zelensky'],
    ['guarentees', 'guarantees'],
  ])('reads the typo %s as %s', (typo, word) => {
    expect(vocabulary.correct(typo)?.word).toBe(word);
  });

  it('gives exact words similarity 1 and corrections less', () => {
    expect(vocabulary.correct('trump')).toEqual({ word: 'trump', similarity: 1 });
    expect(vocabulary.correct('trmp')?.similarity).toBeLessThan(1);
  });

  it('does not correct short words, words kept as real, or words too far from any', () => {
    expect(vocabulary.correct('us')).toBeNull();
    expect(vocabulary.correct('scholz')).toEqual({ word: 'scholz', similarity: 1 });
    expect(vocabulary.correct('macron')).toBeNull();
  });

  it('reads a long word typed with a wrong first letter, but not a short one', () => {
    expect(vocabulary.correct('huarantees')?.word).toBe('guarantees');
    expect(vocabulary.correct('xtarmer')?.word).toBe('starmer');
    expect(vocabulary.correct('yrump')).toBeNull();
  });

  it('does not turn a short typo into a function word', () => {
    expect(vocabulary.correct('jast')).toBeNull();
  });
});

describe('typingDistance', () => {
  it('charges half for a dropped vowel and one for a swap', () => {
    expect(typingDistance('trmp', 'trump', 2)).toBe(0.5);
    expect(typingDistance('lavorv', 'lavrov', 2)).toBe(1);
    expect(typingDistance('trip', 'trump', 2)).toBe(1.5);
  });
});
