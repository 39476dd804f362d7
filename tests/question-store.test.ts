import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/core/engine.ts';
import { silentLogger } from '../src/log.ts';
import { createServices } from '../src/services/bot-services.ts';
import { KnowledgeHolder } from '../src/services/knowledge-holder.ts';
import type { QuestionStore } from '../src/services/question-store.ts';
import { DATABASE_FILE, openQuestionStore } from '../src/services/sqlite-question-store.ts';
import { MINI_STORY_DIR } from './support/data.ts';

const dirs: string[] = [];
const stores: QuestionStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function stateDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'story-bot-state-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string): QuestionStore {
  const opened = openQuestionStore(dir);
  if (!opened.store) throw new Error(opened.reason);
  stores.push(opened.store);
  return opened.store;
}

describe('the SQLite question log', () => {
  it('creates the database in WAL mode and migrates it once', async () => {
    const dir = await stateDir();
    open(dir).close();
    open(dir);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('counts declined questions across servers, most frequent first, with no user ids', async () => {
    const store = open(await stateDir());
    store.recordDeclined('how big is the army', '1');
    store.recordDeclined('how big is the army', '2');
    store.recordDeclined('what did scholz say', null);
    store.recordDeclined('how big is the army', '1');
    const report = store.report(10);
    expect(report.declined.map((d) => [d.question, d.count])).toEqual([
      ['how big is the army', 3],
      ['what did scholz say', 1],
    ]);
  });

  it('counts feedback per entry and keeps the questions marked "not what I asked"', async () => {
    const store = open(await stateDir());
    store.recordFeedback('minerals-deal', true, 'minerals?', '1');
    store.recordFeedback('minerals-deal', false, 'what minerals exactly', '1');
    store.recordFeedback('minerals-deal', false, 'what minerals exactly', '2');
    store.recordFeedback('who-is-trump', true, null, null);
    expect(store.report(10).misanswered).toEqual([
      { entryId: 'minerals-deal', notHelpful: 2, helpful: 1, examples: ['what minerals exactly'] },
    ]);
  });

  it('is shared safely by several writers (shard processes) on one file', async () => {
    const dir = await stateDir();
    const a = open(dir);
    const b = open(dir);
    for (let i = 0; i < 200; i++) (i % 2 === 0 ? a : b).recordDeclined('same question', null);
    expect(a.report(1).declined[0]?.count).toBe(200);
  });

  it('reports a corrupt database instead of failing, so the bot answers without a log', async () => {
    const dir = await stateDir();
    await writeFile(
      join(dir, DATABASE_FILE),
      'this is not a database, just text that is long enough to be read',
    );
    const opened = openQuestionStore(dir);
    expect(opened.store).toBeNull();
    if (!opened.store) expect(opened.reason).toMatch(/is not a readable database .*move it aside/);
  });
});

describe('what the bot records', () => {
  it('records declined questions, normalised, but not greetings or answered questions', async () => {
    const store = open(await stateDir());
    const holder = await KnowledgeHolder.open(MINI_STORY_DIR, { maxUploadBytes: 1024 });
    const services = createServices({ holder, store, log: silentLogger(), commandPrefix: '!' });
    for (const q of [
      'What colour is the BRIDGE?',
      'what colour is the   bridge?',
      'hi',
      'how much will the bridge cost?',
    ]) {
      services.recordQuestion(answerQuestion(holder.current(), q), '1');
    }
    expect(store.report(10).declined.map((d) => [d.question, d.count])).toEqual([
      ['what colour is the bridge?', 2],
    ]);
  });

  it('keeps answering when the log fails', async () => {
    const store = open(await stateDir());
    store.close();
    const holder = await KnowledgeHolder.open(MINI_STORY_DIR, { maxUploadBytes: 1024 });
    const services = createServices({ holder, store, log: silentLogger(), commandPrefix: '!' });
    expect(() =>
      services.recordQuestion(answerQuestion(holder.current(), 'what colour is it?'), null),
    ).not.toThrow();
    expect(services.unansweredReport(5)).toBeNull();
  });
});
