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

  it('leaves short words and numbers alone', () => {
    expect(stem('us')).toBe('us');
    expect(stem('2.5')).toBe('2.5');
  });
});
