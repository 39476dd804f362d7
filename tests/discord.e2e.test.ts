/**
 * The bot end to end: the real discord.js client, logged into a fake Discord (REST and Gateway on
 * 127.0.0.1), driven as Discord would drive it. Nothing leaves the machine.
 */
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../src/commands/messages.ts';
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
import { runScript, spawnScript } from './support/run.ts';

const TOKEN = 'test-token.not-a-real-one';

let restoreNetwork: () => void = () => {};
let fake: FakeDiscord;
let bot: RunningBot;

async function botOn(server: FakeDiscord, env: Record<string, string> = {}): Promise<RunningBot> {
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: server.apiUrl,
    DATA_DIR,
    // The question log has its own tests; these leave no database behind.
    LOG_QUESTIONS: 'false',
    COOLDOWN_SECONDS: '0',
    DISCORD_REST_REQUESTS_PER_SECOND: '1000',
    MOD_ROLE_IDS: server.roles.mod,
    ...env,
  });
  const running = await startBot(config, { log: silentLogger() });
  await running.ready;
  return running;
}

beforeAll(async () => {
  restoreNetwork = blockExternalNetwork();
  fake = await startFakeDiscord({ token: TOKEN });
  bot = await botOn(fake);
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  restoreNetwork();
});

const embedOf = (message: APIMessage | undefined): APIEmbed | undefined => message?.embeds[0];
const allowedMentionsOf = (request: RecordedRequest): unknown => request.body.allowed_mentions;
const repliesTo = (messageId: string) => (r: RecordedRequest) =>
  (r.body.message_reference as { message_id?: string } | undefined)?.message_id === messageId;

describe('logging in', () => {
  it('identifies with Guilds, GuildMessages, DirectMessages and MessageContent, and is ready', () => {
    const session = fake.sessions[0];
    const bits = (1 << 0) | (1 << 9) | (1 << 12) | (1 << 15);
    expect(session?.intents).toBe(bits);
    expect(bot.client.isReady()).toBe(true);
  });
});

describe('/ask', () => {
  it('replies with the answer, the cited excerpt and paragraph, and buttons, pinging no one', async () => {
    const handle = await fake.slashCommand({
      name: 'ask',
      options: { question: 'who did trump call a dictator?' },
    });
    const reply = await handle.waitForReply();
    const embed = embedOf(reply);
    expect(embed?.description).toContain('Zelensky');
    expect(embed?.fields?.[0]?.value).toContain('paragraph 7');
    const rows = (reply.components ?? []) as unknown as { components: { custom_id?: string }[] }[];
    const customIds = rows.flatMap((row) => row.components.map((c) => c.custom_id));
    expect(customIds).toEqual(expect.arrayContaining(['ask:para:p7', 'ask:fb:up:trump-dictator']));
    const callback = await handle.response();
    expect(callback.data.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('answers privately when asked to', async () => {
    const handle = await fake.slashCommand({
      name: 'ask',
      options: { question: 'who is lavrov', private: true },
    });
    const callback = await handle.response();
    expect(Number(callback.data.flags) & 64).toBe(64);
  });

  it('autocompletes questions (at most 25), with popular ones for empty input', async () => {
    const typed = await fake.autocomplete({
      name: 'ask',
      options: { question: 'which leader did trump' },
      focused: 'question',
    });
    const response = await typed.response();
    expect(response.type).toBe(8);
    const choices = response.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.name)).toContain('Which leader did Trump describe as a dictator?');
    const empty = await fake.autocomplete({ name: 'ask', options: { question: '' }, focused: 'question' });
    expect(((await empty.response()).data.choices as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers a related question when its button is clicked', async () => {
    const handle = await fake.slashCommand({
      name: 'ask',
      options: { question: 'what is the minerals deal?' },
    });
    const reply = await handle.waitForReply();
    const click = await fake.clickButton({ customId: 'ask:entry:zelensky-visit', message: reply });
    const answer = await click.waitForReply();
    expect(embedOf(answer)?.description).toContain('Friday');
    expect(Number((await click.response()).data.flags) & 64).toBe(64);
  });

  it('shows the whole source paragraph from the button', async () => {
    const handle = await fake.slashCommand({ name: 'ask', options: { question: 'what did lavrov claim?' } });
    const reply = await handle.waitForReply();
    const click = await fake.clickButton({ customId: 'ask:para:p5', message: reply });
    expect(embedOf(await click.waitForReply())?.description).toMatch(/^Russia has rejected the idea/);
  });
});

describe('other slash commands', () => {
  it('/quote gives verbatim quotes by speaker, marking reported speech', async () => {
    const handle = await fake.slashCommand({ name: 'quote', options: { speaker: 'Theresa May' } });
    const embed = embedOf(await handle.waitForReply());
    expect(embed?.description).toContain('urged Starmer to emphasize to Trump');
    expect(JSON.stringify(embed)).toContain('Reported speech');
  });

  it('/topics offers a select menu that lists a topic’s questions', async () => {
    const handle = await fake.slashCommand({ name: 'topics' });
    const reply = await handle.waitForReply();
    const pick = await fake.selectMenu({ customId: 'topics:pick', values: ['un-vote'], message: reply });
    expect(embedOf(await pick.waitForReply())?.description).toContain(
      'Which way did America vote at the United Nations?',
    );
  });

  it('/story shows the summary, and any paragraph verbatim', async () => {
    const summary = await fake.slashCommand({ name: 'story' });
    expect(embedOf(await summary.waitForReply())?.title).toContain('Starmer');
    const paragraph = await fake.slashCommand({ name: 'story', options: { paragraph: 6 } });
    expect(embedOf(await paragraph.waitForReply())?.description).toContain('2.3% to 2.5% of GDP by 2027');
  });

  it('/reload is refused, privately, for a member without Manage Server or a moderator role', async () => {
    const version = bot.holder.current().version;
    const handle = await fake.slashCommand({ name: 'reload', user: fake.users.member });
    const callback = await handle.response();
    expect(callback.type).toBe(5);
    expect(Number(callback.data.flags) & 64).toBe(64);
    const reply = await handle.waitForReply();
    expect(reply.content).toBe(messages.moderatorsOnly);
    expect(bot.holder.current().version).toBe(version);
  });

  it('/reload works for a moderator and reports the counts', async () => {
    const handle = await fake.slashCommand({ name: 'reload', user: fake.users.moderator });
    const reply = await handle.waitForReply();
    expect(embedOf(reply)?.title).toMatch(/^Reloaded in \d+ ms/);
    expect(embedOf(reply)?.description).toMatch(/\d+ Q&A entries, \d+ quotes, 7 people/);
  });
});

describe('chat: prefix commands, mentions and DMs', () => {
  it('answers !ask with a reply that pings no one', async () => {
    const sent = await fake.sendMessage({ content: '!ask how much is the UK spending on defence?' });
    const request = await fake.waitForChannelMessage(fake.channelId, repliesTo(sent.id));
    expect(embedOf(request.message)?.description).toContain('2.5% of GDP by 2027');
    expect(allowedMentionsOf(request)).toEqual({ parse: [], replied_user: false });
  });

  it('answers a message that @mentions the bot as a question', async () => {
    const sent = await fake.sendMessage({ content: `<@${fake.botUser.id}> what did lavrov say?` });
    const request = await fake.waitForChannelMessage(fake.channelId, repliesTo(sent.id));
    expect(embedOf(request.message)?.description).toContain('deceptive');
  });

  it('answers DMs', async () => {
    const sent = await fake.sendMessage({ content: 'where is zelensky going on friday?', dm: true });
    const dmChannel = fake.dmChannelId(fake.users.member);
    const request = await fake.waitForChannelMessage(dmChannel, repliesTo(sent.id));
    expect(embedOf(request.message)?.description).toContain('Washington');
  });

  it('never pings: @everyone and role mentions in the question leave the reply mention-free', async () => {
    const sent = await fake.sendMessage({
      content: `!ask @everyone <@&${fake.roles.mod}> <@${fake.users.owner.id}> who is putin?`,
    });
    const request = await fake.waitForChannelMessage(fake.channelId, repliesTo(sent.id));
    expect(allowedMentionsOf(request)).toEqual({ parse: [], replied_user: false });
    expect(request.message?.mentions).toEqual([]);
    expect(request.message?.mention_everyone).toBe(false);
    expect(request.message?.mention_roles).toEqual([]);
  });

  it('answers hostile messages safely: 10,000 characters, control characters, markdown, code', async () => {
    const hostile = `!ask ${'**@everyone** ```x``` \u0000\u202e '.repeat(400)}`.slice(0, 10_000);
    const sent = await fake.sendMessage({ content: hostile });
    const request = await fake.waitForChannelMessage(fake.channelId, repliesTo(sent.id));
    expect(request.status).toBe(200);
    expect(JSON.stringify(request.body).length).toBeLessThan(8000);
  });

  it('ignores bots, webhooks and ordinary channel chatter', async () => {
    const since = fake.requests.length;
    await fake.sendMessage({ content: '!ask who is putin?', author: fake.users.otherBot });
    await fake.sendMessage({ content: '!ask who is putin?', webhookId: '123456789012345678' });
    await fake.sendMessage({ content: 'who is putin? (not talking to the bot)' });
    const human = await fake.sendMessage({ content: '!ask who is putin?' });
    await fake.waitForChannelMessage(fake.channelId, repliesTo(human.id), { since });
    const replies = fake.requests
      .slice(since)
      .filter((r) => r.endpoint === 'POST /channels/:channelId/messages');
    expect(replies).toHaveLength(1);
  });

  it('tells the user about an unknown command in a DM (in channels it may be another bot’s)', async () => {
    const sent = await fake.sendMessage({ content: '!frobnicate now', dm: true });
    const request = await fake.waitForChannelMessage(fake.dmChannelId(fake.users.member), repliesTo(sent.id));
    expect(request.body.content).toBe(messages.unknownCommand('frobnicate', '!'));
  });

  it('refuses !reload to a member, and nothing is reloaded', async () => {
    const version = bot.holder.current().version;
    const sent = await fake.sendMessage({ content: '!reload' });
    const request = await fake.waitForChannelMessage(fake.channelId, repliesTo(sent.id));
    expect(request.body.content).toBe(messages.moderatorsOnly);
    expect(bot.holder.current().version).toBe(version);
  });
});

describe('resilience', () => {
  it.each([4000, 1006])(
    'resumes after the gateway drops (%i) and answers what arrived meanwhile',
    async (code) => {
      const resumes = fake.resumeCount;
      fake.dropConnection(code);
      const sent = await fake.sendMessage({ content: '!ask what is the backstop for?' });
      await fake.waitForResume();
      const request = await fake.waitForChannelMessage(fake.channelId, repliesTo(sent.id), {
        timeoutMs: 10_000,
      });
      expect(embedOf(request.message)?.description).toContain('deter');
      expect(fake.resumeCount).toBeGreaterThan(resumes);
    },
  );

  it('answers a failing handler with an apology and keeps running', async () => {
    fake.failNext({ method: 'POST', route: '/channels/:channelId/messages' }, { status: 500, times: 4 });
    const first = await fake.sendMessage({ content: '!ask who is lavrov?' });
    const apology = await fake.waitForChannelMessage(fake.channelId, repliesTo(first.id));
    expect(apology.body.content).toBe(messages.failed);
    const second = await fake.sendMessage({ content: '!ask who is lavrov?' });
    const answer = await fake.waitForChannelMessage(fake.channelId, repliesTo(second.id));
    expect(embedOf(answer.message)?.description).toContain('Foreign Minister');
  });

  it('answers a burst of 500 questions, every one', async () => {
    const questions = [
      'who is lavrov?',
      'minerals?',
      'what did trump say about guarantees',
      'who voted with the US at the UN?',
      'what did scholz say?',
    ];
    const since = fake.requests.length;
    const sent = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        fake.sendMessage({ content: `!ask ${questions[i % questions.length]}` }),
      ),
    );
    const wanted = new Set(sent.map((m) => m.id));
    await fake.waitUntil(
      () =>
        fake.requests
          .slice(since)
          .filter(
            (r) =>
              r.status === 200 &&
              wanted.has((r.body.message_reference as { message_id?: string } | undefined)?.message_id ?? ''),
          ).length === 500,
      { timeoutMs: 25_000, description: '500 replies' },
    );
  }, 40_000);
});

describe('running without the Message Content intent', () => {
  it('explains 4014 plainly when the intent is not enabled for the application', async () => {
    const strict = await startFakeDiscord({ token: TOKEN, privilegedIntents: { messageContent: false } });
    const fatal: string[] = [];
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: strict.apiUrl,
      DATA_DIR,
      LOG_QUESTIONS: 'false',
    });
    try {
      await expect(
        startBot(config, { log: silentLogger(), onFatal: (reason) => fatal.push(reason) }),
      ).rejects.toThrow();
      expect(fatal[0]).toBe(messages.messageContentMissing);
      expect(fatal[0]).toContain('MESSAGE_CONTENT_INTENT=false');
    } finally {
      await strict.close();
    }
  });

  it('still answers mentions and slash commands with MESSAGE_CONTENT_INTENT=false', async () => {
    const strict = await startFakeDiscord({ token: TOKEN, privilegedIntents: { messageContent: false } });
    const running = await botOn(strict, { MESSAGE_CONTENT_INTENT: 'false' });
    try {
      const sent = await strict.sendMessage({ content: `<@${strict.botUser.id}> who is lavrov?` });
      const request = await strict.waitForChannelMessage(strict.channelId, repliesTo(sent.id));
      expect(embedOf(request.message)?.description).toContain('Foreign Minister');
      const handle = await strict.slashCommand({ name: 'ask', options: { question: 'who is lavrov?' } });
      expect(embedOf(await handle.waitForReply())?.description).toContain('Foreign Minister');
    } finally {
      await running.stop();
      await strict.close();
    }
  });
});

describe('npm start and npm run deploy-commands against the fake Discord', () => {
  it('npm start connects with DISCORD_TOKEN, answers, and exits 0 on SIGTERM', async () => {
    const sessions = fake.sessions.length;
    const child = spawnScript('src/main.ts', [], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'info',
      COOLDOWN_SECONDS: '0',
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await fake.waitUntil(() => fake.sessions.length > sessions && output.includes('connected to Discord'), {
        timeoutMs: 15_000,
        description: 'the child bot to connect',
      });
      const sent = await fake.sendMessage({ content: 'who did trump call a dictator?', dm: true });
      const request = await fake.waitForChannelMessage(
        fake.dmChannelId(fake.users.member),
        repliesTo(sent.id),
        {
          timeoutMs: 10_000,
        },
      );
      expect(embedOf(request.message)?.description).toContain('Zelensky');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).not.toContain(TOKEN);
  }, 30_000);

  it('deploy-commands registers every command in the guild; --dry-run prints them', async () => {
    const env = {
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
    };
    const result = await runScript('src/cli/deploy-commands.ts', [], { env });
    expect(result.code).toBe(0);
    const registered = fake.registeredCommands.guild.get(fake.guildId) ?? [];
    expect(registered.map((c) => c.name).sort()).toEqual([
      'ask',
      'help',
      'quote',
      'reload',
      'story',
      'topics',
      'unanswered',
    ]);
    expect(registered.find((c) => c.name === 'reload')?.default_member_permissions).toBe('32');
    const dry = await runScript('src/cli/deploy-commands.ts', ['--dry-run']);
    expect((JSON.parse(dry.stdout) as { name: string }[]).map((c) => c.name)).toContain('ask');
  });
});
