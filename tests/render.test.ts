/**
 * Replies people like to read: the text once, a short citation of every part, quotation marks
 * only around the speaker's own words, no confidence figure, buttons that make sense for the
 * answer; and an answer message read back into the turn it left.
 */
import { describe, expect, it } from 'vitest';
import { answerReferenceOf, renderAnswer } from '../src/commands/render.ts';
import type { BotReply } from '../src/commands/types.ts';
import { answerQuestion, converse, renderQuote } from '../src/core/engine.ts';
import { turnOfAnswer } from '../src/services/conversations.ts';
import { DATA_DIR, knowledgeOf } from './support/data.ts';

const kb = await knowledgeOf(DATA_DIR);
const reply = (question: string): BotReply => renderAnswer(kb, answerQuestion(kb, question));
const source = (r: BotReply): string | undefined => r.embed?.fields?.find((f) => f.name === 'Source')?.value;
const ids = (r: BotReply): string[] => (r.buttons ?? []).map((b) => b.customId);

describe('an answer’s reply', () => {
  it('shows the text once: an answer that says what its excerpt says is cited by paragraph only', () => {
    const answer = answerQuestion(kb, 'who is theresa may?');
    expect(answer.citation?.excerpt).toContain('Theresa May has urged Starmer');
    const r = renderAnswer(kb, answer);
    expect(source(r)).toBe('paragraph 7');
    expect(ids(r)).toContain('ask:para:p7');
  });

  it('quotes the excerpt when the answer does not show it, with a short citation and no headline', () => {
    const r = reply('what did lavrov say?');
    expect(source(r)).toMatch(/^> Russia has rejected the idea .*\n— paragraph 5$/);
    expect(JSON.stringify(r)).not.toContain(kb.story.title);
  });

  it('cites every part of a multi-part answer, with a button for each paragraph', () => {
    const answer = answerQuestion(kb, 'how much is the UK spending on defence? and what did lavrov say?');
    expect(answer.citations.map((c) => c.paragraph)).toEqual(['p6', 'p5']);
    const r = renderAnswer(kb, answer);
    expect(source(r)).toMatch(/^paragraph 6\n> Russia has rejected .*\n— paragraph 5$/);
    expect(ids(r)).toEqual(expect.arrayContaining(['ask:para:p6', 'ask:para:p5']));
  });

  it('leaves the confidence out', () => {
    const answer = answerQuestion(kb, 'how much is the UK spending on defence?');
    expect(answer.confidence).toBeGreaterThan(0);
    const r = renderAnswer(kb, answer);
    expect(r.embed?.footer).toBeUndefined();
    expect(JSON.stringify(r)).not.toMatch(/match|confidence|\d+%\)/i);
  });

  it('offers “Tell me more” and feedback under a cited answer, but not when it already shows the whole paragraph', () => {
    expect(ids(reply('who is lavrov?'))).toEqual(
      expect.arrayContaining([
        'ask:more:who-is-lavrov',
        'ask:fb:up:who-is-lavrov',
        'ask:fb:down:who-is-lavrov',
      ]),
    );
    const first = converse(kb, 'who is lavrov?');
    const more = converse(kb, 'tell me more', { context: [first.turn] }).answer;
    expect(more.text).toContain(kb.article.places.get('p5')?.text);
    expect(ids(renderAnswer(kb, more)).some((id) => id.startsWith('ask:more:'))).toBe(false);
  });

  it('gives words about the bot and overviews no feedback or “tell me more” buttons', () => {
    for (const question of ['thanks!', 'who are you?', 'who are the people in this story?']) {
      const answer = answerQuestion(kb, question);
      expect(['meta', 'overview']).toContain(answer.kind);
      expect(ids(renderAnswer(kb, answer)).filter((id) => /^ask:(fb|more):/.test(id))).toEqual([]);
    }
    // The overview's text names each place it cites: the source names the paragraphs only.
    expect(source(reply('who are the people in this story?'))).toMatch(/^paragraphs 1, 4, 5, 7 and 8$/);
  });
});

describe('quotes', () => {
  const quote = {
    id: 'q',
    speaker: 'x',
    speakerName: 'Ana Lopez',
    speakerRole: 'Mayor',
    context: 'told reporters',
  };

  it('put quotation marks around the speaker’s own words only', () => {
    expect(renderQuote({ ...quote, kind: 'direct', text: 'This bridge connects us' })).toBe(
      'Ana Lopez, Mayor (told reporters): “This bridge connects us”',
    );
    const reported = renderQuote({ ...quote, kind: 'reported', text: 'claiming it was too expensive' });
    expect(reported).toContain('reported speech');
    expect(reported).toMatch(/: claiming it was too expensive$/);
    expect(reported).not.toMatch(/[“”"]/);
  });

  it('of reported speech in the bot’s reply are not dressed as direct quotes', () => {
    const r = reply('what did lavrov say?');
    expect(r.embed?.description).toContain('claiming such proposals are deceptive');
    expect(r.embed?.description).not.toContain('“claiming');
  });
});

describe('an answer message read back', () => {
  it('gives its question and answer, and the turn it left', () => {
    const r = reply('who is lavrov?');
    const reference = answerReferenceOf(r.embed?.title, ids(r));
    expect(reference).toEqual({ question: 'who is lavrov?', ids: ['who-is-lavrov'] });
    const turn = turnOfAnswer(kb, reference as NonNullable<typeof reference>, 0);
    expect(turn).toMatchObject({ answered: true, ids: ['who-is-lavrov'], persons: ['#lavrov'] });
    expect(converse(kb, 'how old is he?', { context: [turn] }).answer.text).toMatch(/Lavrov's age/);
  });

  it('is not an answer when the message is something else (help, /story)', () => {
    expect(answerReferenceOf('story-bot: answers about one news story', [])).toBeNull();
    expect(answerReferenceOf(kb.story.title, ['ask:para:p1'])).toBeNull();
  });
});
