/** Routing a question among several stories: the shared vocabulary shortlist, and the best answer. */
import { describe, expect, it } from 'vitest';
import { converse } from '../../src/core/engine.ts';
import { routeQuestion, StoryRouter, storyVocabulary } from '../../src/core/story-router.ts';
import { DATA_DIR, knowledgeOf, MINI_STORY_DIR } from '../support/data.ts';
import { SECOND_STORY_DIR } from '../support/stories.ts';

const seed = { id: 'seed', kb: await knowledgeOf(DATA_DIR) };
const tram = { id: 'tram', kb: await knowledgeOf(SECOND_STORY_DIR) };
const mini = { id: 'mini', kb: await knowledgeOf(MINI_STORY_DIR) };

describe('StoryRouter', () => {
  it('asks every story when there are no more than it shortlists', () => {
    expect(StoryRouter.build([seed, tram]).shortlist('hello there')).toEqual(['seed', 'tram']);
  });

  it('shortlists the stories sharing the question’s rarer words, best first', () => {
    const router = StoryRouter.build([seed, tram, mini], 1);
    expect(router.shortlist('how much will the tram line cost?')).toEqual(['tram']);
    expect(router.shortlist('who called zelensky a dictator?')).toEqual(['seed']);
    // Words no story uses (or every story does) shortlist nothing.
    expect(router.shortlist('qwertyuiop zxcvbnm')).toEqual([]);
  });

  it('reads one story again on reload, in place, keeping the others', () => {
    const router = StoryRouter.build([seed, tram, mini], 1);
    router.replace({ id: 'tram', kb: seed.kb });
    expect(router.size).toBe(3);
    expect(router.shortlist('how much will the tram line cost?')).not.toContain('tram');
    router.replace(tram);
    expect(router.shortlist('how much will the tram line cost?')).toEqual(['tram']);
    router.remove('tram');
    expect(router.size).toBe(2);
    expect(router.shortlist('how much will the tram line cost?')).not.toContain('tram');
    router.replace(tram);
    expect(router.shortlist('how much will the tram line cost?')).toEqual(['tram']);
  });

  it('holds each story’s own words, stemmed, and no stop words', () => {
    const words = storyVocabulary(tram.kb);
    expect(words.has('tram')).toBe(true);
    expect(words.has('the')).toBe(false);
    expect(storyVocabulary(seed.kb).has('tram')).toBe(false);
  });
});

describe('routeQuestion', () => {
  it('takes the story that answers with the highest confidence', () => {
    const tramQuestion = routeQuestion([seed, tram], 'how much does the tram line cost?');
    expect(tramQuestion?.kind === 'answer' && tramQuestion.best.story).toBe('tram');
    expect(tramQuestion?.kind === 'answer' && tramQuestion.answered).toBe(true);
    const seedQuestion = routeQuestion([tram, seed], 'who did trump call a dictator?');
    expect(seedQuestion?.kind === 'answer' && seedQuestion.best.story).toBe('seed');
  });

  it('declines, with the first story asked, when none answers', () => {
    const routed = routeQuestion([tram, seed], 'what colour is the german flag?');
    expect(routed).toMatchObject({ kind: 'answer', answered: false, best: { story: 'tram' } });
  });

  it('asks which story when several answer a question about “the story” itself', () => {
    expect(routeQuestion([seed, tram], 'what is the story about?')).toEqual({
      kind: 'which-story',
      stories: ['seed', 'tram'],
    });
  });

  it('answers each story as its own engine does, unchanged', () => {
    const question = 'how much does the tram line cost?';
    const routed = routeQuestion([seed, tram], question);
    expect(routed?.kind === 'answer' && routed.best.exchange.answer).toEqual(
      converse(tram.kb, question).answer,
    );
    expect(routeQuestion([], question)).toBeNull();
  });
});
