/**
 * npm run bench:stories [-- --stories 500] [--entries 20]: many stories behind one bot. Builds
 * N synthetic stories of E entries each (bench/synthetic.ts, each from its own seed), then
 * measures the build (time, heap), the shared vocabulary index (build time, heap), and routing a
 * question that names no story: its own phrasings of random stories, answered by the shortlisted
 * stories only (p50, p99, how often the right story answered), beside asking every story's engine
 * (a few questions only: that is what the shortlist avoids). The run is bounded: the build stops
 * adding stories after BUILD_BUDGET_MS and says so.
 */
import { converse } from '../src/core/engine.ts';
import { buildKnowledge, type KnowledgeBase } from '../src/core/knowledge.ts';
import { readDataDir } from '../src/core/load.ts';
import { type RoutableStory, routeQuestion, StoryRouter } from '../src/core/story-router.ts';
import { syntheticData, syntheticQuestions } from './synthetic.ts';

const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const n = i === -1 ? fallback : Number(process.argv[i + 1]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const STORIES = flag('stories', 500);
const ENTRIES = flag('entries', 20);
const QUESTIONS = flag('questions', 400);
/** Questions asked of every story's engine, for comparison (each costs STORIES answers). */
const NAIVE_QUESTIONS = flag('naive', 10);
const BUILD_BUDGET_MS = 180_000;

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
const fixed = (n: number, digits = 2): string => n.toFixed(digits);

const real = await readDataDir('data');
// The engine's English and code, warmed on one story first (as the bot's start-up does).
const warm = buildKnowledge(syntheticData(real, ENTRIES));
for (const q of syntheticQuestions(syntheticData(real, ENTRIES), 50)) converse(warm, q);

const heapBefore = heap();
const started = performance.now();
const stories: RoutableStory[] = [];
const questionsOf: string[][] = [];
let cut = false;
let nextSeed = 1000;
let skipped = 0;
for (let i = 0; i < STORIES; i++) {
  if (performance.now() - started > BUILD_BUDGET_MS) {
    cut = true;
    break;
  }
  // A seed whose invented text happens to break a citation is passed over for the next one.
  for (;;) {
    const files = syntheticData(real, ENTRIES, nextSeed++);
    try {
      stories.push({ id: `story-${i + 1}`, kb: buildKnowledge(files) });
    } catch {
      skipped++;
      continue;
    }
    questionsOf.push(syntheticQuestions(files, 5, 17 + i));
    break;
  }
}
const buildMs = performance.now() - started;
const storiesHeap = heap() - heapBefore;

const routerStarted = performance.now();
const router = StoryRouter.build(stories);
const routerMs = performance.now() - routerStarted;
const routerHeap = heap() - heapBefore - storiesHeap;
const reloadStarted = performance.now();
router.replace(stories[0] as RoutableStory);
const routerReloadMs = performance.now() - reloadStarted;

// Questions: a random story's own phrasing (typos now and then), routed with the shortlist.
let seed = 42;
const next = (): number => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const asked = Array.from({ length: QUESTIONS }, () => {
  const i = Math.floor(next() * stories.length);
  const list = questionsOf[i] as string[];
  return {
    story: (stories[i] as RoutableStory).id,
    question: list[Math.floor(next() * list.length)] as string,
  };
});
const byId = new Map(stories.map((s) => [s.id, s]));
const times: number[] = [];
const shortlistTimes: number[] = [];
let right = 0;
let answered = 0;
let shortlisted = 0;
for (const { story, question } of asked) {
  const t0 = performance.now();
  const ids = router.shortlist(question);
  const t1 = performance.now();
  const routed = routeQuestion(
    ids.map((id) => byId.get(id) as RoutableStory),
    question,
  );
  const t2 = performance.now();
  times.push(t2 - t0);
  shortlistTimes.push(t1 - t0);
  if (ids.includes(story)) shortlisted++;
  if (routed?.kind === 'answer' && routed.answered) {
    answered++;
    if (routed.best.story === story) right++;
  }
}
times.sort((a, b) => a - b);
shortlistTimes.sort((a, b) => a - b);

// Every story's engine per question: what routing without the shortlist would cost.
const naive: number[] = [];
for (const { question } of asked.slice(0, NAIVE_QUESTIONS)) {
  const t0 = performance.now();
  routeQuestion(stories, question);
  naive.push(performance.now() - t0);
}
naive.sort((a, b) => a - b);

const kbs: KnowledgeBase[] = stories.map((s) => s.kb);
const entries = kbs.reduce((sum, kb) => sum + kb.counts.entries, 0);
const lines = [
  `## Many stories: ${stories.length} stories of ${ENTRIES} entries (${entries} entries in all)${cut ? `, cut at the ${BUILD_BUDGET_MS / 1000} s build budget` : ''}${skipped > 0 ? `; ${skipped} synthetic seeds that broke a citation passed over` : ''}`,
  '',
  '| Measure | Value |',
  '| --- | --- |',
  `| Build, every story | ${fixed(buildMs / 1000, 1)} s (${fixed(buildMs / stories.length, 1)} ms a story) |`,
  `| Heap, every story | ${fixed(storiesHeap, 1)} MB (${fixed((storiesHeap * 1024) / stories.length, 0)} KB a story) |`,
  `| Shared vocabulary index: build | ${fixed(routerMs, 0)} ms (one story read again: ${fixed(routerReloadMs, 0)} ms) |`,
  `| Shared vocabulary index: heap | ${fixed(routerHeap, 1)} MB |`,
  `| Routing a question (shortlist + the shortlisted engines) | p50 ${fixed(percentile(times, 50))} ms, p99 ${fixed(percentile(times, 99))} ms (${asked.length} questions) |`,
  `| … of which the shortlist | p50 ${fixed(percentile(shortlistTimes, 50), 3)} ms, p99 ${fixed(percentile(shortlistTimes, 99), 3)} ms (at most ${router.shortlistSize} stories) |`,
  `| Own story shortlisted | ${((100 * shortlisted) / asked.length).toFixed(1)}% |`,
  `| Answered, and by its own story | ${((100 * answered) / asked.length).toFixed(1)}% answered; ${((100 * right) / Math.max(1, answered)).toFixed(1)}% of those by the right story |`,
  `| Every engine asked (no shortlist) | p50 ${fixed(percentile(naive, 50), 0)} ms, p99 ${fixed(percentile(naive, 99), 0)} ms (${naive.length} questions) |`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
