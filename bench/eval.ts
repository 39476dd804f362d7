/**
 * npm run eval -- SET.yaml [SET2.yaml ...] [--data DIR] [--failures]
 *
 * Accuracy of the engine on question sets (tests/eval format): answerable questions answered
 * right, out-of-scope questions declined, and the rate per tag. Follow-ups are answered after
 * their context, as `ask --json` does with {"question", "context"} lines. --failures lists what
 * went wrong (use it on tuning sets only: a held-out set is for measuring, not for reading).
 */
import { answerAfter } from '../src/core/engine.ts';
import { buildKnowledge } from '../src/core/knowledge.ts';
import { readDataDir } from '../src/core/load.ts';
import { loadEvalSet, measure } from '../tests/support/evaluation.ts';

const args = process.argv.slice(2);
const dataAt = args.indexOf('--data');
const dataDir = dataAt === -1 ? 'data' : (args[dataAt + 1] ?? 'data');
const showFailures = args.includes('--failures');
const sets = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--data');
if (sets.length === 0) {
  process.stderr.write('Usage: npm run eval -- SET.yaml [...] [--data DIR] [--failures]\n');
  process.exit(1);
}
const kb = buildKnowledge(await readDataDir(dataDir));
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
for (const set of sets) {
  const items = loadEvalSet(set);
  const accuracy = measure(items, (q, context) => answerAfter(kb, q, context));
  const { answerable: a, outOfScope: d } = accuracy;
  process.stdout.write(
    `${set}: answerable ${a.right}/${a.total} = ${pct(a.rate)}, declined ${d.right}/${d.total} = ${pct(d.rate)}\n`,
  );
  const tags = [...accuracy.byTag].map(([tag, r]) => `${tag} ${r.right}/${r.total}`).join(', ');
  process.stdout.write(`  ${tags}\n`);
  if (showFailures) {
    for (const { item, text } of accuracy.failures) {
      const context = item.context?.length ? `(${item.context.join(' | ')}) ` : '';
      process.stdout.write(
        `[${item.tag}/${item.expect}] ${context}${item.q}\n    -> ${text.replace(/\s+/g, ' ').slice(0, 180)}\n`,
      );
    }
  }
}
