import { describe, expect, it } from 'vitest';
import { loadCommonWords } from '../../../src/core/english/common-words.ts';
import { isCommonEnglishWord, loadEnglish } from '../../../src/core/english/index.ts';

const english = loadEnglish();

describe('isCommonEnglishWord', () => {
  it.each(['code', 'codes', 'coding', 'come', 'coming', 'commit', 'pledge', 'defence', 'defense', 'realise'])(
    '%s is common English',
    (word) => {
      expect(isCommonEnglishWord(english, word)).toBe(true);
    },
  );

  it.each(['starmar', 'starmer', 'lavrov', 'trmp', 'zelensky', 'ukriane'])('%s is not', (word) => {
    expect(isCommonEnglishWord(english, word)).toBe(false);
  });

  it('counts the stop words too, contractions without their apostrophe included', () => {
    expect(isCommonEnglishWord(english, 'dont')).toBe(true);
    expect(isCommonEnglishWord(english, 'whats')).toBe(true);
  });

  it('grows with the SCOWL size: "backstop" is a size-50 word, not a size-35 one', () => {
    expect(loadCommonWords({ maxSize: 50 }).has('backstop')).toBe(true);
    expect(loadCommonWords({ maxSize: 35 }).has('backstop')).toBe(false);
  });
});
