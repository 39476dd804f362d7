/**
 * npm run --silent sentences [-- --data DIR]: every paragraph and sentence id of the article
 * with its text, for citing. Works even when the rest of the data has problems.
 */
import { articleOf } from '../core/article-file.ts';
import { readDataDir } from '../core/load.ts';
import { DataError, formatProblem } from '../core/problems.ts';
import { argsOrExit, configOrExit, fail } from './startup.ts';

const args = argsOrExit();
const dataDir = args.dataDir ?? (await configOrExit()).dataDir;
try {
  const { article } = articleOf(await readDataDir(dataDir));
  const lines: string[] = [];
  for (const paragraph of article.paragraphs) {
    lines.push(`${paragraph.id}  ${paragraph.text}`);
    for (const sentence of paragraph.sentences) lines.push(`  ${sentence.id}  ${sentence.text}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  fail(error.problems.map(formatProblem));
}
