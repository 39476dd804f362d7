/** The front ends' conversation memory: per key, for a while, bounded, and off when configured so. */
import { describe, expect, it } from 'vitest';
import { converse } from '../src/core/engine.ts';
import { Conversations } from '../src/services/conversations.ts';
import { knowledgeOf, MINI_STORY_DIR } from './support/data.ts';

const kb = await knowledgeOf(MINI_STORY_DIR);
const turnAt = (at: number) => converse(kb, 'who voted against the bridge?', { now: at }).turn;

describe('Conversations', () => {
  it('keeps the last turns of each key for the configured minutes', () => {
    let now = 0;
    const conversations = new Conversations({ turns: 2, minutes: 10, now: () => now });
    for (let i = 0; i < 3; i++) conversations.remember('a', turnAt(now));
    expect(conversations.history('a', kb)).toHaveLength(2);
    expect(conversations.history('b', kb)).toEqual([]);
    expect(conversations.history(null, kb)).toEqual([]);
    now = 10 * 60_000 + 1;
    expect(conversations.history('a', kb)).toEqual([]);
  });

  it('holds a bounded number of conversations, the idlest forgotten first', () => {
    const conversations = new Conversations({ turns: 5, minutes: 10, maxConversations: 3, now: () => 0 });
    for (const key of ['a', 'b', 'c', 'd']) conversations.remember(key, turnAt(0));
    expect(conversations.size).toBe(3);
    expect(conversations.history('a', kb)).toEqual([]);
    expect(conversations.history('d', kb)).toHaveLength(1);
  });

  it('remembers nothing with CONTEXT_TURNS=0 or CONTEXT_MINUTES=0', () => {
    for (const settings of [
      { turns: 0, minutes: 10 },
      { turns: 5, minutes: 0 },
    ]) {
      const conversations = new Conversations({ ...settings, now: () => 0 });
      conversations.remember('a', turnAt(0));
      expect(conversations.enabled).toBe(false);
      expect(conversations.history('a', kb)).toEqual([]);
    }
  });

  it('forgets everything at once (a reload)', () => {
    const conversations = new Conversations({ turns: 5, minutes: 10, now: () => 0 });
    conversations.remember('a', turnAt(0));
    conversations.forgetAll();
    expect(conversations.history('a', kb)).toEqual([]);
  });
});
