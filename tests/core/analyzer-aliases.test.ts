import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/core/analyzer.ts';
import { loadEnglish } from '../../src/core/english/index.ts';
import { GlossaryFile } from '../../src/core/schema.ts';
import { cleanText, foldText, WordTable } from '../../src/core/text.ts';

// Two glossary aliases that overlap in a question: the one covering more words that count wins.
const english = loadEnglish();
const storyText =
  'the water company said its boss Jo Reed would answer for the spill and the council asked the water company boss to explain';
const words = wordsIn(storyText);
const glossary = GlossaryFile.parse({
  people: [{ id: 'reed', name: 'Jo Reed', aliases: ['water company boss'], cites: ['p1'], pronoun: 'she' }],
  terms: [{ term: 'Northvale Water', aliases: ['the water company'], entity: true }],
});
const analyzer = new Analyzer(glossary, words, words, { english, thesaurus: new Map() });
const termsOf = (question: string): string[] =>
  analyzer.analyze(question).clauses.flatMap((c) => c.terms.map((t) => t.term));

function wordsIn(text: string): string[] {
  return foldText(text).split(/\s+/);
}

describe('overlapping aliases', () => {
  it('reads the phrase covering more words: "the water company boss" is the boss, not the company', () => {
    expect(termsOf('what did the water company boss say?')).toContain('#reed');
    expect(termsOf('what did the water company boss say?')).not.toContain(analyzer.termOf('Northvale Water'));
  });

  it('keeps the earlier phrase on a tie, and each alias alone is still read', () => {
    const company = analyzer.termOf('Northvale Water');
    expect(termsOf('what did the water company say?')).toContain(company);
    expect(termsOf('what did the water company say?')).not.toContain('#reed');
    // "the water company" and "company boss" cover two words each: the earlier one wins.
    const tie = new Analyzer(
      GlossaryFile.parse({
        people: [{ id: 'reed', name: 'Jo Reed', aliases: ['company boss'], cites: ['p1'] }],
        terms: [{ term: 'Northvale Water', aliases: ['the water company'], entity: true }],
      }),
      words,
      words,
      { english, thesaurus: new Map() },
    );
    expect(tie.termsOf('the water company boss')).toEqual([company, 'boss']);
    expect(termsOf('who is the water company boss')).toContain('#reed');
    expect(termsOf('is water company boss Reed sorry')).toContain('#reed');
  });

  it('reads data text the same way on the build’s fast path', () => {
    const table = new WordTable();
    const reader = analyzer.dataReader(table);
    for (const text of [
      storyText,
      'the water company boss',
      'the water company',
      'water company boss',
      'the water company boss and the water company',
    ]) {
      const folded = foldText(cleanText(text));
      expect(reader(table.read(folded)), text).toEqual(analyzer.termsOfFolded(folded));
    }
    expect(analyzer.termsOf('the water company boss')).toEqual(['#reed']);
  });
});

describe('a word for a side after a name', () => {
  const sideWords = wordsIn('the council voted with the water company and the council side lost');
  const sides = new Analyzer(
    GlossaryFile.parse({
      terms: [
        { term: 'Northvale Council', aliases: ['the council'], entity: true },
        { term: 'vote', aliases: ['side with'] },
      ],
    }),
    sideWords,
    sideWords,
    { english, thesaurus: new Map() },
  );
  const read = (question: string) =>
    sides.analyze(question).clauses.flatMap((c) => c.terms.map((t) => t.term));

  it('is part of the name: "the council side" is the council', () => {
    expect(read('what did the council side lose?')).toEqual(
      expect.arrayContaining([sides.termOf('Northvale Council')]),
    );
    expect(read('what did the council side lose?')).not.toContain(sides.termOf('side'));
  });

  it('starting a phrase of its own, is that phrase: "did the council side with them?" asks of a vote', () => {
    expect(read('did the council side with the company?')).toContain(sides.termOf('vote'));
  });
});

describe("a person's role", () => {
  const roleWords = wordsIn('the head coach said the club would train less and two coaches agreed');
  const roles = new Analyzer(
    GlossaryFile.parse({
      people: [
        { id: 'achebe', name: 'Dean Achebe', role: 'head coach of the Otters', cites: ['p1'], pronoun: 'he' },
        { id: 'ross', name: 'Ann Ross', role: 'coach', cites: ['p1'], pronoun: 'she' },
        { id: 'hale', name: 'Tom Hale', role: 'coach', cites: ['p1'], pronoun: 'he' },
      ],
    }),
    roleWords,
    roleWords,
    { english, thesaurus: new Map() },
  );
  const read = (question: string) =>
    roles.analyze(question).clauses.flatMap((c) => c.terms.map((t) => t.term));

  it('up to what it is of, is the person when it is nobody else\'s: "the head coach"', () => {
    expect(read('what did the head coach say?')).toContain('#achebe');
  });

  it('is nobody when two people share it: "the coach"', () => {
    expect(read('what did the coach say?')).not.toContain('#ross');
    expect(read('what did the coach say?')).not.toContain('#hale');
  });
});
