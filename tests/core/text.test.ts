import { describe, expect, it } from 'vitest';
import { cleanText, foldText, MAY_MONTH, splitClauses, wordsOf } from '../../src/core/text.ts';

describe('cleanText', () => {
  it('removes Discord mentions, @everyone, custom emoji, URLs, code fences and markdown', () => {
    const raw =
      '<@123456789012345678> @everyone **who** is `Lavrov`? <:pepe:123456789012345678> ```js\nx``` https://x.io/a <@&987654321098765432>';
    expect(cleanText(raw)).toBe('who is Lavrov ? x');
  });

  it('turns control and zero-width characters into spaces so they cannot hide words', () => {
    expect(cleanText('Lav\u0000rov\u200b said\u202e what')).toBe('Lav rov said what');
  });

  it('evens out the spacing of plain text, and leaves plain text otherwise as it is', () => {
    expect(cleanText('  who  is “Lavrov” – really?  ')).toBe('who is “Lavrov” – really?');
    expect(cleanText('who is Lavrov?')).toBe('who is Lavrov?');
    expect(cleanText('who is\tLavrov?')).toBe('who is Lavrov?');
  });

  it('reads flag and money emoji as words, for every country', () => {
    expect(cleanText('🇺🇸 wants 💰')).toBe('United States wants money');
    expect(cleanText('🇫🇯 and 🇪🇺')).toBe('Fiji and European Union');
  });
});

describe('foldText and wordsOf', () => {
  it('reads "were" opening a question before a verb as "where" without its h', () => {
    expect(foldText('were is the new galery being built')).toBe('where is the new galery being built');
    expect(foldText('so were are they going?')).toBe('so where are they going?');
    expect(foldText('were they there?')).toBe('were they there?');
    expect(foldText('the talks were is a word apart')).toContain('talks were');
  });

  it('reads "where does X come in(to this)?" as the part X plays, and leaves a place asked for', () => {
    expect(foldText('where does Theresa May come into this story?')).toBe('what role does theresa may play?');
    expect(foldText('where do they fit in')).toBe('what role does they play');
    expect(foldText('where does the money come from?')).toBe('where does the money come from?');
  });

  it('drops a reader saying they are lost or following along, and keeps "who lost the vote"', () => {
    expect(foldText("i'm a bit lost honestly, who are all the leaders?")).toBe(' , who are all the leaders?');
    expect(foldText("i've been trying to follow all this - who is lavrov")).toBe('  - who is lavrov');
    expect(foldText('who lost the vote')).toBe('who lost the vote');
  });

  it('drops hearsay before a claim to check ("my mate says…", "I heard that…") and "in person"', () => {
    expect(foldText('my mate down the pub says the uk spends 2%')).toBe('  the uk spends 2 percent ');
    expect(foldText('i heard that lavrov said no')).toBe('  lavrov said no');
    expect(foldText('will they meet in person')).toBe('will they meet  ');
    expect(foldText('what did the mayor say')).toBe('what did the mayor say');
  });

  it('reads "sorry, I meant" before a whole question as the question, and leaves "I meant Theresa May"', () => {
    expect(foldText('sorry, i meant what trump said about zelensky')).toBe('what trump said about zelensky');
    expect(foldText('no, i meant theresa may')).toBe('no, i meant theresa may');
  });

  it('drops "rather than X" closing a question, and keeps it inside one', () => {
    expect(foldText('did he sign it in washington rather than moscow?')).toBe(
      'did he sign it in washington?',
    );
    expect(foldText('why washington rather than moscow for the talks')).toBe(
      'why washington rather than moscow for the talks',
    );
  });

  it('reads "250k" as the number it is', () => {
    expect(foldText('who paid the 250k')).toBe('who paid the 250000');
    expect(foldText('a £2.5k fee')).toContain('2500 fee');
  });

  it('makes May the month a word of its own, and leaves may the verb and a person called May', () => {
    for (const month of ['reopens on May 24', 'from 24 May', 'by May 2027', 'in May', 'the end of May'])
      expect(wordsOf(foldText(month)), month).toContain(MAY_MONTH);
    for (const other of ['it may be late', 'what did May say?', 'the words of May', 'in May she said'])
      expect(wordsOf(foldText(other)), other).toContain('may');
  });

  it('reads "he\'ll", "we\'re", "I\'m" as the word and its verb, not "hell" or "were"', () => {
    expect(foldText("what's he worried he'll do? we're told I'm late")).toBe(
      'what is he worried he will do? we are told i am late',
    );
    expect(foldText("don't, Trump's")).toBe('dont, trump');
  });

  it('reads "at the heart of" as "in": the minerals at the heart of the deal are the ones in it', () => {
    expect(foldText('what minerals are at the heart of the deal')).toBe('what minerals are in the deal');
    expect(foldText('a heart of gold')).toBe('a heart of gold');
  });

  it('reads chat spellings as whole words only', () => {
    expect(foldText('wat abt u')).toBe('what about you');
    expect(foldText('watt u2 abtx')).toBe('watt u2 abtx');
  });

  it('lower-cases, strips diacritics and possessives, keeps decimals, spells out percent', () => {
    expect(wordsOf(foldText('Zelenskyy’s “deal”: 2.5% — Kyïv'))).toEqual([
      'zelenskyy',
      'deal',
      '2.5',
      'percent',
      'kyiv',
    ]);
  });

  it('reads chat spellings as the words they stand for', () => {
    expect(wordsOf(foldText('wat did u say abt it'))).toEqual(['what', 'did', 'you', 'say', 'about', 'it']);
  });

  it('reads a thousands separator as part of the number, not a list of numbers', () => {
    expect(wordsOf(foldText('after 5,000 cycles and 1,200,000 km'))).toEqual([
      'after',
      '5000',
      'cycles',
      'and',
      '1200000',
      'km',
    ]);
    expect(wordsOf(foldText('scores of 3,12 and 4, 500'))).toEqual([
      'scores',
      'of',
      '3',
      '12',
      'and',
      '4',
      '500',
    ]);
  });
});

describe('splitClauses', () => {
  it('drops a few words setting something aside, and keeps a few picking out the subject, with the question', () => {
    expect(splitClauses('besides Russia, which countries voted with the US?')).toEqual([
      'which countries voted with the US',
    ]);
    expect(splitClauses('as for Lavrov, what did he say?')).toEqual(['as for Lavrov, what did he say']);
  });

  it('splits at "also" between questions, not at the "also" of "did she also…?"', () => {
    expect(splitClauses('who is the mayor also what did she say')).toEqual([
      'who is the mayor',
      'what did she say',
    ]);
    expect(splitClauses('did the mayor also ask for 3%?')).toEqual(['did the mayor also ask for 3%']);
  });

  it('splits at question marks and at "and" before a new question word, not inside lists', () => {
    expect(splitClauses('Who is May and what did she say? Also the UN')).toEqual([
      'Who is May',
      'what did she say',
      'the UN',
    ]);
    expect(splitClauses('who voted with Russia, North Korea and Iran')).toEqual([
      'who voted with Russia, North Korea and Iran',
    ]);
  });

  it('splits numbered lists', () => {
    expect(splitClauses('1) who is X 2) who is Y')).toEqual(['who is X', 'who is Y']);
  });
});
