import { describe, expect, it } from 'vitest';
import { stem } from '../../src/core/stem.ts';

describe('stem (Porter)', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['troops', 'troop'],
    ['agreed', 'agre'],
    ['hopping', 'hop'],
    ['relational', 'relat'],
    ['criticism', 'critic'],
    ['criticized', 'critic'],
    ['peacekeepers', 'peacekeep'],
    ['peacekeeping', 'peacekeep'],
    ['signaled', 'signal'],
    ['signalled', 'signal'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['engineer', 'engine'],
    ['news', 'new'],
    ['international', 'internal'],
    ['authority', 'author'],
    ['united', 'unit'],
  ])('keeps %s apart from %s, which Porter would merge', (word, other) => {
    expect(stem(word)).not.toBe(stem(other));
  });

  it('brings the two spellings of organisation together', () => {
    expect(stem('organization')).toBe(stem('organisation'));
    expect(stem('engineers')).toBe(stem('engineering'));
  });

  it('stems an irregular verb form as its base verb, except forms as often another word', () => {
    expect(stem('took')).toBe(stem('take'));
    expect(stem('taken')).toBe(stem('takes'));
    expect(stem('rose')).toBe(stem('rising'));
    expect(stem('spent')).toBe(stem('spending'));
    // "the left", "a bit": not "leave", "bite".
    expect(stem('left')).not.toBe(stem('leave'));
    expect(stem('bit')).not.toBe(stem('bite'));
  });

  it('leaves short words and numbers alone', () => {
    expect(stem('us')).toBe('us');
    expect(stem('2.5')).toBe('2.5');
  });
});
