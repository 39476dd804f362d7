/**
 * Several stories behind one bot, below Discord: where the stories are, the catalog (one story
 * reloaded alone, stories found and gone), the default stories in the state database, the
 * question log's story column, and the commands' routing.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askCommand } from '../src/commands/ask.ts';
import { storyCommand } from '../src/commands/story.ts';
import type { BotServices } from '../src/commands/types.ts';
import { DataError, formatProblem } from '../src/core/problems.ts';
import { findStories } from '../src/core/story-folders.ts';
import { silentLogger } from '../src/log.ts';
import { createServices } from '../src/services/bot-services.ts';
import { DATABASE_FILE, openQuestionStore } from '../src/services/sqlite-question-store.ts';
import { StoryCatalog } from '../src/services/story-catalog.ts';
import { StoryDefaults } from '../src/services/story-defaults.ts';
import { DATA_DIR, tempDir } from './support/data.ts';
import { contextFor, inputOf } from './support/services.ts';
import { SECOND_STORY_DIR, twoStories } from './support/stories.ts';

let stories: Awaited<ReturnType<typeof twoStories>>;
let catalog: StoryCatalog;
let services: BotServices;

beforeAll(async () => {
  stories = await twoStories();
  catalog = await StoryCatalog.open(stories.dir, { maxUploadBytes: 64 * 1024 });
  services = createServices({ catalog, questionLog: null, log: silentLogger(), commandPrefix: '!' });
});

afterAll(async () => {
  await stories?.remove();
});

describe('where the stories are', () => {
  it('reads one story folder as before, and stories/<id>/ as several', async () => {
    expect(await findStories(DATA_DIR)).toEqual({
      kind: 'single',
      stories: [{ id: 'data', dir: DATA_DIR }],
      problems: [],
    });
    const several = await findStories(stories.dir);
    expect(several.kind).toBe('several');
    expect(several.stories.map((s) => s.id)).toEqual(['seed', 'tram']);
    // The stories folder itself may be given.
    expect((await findStories(join(stories.dir, 'stories'))).stories.map((s) => s.id)).toEqual([
      'seed',
      'tram',
    ]);
  });

  it('names each problem’s story, and refuses a folder that is not a story id', async () => {
    const broken = await tempDir();
    try {
      await cp(DATA_DIR, join(broken.dir, 'stories', 'good'), { recursive: true });
      await cp(SECOND_STORY_DIR, join(broken.dir, 'stories', 'Bad Name'), { recursive: true });
      await cp(SECOND_STORY_DIR, join(broken.dir, 'stories', 'cut'), { recursive: true });
      await writeFile(join(broken.dir, 'stories', 'cut', 'article.txt'), 'One short paragraph.\n');
      const error = await StoryCatalog.open(broken.dir, { maxUploadBytes: 1024 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataError);
      const lines = (error as DataError).problems.map(formatProblem);
      expect(lines.some((l) => l.startsWith('Bad Name: is not a story id'))).toBe(true);
      expect(lines.filter((l) => !l.startsWith('Bad Name')).every((l) => l.startsWith('cut/'))).toBe(true);
      expect(lines.length).toBeGreaterThan(2);
    } finally {
      await broken.remove();
    }
  });
});

describe('the catalog', () => {
  it('serves several stories, found by id or title', () => {
    expect(catalog.several).toBe(true);
    expect(catalog.find('tram')).toBe('tram');
    expect(catalog.find(catalog.knowledge('tram')?.story.title ?? '')).toBe('tram');
    expect(catalog.find('ravensbridge')).toBe('tram');
    expect(catalog.find('nothing like it')).toBeUndefined();
  });

  it('reloads one story alone, and the router reads that story again', async () => {
    const seedVersion = catalog.knowledge('seed')?.version;
    const router = catalog.router();
    const file = join(stories.storyDir('tram'), 'story.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        /^title: .*$/m,
        'title: Ravensbridge approves the Eastgate tram',
      ),
    );
    const report = await catalog.reload({ requestedBy: 'test', story: 'tram' });
    expect(report.results.map((r) => [r.id, r.report.outcome.ok])).toEqual([['tram', true]]);
    expect(catalog.knowledge('tram')?.story.title).toBe('Ravensbridge approves the Eastgate tram');
    expect(catalog.knowledge('seed')?.version).toBe(seedVersion);
    // The router read the tram story again, in place.
    expect(catalog.router()).toBe(router);
    const unknown = await catalog.reload({ requestedBy: 'test', story: 'nope' });
    expect(unknown.results).toEqual([]);
    expect(unknown.problems[0]?.message).toMatch(/is not one of the stories: name one of seed, tram/);
  });

  it('a reload of all finds a new story folder and lets a removed one go', async () => {
    const extra = join(stories.dir, 'stories', 'extra');
    await cp(SECOND_STORY_DIR, extra, { recursive: true });
    const added = await catalog.reload({ requestedBy: 'test' });
    expect(added.added).toEqual(['extra']);
    expect(catalog.list().map((s) => s.id)).toEqual(['extra', 'seed', 'tram']);
    await rm(extra, { recursive: true, force: true });
    const removed = await catalog.reload({ requestedBy: 'test' });
    expect(removed.removed).toEqual(['extra']);
    expect(catalog.list().map((s) => s.id)).toEqual(['seed', 'tram']);
  });
});

describe('default stories in the state database', () => {
  it('keeps a channel’s and a server’s default across restarts; the channel’s wins', async () => {
    const state = await tempDir();
    try {
      const first = StoryDefaults.open(state.dir, silentLogger());
      expect(first.set({ guildId: 'g', channelId: 'c1', scope: 'server' }, 'seed')).toBe(true);
      expect(first.set({ guildId: 'g', channelId: 'c2', scope: 'channel' }, 'tram')).toBe(true);
      first.close();
      const again = StoryDefaults.open(state.dir, silentLogger());
      expect(again.get('g', 'c1')).toEqual({ story: 'seed', scope: 'server' });
      expect(again.get('g', 'c2')).toEqual({ story: 'tram', scope: 'channel' });
      expect(again.get('other', 'c2')).toBeNull();
      again.set({ guildId: 'g', channelId: 'c2', scope: 'channel' }, null);
      expect(again.get('g', 'c2')).toEqual({ story: 'seed', scope: 'server' });
      // A DM channel has a default of its own.
      again.set({ guildId: null, channelId: 'dm1', scope: 'server' }, 'tram');
      expect(again.get(null, 'dm1')).toEqual({ story: 'tram', scope: 'channel' });
      again.close();
    } finally {
      await state.remove();
    }
  });

  it('migrates an older log: its rows (story "") keep loading, and reports filter by story', async () => {
    const state = await tempDir();
    try {
      const at = new Date().toISOString();
      const v1 = new Database(join(state.dir, DATABASE_FILE));
      v1.exec(`CREATE TABLE declined (question TEXT NOT NULL, guild_id TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL,
                 first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY (question, guild_id));
               CREATE TABLE feedback (entry_id TEXT NOT NULL, guild_id TEXT NOT NULL DEFAULT '', helpful INTEGER NOT NULL DEFAULT 0,
                 not_helpful INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (entry_id, guild_id));
               CREATE TABLE misanswered (entry_id TEXT NOT NULL, question TEXT NOT NULL, count INTEGER NOT NULL,
                 last_seen TEXT NOT NULL, PRIMARY KEY (entry_id, question));
               INSERT INTO declined VALUES ('asked long ago', '1', 2, '${at}', '${at}');
               PRAGMA user_version = 1;`);
      v1.close();
      const store = openQuestionStore(state.dir, { busyTimeoutMs: 0 });
      const where = (story: string) => ({ guildId: '1', channel: 'guild' as const, story });
      store.write([
        {
          kind: 'declined',
          where: where('tram'),
          question: 'about the tram',
          count: 1,
          firstSeen: at,
          lastSeen: at,
        },
        {
          kind: 'declined',
          where: where('seed'),
          question: 'about the seed',
          count: 1,
          firstSeen: at,
          lastSeen: at,
        },
      ]);
      const questions = (story?: string) =>
        store
          .report('all', 10, story)
          .declined.map((d) => d.question)
          .sort();
      expect(questions()).toEqual(['about the seed', 'about the tram', 'asked long ago']);
      expect(questions('tram')).toEqual(['about the tram']);
      store.close();
    } finally {
      await state.remove();
    }
  });
});

describe('commands with several stories', () => {
  const ask = async (question: string, extra: Record<string, string> = {}, channelId = 'c-route') => {
    const context = { ...contextFor(services), channelId, conversationKey: `${channelId}:u` };
    await askCommand.execute(context, inputOf({ question, ...extra }));
    return context.replies[0];
  };

  it('routes a question that names no story to the one that answers, and names it', async () => {
    const reply = await ask('how much does the tram line cost?');
    expect(reply?.embed?.description).toMatch(/412/);
    expect(reply?.embed?.footer).toBe(`From the story “${catalog.knowledge('tram')?.story.title}”`);
    // Its buttons say which story they belong to.
    expect(reply?.buttons?.every((b) => b.customId.endsWith(':@tram'))).toBe(true);
  });

  it('asks the story named, and never names it', async () => {
    const reply = await ask('how much does the tram line cost?', { story: 'seed' }, 'c-named');
    expect(reply?.embed?.footer).toBeUndefined();
    expect(reply?.embed?.description).not.toMatch(/412/);
  });

  it('goes to the channel’s default story, set by a moderator with /story use', async () => {
    const moderator = { ...contextFor(services, { moderator: true }), channelId: 'c-default' };
    await storyCommand.execute(moderator, inputOf({ use: 'tram' }));
    expect(moderator.replies[0]?.content).toMatch(/now go to/);
    const member = { ...contextFor(services), channelId: 'c-default' };
    await expect(storyCommand.execute(member, inputOf({ use: 'seed' }))).rejects.toThrow(/Only moderators/);
    const reply = await ask('what is the story about?', {}, 'c-default');
    expect(reply?.embed?.footer).toBeUndefined();
    expect(reply?.embed?.description).toMatch(/Okafor|Ravensbridge|tram/);
  });

  it('asks which story when a question about “the story” could be any', async () => {
    const reply = await ask('what is the story about?', {}, 'c-which');
    expect(reply?.embed?.description).toMatch(/Which one\?/);
  });

  it('keeps a follow-up in the story the last turn was answered from', async () => {
    await ask('who did trump call a dictator?', {}, 'c-follow');
    const context = { ...contextFor(services), channelId: 'c-follow', conversationKey: 'c-follow:u' };
    await askCommand.execute(context, inputOf({ question: 'how old is he?' }));
    expect(context.replies[0]?.embed?.description).toMatch(/Zelensky/);
    expect(context.replies[0]?.buttons?.every((b) => b.customId.endsWith(':@seed'))).toBe(true);
  });
});
