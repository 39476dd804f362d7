/**
 * npm run draft on a bare article: the headline given with --title, a wire service's credit,
 * reported speech with asides, bodies that issue statements, and questions that read as English.
 * The articles are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.ts';
import { derivedForms } from '../../src/core/extract/derive.ts';
import { draftFromArticle, readCredit, readHeader, withoutHeadline } from '../../src/core/extract/draft.ts';
import { questionsFor } from '../../src/core/extract/questions.ts';
import { extractStory } from '../../src/core/extract/story.ts';
import { checkData } from '../../src/core/validate.ts';

const BODY = [
  'Harwick Lido will stay open this winter but the pool will be unheated, the lido’s operator said, after a £1.2 million cut to its leisure budget.',
  'Local swimmer Margaret Dunn, who has used the lido for forty years, said the decision was a blow to regular swimmers.',
].join('\n\n');

describe('the headline given with --title', () => {
  it('is left out of the paragraphs when the article opens with it as a line of its own', () => {
    const title = 'Lido to stay unheated this winter';
    const draft = draftFromArticle(`${title}\n\n${BODY}`, { title, today: '2026-02-01' });
    expect(draft.files.get('article.txt')).toBe(`${BODY}\n`);
    expect(draft.entries.find((e) => e.id === 'p1-s1')?.answer).toMatch(/^Harwick Lido will stay open/);
    expect(draft.files.get('story.yaml')).toContain(`title: ${title}`);
    // Matched as words, whatever the punctuation and case: "Lido to stay unheated this winter."
    expect(withoutHeadline(`LIDO to stay unheated this winter.\n${BODY}`, title)).toBe(BODY);
  });

  it('keeps a first line that is not the headline', () => {
    expect(withoutHeadline(BODY, 'Lido to close')).toBe(BODY);
    expect(withoutHeadline(BODY, undefined)).toBe(BODY);
  });
});

describe('a wire service’s credit', () => {
  it('is no paragraph, and its journalists are no people of the story', () => {
    for (const credit of [
      '(Reporting by Jane Doe; Editing by John Smith)',
      'Reporting by Jane Doe in London; additional reporting by Sam Lee in Paris; Editing by John Smith',
    ]) {
      const draft = draftFromArticle(`${BODY}\n\n${credit}\n`, { today: '2026-02-01' });
      expect(draft.files.get('article.txt')).toBe(`${BODY}\n`);
      expect(draft.people.map((p) => p.name)).toEqual(['Margaret Dunn']);
      expect(draft.files.get('story.yaml')).toContain('author: Jane Doe');
      expect(draft.entries.some((e) => /Editing|Reporting/.test(e.answer))).toBe(false);
    }
  });

  it('is cut off the last paragraph when it closes it in brackets', () => {
    expect(readCredit(`${BODY} (Reporting by Jane Doe; Editing by John Smith)\n`)).toEqual({
      body: `${BODY}\n`,
      author: 'Jane Doe',
    });
    // A sentence that only mentions reporting is the article's.
    const kept = `${BODY}\n\nReporting by local volunteers found 12 faults.\n`;
    expect(readCredit(kept).body).toBe(kept);
  });
});

const SPEECH = [
  'Harwick Lido will stay open this winter but the pool will be unheated, Harwick Borough Council said on Tuesday, after a cut to its leisure budget.',
  'Local swimmer Margaret Dunn said the decision was a blow to regular swimmers. She warned, however, that the heating could not be afforded without higher prices.',
  'The council said in a statement that it had no choice but to cut costs. A spokesperson for the council said the lido would reopen as normal in April.',
  'Tom Baxter, who chairs a swimming club, however, insisted that volunteers could raise the money. Mr Baxter said on Wednesday that the club had already collected £40,000.',
  '“We have looked at every option and this is the fairest one,” said a spokesperson for the Harwick Leisure Trust, which runs the lido.',
  '“It is a sad day,” said a swimmer at the gate.',
].join('\n\n');

describe('reported speech with an aside between the verb and its clause', () => {
  const story = extractStory(parseArticle(SPEECH));
  const said = (speaker: string) =>
    story.quotes.filter((q) => q.speaker === speaker && q.kind === 'reported').map((q) => q.text);

  it('reads "She warned, however, that…" as the statement of the person "she" is', () => {
    expect(said('dunn')).toContain('the heating could not be afforded without higher prices');
  });

  it('reads "X said on Wednesday that…" and "X, however, insisted that…" without the aside', () => {
    expect(said('baxter')).toEqual([
      'volunteers could raise the money',
      'the club had already collected £40,000',
    ]);
  });
});

describe('a body that issues statements', () => {
  const story = extractStory(parseArticle(SPEECH));
  const draft = draftFromArticle(SPEECH, { today: '2026-02-01' });

  it('speaks, and its statements are its quotes: "the council said in a statement that…", "a spokesperson for the council said…"', () => {
    const council = story.people.find((p) => p.name === 'Harwick Borough Council');
    expect(council?.pronoun).toBe('they');
    expect(story.bodies.has(council?.id ?? '')).toBe(true);
    expect(story.quotes.filter((q) => q.speaker === council?.id).map((q) => q.text)).toEqual([
      'Harwick Lido will stay open this winter but the pool will be unheated',
      'it had no choice but to cut costs',
      'the lido would reopen as normal in April',
    ]);
    // Not a term as well: a name stands for one thing.
    expect(story.places.map((t) => t.term)).not.toContain('Harwick Borough Council');
  });

  it('is asked "what is", not "who is", and the draft validates', () => {
    expect(draft.entries.find((e) => e.id === 'what-is-harwick-borough-council')?.question).toBe(
      'What is Harwick Borough Council?',
    );
    const files = new Map([...draft.files].filter(([name]) => !name.startsWith('schema/')));
    expect(checkData(files).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });
});

describe('a quotation’s own attribution', () => {
  const story = extractStory(parseArticle(SPEECH));
  const by = (start: string) =>
    story.quotes.find((q) => q.kind === 'direct' && q.text.startsWith(start))?.speaker;

  it('gives "…,” said a spokesperson for the trust to the trust, not to the person named before', () => {
    expect(by('We have looked')).toBe('harwick-leisure-trust');
  });

  it('gives "…,” said a swimmer at the gate to no one rather than to whoever was named before', () => {
    expect(by('It is a sad day')).toBeUndefined();
  });
});

describe('generated questions read as English, and keywords are words readers type', () => {
  const all = (sentence: string) => {
    const q = questionsFor(sentence, []);
    return { asked: [q.question, ...q.alternates], keywords: q.keywords };
  };

  it('asks no "what", "how much" or "who" of a linking verb with its complement ("the pool will be unheated")', () => {
    const { asked } = all(
      'Harwick Lido will stay open this winter but the pool will be unheated, the operator said on Tuesday, after a £1.2 million cut to its leisure budget.',
    );
    expect(asked).not.toContain('What will the pool be unheated?');
    expect(asked).not.toContain('How much will the pool be unheated?');
    expect(asked).not.toContain('What will Harwick Lido stay open?');
    expect(asked.filter((q) => q.startsWith('Who will stay open'))).toEqual([]);
    expect(asked).toContain('When will the pool be unheated?');
    expect(asked).toContain('How much is the cut?');
    // A noun complement is still asked: "What will the library become?"
    expect(all('The library will become a museum in 2030.').asked).toContain('What will the library become?');
  });

  it('asks a linking verb with its complement, and a passive without a time’s preposition', () => {
    expect(all('The bridge remained closed for six weeks.').asked).toContain(
      'How long did the bridge remain closed?',
    );
    const taken = all('The masks were taken in 1897 by a naval officer.').asked;
    expect(taken).not.toContain('What were the masks taken in?');
    expect(all('Lido to stay unheated this winter').asked.filter((q) => /lido to stay/i.test(q))).toEqual([]);
  });

  it('asks a figure of the reported clause, not of the verb of saying', () => {
    const { asked } = all('Mr Baxter said on Wednesday that the group had already collected £40,000.');
    expect(asked).not.toContain('How much did Mr Baxter say?');
    expect(asked).not.toContain('When did Mr Baxter say?');
    expect(asked).toContain('How much had the group already collected?');
  });

  it('keeps rare WordNet derivations out of the keywords ("winterize", "schematize")', () => {
    expect(derivedForms('winter', 'n', 'v')).toEqual([]);
    expect(derivedForms('schema', 'n', 'v')).not.toContain('schematize');
    expect(derivedForms('demolition', 'n', 'v')).toEqual(['demolish']);
    expect(all('The pool will close for the winter.').keywords).not.toContain('winterize');
  });
});

describe('a headline without a byline', () => {
  it('is the title, not paragraph 1, when the first line ends no sentence', () => {
    const draft = draftFromArticle(`Lido to stay unheated this winter\n${BODY}`, { today: '2026-02-01' });
    expect(draft.files.get('article.txt')).toBe(`${BODY}\n`);
    expect(draft.files.get('story.yaml')).toContain('title: Lido to stay unheated this winter');
    // A first line that is a sentence, or a dateline, stays the first paragraph.
    expect(readHeader(BODY)).toEqual({ body: BODY });
    expect(readHeader(`LONDON —\n${BODY}`)).toEqual({ body: `LONDON —\n${BODY}` });
  });
});
