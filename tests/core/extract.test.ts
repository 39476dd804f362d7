/**
 * Reading an article alone: people (names, surname and full-name aliases, roles from
 * apposition, pronouns the article shows), places, quotations with their speakers and reported
 * statements, and the draft data folder built from them.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.ts';
import { answerAfter } from '../../src/core/engine.ts';
import { dateOf, draftFromArticle, readHeader } from '../../src/core/extract/draft.ts';
import { questionsFor } from '../../src/core/extract/questions.ts';
import { extractStory } from '../../src/core/extract/story.ts';
import { buildKnowledge } from '../../src/core/knowledge.ts';
import { stem } from '../../src/core/stem.ts';
import { createTrace } from '../../src/core/trace.ts';
import { checkData } from '../../src/core/validate.ts';

// Written for this test: one of each attribution pattern.
const ARTICLE = [
  'Northfield United have signed striker Marco Reyes from Porto for a club-record fee of 38 million euros, the club announced on Monday.',
  '“He is exactly the kind of player we have been looking for,” manager Helen Brandt told a press conference. She added that Reyes would train with the squad on Wednesday.',
  'Reyes, 24, scored 19 league goals last season. "I am proud to join a club with such history," said Reyes.',
  'Chairman David Okafor described the deal as a statement of ambition, but warned fans not to expect miracles in the first month.',
  'According to Okafor, the club will pay the fee in three instalments. Supporters’ group spokesperson Priya Nair said the price was too high.',
  '“We will be watching closely,” Nair said. Her group has 4,000 members.',
].join('\n');

const article = parseArticle(ARTICLE);
/** The knowledge base of a draft of `text`, as `npm run draft` would write it. */
const draftedKnowledge = (text: string) =>
  buildKnowledge(
    new Map(
      [...draftFromArticle(text, { today: '2026-01-06' }).files].filter(([n]) => !n.startsWith('schema/')),
    ),
  );
const extracted = extractStory(article);
const person = (id: string) => extracted.people.find((p) => p.id === id);
const quote = (text: string) => extracted.quotes.find((q) => q.text === text);

describe('people and places from the article', () => {
  it('finds people by title and capitalised name, with surname and full-name aliases and the role before the name', () => {
    expect(extracted.people.map((p) => [p.id, p.name, p.role])).toEqual([
      ['reyes', 'Marco Reyes', 'striker'],
      ['brandt', 'Helen Brandt', 'manager'],
      ['okafor', 'David Okafor', 'Chairman'],
      ['nair', 'Priya Nair', 'spokesperson'],
    ]);
    expect(person('okafor')?.aliases).toEqual(['Okafor', 'Chairman', 'Chairman Okafor']);
  });

  it('gives a pronoun only where the article shows one', () => {
    expect(extracted.pronounShown.has('brandt')).toBe(true);
    expect(person('brandt')?.pronoun).toBe('she');
    expect(extracted.pronounShown.has('okafor')).toBe(false);
  });

  it('reads the role from "Foreign Minister Sergei Lavrov" and keeps "Sir" and "Lord ... of" in the name', () => {
    const other = extractStory(
      parseArticle(
        'Russia rejected the plan, with Foreign Minister Sergei Lavrov claiming it was deceptive.\nConservative peer Lord Howard of Lympne described the vote as a stark reminder.\nUK Prime Minister Sir Keir Starmer spoke later.',
      ),
    );
    expect(other.people.map((p) => [p.id, p.name, p.role])).toEqual([
      ['lavrov', 'Sergei Lavrov', 'Foreign Minister'],
      ['howard', 'Lord Howard of Lympne', 'Conservative peer'],
      ['starmer', 'Sir Keir Starmer', 'UK Prime Minister'],
    ]);
    expect(other.people.find((p) => p.id === 'howard')?.aliases).toEqual([
      'Lord Howard',
      'Howard',
      'Conservative peer',
      'Conservative peer Howard',
    ]);
    expect(other.places.map((t) => t.term)).toContain('Russia');
  });

  it('takes a body named after its kind, and a river or brook, for no person; "X, the agency\'s manager" is one', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        [
          'Tom Hale, chair of the campaign group FlowWatch East, described the leaks as a scandal.',
          'Volunteers moved fish from the Kell Brook, a tributary of the Arun.',
          "Priya Anand, the agency's area manager, said it was monitoring levels daily.",
        ].join('\n'),
      ),
    );
    const names = other.people.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Tom Hale', 'Priya Anand']));
    expect(names).not.toContain('FlowWatch East');
    expect(names).not.toContain('Kell Brook');
  });

  it('takes "the Agency\'s manager" for the body without its possessive, and a utility ("Dunmore Water") for a body', () => {
    // Written for this test.
    const text = [
      "Kate Rowe, the Flood Agency's area manager, said levels were falling.",
      'Figures from the Flood Agency show rain at 40% of normal. Dunmore Water said it would review the ban.',
    ].join('\n');
    const other = extractStory(parseArticle(text));
    // Dunmore Water issues a statement of its own: it is a speaker (pronoun they), its words a quote.
    expect(other.people.map((p) => p.name)).toEqual(['Kate Rowe', 'Dunmore Water']);
    expect(other.people[1]?.pronoun).toBe('they');
    expect(other.quotes.find((q) => q.speaker === 'dunmore-water')?.text).toBe('it would review the ban');
    expect(other.places.map((t) => t.term)).toEqual(expect.arrayContaining(['Flood Agency']));
    expect(other.places.map((t) => t.term)).not.toContain('Dunmore Water');
    expect(other.places.map((t) => t.term)).not.toContain("Flood Agency's");
    // Its area manager speaks for it, so "what did the agency say?" is not declined out of hand.
    expect(other.places.find((t) => t.term === 'Flood Agency')?.speaks).toBe(true);
    const drafted = draftFromArticle(text, { today: '2026-02-01' });
    const files = new Map([...drafted.files].filter(([name]) => !name.startsWith('schema/')));
    expect(checkData(files).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('reads "X, director of …" as a person with that role, and a plural\'s apostrophe or an ampersand inside a body\'s name', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        [
          'Omar Hale, director of the campaign group FlowWatch East, said the leaks were a scandal.',
          "Nina Ross, chair of the Kell Valley Growers' Association, said yields were down.",
          'Sam Wardle, who owns Wardle & Sons bakery in Amble, said sales had fallen.',
        ].join('\n'),
      ),
    );
    expect(other.people.map((p) => p.name)).toEqual(['Omar Hale', 'Nina Ross', 'Sam Wardle']);
    expect(other.people[0]?.role).toBe('director of the campaign group FlowWatch East');
    const terms = other.places.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(["Kell Valley Growers' Association", 'Wardle & Sons']));
    expect(terms).not.toContain('Association');
    expect(terms).not.toContain('Sons');
  });

  it('reads "Selby Lido" and "Ashworth Pier" as places, not people', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        [
          'Selby Lido will reopen in June, said Mark Dunn, the pool manager.',
          'Ashworth Pier closed in 2019. "We missed it," Dunn said.',
        ].join('\n'),
      ),
    );
    expect(other.people.map((p) => p.name)).toEqual(['Mark Dunn']);
  });

  it('reads "said Dr. Ann Bell" (a title with a full stop) as one person, and "X Therapeutics" as a body', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        [
          '"It works," said Dr. Ann Bell, a surgeon at St. Mary\'s Hospital.',
          'The drug was made by Veltrex Therapeutics. Veltrex Therapeutics said a larger trial would follow.',
        ].join('\n'),
      ),
    );
    // Veltrex Therapeutics says something itself: a body among the speakers.
    expect(other.people.map((p) => p.name)).toEqual(['Dr Ann Bell', 'Veltrex Therapeutics']);
    expect(other.bodies).toEqual(new Set(['veltrex-therapeutics']));
    expect(other.quotes.map((q) => q.speaker)).toEqual(['bell', 'veltrex-therapeutics']);
  });

  it('leaves a standfirst between the headline and the byline out of the paragraphs, as the tldr', () => {
    const headed = draftFromArticle(
      `Reservoirs sink to 38%\n\nThe ban starts on Monday as rivers run low\n\nBy Sam Ortiz, 9 July 2025\n\n${ARTICLE}`,
      { today: '2026-02-01' },
    );
    const story = headed.files.get('story.yaml') ?? '';
    expect(story).toContain('author: Sam Ortiz');
    expect(story).toContain('date: 2025-07-09');
    expect(story).toContain('tldr: The ban starts on Monday as rivers run low');
    expect(headed.files.get('article.txt')).toBe(`${ARTICLE}\n`);
  });

  it('makes bodies and named places glossary terms, never people, unless a body issues statements', () => {
    // Written for this test: bodies with a person's first name, a joiner, or one word that speaks.
    const other = extractStory(
      parseArticle(
        [
          'The clinic at St Mary’s Hospital will close, the Department for Health said on Monday.',
          'Jane Whitby, chief executive of the Harbury Chamber of Commerce, said the hospital had served the town for decades.',
          'Priya Ramaswamy, who runs a shop on Mill Lane, said she was sad. In a statement, Veltro said it would buy the site.',
        ].join('\n'),
      ),
    );
    // "…, the Department for Health said on Monday": the statement is the department's.
    expect(other.people.map((p) => p.name)).toEqual([
      'Jane Whitby',
      'Priya Ramaswamy',
      'Department for Health',
    ]);
    expect(other.quotes.find((q) => q.speaker === 'department-for-health')?.text).toBe(
      'The clinic at St Mary’s Hospital will close',
    );
    const terms = new Map(other.places.map((t) => [t.term, t]));
    expect([...terms.keys()]).toEqual(
      expect.arrayContaining(['St Mary’s Hospital', 'Harbury Chamber of Commerce', 'Mill Lane', 'Veltro']),
    );
    expect(terms.get('St Mary’s Hospital')?.aliases).toEqual(['the hospital']);
    expect(terms.get('Mill Lane')?.speaks).toBe(false);
    expect(terms.get('Veltro')?.speaks).toBe(true);
  });

  it('reads a title before two names, and a surname’s particle ("van Dam"), as a person; a plural before a name is no role', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        [
          'The study, led by Professor Ngozi Adeyemi, took three years.',
          'The club paid £12 million for the Danish winger Pieter van Loon in 2021.',
          'They beat Belgian champions Royal Verlaine on Sunday.',
          'Ana Ruiz, the Welsh Green Party spokesperson, agreed. So did the Scottish Liberal Democrat group.',
        ].join('\n'),
      ),
    );
    expect(other.people.map((p) => [p.name, p.id])).toEqual([
      ['Professor Ngozi Adeyemi', 'adeyemi'],
      ['Pieter van Loon', 'van-loon'],
      ['Ana Ruiz', 'ruiz'],
    ]);
    expect(other.people.find((p) => p.id === 'van-loon')?.aliases).toContain('van Loon');
    // The side after "champions" is a body, named by its last word where the article does so.
    const side = extractStory(
      parseArticle('They beat Belgian champions Royal Verlaine on Sunday. Verlaine had won the cup in May.'),
    );
    expect(side.places.find((t) => t.term === 'Royal Verlaine')?.aliases).toEqual(['Verlaine']);
  });

  it('names a body also without the city its name ends in ("Imperial College London": imperial college)', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        'Ana Ruiz, a chemist at Imperial College London, was not involved. Harbury City Council met on Monday.',
      ),
    );
    const terms = new Map(other.places.map((t) => [t.term, t]));
    expect(terms.get('Imperial College London')?.aliases).toEqual(['imperial college']);
    expect(terms.get('Harbury City Council')?.aliases).toEqual(['city council']);
  });

  it('names a body by its name without its head when the article does so for the body, not for a place', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        'The grant came from Pellow Energy and Dunmore University. Pellow has agreed to host the trial, and a plant may be built in Dunmore.',
      ),
    );
    const terms = new Map(other.places.map((t) => [t.term, t]));
    expect(terms.get('Pellow Energy')?.aliases).toContain('Pellow');
    expect(terms.get('Dunmore University')?.aliases ?? []).not.toContain('Dunmore');
  });

  it('gives "the chain" to the business the article names most, and to none when two are named as often', () => {
    // Written for this test.
    const one = extractStory(
      parseArticle(
        'A bakery chain has recalled 4,000 loaves from its shops.\n\nHollins & Vale said the chain would refund customers. Hollins & Vale apologised.',
      ),
    );
    expect(one.places.find((t) => t.term === 'Hollins & Vale')?.aliases).toContain('the chain');
    const two = extractStory(
      parseArticle(
        'A bakery chain has recalled loaves.\n\nHollins & Vale said the chain would refund customers. Marlow & Finch said it would not.',
      ),
    );
    expect(two.places.flatMap((t) => t.aliases)).not.toContain('the chain');
  });

  it('reads a lone name right after a place as more of the place ("Leeds Bradford"), not a person', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        'Crews will be offered transfers to its bases at Bristol and Leeds Bradford. Mayor Ann Webb said so.',
      ),
    );
    expect(other.people.map((p) => p.name)).not.toContain('Bradford');
    expect(other.people.map((p) => p.name)).toContain('Ann Webb');
  });

  it('finds the places it names', () => {
    expect(extracted.places.map((t) => t.term)).toContain('Porto');
  });
});

describe('who said what', () => {
  it('attributes a quotation to the named speaker after it ("manager Helen Brandt told")', () => {
    expect(quote('He is exactly the kind of player we have been looking for')).toMatchObject({
      speaker: 'brandt',
      kind: 'direct',
      cites: 'p2.s1',
      context: 'told a press conference',
    });
  });

  it('reads "said X" and "X said" after straight and curly quotes', () => {
    expect(quote('I am proud to join a club with such history')).toMatchObject({
      speaker: 'reyes',
      kind: 'direct',
    });
    expect(quote('We will be watching closely')).toMatchObject({
      speaker: 'nair',
      kind: 'direct',
      cites: 'p6.s1',
    });
  });

  it('reports statements from reporting verbs, with their speaker', () => {
    expect(quote('Reyes would train with the squad on Wednesday')).toMatchObject({
      speaker: 'brandt',
      kind: 'reported',
      context: 'added that',
    });
    expect(quote('described the deal as a statement of ambition')).toMatchObject({
      speaker: 'okafor',
      kind: 'reported',
    });
    expect(quote('warned fans not to expect miracles in the first month')).toMatchObject({
      speaker: 'okafor',
      kind: 'reported',
    });
    expect(quote('the price was too high')).toMatchObject({
      speaker: 'nair',
      kind: 'reported',
      cites: 'p5.s2',
    });
  });

  it('makes a quotation about the people it names, by a first name too ("Marco is…"), not its speaker', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        'Northfield signed striker Marco Reyes on Monday. “Marco is the player we wanted,” said manager Helen Brandt. “I am happy,” Reyes said.',
      ),
    );
    expect(other.quotes.find((q) => q.speaker === 'brandt')?.about).toContain('Marco Reyes');
    expect(other.quotes.find((q) => q.speaker === 'reyes')?.about).not.toContain('Marco Reyes');
  });

  it('makes a quotation after "described the trial as" about the trial, and not one after "said"', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        'Ana Ruiz described the trial as “the best news in years”. Later Ruiz said the trial was “going well so far”.',
      ),
    );
    expect(other.quotes.find((q) => q.text === 'the best news in years')?.about).toContain('trial');
    expect(other.quotes.find((q) => q.text === 'going well so far')?.about ?? []).not.toContain('trial');
  });

  it('reads "according to X"', () => {
    expect(quote('the club will pay the fee in three instalments')).toMatchObject({
      speaker: 'okafor',
      kind: 'reported',
      cites: 'p5.s1',
    });
  });

  it('gives a quotation of two sentences to the name after it, and finds that name as a person', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        'Chair Ann Webb said the vote was rushed.\n\n"We can offer two lanes. At the moment we train five nights a week," said Dean Okoro, head coach of the club.',
      ),
    );
    expect(other.people.map((p) => p.name)).toContain('Dean Okoro');
    expect(other.quotes.find((q) => q.text.startsWith('We can offer two lanes'))?.speaker).toBe('okoro');
  });

  it('reads "according to" a long description before the name', () => {
    // Written for this test.
    const other = extractStory(
      parseArticle(
        'Mayor Tom Hale approved the plan.\n\n"The beams are failing," according to the report\'s author, chartered structural engineer Helen Marwood.',
      ),
    );
    expect(other.quotes.find((q) => q.text === 'The beams are failing')?.speaker).toBe('marwood');
  });

  it('gives a pronoun’s quotation to the last person named ("he told reporters")', () => {
    const other = extractStory(
      parseArticle(
        'Mayor Ana Lopez opened the bridge.\n“It took ten years,” she told reporters, adding that the town would pay for upkeep.',
      ),
    );
    expect(other.quotes.map((q) => [q.speaker, q.kind, q.text])).toEqual([
      ['lopez', 'direct', 'It took ten years'],
      ['lopez', 'reported', 'the town would pay for upkeep'],
    ]);
  });

  it('quotes only what stands verbatim at the cited place', () => {
    for (const q of extracted.quotes) expect(article.places.get(q.cites)?.text).toContain(q.text);
  });
});

describe('npm run draft: a data folder from the article alone', () => {
  const draft = draftFromArticle(ARTICLE, { title: 'Northfield sign Reyes', date: '2026-01-06' });

  it('validates, with every entry a draft waiting for a person', () => {
    const files = new Map([...draft.files].filter(([name]) => !name.startsWith('schema/')));
    const { data, problems } = checkData(files);
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(data?.qa.entries.every((e) => e.draft)).toBe(true);
    expect(problems.filter((p) => /draft waiting/.test(p.message))).toHaveLength(draft.entries.length);
    expect(buildKnowledge(files).counts.quotes).toBe(draft.quotes.length);
  });

  it('has one entry per sentence, answered by the sentence, and a "who is" entry per person', () => {
    const sentences = article.paragraphs.flatMap((p) => p.sentences);
    for (const s of sentences) {
      const entry = draft.entries.find((e) => e.cites[0] === s.id && e.topic !== 'people');
      expect(entry?.answer.endsWith(s.text), s.id).toBe(true);
      expect(entry?.alternates.length, s.id).toBeGreaterThan(0);
    }
    // "She added…": the answer says who she is.
    expect(draft.entries.find((e) => e.id === 'p2-s2')?.answer).toBe(
      'Helen Brandt: She added that Reyes would train with the squad on Wednesday.',
    );
    expect(draft.entries.find((e) => e.id === 'who-is-okafor')?.answer).toBe(
      'David Okafor is the Chairman. Chairman David Okafor described the deal as a statement of ambition, but warned fans not to expect miracles in the first month.',
    );
    expect(draft.entries.filter((e) => e.topic === 'people').map((e) => e.question)).toEqual([
      'Who is Marco Reyes?',
      'Who is Helen Brandt?',
      'Who is David Okafor?',
      'Who is Priya Nair?',
    ]);
  });

  it('asks the sentence’s own questions: its subject and verb, figures and times', () => {
    const okafor = draft.entries.find((e) => e.id === 'p4-s1');
    expect(okafor?.question).toBe('What did Okafor describe?');
    expect(okafor?.alternates).toContain('Who described the deal as a statement of ambition?');
    const goals = draft.entries.find((e) => e.id === 'p3-s1');
    expect(goals?.question).toBe('What did Reyes score?');
    expect(goals?.alternates).toEqual(
      expect.arrayContaining(['How many league goals did Reyes score?', 'When did Reyes score?']),
    );
    expect(goals?.keywords).toEqual(expect.arrayContaining(['19', 'Reyes']));
    // A quotation is asked about by its speaker.
    const brandt = draft.entries.find((e) => e.id === 'p2-s1');
    expect(brandt?.question).toBe('What did Brandt say about kind of player?');
    expect(brandt?.alternates).toContain('Who said "He is exactly the kind of player we"?');
  });

  it('asks every clause and every figure the way readers ask for it', () => {
    // Written for this test.
    const story = extractStory(
      parseArticle(
        [
          'The 3.4-mile bypass will run from Old Mill Road to the ring road, with 6 junctions.',
          'Under the plan, £80 million will come from a national grant, while the county will borrow £12 million.',
          'Councillor Daniel Hartley, who chairs the roads committee, claimed that the bypass would take about 2,000 lorries a day off the high street.',
          'Councillors approved the scheme by 40 votes to 11, after a debate that lasted almost three hours.',
          'Dr Amir Patel, a traffic engineer at Westbury College, said the forecasts were sound.',
        ].join('\n'),
      ),
    );
    const ask = (text: string) => questionsFor(text, story.people).alternates;
    expect(
      ask('The 3.4-mile bypass will run from Old Mill Road to the ring road, with 6 junctions.'),
    ).toEqual(
      expect.arrayContaining([
        'How long is the bypass?',
        'How many junctions will the 3.4-mile bypass have?',
      ]),
    );
    expect(
      ask(
        'Under the plan, £80 million will come from a national grant, while the county will borrow £12 million.',
      ),
    ).toEqual(
      expect.arrayContaining([
        'How much will come from a national grant?',
        'What will the county borrow?',
        'How much will the county borrow?',
      ]),
    );
    const hartley = questionsFor(
      'Councillor Daniel Hartley, who chairs the roads committee, claimed that the bypass would take about 2,000 lorries a day off the high street.',
      story.people,
    );
    expect(hartley.question).toBe('What did Hartley claim?');
    expect(hartley.alternates).toEqual(
      expect.arrayContaining(['Who chairs the roads committee?', 'How many lorries would the bypass take?']),
    );
    expect(
      ask(
        'Councillors approved the scheme by 40 votes to 11, after a debate that lasted almost three hours.',
      ),
    ).toEqual(
      expect.arrayContaining([
        'What was the vote on the scheme?',
        'How many voted against the scheme?',
        'How long did the debate last?',
      ]),
    );
    expect(
      ask('Dr Amir Patel, a traffic engineer at Westbury College, said the forecasts were sound.'),
    ).toEqual(
      expect.arrayContaining(['Who is a traffic engineer at Westbury College?', 'Where does Patel work?']),
    );
    // "Councillor" is not an alias of Hartley where the article calls others councillors.
    expect(story.people.find((p) => p.id === 'hartley')?.aliases).not.toContain('Councillor');
  });

  it('takes the headline and byline into story.yaml, and leaves them out of the paragraphs', () => {
    const headed = draftFromArticle(
      `Northfield sign Reyes for a record fee\nBy Sam Ortiz, The Northfield Echo, 5 January 2026\n\n${ARTICLE}`,
      { today: '2026-02-01' },
    );
    const story = headed.files.get('story.yaml') ?? '';
    expect(story).toContain('title: Northfield sign Reyes for a record fee');
    expect(story).toContain('source: The Northfield Echo');
    expect(story).toContain('author: Sam Ortiz');
    expect(story).toContain('date: 2026-01-05');
    expect(headed.files.get('article.txt')).toBe(`${ARTICLE}\n`);
    expect(headed.entries.find((e) => e.id === 'p1-s1')?.answer).toMatch(/^Northfield United have signed/);
    // No header: the article as it is, dated today, titled from its first sentence without a dateline.
    expect(readHeader(ARTICLE)).toEqual({ body: ARTICLE });
    const plain = draftFromArticle('LONDON, England — The bridge opened on Monday.\nIt cost £3 million.', {
      today: '2026-02-01',
    });
    expect(plain.files.get('story.yaml')).toContain('title: The bridge opened on Monday');
    expect(plain.files.get('story.yaml')).toContain('date: 2026-02-01');
    expect(
      ['9 October 2025', 'October 9, 2025', 'Thursday, 9 October 2025', '2025-10-09'].map(dateOf),
    ).toEqual(['2025-10-09', '2025-10-09', '2025-10-09', '2025-10-09']);
  });

  it('writes the files a data folder has, with their schemas', () => {
    expect([...draft.files.keys()].sort()).toEqual([
      'article.txt',
      'glossary.yaml',
      'qa.yaml',
      'quotes.yaml',
      'schema/gaps.schema.json',
      'schema/glossary.schema.json',
      'schema/qa.schema.json',
      'schema/quotes.schema.json',
      'schema/story.schema.json',
      'story.yaml',
    ]);
    expect(draft.files.get('qa.yaml')?.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./schema/qa.schema.json',
    );
  });
});

describe('a drafted entry is found by its sentence’s words, not only its generated questions', () => {
  it('matches a question on the second clause of a long sentence as fully as one of its phrasings', () => {
    // Written for this test.
    const text = [
      'The paintings were taken in 1921 by an army officer, Major Albert Crane, during a raid on the village of Tessel, and were donated to the gallery by his nephew in 1960.',
      'The gallery reopens on Friday.',
    ].join('\n');
    const kb = draftedKnowledge(text);
    const trace = createTrace();
    const answer = answerAfter(kb, 'When were the paintings donated to the gallery?', [], { trace });
    expect(answer.id).toBe('p1-s1');
    expect(trace.record.candidates.find((c) => c.id === 'p1-s1')?.bestCq).toBe(1);
    // Who someone is stays their entry's: the sentence is only its background.
    expect(trace.record.candidates.find((c) => c.id === 'who-is-crane')?.bestCq ?? 0).toBeLessThan(0.5);
  });
});

describe('a drafted entry asked for people by a plural ("which artists…?") must name one', () => {
  it('declines "which Kell artists…?" of a sentence naming only a place, and answers where', () => {
    // Written for this test.
    const text = [
      'A new exhibition made with Kell artists opens in the West Gallery in May.',
      'The gallery reopens on Friday.',
    ].join('\n');
    const kb = draftedKnowledge(text);
    expect(answerAfter(kb, 'Which Kell artists are working on the new exhibition?', []).answered).toBe(false);
    expect(answerAfter(kb, 'Where does the new exhibition open?', []).answered).toBe(true);
  });
});

describe("one of a silent body's people may speak", () => {
  it('answers "what did the museum director say?" though the museum itself says nothing', () => {
    // Written for this test.
    const text = [
      'The Kell Museum will close its east wing in May after a vote by its trustees.',
      '“It is a sad day for the town,” said Ann Bell, the museum’s director.',
    ].join('\n');
    const kb = draftedKnowledge(text);
    expect(answerAfter(kb, 'What did the museum director say?', []).text).toContain('sad day');
    expect(answerAfter(kb, 'What did the Kell Museum say?', []).decidedBy).toBe('side-never-quoted');
  });
});

describe('npm run draft: how readers ask, beyond the sentence’s own words', () => {
  // Written for this test.
  const asks = (sentence: string) => {
    const q = questionsFor(sentence, []);
    return { all: [q.question, ...q.alternates], keywords: q.keywords };
  };

  it('asks no "what" of a verb that only goes somewhere, and no "who" of a thing', () => {
    const { all } = asks('The new ferry will sail from Port Ellis to the island twice a day.');
    expect(all.some((q) => /^What will the new ferry sail\?/.test(q))).toBe(false);
    expect(all.some((q) => q.startsWith('Who will sail'))).toBe(false);
    expect(asks('Trams are planned to run every ten minutes.').all[0]).toBe('What are trams planned to do?');
  });

  it('gives the verb of a noun and the noun of a verb as keywords (demolition: demolish)', () => {
    expect(asks('The plan requires the demolition of six shops on Quay Street.').keywords).toContain(
      'demolish',
    );
    expect(asks('The board will approve the budget in May.').keywords).toContain('approval');
    // Of a counted noun too: how many abstained?
    expect(asks('The motion passed by 20 votes to 9, with four abstentions.').keywords).toContain('abstain');
  });

  it('gives an irregular verb as readers type it (flew: fly, led by: lead), not a regular one', () => {
    // Where the stemmer already brings the two forms together (WordNet's irregular forms), the
    // sentence's own word matches and no keyword is needed; otherwise the infinitive is one.
    const flew = asks('The envoy flew to Oslo on Friday, and the talks were led by her deputy.').keywords;
    for (const [written, typed] of [
      ['flew', 'fly'],
      ['led', 'lead'],
    ] as const)
      expect(flew.includes(typed) || stem(written) === stem(typed), typed).toBe(true);
    expect(asks('The envoy travelled to Oslo and signed the treaty.').keywords).not.toEqual(
      expect.arrayContaining(['travel']),
    );
    expect(asks('The envoy travelled to Oslo and signed the treaty.').keywords).not.toContain('sign');
  });

  it('reads a participle aside after the subject as a question of its own, not as the main verb', () => {
    const led = asks('The survey, led by Dr Ines Marlow, took six months to complete.').all;
    expect(led).toContain('Who led the survey?');
    expect(led).toContain('How long did the survey take?');
    const published = asks(
      'The results, published on Monday in the journal Ocean Science, show a fall in numbers.',
    ).all;
    expect(published).toEqual(
      expect.arrayContaining(['When were the results published?', 'Where were the results published?']),
    );
    expect(published[0]).toBe('What do the results show?');
    // A reporting verb between commas is no aside ("said to be"), and nothing is asked of it.
    expect(asks('The bridge, said to be unsafe, will close in May.').all.some((q) => /said/.test(q))).toBe(
      false,
    );
  });

  it('reads a participle after a noun as an aside on it ("figures released on Thursday by the board"), not the main verb', () => {
    const released = asks(
      'Sales have fallen by a fifth, according to figures published on Monday by the Harbury Trade Board.',
    ).all;
    expect(released).toEqual(
      expect.arrayContaining(['Who published the figures?', 'When were the figures published?']),
    );
    expect(asks('Prices rocketed in May.').all.some((q) => /were the prices|was the prices/i.test(q))).toBe(
      false,
    );
  });

  it('asks where of a place after "from" or "near", not of a time after "from"', () => {
    expect(asks('The board recruited 35 nurses from the Philippines in March.').all).toContain(
      'Where did the board recruit?',
    );
    expect(
      asks('The board recruited 35 nurses from the start of March.').all.some((q) => q.startsWith('Where')),
    ).toBe(false);
  });

  it('asks a reported clause of its speaker when it opens with a pronoun ("say they have built")', () => {
    const built = asks('Engineers at Dunmore College say they have built a boat that runs on sunlight.').all;
    expect(built).toContain('What have engineers at Dunmore College built?');
    expect(built.some((q) => q.startsWith('Who has built a boat'))).toBe(true);
    expect(asks('Engineers at Dunmore College say the boat runs on sunlight.').all).not.toContain(
      'What have engineers at Dunmore College built?',
    );
  });

  it('reads "The 24-year-old" opening a sentence as the person named before it, not anyone after', () => {
    const story = draftFromArticle(
      'Northfield United have signed Marco Reyes from Porto.\nThe 24-year-old will wear the number ten shirt. The club hopes the deal will lift sales.',
      { today: '2026-01-01' },
    );
    const age = story.entries.find((e) => e.id === 'p2-s1');
    expect(age?.alternates).toContain('How old is Reyes?');
    expect(age?.answer).toBe('Marco Reyes: The 24-year-old will wear the number ten shirt.');
    expect(story.entries.find((e) => e.id === 'p2-s2')?.answer).toBe(
      'The club hopes the deal will lift sales.',
    );
  });

  it('asks with the verb of an action’s name ("the signing of X": who did they sign?), and what was paid', () => {
    const signing = asks(
      'Harbour United completed the signing of Pedro Alves for £12 million on Monday.',
    ).all;
    expect(signing).toEqual(
      expect.arrayContaining([
        'Who did Harbour United sign?',
        'How much did Harbour United pay for Pedro Alves?',
      ]),
    );
    expect(asks('The club confirmed the sale of its old ground to Veltro Homes.').all).toContain(
      'What did the club sell to Veltro Homes?',
    );
    // A name of an action that is not one ("the signing ceremony") asks nothing of it.
    expect(asks('The signing ceremony was held on Monday.').all.some((q) => /sign\?/.test(q))).toBe(false);
  });

  it('asks for a vote’s result, a survey’s results, a sum’s breakdown and a named thing’s name', () => {
    const vote = asks('The assembly passed the bill by 40 votes to 12.');
    expect(vote.keywords).toEqual(expect.arrayContaining(['vote result', 'final vote']));
    expect(vote.all).toContain('What was the result of the vote on the bill?');
    expect(
      asks('A survey of parents drew 500 replies, 70 per cent of which backed the change.').keywords,
    ).toContain('survey results');
    expect(asks('The budget gives £3 million to roads and £2 million to parks.').keywords).toContain(
      'budget breakdown',
    );
    expect(asks('She has owned the Blue Lantern cafe for ten years.').all).toEqual(
      expect.arrayContaining(['What is the cafe called?', 'What is the name of the cafe?']),
    );
  });

  it('asks who the other side of a "when" clause was ("when the club played against Rovers")', () => {
    const { all } = asks('Hopes were raised when the club played against Rovers at home.');
    expect(all).toContain('Who did the club play against?');
  });

  it('names a body by its name without the place ("city council"), and summarises from the lead', () => {
    const text = [
      'DUNMORE, Scotland — Dunmore City Council approved a new library on Monday after a long debate.',
      'The library will open in 2028 and cost £12 million, the council said.',
      '“It is a great day,” said Mayor Ann Bell.',
    ].join('\n');
    const d = draftFromArticle(text, { today: '2026-02-01' });
    // "…, the council said": the council is a speaker, named as readers name it.
    expect(d.files.get('glossary.yaml')).toMatch(
      /name: Dunmore City Council[\s\S]*pronoun: they[\s\S]*- city council/,
    );
    expect(d.quotes.map((q) => q.speaker)).toContain('dunmore-city-council');
    const story = d.files.get('story.yaml') ?? '';
    expect(story).toContain(
      'tldr: Dunmore City Council approved a new library on Monday after a long debate.',
    );
    expect(story).toContain('summary: Dunmore City Council approved');
    expect(story).not.toContain('DUNMORE, Scotland');
  });
});
