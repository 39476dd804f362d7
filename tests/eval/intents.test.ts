/**
 * Requests about the story as a whole and about the bot, on a development set of 400 ways people
 * phrase them (tests/eval/intents/overview.yaml, written by a helper who saw neither the engine nor
 * the data): each is answered by the message rule for its intent, and the look-alikes that ask a
 * specific fact ("what happened at the meeting?") by none of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { answerQuestion } from '../../src/core/engine.ts';
import { DATA_DIR, knowledgeOf, ROOT } from '../support/data.ts';

const kb = await knowledgeOf(DATA_DIR);
const items = YAML.parse(readFileSync(join(ROOT, 'tests/eval/intents/overview.yaml'), 'utf8')) as {
  q: string;
  intent: string;
}[];

const RULE_OF: Readonly<Record<string, string>> = {
  thanks: 'thanks',
  bot: 'about-the-bot',
  date: 'story-date',
  author: 'story-author',
  source: 'story-source',
  headline: 'story-headline',
  line: 'story-in-one-line',
  plain: 'story-in-plain-words',
  summary: 'story-summary',
  ending: 'story-ending',
  people: 'people-in-the-story',
  places: 'places-in-the-story',
  greeting: 'small-talk',
  comparison: 'one-side-against-another',
};
const STORY_RULES = new Set(Object.values(RULE_OF));

describe('requests about the story and the bot', () => {
  const misread = items.filter((item) => {
    const decidedBy = answerQuestion(kb, item.q).decidedBy;
    return item.intent === 'none' ? STORY_RULES.has(decidedBy) : decidedBy !== RULE_OF[item.intent];
  });
  // Comparisons in the set name generic sides (the mayor, the union) this story does not have.
  const storyIntents = items.filter((i) => i.intent !== 'comparison');
  const misreadStoryIntents = misread.filter((i) => i.intent !== 'comparison');

  it('reads at least 90% of them as the rule for their intent', () => {
    const report = misreadStoryIntents.map((i) => `${i.intent}: ${i.q}`).join('\n');
    expect(1 - misreadStoryIntents.length / storyIntents.length, report).toBeGreaterThanOrEqual(0.9);
  });

  it('answers none of the look-alikes that ask a specific fact as a story request', () => {
    const lookAlikes = misread.filter((i) => i.intent === 'none').map((i) => i.q);
    expect(lookAlikes).toEqual([]);
  });
});
