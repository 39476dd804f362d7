/** The curator's tools as a person runs them: npm run draft, sentences and validate. */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MINI_STORY_DIR, tempDir } from './support/data.ts';
import { runScript } from './support/run.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('npm run draft', () => {
  it('writes a data folder from an article alone that validates, names its speakers, and lists its drafts', async () => {
    const work = await tempDir();
    cleanup = work.remove;
    const article = join(work.dir, 'riverton.txt');
    await copyFile(join(MINI_STORY_DIR, 'article.txt'), article);
    const out = join(work.dir, 'story');
    const drafted = await runScript('src/cli/draft.ts', [
      '--article',
      article,
      '--out',
      out,
      '--title',
      'Riverton footbridge',
      '--date',
      '2026-01-06',
    ]);
    expect(drafted.stderr).toBe('');
    expect(drafted.code).toBe(0);
    expect(drafted.stdout).toContain('People (2): Ana Lopez (Mayor), Tom Hale (Councillor).');
    expect(drafted.stdout).toMatch(/Quotes: 1 direct, \d+ reported, from 2 speakers\./);
    expect(drafted.stdout).toContain('It validates.');
    expect(await readFile(join(out, 'story.yaml'), 'utf8')).toContain('title: Riverton footbridge');
    // riverton.txt is held as the folder's article.txt.
    expect(await readFile(join(out, 'story.yaml'), 'utf8')).toContain('article: article.txt');
    expect(await readFile(join(out, 'article.txt'), 'utf8')).toContain('Riverton');

    const validated = await runScript('src/cli/validate.ts', ['--data', out]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/OK\. 6 Q&A entries \(6 drafts waiting for a person\)/);
    expect(validated.stdout).toContain(
      'warning: qa.yaml, entry "p2-s2": draft waiting for a person: check its question, alternates and answer, then delete `draft: true`',
    );

    const again = await runScript('src/cli/draft.ts', ['--article', article, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds data files');
  });

  it('says how to call it', async () => {
    const result = await runScript('src/cli/draft.ts', ['--article']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Usage: npm run draft -- --article FILE --out DIR/);
  });
});

describe('npm run sentences', () => {
  it('lists every paragraph and sentence id with its text, even when the data has problems', async () => {
    const work = await tempDir();
    cleanup = work.remove;
    await copyFile(join(MINI_STORY_DIR, 'article.txt'), join(work.dir, 'article.txt'));
    await writeFile(join(work.dir, 'story.yaml'), 'title: [unclosed\n');
    const result = await runScript('src/cli/sentences.ts', ['--data', work.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'p2  The bridge will cost 4.2 million pounds and open in 2026. “This bridge connects our two halves,” Lopez told reporters.',
        '  p2.s1  The bridge will cost 4.2 million pounds and open in 2026.',
        '  p2.s2  “This bridge connects our two halves,” Lopez told reporters.',
      ]),
    );
  });
});

describe('npm run validate on a folder of just story.yaml and the article', () => {
  it('loads it with a warning, and the bot answers from the article', async () => {
    const work = await tempDir();
    cleanup = work.remove;
    await copyFile(join(MINI_STORY_DIR, 'article.txt'), join(work.dir, 'article.txt'));
    await writeFile(
      join(work.dir, 'story.yaml'),
      'title: Riverton footbridge\nsource: Test\ndate: 2026-01-06\n',
    );
    const validated = await runScript('src/cli/validate.ts', ['--data', work.dir]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('quotes built from the article, people found in the article');
    expect(validated.stdout).toContain('warning: qa.yaml: no Q&A yet');
    const asked = await runScript('src/cli/ask.ts', ['--json', '--data', work.dir, 'what did lopez say?']);
    expect(JSON.parse(asked.stdout)).toMatchObject({
      answered: true,
      text: expect.stringContaining('This bridge connects our two halves'),
    });
  });
});
