import Fuse from 'fuse.js';
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
    // Two letters swapped are one slip: as near as one letter left out, though Bitap scores it lower.
    expect(vocabulary.correct('lavorv')?.similarity).toBeGreaterThanOrEqual(1 - 1 / 'lavorv'.length);
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

  it("on a tie, prefers the vocabulary's own word, then one of the typed length (two letters swapped)", () => {
    const tied = new FuzzyVocabulary(['spending', 'sending', 'starmer'], { alsoCorrectTo: ['stammer'] });
    expect(tied.correct('sepnding')?.word).toBe('spending');
    expect(tied.correct('starmmer')?.word).toBe('starmer');
  });

  it('corrects to the general words linked to the story too, without counting them as its own', () => {
    const linked = new FuzzyVocabulary(['visit', 'washington'], { alsoCorrectTo: ['coming'] });
    expect(linked.correct('comming')?.word).toBe('coming');
    expect(linked.has('coming')).toBe(false);
  });

  it('reads a long slip of a function word as that word, never as a word farther off', () => {
    const reading = new FuzzyVocabulary(['arrival', 'article', 'because', 'beacon'], {
      avoid: new Set(['article', 'because']),
    });
    // A letter and a vowel off "article", two letters off "arrival".
    expect(reading.correct('artical')?.word).toBe('article');
    // A swap off "beacon", far from "because": the word it is.
    expect(reading.correct('becaon')?.word).toBe('beacon');
  });
});

describe('typingDistance', () => {
  it('charges half for a dropped vowel and one for a swap', () => {
    expect(typingDistance('trmp', 'trump', 2)).toBe(0.5);
    expect(typingDistance('lavorv', 'lavrov', 2)).toBe(1);
    expect(typingDistance('trip', 'trump', 2)).toBe(1.5);
  });
});

describe('FuzzyVocabulary.correct on a large vocabulary', () => {
  // Invented words from a few syllables share most of their bigrams, as a large story's do.
  const syllables = [
    'ka',
    'lo',
    'mir',
    'tan',
    've',
    'dro',
    'sul',
    'pe',
    'rak',
    'zon',
    'bi',
    'fen',
    'gor',
    'ul',
  ];
  let state = 5;
  const next = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const invented = (): string =>
    Array.from(
      { length: 2 + Math.floor(next() * 3) },
      () => syllables[Math.floor(next() * syllables.length)],
    ).join('');
  const words = [...new Set(Array.from({ length: 3000 }, invented))];
  const avoid = new Set(words.slice(0, 30));
  const large = new FuzzyVocabulary(words, { avoid });
  const options = { ignoreLocation: true, threshold: 0.6, isCaseSensitive: true } as const;

  /** The definition: the nearest word of all (first letter kept, else one edit more), then one of the typed length, then fuse.js's score, then spelling. */
  function reference(typed: string): string | null {
    const limit = typed.length >= 7 ? 2 : 1;
    let best: { word: string; distance: number; rank: number; score: number } | null = null;
    let nearestAvoided = Number.POSITIVE_INFINITY;
    for (const word of words) {
      const firstLetter = word[0] === typed[0] ? 0 : 1;
      if (limit - firstLetter < 0.5) continue;
      const distance = typingDistance(typed, word, limit - firstLetter) + firstLetter;
      if (distance > limit) continue;
      if (avoid.has(word)) {
        nearestAvoided = Math.min(nearestAvoided, distance);
        if (typed.length <= 5 || distance > (typed.length >= 7 ? 1.5 : 1)) continue;
      }
      const score = Math.max(Fuse.match(typed, word, options).score, Fuse.match(word, typed, options).score);
      if (score > 0.5) continue;
      const rank = word.length === typed.length ? 0 : 1;
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance &&
          (rank < best.rank ||
            (rank === best.rank && (score < best.score || (score === best.score && word < best.word)))))
      )
        best = { word, distance, rank, score };
    }
    // A function word nearer than the best word means the typo is a slip of it: no word.
    return best && best.distance <= nearestAvoided ? best.word : null;
  }

  it('finds the word comparing against every word finds', () => {
    let corrected = 0;
    for (const word of words.slice(0, 400)) {
      if (word.length < 4) continue;
      const at = 1 + Math.floor(next() * (word.length - 1));
      const edit = Math.floor(next() * 4);
      const typo =
        edit === 0
          ? `${word.slice(0, at)}${word.slice(at + 1)}`
          : edit === 1
            ? `${word.slice(0, at - 1)}${word[at] ?? ''}${word[at - 1]}${word.slice(at + 1)}`
            : edit === 2
              ? `${word.slice(0, at)}${word[at - 1]}${word.slice(at)}`
              : `${'kz'[Math.floor(next() * 2)]}${word.slice(1)}`;
      if (typo.length < 4 || large.has(typo)) continue;
      const found = large.correct(typo)?.word ?? null;
      expect(found).toBe(reference(typo));
      if (found !== null) corrected++;
    }
    expect(corrected).toBeGreaterThan(100);
  });
});
