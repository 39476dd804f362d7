/**
 * The question log on a real SQLite file: the schema and its migration, reports per server,
 * retention, and the queue that keeps the database off the reply path (locks held by another
 * process, an outage logged once, a deleted file recreated).
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/core/engine.ts';
import { createLogger, silentLogger } from '../src/log.ts';
import { createServices } from '../src/services/bot-services.ts';
import { KnowledgeHolder } from '../src/services/knowledge-holder.ts';
import { QuestionLog, type QuestionLogOptions } from '../src/services/question-log.ts';
import { askedWhere, type LogRow, type QuestionStore } from '../src/services/question-store.ts';
import { DATABASE_FILE, openQuestionStore, SCHEMA_VERSION } from '../src/services/sqlite-question-store.ts';
import { MINI_STORY_DIR, tempDir } from './support/data.ts';
import { type HeldLock, holdLock } from './support/sqlite-lock.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
});

async function stateDir(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  return dir.dir;
}

function open(dir: string): QuestionStore {
  const store = openQuestionStore(dir, { busyTimeoutMs: 0 });
  cleanups.push(() => store.close());
  return store;
}

async function locked(path: string, mode?: 'write' | 'exclusive'): Promise<HeldLock> {
  const lock = await holdLock(path, mode);
  cleanups.push(() => lock.release());
  return lock;
}

/** A logger whose lines the test can read. */
function capturedLog() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  const log = createLogger({ level: 'info', secrets: [], stream });
  return { log, lines, messages: () => lines.map((l) => String(l.msg)) };
}

function questionLog(dir: string, options: Partial<QuestionLogOptions> = {}): QuestionLog {
  const log = new QuestionLog({ stateDir: dir, log: silentLogger(), retentionDays: 0, ...options });
  cleanups.push(() => log.close());
  return log;
}

/** What another program reading the file sees: the declined questions and their counts. */
function declinedIn(dir: string): [string, number][] {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return (
      db
        .prepare('SELECT question, SUM(count) AS n FROM declined GROUP BY question ORDER BY question')
        .all() as {
        question: string;
        n: number;
      }[]
    ).map((r) => [r.question, r.n]);
  } finally {
    db.close();
  }
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const at = '2025-03-01T10:00:00.000Z';
const declined = (
  question: string,
  guildId: string | null,
  count = 1,
): Extract<LogRow, { kind: 'declined' }> => ({
  kind: 'declined',
  where: askedWhere(guildId),
  question,
  count,
  firstSeen: at,
  lastSeen: at,
});

describe('the SQLite question log', () => {
  it('creates the database in WAL mode and migrates it once', async () => {
    const dir = await stateDir();
    open(dir).close();
    open(dir);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('migrates a version 1 log: DM rows become DM rows, every row gets a story and a channel kind', async () => {
    const dir = await stateDir();
    const v1 = new Database(join(dir, DATABASE_FILE));
    v1.exec(`CREATE TABLE declined (question TEXT NOT NULL, guild_id TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL,
               first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY (question, guild_id));
             CREATE TABLE feedback (entry_id TEXT NOT NULL, guild_id TEXT NOT NULL DEFAULT '', helpful INTEGER NOT NULL DEFAULT 0,
               not_helpful INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (entry_id, guild_id));
             CREATE TABLE misanswered (entry_id TEXT NOT NULL, question TEXT NOT NULL, count INTEGER NOT NULL,
               last_seen TEXT NOT NULL, PRIMARY KEY (entry_id, question));
             INSERT INTO declined VALUES ('in a server', '1', 2, '${at}', '${at}'), ('in a dm', '', 1, '${at}', '${at}');
             INSERT INTO feedback VALUES ('bridge-cost', '1', 0, 3);
             INSERT INTO misanswered VALUES ('bridge-cost', 'how much exactly', 3, '${at}');
             PRAGMA user_version = 1;`);
    v1.close();
    const store = open(dir);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(
      db
        .prepare('SELECT story, guild_id, channel_kind, question, count FROM declined ORDER BY question')
        .all(),
    ).toEqual([
      { story: '', guild_id: '', channel_kind: 'dm', question: 'in a dm', count: 1 },
      { story: '', guild_id: '1', channel_kind: 'guild', question: 'in a server', count: 2 },
    ]);
    db.close();
    // Version 1 kept no server for the examples: only the operators' report shows them.
    expect(store.report({ guildId: '1' }, 10).misanswered).toEqual([
      { entryId: 'bridge-cost', notHelpful: 3, helpful: 0, examples: [] },
    ]);
    expect(store.report('all', 10).misanswered[0]?.examples).toEqual(['how much exactly']);
  });

  it('reports one server’s questions to it, and every server’s and DM’s to the operators', async () => {
    const store = open(await stateDir());
    store.write([
      declined('how big is the army', '1'),
      declined('how big is the army', '2', 2),
      declined('what did scholz say', null),
      declined('only in server two', '2'),
      {
        kind: 'feedback',
        where: askedWhere('2'),
        entryId: 'minerals-deal',
        helpful: 1,
        notHelpful: 2,
        lastSeen: at,
      },
      {
        kind: 'misanswered',
        where: askedWhere('2'),
        entryId: 'minerals-deal',
        question: 'what minerals exactly',
        count: 2,
        lastSeen: at,
      },
    ]);
    const one = store.report({ guildId: '1' }, 10);
    expect(one.declined.map((d) => [d.question, d.count])).toEqual([['how big is the army', 1]]);
    expect(one.misanswered).toEqual([]);
    expect(store.report({ guildId: '2' }, 10).misanswered).toEqual([
      { entryId: 'minerals-deal', notHelpful: 2, helpful: 1, examples: ['what minerals exactly'] },
    ]);
    expect(store.report('all', 10).declined.map((d) => [d.question, d.count])).toEqual([
      ['how big is the army', 3],
      ['only in server two', 1],
      ['what did scholz say', 1],
    ]);
  });

  it('is shared safely by several writers (shard processes) on one file', async () => {
    const dir = await stateDir();
    const a = open(dir);
    const b = openQuestionStore(dir, { busyTimeoutMs: 2000 });
    cleanups.push(() => b.close());
    for (let i = 0; i < 100; i++) (i % 2 === 0 ? a : b).write([declined('same question', null)]);
    expect(a.report('all', 1).declined[0]?.count).toBe(100);
  });

  it('fails at once, without waiting, when another process holds the write lock', async () => {
    const dir = await stateDir();
    const store = open(dir);
    await locked(join(dir, DATABASE_FILE));
    expect(() => store.write([declined('q', null)])).toThrow(/is locked by another program \(SQLITE_BUSY\)/);
  });

  it('reports a corrupt database with what to do', async () => {
    const dir = await stateDir();
    await writeFile(
      join(dir, DATABASE_FILE),
      'this is not a database, just text that is long enough to be read',
    );
    expect(() => openQuestionStore(dir, { busyTimeoutMs: 0 })).toThrow(
      /is not a readable database .*move it aside/,
    );
  });
});

describe('the question log queue', () => {
  it('records without touching the database; the rows arrive in one batch a moment later', async () => {
    const dir = await stateDir();
    const log = questionLog(dir, { flushDelayMs: 20 });
    log.recordDeclined('how big is the army', askedWhere('1'));
    log.recordDeclined('how big is the army', askedWhere('1'));
    log.recordDeclined('what did scholz say', askedWhere(null));
    expect(declinedIn(dir)).toEqual([]);
    expect(log.queued).toBe(2); // identical rows are summed
    await until(() => log.queued === 0, 'the batch');
    expect(declinedIn(dir)).toEqual([
      ['how big is the army', 2],
      ['what did scholz say', 1],
    ]);
  });

  it('keeps the rows while another process holds the lock, and writes them once it lets go', async () => {
    const dir = await stateDir();
    const log = questionLog(dir, { flushDelayMs: 10, maxRetryMs: 50 });
    const lock = await locked(join(dir, DATABASE_FILE));
    for (let i = 0; i < 6; i++) log.recordDeclined(`question ${i}`, askedWhere('1'));
    expect(log.flush()).toBe(false); // one attempt, refused at once
    expect(log.status).toBe('unavailable');
    expect(log.queued).toBe(6);
    await lock.release();
    await until(() => log.queued === 0, 'the retry');
    expect(declinedIn(dir)).toHaveLength(6);
    expect(log.status).toBe('on');
  });

  it('logs a lasting outage once, and its end once', async () => {
    const dir = await stateDir();
    const { log: logger, messages } = capturedLog();
    const log = questionLog(dir, { log: logger, flushDelayMs: 5, maxRetryMs: 10, reportOutageAfterMs: 30 });
    const lock = await locked(join(dir, DATABASE_FILE));
    log.recordDeclined('asked while locked', askedWhere('1'));
    await until(() => messages().some((m) => m.startsWith('question log unavailable')), 'the outage line');
    for (let i = 0; i < 5; i++) expect(log.flush()).toBe(false);
    await lock.release();
    await until(() => log.queued === 0, 'the retry');
    expect(messages().filter((m) => m.startsWith('question log unavailable'))).toHaveLength(1);
    expect(messages().filter((m) => m.startsWith('question log writable again'))).toHaveLength(1);
  });

  it('opens a database that was locked at start once it is free, migrating it then', async () => {
    const dir = await stateDir();
    const v1 = new Database(join(dir, DATABASE_FILE));
    v1.exec(`CREATE TABLE declined (question TEXT, guild_id TEXT, count INTEGER, first_seen TEXT, last_seen TEXT,
               PRIMARY KEY (question, guild_id));
             CREATE TABLE feedback (entry_id TEXT, guild_id TEXT, helpful INTEGER, not_helpful INTEGER,
               PRIMARY KEY (entry_id, guild_id));
             CREATE TABLE misanswered (entry_id TEXT, question TEXT, count INTEGER, last_seen TEXT,
               PRIMARY KEY (entry_id, question));
             PRAGMA journal_mode = WAL; PRAGMA user_version = 1;`);
    v1.close();
    const lock = await locked(join(dir, DATABASE_FILE));
    const log = questionLog(dir, { flushDelayMs: 10, maxRetryMs: 50 });
    expect(log.status).toBe('unavailable');
    log.recordDeclined('asked before the migration', askedWhere(null));
    await lock.release();
    await until(() => log.queued === 0, 'the migration and the write');
    expect(declinedIn(dir)).toEqual([['asked before the migration', 1]]);
  });

  it('holds at most maxQueuedRows; the rest are dropped, and that is logged once', async () => {
    const dir = await stateDir();
    const { log: logger, messages } = capturedLog();
    const log = questionLog(dir, { log: logger, maxQueuedRows: 3, flushDelayMs: 10, maxRetryMs: 20 });
    const lock = await locked(join(dir, DATABASE_FILE));
    for (let i = 0; i < 10; i++) log.recordDeclined(`question ${i}`, askedWhere('1'));
    expect(log.queued).toBe(3);
    expect(messages().filter((m) => m.includes('the queue is full'))).toHaveLength(1);
    await lock.release();
    await until(() => log.queued === 0, 'the retry');
    expect(declinedIn(dir).map(([q]) => q)).toEqual(['question 0', 'question 1', 'question 2']);
  });

  it('notices a database file deleted while running, creates a new one and says so', async () => {
    const dir = await stateDir();
    const { log: logger, lines } = capturedLog();
    const log = questionLog(dir, { log: logger, flushDelayMs: 10 });
    log.recordDeclined('before', askedWhere('1'));
    expect(log.flush()).toBe(true);
    for (const suffix of ['', '-wal', '-shm'])
      await rm(join(dir, `${DATABASE_FILE}${suffix}`), { force: true });
    log.recordDeclined('after', askedWhere('1'));
    expect(log.flush()).toBe(true);
    expect(declinedIn(dir)).toEqual([['after', 1]]);
    expect(lines.find((l) => String(l.msg).includes('was deleted while the bot ran'))).toMatchObject({
      level: 40,
      reopened: true,
    });
  });

  it('reports nothing, at once, while another process keeps even readers out', async () => {
    const dir = await stateDir();
    open(dir).close();
    await locked(join(dir, DATABASE_FILE), 'exclusive');
    const log = questionLog(dir);
    expect(log.status).toBe('unavailable');
    expect(log.report({ guildId: '1' }, 10)).toBeNull();
  });

  it('prunes rows older than the retention period', async () => {
    const dir = await stateDir();
    const store = open(dir);
    store.write([
      {
        ...declined('long ago', '1'),
        firstSeen: '2024-01-01T00:00:00.000Z',
        lastSeen: '2024-01-01T00:00:00.000Z',
      },
      declined('lately', '1'),
    ]);
    store.close();
    const now = () => new Date('2025-03-10T00:00:00.000Z');
    const log = questionLog(dir, { retentionDays: 90, now, flushDelayMs: 10 });
    // At start, before anything new is written.
    expect(declinedIn(dir).map(([q]) => q)).toEqual(['lately']);
    log.recordDeclined('today', askedWhere('1'));
    expect(log.flush()).toBe(true);
    expect(declinedIn(dir).map(([q]) => q)).toEqual(['lately', 'today']);
  });
});

describe('what the bot records', () => {
  it('records declined questions, normalised, but not greetings or answered questions', async () => {
    const dir = await stateDir();
    const log = questionLog(dir);
    const holder = await KnowledgeHolder.open(MINI_STORY_DIR, { maxUploadBytes: 1024 });
    const services = createServices({ holder, questionLog: log, log: silentLogger(), commandPrefix: '!' });
    for (const q of [
      'What colour is the BRIDGE?',
      'what colour is the   bridge?',
      'hi',
      'how much will the bridge cost?',
    ]) {
      services.recordQuestion(answerQuestion(holder.current(), q), '1');
    }
    expect(
      services.unansweredReport({ guildId: '1' }, 10)?.declined.map((d) => [d.question, d.count]),
    ).toEqual([['what colour is the bridge?', 2]]);
  });

  it('counts one vote per user per answer', async () => {
    const dir = await stateDir();
    const log = questionLog(dir);
    const holder = await KnowledgeHolder.open(MINI_STORY_DIR, { maxUploadBytes: 1024 });
    const services = createServices({ holder, questionLog: log, log: silentLogger(), commandPrefix: '!' });
    const vote = (userId: string, answerId: string, helpful: boolean) =>
      services.recordFeedback({
        entryId: 'bridge-cost',
        helpful,
        question: 'cost?',
        guildId: '1',
        userId,
        answerId,
      });
    expect(vote('u1', 'm1', false)).toBe(true);
    expect(vote('u1', 'm1', false)).toBe(false);
    expect(vote('u1', 'm1', true)).toBe(false);
    expect(vote('u2', 'm1', false)).toBe(true);
    expect(vote('u1', 'm2', false)).toBe(true);
    expect(services.unansweredReport({ guildId: '1' }, 10)?.misanswered).toEqual([
      { entryId: 'bridge-cost', notHelpful: 3, helpful: 0, examples: ['cost?'] },
    ]);
  });
});
