/**
 * MiniSearch over the same curated phrasings the engine matches: every entry's question and
 * alternates, one document each (the entry's id and answer stored), the way a plain full-text
 * FAQ bot would index them. The benchmark's yardstick for build time, memory and latency.
 */
import MiniSearch from 'minisearch';
import YAML from 'yaml';
import type { DataFiles } from '../src/core/knowledge.ts';
import { STOP_WORDS } from '../src/core/lexicon.ts';

export interface Phrasing {
  readonly id: number;
  readonly entry: string;
  readonly text: string;
  readonly answer: string;
}

interface QaYaml {
  entries: { id: string; question: string; alternates?: string[]; answer: string }[];
}

/** The phrasings of a data folder's qa.yaml (read once, outside any timing). */
export function curatedPhrasings(files: DataFiles): Phrasing[] {
  const qa = YAML.parse(files.get('qa.yaml') ?? '') as QaYaml;
  const out: Phrasing[] = [];
  for (const entry of qa.entries) {
    for (const text of [entry.question, ...(entry.alternates ?? [])]) {
      out.push({ id: out.length, entry: entry.id, text, answer: entry.answer });
    }
  }
  return out;
}

/** As the accuracy table searches MiniSearch: typo-tolerant (fuzzy 0.2) and prefix search. */
export const MINISEARCH_SEARCH = { fuzzy: 0.2, prefix: true } as const;

/**
 * MiniSearch with its documented processTerm dropping stop words (the engine's own list), and
 * fuzzy 0.2 without prefix search: a tuned yardstick, much faster on questions full of "what"
 * and "the", which otherwise score nearly every phrasing.
 */
export const TUNED_SEARCH = { fuzzy: 0.2 } as const;
const dropStopWords = (term: string): string | null => {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
};

export function buildMiniSearch(phrasings: readonly Phrasing[], tuned = false): MiniSearch<Phrasing> {
  const index = new MiniSearch<Phrasing>({
    fields: ['text'],
    storeFields: ['entry', 'answer'],
    ...(tuned ? { processTerm: dropStopWords } : {}),
  });
  index.addAll(phrasings);
  return index;
}

/** The best entry for a question, as MiniSearch ranks it. */
export function miniSearchAnswer(
  index: MiniSearch<Phrasing>,
  question: string,
  options: typeof MINISEARCH_SEARCH | typeof TUNED_SEARCH = MINISEARCH_SEARCH,
): { answered: boolean; id: string | null; text: string } {
  const top = index.search(question, options)[0];
  return top
    ? { answered: true, id: String(top.entry), text: String(top.answer) }
    : { answered: false, id: null, text: '' };
}
