/**
 * Turning raw chat text into plain words: the first, story-independent half of normalisation.
 * (The second half, aliases, spelling variants and stems, lives in analyzer.ts because it
 * depends on the glossary.)
 */
import { loadFlagNames, replaceFlags } from './english/flags.ts';
import { capitalAndSeatNames } from './english/gazetteer.ts';
import { loadWordLists } from './english/lists.ts';

/** Longest question the engine reads; the rest of a longer message is ignored, not an error. */
export const MAX_QUESTION_CHARS = 1000;

const DISCORD_MARKUP = [
  /<@[!&]?\d+>/g, // user and role mentions
  /<#\d+>/g, // channel mentions
  /<\/[\w -]+:\d+>/g, // slash-command mentions
  /<a?:\w+:\d+>/g, // custom emoji
  /<t:-?\d+(?::[a-zA-Z])?>/g, // timestamps
  /@(?:everyone|here)\b/g,
];

/**
 * Strips what is not words: Discord mentions and emoji, URLs, code fences, markdown and control
 * characters. Keeps letters, digits and sentence punctuation so questions can still be split.
 */
export function cleanText(raw: string): string {
  // Most text (every data text, most questions) is plain: nothing below changes it but spacing.
  if (PLAIN.test(raw) && !CLEANED_AWAY.test(raw))
    return SPACING.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
  let text = raw.normalize('NFKC');
  // Control characters (C0, C1, bidi overrides, zero-widths) become spaces; they can hide words.
  text = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ');
  for (const pattern of DISCORD_MARKUP) text = text.replace(pattern, ' ');
  text = text.replace(/\bhttps?:\/\/\S+/gi, ' ');
  text = replaceFlags(text, FLAGS);
  for (const [emoji, word] of EMOJI_WORDS) text = text.replace(emoji, word);
  text = text.replace(/```[a-z]*|`+/gi, ' ');
  text = text.replace(/[*_~|>#]+/g, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Printable ASCII, curly quotes and dashes: characters that NFKC and NFKD leave as they are and
 * that are no control character, emoji or flag. Text of only these needs no Unicode work.
 */
const PLAIN = /^[\x20-\x7e\u2013\u2014\u2018\u2019\u201c\u201d]*$/;
/** What cleanText removes from plain text: Discord markup, URLs, code, markdown (a superset). */
const CLEANED_AWAY = /[<@`*_~|>#]|https?:\/\//i;
/** Spacing cleanText evens out: runs of spaces and spaces at either end. */
const SPACING = /\s\s|^\s|\s$/;

/** The engine's plain-English word lists (english/data/*.json), read once. */
const LISTS = loadWordLists();
/** Chat spellings read as the words they stand for ("wat" -> "what", "abt" -> "about"). */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = LISTS.chatSpellings;
/**
 * Any chat spelling as a whole word. Replacing only its matches gives what looking up every word
 * gives (a word is a maximal run of letters between word boundaries either way), without a call
 * per word.
 */
const CHAT_SPELLING = new RegExp(
  `\\b(?:${[...CHAT_SPELLINGS.keys()]
    .filter((word) => /^[a-z]+$/.test(word))
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'g',
);
/** Every country's flag, and the EU's and UN's, read as the name it stands for. */
const FLAGS = loadFlagNames();

/** Emoji that stand for a word: money, soldiers, votes, peace. */
const EMOJI_WORDS: readonly (readonly [RegExp, string])[] = [...LISTS.emojiWords].map(([emoji, word]) => [
  new RegExp(`${emoji}\uFE0F?`, 'gu'),
  ` ${word} `,
]);

/** The verbs of "'ll", "'re", "'ve", "'m" and "'d" ("'d" is "would" or "had": both filler). */
const CONTRACTED_VERBS: Readonly<Record<string, string>> = {
  ll: 'will',
  re: 'are',
  ve: 'have',
  m: 'am',
  d: 'would',
};

/**
 * `text.replace(pattern, by)`, only looked for when `cue` (a string every match holds) is in the
 * text: scanning for a plain string is many times cheaper than running a regular expression,
 * and most texts hold none of the phrases folding rewrites.
 */
function replaceWhere(
  text: string,
  cue: string,
  pattern: RegExp,
  by: string | ((match: string, ...groups: string[]) => string),
): string {
  if (!text.includes(cue)) return text;
  return typeof by === 'string' ? text.replace(pattern, by) : text.replace(pattern, by);
}

/** Lower case, no diacritics, straight quotes; "Zelenskyy’s" -> "zelenskyy". */
export function foldText(text: string): string {
  let folded = foldWordsOnly(text);
  // "Is the UK going to 3%?": heading for a figure, not travelling.
  folded = replaceWhere(folded, ' to ', /\b(?:going|go|goes|heading) (?:up )?to (?=\d)/g, 'reaching ');
  // "Why is Starmer going to Washington", "going to see Trump": travelling, not a future tense.
  folded = replaceWhere(folded, ' to ', TRAVEL, 'visiting ');
  if (FILLER_CUES.some((cue) => folded.includes(cue))) folded = folded.replace(FILLER_PHRASES, ' ');
  if (OPINION_CUES.some((cue) => folded.includes(cue))) folded = folded.replace(ASKS_OPINION, '$1your view ');
  folded = replaceWhere(folded, 'clap', /\bclap(?:s|ped|ping)? back\b/g, 'respond');
  folded = replaceWhere(folded, 'weigh', /\bweigh(?:s|ed|ing)? in\b/g, 'comment');
  // "The minerals at the heart of the deal": the ones in it.
  folded = replaceWhere(folded, ' of ', /\bat the (?:heart|centre|center|core) of\b/g, 'in');
  return replaceWhere(folded, 'what', CHAT_PHRASES, 'what about');
}

/**
 * The first half of foldText: case, diacritics, quotes, contractions and chat spellings, but no
 * rewording. What a message says of itself ("explain like I'm 5") is read on this.
 */
export function foldWordsOnly(text: string): string {
  // Plain text has no diacritics to take off (NFKD leaves it as it is).
  let folded = PLAIN.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  folded = folded
    .toLowerCase()
    .replace(/[‘’‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"');
  // "What's", "where's", "it's": is, not a possessive.
  folded = replaceWhere(
    folded,
    "'s",
    /\b(what|where|who|how|that|it|there|here|when|why|which|she|he)'s\b/g,
    '$1 is',
  );
  // "He'll", "we're", "they've", "I'm", "she'd": the word and its verb, never "hell" or "were".
  folded = replaceWhere(
    folded,
    "'",
    /\b([a-z]+)'(ll|re|ve|m|d)\b/g,
    (_, word: string, verb: string) => `${word} ${CONTRACTED_VERBS[verb] ?? verb}`,
  );
  // Possessives and contractions: "trump's" -> "trump", "don't" -> "dont".
  folded = replaceWhere(folded, "'s", /(\w)'s\b/g, '$1');
  folded = replaceWhere(folded, "'", /(\w)'(\w)/g, '$1$2');
  // "5,000" and "5000" are one number.
  folded = replaceWhere(folded, ',', /(\d),(?=\d{3}\b)/g, '$1');
  folded = replaceWhere(folded, '%', /%/g, ' percent ');
  folded = replaceWhere(folded, '&', /&/g, ' and ');
  folded = replaceWhere(folded, 'pct', /\bpct\b/g, ' percent ');
  return folded.replace(CHAT_SPELLING, (word) => CHAT_SPELLINGS.get(word) ?? word);
}

/** "going to" a place or to see someone is a trip; "going to sign" is only the future. */
const TRAVEL = new RegExp(
  `\\b(?:going|gone|go|goes|went|headed|heading|travelling|traveling|flying|flew|off) (?:over |out )?to (?=(?:see|meet|visit)\\b|(?:the )?(?:us|usa|united states|states|america|${capitalAndSeatNames()
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\b)`,
  'g',
);

/**
 * "Should Britain send troops?", "is Trump right that...": asks for a judgement, not a fact. Read
 * as asking for the reader's view, like "do you think". Not "should Europe lead, according to
 * Trump?", which asks what someone said.
 */
const ASKS_OPINION =
  /(^|[.?!;]\s*)(?=(?:should|shouldnt)\b(?![^.?!;]*\b(?:according|view|views|opinion|say|says|said|think|thinks|thought|believe|believes|want|wants|claim|claims|argue|argues|urge|urges|urged)\b)|(?:is|was|are|were|isnt|wasnt) (?!(?:it|this|that|the article|the story)\b)(?:[a-z]+ ){1,3}(?:right|wrong) (?:that|to|about|in|when)\b)/g;

/** "In simple terms", "like I'm five": how to answer, not what about. */
const FILLER_PHRASES =
  /\b(?:in (?:simple|plain|laymans|layman|basic|easy|normal|everyday) (?:terms|english|words|language)|(?:explain |say )?like (?:i am|im|i m) (?:5|five|a child|a kid))\b/g;

/** Strings every match of FILLER_PHRASES, and of ASKS_OPINION, holds one of. */
const FILLER_CUES = ['like ', ' terms', ' english', ' words', ' language'];
const OPINION_CUES = ['should', 'right ', 'wrong '];

/** "What's the deal with May", "what's the tea on Trump": chat for "what about". */
const CHAT_PHRASES =
  /\bwhat(?: is)? (?:the (?:deal|tea|story|scoop|lowdown|situation|craic) (?:with|on)|up with|going on with|happening with)\b/g;

/** Words and numbers ("2.5", "2027") from folded text; everything else separates words. */
export function wordsOf(folded: string): string[] {
  return folded.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
}

/**
 * The words of many texts as numbers, each distinct word numbered once, in the order first met
 * (a build reads every text's words once, and each distinct word once after that). The texts'
 * ids are kept in one typed array, text after text, not an array each.
 */
export class WordTable {
  private readonly ids = new Map<string, number>();
  /** Id -> word. */
  readonly words: string[] = [];
  private items = new Int32Array(1 << 12);
  /** Text t's ids are items[starts[t], starts[t + 1]). */
  private starts = new Int32Array(1 << 10);
  private texts = 0;

  /** Reads a folded text's words (wordsOf); a word not seen before gets the next id. Returns the text's number, counted from 0. */
  add(folded: string): number {
    const surfaces = wordsOf(folded);
    let end = this.starts[this.texts] as number;
    if (end + surfaces.length > this.items.length) {
      const grown = new Int32Array(Math.max(this.items.length * 2, end + surfaces.length));
      grown.set(this.items.subarray(0, end));
      this.items = grown;
    }
    for (const surface of surfaces) {
      let id = this.ids.get(surface);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(surface);
        this.ids.set(surface, id);
      }
      this.items[end++] = id;
    }
    if (this.texts + 2 > this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[++this.texts] = end;
    return this.texts - 1;
  }

  /** The ids of text t's words. */
  idsOf(text: number): Int32Array {
    return this.items.subarray(this.starts[text] as number, this.starts[text + 1] as number);
  }

  /** add, then idsOf. */
  read(folded: string): Int32Array {
    return this.idsOf(this.add(folded));
  }
}

/**
 * Splits a message into clauses that may each ask something ("who is X? and what did Y say"),
 * so a multi-part message can be answered part by part.
 */
export function splitClauses(cleaned: string): string[] {
  return cleaned
    .split(CLAUSE_BREAK)
    .map((part) => part?.trim() ?? '')
    .filter((part) => part.length > 0);
}

// Sentence ends, semicolons, line breaks, "also"/"plus", and an "and" that starts a new question
// ("who is X and what did Y say"); not a plain "and" ("Russia, North Korea and Iran"); a "but" or
// "so" that starts a question ("not trying to start an argument, but what has Trump said...").
const CLAUSE_BREAK =
  /(?:^|\s)\(?\d{1,2}[).]\s|:\s|\s[—–-]\s|[?!;\n—]+|\.(?!\d)|,?\s*\b(?:and also|also|plus|and then|as well as)\b|,?\s*\band\s+(?=(?:what|whats|who|whos|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|will|would|can|could|has|have)\b)|,\s*(?=(?:what|whats|who|whos|when|where|why|how|which)\b)|,?\s*\b(?:but|so)\s+(?=(?:what|whats|who|whos|when|where|why|how|which)\b)/i;

/** True if the text has at least one letter or digit in any script. */
export function hasWordCharacters(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
