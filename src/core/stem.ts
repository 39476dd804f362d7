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
import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';
import { z } from 'zod';

const StemExceptionsFile = z
  .object({
    $comment: z.array(z.string()).optional(),
    stems: z.record(z.string(), z.string()),
    irregularVerbFormsKept: z.object({ $comment: z.array(z.string()), forms: z.array(z.string()) }).strict(),
  })
  .strict();
const stemExceptions = StemExceptionsFile.parse(
  JSON.parse(readFileSync(new URL('./english/data/stem-exceptions.json', import.meta.url), 'utf8')),
);

/** Words Porter would merge with an unrelated word ("engineer" with "engine"): their own stems. */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map(Object.entries(stemExceptions.stems));

/**
 * Irregular verb forms -> their base verb ("took", "taken" -> "take"), from WordNet's exception
 * list, so every form of a verb meets at one stem; less the forms that are as often another word.
 */
const IRREGULAR_VERB_FORMS: ReadonlyMap<string, string> = (() => {
  const kept = new Set(stemExceptions.irregularVerbFormsKept.forms);
  const table = createRequire(import.meta.url)('wink-lexicon/src/wn-verb-exceptions.js') as Record<
    string,
    string
  >;
  return new Map(Object.entries(table).filter(([form, base]) => !kept.has(form) && form !== base));
})();

/**
 * Words repeat across questions; stems are cached (bounded, so no input can grow it without
 * limit). When the cache is full it becomes the previous one, still read, and a new one starts:
 * a build's words (more than the limit at 10,000 entries) are then stemmed about once each, not
 * again after every clearing.
 */
let cache = new Map<string, string>();
let previous = new Map<string, string>();
const CACHE_LIMIT = 20_000;

export function stem(input: string): string {
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  let result = previous.get(input);
  if (result === undefined) {
    const base = IRREGULAR_VERB_FORMS.get(input);
    const word = base ?? input;
    result = EXCEPTIONS.get(word) ?? (word.length <= 2 || !/^[a-z]+$/.test(word) ? word : stemmer(word));
  }
  if (cache.size >= CACHE_LIMIT) {
    previous = cache;
    cache = new Map();
  }
  cache.set(input, result);
  return result;
}
