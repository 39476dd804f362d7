/**
 * Folding for the English resources' own keys: the character-level half of text.ts's foldText
 * (lower case, no diacritics, straight quotes, possessives and contractions joined), without its
 * chat spellings and phrase rewrites, so the data here can be keyed without importing the
 * analyser's text rules (which will themselves load data from this folder).
 */

/** "Côte d’Ivoire" -> "cote divoire", "Moscow's" -> "moscow". */
export function foldWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’‛′`´]/g, "'")
    .replace(/(\w)'s\b/g, '$1')
    .replace(/(\w)'(\w)/g, '$1$2');
  return folded.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
}

/** One word as foldWords reads words: its own key (a story's vocabulary is made of these). */
const FOLDED_WORD = /^[a-z0-9]+(?:\.[0-9]+)?$/;

/** The key of a phrase: its folded words joined by one space. */
export function phraseKey(text: string): string {
  if (FOLDED_WORD.test(text)) return text;
  return foldWords(text).join(' ');
}
