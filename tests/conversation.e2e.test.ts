/**
 * Conversation context in Discord, end to end: the real discord.js client logged into the fake
 * Discord on 127.0.0.1. Follow-ups in a channel and in DMs, replies to an older answer, buttons,
 * two people in one channel, and a reload that forgets.
 */
import type { APIEmbed, APIMessage, APIUser } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { type RunningBot, startBot } from '../src/discord/bot.ts';
import { silentLogger } from '../src/log.ts';
import { DATA_DIR } from './support/data.ts';
import {
  blockExternalNetwork,
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from './support/fake-discord.ts';

const TOKEN = 'test-token.not-a-real-one';

let restoreNetwork: () => void = () => {};
let fake: FakeDiscord;
let bot: RunningBot;

beforeAll(async () => {
  restoreNetwork = blockExternalNetwork();
  fake = await startFakeDiscord({ token: TOKEN });
  bot = await startBot(
    parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR,
      LOG_QUESTIONS: 'false',
      COOLDOWN_SECONDS: '0',
      DISCORD_REST_REQUESTS_PER_SECOND: '1000',
      MOD_ROLE_IDS: fake.roles.mod,
    }),
    { log: silentLogger() },
  );
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  restoreNetwork();
});

const repliesTo = (messageId: string) => (r: RecordedRequest) =>
  (r.body.message_reference as { message_id?: string } | undefined)?.message_id === messageId;

interface Asked {
  readonly reply: APIMessage;
  readonly embed: APIEmbed | undefined;
}

/** Sends a message as `author` (by default a mention in the default channel) and waits for the bot's reply to it. */
async function say(
  content: string,
  options: { author?: APIUser; channelId?: string; dm?: boolean; replyTo?: APIMessage; ping?: boolean } = {},
): Promise<Asked> {
  const author = options.author ?? fake.users.member;
  const dm = options.dm ?? false;
  const sent = await fake.sendMessage({
    content,
    author,
    dm,
    ...(options.channelId ? { channelId: options.channelId } : {}),
    ...(options.replyTo ? { replyTo: options.replyTo, replyMention: options.ping ?? true } : {}),
  });
  const channel = dm ? fake.dmChannelId(author) : (options.channelId ?? fake.channelId);
  const request = await fake.waitForChannelMessage(channel, repliesTo(sent.id));
  const reply = request.message as APIMessage;
  return { reply, embed: reply.embeds[0] };
}

const mention = (text: string): string => `<@${fake.botUser.id}> ${text}`;

describe('a follow-up is read after the same person’s last questions in the same channel', () => {
  it('chat: “how old is he?” after “who is lavrov?” asks Lavrov’s age, which the article doesn’t give', async () => {
    const channelId = fake.otherChannelId;
    await say('!ask who is lavrov?', { channelId });
    const { embed } = await say(mention('how old is he?'), { channelId });
    expect(embed?.description).toMatch(/doesn't give .*Lavrov's age/);
  });

  it('/ask: the same, with slash commands', async () => {
    const user = fake.createUser({ username: 'slasher' });
    const first = await fake.slashCommand({
      name: 'ask',
      user,
      options: { question: 'who is theresa may?' },
    });
    await first.waitForReply();
    const second = await fake.slashCommand({ name: 'ask', user, options: { question: 'how old is she?' } });
    expect((await second.waitForReply()).embeds[0]?.description).toMatch(/doesn't give .*Theresa May's age/);
  });

  it('a DM is a conversation of its own', async () => {
    const user = fake.createUser({ username: 'dm-reader' });
    const lavrov = await say('who is lavrov?', { author: user, dm: true });
    const { embed } = await say('what did he say?', { author: user, dm: true });
    expect(embed?.description).toContain('deceptive');
    // And a reply there follows up the answer it replies to.
    await say('who is trump?', { author: user, dm: true });
    const reply = await say('how old is he?', { author: user, dm: true, replyTo: lavrov.reply, ping: false });
    expect(reply.embed?.description).toMatch(/Lavrov's age/);
  });

  it('two people in one channel do not share context', async () => {
    const asker = fake.createUser({ username: 'asker' });
    const neighbour = fake.createUser({ username: 'neighbour' });
    await say(mention('who is lavrov?'), { author: asker });
    const theirs = await say(mention('what did he say?'), { author: neighbour });
    expect(theirs.embed?.description).not.toContain('deceptive');
    const mine = await say(mention('what did he say?'), { author: asker });
    expect(mine.embed?.description).toContain('deceptive');
  });
});

describe('a reply to one of the bot’s answers follows up that answer', () => {
  it('even after other questions, and without a ping', async () => {
    const user = fake.createUser({ username: 'replier' });
    const lavrov = await say(mention('who is lavrov?'), { author: user });
    await say(mention('who is trump?'), { author: user });
    // Read after the conversation, "he" is no longer Lavrov...
    const plain = await say(mention('what did he say?'), { author: user });
    expect(plain.embed?.description).not.toContain('deceptive');
    // ...but replying to Lavrov's answer asks about Lavrov.
    const reply = await say('what did he say?', { author: user, replyTo: lavrov.reply, ping: false });
    expect(reply.embed?.description).toContain('deceptive');
  });

  it('leaves replies to anything else, and other people’s chatter, alone', async () => {
    const since = fake.requests.length;
    const other = await fake.sendMessage({ content: 'who is lavrov?', author: fake.users.owner });
    await fake.sendMessage({ content: 'what did he say?', replyTo: other, replyMention: false });
    // A question of mine after them: once it is answered, anything they would have got is there too.
    await say(mention('who is putin?'));
    const posted = fake.requests
      .slice(since)
      .filter((r) => r.endpoint === 'POST /channels/:channelId/messages' && r.status === 200);
    expect(posted).toHaveLength(1);
  });
});

describe('the answer’s buttons carry its context', () => {
  it('“Tell me more” tells more of the answer it is on, and is a turn of the conversation', async () => {
    const user = fake.createUser({ username: 'curious' });
    const { reply } = await say(mention('who is lavrov?'), { author: user });
    const more = await fake.clickButton({ customId: 'ask:more:who-is-lavrov', message: reply, user });
    const told = await more.waitForReply();
    expect(told.embeds[0]?.description).toContain(
      'Russia has rejected the idea of European peacekeeping forces',
    );
    const next = await say(mention('how old is he?'), { author: user });
    expect(next.embed?.description).toMatch(/Lavrov's age/);
  });

  it('a related-question click is remembered as the question asked', async () => {
    const user = fake.createUser({ username: 'clicker' });
    const { reply } = await say(mention('who is lavrov?'), { author: user });
    await say(mention('how much is the UK spending on defence?'), { author: user });
    // The Lavrov answer's related question, clicked after the defence question...
    const click = await fake.clickButton({
      customId: 'ask:entry:russia-rejects-peacekeepers',
      message: reply,
      user,
    });
    expect((await click.waitForReply()).embeds[0]?.description).toContain('Russia has rejected');
    // ...is the question "why?" follows up, not the defence spending asked before it.
    const next = await say(mention('why?'), { author: user });
    expect(next.embed?.description).toContain('Russia has rejected');
  });
});

describe('a reload', () => {
  it('forgets every conversation', async () => {
    const user = fake.createUser({ username: 'forgotten' });
    await say(mention('who is lavrov?'), { author: user });
    const before = await say(mention('what did he say?'), { author: user });
    expect(before.embed?.description).toContain('deceptive');
    const reload = await fake.slashCommand({ name: 'reload', user: fake.users.moderator });
    expect((await reload.waitForReply()).embeds[0]?.title).toMatch(/^Reloaded/);
    const after = await say(mention('what did he say?'), { author: user });
    expect(after.embed?.description).not.toContain('deceptive');
  });
});
