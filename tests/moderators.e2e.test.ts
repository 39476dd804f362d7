/**
 * Moderators and abuse, end to end: the real discord.js client against the fake Discord, with the
 * question log on a real SQLite file. Reports stay per server (DMs only to MOD_USER_IDS), roles
 * are read from what Discord sends, uploads come only from Discord, buttons respect the cooldown,
 * and feedback is counted once per user per answer.
 */
import { readFile, rename } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../src/commands/messages.ts';
import { parseConfig } from '../src/config.ts';
import { type RunningBot, startBot } from '../src/discord/bot.ts';
import { silentLogger } from '../src/log.ts';
import { copyOfData, DATA_DIR, tempDir } from './support/data.ts';
import {
  blockExternalNetwork,
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from './support/fake-discord.ts';

const TOKEN = 'test-token.not-a-real-one';
/** A role the bot was never told about (created after it connected, say). */
const UNCACHED_ROLE = '123456789012345678';

let restoreNetwork: () => void = () => {};
let fake: FakeDiscord;
let bot: RunningBot;
let data: Awaited<ReturnType<typeof copyOfData>>;
let state: Awaited<ReturnType<typeof tempDir>>;
let otherHost: Server;

beforeAll(async () => {
  restoreNetwork = blockExternalNetwork();
  fake = await startFakeDiscord({ token: TOKEN, guilds: 2 });
  data = await copyOfData(DATA_DIR);
  state = await tempDir();
  // Another program on this machine, which must never be downloaded from.
  otherHost = createServer((_request, response) => response.end('topics: []\n'));
  await new Promise<void>((resolve) => otherHost.listen(0, '127.0.0.1', resolve));
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: data.dir,
    STATE_DIR: state.dir,
    COOLDOWN_SECONDS: '30',
    COOLDOWN_BURST: '2',
    DISCORD_REST_REQUESTS_PER_SECOND: '1000',
    MOD_ROLE_IDS: `${fake.roles.mod},${UNCACHED_ROLE}`,
    MOD_USER_IDS: fake.users.owner.id,
  });
  bot = await startBot(config, { log: silentLogger() });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await new Promise((resolve) => otherHost?.close(resolve));
  await data?.remove();
  await state?.remove();
  restoreNetwork();
});

const embedOf = (message: APIMessage | undefined): APIEmbed | undefined => message?.embeds[0];
const repliesTo = (messageId: string) => (r: RecordedRequest) =>
  (r.body.message_reference as { message_id?: string } | undefined)?.message_id === messageId;
const guild = (i: number) => {
  const found = fake.guilds[i];
  if (!found) throw new Error(`the fake has a guild ${i}`);
  return found;
};
/** A fresh user, so each test starts with a full cooldown bucket. */
const newUser = (name: string, roles: string[] = []) => fake.createUser({ username: name, roles });

async function mention(question: string, channelId: string, author = fake.users.member) {
  const sent = await fake.sendMessage({ content: `<@${fake.botUser.id}> ${question}`, channelId, author });
  return fake.waitForChannelMessage(channelId, repliesTo(sent.id));
}

describe('/unanswered', () => {
  it('shows a server’s moderators only that server’s questions; DM questions only to MOD_USER_IDS', async () => {
    await mention('how big is the french navy?', guild(0).channels.general, newUser('a'));
    await mention('what colour is the german flag?', guild(1).channels.general, newUser('b'));
    const dm = await fake.sendMessage({ content: 'what does the italian prime minister think?', dm: true });
    await fake.waitForChannelMessage(fake.dmChannelId(fake.users.member), repliesTo(dm.id));

    const report = async (input: { channelId?: string; dm?: boolean; user: typeof fake.users.member }) => {
      const handle = await fake.slashCommand({ name: 'unanswered', ...input });
      return embedOf(await handle.waitForReply())?.description ?? '';
    };
    const first = await report({ channelId: guild(0).channels.general, user: fake.users.moderator });
    expect(first).toContain('french navy');
    expect(first).not.toContain('german flag');
    expect(first).not.toContain('italian');
    const second = await report({ channelId: guild(1).channels.general, user: fake.users.moderator });
    expect(second).toContain('german flag');
    expect(second).not.toContain('french navy');
    expect(second).not.toContain('italian');
    // In a DM only MOD_USER_IDS are moderators; the bot's operators see every server and DM.
    const operator = await report({ dm: true, user: fake.users.owner });
    expect(operator).toContain('italian');
    expect(operator).toContain('french navy');
    const refused = await fake.slashCommand({ name: 'unanswered', dm: true, user: fake.users.moderator });
    expect((await refused.waitForReply()).content).toBe(messages.moderatorsOnly);
  });
});

describe('moderator roles', () => {
  it('are read from the ids Discord sends, including a role discord.js has not cached', async () => {
    expect(bot.client.guilds.cache.get(guild(0).id)?.roles.cache.has(UNCACHED_ROLE)).toBe(false);
    const user = newUser('role-holder');
    const slash = await fake.slashCommand({ name: 'reload', user, memberRoles: [UNCACHED_ROLE] });
    expect(embedOf(await slash.waitForReply())?.title).toMatch(/^Reloaded in/);
    const since = fake.requests.length;
    await fake.sendMessage({ content: '!reload', author: user, memberRoles: [UNCACHED_ROLE] });
    const dm = await fake.waitForChannelMessage(fake.dmChannelId(user), undefined, { since });
    expect(embedOf(dm.message)?.title).toMatch(/^Reloaded in/);
  });
});

describe('uploads', () => {
  async function reloadWith(attachment: ReturnType<FakeDiscord['addAttachment']>) {
    const handle = await fake.slashCommand({
      name: 'reload',
      user: fake.users.moderator,
      options: [{ name: 'file', type: 11, value: attachment.id }],
      attachments: [attachment],
    });
    return embedOf(await handle.waitForReply());
  }

  it('are never fetched from another host, nor from data: URLs: nothing is installed', async () => {
    const original = await readFile(join(data.dir, 'gaps.yaml'), 'utf8');
    const { port } = otherHost.address() as AddressInfo;
    const attachment = fake.addAttachment('gaps.yaml', original);
    for (const url of [
      `http://127.0.0.1:${port}/gaps.yaml`,
      'data:text/yaml,gaps:%20[]',
      'file:///etc/passwd',
    ]) {
      const embed = await reloadWith({ ...attachment, url, proxy_url: url });
      expect(embed?.title).toMatch(/^Reload refused/);
      expect(embed?.description).toMatch(
        /gaps\.yaml: was not downloaded: attachments are fetched only from Discord/,
      );
    }
    expect(await readFile(join(data.dir, 'gaps.yaml'), 'utf8')).toBe(original);
  });

  it('that claim to be small but are not are refused with the size limit, not installed', async () => {
    const original = await readFile(join(data.dir, 'gaps.yaml'), 'utf8');
    const big = fake.addAttachment('gaps.yaml', `${original}\n# ${'x'.repeat(16 * 1024 * 1024)}\n`);
    const embed = await reloadWith({ ...big, size: 1024 });
    expect(embed?.description).toMatch(/gaps\.yaml: is (larger than|[\d,]+ bytes, over) the 16 MB limit/);
    expect(await readFile(join(data.dir, 'gaps.yaml'), 'utf8')).toBe(original);
  });
});

describe('reload replies', () => {
  it('never show where the bot’s files are', async () => {
    const moved = `${data.dir}-moved`;
    await rename(data.dir, moved);
    try {
      const since = fake.requests.length;
      await fake.sendMessage({ content: '!reload', author: fake.users.moderator });
      const dm = await fake.waitForChannelMessage(fake.dmChannelId(fake.users.moderator), undefined, {
        since,
      });
      expect(embedOf(dm.message)?.description).toMatch(/the data folder does not exist/);
      expect(JSON.stringify(dm.body)).not.toContain(data.dir);
    } finally {
      await rename(moved, data.dir);
    }
  });
});

describe('buttons', () => {
  it('that answer count against the cooldown', async () => {
    const user = newUser('clicker');
    const handle = await fake.slashCommand({
      name: 'ask',
      user,
      options: { question: 'what is the minerals deal?' },
    });
    const answer = await handle.waitForReply();
    const click = () => fake.clickButton({ customId: 'ask:entry:zelensky-visit', message: answer, user });
    // The burst is 2: the question took one, the first click the other.
    expect(embedOf(await (await click()).waitForReply())?.description).toContain('Friday');
    const refused = await (await click()).waitForReply();
    expect(refused.content).toMatch(/^Easy there: you can ask again in \d+ seconds?/);
    // Showing the source paragraph is not an answer: it is never refused.
    const rows = (answer.components ?? []) as unknown as { components: { custom_id?: string }[] }[];
    const para = rows
      .flatMap((r) => r.components)
      .find((c) => c.custom_id?.startsWith('ask:para:'))?.custom_id;
    if (!para) throw new Error('the answer has a paragraph button');
    const paragraph = await fake.clickButton({ customId: para, message: answer, user });
    expect((await paragraph.waitForReply()).embeds).toHaveLength(1);
  });

  it('count feedback once per user per answer, and only for entries that exist', async () => {
    const user = newUser('voter');
    const handle = await fake.slashCommand({ name: 'ask', user, options: { question: 'who is lavrov?' } });
    const answer = await handle.waitForReply();
    const rows = (answer.components ?? []) as unknown as { components: { custom_id?: string }[] }[];
    const down = rows
      .flatMap((r) => r.components)
      .find((c) => c.custom_id?.startsWith('ask:fb:down:'))?.custom_id;
    if (!down) throw new Error('the answer has a "Not what I asked" button');
    const vote = async (customId: string, voter = user) =>
      (await (await fake.clickButton({ customId, message: answer, user: voter })).waitForReply()).content;
    expect(await vote(down)).toBe(messages.feedbackSorry);
    expect(await vote(down)).toBe(messages.feedbackAlready);
    expect(await vote(down.replace(':down:', ':up:'))).toBe(messages.feedbackAlready);
    expect(await vote(down, newUser('second voter'))).toBe(messages.feedbackSorry);
    // A made-up id (a crafted interaction) counts nothing.
    const made = await fake.clickButton({
      customId: 'ask:fb:down:no-such-entry',
      user,
      message: {
        ...answer,
        id: '999999999999999999',
        components: [
          {
            type: 1,
            components: [{ type: 2, style: 2, label: 'x', custom_id: 'ask:fb:down:no-such-entry' }],
          },
        ],
      } as APIMessage,
    });
    expect((await made.waitForReply()).content).toBe(messages.notAnEntry);
    const report = await fake.slashCommand({ name: 'unanswered', user: fake.users.moderator });
    const fields = JSON.stringify(embedOf(await report.waitForReply())?.fields);
    expect(fields).toContain(`2× ${down.split(':')[3]}`);
    expect(fields).not.toContain('no-such-entry');
  });
});
