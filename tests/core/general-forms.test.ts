/**
 * General forms of questions, read the same of any story: checked on a story drafted by
 * `npm run draft` from a short article written for this test, with no human edit.
 */
import { describe, expect, it } from 'vitest';
import { answerAfter } from '../../src/core/engine.ts';
import { draftFromArticle } from '../../src/core/extract/draft.ts';
import { buildKnowledge } from '../../src/core/knowledge.ts';
import { questionTypeOf } from '../../src/core/lexicon.ts';
import { readDataDir } from '../../src/core/load.ts';
import { foldText } from '../../src/core/text.ts';
import { createTrace } from '../../src/core/trace.ts';
import { ROOT } from '../support/data.ts';

const ARTICLE = [
  'Gullwing Air is to stop flying from Pellham Airport at the end of the summer, the airport said on Monday.',
  'The airline’s final flight, to Faro, is scheduled for 3 October. Its Dublin route ends in September.',
  'Up to 60 of the airport’s 200 staff could lose their jobs.',
  'The airport applied in March for £2 million from the government’s Route Starter Fund.',
  'Rosa Pike, the airport’s chief executive, said it was in talks with two airlines but declined to name them.',
  'Ada Quill, an engineer from Pellham, flies every Monday for work at a Belfast shipyard.',
  'A decision on the bid is expected by the end of July. A new terminal is due to open next spring.',
  'An inspection found cracks in the runway.',
].join('\n\n');

const GAPS = `gaps:
  - id: gap-new-routes
    question: Which routes will the two airlines take on?
    alternates:
      - Will another airline fly to Dublin?
    reply: The article doesn't say which routes the two airlines in talks might take on.
`;

const kb = buildKnowledge(
  new Map([
    ...[...draftFromArticle(ARTICLE, { today: '2026-01-01' }).files].filter(
      ([name]) => !name.startsWith('schema/'),
    ),
    ['gaps.yaml', GAPS],
  ]),
);

function ask(question: string) {
  const trace = createTrace();
  const answer = answerAfter(kb, question, [], { trace });
  return { answer, record: trace.record };
}

describe('what a name is asked of', () => {
  it('reads "the name of the fund" as asking for the name, though the story says "name"', () => {
    const surfaces = (question: string) => kb.analyzer.analyze(question).whole.terms.map((t) => t.surface);
    expect(surfaces("what's the name of the government fund?")).not.toContain('name');
    expect(surfaces('why did she decline to name them?')).toContain('name');
    expect(surfaces("what's the chief executive's name?")).not.toContain('name');
    expect(surfaces('what is the fund called?')).not.toContain('called');
    const { answer } = ask("what's the name of the government fund?");
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('Route Starter Fund');
  });
  it('does not take the place a thing is in for its name ("a Belfast shipyard")', () => {
    const { answer, record } = ask("what's the name of the shipyard ada quill works at?");
    expect(answer.answered).toBe(false);
    expect(record.rejections.some((r) => r.endsWith('(gives-the-name-asked-for)'))).toBe(true);
  });
});

describe('general English of any story', () => {
  it('reads "what is the date of …" as asking when', () => {
    expect(questionTypeOf(foldText('what is the date of the final flight?'))).toBe('when');
    expect(questionTypeOf(foldText('what is the story about?'))).toBe('what');
  });
  it('reads "employees" as the story\'s "staff" and "made redundant" as losing their jobs', () => {
    const { answer } = ask('how many employees at the airport could be made redundant?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('60');
  });
  it('reads "discover" as the story\'s "found"', () => {
    expect(ask('what did the inspection discover?').answer.text).toContain('cracks');
  });
  it('drops "roughly" of a story that never says it', () => {
    const surfaces = kb.analyzer
      .analyze('roughly how many staff could lose their jobs?')
      .whole.terms.map((t) => t.surface);
    expect(surfaces).not.toContain('roughly');
  });
  it('reads "the last flight" as the final one, not as lasting', () => {
    const { answer } = ask('when is the last flight?');
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain('3 October');
  });
});

describe('a known gap about something else', () => {
  it('does not decline a yes/no question about someone it leaves out ("does Ada Quill fly to Dublin?")', () => {
    const { answer } = ask('does ada quill fly to dublin for work?');
    expect(answer.decidedBy).not.toBe('gap-holds-a-telling-word');
    expect(answer.text).toContain('Belfast');
  });
  it('still declines the question the gap is about', () => {
    const { answer } = ask('will another airline fly to dublin?');
    expect(answer.answered).toBe(false);
  });
});

describe('words that only say how it is asked', () => {
  it('reads "tl;dr" as one word, not two clauses', () => {
    const question = kb.analyzer.analyze('tl;dr why is the airline leaving');
    expect(question.clauses).toHaveLength(1);
    expect(question.clauses[0]?.terms.map((t) => t.surface)).not.toContain('tl');
  });
});

describe('the figures of the story', () => {
  it('gives every figure for "what are the key numbers?", though an entry asks "Passenger numbers?"', async () => {
    const files = await readDataDir(`${ROOT}/tests/fixtures/second-story/data`);
    const qa = (files.get('qa.yaml') ?? '').replace(
      '      - Daily passenger numbers forecast?',
      '      - Daily passenger numbers forecast?\n      - Passenger numbers?',
    );
    const story = buildKnowledge(new Map([...files, ['qa.yaml', qa]]));
    expect(answerAfter(story, 'what are the passenger numbers?', []).id).toBe('passengers');
    expect(answerAfter(story, 'what are the key numbers in this?', []).decidedBy).toBe(
      'figures-in-the-story',
    );
  });
});

describe('what the story leaves open', () => {
  it('lists, cited, what is not yet known or decided', () => {
    const { answer } = ask("what's still unknown?");
    expect(answer.decidedBy).toBe('open-questions-in-the-story');
    expect(answer.text).toContain('declined to name them');
    expect(answer.text).toContain('expected by the end of July');
    expect(answer.text).not.toContain('due to open');
  });
});

describe('a yes/no question with a name the answer does not hold', () => {
  it('is not corrected by a passage that shares only one other word ("is Rosa Pike open?")', () => {
    const { answer } = ask('is rosa pike open?');
    expect(answer.text).not.toContain('terminal');
  });
  it('is corrected where the answer names the other one asked about ("does Ada Quill fly to Dublin?")', () => {
    expect(ask('does ada quill fly to dublin for work?').answer.text).toMatch(/^No\./);
  });
});
