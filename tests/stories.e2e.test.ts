/**
 * Several stories behind one bot, end to end: the real discord.js client against the fake
 * Discord, serving the seed story and the second-story fixture from a temp stories/ folder. A
 * channel's default story, the `story:` option and its autocomplete, routing to the story that
 * answers best (named in the reply, its buttons kept to that story), a reload of one story, and
 * the question log filtered by story.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { type RunningBot, startBot } from '../src/discord/bot.ts';
import { silentLogger } from '../src/log.ts';
import { DATABASE_FILE } from '../src/services/sqlite-question-store.ts';
import { tempDir } from './support/data.ts';
import {
  blockExternalNetwork,
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from './support/fake-discord.ts';
import { twoStories } from './support/stories.ts';

const TOKEN = 'test-token.not-a-real-one';

let restoreNetwork: () => void = () => {};
let fake: FakeDiscord;
let bot: RunningBot;
let stories: Awaited<ReturnType<typeof twoStories>>;
let state: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  restoreNetwork = blockExternalNetwork();
  fake = await startFakeDiscord({ token: TOKEN });
  stories = await twoStories();
  state = await tempDir();
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: stories.dir,
    STATE_DIR: state.dir,
    COOLDOWN_SECONDS: '0',
    DISCORD_REST_REQUESTS_PER_SECOND: '1000',
    MOD_ROLE_IDS: fake.roles.mod,
  });
  bot = await startBot(config, { log: silentLogger() });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await stories?.remove();
  await state?.remove();
  restoreNetwork();
});

const embedOf = (message: APIMessage | undefined): APIEmbed | undefined => message?.embeds[0];
const repliesTo = (messageId: string) => (r: RecordedRequest) =>
  (r.body.message_reference as { message_id?: string } | undefined)?.message_id === messageId;
const customIdsOf = (message: APIMessage): string[] =>
  ((message.components ?? []) as unknown as { components: { custom_id?: string }[] }[]).flatMap((row) =>
    row.components.flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
  );
const title = (id: 'seed' | 'tram') => bot.catalog.knowledge(id)?.story.title ?? '';

async function mention(question: string, channelId: string) {
  const sent = await fake.sendMessage({ content: `<@${fake.botUser.id}> ${question}`, channelId });
  return (await fake.waitForChannelMessage(channelId, repliesTo(sent.id), 20_000)).message as APIMessage;
}

describe('routing to the story that answers best', () => {
  it('answers from the story that answers, names it, and keeps its buttons to it', async () => {
    const handle = await fake.slashCommand({
      name: 'ask',
      channelId: fake.otherChannelId,
      options: { question: 'who did trump call a dictator?' },
    });
    const reply = await handle.waitForReply(undefined, 20_000);
    expect(embedOf(reply)?.description).toContain('Zelensky');
    expect(embedOf(reply)?.footer?.text).toBe(`From the story “${title('seed')}”`);
    const ids = customIdsOf(reply);
    expect(ids).toContain('ask:para:p7:@seed');
    // A button of that answer shows that story's paragraph, whatever the other story's p7 says.
    const click = await fake.clickButton({ customId: 'ask:para:p7:@seed', message: reply });
    const paragraph = await click.waitForReply(undefined, 20_000);
    expect(embedOf(paragraph)?.description).toBe(bot.catalog.knowledge('seed')?.article.paragraphs[6]?.text);
  });

  it('a mention goes the same way; a question about “the story” asks which', async () => {
    const tram = await mention('how much does the tram line cost?', fake.otherChannelId);
    expect(embedOf(tram)?.description).toContain('412');
    expect(embedOf(tram)?.footer?.text).toBe(`From the story “${title('tram')}”`);
    const which = await mention('what is the story about?', fake.otherChannelId);
    expect(embedOf(which)?.description).toMatch(/Which one\?/);
    expect(embedOf(which)?.description).toContain(title('seed'));
    expect(embedOf(which)?.description).toContain(title('tram'));
  });
});

describe('the story: option', () => {
  it('asks the story named, and autocompletes story ids and titles', async () => {
    const handle = await fake.slashCommand({
      name: 'ask',
      options: { question: 'how much does the tram line cost?', story: 'seed' },
    });
    const reply = await handle.waitForReply(undefined, 20_000);
    expect(embedOf(reply)?.description).not.toContain('412');
    expect(embedOf(reply)?.footer).toBeUndefined();
    const typed = await fake.autocomplete({
      name: 'ask',
      options: { question: 'x', story: 'ravens' },
      focused: 'story',
    });
    expect((await typed.response()).data.choices).toEqual([
      { name: `${title('tram')} (tram)`, value: 'tram' },
    ]);
  });
});

describe('a channel’s default story', () => {
  it('is set by a moderator with /story use:, persisted, and takes questions that name no story', async () => {
    const refused = await fake.slashCommand({
      name: 'story',
      options: { use: 'tram' },
      user: fake.users.member,
    });
    expect((await refused.waitForReply(undefined, 20_000)).content).toMatch(/Only moderators/);
    const set = await fake.slashCommand({
      name: 'story',
      options: { use: 'tram' },
      user: fake.users.moderator,
    });
    expect((await set.waitForReply(undefined, 20_000)).content).toContain('now go to');
    const db = new Database(join(state.dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('SELECT guild_id, channel_id, story FROM story_defaults').all()).toEqual([
      { guild_id: fake.guildId, channel_id: fake.channelId, story: 'tram' },
    ]);
    db.close();
    // In that channel, "the story" is the tram story, and the reply names no story.
    const about = await mention('who is in the story?', fake.channelId);
    expect(embedOf(about)?.description).toContain('Okafor');
    expect(embedOf(about)?.footer).toBeUndefined();
    const storyCard = await fake.slashCommand({ name: 'story' });
    expect(embedOf(await storyCard.waitForReply(undefined, 20_000))?.title).toBe(title('tram'));
    // The other channel still routes.
    const elsewhere = await mention('who is in the story?', fake.otherChannelId);
    expect(embedOf(elsewhere)?.description).toMatch(/Which one\?/);
  });
});

describe('reloading one story', () => {
  it('/reload story: rebuilds that story only', async () => {
    const seedVersion = bot.catalog.knowledge('seed')?.version;
    const file = join(stories.storyDir('tram'), 'story.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: The Eastgate tram is approved'),
    );
    const handle = await fake.slashCommand({
      name: 'reload',
      options: { story: 'tram' },
      user: fake.users.moderator,
    });
    const reply = await handle.waitForReply(undefined, 20_000);
    expect(embedOf(reply)?.title).toMatch(/^tram: Reloaded in/);
    expect(bot.catalog.knowledge('tram')?.story.title).toBe('The Eastgate tram is approved');
    expect(bot.catalog.knowledge('seed')?.version).toBe(seedVersion);
    const card = await fake.slashCommand({ name: 'story', options: { story: 'tram' } });
    expect(embedOf(await card.waitForReply(undefined, 20_000))?.title).toBe('The Eastgate tram is approved');
  });
});

describe('the question log', () => {
  it('records each question’s story; /unanswered story: shows that story’s only', async () => {
    const asked = await fake.slashCommand({
      name: 'ask',
      options: { question: 'what colour are the new trams going to be painted?', story: 'tram' },
    });
    await asked.waitForReply(undefined, 20_000);
    const report = async (story: string) => {
      const handle = await fake.slashCommand({
        name: 'unanswered',
        options: { story },
        user: fake.users.moderator,
      });
      return embedOf(await handle.waitForReply(undefined, 20_000))?.description ?? '';
    };
    expect(await report('tram')).toContain('painted');
    expect(await report('seed')).not.toContain('painted');
  });
});
