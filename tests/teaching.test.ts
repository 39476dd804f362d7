/**
 * The teaching service over a real knowledge holder and a temp copy of the shipped data: what it
 * writes, what it refuses to write, what it logs, and that the bot then answers as taught.
 */
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/core/engine.ts';
import { loadKnowledge } from '../src/core/load.ts';
import { createLogger, silentLogger } from '../src/log.ts';
import { KnowledgeHolder } from '../src/services/knowledge-holder.ts';
import { createTeaching, type Teaching, teachingCandidates } from '../src/services/teaching.ts';
import { copyOfData, DATA_DIR } from './support/data.ts';

/** Declined by the shipped data; the Russia-and-peacekeepers entry is where it belongs. */
const DECLINED = 'would the russians tolerate french and british boots in ukraine';
const ENTRY = 'russia-rejects-peacekeepers';

let data: Awaited<ReturnType<typeof copyOfData>>;
let holder: KnowledgeHolder;
let teaching: Teaching;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  data = await copyOfData(DATA_DIR);
  holder = await KnowledgeHolder.open(data.dir, { maxUploadBytes: 512 * 1024 });
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
  });
  teaching = createTeaching({
    dataDir: data.dir,
    knowledge: () => holder.current(),
    reload: async (request) => ({ outcome: await holder.reload(request), shards: [] }),
    log: createLogger({ level: 'info', secrets: [], stream }),
  });
});

afterAll(async () => {
  await data?.remove();
});

const qaYaml = () => readFile(join(data.dir, 'qa.yaml'), 'utf8');
const gapsYaml = () => readFile(join(data.dir, 'gaps.yaml'), 'utf8');

describe('teaching an alternate', () => {
  it('writes it to the entry, keeps the file’s comments, and the bot answers the new phrasing with it', async () => {
    expect(answerQuestion(holder.current(), DECLINED).answered).toBe(false);
    const before = await qaYaml();
    const result = await teaching.addAlternate({ entryId: ENTRY, question: DECLINED, by: 'studio test' });
    expect(result).toMatchObject({
      ok: true,
      taken: true,
      change: { kind: 'alternate', file: 'qa.yaml', entryId: ENTRY },
    });
    const after = await qaYaml();
    expect(after.length).toBeGreaterThan(before.length);
    expect(after).toContain(`      - ${DECLINED}\n`);
    expect(after.replace(`      - ${DECLINED}\n`, '')).toBe(before);
    // Live at once, and what a restarted bot would load says the same.
    expect(answerQuestion(holder.current(), DECLINED).id).toBe(ENTRY);
    expect(answerQuestion(await loadKnowledge(data.dir), DECLINED).id).toBe(ENTRY);
  });

  it('logs who taught what to which entry', () => {
    const line = logLines.find((l) => l.msg === 'teaching: alternate added');
    expect(line).toMatchObject({
      by: 'studio test',
      entryId: ENTRY,
      file: 'qa.yaml',
      changed: { alternates: { added: DECLINED } },
    });
  });

  it('never writes a folder that would fail validation: another entry’s question is refused, the file untouched', async () => {
    const before = await qaYaml();
    const version = holder.current().version;
    const taken = holder.current().entryById.get('who-is-lavrov')?.question as string;
    const result = await teaching.addAlternate({ entryId: ENTRY, question: taken, by: 'studio test' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message).join('\n')).toContain(
      `"${taken}" is also a question of entry`,
    );
    expect(await qaYaml()).toBe(before);
    expect(holder.current().version).toBe(version);
    expect(logLines.some((l) => l.msg === 'teaching refused; nothing written' && l.entryId === ENTRY)).toBe(
      true,
    );
  });

  it('refuses unknown entries, repeats and empty questions with a reason, writing nothing', async () => {
    const before = await qaYaml();
    const unknown = await teaching.addAlternate({
      entryId: 'no-such-entry',
      question: 'hello there',
      by: 't',
    });
    const repeat = await teaching.addAlternate({ entryId: ENTRY, question: DECLINED.toUpperCase(), by: 't' });
    const empty = await teaching.addAlternate({ entryId: ENTRY, question: '  ?! ', by: 't' });
    expect(unknown.ok || repeat.ok || empty.ok).toBe(false);
    const reasons = [unknown, repeat, empty].map((r) =>
      r.ok ? '' : r.problems.map((p) => p.message).join(),
    );
    expect(reasons[0]).toMatch(/no Q&A entry has id "no-such-entry"/);
    expect(reasons[1]).toMatch(/is already a phrasing of this entry/);
    expect(reasons[2]).toMatch(/has no words/);
    expect(await qaYaml()).toBe(before);
  });
});

describe('teaching a known gap', () => {
  it('adds a gap with an honest reply; the bot then declines the question with it', async () => {
    const question = 'what colour are the flags outside downing street';
    const before = await gapsYaml();
    const result = await teaching.addGap({ question, by: 'discord mod (1)' });
    expect(result).toMatchObject({ ok: true, taken: true, change: { kind: 'gap', file: 'gaps.yaml' } });
    if (!result.ok) return;
    const after = await gapsYaml();
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toContain(
      `id: ${result.change.entryId}\n    question: What colour are the flags outside downing street\n`,
    );
    const answer = answerQuestion(holder.current(), question);
    expect(answer).toMatchObject({ answered: false, reason: 'known-gap', id: result.change.entryId });
    expect(answer.text).toMatch(/^The article doesn't say/);
  });

  it('gives each new gap its own id', async () => {
    const first = await teaching.addGap({ question: 'is it raining in london', by: 't' });
    const second = await teaching.addGap({
      question: 'Is it raining in London?!',
      by: 't',
      reply: 'The article says nothing about the weather.',
    });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.change.entryId).toBe(`${first.change.entryId}-2`);
    expect(holder.current().gapById.get(second.change.entryId)?.reply).toBe(
      'The article says nothing about the weather.',
    );
  });
});

describe('candidates to teach with', () => {
  it('lists the engine’s answer and suggestions as Q&A entries, best first, each once', () => {
    const kb = holder.current();
    const answer = answerQuestion(kb, 'how much is the uk spending on defence?');
    const candidates = teachingCandidates(kb, answer);
    expect(answer.kind).toBe('qa');
    expect(candidates[0]).toMatchObject({ id: answer.id, via: 'answer', score: answer.confidence });
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining(answer.suggestions.map((s) => s.id)));
    expect(new Set(candidates.map((c) => c.id)).size).toBe(candidates.length);
    expect(candidates.every((c) => kb.entryById.has(c.id))).toBe(true);
  });
});

describe('teaching a folder split over qa/ and without gaps.yaml', () => {
  it('writes the alternate into the entry’s own file in qa/, and starts gaps.yaml for the first gap', async () => {
    const split = await copyOfData(DATA_DIR);
    try {
      await mkdir(join(split.dir, 'qa'));
      await rename(join(split.dir, 'qa.yaml'), join(split.dir, 'qa', 'all.yaml'));
      await rm(join(split.dir, 'gaps.yaml'));
      const splitHolder = await KnowledgeHolder.open(split.dir, { maxUploadBytes: 512 * 1024 });
      const splitTeaching = createTeaching({
        dataDir: split.dir,
        knowledge: () => splitHolder.current(),
        reload: async (request) => ({ outcome: await splitHolder.reload(request), shards: [] }),
        log: silentLogger(),
      });
      const before = await readFile(join(split.dir, 'qa', 'all.yaml'), 'utf8');
      const taught = await splitTeaching.addAlternate({ entryId: ENTRY, question: DECLINED, by: 't' });
      expect(taught).toMatchObject({ ok: true, taken: true, change: { file: 'qa/all.yaml' } });
      expect(
        (await readFile(join(split.dir, 'qa', 'all.yaml'), 'utf8')).replace(`      - ${DECLINED}\n`, ''),
      ).toBe(before);

      const gap = await splitTeaching.addGap({ question: 'is it raining in london', by: 't' });
      expect(gap).toMatchObject({ ok: true, taken: true, change: { file: 'gaps.yaml' } });
      expect(await readFile(join(split.dir, 'gaps.yaml'), 'utf8')).toMatch(
        /^# .*\ngaps:\n {2}- id: gap-is-it-raining-in-london\n/,
      );
      expect(answerQuestion(await loadKnowledge(split.dir), 'is it raining in london').reason).toBe(
        'known-gap',
      );
    } finally {
      await split.remove();
    }
  });
});
