import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/core/engine.ts';
import { MAX_DATA_FILE_BYTES, readDataDir } from '../src/core/load.ts';
import { DataError } from '../src/core/problems.ts';
import { KnowledgeHolder, type ReloadOutcome } from '../src/services/knowledge-holder.ts';
import { ALIAS_BOMB, copyOfData } from './support/data.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function holderOnCopy(onReload?: (o: ReloadOutcome) => void) {
  const data = await copyOfData();
  cleanup = data.remove;
  const holder = await KnowledgeHolder.open(data.dir, {
    maxUploadBytes: 64 * 1024,
    ...(onReload ? { onReload } : {}),
  });
  return { data, holder };
}

const upload = (name: string, content: string) => ({
  name,
  size: Buffer.byteLength(content),
  read: async () => content,
});

describe('reloading the knowledge base', () => {
  it('swaps in edited data and reports what changed', async () => {
    const { data, holder } = await holderOnCopy();
    const before = holder.current();
    await data.edit('qa.yaml', (t) =>
      t.replace(
        'The bridge will cost 4.2 million pounds.',
        'It will cost 4.2 million pounds, the council says.',
      ),
    );
    await data.edit('qa.yaml', (t) => t.replace(/ {2}- id: who-is-lopez[\s\S]*$/, ''));
    const outcome = await holder.reload({ requestedBy: 'mod' });
    expect(outcome).toMatchObject({
      ok: true,
      previousVersion: before.version,
      changes: { added: [], removed: ['who-is-lopez'], edited: ['bridge-cost'] },
    });
    expect(holder.current()).not.toBe(before);
    expect(answerQuestion(holder.current(), 'how much will the bridge cost').text).toContain(
      'the council says',
    );
  });

  it('keeps the old data live, untouched, when the new data has problems, and lists them all', async () => {
    const { data, holder } = await holderOnCopy();
    const before = holder.current();
    await data.edit('qa.yaml', (t) => t.replace('cites: [p3.s1]', 'cites: [p9]'));
    await data.edit('quotes.yaml', (t) => t.replace('speaker: hale', 'speaker: nobody'));
    const outcome = await holder.reload({ requestedBy: 'mod' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ file: 'qa.yaml', entry: 'hale-vote', field: 'cites[0]' }),
          expect.objectContaining({ file: 'quotes.yaml', entry: 'hale-too-expensive', field: 'speaker' }),
          expect.objectContaining({
            file: 'qa.yaml',
            message: expect.stringMatching(/paragraph p3 is covered by no entry/),
          }),
        ]),
      );
    }
    expect(holder.current()).toBe(before);
    expect(answerQuestion(holder.current(), 'who voted against the bridge').answered).toBe(true);
  });

  it('answers from the old data while a reload is building the new one', async () => {
    const { data, holder } = await holderOnCopy();
    const before = holder.current();
    await data.edit('story.yaml', (t) => t.replace('Riverton approves', 'Riverton backs'));
    const reload = holder.reload({ requestedBy: 'mod' });
    expect(holder.current()).toBe(before);
    await reload;
    expect(holder.current().story.title).toBe('Riverton backs Alder River footbridge');
  });

  it('runs reloads one at a time, in order, and lets plain reloads waiting together share a run', async () => {
    const runs: ReloadOutcome[] = [];
    const { data, holder } = await holderOnCopy((o) => runs.push(o));
    const story = await readFile(join(data.dir, 'story.yaml'), 'utf8');
    const first = holder.reload({
      requestedBy: '1',
      file: upload('story.yaml', story.replace('Riverton approves', 'Riverton okays')),
    });
    const second = holder.reload({ requestedBy: '2' });
    const third = holder.reload({ requestedBy: '3' });
    expect(second).toBe(third);
    await Promise.all([first, second]);
    expect(runs.map((r) => r.ok)).toEqual([true, true]);
    expect(holder.current().story.title).toBe('Riverton okays Alder River footbridge');
  });
});

describe('replacing a data file by upload', () => {
  it('writes the file atomically only when the whole folder validates, keeping a backup', async () => {
    const { data, holder } = await holderOnCopy();
    const original = await readFile(join(data.dir, 'gaps.yaml'), 'utf8');
    const next = original.replace(
      "The article doesn't give the bridge's length.",
      'The length is not given.',
    );
    const outcome = await holder.reload({ requestedBy: 'mod', file: upload('gaps.yaml', next) });
    expect(outcome).toMatchObject({
      ok: true,
      replacedFile: 'gaps.yaml',
      changes: { edited: ['gap-bridge-length'] },
    });
    expect(await readFile(join(data.dir, 'gaps.yaml'), 'utf8')).toBe(next);
    expect(await readFile(join(data.dir, 'gaps.yaml.bak'), 'utf8')).toBe(original);
    expect((await readdir(data.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when the upload breaks the data, and says why', async () => {
    const { data, holder } = await holderOnCopy();
    const before = holder.current();
    const original = await readFile(join(data.dir, 'quotes.yaml'), 'utf8');
    const outcome = await holder.reload({
      requestedBy: 'mod',
      file: upload('quotes.yaml', original.replace('speaker: lopez', 'speaker: ghost')),
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems[0]).toMatchObject({
        file: 'quotes.yaml',
        entry: 'lopez-connects',
        field: 'speaker',
      });
    expect(await readFile(join(data.dir, 'quotes.yaml'), 'utf8')).toBe(original);
    expect(holder.current()).toBe(before);
  });

  it('refuses files that are not data files, and files over the size limit', async () => {
    const { holder } = await holderOnCopy();
    const wrongName = await holder.reload({ requestedBy: 'mod', file: upload('../../etc/passwd', 'x') });
    const tooBig = await holder.reload({
      requestedBy: 'mod',
      file: upload('qa.yaml', 'x'.repeat(70 * 1024)),
    });
    expect(wrongName.ok || tooBig.ok).toBe(false);
    if (!wrongName.ok) expect(wrongName.problems[0]?.message).toMatch(/is not one of the data files/);
    if (!tooBig.ok)
      expect(tooBig.problems[0]?.message).toMatch(/over the upload limit of 65,536 bytes \(MAX_UPLOAD_KB\)/);
  });

  it('names the file of a YAML alias bomb, not the folder', async () => {
    const { data, holder } = await holderOnCopy();
    const original = await readFile(join(data.dir, 'glossary.yaml'), 'utf8');
    const outcome = await holder.reload({
      requestedBy: 'mod',
      file: upload('glossary.yaml', `${original}\n${ALIAS_BOMB}`),
    });
    expect(outcome).toMatchObject({
      ok: false,
      problems: [{ file: 'glossary.yaml', message: expect.stringMatching(/YAML aliases .* maxAliasCount/) }],
    });
    expect(await readFile(join(data.dir, 'glossary.yaml'), 'utf8')).toBe(original);
  });

  it('refuses an upload the loader would refuse at start, with the loader’s own message', async () => {
    const { data } = await holderOnCopy();
    const holder = await KnowledgeHolder.open(data.dir, { maxUploadBytes: MAX_DATA_FILE_BYTES });
    const big = `# ${'x'.repeat(MAX_DATA_FILE_BYTES)}\n`;
    const declared = await holder.reload({ requestedBy: 'mod', file: upload('qa.yaml', big) });
    // An upload that claims to be small is measured as it is read.
    const understated = await holder.reload({
      requestedBy: 'mod',
      file: { name: 'qa.yaml', size: 1024, read: async () => big },
    });
    await writeFile(join(data.dir, 'qa.yaml'), big);
    const atStart = await readDataDir(data.dir).then(
      () => null,
      (error: unknown) => (error instanceof DataError ? error.problems : null),
    );
    expect(atStart).toEqual([
      expect.objectContaining({ file: 'qa.yaml', message: expect.stringMatching(/16 MB limit/) }),
    ]);
    expect(declared).toMatchObject({ ok: false, problems: atStart });
    expect(understated).toMatchObject({ ok: false, problems: atStart });
  });
});
