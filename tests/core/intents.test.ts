import { describe, expect, it } from 'vitest';
import { readIntent } from '../../src/core/intents.ts';

const intentOf = (folded: string) => readIntent(folded.split(' '))?.intent ?? null;

describe('reading what a message asks of the story as a whole', () => {
  it('reads a request for plain words', () => {
    expect(intentOf('explain it for kids')).toBe('plain');
    expect(intentOf('eli5')).toBe('plain');
  });

  it('lets an intent\'s "unless" phrases cancel it: a price for children is no request for plain words', () => {
    expect(intentOf('how much for kids')).toBeNull();
    expect(intentOf('are tickets free for kids')).toBeNull();
  });
});
