/**
 * npm run bench: the answer engine against plain fuse.js and MiniSearch, in one run, on the same
 * questions. Accuracy (answerable answered right, out-of-scope declined), answer latency p50/p99,
 * index build time and memory. Then scale, beside MiniSearch over the same curated phrasings
 * (each entry's question and alternates): build time, heap, p50/p99 at 1,000, 10,000 and 100,000
 * synthetic entries, the cost of correcting a typo not seen before, the main thread's longest
 * pause during a 10,000-entry reload, and cold answers through `ask --json`.
 * Extra question sets: npm run bench -- --questions path/to/set.yaml; other sizes: --sizes 1000,5000
 */

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { answerQuestion } from '../src/core/engine.ts';
import { buildKnowledge, type DataFiles, type KnowledgeBase } from '../src/core/knowledge.ts';
import { readDataDir } from '../src/core/load.ts';
import { warmUpNow, warmUpQuestions } from '../src/core/warm-up.ts';
import { buildInWorker, stopBuildWorker } from '../src/services/knowledge-builder.ts';
import { KnowledgeHolder } from '../src/services/knowledge-holder.ts';
import { type EvalItem, loadEvalSet, measure as measureAccuracy } from '../tests/support/evaluation.ts';
import {
  buildMiniSearch,
  curatedPhrasings,
  MINISEARCH_SEARCH,
  miniSearchAnswer,
} from './curated-minisearch.ts';
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

// ---------------------------------------------------------------------------------------------
// Scale: synthetic knowledge bases, the engine beside MiniSearch over the same curated phrasings.

const sizesArg = process.argv.indexOf('--sizes');
const SIZES =
  sizesArg === -1
    ? [1000, 10_000, 100_000]
    : String(process.argv[sizesArg + 1])
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
/** The size whose reload stall is measured (a 10,000-entry qa.yaml is about 11 MB). */
const RELOAD_SIZE = 10_000;
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
const ms = (n: number): string => `${n.toFixed(0)} ms`;
const mb = (n: number): string => `${n.toFixed(1)} MB`;

/** Times one call; with the heap it left behind (garbage collected before and after). */
function timedBuild<T>(build: () => T): { value: T; buildMs: number; heapMb: number } {
  const before = heapUsed();
  const started = performance.now();
  const value = build();
  const buildMs = performance.now() - started;
  return { value, buildMs, heapMb: (heapUsed() - before) / 1024 / 1024 };
}

/**
 * The main thread's longest pause while `work` runs: a 1 ms interval timer records the largest
 * gap between its ticks (monitorEventLoopDelay samples and misses single long pauses).
 */
async function longestStall<T>(
  work: () => Promise<T> | T,
): Promise<{ value: T; stallMs: number; tookMs: number }> {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  last = started;
  longest = 0;
  const value = await work();
  const tookMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  return { value, stallMs: longest, tookMs };
}

/** Seconds one contender may spend on latency at one size; slow ones are timed on fewer questions. */
const LATENCY_BUDGET_MS = 8_000;

/**
 * latency(), on as many of the questions (evenly spread) as fit in the budget; a contender too
 * slow for warm-up and repeated passes is timed once per question, on fewer of them, and one
 * slower than a third of the budget a question is not timed further (its one question is given).
 */
function latencyWithin(
  answer: (q: string) => unknown,
  questions: readonly string[],
): { p50: number; p99: number; questions: number } {
  const probe: number[] = [];
  const probeStarted = performance.now();
  for (const q of questions) {
    const started = performance.now();
    answer(q);
    probe.push((performance.now() - started) * 1000);
    if (probe.length >= 20 || performance.now() - probeStarted > LATENCY_BUDGET_MS / 10) break;
  }
  const each = probe.reduce((a, b) => a + b, 0) / probe.length / 1000;
  const spread = (n: number): string[] => {
    const step = Math.max(1, Math.ceil(questions.length / Math.max(n, 1)));
    return questions.filter((_, i) => i % step === 0);
  };
  const repeated = Math.floor(LATENCY_BUDGET_MS / Math.max(each, 1e-6) / (WARM_UP_PASSES + PASSES));
  if (repeated >= 20) {
    const chosen = spread(repeated);
    return { ...latency(answer, chosen), questions: chosen.length };
  }
  if (each * 3 > LATENCY_BUDGET_MS) {
    const sorted = [...probe].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), questions: probe.length };
  }
  const chosen = spread(Math.floor(LATENCY_BUDGET_MS / each));
  const times = chosen.map((q) => {
    const started = performance.now();
    answer(q);
    return (performance.now() - started) * 1000;
  });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), questions: chosen.length };
}

/** The holder's warm-up before a swap: one question per turn of the event loop. */
async function warmUpInSteps(kb: KnowledgeBase): Promise<void> {
  for (const question of warmUpQuestions(kb)) {
    answerQuestion(kb, question);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Typos the corrector has not seen: a letter of a story word doubled, dropped or swapped. */
function unseenTypos(kb: KnowledgeBase, count: number): string[] {
  const words = new Set<string>();
  for (const entry of kb.entries) {
    for (const word of entry.question.toLowerCase().match(/[a-z]{6,}/g) ?? []) words.add(word);
    if (words.size > count * 4) break;
  }
  const typos: string[] = [];
  let i = 0;
  for (const word of words) {
    const at = 2 + (i % (word.length - 3));
    const typo =
      i % 3 === 0
        ? `${word.slice(0, at)}${word.slice(at + 1)}`
        : i % 3 === 1
          ? `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`
          : `${word.slice(0, at)}${word[at]}${word.slice(at)}`;
    i++;
    if (!kb.analyzer.vocabulary.has(typo) && !typos.includes(typo)) typos.push(typo);
    if (typos.length === count) break;
  }
  return typos;
}

/** Microseconds per call of `f` on each input, once each (every call a cache miss): p50, p99, max. */
function perCall(
  inputs: readonly string[],
  f: (input: string) => unknown,
): { p50: number; p99: number; max: number } {
  const times = inputs.map((input) => {
    const started = performance.now();
    f(input);
    return (performance.now() - started) * 1000;
  });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] ?? 0 };
}

interface ScaleRow {
  readonly entries: number;
  readonly engine: { buildMs: number; heapMb: number; p50: number; p99: number; questions: number };
  readonly mini: { buildMs: number; heapMb: number; p50: number; p99: number; questions: number };
  readonly correction: { engine: ReturnType<typeof perCall>; mini: ReturnType<typeof perCall> };
}

process.stdout.write(
  '\n## Scale: synthetic knowledge bases, engine vs MiniSearch over the same curated phrasings\n\n',
);
const evalQuestions = loadEvalSet('tests/eval/tuning/own.yaml').map((i) => i.q);
const rows: ScaleRow[] = [];
for (const size of SIZES) {
  const files = syntheticData(real, size);
  const asked = [...evalQuestions, ...syntheticQuestions(files, 500)];
  const engine = timedBuild(() => buildKnowledge(files));
  const kb = engine.value;
  warmUpNow(kb);
  const engineLatency = latencyWithin((q) => answerQuestion(kb, q), asked);
  const phrasings = curatedPhrasings(files);
  const mini = timedBuild(() => buildMiniSearch(phrasings));
  const miniLatency = latencyWithin((q) => miniSearchAnswer(mini.value, q), asked);
  const typos = unseenTypos(kb, 300);
  const correction = {
    engine: perCall(typos, (w) => kb.analyzer.vocabulary.correct(w)),
    mini: perCall(typos, (w) => mini.value.search(w, { fuzzy: MINISEARCH_SEARCH.fuzzy })),
  };
  rows.push({
    entries: size,
    engine: { buildMs: engine.buildMs, heapMb: engine.heapMb, ...engineLatency },
    mini: { buildMs: mini.buildMs, heapMb: mini.heapMb, ...miniLatency },
    correction,
  });
  const r = rows[rows.length - 1] as ScaleRow;
  process.stdout.write(
    [
      `${size} entries (${phrasings.length} curated phrasings, ${kb.index.termCount} terms, ${(Buffer.byteLength(files.get('qa.yaml') ?? '') / 1e6).toFixed(1)} MB of qa.yaml):`,
      `  build  engine ${ms(r.engine.buildMs)} (reads, validates, indexes), MiniSearch ${ms(r.mini.buildMs)} (indexes): ${ratio(r.engine.buildMs, r.mini.buildMs)}`,
      `  heap   engine ${mb(r.engine.heapMb)}, MiniSearch ${mb(r.mini.heapMb)}: ${ratio(r.engine.heapMb, r.mini.heapMb)}`,
      `  p50    engine ${us(r.engine.p50)}, MiniSearch ${us(r.mini.p50)}: ${ratio(r.engine.p50, r.mini.p50)} (over ${r.engine.questions} and ${r.mini.questions} questions)`,
      `  p99    engine ${us(r.engine.p99)}, MiniSearch ${us(r.mini.p99)}: ${ratio(r.engine.p99, r.mini.p99)}`,
      `  a typo not seen before, per word: engine p50 ${us(r.correction.engine.p50)} p99 ${us(r.correction.engine.p99)} max ${us(r.correction.engine.max)}; MiniSearch fuzzy lookup p50 ${us(r.correction.mini.p50)} p99 ${us(r.correction.mini.p99)} max ${us(r.correction.mini.max)}: p99 ${ratio(r.correction.engine.p99, r.correction.mini.p99)}`,
      '',
    ].join('\n'),
  );
}

// A reload through the real path (KnowledgeHolder: the worker reads, validates and builds; the
// main thread rebuilds it in steps, warms it up and swaps), against MiniSearch indexing the same
// phrasings on the main thread, each under the timer-drift probe.
process.stdout.write(`## Reload of ${RELOAD_SIZE} entries: the main thread's longest pause\n\n`);
{
  const dir = await mkdtemp(join(tmpdir(), 'story-bot-bench-'));
  try {
    for (const [name, text] of real) await writeFile(join(dir, name), text);
    const holder = await KnowledgeHolder.open(dir, { maxUploadBytes: 1024 * 1024 });
    const files = syntheticData(real, RELOAD_SIZE);
    for (const [name, text] of files) await writeFile(join(dir, name), text);
    const reload = await longestStall(() => holder.reload({ requestedBy: 'bench' }));
    const phrasings = curatedPhrasings(files);
    const mini = await longestStall(() => buildMiniSearch(phrasings));
    if (!reload.value.ok) {
      process.stdout.write(
        `the folder was refused (${reload.value.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}); ` +
          'measuring the same path with the files handed to the worker:\n',
      );
      const bytes = new Map([...files].map(([name, text]) => [name, new TextEncoder().encode(text)]));
      const direct = await longestStall(async () => {
        const kb = await buildInWorker(dir, { files: bytes });
        await warmUpInSteps(kb);
        return kb;
      });
      process.stdout.write(
        `engine: longest pause ${ms(direct.stallMs)} during a ${ms(direct.tookMs)} build and warm-up; MiniSearch: ${ms(mini.stallMs)} (it indexes on the main thread): ${ratio(direct.stallMs, mini.stallMs)}\n`,
      );
    } else {
      process.stdout.write(
        `engine: longest pause ${ms(reload.stallMs)} during a ${ms(reload.tookMs)} reload; MiniSearch: ${ms(mini.stallMs)} (it indexes on the main thread): ${ratio(reload.stallMs, mini.stallMs)}\n`,
      );
    }
  } finally {
    await stopBuildWorker();
    await rm(dir, { recursive: true, force: true });
  }
}

// Cold answers: the same path `ask --json` uses, a fresh process each, p99 of took_us from the
// second pass over the questions on; engine and MiniSearch in turn.
process.stdout.write('\n## Cold answers: ask --json, p99 from the second pass on\n\n');
{
  const PASSES_COLD = 4;
  const ROUNDS = 3;
  const input = `${Array.from({ length: PASSES_COLD }, () => evalQuestions.join('\n')).join('\n')}\n`;
  const p99FromSecondPass = (command: string[]): number => {
    const run = spawnSync(process.execPath, command, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.status !== 0) throw new Error(`${command.join(' ')} failed: ${run.stderr}`);
    const took = run.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { took_us: number }).took_us);
    const later = took.slice(evalQuestions.length).sort((a, b) => a - b);
    return percentile(later, 99);
  };
  const engine: number[] = [];
  const mini: number[] = [];
  const tuned: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    engine.push(p99FromSecondPass(['--import', 'tsx', 'src/cli/ask.ts', '--json']));
    mini.push(p99FromSecondPass(['--import', 'tsx', 'bench/minisearch-ask.ts']));
    tuned.push(p99FromSecondPass(['--import', 'tsx', 'bench/minisearch-ask.ts', '--tuned']));
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const runs = (xs: number[]): string => xs.map(us).join(', ');
  process.stdout.write(
    [
      `engine p99 ${us(median(engine))} (runs: ${runs(engine)})`,
      `MiniSearch p99 ${us(median(mini))} (runs: ${runs(mini)}): engine/MiniSearch ${ratio(median(engine), median(mini))}`,
      `MiniSearch tuned (stop words dropped, no prefix) p99 ${us(median(tuned))} (runs: ${runs(tuned)}): engine/tuned ${ratio(median(engine), median(tuned))}`,
      '',
    ].join('\n'),
  );
}
