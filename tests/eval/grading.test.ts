import { describe, expect, it } from 'vitest';
import { type EvalItem, isCorrect } from '../support/evaluation.js';

const answer = (text: string) => ({ answered: true, text });

describe('grading a question set', () => {
  it('reads a must item as either of its texts, any case', () => {
    const item: EvalItem = { q: 'q', expect: 'answer', must: ['2.5%|two and a half'], tag: 'fact' };
    expect(isCorrect(item, answer('It rises to 2.5% of GDP.'))).toBe(true);
    expect(isCorrect(item, answer('It rises to 2.3% of GDP.'))).toBe(false);
  });

  it('reads a must item written /…/ as a regular expression, so a set written with patterns grades as meant', () => {
    const item: EvalItem = {
      q: 'q',
      expect: 'answer',
      must: ['/defen[cs]e/', '/2\\.5|two and a half/'],
      tag: 'fact',
    };
    expect(isCorrect(item, answer('Defense spending goes to 2.5%.'))).toBe(true);
    expect(isCorrect(item, answer('Defence spending goes to 2.3%.'))).toBe(false);
    const plain: EvalItem = { q: 'q', expect: 'answer', must: ['2\\.5'], tag: 'fact' };
    expect(isCorrect(plain, answer('2.5%'))).toBe(false);
  });
});
