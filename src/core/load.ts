/**
 * Reading a data folder from disk. Everything after reading is pure (knowledge.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildKnowledge, type DataFiles, type KnowledgeBase } from './knowledge.ts';
import { DataError } from './problems.ts';
import { DATA_SUBFOLDERS } from './validate.ts';

/** Data files are small; anything bigger is a mistake (a pasted binary, a runaway export). */
export const MAX_DATA_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads every .yaml and .txt file in a folder, and the .yaml files in its qa/ and gaps/
 * sub-folders (named "qa/people.yaml"), into memory.
 */
export async function readDataDir(dir: string): Promise<DataFiles> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.(ya?ml|txt)$/.test(name));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new DataError([{ file: dir, message: `the data folder ${reason}: check DATA_DIR or --data` }]);
  }
  for (const sub of DATA_SUBFOLDERS) {
    try {
      const inside = await readdir(join(dir, sub));
      names.push(...inside.filter((name) => /\.ya?ml$/.test(name)).map((name) => `${sub}/${name}`));
    } catch {
      // No such sub-folder: the story keeps its Q&A (or gaps) in one file, or has none.
    }
  }
  const files = new Map<string, string>();
  for (const name of names.sort()) {
    const content = await readFile(join(dir, name));
    if (content.length > MAX_DATA_FILE_BYTES) {
      throw new DataError([
        { file: name, message: `file is larger than ${MAX_DATA_FILE_BYTES} bytes: is it the right file?` },
      ]);
    }
    files.set(name, content.toString('utf8'));
  }
  return files;
}

/** Reads and builds; throws DataError listing every problem. */
export async function loadKnowledge(dir: string): Promise<KnowledgeBase> {
  return buildKnowledge(await readDataDir(dir));
}
