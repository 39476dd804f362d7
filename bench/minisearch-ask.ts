/**
 * `ask --json` for MiniSearch over the curated phrasings (bench/curated-minisearch.ts): one
 * question per line on stdin, one JSON line out with took_us timed around the search, as
 * src/cli/ask.ts times the engine. The benchmark's cold-answer comparison runs both.
 * node --import tsx bench/minisearch-ask.ts [--data DIR] [--tuned] < questions.txt
 */
import { createInterface } from 'node:readline';
import { readDataDir } from '../src/core/load.ts';
import {
  buildMiniSearch,
  curatedPhrasings,
  MINISEARCH_SEARCH,
  miniSearchAnswer,
  TUNED_SEARCH,
} from './curated-minisearch.ts';

const at = process.argv.indexOf('--data');
const dir = at === -1 ? 'data' : (process.argv[at + 1] ?? 'data');
/** --tuned: stop words dropped, fuzzy without prefix (see curated-minisearch.ts). */
const tuned = process.argv.includes('--tuned');
const index = buildMiniSearch(curatedPhrasings(await readDataDir(dir)), tuned);
const options = tuned ? TUNED_SEARCH : MINISEARCH_SEARCH;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  if (line.trim().length === 0) continue;
  const started = process.hrtime.bigint();
  const answer = miniSearchAnswer(index, line, options);
  const tookMicros = Number((process.hrtime.bigint() - started) / 1000n);
  process.stdout.write(
    `${JSON.stringify({ question: line, answered: answer.answered, id: answer.id, took_us: tookMicros })}\n`,
  );
}
