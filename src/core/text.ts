/**
 * Turning raw chat text into plain words: the first, story-independent half of normalisation.
 * (The second half, aliases, spelling variants and stems, lives in analyzer.ts because it
 * depends on the glossary.)
 */

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
  let text = raw.normalize('NFKC');
  // Control characters (C0, C1, bidi overrides, zero-widths) become spaces; they can hide words.
  text = text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ');
  for (const pattern of DISCORD_MARKUP) text = text.replace(pattern, ' ');
  text = text.replace(/\bhttps?:\/\/\S+/gi, ' ');
  for (const [emoji, word] of EMOJI_WORDS) text = text.replace(emoji, word);
  text = text.replace(/```[a-z]*|`+/gi, ' ');
  text = text.replace(/[*_~|>#]+/g, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** Chat spellings read as the words they stand for ("wat" -> "what", "abt" -> "about"). */
const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  wat: 'what',
  whoz: 'who is',
  prez: 'president',
  pres: 'president',
  potus: 'president trump',
  fm: 'foreign minister',
  euro: 'european',
  euros: 'europeans',
  ruski: 'russian',
  russki: 'russian',
  ruskie: 'russian',
  merica: 'america',
  ukr: 'ukraine',
  wut: 'what',
  wht: 'what',
  wot: 'what',
  whut: 'what',
  wats: 'what is',
  wuts: 'what is',
  whos: 'who is',
  whats: 'what is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  whatd: 'what did',
  howd: 'how did',
  whod: 'who did',
  whyd: 'why did',
  whered: 'where did',
  whend: 'when did',
  abt: 'about',
  bout: 'about',
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  tho: 'though',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  cos: 'because',
  w: 'with',
  rn: 'right now',
  ppl: 'people',
  gonna: 'going to',
  wanna: 'want to',
  dunno: 'do not know',
  govt: 'government',
  gov: 'government',
  thx: 'thanks',
  ty: 'thanks',
  y: 'why',
  n: 'and',
  yr: 'year',
  wen: 'when',
  wich: 'which',
  hw: 'how',
  shud: 'should',
  shld: 'should',
  cud: 'could',
  wud: 'would',
  tryna: 'trying to',
  gotta: 'got to',
  kinda: 'kind of',
  lemme: 'let me',
  gimme: 'give me',
  ya: 'you',
  yall: 'you all',
  im: 'i am',
  idk: 'i do not know',
  smth: 'something',
  sth: 'something',
  smthg: 'something',
  // Slang and spelling variants.
  cooked: 'doomed',
  finalised: 'settled',
  finalized: 'settled',
  finalise: 'settle',
  finalize: 'settle',
  finalising: 'settling',
  finalizing: 'settling',
  outta: 'out of',
  gunna: 'going to',
  gona: 'going to',
  wana: 'want to',
  hafta: 'have to',
  oughta: 'ought to',
  prolly: 'probably',
  yanks: 'americans',
  yank: 'american',
  yankee: 'american',
  yankees: 'americans',
  stateside: 'in america',
  blighty: 'britain',
  russkies: 'russians',
  ruskies: 'russians',
  ruzzia: 'russia',
  dosh: 'money',
  moolah: 'money',
  bucks: 'dollars',
  squaddies: 'soldiers',
  journos: 'journalists',
  diss: 'insult',
  dissed: 'insulted',
  disses: 'insults',
  dissing: 'insulting',
  chucking: 'spending',
  // Common typos of filler words (the spelling corrector leaves filler words alone).
  agian: 'again',
  agin: 'again',
  shoud: 'should',
  shoudl: 'should',
  shuld: 'should',
  woudl: 'would',
  wold: 'would',
  coudl: 'could',
  tel: 'tell',
  acording: 'according',
  accoring: 'according',
  accordin: 'according',
  becuase: 'because',
  becasue: 'because',
  beacuse: 'because',
  abuot: 'about',
  abotu: 'about',
  waht: 'what',
  whta: 'what',
  teh: 'the',
  thier: 'their',
  realy: 'really',
  alot: 'a lot',
  thru: 'through',
  dose: 'does',
  dosent: 'doesnt',
  regarding: 'about',
  concerning: 'about',
  cal: 'call',
};

/** Emoji that stand for a word of the story: flags, money, soldiers. */
const EMOJI_WORDS: readonly (readonly [RegExp, string])[] = [
  [/🇺🇸/gu, ' US '],
  [/🇬🇧/gu, ' UK '],
  [/🇺🇦/gu, ' Ukraine '],
  [/🇷🇺/gu, ' Russia '],
  [/🇪🇺/gu, ' Europe '],
  [/🇺🇳/gu, ' UN '],
  [/🇰🇵/gu, ' North Korea '],
  [/🇮🇷/gu, ' Iran '],
  [/[💰💵💸💲🤑]/gu, ' money '],
  [/🪖/gu, ' troops '],
  [/🗳️?/gu, ' vote '],
  [/[☮🕊]️?/gu, ' peace '],
];

/** Lower case, no diacritics, straight quotes; "Zelenskyy’s" -> "zelenskyy". */
export function foldText(text: string): string {
  return (
    foldWordsOnly(text)
      // "Is the UK going to 3%?": heading for a figure, not travelling.
      .replace(/\b(?:going|go|goes|heading) (?:up )?to (?=\d)/g, 'reaching ')
      // "Why is Starmer going to Washington", "going to see Trump": travelling, not a future tense.
      .replace(TRAVEL, 'visiting ')
      .replace(FILLER_PHRASES, ' ')
      .replace(ASKS_OPINION, '$1your view ')
      .replace(/\bclap(?:s|ped|ping)? back\b/g, 'respond')
      .replace(CHAT_PHRASES, 'what about')
  );
}

/**
 * The first half of foldText: case, diacritics, quotes, contractions and chat spellings, but no
 * rewording. What a message says of itself ("explain like I'm 5") is read on this.
 */
export function foldWordsOnly(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[‘’‛′`´]/g, "'")
      .replace(/[“”„‟″]/g, '"')
      // "What's", "where's", "it's": is, not a possessive.
      .replace(/\b(what|where|who|how|that|it|there|here|when|why|which|she|he)'s\b/g, '$1 is')
      // Possessives and contractions: "trump's" -> "trump", "don't" -> "dont".
      .replace(/(\w)'s\b/g, '$1')
      .replace(/(\w)'(\w)/g, '$1$2')
      .replace(/%/g, ' percent ')
      .replace(/&/g, ' and ')
      .replace(/\bpct\b/g, ' percent ')
      .replace(/\b[a-z]+\b/g, (word) => CHAT_SPELLINGS[word] ?? word)
  );
}

/** "going to" a place or to see someone is a trip; "going to sign" is only the future. */
const TRAVEL =
  /\b(?:going|gone|go|goes|went|headed|heading|travelling|traveling|flying|flew|off) (?:over |out )?to (?=(?:see|meet|visit)\b|(?:the )?(?:us|usa|united states|states|america|washington|dc|white house|moscow|kremlin|kyiv|kiev|london|brussels|paris|berlin)\b)/g;

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

/** "What's the deal with May", "what's the tea on Trump": chat for "what about". */
const CHAT_PHRASES =
  /\bwhat(?: is)? (?:the (?:deal|tea|story|scoop|lowdown|situation|craic) (?:with|on)|up with|going on with|happening with)\b/g;

/** Words and numbers ("2.5", "2027") from folded text; everything else separates words. */
export function wordsOf(folded: string): string[] {
  return folded.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? [];
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
