/**
 * npm run bench:english: load time and memory of the engine's general English (src/core/english),
 * the thesaurus build for the seed story's vocabulary, and the cost of per-word lookups.
 * The first load is cold (files read, code compiled); the second shows the steady cost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldWords } from '../src/core/english/fold.ts';
import {
  buildStoryThesaurus,
  type English,
  isCommonEnglishWord,
  loadEnglish,
  matchEntity,
  thesaurusLinks,
} from '../src/core/english/index.ts';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const ms = (started: number): string => `${(performance.now() - started).toFixed(0)} ms`;

const data = join(import.meta.dirname, '../data');
const vocabulary = new Set(
  ['article.txt', 'qa.yaml', 'glossary.yaml', 'quotes.yaml', 'gaps.yaml'].flatMap((file) =>
    foldWords(readFileSync(join(data, file), 'utf8')),
  ),
);

let english: English | undefined;
for (const pass of ['cold', 'warm']) {
  const before = heapMb();
  const started = performance.now();
  english = loadEnglish();
  const took = ms(started);
  console.log(`loadEnglish (${pass}): ${took}, ${(heapMb() - before).toFixed(1)} MB retained`);
}
if (!english) throw new Error('unreachable');
console.log(
  `  common words ${english.commonWords.size}, gazetteer phrases ${english.gazetteer.phrases.size}, flags ${english.flags.size}, paraphrases ${english.paraphrases.size}`,
);

for (const pass of ['cold', 'warm']) {
  const before = heapMb();
  const started = performance.now();
  const thesaurus = buildStoryThesaurus(english, vocabulary);
  const took = ms(started);
  console.log(
    `thesaurus of the seed story (${pass}, ${vocabulary.size} words): ${took}, ${thesaurus.size} entries, ${(heapMb() - before).toFixed(1)} MB retained`,
  );
}

const thesaurus = buildStoryThesaurus(english, vocabulary);
const words = [...vocabulary, ...english.commonWords].slice(0, 50_000);
const time = (name: string, lookup: (word: string, i: number) => unknown): void => {
  const started = performance.now();
  for (let pass = 0; pass < 5; pass++) words.forEach(lookup);
  console.log(
    `${name}: ${(((performance.now() - started) / (5 * words.length)) * 1e6).toFixed(0)} ns per word`,
  );
};
time('isCommonEnglishWord', (w) => isCommonEnglishWord(english, w));
time('thesaurusLinks', (w) => thesaurusLinks(thesaurus, english.morphology, w));
time('matchEntity', (w) => matchEntity(english.gazetteer, [w], 0));
