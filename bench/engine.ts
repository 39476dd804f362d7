/**
 * npm run bench: the answer engine against plain fuse.js and MiniSearch, in one run, on the same
 * questions. Accuracy (answerable answered right, out-of-scope declined), answer latency p50/p99,
 * index build time and memory; then latency with synthetic knowledge bases of 1,000 and 10,000
 * entries. Extra question sets: npm run bench -- --questions path/to/set.yaml
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { answerQuestion } from '../src/core/engine.ts';
import { buildKnowledge, type DataFiles, type KnowledgeBase } from '../src/core/knowledge.ts';
import { readDataDir } from '../src/core/load.ts';
import { type EvalItem, loadEvalSet, measure as measureAccuracy } from '../tests/support/evaluation.ts';
import { syntheticData, syntheticQuestions } from './synthetic.ts';

const PASSES = 5;
/** Passes before timing, so every contender is measured after the JIT has settled. */
const WARM_UP_PASSES = 3;

interface Outcome {
  readonly answered: boolean;
  readonly text: string;
}

interface Contender {
  readonly name: string;
  build(): (question: string) => Outcome;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

interface Measured {
  readonly name: string;
  readonly answerable: number;
  readonly declined: number;
  readonly p50: number;
  readonly p99: number;
  readonly buildMs: number;
  readonly memoryMb: number;
}

function measure(contender: Contender, items: readonly EvalItem[]): Measured {
  const before = heapUsed();
  const started = performance.now();
  const answer = contender.build();
  const buildMs = performance.now() - started;
  const memoryMb = (heapUsed() - before) / 1024 / 1024;
  const accuracy = measureAccuracy(items, answer);
  const { p50, p99 } = latency(
    answer,
    items.map((i) => i.q),
  );
  return {
    name: contender.name,
    answerable: accuracy.answerable.rate,
    declined: accuracy.outOfScope.rate,
    p50,
    p99,
    buildMs,
    memoryMb,
  };
}

/**
 * Microseconds per question: each question's median over several passes (after warm-up passes,
 * with garbage collected first), then the p50 and p99 across questions.
 */
function latency(answer: (q: string) => unknown, questions: readonly string[]): { p50: number; p99: number } {
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const q of questions) answer(q);
  heapUsed();
  const runs: number[][] = questions.map(() => []);
  for (let pass = 0; pass < PASSES; pass++) {
    questions.forEach((q, i) => {
      const started = performance.now();
      answer(q);
      runs[i]?.push((performance.now() - started) * 1000);
    });
  }
  const medians = runs.map((times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number);
  medians.sort((a, b) => a - b);
  return { p50: percentile(medians, 50), p99: percentile(medians, 99) };
}

function sentencesOf(kb: KnowledgeBase): { id: string; text: string }[] {
  return kb.article.paragraphs.flatMap((p) => p.sentences.map((s) => ({ id: s.id, text: s.text })));
}

function contenders(files: DataFiles): Contender[] {
  const kb = buildKnowledge(files);
  const sentences = sentencesOf(kb);
  const fuse = (
    name: string,
    options: ConstructorParameters<typeof Fuse<{ id: string; text: string }>>[1],
  ): Contender => ({
    name,
    build() {
      const index = new Fuse(sentences, { keys: ['text'], ...options });
      return (q) => {
        const top = index.search(q, { limit: 1 })[0];
        return top ? { answered: true, text: top.item.text } : { answered: false, text: '' };
      };
    },
  });
  return [
    {
      name: 'story-bot engine',
      build() {
        const built = buildKnowledge(files);
        return (q) => answerQuestion(built, q);
      },
    },
    fuse('fuse.js, defaults', {}),
    fuse('fuse.js, ignoreLocation', { ignoreLocation: true }),
    fuse('fuse.js, ignoreLocation + useTokenSearch', { ignoreLocation: true, useTokenSearch: true }),
    {
      name: 'MiniSearch (BM25), fuzzy 0.2 + prefix',
      build() {
        const index = new MiniSearch<{ id: string; text: string }>({
          fields: ['text'],
          storeFields: ['text'],
        });
        index.addAll(sentences);
        return (q) => {
          const top = index.search(q, { fuzzy: 0.2, prefix: true })[0];
          return top ? { answered: true, text: String(top.text) } : { answered: false, text: '' };
        };
      },
    },
  ];
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
const us = (n: number): string => `${n.toFixed(0)} µs`;

function table(rows: readonly Measured[]): string {
  const header = ['', 'answerable right', 'out-of-scope declined', 'p50', 'p99', 'build', 'heap'];
  const lines = rows.map((r) => [
    r.name,
    pct(r.answerable),
    pct(r.declined),
    us(r.p50),
    us(r.p99),
    `${r.buildMs.toFixed(1)} ms`,
    `${r.memoryMb.toFixed(2)} MB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

const extra = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--questions' ? [arg] : []));
const sets = ['tests/eval/tuning/own.yaml', ...extra];
const real = await readDataDir('data');
if (!gc)
  process.stdout.write('(memory figures are rough: run with node --expose-gc for exact heap deltas)\n');

for (const set of sets) {
  const items = loadEvalSet(set);
  const answerable = items.filter((i) => i.expect === 'answer').length;
  process.stdout.write(
    `\n## ${set}: ${items.length} questions (${answerable} answerable, ${items.length - answerable} out of scope)\n\n`,
  );
  const rows = contenders(real).map((c) => measure(c, items));
  process.stdout.write(`${table(rows)}\n`);
  const engine = rows[0] as Measured;
  const mini = rows.find((r) => r.name.startsWith('MiniSearch')) as Measured;
  process.stdout.write(
    `\nengine p99 ${us(engine.p99)} vs MiniSearch p99 ${us(mini.p99)}: ${engine.p99 <= mini.p99 ? 'at or below' : 'ABOVE'} MiniSearch\n`,
  );
}

process.stdout.write('\n## How answering scales with the size of the knowledge base\n\n');
const sizes = [real, syntheticData(real, 1000), syntheticData(real, 10_000)];
const questions = loadEvalSet('tests/eval/tuning/own.yaml').map((i) => i.q);
const lines: string[] = [];
for (const files of sizes) {
  const before = heapUsed();
  const started = performance.now();
  const kb = buildKnowledge(files);
  const buildMs = performance.now() - started;
  const memoryMb = (heapUsed() - before) / 1024 / 1024;
  const asked = [...questions, ...syntheticQuestions(files, 500)];
  const { p50, p99 } = latency((q) => answerQuestion(kb, q), asked);
  lines.push(
    `${String(kb.counts.entries).padStart(6)} entries, ${String(kb.index.termCount).padStart(6)} terms: build ${buildMs.toFixed(0).padStart(5)} ms, heap ${memoryMb.toFixed(1).padStart(6)} MB, answer p50 ${us(p50).padStart(8)}, p99 ${us(p99).padStart(8)}`,
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
