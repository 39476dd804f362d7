/**
 * Answers about the story as a whole, from its data, every part cited: who is in it, which
 * countries and bodies, what it is about (in a line, a paragraph, or plainly), its date and
 * source, and where one side stands against another. Also the bot's few words about itself.
 */
import type { Answer } from './answer.ts';
import { capitalNames } from './english/gazetteer.ts';
import type { Citation, KnowledgeBase } from './knowledge.ts';
import { coreMessages } from './messages.ts';
import { popular, quoteAnswer } from './replies.ts';
import type { QuoteEntry } from './schema.ts';

/** How an overview answer is built: its text and the places it rests on. */
function overview(
  question: string,
  kind: 'overview' | 'meta',
  text: string,
  citations: readonly Citation[],
  ids: readonly string[] = [],
): Answer {
  return {
    question,
    answered: true,
    kind,
    reason: null,
    text,
    citation: citations[0] ?? null,
    citations,
    confidence: 1,
    id: ids[0] ?? null,
    ids,
    suggestions: [],
    quotes: [],
    decidedBy: '',
    runnersUp: [],
  };
}

/** The citation of a paragraph ("p4") or sentence ("p4.s2"), verbatim. */
export function citationOfPlace(kb: KnowledgeBase, ref: string): Citation | null {
  const sentence = kb.citationOf.get(ref);
  if (sentence) return sentence;
  const paragraph = kb.article.places.get(ref);
  return paragraph ? { paragraph: ref, sentences: [], excerpt: paragraph.text } : null;
}

const citationsOf = (kb: KnowledgeBase, refs: readonly string[]): Citation[] =>
  refs.map((ref) => citationOfPlace(kb, ref)).filter((c) => c !== null);

/** An overview that lists things, each with where the article has it: "• X (paragraph 4)", all cited. */
function listOverview(
  kb: KnowledgeBase,
  question: string,
  intro: string,
  items: readonly { readonly text: string; readonly at: string }[],
): Answer {
  const lines = items.map(({ text, at }) => `• ${text} (paragraph ${at.slice(1).split('.')[0]})`);
  return overview(
    question,
    'overview',
    `${intro}\n${lines.join('\n')}`,
    citationsOf(
      kb,
      items.map((i) => i.at),
    ),
  );
}

/** What the story's summaries rest on: story.yaml's `cites`, or the opening paragraph. */
function summaryCitations(kb: KnowledgeBase): Citation[] {
  const refs = kb.story.cites ?? [];
  return citationsOf(kb, refs.length > 0 ? refs : ['p1']);
}

const lede = (kb: KnowledgeBase): string => kb.article.paragraphs[0]?.text ?? kb.story.title;
const firstSentence = (kb: KnowledgeBase): string =>
  kb.article.paragraphs[0]?.sentences[0]?.text ?? kb.story.title;

export type SummaryLength = 'line' | 'paragraph' | 'plain';

/** The story in one line, in a paragraph, or plainly ("eli5"): curated when story.yaml has it, else the lede. */
export function summaryAnswer(kb: KnowledgeBase, question: string, length: SummaryLength): Answer {
  const { story } = kb;
  const text =
    length === 'line'
      ? (story.tldr ?? firstSentence(kb))
      : length === 'plain'
        ? (story.plain ?? story.tldr ?? firstSentence(kb))
        : (story.summary ?? lede(kb));
  return overview(question, 'overview', text, summaryCitations(kb));
}

/** "How does the article end?": its last paragraph, cited. */
export function endingAnswer(kb: KnowledgeBase, question: string): Answer {
  const last = kb.article.paragraphs.at(-1);
  if (last === undefined) return summaryAnswer(kb, question, 'paragraph');
  const citation = { paragraph: last.id, sentences: [], excerpt: last.text };
  return overview(question, 'overview', `${coreMessages.endsWith(last.number)}\n“${last.text}”`, [citation]);
}

/** Everyone in the story, with their role as the article gives it, each cited where it names them. */
export function peopleAnswer(kb: KnowledgeBase, question: string): Answer {
  if (kb.people.length === 0) {
    return overview(question, 'overview', coreMessages.noPeople, summaryCitations(kb));
  }
  return listOverview(kb, question, coreMessages.peopleIntro, kb.people.map(personLine));
}

/** The article's direct quotes, each with who said it, cited where it stands. */
export function quotesAnswer(kb: KnowledgeBase, question: string): Answer {
  const direct = kb.quotes.filter((q) => q.kind === 'direct');
  if (direct.length === 0)
    return overview(question, 'overview', coreMessages.noDirectQuotes, summaryCitations(kb));
  const nameOf = (id: string): string => kb.personById.get(id)?.name ?? id;
  return listOverview(
    kb,
    question,
    coreMessages.quotesIntro,
    direct
      .slice(0, MAX_LISTED_QUOTES)
      .map((q) => ({ text: `${nameOf(q.speaker)}: “${q.text}”`, at: q.cites })),
  );
}
/** Most quotes a list of them shows: the first ones, not the whole article again. */
const MAX_LISTED_QUOTES = 10;

/** A country as a sentence names it: "the UK", "the US" (known by initials), "Russia". */
const countryName = (country: string): string => (/^[A-Z]{2,}$/.test(country) ? `the ${country}` : country);

const personLine = (p: KnowledgeBase['people'][number]): { text: string; at: string } => ({
  text: `${p.name}${p.role ? `, ${p.role}` : ''}`,
  at: p.cites[0] ?? 'p1',
});

/**
 * The story's people from some countries (as terms: "uk", "russia"), with their roles, each
 * cited; null when the story names no one from them.
 */
export function peopleFromAnswer(
  kb: KnowledgeBase,
  question: string,
  countries: ReadonlySet<string>,
): Answer | null {
  const from = kb.people.filter(
    (p) => p.country !== undefined && countries.has(kb.analyzer.termOf(p.country)),
  );
  if (from.length === 0) return null;
  const names = [...new Set(from.map((p) => p.country as string))].map(countryName).join(' and ');
  return listOverview(kb, question, coreMessages.peopleFromIntro(names), from.map(personLine));
}

/** Where in the article a term is first named, as a sentence id. */
function firstMention(kb: KnowledgeBase, term: string): string | null {
  for (const paragraph of kb.article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const doc = kb.index.documentIndex(sentence.id);
      if (doc !== undefined && kb.index.documentHas(doc, term)) return sentence.id;
    }
  }
  return null;
}

/**
 * Capitals the article names in its own words ("Washington", "Kyiv"), where each first appears:
 * places a reader counts even when the story reads them as their country.
 */
function citiesNamed(kb: KnowledgeBase): readonly { name: string; at: string }[] {
  // Found once per knowledge base: the gazetteer's file is read and the article scanned once,
  // not on every "what places?" question.
  const known = citiesOf.get(kb);
  if (known) return known;
  const found: { name: string; at: string }[] = [];
  for (const name of CAPITALS()) {
    const pattern = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
    const at = kb.article.paragraphs.flatMap((p) => p.sentences).find((s) => pattern.test(s.text))?.id;
    if (at !== undefined) found.push({ name, at });
  }
  citiesOf.set(kb, found);
  return found;
}

const citiesOf = new WeakMap<KnowledgeBase, readonly { name: string; at: string }[]>();
let capitals: readonly string[] | undefined;
const CAPITALS = (): readonly string[] => {
  capitals ??= capitalNames();
  return capitals;
};

/** The countries, places and bodies the story names, each cited where it first appears. */
export function placesAnswer(kb: KnowledgeBase, question: string): Answer {
  const found = kb.places
    .map((place) => ({ place, at: firstMention(kb, place.term) }))
    .filter((p): p is { place: (typeof kb.places)[number]; at: string } => p.at !== null);
  if (found.length === 0) {
    return overview(question, 'overview', coreMessages.noPlaces, summaryCitations(kb));
  }
  const named = new Set(found.map(({ place }) => place.name));
  const cities = citiesNamed(kb).filter((c) => !named.has(c.name));
  const all = [...found.map(({ place, at }) => ({ name: place.name, at })), ...cities];
  return listOverview(
    kb,
    question,
    coreMessages.placesIntro,
    all.map(({ name, at }) => ({ text: name, at })),
  );
}

/** Most sentences a "key numbers" or "key dates" answer lists: those, not the whole article again. */
const MAX_LISTED_SENTENCES = 8;
/** A figure in digits: a sum, a share, a count (a year alone is a date, not a figure). */
const FIGURE =
  /\d[\d,.]*\s?(?:%|per ?cent|percent|million|billion|bn|m\b|km|kg)|[£$€]\s?\d|\b(?!(?:19|20)\d\d\b)\d[\d,.]*\b/i;
/** A date or a time: a day, a month, a year, "next week", "by 2027". */
const DATE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|january|february|march|april|(?:in|by|from|until|since|on|next|last|early|late|mid) may|may \d|june|july|august|september|october|november|december|(?:next|last|this) (?:week|month|year|spring|summer|autumn|winter)|(?:19|20)\d\d)\b/i;

/** The article's sentences that match, in order, each cited: the figures, or the dates. */
function sentencesOverview(
  kb: KnowledgeBase,
  question: string,
  pattern: RegExp,
  intro: string,
  none: string,
): Answer {
  const sentences = kb.article.paragraphs
    .flatMap((p) => p.sentences)
    .filter((s) => pattern.test(s.text))
    .slice(0, MAX_LISTED_SENTENCES);
  if (sentences.length === 0) return overview(question, 'overview', none, summaryCitations(kb));
  return listOverview(
    kb,
    question,
    intro,
    sentences.map((s) => ({ text: s.text, at: s.id })),
  );
}

/** "Give me the key numbers": the article's sentences that give a figure, in order, each cited. */
export const figuresAnswer = (kb: KnowledgeBase, question: string): Answer =>
  sentencesOverview(kb, question, FIGURE, coreMessages.figuresIntro, coreMessages.noFigures);

/**
 * What a report says is still open: not yet known or decided, not answered, declined, expected
 * later ("A decision is expected by the end of July", "it was too early to say").
 */
const LEFT_OPEN =
  /\b(?:not (?:yet )?(?:known|clear|decided|answered|confirmed)|unclear|unknown|undecided|too early to (?:say|tell)|(?:has|have|had) (?:not|yet to) (?:answered|said|decided|confirmed|announced|named)|(?:would|will|could) not (?:comment|say|confirm)|declined to (?:name|comment|say|confirm)|(?:is|are|was|were) expected (?:by|in|on|later|next|within)|yet to be (?:decided|announced|confirmed|named)|remains? to be seen|can ?not (?:tell|say) (?:them |us |you )?yet|can't (?:tell|say) (?:them |us |you )?yet)\b/i;

/** "What's still unknown?": the article's sentences that say what is not yet known or decided, each cited. */
export const unknownsAnswer = (kb: KnowledgeBase, question: string): Answer =>
  sentencesOverview(kb, question, LEFT_OPEN, coreMessages.unknownsIntro, coreMessages.noUnknowns);

/** "What dates does it mention?": the article's sentences that give a day, month or year, each cited. */
export const datesAnswer = (kb: KnowledgeBase, question: string): Answer =>
  sentencesOverview(kb, question, DATE, coreMessages.datesIntro, coreMessages.noDates);

export type StoryFact = 'date' | 'source' | 'author' | 'headline';

/** The story's date, source, author or headline, from story.yaml; honest when it has none. */
export function storyFactAnswer(kb: KnowledgeBase, question: string, fact: StoryFact): Answer {
  const { story } = kb;
  const text =
    fact === 'date'
      ? story.date
        ? coreMessages.storyDate(story.date, story.dateNote)
        : coreMessages.noStoryDate
      : fact === 'source'
        ? coreMessages.storySource(story.source)
        : fact === 'author'
          ? story.author
            ? coreMessages.storyAuthor(story.author, story.source)
            : coreMessages.noStoryAuthor(story.source)
          : coreMessages.storyHeadline(story.title);
  return overview(question, 'meta', text, []);
}

/** "Who are you?", "are you ChatGPT?": one line on what the bot is and which story it knows. */
export function aboutTheBotAnswer(kb: KnowledgeBase, question: string): Answer {
  return {
    ...overview(question, 'meta', coreMessages.aboutTheBot(kb.story.title), []),
    suggestions: popular(kb),
  };
}

/** "Hi", "help": what the bot does, and a few questions to start with. */
export function greetingAnswer(kb: KnowledgeBase, question: string): Answer {
  return {
    ...overview(question, 'meta', coreMessages.smallTalk(kb.story.title), []),
    suggestions: popular(kb),
  };
}

export function thanksAnswer(kb: KnowledgeBase, question: string): Answer {
  return { ...overview(question, 'meta', coreMessages.youAreWelcome, []), suggestions: popular(kb) };
}

/**
 * The people who speak for a side: the person themselves, or the people of a country (its
 * office holders first: a "former" one speaks for it less).
 */
export function speakersFor(kb: KnowledgeBase, side: string): string[] {
  if (side.startsWith('#')) return [side.slice(1)];
  // Those who serve it ("country: UK"), or whose role names it ("chief executive of the Chamber").
  const speaksFor = (p: (typeof kb.people)[number]): boolean =>
    (p.country !== undefined && kb.analyzer.termOf(p.country) === side) ||
    (p.role !== undefined && kb.analyzer.termsOf(p.role).includes(side));
  return kb.people
    .filter(speaksFor)
    .sort((a, b) => Number(/\bformer\b/i.test(a.role ?? '')) - Number(/\bformer\b/i.test(b.role ?? '')))
    .map((p) => p.id);
}

/**
 * What a side has said, as the article reports it: its speakers' quotes, in article order. With
 * `about` ("the UK's view on peacekeepers"), the quotes on that first, when any are.
 */
export function positionAnswer(
  kb: KnowledgeBase,
  question: string,
  side: string,
  about: readonly string[] = [],
): Answer | null {
  const speakers = speakersFor(kb, side);
  const quotes: QuoteEntry[] = [];
  for (const speaker of speakers) {
    // Statements, not the single words the article puts in quotation marks ("backstop").
    for (const quote of kb.quotes) {
      if (quote.speaker === speaker && quote.text.split(/\s+/).length >= 4) quotes.push(quote);
    }
    if (quotes.length > 0) break; // the first speaker who says anything speaks for the side
  }
  if (quotes.length === 0) return null;
  const onIt = (quote: QuoteEntry): boolean => {
    const doc = kb.index.documentIndex(quote.id);
    return doc !== undefined && about.some((term) => kb.index.documentHas(doc, term));
  };
  const ranked = [...quotes.filter(onIt), ...quotes.filter((q) => !onIt(q))];
  return quoteAnswer(kb, question, ranked.slice(0, 3), 1);
}

/**
 * "What are the different sides?": each person the article quotes, with their side (country) and
 * their first statement, in article order, each cited. Single quoted words ("backstop") are no statement.
 */
export function sidesAnswer(kb: KnowledgeBase, question: string): Answer | null {
  const items: { text: string; at: string }[] = [];
  for (const person of kb.people) {
    const quote = kb.quotes.find((q) => q.speaker === person.id && q.text.split(/\s+/).length >= 4);
    if (!quote) continue;
    const side = person.country ? ` (${person.country})` : '';
    // Reported speech is the article's words, not the speaker's: it says so, without quotation marks.
    const words = quote.kind === 'direct' ? `: “${quote.text}”` : `, in the article’s words: ${quote.text}`;
    items.push({ text: `${person.name}${side}${words}`, at: quote.cites });
  }
  if (items.length < 2) return null;
  const order = (at: string): number[] => (at.match(/\d+/g) ?? []).map(Number);
  items.sort((a, b) => {
    const [x, y] = [order(a.at), order(b.at)];
    return (x[0] ?? 0) - (y[0] ?? 0) || (x[1] ?? 0) - (y[1] ?? 0);
  });
  return listOverview(kb, question, coreMessages.sidesIntro, items);
}

/**
 * "What topics are there?": the curated topics, each with the first question of its entries and
 * where that answer stands in the article. Null for a story with no curated topics.
 */
export function topicsAnswer(kb: KnowledgeBase, question: string): Answer | null {
  const items = kb.topics.flatMap((topic) => {
    const entry = kb.entries.find((e) => e.topic === topic.id && !e.draft);
    return entry ? [{ text: `${topic.title}: “${entry.question}”`, at: entry.cites[0] ?? 'p1' }] : [];
  });
  return items.length === 0 ? null : listOverview(kb, question, coreMessages.topicsIntro, items);
}

/** "Which country is Lavrov from?": the glossary's country of one of the story's people, cited where the article names them. */
export function countryOfPersonAnswer(kb: KnowledgeBase, question: string, personId: string): Answer | null {
  const person = kb.personById.get(personId);
  if (person?.country === undefined) return null;
  const text = coreMessages.countryOfPerson(
    person.name,
    person.role ?? '',
    countryName(person.country),
    person.pronoun,
  );
  return overview(question, 'overview', text, citationsOf(kb, person.cites.slice(0, 1)));
}

/** One side's position labelled with its name, for comparisons. */
export function labelled(kb: KnowledgeBase, side: string, answer: Answer): Answer {
  const name = side.startsWith('#')
    ? (kb.personById.get(side.slice(1))?.name ?? side)
    : (kb.places.find((p) => p.term === side)?.name ?? side);
  // A position made of someone's quotes already opens with their name.
  return answer.text.startsWith(name) ? answer : { ...answer, text: `${name}: ${answer.text}` };
}
