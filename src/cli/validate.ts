/** npm run --silent validate -- [--data DIR]: every problem in a data folder, exit 1 if any. */
import { loadKnowledge } from '../core/load.ts';
import { DataError, formatProblem } from '../core/problems.ts';
import { argsOrExit, configOrExit } from './startup.ts';

const args = argsOrExit();
const config = await configOrExit();
const dataDir = args.dataDir ?? config.dataDir;
try {
  const kb = await loadKnowledge(dataDir);
  const c = kb.counts;
  process.stdout.write(
    `${dataDir}: OK. ${c.entries} Q&A entries, ${c.quotes} quotes, ${c.people} people, ${c.gaps} known gaps, ${c.topics} topics; article of ${c.paragraphs} paragraphs (${c.sentences} sentences), all covered. Version ${kb.version}.\n`,
  );
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  const n = error.problems.length;
  process.stdout.write(
    `${dataDir}: ${n} problem${n === 1 ? '' : 's'}:\n${error.problems.map(formatProblem).join('\n')}\n`,
  );
  process.exitCode = 1;
}
