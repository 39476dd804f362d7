import { describe, expect, it } from 'vitest';
import { Analyzer, soundAlikeSpellings } from '../../src/core/analyzer.ts';
import { loadEnglish } from '../../src/core/english/index.ts';
import { judgementOf, particleNextToVerb, questionTypeOf, TIME_EXPRESSION } from '../../src/core/lexicon.ts';
import { GlossaryFile } from '../../src/core/schema.ts';
import { stem } from '../../src/core/stem.ts';
import { foldText } from '../../src/core/text.ts';
import { knowledgeOf, ROOT } from '../support/data.ts';

// A story the engine was not written for: general English must reach its words.
const second = await knowledgeOf(`${ROOT}/tests/fixtures/second-story/data`);
const seed = await knowledgeOf(`${ROOT}/data`);
const termsOf = (question: string): string[] =>
  second.analyzer.analyze(question).clauses.flatMap((c) => c.terms.map((t) => t.term));

describe('general paraphrases read as the story word they mean', () => {
  it('reads a paraphrase whose meaning has one word that counts as that word ("pay for")', () => {
    expect(termsOf('who is bankrolling the trams')).toContain('pai');
    expect(termsOf('will the university chip in')).toContain('pai');
  });

  it('reads "annually", "per year" as "a year": its one word that counts', () => {
    expect(termsOf('how many passengers annually')).toContain('year');
    expect(termsOf('how many passengers per year')).toContain('year');
  });

  it('reads a word for a phrase of the story as each of its words ("downtown" is "city centre")', () => {
    expect(termsOf('how far is the hospital from downtown')).toEqual(
      expect.arrayContaining(['citi', 'centr']),
    );
    expect(termsOf('what is the price tag')).toContain('cost');
    expect(termsOf('did similar schemes overshoot')).toContain('budget');
  });

  it('reads everyday paraphrases as the seed story\'s words ("characterise", "line up with", "counsel")', () => {
    const seedTermsOf = (question: string): string[] =>
      seed.analyzer.analyze(question).clauses.flatMap((c) => c.terms.map((t) => t.term));
    expect(seedTermsOf('how did lavrov characterise the plans')).toEqual(
      seedTermsOf('how did lavrov described the plans'),
    );
    expect(seedTermsOf('which nations did america line up with')).toEqual(
      seedTermsOf('which nations did america alongside'),
    );
    expect(seedTermsOf('what counsel did may give')).toEqual(seedTermsOf('what advice did may give'));
    expect(seedTermsOf('will britain put boots on the ground')).toEqual(
      expect.arrayContaining(seedTermsOf('will britain commit troops')),
    );
    expect(seedTermsOf('the resolution slamming the invasion')).toEqual(
      seedTermsOf('the resolution condemning the invasion'),
    );
  });

  it('reads "the chamber boss" as its chief executive', () => {
    expect(termsOf('what did the chamber boss say')).toEqual(
      expect.arrayContaining(termsOf('chief executive')),
    );
  });

  it('reads an adverb as the adjective of the story it is made from ("militarily", "economically")', () => {
    const seedTermsOf = (question: string): string[] =>
      seed.analyzer.analyze(question).clauses.flatMap((c) => c.terms.map((t) => t.term));
    expect(seedTermsOf('what will the UK do militarily')).toEqual(
      seedTermsOf('what will the UK do military'),
    );
    expect(seedTermsOf('who gains economically')).toEqual(seedTermsOf('who gains economic'));
  });

  it('reads the names of a country as the country, not as one of its nations the story names too', () => {
    // The story's glossary has England and Britain: "British" and "UK" are Britain, "English" England.
    expect(termsOf('other british cities')).toContain('britain');
    expect(termsOf('in the uk')).toContain('britain');
    expect(termsOf('english cities')).toContain('england');
  });

  it('reads a general synonym group word as the story word ("height" is "peak", "trip" is "journey")', () => {
    expect(termsOf('at the height of the evening')).toContain('peak');
    expect(termsOf('how long is the trip')).toContain('journei');
  });
});

describe('words that frame what is asked', () => {
  it('leaves out "stance", "angle" in a story that never uses them: the view reading carries it', () => {
    expect(termsOf('what stance did the chamber of commerce take on the tram?')).not.toContain(
      stem('stance'),
    );
    expect(termsOf('what about the money angle of the tram?')).not.toContain(stem('angle'));
    // A story whose glossary reads "stance" as its own word keeps it.
    expect(seed.analyzer.analyze("what is Trump's stance").whole.terms.map((t) => t.term)).toContain('posit');
  });
});

describe('general synonym groups', () => {
  it('reads "investing" as the story\'s "spending" (synonyms.json), and not a word of no group', () => {
    const terms = (q: string) => seed.analyzer.analyze(q).whole.terms.map((t) => t.term);
    expect(terms('how much is the UK investing in defence')).toEqual(
      terms('how much is the UK spending on defence'),
    );
    expect(terms('how much is the UK wasting on defence')).not.toEqual(
      terms('how much is the UK spending on defence'),
    );
  });
});

describe('people by their office', () => {
  const seedTerms = (question: string) => seed.analyzer.analyze(question).whole;

  it('reads an office of a country as the one person of the story holding a kind of it', () => {
    // Lavrov is Russia's foreign minister: "the Russian minister" is him.
    expect(seedTerms('which Russian minister called it deceptive').persons).toEqual(['#lavrov']);
    // No one in the story is Russia's defence minister.
    expect(seedTerms('what did the Russian defence minister say').persons).toEqual([]);
  });

  it('does not take a word about a named person for a source the story never mentions', () => {
    expect(seedTerms("what's the American leader's overall stance").silentSpeaker).toBeNull();
    expect(seedTerms('what do UK polls say').silentSpeaker).toBe('polls');
    // A body the article quotes nothing from, named as where it happened, is no silent speaker.
    expect(seedTerms('at the UN, how did the US position differ').silentSpeaker).toBeNull();
    expect(seedTerms('what is the UN position').silentSpeaker).not.toBeNull();
  });

  it('reads a three-letter slip of a short surname as the person, not a word of English', () => {
    const secondTerms = (question: string) => second.analyzer.analyze(question).whole;
    expect(secondTerms('what did lyl say').persons).toEqual(['#lyle']);
    // "Lie" is a word of English, not a slip of Lyle.
    expect(secondTerms('was it a lie').persons).toEqual([]);
  });

  it('reads a slip of an office word inside a whole office, though the slip is an English word', () => {
    // "minster" is a church, but "foreign minster" can only be the foreign minister.
    expect(seedTerms('what did the russain foriegn minster say').persons).toEqual(['#lavrov']);
    expect(seedTerms('what did the ukrainain leader sign').persons).toEqual(['#zelensky']);
    // A slip alone is no office: "minster" by itself stays the word it is.
    expect(seedTerms('what did the minster say').persons).toEqual([]);
  });
});

describe('question forms', () => {
  it("reads a pronoun inside the words quoted as theirs, not the reader's", () => {
    expect(seed.analyzer.analyze('who said "she did everything right"?').clauses[0]?.pronoun).toBeNull();
    expect(seed.analyzer.analyze('what did she say?').clauses[0]?.pronoun).toBe('she');
  });

  it('reads the one question after a few words that ask nothing as it stands ("and then? did he sign it?")', () => {
    const [clause] = seed.analyzer.analyze('and then? did he actually sign it?').clauses;
    expect(clause?.happened).toBe(true);
    expect(clause?.text).toBe('did he actually sign it');
  });

  it('reads words in a clause saying who is meant as no words asked of them, unless the verb is still to come', () => {
    const clauseOf = (question: string) => seed.analyzer.analyze(question).clauses[0];
    expect(clauseOf('how old is Lavrov who said the proposals are deceptive?')).toMatchObject({
      quoteIntent: 'none',
      viewOf: null,
    });
    expect(clauseOf('what did Lavrov who rejected the peacekeepers say?')).toMatchObject({
      quoteIntent: 'say',
      speakers: ['#lavrov'],
    });
  });

  it('reads a particle put after the object next to its verb: "send the masks back" is "send back"', () => {
    expect(particleNextToVerb('are they sending the masks back'.split(' '))).toEqual(
      'are they sending back the masks'.split(' '),
    );
    // Not a verb that takes the particle apart, nor one too far from it.
    expect(particleNextToVerb('when did he come back'.split(' '))).toEqual(
      'when did he come back'.split(' '),
    );
    expect(particleNextToVerb('give all of the old masks back'.split(' '))).toEqual(
      'give all of the old masks back'.split(' '),
    );
  });

  it('reads "which city" as asking where, with "city" no word to match', () => {
    const asked = seed.analyzer.analyze('which city is the ukrainian president heading to?').whole;
    expect(asked.type).toBe('where');
    expect(asked.terms.map((t) => t.term)).not.toContain(stem('city'));
  });

  it('reads "in what year" as asking when, with "year" no word to match ("a six-year campaign")', () => {
    const asked = seed.analyzer.analyze('in what year will the UK reach 2.5%?').whole;
    expect(asked.type).toBe('when');
    expect(asked.terms.map((t) => t.term)).not.toContain(stem('year'));
    expect(seed.analyzer.analyze('how many years will it take').whole.terms.map((t) => t.term)).toContain(
      stem('year'),
    );
  });

  it('reads "where does X work?" as asking who employs them, not for a place', () => {
    expect(questionTypeOf('where does the analyst work')).toBe('what');
    expect(questionTypeOf('where is she employed')).toBe('what');
    expect(questionTypeOf('where will the depot be built')).toBe('where');
  });

  it('reads "why is X significant?" as asking what X means, not the reason it happened', () => {
    expect(questionTypeOf('why is that significant')).toBe('what');
    expect(questionTypeOf('so why was the vote such a big deal')).toBe('what');
    expect(questionTypeOf('why is the visit considered critical')).toBe('what');
    expect(questionTypeOf('why did the council vote against it')).toBe('why');
    expect(questionTypeOf('why is the council important to the plan and who runs it')).toBe('why');
  });

  it('drops the words asking significance that the story never uses, and how it is regarded', () => {
    const terms = (q: string) => seed.analyzer.analyze(q).whole.terms.map((t) => t.surface);
    expect(terms('why is the UN vote noteworthy?')).not.toContain('noteworthy');
    expect(terms('why is the UN vote considered historic?')).not.toContain('considered');
    expect(terms('is the UN vote noteworthy?')).toContain('noteworthy');
  });

  it('drops "found" of judging something so, and keeps it after a form of "be" ("where are they found?")', () => {
    const terms = (q: string) => seed.analyzer.analyze(q).whole.terms.map((t) => t.surface);
    expect(terms('what did Lavrov say that people found shocking?')).not.toContain('found');
    expect(terms('where in Ukraine are the minerals found?')).toContain('found');
  });

  it('drops the measure after "how" and the word "name" when the story never uses them, not "long"', async () => {
    const terms = (q: string) => seed.analyzer.analyze(q).whole.terms.map((t) => t.surface);
    expect(terms('how far away is Washington?')).not.toContain('far');
    const mini = await knowledgeOf(`${ROOT}/tests/fixtures/mini-story`);
    expect(mini.analyzer.analyze('what is the name of the river?').whole.terms.map((t) => t.surface)).toEqual(
      ['river'],
    );
    expect(terms('how long has Trump been in charge?')).toContain('long');
  });

  it('takes "from 1 May" and "May 2027" in an answer for a time, and not the verb "may"', () => {
    expect(TIME_EXPRESSION.test('The pool will close for two years from 1 May.')).toBe(true);
    expect(TIME_EXPRESSION.test('It is due to reopen in May 2027.')).toBe(true);
    expect(TIME_EXPRESSION.test('The council may close the pool for repairs.')).toBe(false);
  });

  it('reads "how come?" as why, with "come" no word of the subject', () => {
    const clause = seed.analyzer.analyze('how come Russia rejects the peacekeepers?').whole;
    expect(clause.type).toBe('why');
    expect(clause.terms.map((t) => t.surface)).not.toContain('come');
    expect(seed.analyzer.analyze('why did Zelensky come?').whole.terms.map((t) => t.surface)).toContain(
      'come',
    );
  });

  it('reads "which nations…?" as asking who, as "which countries…?" is', () => {
    expect(questionTypeOf('which nations did the council side with')).toBe('who');
    expect(questionTypeOf('which nation voted first')).toBe('who');
    expect(questionTypeOf('what nation is she from')).toBe('what');
  });

  it('reads "what happened when X?" as asking what happened; "when did X?" still asks when', () => {
    expect(questionTypeOf('what happened when the ferry broke down')).toBe('what');
    expect(questionTypeOf('what did she say after the vote')).toBe('what');
    expect(questionTypeOf('when did the ferry break down')).toBe('when');
  });

  it('reads "was it losing money?" as a fact to look up; "is it losing?" still asks for a verdict', () => {
    expect(judgementOf('was the company losing money')).toBeNull();
    expect(judgementOf('is the council losing jobs')).toBeNull();
    expect(judgementOf('is the mayor losing')).toBe('truth');
  });

  it('reads "will X really/actually <do it>?" as asking for a prediction, whatever the verb', () => {
    expect(judgementOf('will the depot really open on time')).toBe('prediction');
    expect(judgementOf('will the line carry 14000 people a day')).toBeNull();
  });
});

describe('nations typed in lower case', () => {
  it('reads "french" before a word of the story as the nation, and an answer must name it', () => {
    const terms = seed.analyzer.analyze('compare UK and french defence spending').whole.terms;
    expect(terms.find((t) => t.surface === 'french')?.entity).toBe(true);
    // "French" alone, or before no word of the story, stays the common word it also is.
    expect(
      seed.analyzer.analyze('french fries').whole.terms.find((t) => t.surface === 'french')?.entity,
    ).toBe(false);
  });
});

describe('rarer English words as slips', () => {
  it('reads a rarer word one letter off a word of the story as that word ("minster": minister)', () => {
    expect(seed.analyzer.analyze('what did the minster say').whole.terms.map((t) => t.term)).toContain(
      stem('minister'),
    );
  });

  it('reads a rarer word a letter off a filler word as filler ("gong" for "going")', () => {
    expect(
      seed.analyzer.analyze('where is zelensky gong on friday').whole.terms.map((t) => t.surface),
    ).not.toContain('gong');
  });

  it('never reads an everyday word, or a word that is a slip of a name, as another word', () => {
    expect(seed.analyzer.analyze('code').whole.terms.map((t) => t.term)).toEqual(['code']);
    // "tramp" is a word, not Trump.
    expect(seed.analyzer.analyze('tramp').whole.terms.map((t) => t.term)).toEqual(['tramp']);
  });
});

describe('a slip of the verb after a question word', () => {
  it('reads "who dose..." as "who does...", unless the story uses the word ("what dose was given")', () => {
    expect(
      seed.analyzer
        .analyze('who dose the us president think should protect ukraine')
        .whole.terms.map((t) => t.surface),
    ).not.toContain('dose');
    const english = loadEnglish();
    const words = foldText('the dose was doubled for every patient').split(/\s+/);
    const trial = new Analyzer(GlossaryFile.parse({}), words, words, { english, thesaurus: new Map() });
    expect(trial.analyze('what dose was given').whole.terms.map((t) => t.term)).toContain(stem('dose'));
  });
});

describe('endings spelt as they sound', () => {
  it('reads "resolushun" as the story\'s "resolution", and leaves a word with no such ending alone', () => {
    expect(
      seed.analyzer.analyze('did the us vote against the resolushun').whole.terms.map((t) => t.term),
    ).toContain(stem('resolution'));
    expect(soundAlikeSpellings('resolushun')).toContain('resolution');
    expect(soundAlikeSpellings('shun')).toEqual([]);
    expect(soundAlikeSpellings('flite')).toEqual(['flight']);
    expect(soundAlikeSpellings('ite')).toEqual([]);
  });
});

describe('forms of stop words', () => {
  const english = loadEnglish();
  const storyWords = foldText('the masks were taken in 1897 and the crew will take a vote').split(/\s+/);
  const analyzer = new Analyzer(GlossaryFile.parse({}), storyWords, storyWords, {
    english,
    thesaurus: new Map(),
  });
  const termsIn = (question: string): string[] =>
    analyzer.analyze(question).clauses.flatMap((c) => c.terms.map((t) => t.term));

  it('reads "took" when the article uses another form of it that is no stop word ("taken")', () => {
    expect(termsIn('who took the masks')).toContain(stem('taken'));
  });

  it('still drops a stop word form the article uses only as a stop word ("make")', () => {
    expect(termsIn('who made the masks')).not.toContain(stem('make'));
  });

  it('reads "when did it start?" of a story that never says "start" as when it happened', () => {
    const words = foldText('the recall was announced on tuesday').split(/\s+/);
    const recall = new Analyzer(GlossaryFile.parse({}), words, words, { english, thesaurus: new Map() });
    expect(recall.analyze('when did the recall start').whole.terms.map((t) => t.term)).toEqual([
      stem('recall'),
    ]);
    const race = foldText('the race was due to start at nine').split(/\s+/);
    const runners = new Analyzer(GlossaryFile.parse({}), race, race, { english, thesaurus: new Map() });
    expect(runners.analyze('when did the race start').whole.terms.map((t) => t.term)).toContain(
      stem('start'),
    );
  });

  it('reads chat filler as a word of the story when the article uses it ("264 metres short")', () => {
    const words = foldText('the course was 264 metres short').split(/\s+/);
    const race = new Analyzer(GlossaryFile.parse({}), words, words, { english, thesaurus: new Map() });
    expect(race.analyze('how short was it').whole.terms.map((t) => t.term)).toContain(stem('short'));
    expect(termsIn('the short version please')).not.toContain(stem('short'));
  });
});

describe('asking what someone is, in other words than "who is"', () => {
  const clauseOf = (question: string) => second.analyzer.analyze(question).clauses[0];

  it('reads "who is the US president that Starmer is courting?" as who the president is', () => {
    const clause = seed.analyzer.analyze('Who is the US president that Starmer is courting?').clauses[0];
    expect(clause?.terms.map((t) => t.term)).toEqual(['#trump']);
    expect(seed.analyzer.analyze('who is trump meeting?').clauses[0]?.terms.length).toBeGreaterThan(1);
  });

  it('reads "what office does X hold?" as who they are', () => {
    expect(seed.analyzer.analyze('What office does Sergei Lavrov hold?').clauses[0]?.type).toBe('who');
  });

  it('reads "what role does X have?", "what is X\'s job?", "what does X do?" as who they are', () => {
    for (const question of [
      'What role does Daniel Pryce have?',
      "what is Pryce's job?",
      'what does Pryce do?',
    ]) {
      const clause = clauseOf(question);
      expect(clause?.type).toBe('who');
      expect(clause?.terms.map((t) => t.term)).toEqual(['#pryce']);
    }
  });

  it('leaves "what did X do?" and a role of something else ("the council\'s role") as they were', () => {
    expect(clauseOf('what did Pryce do?')?.type).toBe('what');
    expect(clauseOf("what is the council's role?")?.type).toBe('what');
  });
});

describe('a word for someone before the role that says who', () => {
  const surfaces = (question: string) => seed.analyzer.analyze(question).whole.terms.map((t) => t.surface);
  it('drops "person" before "Russia\'s foreign minister", which says who', () => {
    expect(surfaces("what is the name of the person russia's foreign minister")).not.toContain('person');
  });
  it('keeps it when something else comes between ("the man who is…")', () => {
    expect(surfaces("what's the name of the man who is russian foreign minister")).toContain('man');
  });
});
