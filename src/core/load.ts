/**
 * Reading a data folder from disk. Everything after reading is pure (knowledge.ts).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import YAML from 'yaml';
import { buildKnowledge, type DataFiles, type KnowledgeBase } from './knowledge.ts';
import { fileTooLarge, MAX_DATA_FILE_BYTES } from './limits.ts';
import { DataError, type DataProblem } from './problems.ts';
import { DATA_SUBFOLDERS } from './validate.ts';

export { fileTooLarge, MAX_DATA_FILE_BYTES } from './limits.ts';

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
    const path = join(dir, name);
    const { size } = await stat(path);
    if (size > MAX_DATA_FILE_BYTES) throw new DataError([fileTooLarge(name, size)]);
    const content = await readFile(path);
    files.set(name, content.toString('utf8'));
  }
  return files;
}

/** The yaml package's own cap on alias expansions (its maxAliasCount), which validation runs under. */
const MAX_YAML_ALIASES = 100;

/**
 * Runs `work` on the files (validating or building them), with the failures it does not put in
 * words named too: a YAML "alias bomb" (aliases of aliases that would expand to millions of
 * nodes) is stopped by the yaml package with a bare ReferenceError; this finds the file and says
 * what is wrong with it, as a DataError.
 */
export function namingAliasBombs<T>(files: DataFiles, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DataError) throw error;
    const problems = aliasBombs(files);
    if (problems.length > 0) throw new DataError(problems);
    throw error;
  }
}

/** buildKnowledge, an alias bomb named as a problem of its file. */
export function buildChecked(files: DataFiles): KnowledgeBase {
  return namingAliasBombs(files, () => buildKnowledge(files));
}

function aliasBombs(files: DataFiles): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const [name, text] of files) {
    if (!/\.ya?ml$/.test(name) || !text.includes('*')) continue;
    try {
      YAML.parseDocument(text).toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (error) {
      if (!(error instanceof ReferenceError)) continue;
      problems.push({
        file: name,
        message: `its YAML aliases (*name) expand too far (over ${MAX_YAML_ALIASES} copies, the yaml package's maxAliasCount), as in a "billion laughs" attack: write the values out instead of aliasing them`,
      });
    }
  }
  return problems;
}

/** Reads and builds; throws DataError listing every problem. */
export async function loadKnowledge(dir: string): Promise<KnowledgeBase> {
  return buildChecked(await readDataDir(dir));
}
