/** Test data helpers: the real data folder, the mini-story fixture, and throwaway copies to break. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildKnowledge, type KnowledgeBase } from '../../src/core/knowledge.ts';
import { readDataDir } from '../../src/core/load.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DATA_DIR = join(ROOT, 'data');
export const MINI_STORY_DIR = join(ROOT, 'tests/fixtures/mini-story');

const cache = new Map<string, KnowledgeBase>();

/** Builds (once per folder per test file) the knowledge base of a data folder. */
export async function knowledgeOf(dir: string): Promise<KnowledgeBase> {
  let kb = cache.get(dir);
  if (!kb) {
    kb = buildKnowledge(await readDataDir(dir));
    cache.set(dir, kb);
  }
  return kb;
}

/** A copy of a data folder in a temp dir, to edit; remove() deletes it. */
export async function copyOfData(from: string = MINI_STORY_DIR): Promise<{
  dir: string;
  edit(file: string, change: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'story-bot-data-'));
  await cp(from, dir, { recursive: true });
  return {
    dir,
    async edit(file, change) {
      const path = join(dir, file);
      const before = await readFile(path, 'utf8');
      const after = change(before);
      if (after === before)
        throw new Error(`edit of ${file} changed nothing: the test's pattern no longer matches`);
      await writeFile(path, after);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** An empty temp folder (for STATE_DIR); remove() deletes it. */
export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'story-bot-state-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A "billion laughs" YAML: nine levels of nine aliases, a few lines that would expand to 387 million nodes. */
export const ALIAS_BOMB = [
  'lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ...Array.from({ length: 8 }, (_, i) => `lol${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`),
  '',
].join('\n');
