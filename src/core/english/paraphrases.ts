/**
 * The hand-written general paraphrases of data/paraphrases.json, keyed for lookup: phrase key ->
 * the meanings it may stand for ("chief diplomat" -> ["foreign minister"]).
 */
import { readFileSync } from 'node:fs';
import { phraseKey } from './fold.ts';

/** Phrase (folded, one space between words) -> what it may mean, folded the same way. */
export type Paraphrases = Map<string, string[]>;

export interface ParaphraseEntry {
  readonly means: string;
  readonly phrases: readonly string[];
}

export const PARAPHRASES_FILE = new URL('./data/paraphrases.json', import.meta.url);

export function loadParaphrases(file: URL | string = PARAPHRASES_FILE): Paraphrases {
  const entries = (JSON.parse(readFileSync(file, 'utf8')) as { entries?: unknown }).entries;
  const problems: string[] = [];
  const paraphrases: Paraphrases = new Map();
  if (!Array.isArray(entries))
    throw new Error(`${String(file)}: expected { "entries": [{ "means", "phrases" }, ...] }`);
  entries.forEach((entry: unknown, index) => {
    const e = entry as Partial<ParaphraseEntry> | null;
    if (
      typeof e?.means !== 'string' ||
      !Array.isArray(e.phrases) ||
      !e.phrases.every((p) => typeof p === 'string')
    ) {
      problems.push(`entry ${index + 1}: needs \`means\` (text) and \`phrases\` (a list of text)`);
      return;
    }
    const meaning = phraseKey(e.means);
    for (const phrase of e.phrases) {
      const key = phraseKey(phrase);
      if (key === '' || key === meaning) continue;
      const meanings = paraphrases.get(key);
      if (!meanings) paraphrases.set(key, [meaning]);
      else if (!meanings.includes(meaning)) meanings.push(meaning);
    }
  });
  if (problems.length > 0) throw new Error(`${String(file)}:\n${problems.join('\n')}`);
  return paraphrases;
}
