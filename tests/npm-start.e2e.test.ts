/**
 * `npm start` for real, as a supervisor or `docker stop` would run and stop it: npm builds dist/
 * and execs plain node, so a signal to npm, or to the whole process group, reaches the bot; the
 * bot finishes its replies, closes the gateway and the question log, and exits 0; and it stops by
 * itself when npm is killed outright. Run in a copy of the project (so no developer's .env is read),
 * against the fake Discord on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../src/services/sqlite-question-store.ts';
import { DATA_DIR, ROOT, tempDir } from './support/data.ts';
import {
  blockExternalNetwork,
  type FakeDiscord,
  type RecordedRequest,
  startFakeDiscord,
} from './support/fake-discord.ts';

const TOKEN = 'test-token.not-a-real-one';
let project: string;
let fake: FakeDiscord;
let restoreNetwork: () => void = () => {};
const cleanups: (() => Promise<unknown>)[] = [];

/** A process that exists and is not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function npmStart(stateDir: string) {
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: project,
    detached: true, // its own process group, as under a supervisor
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? project,
      npm_config_update_notifier: 'false',
      // As a .env copied from an older .env.example had it: blank means unset (discord.js reads it too).
      SHARD_COUNT: '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_REST_REQUESTS_PER_SECOND: '1000',
      DATA_DIR,
      STATE_DIR: stateDir,
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let botPid: number | undefined;
  cleanups.push(async () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    if (botPid !== undefined && isRunning(botPid)) process.kill(botPid, 'SIGKILL');
  });
  return {
    npmPid: child.pid ?? 0,
    exited,
    output: () => output,
    /** Waits until the bot is connected; the pid of the node process that runs it. */
    async connected(): Promise<number> {
      const line = await fake.waitUntil(
        () => output.split('\n').find((l) => l.includes('"connected to Discord"')),
        { timeoutMs: 30_000, description: 'the bot to connect' },
      );
      botPid = (JSON.parse(line) as { pid: number }).pid;
      return botPid;
    },
  };
}

const repliesTo = (messageId: string) => (r: RecordedRequest) =>
  (r.body.message_reference as { message_id?: string } | undefined)?.message_id === messageId;

beforeAll(async () => {
  restoreNetwork = blockExternalNetwork();
  fake = await startFakeDiscord({ token: TOKEN });
  project = await mkdtemp(join(tmpdir(), 'story-bot-project-'));
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts', 'src'])
    await cp(join(ROOT, file), join(project, file), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'));
}, 60_000);

afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop())
    await cleanup().catch(() => undefined);
});

afterAll(async () => {
  await fake?.close();
  if (project) await rm(project, { recursive: true, force: true });
  restoreNetwork();
});

async function stateDir(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  return dir.dir;
}

describe('npm start', () => {
  it('builds, runs node itself, and on SIGTERM to npm stops gracefully: exit 0, no bot process left', async () => {
    const bot = npmStart(await stateDir());
    const pid = await bot.connected();
    expect(pid).not.toBe(bot.npmPid);
    const sent = await fake.sendMessage({ content: '!ask who did trump call a dictator?' });
    await fake.waitForChannelMessage(fake.channelId, repliesTo(sent.id), { timeoutMs: 10_000 });
    process.kill(bot.npmPid, 'SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"stopped"');
    expect(isRunning(pid)).toBe(false);
    expect(bot.output()).not.toContain(TOKEN);
  }, 60_000);

  it('answers every question of a burst when the whole group gets SIGTERM, and leaves the log intact', async () => {
    const state = await stateDir();
    const bot = npmStart(state);
    const pid = await bot.connected();
    const since = fake.requests.length;
    const questions = ['who is lavrov?', 'how big is the french navy?', 'minerals?', 'what did scholz say?'];
    const sent = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fake.sendMessage({ content: `!ask ${questions[i % questions.length]}` }),
      ),
    );
    process.kill(-bot.npmPid, 'SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(isRunning(pid)).toBe(false);
    const replied = new Set(
      fake.requests
        .slice(since)
        .filter((r) => r.status === 200 && r.endpoint === 'POST /channels/:channelId/messages')
        .map((r) => (r.body.message_reference as { message_id?: string } | undefined)?.message_id),
    );
    expect(sent.filter((m) => !replied.has(m.id))).toEqual([]);
    const db = new Database(join(state, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db.prepare('SELECT question, count FROM declined').all();
      expect(rows).toEqual(expect.arrayContaining([{ question: 'how big is the french navy?', count: 25 }]));
    } finally {
      db.close();
    }
  }, 60_000);

  it('stops by itself when npm is killed outright, leaving no bot process behind', async () => {
    const bot = npmStart(await stateDir());
    const pid = await bot.connected();
    process.kill(bot.npmPid, 'SIGKILL');
    await fake.waitUntil(() => !isRunning(pid), {
      timeoutMs: 10_000,
      description: 'the orphaned bot to stop',
    });
    expect(bot.output()).toContain('parent process exited');
    expect(bot.output()).toContain('"stopped"');
  }, 60_000);
});
