import { describe, expect, it } from 'vitest';
import { buildStoryThesaurus, loadEnglish, thesaurusLinks } from '../../../src/core/english/index.ts';
import {
  buildThesaurus,
  comparedAdjectiveOf,
  definedAsOne,
  mainSensesOf,
  SIMILARITY,
} from '../../../src/core/english/thesaurus.ts';
import { WordNetReader } from '../../../src/core/english/wordnet.ts';

const english = loadEnglish();
const wordnet = new WordNetReader();
const thesaurusOf = (words: string[], names: string[] = []) =>
  buildStoryThesaurus(english, words, { names, wordnet });
const storyWordsFor = (thesaurus: ReturnType<typeof thesaurusOf>, word: string): string[] =>
  thesaurusLinks(thesaurus, english.morphology, word).map((l) => l.word);

describe('WordNet reader', () => {
  it('reads senses in frequency order with their tag counts', () => {
    const senses = wordnet.sensesOf('pledge').filter((s) => s.pos === 'v');
    expect(senses[0]?.senseNumber).toBe(1);
    expect(senses[0]?.tagCount).toBeGreaterThan(0);
    expect(wordnet.synset('v', senses[0]?.offset ?? 0).words).toContain('pledge');
  });

  it('finds multi-word lemmas and nothing for a made-up word', () => {
    expect(wordnet.hasLemma('prime minister')).toBe(true);
    expect(wordnet.sensesOf('starmar')).toEqual([]);
  });

  it('keeps only the senses a word is mostly used in: "come" is not the noun', () => {
    const main = mainSensesOf(wordnet.sensesOf('come'));
    expect(main.every((m) => m.sense.pos === 'v')).toBe(true);
  });
});

describe('kinds of a story noun', () => {
  it('links a noun WordNet defines as one of the story noun ("trip": "a journey..."), below a synonym', () => {
    const links = thesaurusOf(['journey', 'home']);
    const trip = links.get('trip')?.find((l) => l.word === 'journey');
    expect(trip?.relation).toBe('kind');
    expect(trip?.similarity).toBe(SIMILARITY.kind);
    expect(SIMILARITY.kind).toBeLessThan(SIMILARITY.narrower);
    expect(links.get('house')?.map((l) => [l.word, l.relation])).toEqual([['home', 'kind']]);
  });

  it('leaves out kinds defined otherwise ("minimum" under "peak") and kinds of a general noun', () => {
    expect(storyWordsFor(thesaurusOf(['peak']), 'minimum')).toEqual([]);
    // "Person" has hundreds of kinds: none of them means it.
    expect(storyWordsFor(thesaurusOf(['person']), 'expert')).toEqual([]);
    expect(
      storyWordsFor(
        buildThesaurus(['journey'], english.morphology, new Map(), { wordnet, kinds: false }),
        'trip',
      ),
    ).toEqual([]);
  });

  it('reads a definition as opening with a name after an article and up to two modifiers', () => {
    expect(definedAsOne('a dwelling that serves as living quarters', ['dwelling', 'home'])).toBe(true);
    expect(definedAsOne('a small house in the country', ['house'])).toBe(true);
    expect(definedAsOne('the smallest possible quantity', ['peak', 'top'])).toBe(false);
    expect(definedAsOne('a place where people live; a house', ['house'])).toBe(false);
  });
});

describe('thesaurus from WordNet', () => {
  it('links "pledge" to "promise" from WordNet alone (a way to promise)', () => {
    const thesaurus = buildThesaurus(['promise'], english.morphology, new Map(), { wordnet });
    expect(thesaurus.get('pledge')?.map((l) => [l.word, l.relation])).toEqual([['promise', 'narrower']]);
  });

  it('links synonyms of a main sense both ways: "warfare" is "war", "outlay" is "spending"', () => {
    const thesaurus = thesaurusOf(['war', 'spending']);
    expect(storyWordsFor(thesaurus, 'warfare')).toEqual(['war']);
    expect(storyWordsFor(thesaurus, 'outlay')).toEqual(['spending']);
  });

  it('reads a typed word by its base form: "pledged" finds "promise"', () => {
    expect(storyWordsFor(thesaurusOf(['promise']), 'pledged')).toContain('promise');
  });

  it('gives no absurd senses: "code" is not "come", "cope" is not a "deal", "semen" is not "come"', () => {
    expect(storyWordsFor(thesaurusOf(['come']), 'code')).toEqual([]);
    expect(storyWordsFor(thesaurusOf(['code']), 'come')).toEqual([]);
    expect(storyWordsFor(thesaurusOf(['deal']), 'cope')).toEqual([]);
    expect(storyWordsFor(thesaurusOf(['come']), 'semen')).toEqual([]);
  });

  it('leaves out a troponym that is the opposite or a repetition ("mislead" for "lead")', () => {
    expect(storyWordsFor(thesaurusOf(['lead']), 'mislead')).toEqual([]);
  });

  it('does not read "found" (the past of "find") as "launching"', () => {
    expect(storyWordsFor(thesaurusOf(['launching']), 'found')).toEqual([]);
  });

  it("gives the story's names no synonyms: not 'trump card' for Trump", () => {
    expect(thesaurusOf(['trump'], ['trump']).get('trump card')).toBeUndefined();
    expect(thesaurusOf(['trump']).get('trump card')).toBeDefined();
  });

  it('never maps a story word to another story word', () => {
    const thesaurus = thesaurusOf(['war', 'warfare']);
    expect(thesaurus.has('warfare')).toBe(false);
  });

  it('is plain data that survives structuredClone', () => {
    const thesaurus = thesaurusOf(['war', 'promise']);
    expect(structuredClone(thesaurus)).toEqual(thesaurus);
  });
});

describe('paraphrases', () => {
  const thesaurus = thesaurusOf([
    'foreign',
    'minister',
    'defence',
    'spending',
    'financial',
    'gain',
    'security',
    'guarantees',
    'peer',
  ]);

  it.each([
    ['chief diplomat', 'foreign minister'],
    ['top diplomat', 'foreign minister'],
    ['military budget', 'defence spending'],
    ['monetary upside', 'financial gain'],
    ['protection pledges', 'security guarantees'],
    ['member of the house of lords', 'peer'],
  ])('"%s" means "%s"', (phrase, meaning) => {
    expect(thesaurus.get(phrase)?.map((l) => l.word)).toContain(meaning);
  });

  it('links a paraphrase only when the story has every word of its meaning', () => {
    expect(thesaurusOf(['minister']).get('chief diplomat')).toBeUndefined();
  });

  describe('general news idioms', () => {
    const news = thesaurusOf([
      'paid',
      'approved',
      'strike',
      'rise',
      'began',
      'cut',
      'jobs',
      'disagree',
      'town',
    ]);
    it.each([
      ['footed the bill', 'paid'],
      ['green light', 'approved'],
      ['rubber stamp', 'approved'],
      ['walkout', 'strike'],
      ['down tools', 'strike'],
      ['soared', 'rise'],
      ['kicked off', 'began'],
      ['laid off', 'cut jobs'],
      ['at loggerheads', 'disagree'],
      ['home town', 'town'],
    ])('"%s" means "%s"', (phrase, meaning) => {
      expect(news.get(phrase)?.map((l) => l.word)).toContain(meaning);
    });

    it('never reads an idiom as its opposite', () => {
      expect(news.get('see eye to eye')?.map((l) => l.word) ?? []).not.toContain('disagree');
    });
  });
});

describe('the verb of a story noun and the noun of a story verb', () => {
  it('reads "signed" as the story\'s "signatures" and "approval" as its "approve", below a synonym', () => {
    expect(storyWordsFor(thesaurusOf(['signatures']), 'signed')).toContain('signatures');
    const approval = thesaurusOf(['approve'])
      .get('approval')
      ?.find((l) => l.word === 'approve');
    expect(approval?.relation).toBe('derived');
    expect(approval?.similarity).toBe(SIMILARITY.derived);
    expect(SIMILARITY.derived).toBeLessThan(SIMILARITY.synonym);
  });

  it('gives a verb only its action\'s name, never its doer ("approver")', () => {
    expect(thesaurusOf(['approve']).get('approver')).toBeUndefined();
  });
});

describe('comparisons', () => {
  it('finds the adjective a comparative or superlative is of', () => {
    expect(comparedAdjectiveOf(wordnet, 'smaller')).toBe('small');
    expect(comparedAdjectiveOf(wordnet, 'wider')).toBe('wide');
    expect(comparedAdjectiveOf(wordnet, 'bigger')).toBe('big');
    expect(comparedAdjectiveOf(wordnet, 'easiest')).toBe('easy');
  });
  it('leaves nouns and verbs of their own alone', () => {
    expect(comparedAdjectiveOf(wordnet, 'leader')).toBeNull();
    expect(comparedAdjectiveOf(wordnet, 'reporter')).toBeNull();
    expect(comparedAdjectiveOf(wordnet, 'number')).toBeNull();
  });
  it('reads "small" as a story\'s "smaller"', () => {
    expect(storyWordsFor(thesaurusOf(['smaller', 'airports']), 'small')).toContain('smaller');
  });
});
