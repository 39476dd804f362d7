/**
 * Story-independent English: words that carry no subject (stop words and chat filler), words
 * that say what kind of question it is, and words that ask for a quotation. Everything
 * story-specific (names, aliases, synonyms) is data, in glossary.yaml.
 */
import { loadWordLists } from './english/lists.ts';
import type { QuestionType } from './schema.ts';

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** The engine's plain-English word lists (english/data/*.json), read once. */
const LISTS = loadWordLists();

/** Function words, pronouns, auxiliaries and chat filler: removed before matching. */
export const STOP_WORDS: ReadonlySet<string> = LISTS.stopWords;

/** Stop words only where the article does not use them: filler in chat, words in an article ("short"). */
export const STOP_UNLESS_IN_ARTICLE: ReadonlySet<string> =
  LISTS.stopWordGroups.get('unless-in-article') ?? new Set();

/** Words after a leader's name that mean their side: "the Trump administration". */
export const GOVERNMENT_WORDS: ReadonlySet<string> = LISTS.governmentWords;

/** Verbs joining a subject to a complement ("will be unheated", "stayed open"). */
export const LINKING_VERBS: ReadonlySet<string> = LISTS.linkingVerbs;

/** Adverbs set off by commas ("She warned, however, that…"), no part of what a clause says. */
export const ASIDE_ADVERBS: ReadonlySet<string> = LISTS.asideAdverbs;

/** Languages a reader may ask a word in ("what's the French word for…?"). */
export const LANGUAGES: ReadonlySet<string> = LISTS.languages;

/** Greeting and thanks words: a message made only of these gets the help reply, not an answer. */
export const SMALL_TALK: ReadonlySet<string> = LISTS.smallTalk;

/** Words that ask for the speaker's own words. "say"/"said" count only when a person is named. */
export const QUOTE_WORDS: ReadonlySet<string> = LISTS.quoteWords;
export const QUOTE_PHRASES: readonly RegExp[] = [
  /\bexact(?:ly)? (?:words?|quote|wording)\b/,
  /\bword for word\b/,
  /\b(?:his|her|their|own) (?:own )?words\b/,
  /\bwhat (?:exactly|precisely) did\b/,
  /\b(?:say|said|tell|told|put it) (?:exactly|precisely|word for word)\b|\bexactly what (?:did|does)\b/,
  /\b(?:direct|actual) quote\b/,
  /\bexact(?:ly)? (?:phrase|phrasing|term|expression)\b/,
  /\b(?:phrase|phrasing|expression|term|language|wording|words) (?:did|does|do|has|have) (?:[a-z]+ ){1,3}(?:use|used|choose|chose)\b/,
  /\b(?:quote|quotation) marks\b|\binverted commas\b|\bscare quotes\b/,
  /\b(?:opening|first|last|final|closing) (?:line|sentence|paragraph|words)\b/,
  /\b(?:paragraph|para) \d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th) paragraph\b/,
];

/** "Which word does the article put in quotation marks": the article's quoted words. */
export const QUOTATION_MARKS_ASKED =
  /\b(?:quote|quotation) marks\b|\binverted commas\b|\bscare quotes\b|\bin quotes\b/;

/**
 * "the opening line", "the last paragraph": which part of the article a quote request means,
 * as [paragraph index, sentence index or null], counted from the end when negative.
 */
export function articlePlaceAsked(folded: string): readonly [number, number | null] | null {
  // "Quote paragraph 5", "sentence 2 of paragraph 4", "the 3rd paragraph".
  const numbered =
    /\b(?:sentence (\d{1,2}) (?:of|in) )?(?:paragraph|para|graf|par) (\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th) paragraph\b/.exec(
      folded,
    );
  if (numbered) {
    const paragraph = Number(numbered[2] ?? numbered[3]) - 1;
    const sentence = numbered[1] === undefined ? null : Number(numbered[1]) - 1;
    return [paragraph, sentence];
  }
  const match = /\b(opening|first|last|final|closing) (line|sentence|words|paragraph)\b/.exec(folded);
  if (!match) return null;
  const fromEnd = match[1] === 'last' || match[1] === 'final' || match[1] === 'closing';
  const paragraph = fromEnd ? -1 : 0;
  return match[2] === 'paragraph' ? [paragraph, null] : [paragraph, fromEnd ? -1 : 0];
}
/**
 * Asks for quotation-marked words specifically: a person the article only reports is declined
 * (with what it reports), where "his exact words" gets the report, marked as such.
 */
export const DIRECT_QUOTE =
  /\b(?:direct|actual|verbatim) quot(?:e|es|ation)\b|\bquot(?:e|es|ed|ing) (?:\S+ ){0,3}?directly\b|\bin quotation marks\b/;
/** Someone's own words asked for, direct or not: "his exact words", "word for word". */
export const EXACT_WORDS = /\b(?:exact|actual|very|own) words\b|\bword for word\b|\bverbatim\b/;
export const SAY_WORDS: ReadonlySet<string> = LISTS.sayWords;
/** Nouns that name people ("which trustees…?" asks who they are). */
export const PEOPLE_NOUNS: ReadonlySet<string> = LISTS.peopleNouns;

/** Words that deny or turn down ("not", "rejected", "against"): an answer holding one is no plain yes. */
export const NEGATIONS: ReadonlySet<string> = LISTS.negations;

/** "Is the UK the only one...", "did May also...": a yes/no question that asks more than whether. */
export const YES_NO_QUALIFIERS: ReadonlySet<string> = LISTS.yesNoQualifiers;

/** Words that, after "which X", ask for the specific ones: "which minerals exactly". */
const EXACTLY = new Set(['exactly', 'precisely', 'specifically']);
/** The verbs that follow a question word: "who does", "what is", "when will". */
export const AUXILIARY_VERBS: ReadonlySet<string> = words(
  'do does did is are was were has have had will would can could should shall may might must',
);

/**
 * "Which minerals exactly are in the deal?" asks for the specific ones, as "which specific
 * minerals" does; "what exactly is a backstop?" only leans on "exactly": it is no kind asked for.
 */
export function specificAsked(words: string[]): string[] {
  if (words[0] !== 'which' && words[0] !== 'what') return words;
  for (let i = 2; i < Math.min(words.length, 5); i++) {
    const word = words[i] as string;
    // A verb before it ends the kind asked for: "what exactly is", "which did he exactly".
    if (AUXILIARY_VERBS.has(words[i - 1] as string)) return words;
    if (EXACTLY.has(word)) return [...words.slice(0, i), 'specifically', ...words.slice(i + 1)];
  }
  return words;
}

/** "Send the masks back" -> "send back the masks": the particle read next to its verb. */
export function particleNextToVerb(words: string[]): string[] {
  for (let i = 0; i < words.length - 2; i++) {
    if (!LISTS.particleVerbs.has(words[i] as string)) continue;
    // An object of one to three words between them: "give the masks back", "pay the museum back".
    for (let j = i + 2; j <= i + 4 && j < words.length; j++) {
      if (!LISTS.separableParticles.has(words[j] as string)) continue;
      return [...words.slice(0, i + 1), words[j] as string, ...words.slice(i + 1, j), ...words.slice(j + 1)];
    }
  }
  return words;
}

/** Particles that finish a phrasal verb at a question's end ("when would that kick in?"). */
export const VERB_PARTICLES: ReadonlySet<string> = LISTS.verbParticles;

/** Words a yes/no question opens with ("did", "is", "has"). */
export const YES_NO_OPENERS: ReadonlySet<string> = LISTS.yesNoOpeners;

/** The words that ask what, who, which, when, where, why or how. */
export const WH_WORDS: ReadonlySet<string> = LISTS.whWords;

/**
 * The question type, from the first words of a clause. Only "why", "when", "where" and
 * "how-many" restrict matching: an entry must be able to answer that kind of question.
 */
const SIGNIFICANCE_ASKED =
  /^ (?:and |so |but |ok )?why (?:is|are|was|were|s) .*\b(?:significant|important|controversial|notable|noteworthy|remarkable|newsworthy|a (?:big |huge )?deal|such a (?:big )?deal|a problem|an issue|concerning|worrying|critical|considered [a-z]+)\W*$/;

/** "Why is that significant?": what it means or led to, not why it happened. */
export const asksSignificance = (folded: string): boolean => SIGNIFICANCE_ASKED.test(` ${folded.trim()} `);

/** The words that ask it, which say nothing of the subject when the story never uses them. */
export const SIGNIFICANCE_WORDS = words(
  'significant important controversial notable noteworthy remarkable newsworthy concerning worrying',
);

/** "Why is the visit considered critical?": how it is regarded, said of any subject. */
export const REGARDED_WORDS = words('considered seen regarded viewed deemed');

export function questionTypeOf(folded: string): QuestionType {
  // "Can you explain why...", "could someone tell me who...": a request; what it asks decides.
  // "What does Trump think Europe's job is when it comes to Ukraine?" is not a when-question.
  let text = ` ${SPACES.test(folded) ? folded.replace(/\s+/g, ' ').trim() : folded} `.replace(
    REQUEST_PREFIX,
    ' ',
  );
  if (text.includes('when it comes to')) text = text.replace(/\bwhen it comes to\b/g, 'about');
  // "What happened when the ferry broke down?": what happened; "when" only sets the scene.
  if (text.startsWith(' what happen') || text.startsWith(' what did '))
    text = text.replace(
      /^ (what (?:happened|happens|did (?:he|she|they|it) (?:say|do))) (?:when|after|while) /,
      ' $1 about ',
    );
  // "Did Trump mention money when he talked about Ukraine?" is a yes-no question, not a "when".
  if (
    /^ (?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|may|might|must|isnt|arent|wasnt|didnt|doesnt|dont|wont|hasnt|havent)\b/.test(
      text,
    )
  ) {
    return 'yes-no';
  }
  const trimmed = text.trimEnd();
  // "Moscow says peacekeepers would end the war, right?", "...but trump no want, true?": a claim to confirm.
  if (CONFIRMING_TAIL.test(tailOf(trimmed)) && !/^ (?:what|who|when|where|why|how|which)\b/.test(text)) {
    return 'yes-no';
  }
  // "Why is North Korea mentioned?", "why is May in the story?": what part they play, not a reason.
  if (
    text.startsWith(' why ') &&
    /^ why (?:is|are|was|were|does|do) .*\b(?:mentioned|in (?:the|this) (?:story|article|piece|news)|involved|relevant|in the news)\W*$/.test(
      `${trimmed} `,
    )
  ) {
    return 'what';
  }
  // "Why is that significant?", "why was the vote controversial?": what it means or led to, which
  // the article may report, not the reason it happened.
  if (SIGNIFICANCE_ASKED.test(`${text.trimEnd()} `)) return 'what';
  // "What was the US reason for voting...": a reason, though it opens with "what".
  if (/^ what (?:is|was|were|are) (?:the |their |his |her |its )?(?:[a-z]+ ){0,3}reasons?\b/.test(text))
    return 'why';
  // "Where's that money coming from?": a source of money, not a place.
  if (
    /^ where (?:is|are|does|do|did|will|would)\b.*\b(?:money|cash|funding|funds|finance|financing|budget)\b.*\bcom(?:e|es|ing)\b/.test(
      text,
    )
  )
    return 'what';
  // "Where does the analyst work?", "where is she employed?": a workplace, named by who or what.
  if (
    /^ where (?:do|does|did|is|are|was|were) [a-z ]*\b(?:work|works|worked|working|employed)\W*$/.test(text)
  )
    return 'what';
  // "Where does Moscow stand on...": a position, not a place.
  if (/^ (?:and |so |but |ok )?where (?:do|does|did|is|are) .*\bstand(?:s|ing)?\b/.test(text)) return 'what';
  // "Starmer says spending goes to 2.5% by 2030?": a statement put as a question.
  if (
    /\?\s*$/.test(trimmed) &&
    !/\b(?:what|whats|who|whos|whom|whose|when|where|why|how|which)\b/.test(text) &&
    text.trim().split(' ').length >= 4
  ) {
    return 'yes-no';
  }
  // Otherwise the earliest cue wins, the first listed of those at one place: "who said when..."
  // asks who. One expression of every cue finds it in one pass (the leftmost place any matches,
  // and there the first that does).
  const cue = ANY_CUE.exec(text);
  if (cue) {
    for (let i = 0; i < TYPE_CUES.length; i++)
      if (cue[i + 1] !== undefined) return (TYPE_CUES[i] as (typeof TYPE_CUES)[number])[0];
  }
  return 'what';
}

/** Any white space other than single spaces between words, which questionTypeOf evens out. */
const SPACES = /\s\s|[^\S ]|^\s|\s$/;

/** "..., right?", "did he?": a claim put to be confirmed, at the very end of the text. */
const CONFIRMING_TAIL =
  /\b(?:right|true|correct|really|yes or no|isnt it|is it|no|innit|(?:did|didnt|does|doesnt|is|isnt|was|wasnt|has|hasnt|will|wont|would|wouldnt|can|cant|do|dont|are|arent|have|havent) (?:he|she|they|it|we|you|i))\W*$/;
/** More than the longest CONFIRMING_TAIL can match before its closing non-word characters. */
const TAIL_CHARS = 16;

/**
 * The end of a text where CONFIRMING_TAIL can match, from a word's start (so its \b reads as in
 * the whole text): testing only that is the same test, without trying every earlier place.
 */
function tailOf(text: string): string {
  let end = text.length;
  while (end > 0 && !isWordChar(text.charCodeAt(end - 1))) end--;
  let start = Math.max(0, end - TAIL_CHARS);
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return start === 0 ? text : text.slice(start);
}

/** \w: an ASCII letter, digit or underscore. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  );
}

const REQUEST_PREFIX =
  /^ (?:(?:can|could|would|will) (?:you|u|ya|someone|somebody|anyone|anybody) (?:please |pls |plz |just |quickly )?(?:tell|explain|give|summari[sz]e|describe|list|remind|clarify|break down|quote|show|share|help|walk)|(?:does|did|do) (?:the |this |that )?(?:article|story|piece|report|text) (?:say|mention|tell us|state|report|explain))\b/;

const TYPE_CUES: readonly (readonly [QuestionType, RegExp])[] = [
  [
    'how-many',
    /\b(?:how (?:many|much|big|large|high|low|far|long|often|old|strong)|what (?:percent(?:age)?|share|proportion|number|amount|size|figure|sum)|which (?:percent(?:age)?|number|figure)|by how much)\b/,
  ],
  [
    'why',
    /\b(?:why|how come|what for|for what reason|what(?: is| s|s)? the (?:reason|motive|purpose|point)|what reason|reason (?:for|why)|what (?:made|makes|caused|causes|motivated|prompted)|reasons?|reasoning|rationale|motives?|motivation|justification)\b/,
  ],
  [
    'when',
    /\b(?:when|(?:what|which)(?: is| s|s)?(?: the)?(?: exact| precise)? (?:time|day|date|week|year|month)s?|by when|how soon|in what years?|dates?|timing|timeline|schedule)\b/,
  ],
  // Not "the sentence where Trump says...": there "where" only points into the text.
  [
    'where',
    /(?<!\b(?:sentence|part|bit|line|paragraph|passage|quote|section|article|story|piece|moment|point|case) )\b(?:where|what (?:city|place)|which (?:city|place))\b/,
  ],
  [
    'who',
    /\b(?:who|whom|whose|which (?:person|people|leader|leaders|countries|country|nations|nation|man|woman))\b/,
  ],
  ['how', /\bhow\b/],
  // "What did Zelensky say when he arrived?" asks what; a later "when" only sets the scene.
  // "What is the date of the final flight?" asks when, as "what date" does.
  [
    'what',
    /^ what (?:(?:is|was|were|are)\b(?! (?:the )?(?:exact |precise )?(?:time|day|date|week|year|month)s? of\b)|(?:did|does|do|has|have|had|will|would|should|can|could)\b)/,
  ],
];

const ANY_CUE = new RegExp(TYPE_CUES.map(([, pattern]) => `(${pattern.source})`).join('|'));

/**
 * Words a question type already says: "what day of the week is it signed" asks when, and "day"
 * and "week" add nothing once the question is known to ask when.
 */
export const TYPE_WORDS = LISTS.typeWords as ReadonlyMap<QuestionType, ReadonlySet<string>>;

/**
 * "Did Zelensky sign it?", "was the deal actually signed in the end?": asks whether something
 * happened. An answer reporting a plan ("is set to sign") cannot say.
 */
export function asksWhetherItHappened(folded: string): boolean {
  const text = ` ${folded.replace(/\s+/g, ' ').trim()} `.replace(REQUEST_PREFIX, ' ');
  if (/\b(?:going|set|due|expected|supposed|planning|about|scheduled) to\b/.test(text)) return false;
  return (
    /^ (?:did|didnt|was|wasnt|were|werent|has|hasnt|have|havent|had|hadnt)\b/.test(text) ||
    /\b(?:in the end|end(?:ed)? up|eventually|finally|after all|go(?:ne)? ahead|went ahead|went through|go through)\b/.test(
      text,
    )
  );
}

/** Question types that an entry must explicitly be able to answer. */
export const STRICT_TYPES: ReadonlySet<QuestionType> = new Set(['why', 'when', 'where', 'how-many']);

/** Time expressions that let an answer serve a "when" question. */
export const TIME_EXPRESSION =
  // "from 1 May", "by May 2027": the month May as an answer spells it, not yet read as "maymonth".
  /\b(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?may|may (?:\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|maymonth|june|july|august|september|october|november|december|today|tomorrow|yesterday|tonight|(?:19|20)\d\d|ahead of|in the run-up to|on the eve of|(?:this|next|last|coming|previous) (?:week|weekend|month|year|season|summer|winter|spring|autumn|fall|night|morning|evening|term|decade|century))\b/i;

/**
 * "What time...", "what's the exact date...": a "when" question that wants a clock time or a
 * calendar date, which a day of the week or a year does not give.
 */
export type TimePrecision = 'clock' | 'date' | 'day';
export function timePrecisionOf(folded: string): TimePrecision | null {
  if (/\b(?:what|which|at what) time\b|\bwhat hour\b|\bo ?clock\b/.test(folded)) return 'clock';
  if (/\b(?:what|which|exact|precise|specific|actual) date\b|\bdate of\b/.test(folded)) return 'date';
  // "What day is their meeting?": a day of the week or a date, not a year.
  if (/\b(?:what|which) day\b/.test(folded)) return 'day';
  return null;
}
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** What an answer must hold to serve a question of each precision. */
export const PRECISE_TIME: Readonly<Record<TimePrecision, RegExp>> = {
  clock:
    /\b\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm)\b|\bo[’']?clock\b|\b(?:noon|midnight|morning|afternoon|evening|tonight)\b/i,
  date: new RegExp(
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b|\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`,
    'i',
  ),
  day: new RegExp(
    `\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|yesterday)\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b|\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
    'i',
  ),
};

/**
 * Where someone works, lives or is based ("an economist at Northfield University", "lives on Canal
 * Street") lets an answer serve a "where" question; a place merely mentioned ("in Ukraine") does not.
 */
export const PLACE_EXPRESSION =
  /\b[A-Z][a-z]+-based\b|\b(?:(?:works?|working|based|located|lives?|living|born|headquartered|studies|studying|teaches|teaching) (?:in|at|on|near)|(?:economist|professor|lecturer|researcher|student|manager|director|owner|head|chief|spokesperson|spokesman|spokeswoman) (?:at|of)|who (?:lives|works) (?:in|at|on)|(?:visit|visits|visiting|visited|travel(?:s|ling|led)? to|fly(?:ing)? to|flies to|flew to|flown to|went to|gone to|moved to|returned to|headed to|arrive[sd]? in|arriving in|held in|signed in|sign [a-z ]{0,40} in)) (?:the )?[A-Z][a-z]+/;

/** A figure that lets an answer serve a "how many / how much" question. */
export const FIGURE = /\d/;

/**
 * Follow-ups, read on the folded words of a clause with a space at each end (conversation.ts).
 * "Tell me more", "go on": more of the last answer.
 */
export const MORE_REQUEST =
  /^ (?:(?:ok|okay|and|so|pls|please|cool|great|thanks|interesting) )*(?:tell me more|tell me more about (?:it|that|this)|more|go on|continue|elaborate|explain (?:more|further|that|this|it)|more (?:detail|details|info|information)|(?:any )?more details?|expand(?: on (?:that|it|this))?|keep going|anything else|what else|say more|details|what more|more please|and then)\b/;
/** "Source?", "quote it", "really?": where the last answer stands in the article. */
export const SOURCE_REQUEST =
  /^ (?:(?:ok|okay|and|so|but) )*(?:source|sources|citation|cite it|cite that|cite|quote it|quote that|quote this|proof|evidence|where does it say (?:that|so|this)|where is that|where did you get that|says who|really|are you sure|is that (?:true|right|correct|accurate)|how do you know|which paragraph|what paragraph|link)\b/;
/** "Is that a lot?", "is he right?": a judgement about what was just said. */
export const JUDGEMENT_FOLLOW_UP =
  /^ (?:(?:ok|okay|and|so|but) )*(?:is (?:that|it|this) (?:a lot|much|enough|good|bad|fair|normal|big|small|high|low|unusual|surprising|a good (?:idea|thing|deal)|a bad (?:idea|thing|deal)|smart|wise|right|wrong)|do you think (?:he|she|they|it|that|this) |is (?:he|she|they) (?:right|wrong)|(?:does|do) (?:he|she|they) (?:have|has) a (?:point|case)|(?:has|have) (?:he|she|they) got a (?:point|case)|was (?:he|she|that|it) (?:right|wrong)|(?:do|would) you agree|good idea|bad idea|makes sense|does that make sense)\b/;
/** "What about Lavrov?", "and the UK?", "no, I meant Trump": the last question about something else. */
export const ELLIPSIS_START =
  /^ (?:(?:ok|okay|so|but) )*(?:and what about|and how about|what about|how about|what of|same (?:for|with)|and for|no i meant|no i mean|i meant|i mean|not (?:him|her|that) i meant|and (?!(?:what|whats|who|whos|whom|whose|when|where|why|how|which|did|does|do|is|are|was|were|will|would|can|could|has|have|had|should|tell|quote|give|explain|then)\b))/;
/** "Starmer too?", "the UK as well?": the last question, about someone else as well. */
export const ELLIPSIS_END = / (?:too|as well|also|did|does|do|was|were)\s*$/;
/** Words that point back at what was just said. */
export const THING_REFERENCES = words('it that this those these');

/**
 * Requests about the story as a whole, the bot itself and the conversation, recognised on the
 * whole message (folded, with a space at each end). Each must be (nearly) all the message says:
 * "what happened" asks for a summary, "what happened at the UN" does not.
 */
const FILLER =
  '(?:ok|okay|so|hey|hi|hello|yo|pls|please|plz|bot|quick|question|quick question|just|lol|tbh|honestly|then|again|now|here|really|basically|me|for me|to me|real quick|briefly|in short|exactly|actually|story bot|storybot|mate|guys|everyone|someone|anyone|thanks|thank you|btw|hmm|um|uh|good|morning|evening|afternoon|can you|could you|would you|will you|can someone|could someone|can anyone|give me|tell me|show me|i only read the (?:title|headline)|i just saw the (?:title|headline)|just saw the (?:title|headline)|i am (?:lost|confused)|im (?:lost|confused))';
const whole = (pattern: string): RegExp => new RegExp(`^ (?:${FILLER} )*(?:${pattern})(?: ${FILLER})* $`);
const THE_ARTICLE =
  '(?:(?:(?:this|the|that|this news|the news|this whole|the whole) )?(?:article|story|piece|report|news|thing|headline|text|situation|one)|this|it|that)';
const IN_IT = `(?: (?:in|of|from|mentioned in|named in|about) ${THE_ARTICLE}| in (?:it|this|here))?`;

export const META_REQUESTS = {
  thanks: whole(
    '(?:(?:ok|okay|cool|great|nice|awesome|perfect|brilliant|cheers|got it|gotcha|makes sense|that helps|helpful) )*(?:thanks|thank you|thank u|thx|ty|tysm|cheers|much appreciated|appreciate it|appreciated)(?: (?:a lot|so much|very much|a ton|loads|heaps|for (?:that|this|the help|helping|explaining|the answer|the info|the explanation)))*',
  ),
  aboutTheBot: whole(
    '(?:who|what) (?:are|r) (?:you|u)|(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|ai|human|real|person|real person|chatgpt|chat gpt|gpt|claude|gemini|llm|language model|machine|program)|what is this bot|what can (?:you|u) do|what do (?:you|u) do|how do (?:you|u) work|who (?:made|built|created|runs) (?:you|u|this bot)|what are you for|is this (?:a bot|an ai|chatgpt)|how does this (?:bot )?work',
  ),
  date: whole(
    `(?:when|what (?:date|day)|what is the date|whats the date) (?:was|is|did) ${THE_ARTICLE} (?:published|written|posted|released|dated|come out|from|out)|(?:what is|whats|what)? ?the date (?:of|on) ${THE_ARTICLE}|when (?:was|is) ${THE_ARTICLE} from|how old is ${THE_ARTICLE}|(?:publication|publish|published) date|date of (?:publication|the article|this article)|is ${THE_ARTICLE} (?:new|old|recent|current)|when was (?:it|this) (?:published|written)|date\\?*`,
  ),
  author: whole(
    `who (?:wrote|authored|writes|reported|filed) ${THE_ARTICLE}|who (?:wrote|authored) (?:it|this|that)|(?:who is|whos|what is|whats|what) the (?:author|writer|journalist|reporter|byline)(?: of ${THE_ARTICLE})?|(?:author|byline|journalist|writer)`,
  ),
  source: whole(
    `(?:where|what) (?:is|was|does|did) ${THE_ARTICLE} (?:from|come from|published|appear)|(?:where is|wheres|where) (?:this|it|that) from|(?:what is|whats|what) the (?:source|outlet|publication|newspaper|paper|publisher)(?: of ${THE_ARTICLE})?|who (?:published|publishes|ran|printed) ${THE_ARTICLE}|which (?:outlet|newspaper|paper|publication|site|website)|source of ${THE_ARTICLE}`,
  ),
  headline: whole(`(?:what is|whats|what was|what)? ?the (?:headline|title)(?: of ${THE_ARTICLE})?`),
  summaryLine: whole(
    `tl ?dr|tldr|too long didnt read|(?:in )?one (?:line|sentence)|(?:sum|summari[sz]e) (?:it|this|${THE_ARTICLE}) up in (?:one|a) (?:line|sentence)|(?:whats|what is|what|give me) the gist(?: of ${THE_ARTICLE})?|the gist|gist|in a nutshell|(?:whats|what is|what) the headline (?:saying|about)|headline version`,
  ),
  summaryPlain: whole(
    `eli ?5(?: ${THE_ARTICLE}| it| this)?|explain (?:it|this|${THE_ARTICLE})? ?(?:to me )?like (?:i am|im) (?:5|five|a child|a kid|ten|10)|(?:in )?(?:simple|plain|easy|basic|layman|laymans) (?:terms|english|words)|explain (?:it|this|${THE_ARTICLE}) simply|(?:dumb|break) it down(?: for me)?|for dummies`,
  ),
  summary: whole(
    `(?:what is|whats|what s|what) (?:this|it|${THE_ARTICLE}) (?:about|all about|saying)|what (?:is|s) ${THE_ARTICLE}|summary|summar(?:y|ise|ize)(?: it| this| ${THE_ARTICLE})?(?: for me)?|(?:give me )?(?:a )?(?:quick )?(?:summary|overview|recap|rundown|breakdown)(?: of ${THE_ARTICLE}| of (?:it|this))?|what happened|what is happening|whats happening|what is going on|whats going on|whats the story|what is the story|(?:the )?(?:main|key) (?:points|takeaways|facts|things)(?: in bullet points)?|(?:the )?(?:key|main) (?:takeaways|points) (?:of|from) ${THE_ARTICLE}|explain (?:this|the|that) (?:headline|article|story|news)|what does ${THE_ARTICLE} say|(?:whats|what is|what) the big picture|big picture|catch me up|fill me in|bring me up to speed|what should i know|what do i need to know|sum (?:it|this) up|(?:whats|what is|what) the (?:news|deal)|what is ${THE_ARTICLE} about`,
  ),
  people: whole(
    `(?:who|which people|what people|which (?:world )?leaders|what (?:world )?leaders|which politicians|who else) (?:are|is|were|was|gets?) (?:all )?(?:the )?(?:people |persons |names |leaders |players |figures |characters )?(?:mentioned|named|involved|quoted|featured|in it|in this|in here|in ${THE_ARTICLE})${IN_IT}|(?:who|which (?:world )?leaders) (?:are|is) (?:in|mentioned in|involved in|named in) ${THE_ARTICLE}|who(?: is| s|s)? who|(?:list|name) (?:all )?(?:the )?(?:people|names|leaders|players|politicians|characters)${IN_IT}|(?:the )?(?:main|key|important) (?:people|players|figures|characters|names|leaders)${IN_IT}|who are (?:all )?the (?:main |key )?(?:people|players|figures|characters|leaders)${IN_IT}|(?:all )?(?:the )?people (?:mentioned|named|involved|in (?:it|this|${THE_ARTICLE}))|who is involved|whos involved|who are the (?:main|key) (?:people|players)|how many people are (?:mentioned|named|in ${THE_ARTICLE})|cast of characters|the cast`,
  ),
  places: whole(
    `(?:what|which) (?:countries|nations|places|cities|capitals|states|countries and places) (?:are|were|is|get)? ?(?:all )?(?:mentioned|named|involved|in it|in this|in ${THE_ARTICLE}|talked about|covered)${IN_IT}|(?:list|name) (?:all )?(?:the )?(?:countries|nations|places|cities)${IN_IT}|where does ${THE_ARTICLE} take place|where is (?:this|it) happening|(?:all )?(?:the )?(?:countries|nations|places) (?:mentioned|named|involved|in (?:it|this|${THE_ARTICLE}))|how many countries (?:are )?(?:mentioned|involved|named)`,
  ),
} as const;

/** "X vs Y", "compare X and Y", "the difference between X and Y": one side against another. */
export const COMPARISON =
  /^ (?:(?:what is|whats|what are|how do|how does|how is|compare|comparing)\s+)?(?:the\s+)?(?:difference between\s+)?(.+?)\s+(?:vs|versus|v|compared (?:to|with)|as opposed to|and how (?:that|it) compares (?:to|with))\s+(.+?) $|^ (?:compare|contrast)\s+(.+?)\s+(?:and|with|to)\s+(.+?) $|^ (?:(?:what is|whats|what) )?(?:the )?differences? between\s+(.+?)\s+and\s+(.+?) $|^ how (?:do|does|did)\s+(.+?)\s+(?:and)\s+(.+?)\s+differ\b/;

/**
 * "Which was bigger, the loan or the appeal?": two figures to set side by side, each its own
 * question ("how much was the loan?"). The two phrases, without their articles.
 */
export const WHICH_FIGURE_IS_MORE =
  /^ (?:which|what|which one|which figure|which amount|which sum) (?:is|was|are|were|will be|would be) (?:the )?(?:bigger|larger|greater|smaller|higher|lower|more|less|fewer)(?: one| amount| sum| figure| number)?,? (?:the |a |an )?(.+?),? or (?:the |a |an )?(.+?) $/;

/** Words of comparing: with two sides named, the message weighs one against the other. */
export const COMPARISON_CUE =
  /\b(?:compare|compared|comparison|comparing|versus|vs|differ|differs|difference|differences|different|same page|agree with|disagree|disagreement|gap between|similarities|in common|contrast)\b/;

/** Words asking what someone thinks or where they stand. */
export const VIEW_WORDS = words(
  'think thinks thought feel feels felt react reacts reacted respond responds responded reaction response view views position positions stance stances opinion opinions',
);

/** Words asking where someone stands (not how they reacted): "what does Russia think?". */
export const POSITION_WORDS = words(
  'think thinks view views position positions stance stances opinion opinions',
);

/**
 * Words that frame what is asked rather than name it: "what stance did she take", "the legal
 * side of it", "from the money angle". A story that never uses one has nothing to match it with.
 */
export const FRAMING_WORDS = new Set([...POSITION_WORDS, ...words('side sides aspect aspects angle angles')]);

/** Verbs of judging something so ("people found it shocking"): no subject of their own. */
export const JUDGING_VERBS = words('find finds found');

/**
 * Questions that ask the bot to judge, predict or advise, or whether a claim is true: the
 * article reports, so the honest reply says it doesn't judge, and what it does report.
 */
export type JudgementKind = 'opinion' | 'prediction' | 'advice' | 'truth';

/** Words that judge someone or something rather than describe them. */
const EVALUATIVE =
  '(?:right|wrong|correct|justified|fair|unfair|good|bad|great|terrible|awful|smart|wise|stupid|dumb|naive|weak|strong|brave|cowardly|honest|dishonest|lying|a liar|liars|corrupt|evil|dangerous|reckless|a good idea|a bad idea|a mistake|a good (?:deal|thing|move|leader|pm|president|prime minister|choice|plan)|a bad (?:deal|thing|move|leader|pm|president|prime minister|choice|plan)|the good guys?|the bad guys?|a dictator|a hero|a villain|a traitor|a puppet|a criminal|a war criminal|a fascist|an idiot|a genius|crazy|insane|mad|biased|propaganda|fake|fake news|true|accurate|reliable|trustworthy|balanced|legit|real|enough|too much|too little|worth it|worth|justifiable|acceptable|appropriate|unreasonable|reasonable|overreacting|to blame|responsible|at fault|in the right|in the wrong|winning|losing(?! (?:money|cash|jobs|staff|workers|customers|members|passengers|sales|orders|business|trade|\\d))|the winner|the loser)';
const PREDICTION_VERBS =
  '(?:succeed|succeeds|work|works|work out|happen|happens|end|ends|win|wins|lose|loses|invade|invades|attack|attacks|agree|agrees|accept|accepts|convince|persuade|manage|last|hold|collapse|fail|fails|pay off|make (?:the )?(?:us |america )?money|make a difference|help|escalate|start a war|go to war|end up|get (?:it|what)|give in|back down|change (?:his|her|their) mind|come|be (?:enough|safe|protected|peace|war|a deal|a war|signed)|bring peace|survive|recover|retaliate|sign up|get re elected|be re elected|get reelected|be reelected|get elected|be elected|re elected|reelected|keep (?:his|her|their) promise|follow through|deliver|cave|budge|do it|say yes|say no|go over budget|overrun|run over budget|run late|be late|be delayed|be ready(?! to )|be finished on time|open on time|be worth it|pay for itself|break even|go bust|go under|shut down|get relegated|be relegated|go down|stay up|get promoted|be promoted|replace|overtake|beat|score|catch on|take off|rain|snow|improve|worsen|get worse|get better|rise|fall|go up|come down|run out|dry up|be lifted|be extended|be scrapped|do the same|do likewise|follow suit|follow (?:its|their|his|her|the uks?|britains?) (?:lead|example))';

/** A stance or plan the article can report, not a verdict: "keen on", "willing to", "ready to". */
const STANCE_ADJECTIVE =
  /\b(?:keen|willing|unwilling|ready|prepared|eager|reluctant|hesitant|planning|set|due|expected|likely|able|allowed|minded) (?:on|to|about)\b/;
/** "Is Lavrov lying?", "is Zelensky actually a dictator?": whether a claim about someone is true. */
const CLAIM_JUDGED = new RegExp(
  `^ (?:is|was|are|were|isnt|wasnt|arent) (?:(?!to )[a-z0-9.%]+ ){1,7}(?:really |actually |truly |even |being |just |so |too |very |kind of |sort of |basically |literally |a bit |being a )*${EVALUATIVE}(?: [a-z0-9.%]+){0,6} $`,
);
/** "(Is it true that) he is a dictator": a verdict claimed, not something the article may report. */
const VERDICT_CLAIMED = new RegExp(`\\b(?:is|was|are|were) (?:[a-z]+ ){0,3}${EVALUATIVE}\\b`);
/** "Will Putin invade again?", "will the line really carry that many?": a forecast asked for. */
const PREDICTION_ASKED = new RegExp(
  `^ (?:(?:and|so|but|ok) )?(?:will|wont|would|is|are|do you think|does|do)(?: [a-z0-9.%]+){0,7} (?:will |wont |would |going to |gonna |likely to |ever |actually |really |finally |eventually )+${PREDICTION_VERBS}\\b|^ (?:(?:and|so|but|ok) )?(?:will|wont|would)(?: [a-z0-9.%]+){0,5} ${PREDICTION_VERBS}\\b|^ (?:(?:and|so|but|ok) )?(?:will|wont)(?: [a-z0-9.%]+){1,5} (?:really|actually) [a-z]+|^ (?:(?:and|so|but|ok) )?(?:will|wont|would)(?: [a-z0-9.%]+){1,8} (?:eventually|one day|someday|some day|in the long run|down the line|in years to come)\\b`,
);

export function judgementOf(folded: string): JudgementKind | null {
  const text = ` ${folded
    .replace(/[^a-z0-9.% ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
  // "According to the article", "does the article say": a question about what it reports.
  if (
    /\b(?:according to|in the article|(?:the|this) (?:article|story|piece|report) (?:say|says|said|describe|describes|report|reports|mention|mentions|claim|claims|suggest|suggests))\b/.test(
      text,
    )
  )
    return null;
  if (
    /\b(?:do|did|would|will) (?:you|u) (?:think|reckon|believe|agree|feel|suppose|support|side with|stand with|prefer)\b|\bwhat (?:do|would|did) (?:you|u) (?:think|reckon|make of|say|do)\b|\b(?:your|ur) (?:view|opinion|take|thoughts|verdict|position)\b|\bin your (?:view|opinion)\b|\bwhat would (?:you|u) do\b|\b(?:how|what|who|which|where|when) would (?:you|u)\b|\bwould (?:you|u) have\b|\bif you were\b|\bhow do you feel\b|\bwhos? (?:the )?(?:good|bad) guys?\b|\bwho is (?:the )?(?:good|bad) guys?\b|\bwho(?: is|s)? (?:right|wrong|to blame|in the right|at fault|winning|the winner)\b|\bwho(?: is|s)? the better\b|\bwhich (?:side|one|country) is (?:right|wrong|better|worse)\b|\bwho should (?:i|we) (?:believe|trust|support)\b/.test(
      text,
    )
  )
    return 'opinion';
  if (
    /\b(?:fake news|propaganda|is (?:this|the article|the story|this article|this story|this news|the news|the source) (?:biased|fake|real|reliable|trustworthy|legit|balanced|misleading|propaganda|one sided)|is (?:it|that) (?:biased|fake|propaganda|misleading|one sided)|can i trust (?:this|it|the article)|is (?:this|the) (?:article|story|source) (?:biased|reliable|trustworthy|fake|legit))\b/.test(
      text,
    )
  )
    return 'truth';
  // "Is it true the crew want 8%?" asks whether the article reports it: a question of fact,
  // unless what is claimed is a verdict ("is it true that he is a dictator?"; not "that Trump
  // called him a dictator", which the article may report).
  const claim =
    /^ (?:is|was|isnt) (?:it|this|that) (?:really |actually |even )?true (?:that )?((?:[a-z0-9.%]+ ){2,}) ?$/.exec(
      text,
    );
  if (claim) {
    const claimed = ` ${claim[1] ?? ''}`;
    return VERDICT_CLAIMED.test(claimed) ? 'truth' : judgementOf(claimed);
  }
  // "Is Lavrov lying?", "is Zelensky actually a dictator?", "was the vote a mistake?", "is 2.5% enough?"
  // Not a stance the article reports: "is Trump keen on giving strong guarantees?".
  if (CLAIM_JUDGED.test(text) && !STANCE_ADJECTIVE.test(text)) return 'truth';
  // "What did Trump call him?" - "is he actually one though?": whether a claim is true.
  if (
    /^ (?:is|was|are|were) (?:he|she|it|they|that|this) (?:really|actually|truly|even) (?:one|that|true|right|so)\b/.test(
      text,
    )
  )
    return 'truth';
  if (
    /^ (?:did|does|do) (?:[a-z]+ ){1,3}(?:really|actually|truly) (?:start|begin|cause|want|mean|lie|win)\b/.test(
      text,
    )
  )
    return 'truth';
  if (
    /\b(?:is|was|are|were) (?:it|this|that|the (?:deal|vote|plan|decision|move|backstop|pledge|idea|agreement|resolution)) (?:a )?(?:good|bad|smart|wise|right|wrong|fair|the right|the wrong) (?:idea|thing|move|decision|call|deal|plan|choice)?\b|\b(?:good|bad) (?:idea|deal|move) for\b|\bis (?:the|this) (?:deal|plan|agreement|backstop|vote) (?:good|bad|fair|smart) for\b/.test(
      text,
    )
  )
    return 'opinion';
  if (
    /\b(?:should|shouldnt|ought to|oughta|must) (?:[a-z]+ )*(?:do|send|give|help|sign|agree|accept|stop|fight|trust|support|back|pay|spend|leave|join|invade|defend|protect|provide|offer|commit|intervene|care|worry|believe|be|lead|step in|step up|take charge|be in charge|negotiate)\b/.test(
      text,
    ) &&
    !/\b(?:according to|say|says|said|think|thinks|reckon|reckons|feel|feels|believe|believes|want|wants|urge|urges|urged|claim|claims|argue|argues|suggest|suggests|suggested|view|views|opinion|position|stance)\b/.test(
      text,
    )
  )
    return 'advice';
  // "Will Putin invade again?", "is the UK going to end up at war?"; not "what would the backstop do?".
  // "Will the line really carry that many?": doubting a plan, whatever the verb.
  if (
    PREDICTION_ASKED.test(text) &&
    !/\b(?:set to|due to|planned|plans? to|announced|pledged|promised|says (?:it|he|she|they) will|said (?:it|he|she|they) would)\b/.test(
      text,
    )
  )
    return 'prediction';
  if (
    /\bwhat (?:will|is going to|happens|would) happen\b|\bwhat happens next\b|\bwhat(?: is|s)? next\b|\bhow will (?:this|it|that|things) (?:end|go|play out)\b|\bwill there (?:ever )?be\b|\bis there going to be\b|\bchances? (?:of|that)\b|\bhow likely\b|\bpredict(?:ion)?\b|\bin the future\b|\bin (?:10|ten|five|5|a few) years\b/.test(
      text,
    )
  )
    return 'prediction';
  // "Who will win the league?", "which team is going to go down?": a contest not yet decided.
  if (
    /^ (?:(?:and|so|but|ok) )?(?:who |which (?:[a-z]+ ){1,2})(?:will|is going to|are going to|gonna|would) (?:win|lose|come (?:first|top|last)|finish (?:first|top|bottom|last)|get relegated|be relegated|go down|stay up|get promoted|be promoted)\b/.test(
      text,
    )
  )
    return 'prediction';
  // "Will the line really carry 14,000 people a day?": doubting a forecast is asking for a prediction.
  if (
    /^ (?:(?:and|so|but|ok) )?(?:will|wont|would)(?: [a-z0-9.%]+){1,5} (?:really|actually|ever|truly) [a-z]+/.test(
      text,
    )
  )
    return 'prediction';
  // "And after 2027?" (after "by when?"): past the article's horizon too.
  if (/^ (?:and |but |so |what about |how about |ok )?(?:after|beyond|past|post) (?:19|20)\d\d $/.test(text))
    return 'prediction';
  // "Will the UK go up to 3% after 2027?": past the article's horizon, whatever it reports until then.
  if (/\b(?:will|wont|going to|gonna)\b.*\b(?:after|beyond|past|post) (?:19|20)\d\d\b/.test(text))
    return 'prediction';
  return null;
}

/**
 * Personal details news stories rarely give, asked of a person: "how old is he?" ->
 * "age". The reply names what is missing ("The article doesn't give Lavrov's age").
 */
const PERSONAL_DETAILS: readonly (readonly [string, RegExp])[] = [
  ['age', /\bhow old\b|\bage\b|\bwhen was (?:he|she|they|[a-z]+) born\b|\bbirthday\b|\byear of birth\b/],
  ['birthplace', /\bwhere (?:was|is) (?:he|she|they|[a-z]+) (?:born|from)\b|\bbirthplace\b|\bhome ?town\b/],
  ['family', /\b(?:wife|husband|spouse|married|children|kids|sons?|daughters?|family|partner|parents)\b/],
  ['salary', /\b(?:salary|paid|earn|earns|income|net worth|how rich|wealth)\b/],
  ['education', /\b(?:educat\w*|university|college|school|degree|studied|study)\b/],
  ['height', /\bhow tall\b|\bheight\b/],
  ['religion', /\breligio\w*\b/],
  ['health', /\b(?:health|ill|sick|illness)\b/],
  [
    'career before',
    /\bwhat did (?:he|she|they|[a-z]+) do before\b|\bbefore (?:he|she|they) became\b|\bprevious (?:job|jobs|career|role|roles|posts?)\b|\bformer (?:job|career)\b|\bcareer\b|\b(?:jobs?|posts?|roles?|positions?|offices?) (?:has|have|had|did) (?:[a-z]+ ){1,3}(?:held|hold|had)\b(?=.*\bbefore\b)|\bbefore (?:joining|becoming|entering)\b/,
  ],
  [
    'time in office',
    /\bhow long (?:has|have|was|were|had) (?:he|she|they|[a-z]+) been\b(?! [a-z]+ing\b)|\bwhen did (?:he|she|they|[a-z]+) (?:become|take office|come to power)\b|\bwhen was (?:he|she|[a-z]+) (?:elected|prime minister|president|pm)\b/,
  ],
];

export function personalDetailOf(folded: string): string | null {
  for (const [detail, pattern] of PERSONAL_DETAILS) if (pattern.test(folded)) return detail;
  return null;
}
