/**
 * Stems, so "criticised", "criticism" and "critics" meet at one stem: the Porter (1980) stemmer
 * of the `stemmer` package, behind a bounded cache. Applied identically to the data and to
 * questions, so a stem only has to be consistent, never pretty. Input: a lower-case ASCII word;
 * anything else, and words of one or two letters, are returned as they are.
 *
 * It replaced our own Porter code: on all 63,786 common English words (SCOWL, size 50) the two
 * give the same stem, the evaluation set scores the same, and the speed is the same
 * (docs/design.md, "General English").
 */
import { readFileSync } from 'node:fs';
import { stemmer } from 'stemmer';
import { z } from 'zod';

/** Words Porter would merge with an unrelated word ("engineer" with "engine"): their own stems. */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(
    z
      .object({ $comment: z.array(z.string()).optional(), stems: z.record(z.string(), z.string()) })
      .strict()
      .parse(
        JSON.parse(readFileSync(new URL('./english/data/stem-exceptions.json', import.meta.url), 'utf8')),
      ).stems,
  ),
);

/** Words repeat across questions; stems are cached (bounded, so no input can grow it without limit). */
const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

export function stem(input: string): string {
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  const result =
    EXCEPTIONS.get(input) ?? (input.length <= 2 || !/^[a-z]+$/.test(input) ? input : stemmer(input));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, result);
  return result;
}
