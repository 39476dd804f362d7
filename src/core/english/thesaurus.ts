/**
 * The general thesaurus: for a story's vocabulary, the other English words people may type for
 * its words ("pledge" for "promise", "disbursement" for "spending"), from WordNet, plus the
 * hand-written multi-word paraphrases of data/paraphrases.json ("chief diplomat" for "foreign
 * minister").
 *
 * Precision first: a wrong synonym makes the bot answer another question, which is worse than
 * declining. So a word is linked to a story word only through a synset that is a *main* sense of
 * both: the first sense of its part of speech (WordNet orders senses by how often SemCor tagged
 * them), or a sense tagged at least half as often as the first; and a part of speech the word
 * is rarely used in does not count. "Code" and "come" share no such synset; neither do "deal"
 * and "cope". Narrower verbs ("pledge" is a way to "promise") are linked at a lower similarity.
 * Built once per knowledge base, in its worker; the result is a plain Map.
 */
import { phraseKey } from './fold.ts';
import { baseFormCandidates, baseForms, type Morphology, type WordClass } from './morphology.ts';
import type { Paraphrases } from './paraphrases.ts';
import { type PartOfSpeech, type Sense, type Synset, WordNetReader } from './wordnet.ts';

export type ThesaurusRelation = 'synonym' | 'narrower' | 'kind' | 'paraphrase' | 'derived';

export interface ThesaurusLink {
  /** The story's word (or phrase) it stands for, as the vocabulary has it. */
  readonly word: string;
  /** Below 1: a synonym is a softer match than the story's own word. */
  readonly similarity: number;
  readonly relation: ThesaurusRelation;
}

/** Other word or phrase (folded, words joined by one space) -> the story words it may mean, best first. */
export type Thesaurus = Map<string, ThesaurusLink[]>;

export interface ThesaurusOptions {
  /** Words never linked either way (function words, the engine's own stop words). */
  readonly exclude?: ReadonlySet<string>;
  /** Link narrower verbs ("pledge" -> "promise"). Default true. */
  readonly narrowerVerbs?: boolean;
  /** Link kinds of a story noun ("house" -> "home", WordNet's hyponyms). Default true. */
  readonly kinds?: boolean;
  /**
   * Common words (common-words.ts): a narrower verb is linked only when it is one, so rare
   * troponyms ("glycerolize" for "set") stay out.
   */
  readonly common?: ReadonlySet<string>;
  /** A reader to reuse (tests build many thesauri). */
  readonly wordnet?: WordNetReader;
}

export const SIMILARITY: Readonly<Record<ThesaurusRelation | 'secondarySynonym', number>> = {
  synonym: 0.9,
  secondarySynonym: 0.8,
  narrower: 0.75,
  kind: 0.6,
  paraphrase: 0.9,
  derived: 0.85,
};

/**
 * A story noun with more kinds than this is too general for any of them to mean it ("person",
 * "thing", "group"): a question naming one asks about something narrower than the story says.
 */
const MAX_KINDS = 40;

/** A part of speech with less than this share of the word's tagged uses is not one of its main uses. */
const MIN_POS_SHARE = 0.15;
/** A later sense is a main one when tagged at least this share as often as the first... */
const SECONDARY_SENSE_RATIO = 0.5;
/** ...and at least this often, among the first senses only. */
const SECONDARY_SENSE_MIN_TAGS = 3;
const SECONDARY_SENSE_MAX_RANK = 2;
/** A word with this many senses in a part of speech... */
const POLYSEMOUS_SENSES = 8;
/** ...has a main sense there only when its first sense has this share of its tagged uses. */
const MIN_FIRST_SHARE_OF_POLYSEMOUS = 0.25;
const POS_OF_CLASS: Readonly<Record<WordClass, PartOfSpeech>> = { noun: 'n', verb: 'v', adjective: 'a' };

interface MainSense {
  readonly sense: Sense;
  /** The first sense of its part of speech. */
  readonly primary: boolean;
}

/** The senses a word is mostly used in (see the file comment). */
export function mainSensesOf(senses: readonly Sense[]): MainSense[] {
  const total = senses.reduce((sum, s) => sum + s.tagCount, 0);
  const byPos = new Map<PartOfSpeech, Sense[]>();
  for (const sense of senses) {
    const list = byPos.get(sense.pos);
    if (list) list.push(sense);
    else byPos.set(sense.pos, [sense]);
  }
  const main: MainSense[] = [];
  for (const list of byPos.values()) {
    // WordNet's own order is by tag count; a word read with its base form merges two lists.
    list.sort((a, b) => b.tagCount - a.tagCount || a.senseNumber - b.senseNumber);
    const posTotal = list.reduce((sum, s) => sum + s.tagCount, 0);
    // A word never tagged in this part of speech, though tagged in another, is not used this way.
    if (total > 0 && posTotal / total < MIN_POS_SHARE) continue;
    const first = list[0];
    if (first === undefined) continue;
    // A verb like "call" (41 senses, the first "give a name to") is seldom used in its first sense.
    if (list.length >= POLYSEMOUS_SENSES && first.tagCount < MIN_FIRST_SHARE_OF_POLYSEMOUS * posTotal)
      continue;
    main.push({ sense: first, primary: true });
    for (const sense of list.slice(1, SECONDARY_SENSE_MAX_RANK)) {
      if (
        sense.tagCount >= SECONDARY_SENSE_MIN_TAGS &&
        sense.tagCount >= SECONDARY_SENSE_RATIO * first.tagCount
      ) {
        main.push({ sense, primary: false });
      }
    }
  }
  return main;
}

/**
 * The main senses a story word may be used in: those of its base forms, in the word class its
 * ending implies ("stating" is the verb "state", never the noun), and its own as a lemma when
 * SemCor saw it so ("spending", "meeting", "talks" are nouns of their own; "calling" as
 * "vocation" was never tagged, so "calling" is only the verb "call").
 */
function storyMainSenses(wordnet: WordNetReader, morphology: Morphology, word: string): MainSense[] {
  const groups: Sense[][] = [];
  const own = wordnet.sensesOf(word);
  const bases = new Map<string, Sense[]>();
  for (const base of baseFormCandidates(morphology, word)) {
    const pos = POS_OF_CLASS[base.wordClass];
    const senses = wordnet.sensesOf(base.form).filter((sense) => sense.pos === pos);
    if (senses.length > 0) bases.set(`${base.form}/${pos}`, senses);
  }
  const attested = own.some((sense) => sense.tagCount > 0);
  if (own.length > 0 && (attested || bases.size === 0)) groups.push([...own]);
  // The base form's parts of speech together, so the one it is mostly used in leads.
  const byForm = new Map<string, Sense[]>();
  for (const [key, senses] of bases) {
    const form = key.slice(0, key.indexOf('/'));
    byForm.set(form, [...(byForm.get(form) ?? []), ...senses]);
  }
  groups.push(...byForm.values());
  const main: MainSense[] = [];
  for (const group of groups) {
    for (const m of mainSensesOf(group)) {
      if (!main.some((n) => n.sense.pos === m.sense.pos && n.sense.offset === m.sense.offset)) main.push(m);
    }
  }
  return main;
}

/**
 * Verbs that are "a way to" this one by their own definition: a troponym whose gloss is the verb
 * and an adverb of manner ("pledge": "promise solemnly and formally"). Most troponyms of a general verb are too
 * far from it ("marry" under "unite", "boomerang" under "return"), and one that contains the
 * verb is usually its opposite or a repetition ("mislead", "re-emphasize").
 */
function narrowerVerbs(
  wordnet: WordNetReader,
  synset: Synset,
  lemma: string,
): { readonly lemma: string; readonly synset: Synset }[] {
  const found: { lemma: string; synset: Synset }[] = [];
  const head = lemma.split('_')[0] ?? lemma;
  for (const pointer of synset.pointers) {
    if (pointer.symbol !== '~' || pointer.pos !== 'v') continue;
    const narrower = wordnet.synset('v', pointer.offset);
    // "promise solemnly", "state emphatically": the verb and how. Not "provide with a canal".
    const manner = /^([a-z]+) ([a-z]+ly)\b/.exec(narrower.gloss);
    if (manner?.[1] !== head) continue;
    for (const other of narrower.words) {
      const candidate = other.toLowerCase();
      if (isProperName(other) || candidate.length < 3 || candidate.includes(head)) continue;
      found.push({ lemma: candidate, synset: narrower });
    }
  }
  return found;
}

/**
 * The nouns WordNet files directly under this one and defines as one of it ("house": "a dwelling
 * that serves as living quarters..." under "dwelling, home"), unless it has so many that it is a
 * general word ("person", "thing"). Most kinds of a noun are far from it in use ("veto" under
 * "vote", "minimum" under "peak"); one whose definition opens with the noun is not.
 */
function kindsOf(
  wordnet: WordNetReader,
  synset: Synset,
): { readonly lemma: string; readonly synset: Synset }[] {
  const pointers = synset.pointers.filter((p) => p.symbol === '~' && p.pos === 'n');
  if (pointers.length > MAX_KINDS) return [];
  const names = synset.words.map((w) => w.toLowerCase().replace(/_/g, ' '));
  const found: { lemma: string; synset: Synset }[] = [];
  for (const pointer of pointers) {
    const kind = wordnet.synset('n', pointer.offset);
    if (!definedAsOne(kind.gloss, names)) continue;
    for (const other of kind.words) {
      const lemma = other.toLowerCase();
      if (isProperName(other) || lemma.length < 3) continue;
      found.push({ lemma, synset: kind });
    }
  }
  return found;
}

/** The endings of an action's name: "approval", "rejection", "payment", "signature". */
const ACTION_NAME = /(?:ion|ment|al|ance|ence|ure|age|ery)$/;

/** How many letters two words share at their start. */
export function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Whether `other`, of part of speech `to`, is a form of `lemma` in the other part of speech and
 * not only related to it: it shares its start ("service" gives "serve", never "help"), and a noun
 * of a verb is its action's name, keeping the verb whole ("approval", not "approver" or
 * "approbation").
 */
export function isDerivedForm(other: string, lemma: string, to: PartOfSpeech): boolean {
  const shared = sharedPrefix(other, lemma);
  if (to === 'n' && (!ACTION_NAME.test(other) || shared < lemma.length - 2)) return false;
  return shared >= 4 && shared * 2 >= Math.min(other.length, lemma.length);
}

/**
 * The verb of a noun and the noun of a verb, as WordNet derives them ("signatures": sign;
 * "approve": approval), when one is a form of the other (isDerivedForm).
 */
function derivedOf(wordnet: WordNetReader, synset: Synset, lemma: string): string[] {
  const to = synset.pos === 'n' ? 'v' : 'n';
  const found = new Set<string>();
  for (const pointer of synset.pointers) {
    if (pointer.symbol !== '+' || pointer.pos !== to) continue;
    for (const other of wordnet.synset(to, pointer.offset).words) {
      const word = other.toLowerCase();
      if (word !== other || word.includes('_') || word === lemma || !/^\p{Ll}+$/u.test(word)) continue;
      if (isDerivedForm(word, lemma, to)) found.add(word);
    }
  }
  return [...found];
}

/** A definition that opens with one of the names, after an article and up to two modifiers. */
export function definedAsOne(gloss: string, names: readonly string[]): boolean {
  const words = (gloss.toLowerCase().split(';')[0] ?? '').split(/[\s,()]+/).filter((w) => w !== '');
  const from = ['a', 'an', 'the', 'any', 'one'].includes(words[0] ?? '') ? 1 : 0;
  for (let at = from; at <= from + 2 && at < words.length; at++) {
    for (const name of names) {
      const parts = name.split(' ');
      if (parts.every((part, k) => words[at + k] === part)) return true;
    }
  }
  return false;
}

/** An irregular form of another word ("found" of "find", "left" of "leave"). */
function isInflectionOfAnother(morphology: Morphology, lemma: string): boolean {
  for (const table of morphology.exceptions.values()) {
    const base = table.get(lemma);
    if (base !== undefined && base !== lemma) return true;
  }
  return false;
}

/** WordNet writes proper names with capitals ("Washington"): those are the gazetteer's business. */
const isProperName = (lemma: string): boolean => lemma !== lemma.toLowerCase();

export function buildThesaurus(
  vocabulary: Iterable<string>,
  morphology: Morphology,
  paraphrases: Paraphrases,
  options: ThesaurusOptions = {},
): Thesaurus {
  const wordnet = options.wordnet ?? new WordNetReader();
  try {
    return linkStory(vocabulary, morphology, paraphrases, options, wordnet);
  } finally {
    // A reader made here is closed here; one passed in belongs to the caller.
    if (options.wordnet === undefined) wordnet.close();
  }
}

function linkStory(
  vocabulary: Iterable<string>,
  morphology: Morphology,
  paraphrases: Paraphrases,
  options: ThesaurusOptions,
  wordnet: WordNetReader,
): Thesaurus {
  const exclude = options.exclude ?? new Set<string>();
  const story = new Set<string>();
  for (const entry of vocabulary) {
    const key = phraseKey(entry);
    if (key !== '') story.add(key);
  }
  const thesaurus: Thesaurus = new Map();
  const link = (other: string, target: ThesaurusLink): void => {
    if (story.has(other) || exclude.has(other) || other === target.word) return;
    const links = thesaurus.get(other);
    if (!links) {
      thesaurus.set(other, [target]);
      return;
    }
    const same = links.findIndex((l) => l.word === target.word);
    if (same === -1) links.push(target);
    else if ((links[same] as ThesaurusLink).similarity < target.similarity) links[same] = target;
    links.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : 1));
  };

  const known = linkCacheFor(wordnet, morphology, options);
  for (const word of story) {
    if (exclude.has(word) || /\d/.test(word) || word.length < 3) continue;
    for (const [other, target] of wordLinks(known, wordnet, morphology, options, word)) link(other, target);
  }

  // "Small" for the story's "smaller", "cheap" for "cheapest": the adjective a comparison is of.
  for (const word of story) {
    const base = comparedAdjectiveOf(wordnet, word);
    if (base !== null && !exclude.has(word))
      link(base, { word, similarity: SIMILARITY.derived, relation: 'derived' });
  }

  // Multi-word paraphrases: linked when every word of what they mean is the story's.
  for (const [phrase, meanings] of paraphrases) {
    for (const meaning of meanings) {
      if (meaning.split(' ').every((w) => story.has(w)) || story.has(meaning)) {
        link(phrase, { word: meaning, similarity: SIMILARITY.paraphrase, relation: 'paraphrase' });
      }
    }
  }
  return thesaurus;
}

/**
 * The adjective a regular comparative or superlative is of ("smaller" -> "small", "wider" ->
 * "wide", "bigger" -> "big", "easiest" -> "easy"), or null. A word used as a noun or verb of its
 * own ("leader", "reporter") is no comparison.
 */
export function comparedAdjectiveOf(wordnet: WordNetReader, word: string): string | null {
  const match = /^([a-z]{2,}?)(i?)(er|est)$/.exec(word);
  if (match === null) return null;
  // "Smaller" is an adjective of WordNet's own too; "leader" and "lower" (to lower) are more.
  if (wordnet.sensesOf(word).some((sense) => (sense.pos === 'n' || sense.pos === 'v') && sense.tagCount >= 3))
    return null;
  const [, root = '', y] = match;
  const candidates = y
    ? [`${root}y`]
    : [root, `${root}e`, ...(/([bdgmnpt])\1$/.test(root) ? [root.slice(0, -1)] : [])];
  return candidates.find((c) => c.length >= 3 && wordnet.hasLemma(c, 'a')) ?? null;
}

/**
 * What WordNet gives each word, the same for every story: a word's links (each as the key it is
 * linked from, and the link), before a story's own words are left out, in the order they are made,
 * and the main senses of each lemma looked at. Kept per thread, for the words WordNet has: a
 * rebuild, or the next story, looks up only its new words.
 */
interface LinkCache {
  readonly mainOf: Map<string, MainSense[]>;
  readonly links: Map<string, readonly (readonly [string, ThesaurusLink])[]>;
}

const NO_COMMON: ReadonlySet<string> = new Set();
const linkCaches = new WeakMap<Morphology, WeakMap<ReadonlySet<string>, Map<string, LinkCache>>>();

function linkCacheFor(wordnet: WordNetReader, morphology: Morphology, options: ThesaurusOptions): LinkCache {
  let byCommon = linkCaches.get(morphology);
  if (byCommon === undefined) {
    byCommon = new WeakMap();
    linkCaches.set(morphology, byCommon);
  }
  const common = options.common ?? NO_COMMON;
  let bySettings = byCommon.get(common);
  if (bySettings === undefined) {
    bySettings = new Map();
    byCommon.set(common, bySettings);
  }
  const settings = `${wordnet.directory}|${options.kinds ?? true}|${options.narrowerVerbs ?? true}`;
  let cache = bySettings.get(settings);
  if (cache === undefined) {
    cache = { mainOf: new Map(), links: new Map() };
    bySettings.set(settings, cache);
  }
  return cache;
}

/** The main senses of a lemma. */
function mainSensesOfLemma(known: LinkCache, wordnet: WordNetReader, lemma: string): MainSense[] {
  let main = known.mainOf.get(lemma);
  if (!main) {
    main = mainSensesOf(wordnet.sensesOf(lemma));
    known.mainOf.set(lemma, main);
  }
  return main;
}

/** The other word's use of this synset, when it is one of its main senses. */
const mainUseOf = (
  known: LinkCache,
  wordnet: WordNetReader,
  lemma: string,
  synset: Synset,
): MainSense | undefined =>
  mainSensesOfLemma(known, wordnet, lemma).find(
    (m) => m.sense.offset === synset.offset && m.sense.pos === synset.pos,
  );

/** The links a story word gives (see LinkCache). */
function wordLinks(
  known: LinkCache,
  wordnet: WordNetReader,
  morphology: Morphology,
  options: ThesaurusOptions,
  word: string,
): readonly (readonly [string, ThesaurusLink])[] {
  const cached = known.links.get(word);
  if (cached !== undefined) return cached;
  const found: [string, ThesaurusLink][] = [];
  const senses = storyMainSenses(wordnet, morphology, word);
  for (const main of senses) {
    const synset = wordnet.synset(main.sense.pos, main.sense.offset);
    for (const other of synset.words) {
      const lemma = other.toLowerCase();
      if (lemma === main.sense.lemma || isProperName(other) || lemma.length < 3) continue;
      // "found" is a lemma ("found a company") but mostly the past of "find".
      if (isInflectionOfAnother(morphology, lemma)) continue;
      const theirs = mainUseOf(known, wordnet, lemma, synset);
      if (theirs === undefined) continue;
      const similarity = main.primary && theirs.primary ? SIMILARITY.synonym : SIMILARITY.secondarySynonym;
      found.push([phraseKey(lemma.replace(/_/g, ' ')), { word, similarity, relation: 'synonym' }]);
    }
    if (main.primary && (synset.pos === 'n' || synset.pos === 'v')) {
      for (const lemma of derivedOf(wordnet, synset, main.sense.lemma)) {
        if (isInflectionOfAnother(morphology, lemma)) continue;
        found.push([phraseKey(lemma), { word, similarity: SIMILARITY.derived, relation: 'derived' }]);
      }
    }
    if ((options.kinds ?? true) && synset.pos === 'n') {
      for (const kind of kindsOf(wordnet, synset)) {
        if (options.common && !options.common.has(kind.lemma)) continue;
        if (isInflectionOfAnother(morphology, kind.lemma)) continue;
        // "House" mostly means a dwelling, so it may mean the story's "home"; "firm" is not a kind of "house".
        if (mainUseOf(known, wordnet, kind.lemma, kind.synset)?.primary !== true) continue;
        found.push([
          phraseKey(kind.lemma.replace(/_/g, ' ')),
          {
            word,
            similarity: SIMILARITY.kind,
            relation: 'kind',
          },
        ]);
      }
    }
    if ((options.narrowerVerbs ?? true) && main.primary && synset.pos === 'v') {
      for (const narrower of narrowerVerbs(wordnet, synset, main.sense.lemma)) {
        if (options.common && !options.common.has(narrower.lemma)) continue;
        if (isInflectionOfAnother(morphology, narrower.lemma)) continue;
        if (mainUseOf(known, wordnet, narrower.lemma, narrower.synset)?.primary !== true) continue;
        found.push([
          phraseKey(narrower.lemma.replace(/_/g, ' ')),
          {
            word,
            similarity: SIMILARITY.narrower,
            relation: 'narrower',
          },
        ]);
      }
    }
  }
  // Only a word WordNet has is kept: the cache grows no further than WordNet.
  if (senses.length > 0) known.links.set(word, found);
  return found;
}

/**
 * The story words a typed word may mean: the word itself, else its base forms ("pledged" ->
 * "pledge"). Map lookups only, so it is cheap per question.
 */
export function thesaurusLinks(
  thesaurus: Thesaurus,
  morphology: Morphology,
  word: string,
): readonly ThesaurusLink[] {
  const direct = thesaurus.get(word);
  if (direct) return direct;
  for (const form of baseForms(morphology, word, (f) => thesaurus.has(f))) {
    const links = thesaurus.get(form);
    if (links) return links;
  }
  return [];
}
