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
export function cleanText(typed: string): string {
  // "tl;dr": one word, whose semicolon breaks no clause.
  const raw = typed.includes(';') ? typed.replace(/\btl\s*;\s*dr\b/gi, 'tldr') : typed;
  // Most text (every data text, most questions) is plain: nothing below changes it but spacing.
  if (PLAIN.test(raw) && !CLEANED_AWAY.test(raw))
    return unevenSpacing(raw) ? raw.replace(/\s+/g, ' ').trim() : raw;
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
/**
 * Spacing cleanText evens out in plain text: runs of spaces and spaces at either end (a space is
 * the only white space plain text has, so this is /\s\s|^\s|\s$/ there).
 */
const unevenSpacing = (plain: string): boolean =>
  plain.charCodeAt(0) === 32 || plain.charCodeAt(plain.length - 1) === 32 || plain.includes('  ');

/** The engine's plain-English word lists (english/data/*.json), read once. */
const LISTS = loadWordLists();
/** Chat spellings read as the words they stand for ("wat" -> "what", "abt" -> "about"). */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = LISTS.chatSpellings;
/**
 * The chat spellings of letters a-z only. A chat spelling is read only as a whole word (a maximal
 * run of ASCII letters, digits and underscores, what a regular expression's \b bounds), so each
 * such run of a text is looked up, not matched against every spelling.
 */
const CHAT_WORDS: ReadonlyMap<string, string> = new Map(
  [...CHAT_SPELLINGS].filter(([word]) => /^[a-z]+$/.test(word)),
);
/** A word's letters hashed (FNV-1a), for telling at once most words that are no chat spelling. */
function letterHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
const CHAT_HASH_BITS = 1 << 16;
/** Bit h of this set: some chat spelling's letterHash is h (modulo its size). */
const CHAT_HASHES = new Uint32Array(CHAT_HASH_BITS / 32);
for (const word of CHAT_WORDS.keys()) {
  const h = letterHash(word, 0, word.length) & (CHAT_HASH_BITS - 1);
  CHAT_HASHES[h >>> 5] = (CHAT_HASHES[h >>> 5] as number) | (1 << (h & 31));
}
/** Whether a character code is a regular expression's \w: an ASCII letter, digit or underscore. */
const isRegExpWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * `text.replace(/\b(?:<every chat spelling>)\b/g, ...)`: each whole word that is a chat spelling
 * read as the word it stands for. A word of a regular expression is a maximal run of \w
 * characters, and every spelling is letters a-z, so a run is replaced when it is one whole.
 */
function replaceChatSpellings(text: string): string {
  const n = text.length;
  let out = '';
  let copied = 0;
  for (let i = 0; i < n; ) {
    if (!isRegExpWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let lower = true;
    let hash = 0x811c9dc5;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isRegExpWordCode(c)) break;
      if (c < 97 || c > 122) lower = false;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    const h = hash & (CHAT_HASH_BITS - 1);
    if (!lower || ((CHAT_HASHES[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
    const by = CHAT_WORDS.get(text.slice(start, i));
    if (by === undefined) continue;
    out += text.slice(copied, start) + by;
    copied = i;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
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

/** The quotes foldWordsOnly straightens. */
const QUOTE_MARK = /[‘’‛′`´“”„‟″]/;

/** Lower case, no diacritics, straight quotes; "Zelenskyy’s" -> "zelenskyy". */
export function foldText(text: string): string {
  let folded = foldWordsOnly(text);
  // Each rewording (REWORDINGS, in order) is looked for only when the text holds its cue. The
  // cues are found in one pass, and again only after a rewording changed the text: most texts
  // hold none of the phrases, and a pass is many times cheaper than a look for each cue.
  let cues = cuesIn(folded);
  if (cues === 0) return folded;
  for (const [cue, pattern, by] of REWORDINGS) {
    if ((cues & cue) === 0) continue;
    const reworded = folded.replace(pattern, by);
    if (reworded === folded) continue;
    folded = reworded;
    cues = cuesIn(folded);
  }
  return folded;
}

/**
 * The first half of foldText: case, diacritics, quotes, contractions and chat spellings, but no
 * rewording. What a message says of itself ("explain like I'm 5") is read on this.
 */
export function foldWordsOnly(text: string): string {
  // Most text is plain and holds nothing the steps below change: one pass tells, and then only
  // its case and its chat spellings are folded.
  if (plainWithoutCues(text)) return replaceChatSpellings(text.toLowerCase());
  // Plain text has no diacritics to take off (NFKD leaves it as it is).
  let folded = PLAIN.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  folded = folded.toLowerCase();
  // Most text has no quotes but straight ones: one look for any, not two replacements.
  if (QUOTE_MARK.test(folded)) folded = folded.replace(/[‘’‛′`´]/g, "'").replace(/[“”„‟″]/g, '"');
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
  // "5,000" and "5000" are one number, and so is "5k".
  folded = replaceWhere(folded, ',', /(\d),(?=\d{3}\b)/g, '$1');
  folded = replaceWhere(folded, 'k', /\b(\d+)(?:\.(\d{1,3}))?k\b/g, (_, whole: string, part = '') =>
    String(Number(whole) * 1000 + Number(part.padEnd(3, '0'))),
  );
  folded = replaceWhere(folded, '%', /%/g, ' percent ');
  folded = replaceWhere(folded, '&', /&/g, ' and ');
  folded = replaceWhere(folded, 'pct', /\bpct\b/g, ' percent ');
  // "were is the new gallery": "where" typed without its h, which "were" before a verb can't be.
  folded = replaceWhere(folded, 'were ', WHERE_WITHOUT_H, 'where');
  return replaceChatSpellings(folded);
}

/**
 * Whether the text is PLAIN and, lower-cased, holds no cue of foldWordsOnly's steps: no quote
 * mark (straight or curly), comma, "%", "&", digit before a "k", "pct" or "were ". Then every
 * step but the chat spellings leaves it as it is.
 */
function plainWithoutCues(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x7f) {
      // Of PLAIN's other characters, the dashes; its curly quotes are cues.
      if (c === 0x2013 || c === 0x2014) continue;
      return false;
    }
    if (c < 0x20 || c === 0x27 || c === 0x2c || c === 0x25 || c === 0x26 || c === 0x60) return false;
    const lower = c | 0x20;
    if (c >= 0x30 && c <= 0x39) {
      if ((text.charCodeAt(i + 1) | 0x20) === 0x6b) return false;
    } else if (lower === 0x70) {
      // "pct"
      if ((text.charCodeAt(i + 1) | 0x20) === 0x63 && (text.charCodeAt(i + 2) | 0x20) === 0x74) return false;
    } else if (lower === 0x77) {
      // "were "
      if (
        (text.charCodeAt(i + 1) | 0x20) === 0x65 &&
        (text.charCodeAt(i + 2) | 0x20) === 0x72 &&
        (text.charCodeAt(i + 3) | 0x20) === 0x65 &&
        text.charCodeAt(i + 4) === 0x20
      )
        return false;
    }
  }
  return true;
}

/** "… rather than Moscow?" closing a yes/no question: the alternative it sets aside. */
const RATHER_THAN_AT_THE_END = /,? rather than (?:the |a )?[a-z]+(?: [a-z]+)?(?=\s*\??\s*$)/;

/** "Sorry, I meant …" before a question word: the correction's words, not the question's. */
const I_MEANT_A_QUESTION =
  /^\W*(?:(?:no|sorry|oops|oh|ok|okay|wait)\W+)*(?:i meant|i mean|what i meant was)(?: to ask)?\W+(?=(?:what|who|whos|when|where|why|how|which|did|does|is|are|was|were)\b)/;

/** "Where does X come in(to this story)?", "where do they fit in?": the part X plays, no place. */
const WHERE_ONE_COMES_IN =
  /\bwhere (?:does|do|did) ((?:[a-z]+ ){0,3}[a-z]+) (?:come|comes|came|fit|fits) in(?:to)?(?: (?:all of this|all this|this story|the story|the article|the picture|this|that|it))?\b/g;

/** "Were" opening a question, right before another verb: "where" without its h. */
const WHERE_WITHOUT_H =
  /(?<=^\W*(?:(?:and|so|but|ok) )?)were(?= (?:is|are|was|does|do|did|can|will|would|should|has|have)\b)/;

/**
 * "May" the month, by what stands next to it: a day or a year ("May 24", "24th May", "May 2026"),
 * or a word that leads to a date ("in May", "until May", "the end of May"). Never "may be", "I
 * may", nor a person called May ("what did May say?", "the words of May").
 */
const MONTH_MAY =
  /\bmay(?= \d{1,2}(?:st|nd|rd|th)?\b| (?:19|20)\d\d\b)|(?<=\b\d{1,2}(?:st|nd|rd|th)? (?:of )?)may\b|(?<=\b(?:in|on|until|till|from|through|during|since|before|after|by|early|late|mid|next|last|(?:end|start|beginning|middle|month) of) )may\b(?! (?:be|have|not|i|we|you|he|she|it|they|also|well|need|take|happen|come|get|help|ask|soon|still|already|even|never|only|just|say|said|says|call|called|think|want|urge|urged|warn|warned)\b)/g;
/** The month May as one word: not a stop word, so a date of May is matched like any other. */
export const MAY_MONTH = 'maymonth';

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
  /\b(?:in (?:simple|plain|laymans|layman|basic|easy|normal|everyday) (?:terms|english|words|language)|(?:explain |say )?like (?:i am|im|i m) (?:5|five|a child|a kid)|(?:i am|im) (?:a bit |a little |kind of |kinda |so |totally |completely |really )?(?:lost|confused)(?: here| honestly| tbh| now)?|i (?:have been|ve been|am|have) (?:trying to )?(?:follow|following|keep up with|keeping up with) (?:all (?:of )?)?(?:this|it|the news|the story|along)|in person|face to face|(?:my|a) (?:mate|friend|pal|buddy|dad|mum|mom|brother|sister|colleague|uncle|aunt|cousin|teacher|boss|neighbour|neighbor)(?: (?:down|at|from) the [a-z]+)? (?:says|said|reckons|told me|thinks|claims)(?: that)?|(?:someone|somebody|people) (?:says|said|told me|are saying|keep saying)(?: that)?|i (?:heard|read)(?: somewhere| online)?(?: that)?)\b/g;

/** Strings every match of FILLER_PHRASES, and of ASKS_OPINION, holds one of. */
const FILLER_CUES = [
  'like ',
  ' terms',
  ' english',
  ' words',
  ' language',
  ' lost',
  'confused',
  'follow',
  'keep',
  'person',
  'face to face',
  ' say',
  ' said',
  'reckons',
  'told me',
  'thinks',
  'claims',
  'heard',
  'read',
];
const OPINION_CUES = ['should', 'right ', 'wrong '];

/** "What's the deal with May", "what's the tea on Trump": chat for "what about". */
const CHAT_PHRASES =
  /\bwhat(?: is)? (?:the (?:deal|tea|story|scoop|lowdown|situation|craic) (?:with|on)|up with|going on with|happening with)\b/g;

/** The cues of foldText's rewordings, one bit each: a string every match of the rewording holds. */
const CUE = {
  to: 1 << 0,
  may: 1 << 1,
  filler: 1 << 2,
  opinion: 1 << 3,
  clap: 1 << 4,
  weigh: 1 << 5,
  meant: 1 << 6,
  ratherThan: 1 << 7,
  where: 1 << 8,
  atThe: 1 << 9,
  what: 1 << 10,
} as const;

/** foldText's rewordings, in the order they are made: the cue, what is looked for, what it becomes. */
const REWORDINGS: readonly (readonly [cue: number, pattern: RegExp, by: string])[] = [
  // "Is the UK going to 3%?": heading for a figure, not travelling.
  [CUE.to, /\b(?:going|go|goes|heading) (?:up )?to (?=\d)/g, 'reaching '],
  // "Reopens on May 24", "in May": the month, which "may" the verb would hide as a stop word.
  [CUE.may, MONTH_MAY, MAY_MONTH],
  // "Why is Starmer going to Washington", "going to see Trump": travelling, not a future tense.
  [CUE.to, TRAVEL, 'visiting '],
  [CUE.filler, FILLER_PHRASES, ' '],
  [CUE.opinion, ASKS_OPINION, '$1your view '],
  [CUE.clap, /\bclap(?:s|ped|ping)? back\b/g, 'respond'],
  [CUE.weigh, /\bweigh(?:s|ed|ing)? in\b/g, 'comment'],
  // "Sorry, I meant what Trump said about Zelensky": a whole new question, asked as it stands.
  [CUE.meant, I_MEANT_A_QUESTION, ''],
  // "Is Zelensky heading to Washington rather than Moscow?": the other place only sets off the one asked.
  [CUE.ratherThan, RATHER_THAN_AT_THE_END, ''],
  // "Where does Theresa May come into this?", "where does he fit in": what part they play.
  [CUE.where, WHERE_ONE_COMES_IN, 'what role does $1 play'],
  // "The minerals at the heart of the deal": the ones in it.
  [CUE.atThe, /\bat the (?:heart|centre|center|core) of\b/g, 'in'],
  [CUE.what, CHAT_PHRASES, 'what about'],
];

/**
 * The cues, by their first two characters (both ASCII, as every cue's are): CUE_TABLE[first *
 * 128 + second] is the number of the bucket in CUE_BUCKETS of the cues that start so, 0 for none.
 */
const CUE_TABLE = new Uint8Array(128 * 128);
const CUE_BUCKETS: (readonly [cue: string, bit: number])[][] = [[]];
for (const [cue, bit] of [
  [' to ', CUE.to],
  ['may', CUE.may],
  ...FILLER_CUES.map((filler) => [filler, CUE.filler] as const),
  ...OPINION_CUES.map((opinion) => [opinion, CUE.opinion] as const),
  ['clap', CUE.clap],
  ['weigh', CUE.weigh],
  ['meant', CUE.meant],
  ['rather than', CUE.ratherThan],
  ['where', CUE.where],
  ['at the ', CUE.atThe],
  ['what', CUE.what],
] as const) {
  const key = cue.charCodeAt(0) * 128 + cue.charCodeAt(1);
  let bucket = CUE_TABLE[key] as number;
  if (bucket === 0) {
    bucket = CUE_BUCKETS.length;
    CUE_BUCKETS.push([]);
    CUE_TABLE[key] = bucket;
  }
  CUE_BUCKETS[bucket]?.push([cue, bit]);
}

/** The cues (CUE's bits) the text holds, in one pass over it. */
function cuesIn(text: string): number {
  let bits = 0;
  const last = text.length - 1;
  let second = text.charCodeAt(0);
  for (let i = 0; i < last; i++) {
    const first = second;
    second = text.charCodeAt(i + 1);
    if (first >= 128 || second >= 128) continue;
    const bucket = CUE_TABLE[first * 128 + second] as number;
    if (bucket === 0) continue;
    for (const [cue, bit] of CUE_BUCKETS[bucket] as (readonly [string, number])[])
      if ((bits & bit) === 0 && text.startsWith(cue, i)) bits |= bit;
  }
  return bits;
}

/** Words and numbers ("2.5", "2027") from folded text; everything else separates words. */
export function wordsOf(folded: string): string[] {
  return folded.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
}

/** A letter a-z or digit 0-9, as a character code: what wordsOf's words are made of. */
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Where the word of wordsOf that starts at `start` (a letter or digit) ends: its run of letters
 * and digits, and a decimal part when a point and a digit follow ("2.5").
 */
function wordEnd(folded: string, start: number): number {
  const n = folded.length;
  let i = start + 1;
  while (i < n && isWordCode(folded.charCodeAt(i))) i++;
  if (i + 1 < n && folded.charCodeAt(i) === 46 && isDigitCode(folded.charCodeAt(i + 1))) {
    i += 2;
    while (i < n && isDigitCode(folded.charCodeAt(i))) i++;
  }
  return i;
}

/**
 * `wordsOf(folded).join(' ')`, the words of a text as one string (two texts of the same words
 * have the same key). Most texts have their words one space apart already, so the key is made of
 * a few slices of the text (one for each run of such words), not of every word.
 */
export function wordKey(folded: string): string {
  const n = folded.length;
  // The words so far are `key`, then folded[from, last): words one space apart.
  let key = '';
  let from = -1;
  let last = -1;
  for (let i = 0; i < n; ) {
    if (!isWordCode(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = wordEnd(folded, i);
    if (from === -1) from = i;
    else if (i !== last + 1 || folded.charCodeAt(last) !== 32) {
      key += `${folded.slice(from, last)} `;
      from = i;
    }
    last = end;
    i = end;
  }
  return from === -1 ? '' : key + folded.slice(from, last);
}

/**
 * The words of many texts as numbers, each distinct word numbered once, in the order first met
 * (a build reads every text's words once, and each distinct word once after that). The texts'
 * ids are kept in one typed array, text after text, not an array each.
 */
export class WordTable {
  /** Id -> word. */
  readonly words: string[] = [];
  /**
   * The words' ids by a hash of their letters (open addressing, -1 for none): a word of a text
   * is looked up in place, so only a word not seen before is made a string.
   */
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 10);
  private items = new Int32Array(1 << 12);
  /** Text t's ids are items[starts[t], starts[t + 1]). */
  private starts = new Int32Array(1 << 10);
  private texts = 0;

  /** Reads a folded text's words (wordsOf); a word not seen before gets the next id. Returns the text's number, counted from 0. */
  add(folded: string): number {
    let end = this.starts[this.texts] as number;
    const n = folded.length;
    for (let i = 0; i < n; ) {
      const first = folded.charCodeAt(i);
      if (!isWordCode(first)) {
        i++;
        continue;
      }
      // The word's end (as wordEnd finds it) and its hash, in one pass over its letters.
      let hash = Math.imul(0x811c9dc5 ^ first, 0x01000193);
      let wordEnds = i + 1;
      for (; wordEnds < n; wordEnds++) {
        const c = folded.charCodeAt(wordEnds);
        if (!isWordCode(c)) break;
        hash = Math.imul(hash ^ c, 0x01000193);
      }
      if (
        wordEnds + 1 < n &&
        folded.charCodeAt(wordEnds) === 46 &&
        isDigitCode(folded.charCodeAt(wordEnds + 1))
      ) {
        hash = Math.imul(hash ^ 46, 0x01000193);
        for (wordEnds++; wordEnds < n; wordEnds++) {
          const c = folded.charCodeAt(wordEnds);
          if (!isDigitCode(c)) break;
          hash = Math.imul(hash ^ c, 0x01000193);
        }
      }
      if (end === this.items.length) {
        const grown = new Int32Array(this.items.length * 2);
        grown.set(this.items);
        this.items = grown;
      }
      this.items[end++] = this.idOf(folded, i, wordEnds, hash);
      i = wordEnds;
    }
    if (this.texts + 2 > this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[++this.texts] = end;
    return this.texts - 1;
  }

  /**
   * The id of the word folded[start, end), whose letters hash (FNV-1a) to `hash`: a new one when
   * it is not in the table yet.
   */
  private idOf(folded: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id === -1) {
        const word = folded.slice(start, end);
        const added = this.words.length;
        this.words.push(word);
        if (added === this.hashes.length) {
          const grown = new Int32Array(this.hashes.length * 2);
          grown.set(this.hashes);
          this.hashes = grown;
        }
        this.hashes[added] = hash;
        this.slots[slot] = added;
        // At most half full.
        if (2 * this.words.length > this.slots.length) this.rehash();
        return added;
      }
      if (this.hashes[id] !== hash) continue;
      const word = this.words[id] as string;
      if (word.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (word.charCodeAt(k) !== folded.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return id;
    }
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = (this.hashes[id] as number) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
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
  const parts = cleaned
    .split(CLAUSE_BREAK)
    .map((part) => part?.trim() ?? '')
    .filter((part) => part.length > 0);
  // A few words before the question that set something aside ("besides Russia, which countries
  // voted with the US?") are no question of their own, nor what it asks about; a few that pick
  // out its subject ("as for Lavrov, what did he say?") are part of it.
  const kept: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    const short = part.split(/\s+/).length <= 5;
    if (next !== undefined && short && SETS_ASIDE.test(part)) continue;
    if (next !== undefined && short && PICKS_OUT.test(part)) {
      parts[i + 1] = `${part}, ${next}`;
      continue;
    }
    kept.push(part);
  }
  return kept;
}

/** Words opening what the question after them sets aside ("besides Russia, …"). */
const SETS_ASIDE =
  /^(?:besides|apart from|other than|except|except for|aside from|excluding|not counting|not including)\b/i;
/** Words opening the subject of the question after them ("as for Lavrov, …"). */
const PICKS_OUT = /^(?:as for|regarding|speaking of|in terms of|on the subject of)\b/i;

// Sentence ends, semicolons, line breaks, "also"/"plus" (not the "also" of "did May also call
// for…?"), and an "and" that starts a new question
// ("who is X and what did Y say"); not a plain "and" ("Russia, North Korea and Iran"); a "but" or
// "so" that starts a question ("not trying to start an argument, but what has Trump said...").
const CLAUSE_BREAK =
  /(?:^|\s)\(?\d{1,2}[).]\s|:\s|\s[—–-]\s|[?!;\n—]+|\.(?!\d)|,?\s*\b(?:and also|plus|and then|as well as)\b|,?\s*(?<!(?:^|[.?!;,]\s*)(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)(?:\s+[\w']+){1,3}\s*)\balso\b|,?\s*\band\s+(?=(?:what|whats|who|whos|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|will|would|can|could|has|have)\b)|,\s*(?=(?:what|whats|who|whos|when|where|why|how|which)\b)|,?\s*\b(?:but|so)\s+(?=(?:what|whats|who|whos|when|where|why|how|which)\b)/i;

/** True if the text has at least one letter or digit in any script. */
export function hasWordCharacters(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
