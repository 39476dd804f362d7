/** Which questions ask for a judgement, a prediction or advice rather than a fact (lexicon.ts). */
import { describe, expect, it } from 'vitest';
import { judgementOf, personalDetailOf } from '../../src/core/lexicon.ts';

describe('judgementOf', () => {
  it.each([
    ['will the project go over budget', 'prediction'],
    ['will the line really carry 14000 people a day', 'prediction'],
    ['will the uk go up to 3% after 2027', 'prediction'],
    ['will putin invade again', 'prediction'],
    ['who will win the league', 'prediction'],
    ['will the club get relegated', 'prediction'],
    ['will this battery replace lithium', 'prediction'],
    ['will it rain in august', 'prediction'],
    ['will the reservoirs run out', 'prediction'],
    ['will he score on his debut', 'prediction'],
    ['is the deal a good idea', 'truth'],
    ['so will russia invade again', 'prediction'],
    ['is he actually one though', 'truth'],
    ['do you support ukraine', 'opinion'],
    ['and after 2027', 'prediction'],
    ['is it true that he is a dictator', 'truth'],
    ['will other european countries do the same', 'prediction'],
    ['will the others follow suit', 'prediction'],
    ['who should lead', 'advice'],
    ['will britain eventually reach 3 percent of gdp on defence', 'prediction'],
    ['will russia one day accept peacekeepers', 'prediction'],
  ])('reads "%s" as %s', (question, kind) => {
    expect(judgementOf(question)).toBe(kind);
  });

  it.each([
    'will the line have 11 stops',
    'when will the first trams run',
    'how much will the uk spend on defence by 2027',
    'does the line really go to the hospital',
    'who will pay for the new line',
    'who won the vote',
    'who will replace the chief executive',
    'how many goals did he score',
    'how much rain fell in june',
    'when will the ban be lifted',
    'is trump keen on giving ukraine strong guarantees',
    'is she willing to send troops',
    'would britain be ready to put its own soldiers on the ground',
    'and by 2027',
    'is it true the crew want 8%',
    'is it true trump called zelensky a dictator',
    'what does trump reckon europe should be doing',
    'which continent should take charge in the us leaders view',
  ])('reads "%s" as a question of fact', (question) => {
    expect(judgementOf(question)).toBeNull();
  });
});

describe('personalDetailOf', () => {
  it('reads "how long has she been mayor?" as time in office, not "how long has he been buying bread?"', () => {
    expect(personalDetailOf('how long has she been mayor')).toBe('time in office');
    expect(personalDetailOf('how long has derek been buying bread from them')).toBeNull();
    expect(personalDetailOf('how old is he')).toBe('age');
    expect(personalDetailOf('what jobs has lord howard held before')).toBe('career before');
    expect(personalDetailOf('what office does lavrov hold')).toBeNull();
  });
});
