/**
 * Running for real: reloads (SIGHUP, WATCH_DATA, uploads), the question log, health, shutdown and
 * sharding, with the bot's real processes against the fake Discord on 127.0.0.1.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { type RunningBot, startBot } from '../src/discord/bot.ts';
import { silentLogger } from '../src/log.ts';
import { DATABASE_FILE } from '../src/services/sqlite-question-store.ts';
import { copyOfData, DATA_DIR, tempDir } from './support/data.ts';
import {
  blockExternalNetwork,
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from './support/fake-discord.ts';
import { spawnScript } from './support/run.ts';
import { holdLock } from './support/sqlite-lock.ts';

const TOKEN = 'test-token.not-a-real-one';
const cleanups: (() => Promise<unknown>)[] = [];
let restoreNetwork: () => void = () => {};

beforeAll(() => {
  restoreNetwork = blockExternalNetwork();
});
afterAll(() => restoreNetwork());
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop())
    await cleanup().catch(() => undefined);
});

async function fakeDiscord(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord({ token: TOKEN, ...options });
  cleanups.push(() => fake.close());
  return fake;
}

async function dataCopy() {
  const copy = await copyOfData(DATA_DIR);
  cleanups.push(() => copy.remove());
  return copy;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A bot process; its stdout (JSON log lines) is collected; killed at the end of the test. */
function botProcess(script: string, env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawnScript(script, [], {
    LOG_LEVEL: 'info',
    COOLDOWN_SECONDS: '0',
    ...env,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, exited, output: () => output };
}

const embedOf = (message: APIMessage | undefined): APIEmbed | undefined => message?.embeds[0];
const repliesTo = (messageId: string) => (r: RecordedRequest) =>
  (r.body.message_reference as { message_id?: string } | undefined)?.message_id === messageId;

async function ask(fake: FakeDiscord, question: string, channelId = fake.channelId): Promise<string> {
  const sent = await fake.sendMessage({ content: `!ask ${question}`, channelId });
  const reply = await fake.waitForChannelMessage(channelId, repliesTo(sent.id), { timeoutMs: 10_000 });
  return embedOf(reply.message)?.description ?? String(reply.body.content);
}

describe('a single bot process', () => {
  let fake: FakeDiscord;
  let bot: RunningBot;
  let data: Awaited<ReturnType<typeof dataCopy>>;
  let stateDir: Awaited<ReturnType<typeof tempDir>>;
  let healthPort: number;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    data = await copyOfData(DATA_DIR);
    stateDir = await tempDir();
    healthPort = await freePort();
    const config = parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: data.dir,
      STATE_DIR: stateDir.dir,
      COOLDOWN_SECONDS: '0',
      MOD_ROLE_IDS: fake.roles.mod,
      HEALTH_PORT: String(healthPort),
      WATCH_DATA: 'true',
    });
    bot = await startBot(config, { log: silentLogger() });
    await bot.ready;
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    await data?.remove();
    await stateDir?.remove();
  });

  it('serves /healthz: ready, shard status, data version and counts', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      ready: true,
      shards: [{ id: 0, status: 'Ready' }],
      knowledge: { version: bot.holder.current().version, counts: { paragraphs: 9 } },
      questionLog: 'on',
    });
    expect(body.uptimeSeconds).toEqual(expect.any(Number));
  });

  it('logs declined questions and feedback, and lists them for moderators in /unanswered', async () => {
    // In another channel: "minerals?" right after it in the same conversation would be read as its follow-up.
    await ask(fake, 'how big is the french navy?', fake.otherChannelId);
    const handle = await fake.slashCommand({ name: 'ask', options: { question: 'minerals?' } });
    const reply = await handle.waitForReply();
    const rows = (reply.components ?? []) as unknown as { components: { custom_id?: string }[] }[];
    const notWhatIAsked = rows
      .flatMap((r) => r.components)
      .find((c) => c.custom_id?.startsWith('ask:fb:down:'))?.custom_id;
    if (!notWhatIAsked) throw new Error('the answer has a "Not what I asked" button');
    const click = await fake.clickButton({ customId: notWhatIAsked, message: reply });
    await click.waitForReply();
    const report = await fake.slashCommand({ name: 'unanswered', user: fake.users.moderator });
    const embed = embedOf(await report.waitForReply());
    expect(embed?.description).toContain('how big is the french navy?');
    expect(JSON.stringify(embed?.fields)).toContain(notWhatIAsked.split(':')[3]);
    expect(JSON.stringify(embed?.fields)).toContain('minerals?');
    const refused = await fake.slashCommand({ name: 'unanswered', user: fake.users.member });
    expect((await refused.waitForReply()).content).toMatch(/^Only moderators/);
  });

  it('answers at once while another process holds the question log locked; the rows arrive after', async () => {
    const path = join(stateDir.dir, DATABASE_FILE);
    const declined = (): string[] => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare('SELECT question FROM declined').all() as { question: string }[]).map(
          (r) => r.question,
        );
      } finally {
        db.close();
      }
    };
    const questions = Array.from({ length: 6 }, (_, i) => `how many submarines does fleet number ${i} have?`);
    const lock = await holdLock(path);
    try {
      const sent = await Promise.all(questions.map((q) => fake.sendMessage({ content: `!ask ${q}` })));
      // Every reply while the lock is still held: none waited for the database.
      const replies = await Promise.all(
        sent.map((m) => fake.waitForChannelMessage(fake.channelId, repliesTo(m.id))),
      );
      for (const reply of replies) expect(embedOf(reply.message)?.description).toMatch(/doesn.t say/);
      expect(declined()).not.toContain(questions[0]);
    } finally {
      await lock.release();
    }
    await fake.waitUntil(() => questions.every((q) => declined().includes(q)), {
      timeoutMs: 10_000,
      description: 'the queued rows to be written',
    });
  });

  it('reloads when a data file changes (WATCH_DATA) and keeps the old data if the change is broken', async () => {
    const before = bot.holder.current().version;
    await data.edit('qa.yaml', (t) =>
      t.replace(
        'the US voted alongside Russia, North Korea, and Iran against a',
        'the US voted with Russia, North Korea, and Iran against a',
      ),
    );
    await fake.waitUntil(() => bot.holder.current().version !== before, {
      timeoutMs: 20_000,
      description: 'the watcher to reload',
    });
    expect(await ask(fake, 'how did the us vote at the un?')).toContain('the US voted with Russia');
    const good = bot.holder.current().version;
    await data.edit('quotes.yaml', (t) => t.replace('speaker: lavrov', 'speaker: nobody'));
    await new Promise((resolve) => setTimeout(resolve, 600)); // the watcher's settle time, then a reload attempt
    expect(bot.holder.current().version).toBe(good);
    expect(await ask(fake, 'what did lavrov say?')).toContain('deceptive');
  });

  it('replaces a data file from a moderator’s upload, validated, with a backup', async () => {
    await data.edit('quotes.yaml', (t) => t.replace('speaker: nobody', 'speaker: lavrov'));
    const original = await readFile(join(data.dir, 'gaps.yaml'), 'utf8');
    const edited = original.replace(
      "The article doesn't say whether the resolution passed",
      'The article does not report whether the resolution passed',
    );
    const attachment = fake.addAttachment('gaps.yaml', edited, 'text/yaml');
    const handle = await fake.slashCommand({
      name: 'reload',
      user: fake.users.moderator,
      options: [{ name: 'file', type: 11, value: attachment.id }],
      attachments: [attachment],
    });
    const embed = embedOf(await handle.waitForReply());
    expect(embed?.title).toMatch(/^Reloaded in/);
    expect(JSON.stringify(embed)).toContain('edited: gap-un-result');
    expect(await readFile(join(data.dir, 'gaps.yaml'), 'utf8')).toBe(edited);
    expect(await readFile(join(data.dir, 'gaps.yaml.bak'), 'utf8')).toBe(original);
  });

  it('refuses an upload that breaks the data: every problem listed, nothing written, old data live', async () => {
    const before = bot.holder.current().version;
    const original = await readFile(join(data.dir, 'qa.yaml'), 'utf8');
    const broken = original
      .replace('cites: [p8.s2]', 'cites: [p42]')
      .replace('topic: un-vote', 'topic: nowhere');
    const attachment = fake.addAttachment('qa.yaml', broken, 'text/yaml');
    const handle = await fake.slashCommand({
      name: 'reload',
      user: fake.users.moderator,
      options: [{ name: 'file', type: 11, value: attachment.id }],
      attachments: [attachment],
    });
    const embed = embedOf(await handle.waitForReply());
    expect(embed?.title).toMatch(/^Reload refused: \d+ problems/);
    expect(embed?.description).toContain('field cites[0]: p42 is not in the article');
    expect(embed?.description).toContain('field topic: unknown topic "nowhere"');
    expect(embed?.title).toContain('The previous data is still live');
    expect(await readFile(join(data.dir, 'qa.yaml'), 'utf8')).toBe(original);
    expect(bot.holder.current().version).toBe(before);
  });
});

describe('the bot process: SIGHUP and shutdown', () => {
  it('reloads on SIGHUP, and on SIGINT (Ctrl-C) finishes and exits 0 within 5 s', async () => {
    const fake = await fakeDiscord();
    const data = await dataCopy();
    const state = await tempDir();
    cleanups.push(() => state.remove());
    const bot = botProcess('src/main.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: data.dir,
      STATE_DIR: state.dir,
    });
    await fake.waitUntil(() => bot.output().includes('connected to Discord'), {
      timeoutMs: 15_000,
      description: 'the bot to connect',
    });
    await data.edit('qa.yaml', (t) =>
      t.replace(
        'Conservative peer Lord Howard of Lympne described the vote as a stark',
        'Lord Howard of Lympne, a Conservative peer, described the vote as a stark',
      ),
    );
    bot.child.kill('SIGHUP');
    await fake.waitUntil(() => bot.output().includes('data reloaded'), {
      timeoutMs: 10_000,
      description: 'the reload',
    });
    expect(await ask(fake, 'how did lord howard describe the vote?')).toMatch(
      /Lord Howard of Lympne, a Conservative peer/,
    );
    const stoppedAt = Date.now();
    bot.child.kill('SIGINT');
    expect(await bot.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(bot.output()).not.toContain(TOKEN);
  }, 40_000);
});

describe('sharding', () => {
  it('runs one process per shard, reloads every shard from any of them, and stops cleanly', async () => {
    const fake = await fakeDiscord({ shards: 2, guilds: 2 });
    const data = await dataCopy();
    const state = await tempDir();
    cleanups.push(() => state.remove());
    const healthPort = await freePort();
    const manager = botProcess('src/sharded.ts', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: data.dir,
      STATE_DIR: state.dir,
      SHARD_COUNT: '2',
      HEALTH_PORT: String(healthPort),
      MOD_ROLE_IDS: fake.roles.mod,
    });
    await fake.waitUntil(() => manager.output().includes('every shard is ready'), {
      timeoutMs: 40_000,
      description: 'both shards',
    });
    expect(fake.sessions.filter((s) => s.connected).map((s) => s.shard)).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );

    const [first, second] = fake.guilds;
    if (!first || !second) throw new Error('the fake has two guilds');
    expect(await ask(fake, 'who is lavrov?', first.channels.general)).toContain('Foreign Minister');
    expect(await ask(fake, 'who is lavrov?', second.channels.general)).toContain('Foreign Minister');

    const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      ready: true,
      shards: [
        { id: 0, status: 'ready' },
        { id: 1, status: 'ready' },
      ],
    });

    const howard = 'how did lord howard describe the vote?';
    await data.edit('qa.yaml', (t) =>
      t.replace(
        'Conservative peer Lord Howard of Lympne described the vote',
        'Lord Howard of Lympne, a Conservative peer, described the vote',
      ),
    );
    const handle = await fake.slashCommand({
      name: 'reload',
      user: fake.users.moderator,
      channelId: second.channels.general,
    });
    const embed = embedOf(await handle.waitForReply(undefined, 20_000));
    expect(JSON.stringify(embed?.fields)).toMatch(/shard 0: reloaded.*shard 1: reloaded/);
    expect(await ask(fake, howard, first.channels.general)).toContain('a Conservative peer');

    await data.edit('qa.yaml', (t) =>
      t.replace(
        'Lord Howard of Lympne, a Conservative peer, described the vote',
        'Conservative peer Lord Howard of Lympne described the vote',
      ),
    );
    manager.child.kill('SIGHUP');
    await fake.waitUntil(
      () =>
        manager.output().includes('reload relayed to every shard') &&
        manager.output().split('reload relayed').length > 2,
      {
        timeoutMs: 15_000,
        description: 'the SIGHUP reload',
      },
    );
    expect(await ask(fake, howard, second.channels.general)).toContain('Conservative peer Lord Howard');

    manager.child.kill('SIGTERM');
    expect(await manager.exited).toBe(0);
  }, 90_000);
});
