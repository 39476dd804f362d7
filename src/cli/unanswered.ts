/**
 * npm run --silent unanswered [-- --limit N] [--story ID] [--json]: the questions the bot declined
 * most often and the answers marked "not what I asked", from the question log in STATE_DIR (of one
 * story's questions with --story).
 */
import type { UnansweredReport } from '../commands/types.ts';
import { openQuestionStore } from '../services/sqlite-question-store.ts';
import { argsOrExit, configOrExit, fail } from './startup.ts';

const args = argsOrExit();
const config = await configOrExit();
const limitIndex = process.argv.indexOf('--limit');
const limit = limitIndex === -1 ? 20 : Number(process.argv[limitIndex + 1]);
if (!Number.isInteger(limit) || limit < 1) fail(['--limit needs a whole number, e.g. --limit 20']);
const storyIndex = process.argv.indexOf('--story');
const story = storyIndex === -1 ? null : (process.argv[storyIndex + 1] ?? '');
if (story === '') fail(['--story needs a story id, e.g. --story data']);
// Unlike the bot, the command line may wait a moment for a shard that is writing.
let report: UnansweredReport;
try {
  const store = openQuestionStore(config.stateDir, { busyTimeoutMs: 2000 });
  report = store.report('all', limit, story);
  store.close();
} catch (error) {
  fail([`The question log cannot be read: ${(error as Error).message}`]);
}

if (args.flags.has('json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const lines = ['Declined most often (add a gap or an alternate):'];
  if (report.declined.length === 0) lines.push('  (none yet)');
  for (const d of report.declined)
    lines.push(`  ${String(d.count).padStart(4)}×  ${d.question}   (last ${d.lastSeen})`);
  lines.push('', 'Answers marked "not what I asked":');
  if (report.misanswered.length === 0) lines.push('  (none yet)');
  for (const m of report.misanswered) {
    lines.push(`  ${String(m.notHelpful).padStart(4)}×  ${m.entryId} (helpful ${m.helpful})`);
    for (const example of m.examples) lines.push(`         “${example}”`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
