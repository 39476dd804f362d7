import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAfter, answerQuestion } from '../../src/core/engine.ts';
import { buildKnowledge } from '../../src/core/knowledge.ts';
import { readDataDir } from '../../src/core/load.ts';
import { copyOfData, DATA_DIR, knowledgeOf, MINI_STORY_DIR, ROOT } from '../support/data.ts';

const mini = await knowledgeOf(MINI_STORY_DIR);
const story = await knowledgeOf(DATA_DIR);

describe('answering (mini-story fixture)', () => {
  it('answers a curated question with its text, citation and confidence', () => {
    const answer = answerQuestion(mini, 'How much will the bridge cost?');
    expect(answer).toMatchObject({ answered: true, kind: 'qa', id: 'bridge-cost', reason: null });
    expect(answer.text).toContain('4.2 million pounds');
    expect(answer.citation).toEqual({
      paragraph: 'p2',
      sentences: ['p2.s1'],
      excerpt: 'The bridge will cost 4.2 million pounds and open in 2026.',
    });
    expect(answer.confidence).toBeGreaterThan(0.5);
  });

  it('finds the entry through typos, aliases and word order', () => {
    expect(answerQuestion(mini, 'wat does the foot bridge cost').id).toBe('bridge-cost');
    expect(answerQuestion(mini, 'who is the mayor').id).toBe('who-is-lopez');
    expect(answerQuestion(mini, 'who voted agianst it').id).toBe('hale-vote');
  });

  it('offers related entries as suggestions with an answer', () => {
    expect(answerQuestion(mini, 'how much will the bridge cost').suggestions.map((s) => s.id)).toEqual([
      'bridge-opening',
    ]);
  });

  it('declines honestly when the article does not say, with close questions', () => {
    const answer = answerQuestion(mini, 'What colour will the bridge be painted?');
    expect(answer).toMatchObject({ answered: false, kind: 'none', citation: null, id: null });
    expect(answer.text).toMatch(/doesn't say/);
  });

  it('declines a known gap with its curated reply and what to read instead', () => {
    const answer = answerQuestion(mini, 'how long is the footbridge');
    expect(answer).toMatchObject({ answered: false, reason: 'known-gap', id: 'gap-bridge-length' });
    expect(answer.suggestions.map((s) => s.id)).toEqual(['bridge-cost']);
  });

  it('declines a why/when/how-many question the closest entry cannot answer', () => {
    const answer = answerQuestion(mini, 'Why did the council approve the bridge?');
    expect(answer).toMatchObject({ answered: false, reason: 'unsupported-type' });
    expect(answer.text).toMatch(/reason/);
  });

  it('declines when the question names someone or a figure the answer does not have', () => {
    expect(answerQuestion(mini, 'When will the bridge open in Germany?').answered).toBe(false);
    expect(answerQuestion(mini, 'When will the bridge cost 9 million?').answered).toBe(false);
  });

  it('answers quote requests verbatim, marking reported speech', () => {
    const direct = answerQuestion(mini, 'quote Lopez');
    expect(direct).toMatchObject({ answered: true, kind: 'quote', id: 'lopez-connects' });
    expect(direct.text).toContain('“This bridge connects our two halves”');
    const reported = answerQuestion(mini, 'what did hale say about the cost');
    expect(reported.quotes[0]).toMatchObject({ speaker: 'hale', kind: 'reported' });
    expect(reported.text).toContain('reported speech');
  });

  it('declines a direct quote from someone the article only reports, giving what it reports', () => {
    const direct = answerQuestion(mini, 'give me a direct quote from Hale');
    expect(direct).toMatchObject({ answered: false, reason: 'no-quote' });
    expect(direct.text).toContain('no direct quote from Tom Hale');
    expect(direct.text).toContain('claiming it was too expensive');
    expect(answerQuestion(mini, 'give me a direct quote from Lopez')).toMatchObject({
      answered: true,
      id: 'lopez-connects',
    });
  });

  it('quotes the article itself by place or by subject', () => {
    const first = answerQuestion(mini, 'give me the opening line of the article word for word');
    expect(first).toMatchObject({ answered: true, kind: 'quote', id: 'p1.s1' });
    expect(first.text).toContain('The Riverton town council approved a new footbridge');
    expect(answerQuestion(mini, 'quote the last paragraph').citation?.paragraph).toBe('p3');
    expect(answerQuestion(mini, 'quote the part about the bridge opening').ids).toEqual(['p2.s1']);
  });

  it('declines what a source the story never mentions said', () => {
    expect(answerQuestion(mini, 'what do the polls say about the bridge')).toMatchObject({
      answered: false,
      reason: 'no-quote',
    });
  });

  it('reads chat’s dropped g ("askin", "goin")', () => {
    expect(answerQuestion(mini, 'wen is the bridge openin').id).toBe('bridge-opening');
  });

  it('says so when the article quotes nobody of that name on that', () => {
    expect(answerQuestion(mini, 'quote Lopez on taxes')).toMatchObject({
      answered: false,
      reason: 'no-quote',
    });
  });

  it('answers each part of a multi-part question with its own citation', () => {
    const answer = answerQuestion(mini, 'How much will the bridge cost, and who voted against it?');
    expect(answer.ids).toEqual(['bridge-cost', 'hale-vote']);
    expect(answer.citations.map((c) => c.paragraph)).toEqual(['p2', 'p3']);
  });

  it('follows a pronoun to the person named earlier', () => {
    expect(answerQuestion(mini, 'Who is Ana Lopez? What did she say?').ids).toEqual([
      'who-is-lopez',
      'lopez-connects',
    ]);
  });

  it('answers greetings and help with the help text, and thanks with a welcome, never a made-up answer', () => {
    for (const text of ['hi', 'hello there 👋', 'help', 'wow', 'huh']) {
      expect(answerQuestion(mini, text)).toMatchObject({
        kind: 'meta',
        decidedBy: 'small-talk',
        citations: [],
      });
    }
    for (const text of ['thanks!', 'ok cool, thanks for explaining 🙏']) {
      const answer = answerQuestion(mini, text);
      expect(answer).toMatchObject({ kind: 'meta', decidedBy: 'thanks' });
      expect(answer.text).toContain('welcome');
    }
  });

  it('falls back to an article sentence only when one clearly fits, and says so', () => {
    const answer = answerQuestion(
      mini,
      'approved new footbridge over the Alder River on Tuesday Riverton town council',
    );
    expect(answer.answered).toBe(true);
    expect(['qa', 'sentence']).toContain(answer.kind);
  });
});

describe('hostile and odd input never crashes and never invents', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['spaces', '   \t  '],
    ['punctuation', '?!?!... ,,,'],
    ['only emoji', '🙂🔥🇺🇳💯'],
    ['control characters', '\u0000\u0007\u001b[31m\u202e'],
    ['10,000 characters', 'a'.repeat(10_000)],
    ['10,000 characters of words', 'trump '.repeat(1700)],
    ['mass mentions', '@everyone @here <@123456789012345678> <@&123456789012345678>'],
    ['code block', '```js\nprocess.exit(1)\n```'],
    ['markdown', '**__~~||spoiler||~~__**'],
  ];
  it.each(cases)('%s', (_name, text) => {
    const answer = answerQuestion(story, text);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text).not.toMatch(/@everyone|@here|<@/);
    if (answer.answered && answer.kind !== 'meta') expect(answer.citation).not.toBeNull();
    if (!answer.answered) expect(['empty', 'not-in-article', 'needs-context']).toContain(answer.reason);
  });

  it('declines mentions-only and noise as having no question', () => {
    expect(answerQuestion(story, '@everyone <@123456789012345678>').reason).toBe('empty');
    expect(answerQuestion(story, 'asdfghjkl qwertyuiop').answered).toBe(false);
  });
});

describe('answering (the story)', () => {
  it('reads "who are the people quoted, and what side are they on?" as the sides, "they" being those people', () => {
    const answer = answerQuestion(story, 'Who are the main people quoted and what side are they on?');
    expect(answer.decidedBy).toBe('sides-in-the-story');
    // A "they" with no people asked before it still leans on the conversation.
    expect(answerQuestion(story, 'what side are they on?').decidedBy).not.toBe('sides-in-the-story');
  });

  it('gives "his exact words" of a statement the article only reports as his direct words on it, then the report', () => {
    const answer = answerAfter(story, 'what were his exact words?', [
      'who said europe should take the lead?',
    ]);
    expect(answer.ids).toEqual(['trump-not-going-to-make-guarantees', 'trump-europe-should-lead']);
  });

  it('gives what someone said as whole statements first, a one-word fragment of their speech last', () => {
    const said = answerQuestion(story, 'what is Trump saying?');
    expect(said.kind).toBe('quote');
    expect(said.ids).not.toContain('trump-dictator-word');
    // Asked for his direct words, the fragment is direct speech and counts.
    const direct = answerQuestion(story, "give me Trump's direct quotes");
    expect(direct.ids.slice(0, 2)).toEqual(['trump-not-going-to-make-guarantees', 'trump-dictator-word']);
  });

  it('answers the design card question with Zelensky and a citation', () => {
    const answer = answerQuestion(story, 'who did trump call a dictator?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('Zelensky');
    expect(story.article.text).toContain(answer.citation?.excerpt);
  });

  it('every curated canonical question finds its own entry, or the quote it rests on when it asks for words', () => {
    const misses = story.entries
      .filter((e) => {
        const answer = answerQuestion(story, e.question);
        if (answer.ids[0] === e.id) return false;
        const quote = story.quoteById.get(answer.ids[0] ?? '');
        return !(quote && e.cites.some((ref) => ref.startsWith(quote.cites.split('.')[0] ?? '?')));
      })
      .map((e) => e.id);
    expect(misses).toEqual([]);
  });

  it('declines a who-question only with a gap that was asked with who', () => {
    // The gap asks "did Starmer comment on the vote?": a who-question is answered instead.
    const who = answerQuestion(story, 'Who commented on the UN vote?');
    expect(who.answered).toBe(true);
    expect(who.text).toContain('Howard');
    const didStarmer = answerQuestion(story, 'Did Starmer comment on the UN vote?');
    expect(didStarmer).toMatchObject({ answered: false, id: 'gap-un-vote-reactions' });
  });

  it('never says "No" to a figure asked of a time past the article’s, but declines it as a prediction', () => {
    const after = answerQuestion(story, 'Will the UK go up to 3% of GDP on defence after 2027?');
    expect(after).toMatchObject({ answered: false, decidedBy: 'judgement-question' });
    expect(after.text).not.toMatch(/^No\b/);
    const by = answerQuestion(story, 'Will the UK spend 3% of GDP on defence by 2027?');
    expect(by.text).toMatch(/^No\b/);
  });

  it('answers Yes when the answer says all a yes/no question asks, and denies or qualifies nothing', () => {
    expect(answerQuestion(story, 'Did Trump call Zelensky a dictator?').text).toMatch(/^Yes\. Trump called/);
    // The answer says "I'm not going to...": its words settle it, not a Yes.
    expect(answerQuestion(story, 'Has Trump promised security guarantees?').text).not.toMatch(/^Yes\b/);
    // "Against" the resolution: no Yes to "for" it.
    expect(answerQuestion(story, 'Did the US vote for the resolution?').text).not.toMatch(/^Yes\b/);
    // "Only" asks more than whether: the answer does not say no one else is.
    expect(answerQuestion(story, 'Is the UK the only country sending troops?').text).not.toMatch(/^Yes\b/);
    // "Criticise" is not in what May urged.
    expect(answerQuestion(story, 'Did Theresa May criticise Starmer?').text).not.toMatch(/^Yes\b/);
  });

  it('cites a sentence once when two of its quotes answer ("...," he told reporters, adding that...)', () => {
    const told = answerQuestion(story, 'what did trump tell reporters?');
    expect(told.quotes.length).toBe(2);
    expect(told.citations.length).toBe(1);
  });

  it('answers No when a figure of the question is where the answer starts, not where it goes', () => {
    // "From 2.3% to 2.5%": 2.3% is the old level.
    expect(answerQuestion(story, 'Will the UK raise defence spending to 2.3%?').text).toMatch(/^No\. /);
    expect(answerQuestion(story, 'Will the UK spend 2.3% by 2027?').text).toMatch(/^No\. /);
    expect(answerQuestion(story, 'Is the UK increasing defence spending from 2.5%?').text).toMatch(/^No\. /);
    // Asked the same way round, it is a Yes.
    expect(answerQuestion(story, 'Will the UK spend 2.5% by 2027?').text).toMatch(/^Yes\. /);
    expect(answerQuestion(story, 'Is the UK increasing defence spending from 2.3%?').text).toMatch(/^Yes\. /);
  });

  it('reads "what level" as asking for a figure, not for a thing called a level', () => {
    const level = answerQuestion(story, 'What level will UK defence spending reach by 2027?');
    expect(level).toMatchObject({ answered: true, id: 'uk-defence-spending' });
  });

  it('reads "is that true?" after a claim as a judgement of it, and after a fact as asking for the source', () => {
    const ofAClaim = answerAfter(story, 'is that true though?', ['what did Trump suggest about Kyiv?']);
    expect(ofAClaim).toMatchObject({ answered: false, decidedBy: 'judgement-of-last-answer' });
    const ofAFact = answerAfter(story, 'is that true?', ['how much does the UK spend on defence?']);
    expect(ofAFact.decidedBy).toBe('source-of-last-answer');
  });

  it('reads "what did he say exactly?" as asking for his own words: the direct quote', () => {
    const exactly = answerAfter(story, 'what did he say exactly', ['is Trump offering security guarantees?']);
    expect(exactly.id).toBe('trump-not-going-to-make-guarantees');
  });

  it('reads "Starmer too?" after a who-question as the same question of Starmer', () => {
    expect(answerAfter(story, 'Starmer too?', ["who's visiting Washington?"]).id).toBe(
      'starmer-meeting-trump',
    );
  });

  it('reads question forms through slips of filler words: "sould" is "should", "wher" is "where"', () => {
    expect(answerQuestion(story, 'sould the uk actually send troops?').decidedBy).toBe('judgement-question');
    expect(story.analyzer.analyze('wher is zelensky going').whole.type).toBe('where');
    // A word of English is no slip: "keen" is not "keep".
    expect(answerQuestion(story, 'is trump keen on giving ukraine strong guarantees?').answered).toBe(true);
  });

  it('reads a request about the whole story typed with slips: "when was this artilce published?"', () => {
    expect(answerQuestion(story, 'when was this artilce published?').decidedBy).toBe('story-date');
    expect(answerQuestion(story, 'which news outllet is this from?').decidedBy).toBe('story-source');
    expect(answerQuestion(story, 'thanks, that hepls').decidedBy).toBe('thanks');
  });

  it('reads "does it quote Trump directly?" as asking for his direct quotes, "directly" no word to match', () => {
    const direct = answerQuestion(story, 'does it quote trump directly?');
    expect(direct).toMatchObject({ answered: true, kind: 'quote' });
    expect(direct.text).toContain('beyond very much');
  });

  it('reads a typed "tel" as "tell": "wat did teresa may tel starmer to say" asks for May\'s words', () => {
    const told = answerQuestion(story, 'wat did teresa may tel starmer to say');
    expect(told.text).toMatch(/^Theresa May/);
  });

  it('reads "him" after a name as someone met before: "what is Starmer trying to stop him doing?" after Putin', () => {
    const stop = answerAfter(story, 'what is Starmer trying to stop him doing?', ['Who is Vladimir Putin?']);
    expect(stop).toMatchObject({ answered: true, id: 'backstop-purpose' });
  });

  it('keeps a prediction of its own in an ellipsis: "and after 2027?" after "by when?"', () => {
    const after = answerAfter(story, 'and after 2027?', ['what is the UK defence target', 'by when?']);
    expect(after).toMatchObject({ answered: false, reason: 'judgement' });
    // The same ellipsis about what the article gives is answered.
    expect(answerAfter(story, 'and by 2027?', ['what is the UK defence target'])).toMatchObject({
      answered: true,
    });
  });

  it('lists the sentences that give a date for "what dates does it mention?", not a person named May', () => {
    const dates = answerQuestion(story, 'what dates does the article mention?');
    expect(dates.decidedBy).toBe('dates-in-the-story');
    expect(dates.text).toContain('2027');
    expect(dates.text).not.toContain('Theresa May');
  });

  it('reads "which minerals specifically?" as asking for the specific ones, which the article never names', () => {
    expect(answerQuestion(story, 'which minerals specifically?')).toMatchObject({ answered: false });
    // "Exactly" after the kind asks the same; before it, it only leans on the question.
    expect(answerQuestion(story, 'which rare earth minerals exactly are in the deal')).toMatchObject({
      answered: false,
    });
    expect(answerQuestion(story, 'what exactly is a backstop')).toMatchObject({ answered: true });
  });

  it('reads "what about Lavrov?" after a yes/no question as his stance on its subject, and not of someone never quoted', () => {
    const lavrov = answerAfter(story, 'what about Lavrov?', ['Is Starmer willing to send troops?']);
    expect(lavrov.id).toBe('russia-rejects-peacekeepers');
    // Putin says nothing in the article about the minerals deal.
    expect(answerAfter(story, 'what about Putin?', ['is Zelensky signing the minerals deal?']).answered).toBe(
      false,
    );
  });

  it('says what someone called it when asked with another word, but not of someone else', () => {
    const hero = answerQuestion(story, 'Did Trump call Zelensky a hero?');
    expect(hero.answered).toBe(true);
    expect(hero.text).toMatch(/^Not in those words.*dictator/s);
    // What Trump called Zelensky says nothing of Putin.
    expect(answerQuestion(story, 'Did Trump call Putin a genius?').answered).toBe(false);
  });

  it('reads a figure the story gives as its subject, not as a request for the places', () => {
    // Like "41 countries" in a story of backers in 41 countries: here, the year of the spending pledge.
    expect(answerQuestion(story, '2027 countries?').decidedBy).not.toBe('places-in-the-story');
    expect(answerQuestion(story, '3 countries?').decidedBy).toBe('places-in-the-story');
  });

  it('lists the capitals the article names among its places, each with its paragraph', () => {
    const places = answerQuestion(story, 'what places are mentioned?');
    expect(places.decidedBy).toBe('places-in-the-story');
    expect(places.text).toMatch(/• Washington \(paragraph \d+\)/);
    expect(places.text).toMatch(/• Kyiv \(paragraph \d+\)/);
    expect(places.text).not.toContain('London'); // a capital the article never names
  });

  it('says so when a short part of a multi-part question is one the article cannot answer', () => {
    const answer = answerQuestion(story, 'who is lavrov? how old is he?');
    expect(answer.text).toContain("Russia's Foreign Minister");
    expect(answer.text).toMatch(/On the rest: The article doesn't give Sergei Lavrov's age/);
  });

  it('cites every paragraph an entry rests on, not only the first', () => {
    const answer = answerQuestion(story, 'Who will be in Washington?');
    expect(answer.id).toBe('washington-visits');
    expect(answer.citations.map((c) => c.paragraph)).toEqual(['p4', 'p6', 'p9']);
    expect(answer.citation?.paragraph).toBe('p4');
  });

  it('answers what a country said with the words of whoever speaks for it, not who its leader is', () => {
    const russia = answerQuestion(story, 'what did Russia say?');
    expect(russia.kind).toBe('quote');
    expect(russia.text).toContain('Lavrov');
    expect(russia.id).not.toBe('who-is-putin');
  });

  it('declines a prediction a known gap covers with the gap’s own reply, not the general one', () => {
    const answer = answerQuestion(story, 'will the war end soon?');
    expect(answer).toMatchObject({ answered: false, decidedBy: 'judgement-question', id: 'gap-war-end' });
    expect(answer.text).toBe(story.gapById.get('gap-war-end')?.reply);
  });

  it('compares two sides where a third body named with "at" is the setting, not a side', () => {
    const answer = answerQuestion(story, 'How did the US differ from Europe at the UN?');
    expect(answer.decidedBy).toBe('one-side-against-another');
    expect(answer.text).toMatch(/^US: .*voted/s);
    expect(answer.text).toContain('Europe: ');
  });

  it('reads "what happened at X" by X: "happened" is how it is asked, not what', () => {
    expect(answerQuestion(story, 'what happened at the united nations').id).toBe('un-vote');
  });

  it('every curated known gap declines', () => {
    const answered = story.gaps.filter((g) => answerQuestion(story, g.question).answered).map((g) => g.id);
    expect(answered).toEqual([]);
  });
});

describe('a word of the story read as a cue about the whole story', () => {
  it('answers about a body whose glossary alias holds a source word ("the agency"), not with the source', async () => {
    const data = await copyOfData();
    try {
      await data.edit('glossary.yaml', (t) =>
        t.replace(
          'aliases: [councillors, town council]',
          'entity: true\n    aliases: [councillors, town council, the agency]',
        ),
      );
      const kb = buildKnowledge(await readDataDir(data.dir));
      const agency = answerQuestion(kb, 'What did the agency say?');
      expect(agency.decidedBy).not.toBe('story-source');
      expect(agency.text).not.toContain('It comes from');
      expect(agency.id).toBe(answerQuestion(kb, 'What did the council say?').id);
      // Without the alias the same words still ask where the article comes from.
      expect(answerQuestion(kb, 'which agency is this from?').text).toContain('It comes from');
      expect(answerQuestion(mini, 'What did the agency say?').text).toContain('It comes from');
    } finally {
      await data.remove();
    }
  });
});

describe('yes and no before a curated answer (README, Curating)', () => {
  it('says No when the month asked is not the answer\'s, and leaves a bound ("before January") to the answer', async () => {
    const second = await knowledgeOf(join(ROOT, 'tests/fixtures/second-story/data'));
    expect(answerQuestion(second, 'Is the audit committee meeting on 4 November?').text).toMatch(/^No\. /);
    expect(answerQuestion(second, 'Is the audit committee meeting on 4 December?').text).toMatch(/^Yes\. /);
    expect(answerQuestion(second, 'Is the audit committee meeting before 4 January?').text).not.toMatch(
      /^(?:No|Yes)\. /,
    );
  });

  it('says No when the question puts it in a place the story never names and the answer names another', async () => {
    const data = await copyOfData();
    try {
      await data.edit('qa.yaml', (t) =>
        t.replace(
          'answer: The Riverton town council approved a new footbridge over the Alder River on Tuesday.',
          'answer: The town council approved a new footbridge in Riverton on Tuesday.',
        ),
      );
      const kb = buildKnowledge(await readDataDir(data.dir));
      expect(answerQuestion(kb, 'did the council approve the footbridge in leeds?').text).toMatch(
        /^No\. The town council/,
      );
      expect(answerQuestion(kb, 'did the council approve the footbridge in riverton?').text).not.toMatch(
        /^No\./,
      );
    } finally {
      await data.remove();
    }
  });

  it('says No to a figure the story never gives, with its magnitude ("9 million pounds"), rather than declining', () => {
    expect(answerQuestion(mini, 'is it true the bridge will cost 9 million pounds?').text).toBe(
      'No. The bridge will cost 4.2 million pounds.',
    );
  });

  it('puts "Yes." or "No." before an answer, unless the answer starts with its own', async () => {
    expect(answerQuestion(mini, 'Did the council approve the bridge?').text).toMatch(/^Yes\. The Riverton/);
    expect(answerQuestion(mini, 'Did Lopez vote against the plan?').text).toMatch(/^No\. Councillor/);
    const data = await copyOfData();
    try {
      await data.edit('qa.yaml', (t) =>
        t
          .replace(
            'answer: The Riverton town council approved',
            'answer: Yes, the Riverton town council approved',
          )
          .replace('answer: Councillor Tom Hale voted', 'answer: No, Councillor Tom Hale voted'),
      );
      const kb = buildKnowledge(await readDataDir(data.dir));
      expect(answerQuestion(kb, 'Did the council approve the bridge?').text).toMatch(/^Yes, the Riverton/);
      expect(answerQuestion(kb, 'Did Lopez vote against the plan?').text).toMatch(/^No, Councillor/);
      // Asked who, not whether: the curated "Yes," is left out.
      expect(answerQuestion(kb, 'Who approved the bridge?').text).toMatch(
        /^The Riverton town council approved/,
      );
    } finally {
      await data.remove();
    }
  });

  it('says No to a figure the answer contradicts, even from an entry its curator kept from yes/no questions', async () => {
    const data = await copyOfData();
    try {
      await data.edit('qa.yaml', (t) =>
        t.replace('answer: The bridge will cost 4.2 million pounds.', '$&\n    answers: [what, how-many]'),
      );
      const kb = buildKnowledge(await readDataDir(data.dir));
      expect(answerQuestion(kb, 'Will the bridge cost 5 million?').text).toMatch(
        /^No\. The bridge will cost/,
      );
      // The figure it gives: no "Yes." from an entry kept from yes/no questions.
      expect(answerQuestion(kb, 'Will the bridge cost 4.2 million?').text).toMatch(/^The bridge will cost/);
    } finally {
      await data.remove();
    }
  });
});

describe("readers' wordings of a request", () => {
  it('takes no pronoun for a slip of a name: "does he support Trump?" after Lord Howard asks about Howard', () => {
    const answer = answerAfter(story, 'does he support trump?', ['what did lord howard say']);
    expect(answer.answered).toBe(false);
    expect(answer.text).not.toMatch(/^No\. Trump/);
  });

  it('reads "did it pass?" of a resolution as whether it was approved', () => {
    const answer = answerQuestion(story, 'did the resolution pass?');
    expect(answer).toMatchObject({ answered: false, id: 'gap-un-result' });
  });

  it('reads "which minister…?" as answered by the minister named by his title', () => {
    const answer = answerQuestion(story, 'which minister rejected European peacekeepers?');
    expect(answer).toMatchObject({ answered: true, id: 'russia-rejects-peacekeepers' });
  });

  it('reads "what phrase did X use" as asking for X\'s words', () => {
    const answer = answerQuestion(story, 'what phrase did Lord Howard use for the vote?');
    expect(answer.kind).toBe('quote');
    expect(answer.text).toContain('stark reminder');
  });

  it('reads the body in a person\'s role before their title as saying who they are ("the Northfield University economist")', async () => {
    const second = await knowledgeOf(join(ROOT, 'tests/fixtures/second-story/data'));
    for (const question of [
      'what did the Northfield University economist say?',
      'what did the chamber of commerce executive say?',
    ]) {
      expect(answerQuestion(second, question)).toMatchObject({
        answered: true,
        decidedBy: 'everything-they-said',
      });
    }
  });

  it('reads the person named first as the one speaking, not a silent body named after him', () => {
    const answer = answerQuestion(story, 'how did Lord Howard describe the UN vote, in his exact words?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('stark reminder');
  });

  it('finds who said the words put in quotation marks, pronouns and all', async () => {
    const second = await knowledgeOf(join(ROOT, 'tests/fixtures/second-story/data'));
    const quote = second.quotes.find((q) => q.kind === 'direct' && /\b(?:she|he|it|we|us)\b/i.test(q.text));
    if (!quote) throw new Error('the second story has no direct quote with a pronoun');
    const words = quote.text.replace(/[“”"]/g, '').split(/\s+/).slice(0, 8).join(' ');
    const answer = answerQuestion(second, `who said "${words}"?`);
    expect(answer).toMatchObject({ answered: true, decidedBy: 'who-said-the-words-quoted' });
    expect(answer.text).toContain(second.personById.get(quote.speaker)?.name ?? '?');
  });

  it('answers "did X say "…"?" with Yes for X\'s words, and says whose they are otherwise', () => {
    const yes = answerQuestion(story, 'did Trump really say "beyond very much"?');
    expect(yes.text).toMatch(/^Yes\. Donald Trump/);
    const other = answerQuestion(story, 'did Lavrov say "beyond very much"?');
    expect(other.text).not.toMatch(/^Yes/);
    expect(other.text).toContain('Donald Trump');
    expect(answerQuestion(story, 'did Trump say "we will win the war"?').answered).toBe(false);
  });

  it('declines "who said …?" of words the article never has, rather than reading them as a question', () => {
    const answer = answerQuestion(story, 'who said "that is on us"?');
    expect(answer.answered).toBe(false);
    expect(answer.text).not.toContain('Zelensky');
  });

  it('gives what the article reports after a judgement without the answer\'s own "Yes."', async () => {
    const data = await copyOfData();
    try {
      await data.edit('qa.yaml', (t) =>
        t.replace(
          'answer: The bridge will cost 4.2 million pounds.',
          'answer: Yes. The bridge will cost 4.2 million pounds.',
        ),
      );
      const kb = buildKnowledge(await readDataDir(data.dir));
      const answer = answerQuestion(kb, 'should the bridge cost that much?');
      expect(answer.decidedBy).toBe('judgement-question');
      expect(answer.text).toContain('The bridge will cost 4.2 million pounds.');
      expect(answer.text).not.toContain('Yes.');
    } finally {
      await data.remove();
    }
  });

  it('reads "what does each side want?" as the sides\' positions, and "what kind of article is this?" as its source', () => {
    expect(answerQuestion(story, 'what does each side want?').decidedBy).toBe('sides-in-the-story');
    expect(answerQuestion(story, 'what kind of article is this?').decidedBy).toBe('story-source');
  });

  it('reads "the Russian guy", "the Russian official" as one of Russia\'s people, whose words are Lavrov\'s', () => {
    for (const question of ['what did the Russian guy say?', 'what did the russian official say?']) {
      expect(answerQuestion(story, question).text).toContain('Sergei Lavrov');
    }
  });

  it('reads "what day…?" as needing a day or a date, not a year', () => {
    expect(answerQuestion(story, 'what day is Zelensky arriving?').text).toContain('Friday');
    expect(
      answerAfter(story, 'what day is their meeting?', ['is Starmer meeting Trump?']).text,
    ).not.toContain('2027');
  });

  it('reads a country typed in lower case before what countries do ("how did china vote?") as the country', () => {
    const answer = answerQuestion(story, 'how did china vote at the UN on the resolution?');
    expect(answer.answered).toBe(false);
    expect(answerQuestion(story, 'what did turkey say?').text).toContain('Turkey');
  });

  it('reads "which two countries…?" as asking for countries, named in the answer', () => {
    expect(answerQuestion(story, 'which two countries voted with the US?').text).toContain('North Korea');
  });

  it('takes a word of degree ("big commitments") for no subject a known gap holds', () => {
    const answer = answerQuestion(
      story,
      'Did the White House boss promise big security commitments to Kyiv?',
    );
    expect(answer.decidedBy).not.toBe('gap-holds-a-telling-word');
    expect(answer.text).toContain('not going to make security guarantees');
  });

  it('reads "what nasty name…?" as asking for the name, which a word the story never uses only describes', () => {
    expect(answerQuestion(story, 'what nasty name has trump called zelensky').text).toContain('dictator');
  });

  it('reads "what effect did X have?" as what followed from it, which the answer tells in its own words', () => {
    const answer = answerQuestion(
      story,
      'What effect did the US stance at the UN have on ties with European allies?',
    );
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('Tensions');
  });

  it("compares two sides' positions on a subject by what each side's people said of it", () => {
    const answer = answerQuestion(story, "compare the UK and US positions on Ukraine's security");
    expect(answer.decidedBy).toBe('one-side-against-another');
    expect(answer.text).toContain('backstop');
    expect(answer.text).toContain('not going to make security guarantees');
    expect(answer.text).not.toContain('Kyiv considers');
  });

  it('reads "which Russian official is mentioned?" as the story\'s people from Russia', () => {
    const answer = answerQuestion(story, 'which Russian official is mentioned?');
    expect(answer.decidedBy).toBe('people-from-a-country');
    expect(answer.text).toContain('Lavrov');
  });
});

describe('who is named in a who-question, and who it asks for', () => {
  it('"…, according to Trump?": the one the question quotes is no one acted on, so his answer stands', () => {
    const answer = answerQuestion(story, 'who should lead the protection of Ukraine, according to Trump?');
    expect(answer.id).toBe('europe-should-lead');
  });

  it('"who\'s the chamber\'s boss?": the role picks the person out, so the answer naming them is it', async () => {
    const second = await knowledgeOf(join(ROOT, 'tests/fixtures/second-story/data'));
    expect(answerQuestion(second, "who's the chamber's boss?").id).toBe('who-is-lyle');
  });
});

describe('a body the headline is about, listed among the people ("they")', () => {
  it('may go unnamed in an answer, as a place the headline names may', async () => {
    const data = await copyOfData();
    try {
      await data.edit('story.yaml', (t) =>
        t.replace(
          'title: Riverton approves Alder River footbridge',
          'title: Riverton town council approves footbridge',
        ),
      );
      await data.edit('glossary.yaml', (t) =>
        t
          .replace('  - term: council\n    aliases: [councillors, town council]\n', '')
          .replace(
            'people:\n',
            'people:\n  - id: council\n    name: Riverton Town Council\n    pronoun: they\n    cites: [p1.s1]\n    aliases: [the town council, the council]\n',
          ),
      );
      const kb = buildKnowledge(await readDataDir(data.dir));
      // "The bridge will cost 4.2 million pounds." does not name the council.
      expect(answerQuestion(kb, 'how much will the footbridge cost the town council?').id).toBe(
        'bridge-cost',
      );
    } finally {
      await data.remove();
    }
  });
});

describe('"who does X say should…?" asked of X\'s words', () => {
  it('gets the quote naming who, of quotes that fit as well', () => {
    const answer = answerQuestion(story, "who does trump say should guarantee ukraine's security?");
    expect(answer.ids).toEqual(['trump-europe-should-lead']);
  });

  it('leaves "who did he say it to?" to the quote said to someone, not one naming another', () => {
    const answer = answerQuestion(story, "who did Trump say he won't give guarantees to?");
    expect(answer.text).toContain('to reporters');
  });
});

describe('a summary asked of what the headline is about', () => {
  it('"what is happening with Ukraine?" is the whole story when the headline is about Ukraine', () => {
    expect(answerQuestion(story, 'what is happening with Ukraine?').decidedBy).toBe('story-summary');
  });

  it('"summarise it in like 4 bullets": the size asked of the summary is no subject of its own', () => {
    expect(answerQuestion(story, 'summarise it in like 4 bullets').decidedBy).toBe('story-summary');
  });

  it('"what happened at the UN?" still asks about the UN, which the headline does not name', () => {
    expect(answerQuestion(story, 'what happened at the UN?').id).toBe('un-vote');
  });
});
