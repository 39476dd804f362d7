import { describe, expect, it, vi } from 'vitest';
import { Cooldowns, Dispatcher } from '../src/commands/dispatch.ts';
import { messages } from '../src/commands/messages.ts';
import { commandDefinitions, commands, findCommand } from '../src/commands/registry.ts';
import { withoutPaths } from '../src/commands/reload.ts';
import type { Command } from '../src/commands/types.ts';
import { MINI_STORY_DIR } from './support/data.ts';
import { contextFor, inputOf, servicesFor } from './support/services.ts';

const services = await servicesFor(MINI_STORY_DIR);
const command = (name: string): Command => {
  const found = findCommand(name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
};

describe('the registry', () => {
  it('defines each command once, with a unique name, and feeds the deploy JSON', () => {
    const names = commands.map((c) => c.definition.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['ask', 'quote', 'topics', 'story', 'help', 'reload', 'unanswered']),
    );
    expect(commandDefinitions(services.knowledge()).map((d) => d.name)).toEqual(names);
  });

  it('marks moderator commands with ManageGuild for Discord and for the run-time check', () => {
    for (const name of ['reload', 'unanswered']) {
      expect(command(name).definition.default_member_permissions).toBe('32');
      expect(command(name).moderatorOnly).toBe(true);
    }
  });

  it('keeps every definition within Discord limits', () => {
    for (const definition of commandDefinitions(services.knowledge())) {
      expect(definition.name).toMatch(/^[a-z-]{1,32}$/);
      expect(definition.description.length).toBeLessThanOrEqual(100);
      for (const option of definition.options ?? [])
        expect(option.description.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('the dispatcher', () => {
  it('answers /ask with an embed holding the answer, its citation and buttons', async () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const context = contextFor(services);
    await dispatcher.run(command('ask'), context, inputOf({ question: 'how much will the bridge cost?' }));
    const reply = context.replies[0];
    expect(reply?.embed?.description).toContain('4.2 million pounds');
    expect(reply?.embed?.fields?.[0]?.value).toContain('The bridge will cost 4.2 million pounds');
    expect(reply?.buttons?.map((b) => b.customId)).toEqual([
      'ask:para:p2',
      'ask:more:bridge-cost',
      'ask:entry:bridge-opening',
      'ask:fb:up:bridge-cost',
      'ask:fb:down:bridge-cost',
    ]);
  });

  it('refuses moderator commands to others, privately, and changes nothing', async () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const reload = vi.spyOn(services, 'reload');
    const context = contextFor(services, { moderator: false });
    await dispatcher.run(command('reload'), context, inputOf({}));
    expect(context.replies).toEqual([{ content: messages.moderatorsOnly, ephemeral: true }]);
    expect(reload).not.toHaveBeenCalled();
    reload.mockRestore();
  });

  it('applies the per-user cooldown to questions, not to the terminal', async () => {
    let now = 1_000_000;
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 5, cooldownBurst: 2, now: () => now });
    const context = contextFor(services);
    const ask = inputOf({ question: 'who voted against the bridge' });
    await dispatcher.run(command('ask'), context, ask);
    await dispatcher.run(command('ask'), context, ask);
    await dispatcher.run(command('ask'), context, ask);
    expect(context.replies.map((r) => r.embed !== undefined)).toEqual([true, true, false]);
    expect(context.replies[2]).toEqual({ content: messages.cooldown(5), ephemeral: true });
    now += 5_000;
    await dispatcher.run(command('ask'), context, ask);
    expect(context.replies[3]?.embed).toBeDefined();
    const someoneElse = contextFor(services, { userId: '333333333333333333' });
    await dispatcher.run(command('ask'), someoneElse, ask);
    expect(someoneElse.replies[0]?.embed).toBeDefined();
    const terminal = contextFor(services, { surface: 'terminal' });
    for (let i = 0; i < 4; i++) await dispatcher.run(command('ask'), terminal, ask);
    expect(terminal.replies.every((r) => r.embed !== undefined)).toBe(true);
  });

  it('turns a crash into a short private apology and logs it; the next command still works', async () => {
    const error = vi.spyOn(services.log, 'error');
    const broken: Command = { ...command('story'), execute: () => Promise.reject(new Error('boom')) };
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const context = contextFor(services);
    await dispatcher.run(broken, context, inputOf({}));
    expect(context.replies).toEqual([{ content: messages.failed, ephemeral: true }]);
    expect(error).toHaveBeenCalledOnce();
    await dispatcher.run(command('story'), context, inputOf({}));
    expect(context.replies[1]?.embed?.title).toBe('Riverton approves Alder River footbridge');
    error.mockRestore();
  });

  it('/story shows the title, source, author and date from story.yaml', async () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const context = contextFor(services);
    await dispatcher.run(command('story'), context, inputOf({}));
    const fields = Object.fromEntries(
      (context.replies[0]?.embed?.fields ?? []).map((f) => [f.name, f.value]),
    );
    expect(fields).toMatchObject({
      Source: 'Test fixture for story-bot',
      Author: 'Ada Fixture',
      Date: '2026-01-06',
    });
  });

  it('routes button clicks to the command that owns the custom id', async () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const context = contextFor(services);
    await dispatcher.component('ask:entry:hale-vote', [], context);
    await dispatcher.component('ask:para:p3', [], context);
    await dispatcher.component('nope:1', [], context);
    expect(context.replies[0]?.embed?.description).toContain('Tom Hale voted against');
    expect(context.replies[1]?.embed?.description).toBe(
      'Councillor Tom Hale voted against the plan, claiming it was too expensive.',
    );
    expect(context.replies[2]).toEqual({ content: messages.unknownButton, ephemeral: true });
  });

  it('parses chat commands with the prefix, and leaves other text alone', () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const parsed = dispatcher.parseChat('!ask   who is the mayor?');
    expect(parsed.kind).toBe('command');
    if (parsed.kind === 'command') {
      expect(parsed.command.definition.name).toBe('ask');
      expect(parsed.input.string('question')).toBe('who is the mayor?');
    }
    expect(dispatcher.parseChat('!frobnicate now')).toEqual({ kind: 'unknown', name: 'frobnicate' });
    expect(dispatcher.parseChat('who is the mayor?')).toEqual({ kind: 'text', text: 'who is the mayor?' });
  });

  it('autocompletes questions, people and topics, at most 25, never throwing', () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    expect(dispatcher.autocomplete('ask', 'question', 'how much')[0]?.value).toBe(
      'How much will the bridge cost?',
    );
    expect(dispatcher.autocomplete('ask', 'question', '').length).toBeGreaterThan(0);
    expect(dispatcher.autocomplete('quote', 'speaker', 'lopz')[0]).toEqual({
      name: 'Ana Lopez',
      value: 'Ana Lopez',
    });
    expect(dispatcher.autocomplete('nope', 'x', 'y')).toEqual([]);
  });

  it('reads only a question’s length of what is typed for autocomplete', () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const filler = 'and then '.repeat(60).slice(0, 500);
    const long = `${filler} how much will the bridge cost`;
    expect(dispatcher.autocomplete('ask', 'question', long)).toEqual(
      dispatcher.autocomplete('ask', 'question', filler),
    );
    expect(dispatcher.autocomplete('ask', 'question', long).map((c) => c.value)).not.toContain(
      'How much will the bridge cost?',
    );
  });

  it('counts related-question buttons against the cooldown, not the paragraph button', async () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 30, cooldownBurst: 1, now: () => 0 });
    const context = contextFor(services);
    await dispatcher.component('ask:entry:hale-vote', [], context);
    await dispatcher.component('ask:entry:hale-vote', [], context);
    await dispatcher.component('ask:para:p3', [], context);
    expect(context.replies[0]?.embed?.description).toContain('Tom Hale voted against');
    expect(context.replies[1]).toEqual({ content: messages.cooldown(30), ephemeral: true });
    expect(context.replies[2]?.embed?.description).toContain('Councillor Tom Hale');
  });

  it('records feedback only for answers that exist', async () => {
    const recordFeedback = vi.spyOn(services, 'recordFeedback');
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const context = contextFor(services);
    await dispatcher.component('ask:fb:down:made-up-entry', [], context);
    await dispatcher.component('ask:fb:sideways:bridge-cost', [], context);
    expect(recordFeedback).not.toHaveBeenCalled();
    expect(context.replies.map((r) => r.content)).toEqual([messages.notAnEntry, messages.unknownButton]);
    await dispatcher.component('ask:fb:down:bridge-cost', [], context);
    expect(recordFeedback).toHaveBeenCalledOnce();
    recordFeedback.mockRestore();
  });

  it('lists every command in help, moderator commands only for moderators', async () => {
    const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
    const member = contextFor(services);
    const moderator = contextFor(services, { moderator: true });
    await dispatcher.run(command('help'), member, inputOf({}));
    await dispatcher.run(command('help'), moderator, inputOf({}));
    for (const c of commands.filter((c) => !c.moderatorOnly))
      expect(member.replies[0]?.embed?.description).toContain(`/${c.definition.name}`);
    expect(member.replies[0]?.embed?.description).not.toContain('/reload');
    expect(moderator.replies[0]?.embed?.description).toContain('/reload');
  });
});

describe('Cooldowns', () => {
  it('lets a burst through, then one question per period, per user', () => {
    let now = 0;
    const cooldowns = new Cooldowns(3, 2, () => now);
    expect([cooldowns.take('a'), cooldowns.take('a'), cooldowns.take('a')]).toEqual([0, 0, 3]);
    now = 1_500;
    expect(cooldowns.take('a')).toBe(2);
    expect(cooldowns.take('b')).toBe(0);
    now = 3_000;
    expect(cooldowns.take('a')).toBe(0);
    expect(cooldowns.take('a')).toBe(3);
  });

  it('costs the same per check however many users are active: it never scans its buckets', () => {
    /** Counts every entry any iteration over the map visits. */
    class CountingMap<K, V> extends Map<K, V> {
      visited = 0;
      override entries(): MapIterator<[K, V]> {
        const inner = super.entries();
        const map = this;
        return Object.assign(Object.create(inner) as MapIterator<[K, V]>, {
          next() {
            map.visited += 1;
            return inner.next();
          },
        });
      }
      override keys(): MapIterator<K> {
        this.visited += this.size;
        return super.keys();
      }
      override values(): MapIterator<V> {
        this.visited += this.size;
        return super.values();
      }
      override forEach(...args: Parameters<Map<K, V>['forEach']>): void {
        this.visited += this.size;
        super.forEach(...args);
      }
      override [Symbol.iterator](): MapIterator<[K, V]> {
        return this.entries();
      }
    }
    let now = 10_000;
    const buckets = new CountingMap<string, { tokens: number; at: number }>();
    // 100,000 users who asked in the last 10 s, oldest first, as take() leaves them: none has refilled.
    for (let user = 0; user < 100_000; user++) buckets.set(`user ${user}`, { tokens: 0, at: user / 10 });
    const cooldowns = new Cooldowns(15, 1, () => now, buckets);
    buckets.visited = 0;
    for (let i = 0; i < 1000; i++) expect(cooldowns.take(`newcomer ${i}`)).toBe(0);
    expect(cooldowns.take('user 99999')).toBeGreaterThan(0);
    expect(buckets.visited).toBeLessThanOrEqual(1001 * 2);
    // Idle buckets are still forgotten, a few per check.
    now = 1_000_000;
    for (let i = 0; i < 1000; i++) cooldowns.take(`later ${i}`);
    expect(buckets.size).toBeLessThan(100_000);
  });

  it('is off with 0 seconds', () => {
    const cooldowns = new Cooldowns(0, 1, () => 0);
    expect(Array.from({ length: 10 }, () => cooldowns.take('a'))).toEqual(Array(10).fill(0));
  });
});

describe('reload replies', () => {
  it('show no absolute paths, only their last part', () => {
    expect(
      withoutPaths(
        "/srv/story-bot/data: could not be read: EACCES: permission denied, open '/srv/story-bot/data/qa.yaml'",
      ),
    ).toBe("data: could not be read: EACCES: permission denied, open 'qa.yaml'");
    expect(withoutPaths('C:\\bot\\data\\qa.yaml: bad')).toBe('qa.yaml: bad');
    const plain = 'qa.yaml, entry "a", field cites[0]: p12 is not in the article (p1..p9); and/or 1/2';
    expect(withoutPaths(plain)).toBe(plain);
  });
});
