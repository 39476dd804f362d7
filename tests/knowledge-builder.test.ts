import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/core/engine.ts';
import { readDataDir } from '../src/core/load.ts';
import { DataError } from '../src/core/problems.ts';
import { buildInWorker, stopBuildWorker } from '../src/services/knowledge-builder.ts';
import { KnowledgeHolder } from '../src/services/knowledge-holder.ts';
import { copyOfData, DATA_DIR, knowledgeOf, ROOT } from './support/data.ts';
import { loadEvalSet } from './support/evaluation.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('building in the worker thread', () => {
  it('builds a knowledge base that answers every evaluation question as one built here', async () => {
    const here = await knowledgeOf(DATA_DIR);
    const there = await buildInWorker(DATA_DIR);
    expect(there).not.toBe(here);
    expect(there.version).toBe(here.version);
    expect(there.counts).toEqual(here.counts);
    for (const item of loadEvalSet(`${ROOT}/tests/eval/tuning/own.yaml`)) {
      expect(answerQuestion(there, item.q)).toEqual(answerQuestion(here, item.q));
    }
  });

  it('builds files given to it, with uploads in place of the folder’s', async () => {
    const files = await readDataDir(DATA_DIR);
    const story = (files.get('story.yaml') ?? '').replace(/^title: .*$/m, 'title: Another title');
    const kb = await buildInWorker('unused', {
      files: new Map([...files].map(([name, text]) => [name, new TextEncoder().encode(text)])),
      replace: new Map([['story.yaml', story]]),
    });
    expect(kb.story.title).toBe('Another title');
  });

  it('reports every problem of bad data', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('qa.yaml', (t) => t.replace('cites: [p3.s1]', 'cites: [p9]'));
    await data.edit('quotes.yaml', (t) => t.replace('speaker: hale', 'speaker: nobody'));
    const error = await buildInWorker(data.dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'qa.yaml', field: 'cites[0]' }),
        expect.objectContaining({ file: 'quotes.yaml', field: 'speaker' }),
      ]),
    );
  });

  it('refuses a build whose worker stops, and builds again with a new one', async () => {
    const build = buildInWorker(DATA_DIR);
    await stopBuildWorker();
    await expect(build).rejects.toThrow(/build worker exited/);
    expect((await buildInWorker(DATA_DIR)).counts.paragraphs).toBe(9);
  });
});

describe('a reload whose build crashes', () => {
  it('is refused, and the old data stays live', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    const holder = await KnowledgeHolder.open(data.dir, { maxUploadBytes: 64 * 1024 });
    const before = holder.current();
    await data.edit('story.yaml', (t) => t.replace('Riverton approves', 'Riverton backs'));
    const reload = holder.reload({ requestedBy: 'mod' });
    // The reload has asked the worker to build (a worker takes far longer than this to start).
    await new Promise((resolve) => setImmediate(resolve));
    await stopBuildWorker();
    const outcome = await reload;
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]?.message).toMatch(/build worker exited/);
    expect(holder.current()).toBe(before);
    expect((await holder.reload({ requestedBy: 'mod' })).ok).toBe(true);
    expect(holder.current().story.title).toBe('Riverton backs Alder River footbridge');
  });
});
