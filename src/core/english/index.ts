/**
 * The engine's general English, apart from any story: what words are common English, their base
 * forms, stop words and chat spellings, the gazetteer of the wider world, flag emoji, and (per
 * story, from its vocabulary) the thesaurus. loadEnglish() reads everything once, synchronously
 * (at start-up or in the knowledge-base worker, never per question); every structure it returns
 * is plain (Maps, Sets, arrays, strings), so it survives structuredClone and postMessage.
 */
import { loadCommonWords } from './common-words.ts';
import { type FlagNames, loadFlagNames } from './flags.ts';
import { type Gazetteer, loadGazetteer, readWorldFile } from './gazetteer.ts';
import { loadWordLists, type WordLists } from './lists.ts';
import { loadMorphology, type Morphology } from './morphology.ts';
import { loadParaphrases, type Paraphrases } from './paraphrases.ts';
import { loadSynonyms, type SynonymGroups } from './synonyms.ts';
import { buildThesaurus, type Thesaurus, type ThesaurusOptions } from './thesaurus.ts';

export interface English {
  /** Common English words in every inflection (SCOWL up to size 50), and every stop word. */
  readonly commonWords: Set<string>;
  /**
   * The most common of them (SCOWL up to size 20, "code", "come"), and every stop word: never read
   * as a slip of another word. A rarer one ("trusties", "minster") may be, of a word of the story.
   */
  readonly everydayWords: Set<string>;
  readonly morphology: Morphology;
  readonly lists: WordLists;
  readonly gazetteer: Gazetteer;
  readonly flags: FlagNames;
  readonly paraphrases: Paraphrases;
  /** General synonym groups ("troops", "soldiers", "boots on the ground"). */
  readonly synonyms: SynonymGroups;
}

let shared: English | undefined;

/** The engine's English, loaded once per process (or worker) and shared by every knowledge base. */
export function sharedEnglish(): English {
  shared ??= loadEnglish();
  return shared;
}

export function loadEnglish(): English {
  const lists = loadWordLists();
  const commonWords = loadCommonWords({ extra: lists.stopWords });
  const world = readWorldFile();
  return {
    commonWords,
    everydayWords: loadCommonWords({ maxSize: 20, extra: lists.stopWords }),
    morphology: loadMorphology(),
    lists,
    gazetteer: loadGazetteer({ common: commonWords, world }),
    flags: loadFlagNames(world),
    paraphrases: loadParaphrases(),
    synonyms: loadSynonyms(),
  };
}

/**
 * The thesaurus of one story: other English words and phrases -> the story's words. `vocabulary`
 * is every word (and phrase) the story's data uses; `names` are its people's names, never given
 * synonyms ("trump" is not "trump card"). Takes a few hundred milliseconds: build it with the
 * knowledge base.
 */
export function buildStoryThesaurus(
  english: English,
  vocabulary: Iterable<string>,
  options: { readonly names?: Iterable<string> } & Pick<ThesaurusOptions, 'narrowerVerbs' | 'wordnet'> = {},
): Thesaurus {
  const exclude = new Set([...english.lists.stopWords, ...(options.names ?? [])]);
  return buildThesaurus(vocabulary, english.morphology, english.paraphrases, {
    exclude,
    common: english.commonWords,
    ...(options.narrowerVerbs === undefined ? {} : { narrowerVerbs: options.narrowerVerbs }),
    ...(options.wordnet === undefined ? {} : { wordnet: options.wordnet }),
  });
}

/** A common English word in any of its forms ("code", "codes", "coming"); not "starmar". */
export function isCommonEnglishWord(english: Pick<English, 'commonWords'>, word: string): boolean {
  return english.commonWords.has(word);
}

export { replaceFlags } from './flags.ts';
export type { Country, EntityKind, EntityMatch, Gazetteer, OfficeReading, WorldEntity } from './gazetteer.ts';
export { entitiesOf, entityOf, findEntities, matchEntity, officeOf, officeWordsOf } from './gazetteer.ts';
export { baseForms } from './morphology.ts';
export type { Thesaurus, ThesaurusLink, ThesaurusRelation } from './thesaurus.ts';
export { thesaurusLinks } from './thesaurus.ts';
export type { FlagNames, Morphology, Paraphrases, SynonymGroups, WordLists };
