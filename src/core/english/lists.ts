/**
 * The plain-English word lists the engine reads questions with, from data/*.json: stop words
 * (grouped), chat spellings, question words, small talk, words of quoting and saying, and emoji
 * that stand for a word. Loaded once; plain Sets and Maps, structured-cloneable.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type StopWordGroup = 'function' | 'chat' | 'asking' | 'unless-in-article';

export interface WordLists {
  /** Every stop word, of every group. */
  readonly stopWords: Set<string>;
  readonly stopWordGroups: Map<StopWordGroup, Set<string>>;
  /** "wat" -> "what", "abt" -> "about", "idk" -> "i do not know". */
  readonly chatSpellings: Map<string, string>;
  readonly smallTalk: Set<string>;
  readonly quoteWords: Set<string>;
  readonly sayWords: Set<string>;
  readonly governmentWords: Set<string>;
  /** Words a question type already says ("when" -> day, week). */
  readonly typeWords: Map<string, Set<string>>;
  readonly whWords: Set<string>;
  readonly yesNoOpeners: Set<string>;
  /** Words that deny or turn down: an answer holding one does not simply say yes. */
  readonly negations: Set<string>;
  /** Words that make a yes/no question ask more than whether it happened ("only", "also"). */
  readonly yesNoQualifiers: Set<string>;
  /**
   * Verbs whose particle readers put after the object ("send the masks back"): the particle is
   * read next to its verb, so "send back" meets its paraphrase ("return").
   */
  readonly particleVerbs: Set<string>;
  /** The particles those verbs take apart from them. */
  readonly separableParticles: Set<string>;
  /** Particles that finish a phrasal verb at the end of a question ("when does it kick in?"). */
  readonly verbParticles: Set<string>;
  /**
   * Verbs that join a subject to what it is or becomes ("will be unheated", "stayed open"):
   * "what" cannot be asked of them when the complement is there.
   */
  readonly linkingVerbs: Set<string>;
  /** Adverbs set off by commas in a clause ("She warned, however, that…"): no part of its content. */
  readonly asideAdverbs: Set<string>;
  /** Languages a reader may ask a word in ("what's the French word for…?"). */
  readonly languages: Set<string>;
  /** "💰" -> "money" (flags are flags.ts's). */
  readonly emojiWords: Map<string, string>;
  /** Nouns that name people ("trustees", "artists"): "which artists…?" asks for names. */
  readonly peopleNouns: Set<string>;
}

const DATA = new URL('./data/', import.meta.url);
export const STOP_WORDS_FILE = new URL('stop-words.json', DATA);
export const CHAT_SPELLINGS_FILE = new URL('chat-spellings.json', DATA);
export const WORD_LISTS_FILE = new URL('word-lists.json', DATA);

const WordText = z.array(z.string().regex(/^[a-z0-9 ]+$/, 'only lower-case words separated by spaces'));
const Comment = z.array(z.string()).optional();
const StopWordsFile = z
  .object({
    $comment: Comment,
    function: WordText,
    chat: WordText,
    asking: WordText,
    unless_in_article: WordText,
  })
  .strict();
const ChatSpellingsFile = z
  .object({ $comment: Comment })
  .catchall(z.string().regex(/^[a-z ]+$/, 'lower-case words'));
const WordListsFile = z
  .object({
    $comment: Comment,
    small_talk: WordText,
    quote_words: WordText,
    say_words: WordText,
    government_words: WordText,
    type_words: z.record(z.string(), WordText),
    wh_words: WordText,
    yes_no_openers: WordText,
    negations: WordText,
    yes_no_qualifiers: WordText,
    particle_verbs: WordText,
    separable_particles: WordText,
    verb_particles: WordText,
    linking_verbs: WordText,
    aside_adverbs: WordText,
    languages: WordText,
    people_nouns: WordText,
    emoji_words: z.record(z.string(), z.string().min(1)),
  })
  .strict();

const wordSet = (lines: readonly string[]): Set<string> =>
  new Set(lines.flatMap((line) => line.split(/\s+/)).filter(Boolean));

function read<T>(file: URL, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new Error(`${file.pathname} has ${problems.length} problem(s):\n${problems.join('\n')}`);
}

export function loadWordLists(): WordLists {
  const stop = read(STOP_WORDS_FILE, StopWordsFile);
  const chat = read(CHAT_SPELLINGS_FILE, ChatSpellingsFile);
  const lists = read(WORD_LISTS_FILE, WordListsFile);
  const stopWordGroups = new Map<StopWordGroup, Set<string>>([
    ['function', wordSet(stop.function)],
    ['chat', wordSet(stop.chat)],
    ['asking', wordSet(stop.asking)],
    ['unless-in-article', wordSet(stop.unless_in_article)],
  ]);
  return {
    stopWords: new Set([...stopWordGroups.values()].flatMap((group) => [...group])),
    stopWordGroups,
    chatSpellings: new Map(Object.entries(chat).filter((e): e is [string, string] => e[0] !== '$comment')),
    smallTalk: wordSet(lists.small_talk),
    quoteWords: wordSet(lists.quote_words),
    sayWords: wordSet(lists.say_words),
    governmentWords: wordSet(lists.government_words),
    typeWords: new Map(Object.entries(lists.type_words).map(([type, text]) => [type, wordSet(text)])),
    whWords: wordSet(lists.wh_words),
    yesNoOpeners: wordSet(lists.yes_no_openers),
    negations: wordSet(lists.negations),
    yesNoQualifiers: wordSet(lists.yes_no_qualifiers),
    particleVerbs: wordSet(lists.particle_verbs),
    separableParticles: wordSet(lists.separable_particles),
    verbParticles: wordSet(lists.verb_particles),
    linkingVerbs: wordSet(lists.linking_verbs),
    asideAdverbs: wordSet(lists.aside_adverbs),
    languages: wordSet(lists.languages),
    emojiWords: new Map(Object.entries(lists.emoji_words)),
    peopleNouns: wordSet(lists.people_nouns),
  };
}
