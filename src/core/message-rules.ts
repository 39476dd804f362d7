/**
 * Message rules: decisions about a whole message, made before any clause is looked at. An empty
 * message, thanks, small talk, questions about the bot or about the story as a whole (its date,
 * source, summary, people, places), one side against another, and follow-ups that lean on the
 * conversation ("tell me more", "source?", "is that a lot?", or one with nothing to follow).
 * Like the clause rules, they are named and ordered; the first that decides names the answer.
 */
import { type AnalyzedClause, type AnalyzedQuestion, isSetting } from './analyzer.ts';
import type { Answer } from './answer.ts';
import { type FollowUp, lastClauseOf, type Turn } from './conversation.ts';
import { isCommonEnglishWord } from './english/index.ts';
import { type Intent, readIntent } from './intents.ts';
import type { KnowledgeBase } from './knowledge.ts';
import {
  COMPARISON,
  COMPARISON_CUE,
  LANGUAGES,
  SAY_WORDS,
  STOP_WORDS,
  VIEW_WORDS,
  WHICH_FIGURE_IS_MORE,
} from './lexicon.ts';
import { coreMessages } from './messages.ts';
import {
  aboutTheBotAnswer,
  datesAnswer,
  endingAnswer,
  figuresAnswer,
  greetingAnswer,
  labelled,
  peopleAnswer,
  peopleFromAnswer,
  placesAnswer,
  positionAnswer,
  quotesAnswer,
  sidesAnswer,
  storyFactAnswer,
  summaryAnswer,
  thanksAnswer,
  topicsAnswer,
  unknownsAnswer,
} from './overview.ts';
import {
  closeQuestions,
  combine,
  decline,
  entryAnswer,
  MAX_SUGGESTIONS,
  personSuggestions,
  popular,
  quoteAnswer,
  round,
  suggestionFor,
} from './replies.ts';
import { isPhrasingOfAnswer, LEADING_LABEL } from './rules.ts';
import { foldWordsOnly, hasWordCharacters, wordsOf } from './text.ts';

/** What message rules see: the whole message, read against the conversation. */
export interface MessageContext {
  readonly kb: KnowledgeBase;
  readonly analysis: AnalyzedQuestion;
  readonly question: string;
  readonly turns: readonly Turn[];
  readonly forceQuote: boolean;
  /** How each clause reads against the conversation. */
  readonly readings: readonly FollowUp[];
  /** The whole message folded, with a space at each end, for the message patterns of lexicon.ts. */
  readonly padded: string;
  /** What the message asks of the story as a whole or of the bot, when that is all it asks. */
  readonly intent: Intent | null;
  /** Decides one clause with the clause rules (for comparisons: one side at a time). */
  decideClause(clause: AnalyzedClause): Answer;
}

export interface MessageRule {
  readonly name: string;
  /** One line: when the rule fires and what it decides. */
  readonly doc: string;
  decide(context: MessageContext): Answer | null;
}

/** "Was it Theresa May who urged...?", "is it the UK that...": the one named, and the deed. */
const WAS_IT_THEM =
  /^ (?:so |and |but )?(?:was|is|were|wasnt|isnt) it (?:really |actually )?((?:[a-z.']+ ){1,4}?)(?:who|that) (\S.*?) $/;

/** "Which Russians are mentioned?", "any Americans in it?": people of a nationality, in the story. */
const PEOPLE_OF_A_COUNTRY =
  /^ (?:so |and |ok )?(?:which|what|who are the|are there any|any|list the|name the) [a-z]+s (?:are |were |get |got )?(?:mentioned|named|quoted|involved|featured|in (?:it|this|the story|the article|the piece))\b/;

/** The message asks this of the story as a whole (or of the bot), and nothing more specific. */
function asksFor(context: MessageContext, intent: Intent): boolean {
  return context.intent === intent;
}

/** A Q&A entry one of whose phrasings asks it ("What are the key figures?"). */
function entryAsks(kb: KnowledgeBase, id: string | null | undefined, intent: Intent): boolean {
  const entry = id === null || id === undefined ? undefined : kb.entryById.get(id);
  if (entry === undefined) return false;
  return [entry.question, ...entry.alternates].some(
    (phrasing) => readIntent(wordsOf(foldWordsOnly(phrasing)))?.intent === intent,
  );
}

/** The languages, as one alternation for the pattern below. */
const LANGUAGE_NAMES = [...LANGUAGES].join('|');
/** Asking for a word in another language, which no news story answers. */
const TRANSLATION_ASKED = new RegExp(
  `\\b(?:how (?:do|would|does) (?:you|u|one) say\\b.* in (?:${LANGUAGE_NAMES})|translat\\w* (?:[a-z]+ ){0,4}(?:in)?to (?:${LANGUAGE_NAMES})|(?:${LANGUAGE_NAMES}) (?:word|term|phrase|name|translation) for|in (?:${LANGUAGE_NAMES}) (?:please|pls)?\\s*$)|^ translate\\b`,
);

/**
 * A Q&A entry's answer, chosen by a rule rather than found by search (the curators' own phrasing,
 * the entry they relate): it fits the question fully. Null for an id no document has.
 */
function chosenEntryAnswer(kb: KnowledgeBase, question: string, id: string): Answer | null {
  const doc = kb.index.documentIndex(id);
  if (doc === undefined) return null;
  return entryAnswer(kb, question, {
    doc,
    kind: 'qa',
    id,
    score: 1,
    cover: 1,
    bestCq: 1,
    bestCp: 1,
    bestF: 1,
  });
}

/** The fewest words a reader must quote for "who said …?" to be read as a search for them. */
const MIN_QUOTED_WORDS = 3;

/**
 * The words a reader put in quotation marks ('who said "that is on us"?'), as a phrase of folded
 * words with a space at each end, and the message's other words; null for fewer than a few.
 */
function wordsQuoted(question: string): { phrase: string; rest: string[] } | null {
  const folded = foldWordsOnly(question);
  const span = /"([^"]+)"/.exec(folded)?.[1];
  if (span === undefined) return null;
  const asked = wordsOf(span);
  if (asked.length < MIN_QUOTED_WORDS) return null;
  return { phrase: ` ${asked.join(' ')} `, rest: wordsOf(folded.replace(/"[^"]*"/g, ' ')) };
}

/** 'Who said "that is on us"?': the words quoted, when the rest of the message asks who. */
function wordsQuotedByWho(question: string): string | null {
  const quoted = wordsQuoted(question);
  return quoted?.rest.some((w) => WHO_ASKED.has(w)) ? quoted.phrase : null;
}
const WHO_ASKED = new Set(['who', 'whom', 'whose', 'whos']);
/** "Did Trump really say "…"?": a yes/no question about someone's words. */
const DID_THEY_SAY = /^(?:so )?(?:did|does|has|have|is it true that|was it) /;

/** Whether a text holds a phrase of wordsQuotedByWho, whatever its case, quotes and punctuation. */
const holdsPhrase = (text: string, phrase: string): boolean =>
  ` ${wordsOf(foldWordsOnly(text)).join(' ')} `.includes(phrase);

/**
 * "What date is that?" after "when is he going to Washington?", "who wrote it?" after what the
 * engineer's report found: of what the last answer told, not the article's, unless it names the
 * article ("when was that article written?").
 */
function asksOfTheLastAnswer(context: MessageContext): boolean {
  return (
    context.turns.at(-1)?.answered === true &&
    /\b(?:that|it|then)\b/.test(context.padded) &&
    !/\b(?:article|story|piece|report|news|written|published|posted|filed)\b/.test(context.padded)
  );
}

/** "Is that true?", "is that right?": asks whether, not where. */
const TRUE_ASKED = /\b(?:true|right|correct|accurate|fact|facts|factual)\b/;
/** Words by which an answer reports what someone claimed rather than what happened. */
const CLAIMED =
  /\b(?:claim|claims|claimed|claiming|suggest|suggests|suggested|suggesting|says|said|alleged|allegedly|accused|insists|insisted|argued|argues)\b/;

/** "Is that true though?" after what someone claimed or suggested: the claim's truth is asked. */
function asksIfAClaimIsTrue(context: MessageContext, turn: Turn): boolean {
  if (!TRUE_ASKED.test(context.padded)) return false;
  return turn.ids.some((id) => {
    if (context.kb.quoteById.has(id)) return true;
    const answer = context.kb.entryById.get(id)?.answer;
    return answer !== undefined && CLAIMED.test(answer);
  });
}

/** The one reading of a one-clause message, if it is one. */
const onlyReading = (context: MessageContext): FollowUp | undefined =>
  context.readings.length === 1 ? context.readings[0] : undefined;

/** The previous turn's answer documents, rebuilt from the knowledge base. */
function citedOf(kb: KnowledgeBase, turn: Turn): { ids: string[]; citations: Answer['citations'] } {
  // After a decline, what its reply still reported from the article.
  const ids = (turn.answered ? turn.ids : turn.reported).filter((id) => kb.citationOf.has(id));
  return { ids, citations: ids.map((id) => kb.citationOf.get(id)).filter((c) => c !== undefined) };
}

function followUpAnswer(
  context: MessageContext,
  text: string,
  answered: boolean,
  citations: Answer['citations'],
  ids: readonly string[],
): Answer {
  const { kb, question } = context;
  const related = ids
    .flatMap((id) => kb.entryById.get(id)?.related ?? [])
    .map((id) => suggestionFor(kb, id))
    .filter((s) => s !== null)
    .slice(0, MAX_SUGGESTIONS);
  return {
    question,
    answered,
    kind: answered ? 'quote' : 'none',
    reason: answered ? null : 'judgement',
    text,
    citation: citations[0] ?? null,
    citations,
    confidence: round(answered ? 1 : 0),
    id: answered ? (ids[0] ?? null) : null,
    ids: answered ? ids : [],
    suggestions: related,
    quotes: [],
    decidedBy: '',
    runnersUp: [],
  };
}

export const MESSAGE_RULES: readonly MessageRule[] = [
  {
    name: 'empty-message',
    doc: 'No letters or digits at all (blank, punctuation, emoji): ask for a question.',
    decide: ({ question, kb }) =>
      hasWordCharacters(question) ? null : decline(question, 'empty', coreMessages.empty, popular(kb)),
  },
  {
    name: 'thanks',
    doc: 'Only thanks ("thanks!", "ok cool, thanks for explaining"): you\'re welcome.',
    decide: (context) => (asksFor(context, 'thanks') ? thanksAnswer(context.kb, context.question) : null),
  },
  {
    name: 'small-talk',
    doc: 'Only greetings, thanks or "help": the help text, not a made-up answer.',
    decide: (context) =>
      ((context.analysis.smallTalk && context.intent === null) || context.intent === 'greeting') &&
      context.analysis.clauses.every((c) => c.judgement === null)
        ? greetingAnswer(context.kb, context.question)
        : null,
  },
  {
    name: 'about-the-bot',
    doc: '"Who are you?", "are you ChatGPT?", "what can you do?": one line on the bot and its story.',
    decide: (context) => (asksFor(context, 'bot') ? aboutTheBotAnswer(context.kb, context.question) : null),
  },
  {
    name: 'reason-for-the-last-answer',
    doc: '"Why?" after "what does the mayor want?": the related entry the curators wrote that gives the reason for that answer.',
    decide(context) {
      const { kb, analysis, turns } = context;
      const [clause, ...more] = analysis.clauses;
      const last = turns.at(-1);
      if (clause === undefined || more.length > 0 || clause.type !== 'why' || clause.terms.length > 0)
        return null;
      if (!last?.answered || last.clause?.type === 'why') return null;
      const entry = kb.entryById.get(last.ids[0] ?? '');
      // An answer that gives its own reason ("signaling Britain's commitment") is the usual rules' to give.
      if (entry === undefined || kb.answerTypes.get(entry.id)?.has('why')) return null;
      const reason = entry.related.find((id) => kb.answerTypes.get(id)?.has('why') && !last.ids.includes(id));
      return reason === undefined ? null : chosenEntryAnswer(kb, context.question, reason);
    },
  },
  {
    name: 'tell-me-more',
    doc: '"Tell me more" after an answer: the whole paragraph that answer rests on.',
    decide(context) {
      const reading = onlyReading(context);
      if (reading?.kind !== 'more') return null;
      const { kb } = context;
      const { ids, citations } = citedOf(kb, reading.turn);
      const first = citations[0];
      if (!first) return null;
      const paragraph = kb.article.places.get(first.paragraph);
      const number = Number(first.paragraph.slice(1));
      const text = `${coreMessages.moreOf(number)}\n“${paragraph?.text ?? first.excerpt}”`;
      const citation = {
        paragraph: first.paragraph,
        sentences: [],
        excerpt: paragraph?.text ?? first.excerpt,
      };
      return followUpAnswer(context, text, true, [citation], ids);
    },
  },
  {
    name: 'source-of-last-answer',
    doc: '"Source?", "quote it", "really?" after an answer: the article\'s own words it rests on.',
    decide(context) {
      const reading = onlyReading(context);
      if (reading?.kind !== 'source' || asksIfAClaimIsTrue(context, reading.turn)) return null;
      const { ids, citations } = citedOf(context.kb, reading.turn);
      if (citations.length === 0) return null;
      const lines = citations.map((c) => `“${c.excerpt}” (paragraph ${c.paragraph.slice(1)})`);
      return followUpAnswer(context, `${coreMessages.sourceOf}\n${lines.join('\n')}`, true, citations, ids);
    },
  },
  {
    name: 'judgement-of-last-answer',
    doc: '"Is that a lot?", "is he right?" after an answer: the article doesn\'t judge; what it reports.',
    decide(context) {
      const reading = onlyReading(context);
      // "Is that true?" of what someone claimed is a judgement of the claim, not a request for the source.
      const ofAClaim = reading?.kind === 'source' && asksIfAClaimIsTrue(context, reading.turn);
      if (reading?.kind !== 'judgement' && !ofAClaim) return null;
      if (reading === undefined || !('turn' in reading)) return null;
      const { kb } = context;
      const { ids, citations } = citedOf(kb, reading.turn);
      const reported = ids
        .map((id) => kb.entryById.get(id)?.answer ?? kb.citationOf.get(id)?.excerpt)
        .filter((t) => t !== undefined);
      const text = `${coreMessages.judgementAbout} ${reported.join(' ')}`.trim();
      return followUpAnswer(context, text, false, citations, ids);
    },
  },
  {
    name: 'who-said-the-words-quoted',
    doc: '\'Who said "that is on us"?\': the quote holding the words put in quotation marks, with its speaker.',
    decide({ kb, question }) {
      const phrase = wordsQuotedByWho(question);
      if (phrase === null) return null;
      const quotes = kb.quotes.filter((q) => holdsPhrase(q.text, phrase));
      if (quotes.length > 0) return quoteAnswer(kb, question, quotes.slice(0, 2), 1);
      // Words of the article no quote holds are the usual rules' to find; words it never has are
      // nobody's in it.
      if (holdsPhrase(kb.article.text, phrase)) return null;
      return decline(question, 'no-quote', coreMessages.wordsNotInArticle, popular(kb));
    },
  },
  {
    name: 'did-they-say-the-words-quoted',
    doc: "'Did the mayor really say \"…\"?': Yes and the quote when a quote of theirs holds the words; whose they are when another's does.",
    decide({ kb, question, analysis }) {
      const quoted = wordsQuoted(question);
      const clause = analysis.whole;
      const person = clause.persons[0];
      if (quoted === null || person === undefined || !DID_THEY_SAY.test(quoted.rest.join(' ') + ' '))
        return null;
      if (!quoted.rest.some((w) => SAY_WORDS.has(w))) return null;
      const quotes = kb.quotes.filter((q) => holdsPhrase(q.text, quoted.phrase));
      if (quotes.length === 0) {
        if (holdsPhrase(kb.article.text, quoted.phrase)) return null;
        return decline(question, 'no-quote', coreMessages.wordsNotInArticle, popular(kb));
      }
      const theirs = quotes.filter((q) => `#${q.speaker}` === person);
      const answer = quoteAnswer(kb, question, (theirs.length > 0 ? theirs : quotes).slice(0, 2), 1);
      const lead = theirs.length > 0 ? 'Yes.' : coreMessages.wordsOfSomeoneElse;
      return { ...answer, text: `${lead} ${answer.text}` };
    },
  },
  {
    name: 'story-date',
    doc: '"When was this article published?": the date story.yaml gives, or that there is none.',
    decide: (context) =>
      asksFor(context, 'date') && !asksOfTheLastAnswer(context)
        ? storyFactAnswer(context.kb, context.question, 'date')
        : null,
  },
  {
    name: 'story-author',
    doc: '"Who wrote this?": the author when story.yaml names one, else that the article names none.',
    decide: (context) =>
      asksFor(context, 'author') && !asksOfTheLastAnswer(context)
        ? storyFactAnswer(context.kb, context.question, 'author')
        : null,
  },
  {
    name: 'story-source',
    doc: '"Where is this from?": the source story.yaml gives.',
    decide: (context) =>
      asksFor(context, 'source') ? storyFactAnswer(context.kb, context.question, 'source') : null,
  },
  {
    name: 'story-headline',
    doc: '"What\'s the headline?": the story\'s title.',
    decide: (context) =>
      asksFor(context, 'headline') ? storyFactAnswer(context.kb, context.question, 'headline') : null,
  },
  {
    name: 'story-in-one-line',
    doc: '"tldr", "the gist": the story in one line, cited.',
    decide: (context) =>
      asksFor(context, 'line') ? summaryAnswer(context.kb, context.question, 'line') : null,
  },
  {
    name: 'story-in-plain-words',
    doc: '"eli5", "in simple terms": the plain summary, cited.',
    decide: (context) =>
      asksFor(context, 'plain') ? summaryAnswer(context.kb, context.question, 'plain') : null,
  },
  {
    name: 'story-summary',
    doc: '"What is this article about?", "summary?", "what happened": the summary paragraph, cited.',
    decide: (context) =>
      asksFor(context, 'summary') ? summaryAnswer(context.kb, context.question, 'paragraph') : null,
  },
  {
    name: 'story-ending',
    doc: '"How does the article end?", "the last paragraph": the article\'s last paragraph, cited.',
    decide: (context) => (asksFor(context, 'ending') ? endingAnswer(context.kb, context.question) : null),
  },
  {
    name: 'people-from-a-country',
    doc: '"Which Russians are mentioned?", "which politicians here are British?": the story\'s people from that country, each cited.',
    decide(context) {
      if (context.analysis.clauses.length > 1) return null;
      const { terms } = context.analysis.whole;
      const countries = new Set(
        terms.map((t) => t.term).filter((t) => context.kb.analyzer.peopleCountries.has(t)),
      );
      if (countries.size === 0) return null;
      const reading = readIntent(context.padded.trim().split(' '));
      const cues = reading?.intent === 'people' ? reading.cueWords : null;
      if (cues === null && !PEOPLE_OF_A_COUNTRY.test(context.padded)) return null;
      // Nothing else of the story is asked ("which Russians called it deceptive?" asks who did);
      // "politicians", "leaders" say who is asked for.
      const asksMore = terms.some(
        (t) => !countries.has(t.term) && !cues?.has(t.position) && context.kb.index.hasTerm(t.term),
      );
      return asksMore ? null : peopleFromAnswer(context.kb, context.question, countries);
    },
  },
  {
    name: 'people-in-the-story',
    doc: '"Who are all the people mentioned?": everyone in the story with their role, each cited.',
    decide: (context) => (asksFor(context, 'people') ? peopleAnswer(context.kb, context.question) : null),
  },
  {
    name: 'quotes-in-the-story',
    doc: '"What direct quotes are in the article?": each direct quote with its speaker, cited.',
    decide: (context) => (asksFor(context, 'quotes') ? quotesAnswer(context.kb, context.question) : null),
  },
  {
    name: 'places-in-the-story',
    doc: '"What countries are involved?": the countries, places and bodies the story names, each cited.',
    decide: (context) => (asksFor(context, 'places') ? placesAnswer(context.kb, context.question) : null),
  },
  {
    name: 'figures-in-the-story',
    doc: '"Give me the key numbers": the article\'s sentences that give a figure, in order, each cited.',
    decide(context) {
      if (!asksFor(context, 'figures')) return null;
      // A curator's own answer to "what are the key figures?" says it better: the usual rules give
      // it. An entry that only shares a word ("Passenger numbers?") is about something else.
      const curated = context.decideClause(context.analysis.whole);
      if (curated.answered && curated.kind === 'qa' && entryAsks(context.kb, curated.id, 'figures'))
        return null;
      return figuresAnswer(context.kb, context.question);
    },
  },
  {
    name: 'open-questions-in-the-story',
    doc: '"What\'s still unknown?": the article\'s sentences saying what is not yet known or decided, each cited.',
    decide(context) {
      if (!asksFor(context, 'unknowns')) return null;
      const curated = context.decideClause(context.analysis.whole);
      if (curated.answered && curated.kind === 'qa' && entryAsks(context.kb, curated.id, 'unknowns'))
        return null;
      return unknownsAnswer(context.kb, context.question);
    },
  },
  {
    name: 'topics-of-the-story',
    doc: '"What topics are there?": the curated topics, each with a question to start from, cited.',
    decide: (context) => (asksFor(context, 'topics') ? topicsAnswer(context.kb, context.question) : null),
  },
  {
    name: 'sides-in-the-story',
    doc: '"What are the different sides?": each person quoted, with their side and first statement, each cited.',
    decide: (context) => (asksFor(context, 'sides') ? sidesAnswer(context.kb, context.question) : null),
  },
  {
    name: 'dates-in-the-story',
    doc: '"What dates does it mention?": the article\'s sentences that give a day, month or year, in order, each cited.',
    decide: (context) => (asksFor(context, 'dates') ? datesAnswer(context.kb, context.question) : null),
  },
  {
    name: 'two-figures-side-by-side',
    doc: '"Which was bigger, the loan or the appeal?": how much each was, both cited, for the reader to weigh.',
    decide(context) {
      const asked = WHICH_FIGURE_IS_MORE.exec(context.padded);
      if (!asked || context.analysis.clauses.length > 1) return null;
      const parts = [asked[1], asked[2]].map((phrase) =>
        context.decideClause(context.kb.analyzer.analyzeWhole(`how much is the ${phrase ?? ''}?`)),
      );
      // Each side its own passage, with a figure: otherwise it is no comparison of figures.
      const [a, b] = parts as [Answer, Answer];
      if (!a.answered || !b.answered || a.reason !== null || b.reason !== null) return null;
      if (a.ids.join() === b.ids.join() || !parts.every((p) => /\d/.test(p.text))) return null;
      return combine(context.question, parts);
    },
  },
  {
    name: 'one-side-against-another',
    doc: "\"The UK's position vs the US's\": each side's answer, labelled and cited, when both sides are in the story.",
    decide(context) {
      const sides = comparedSides(context);
      if (sides === null) return null;
      const parts = sides.map(({ side, clause }) => {
        // "The UK's position vs the US's": nothing asked but where each side stands.
        // "...at the UN" asks more too: where they differ.
        const asksMore = clause.terms.some(
          (t) => t.term !== side && (t.entity || (t.known && !VIEW_WORDS.has(t.surface))),
        );
        // "The UK's and the US's positions on Ukraine's security": where each stands, on that first.
        const viewAsked = wordsOf(context.padded).some((w) => VIEW_WORDS.has(w));
        const about = clause.terms.filter((t) => t.term !== side && t.known && !VIEW_WORDS.has(t.surface));
        const position =
          asksMore && !viewAsked
            ? null
            : positionAnswer(
                context.kb,
                context.question,
                side,
                about.map((t) => t.term),
              );
        if (position) return labelled(context.kb, side, position);
        const answer = context.decideClause(clause);
        if (answer.answered) return labelled(context.kb, side, answer);
        const fallback = positionAnswer(context.kb, context.question, side);
        return fallback ? labelled(context.kb, side, fallback) : null;
      });
      const found = parts.filter((p) => p !== null);
      if (found.length < 2) return null;
      // Both sides answered by the same passage ("Russia vs Europe on peacekeepers"): that passage.
      if (found[0]?.ids.join() === found[1]?.ids.join()) {
        // Unless each side has a position of its own, which is what a comparison is after.
        const positions = sides.map(({ side }) => {
          const position = positionAnswer(context.kb, context.question, side);
          return position ? labelled(context.kb, side, position) : null;
        });
        if (positions.every((p) => p !== null) && positions[0]?.ids.join() !== positions[1]?.ids.join())
          return combine(context.question, positions as Answer[]);
        const shared = context.decideClause(sides[0]?.clause ?? context.analysis.whole);
        return shared.answered ? shared : null;
      }
      return combine(context.question, found);
    },
  },
  {
    name: 'was-it-them',
    doc: '"Was it the mayor who called the vote a disgrace?": who did it, with Yes or No for the one named.',
    decide(context) {
      const { kb, padded } = context;
      const asked = WAS_IT_THEM.exec(padded);
      if (!asked || context.turns.length > 0 || context.analysis.clauses.length > 1) return null;
      const [, named = '', deed = ''] = asked;
      const who = context.decideClause(kb.analyzer.analyzeWhole(`who ${deed}`));
      const id = who.ids[0];
      if (!who.answered || id === undefined || who.reason !== null) return null;
      const terms = kb.analyzer.termsOfMessage(named);
      const names = terms.filter((t) => t.entity).map((t) => t.term);
      // Someone the story never mentions ("Boris Johnson") is not who the article says did it;
      // other words ("the one in charge") are left to the yes/no rules.
      if (names.length === 0 && !(terms.length > 0 && terms.every((t) => !t.known))) return null;
      const inAnswer = kb.answerEntities.get(id) ?? new Set<string>();
      const isThem = names.length > 0 && names.every((n) => inAnswer.has(n));
      if (!isThem && names.length > 0) {
        // Someone the story names may have done it too: "No" only when asking it of them finds
        // nothing else.
        const them = context.decideClause(kb.analyzer.analyzeWhole(`did ${named} ${deed}`));
        if (them.answered && !them.ids.includes(id)) return null;
      }
      const text = who.text.replace(LEADING_LABEL, '');
      return { ...who, text: `${isThem ? coreMessages.yes : coreMessages.no} ${text}` };
    },
  },
  {
    name: 'the-curators-own-phrasing',
    doc: '"Is she OK now?", with nothing before it or after a question about her, written word for word as an entry\'s phrasing: the curators\' answer.',
    decide(context) {
      const [clause, ...more] = context.analysis.clauses;
      const reading = context.readings[0];
      if (clause === undefined || more.length > 0 || reading === undefined) return null;
      // Made only of filler words, it has no terms to search by: the entry is looked up by them.
      // After a question about someone, it is still theirs when the entry's answer names them.
      const wordless = context.kb.wordlessPhrasings.get(wordsOf(clause.folded).join(' '));
      const named = wordless === undefined ? undefined : context.kb.answerEntities.get(wordless);
      const fits =
        reading.kind === 'needs-context' ||
        (reading.kind === 'resolved' && reading.clause.persons.every((p) => named?.has(p) === true));
      const chosen =
        wordless !== undefined && fits ? chosenEntryAnswer(context.kb, context.question, wordless) : null;
      if (chosen !== null) return chosen;
      if (reading.kind !== 'needs-context') return null;
      const answer = context.decideClause(clause);
      return answer.answered && isPhrasingOfAnswer(context.kb, clause, answer) ? answer : null;
    },
  },
  {
    name: 'judgement-of-nothing-named',
    doc: '"Who\'s the good guy in all this?": a judgement asked of nothing the story names: the article doesn\'t judge.',
    decide({ analysis, question, kb, readings }) {
      const kind = analysis.clauses.find((c) => c.judgement !== null)?.judgement ?? null;
      if (kind === null) return null;
      const empty = analysis.clauses.every((c, i) => {
        const reading = readings[i];
        return (reading?.kind === 'resolved' ? reading.clause : c).terms.length === 0;
      });
      return empty ? decline(question, 'judgement', coreMessages.judgement(kind), popular(kb)) : null;
    },
  },
  {
    name: 'needs-context',
    doc: 'A follow-up ("what did she say?", "why?") with no earlier answer it fits: ask who or what is meant.',
    decide(context) {
      const reading = context.readings.find((r) => r.kind === 'needs-context');
      if (reading?.kind !== 'needs-context') return null;
      if (context.readings.some((r) => r.kind !== 'needs-context')) return null;
      const { kb, question } = context;
      const people = kb.people
        .filter(
          (p) => reading.pronoun !== 'it' && (reading.pronoun === 'they' || p.pronoun === reading.pronoun),
        )
        .flatMap((p) => personSuggestions(kb, p.id).slice(0, 1));
      const suggestions = people.length > 0 ? people : popular(kb);
      return decline(question, 'needs-context', coreMessages.whoDoYouMean(reading.pronoun), suggestions);
    },
  },
  {
    name: 'translation-asked',
    doc: '"What\'s the French word for backstop?", "how do you say it in Spanish?": no question about the story: decline.',
    decide: ({ kb, question, padded }) =>
      TRANSLATION_ASKED.test(padded)
        ? decline(question, 'not-in-article', coreMessages.notInArticle, popular(kb))
        : null,
  },
  {
    name: 'one-word-the-story-never-uses',
    doc: '"Devote", "desire": one common English word the story reads only as another word of its own: not a question about it.',
    decide(context) {
      const { analysis, kb, question, turns, readings } = context;
      if (turns.length > 0 || analysis.clauses.length !== 1 || readings[0]?.kind !== 'standalone')
        return null;
      const [term, ...more] = analysis.whole.terms;
      if (term === undefined || more.length > 0 || term.entity || term.similarity >= 1) return null;
      // "Devote" read as "commit", "desire" as "want": a link or a correction, not the story's word.
      const typed = wordsOf(analysis.whole.folded).filter((w) => !STOP_WORDS.has(w));
      const english = kb.analyzer.language?.english;
      if (typed.length !== 1 || !english || !isCommonEnglishWord(english, typed[0] as string)) return null;
      return decline(question, 'not-in-article', coreMessages.notInArticle, closeQuestions(kb, [term]));
    },
  },
  {
    name: 'nothing-to-look-up',
    doc: 'Only filler words, even after reading it against the conversation: ask for a question.',
    decide: ({ analysis, question, kb, forceQuote, readings }) =>
      !forceQuote &&
      analysis.clauses.every((c, i) => {
        const reading = readings[i];
        return (reading?.kind === 'resolved' ? reading.clause : c).terms.length === 0;
      })
        ? decline(question, 'empty', coreMessages.empty, popular(kb))
        : null,
  },
];

/**
 * "How is the UK's position different from Europe's?": a word of comparing, and exactly two
 * sides named; each side is asked what the message asks, without the other.
 */
function sidesNamed(context: MessageContext): { side: string; clause: AnalyzedClause }[] | null {
  const whole = context.analysis.whole;
  // "How did the US differ from Europe at the UN?": a body named after "at" or "in" is where
  // they differ, not a third side.
  const words = wordsOf(whole.folded);
  const where = (t: AnalyzedClause['terms'][number]): boolean => isSetting(words, t.position);
  const named = whole.terms.filter((t) => t.entity && t.known);
  const setting = named.length > 2 ? named.filter(where) : [];
  const sides = [...new Set(named.filter((t) => !setting.includes(t)).map((t) => t.term))];
  // "How is that different from Starmer's?": the other side is the one the last question was about.
  const lastClause = lastClauseOf(context.turns);
  const lastSide = lastClause ? sideOf(lastClause) : null;
  // The words of comparing ("differ", "compare") ask how, not about what.
  const subject = [
    ...whole.terms.filter((t) => !t.entity && !COMPARISON_CUE.test(` ${t.surface} `)),
    ...setting,
  ];
  if (sides.length === 1 && lastClause && lastSide !== null && lastSide !== sides[0]) {
    const have = new Set(subject.map((t) => t.term));
    const inherited = lastClause.terms.filter((t) => !t.entity && !have.has(t.term));
    const terms = [...subject, ...inherited];
    return [lastSide, sides[0] as string].map((side) => ({
      side,
      clause: { ...whole, type: lastClause.type, terms: [{ ...termOf(whole, lastClause, side) }, ...terms] },
    }));
  }
  if (sides.length !== 2) return null;
  return sides.map((side) => ({
    side,
    clause: { ...whole, terms: [...whole.terms.filter((t) => t.term === side), ...subject] },
  }));
}

/** The side's own term, from this message or the last question. */
function termOf(whole: AnalyzedClause, last: AnalyzedClause, side: string) {
  return (whole.terms.find((t) => t.term === side) ??
    last.terms.find((t) => t.term === side)) as AnalyzedClause['terms'][number];
}

/** The side a phrase is about: its first person, or its first country or body. */
function sideOf(clause: AnalyzedClause): string | null {
  const person = clause.terms.find((t) => t.term.startsWith('#'));
  if (person) return person.term;
  return clause.terms.find((t) => t.entity && t.known)?.term ?? null;
}

/**
 * "What's the UK's position vs the US's?", "compare what Lavrov thinks with what Starmer offers":
 * two phrases, each naming a different side of the story. A phrase that names only its side
 * ("the US's") asks what the other asks.
 */
function comparedSides(context: MessageContext): { side: string; clause: AnalyzedClause }[] | null {
  // "Who's more aggressive, Russia or the US?" asks for a judgement, not two positions.
  if (context.analysis.clauses.some((c) => c.judgement !== null)) return null;
  const match = COMPARISON.exec(context.padded);
  if (!match) return COMPARISON_CUE.test(context.padded) ? sidesNamed(context) : null;
  const phrases = match.slice(1).filter((m): m is string => m !== undefined);
  if (phrases.length !== 2) return null;
  const clauses = phrases.map((p) => context.kb.analyzer.analyzeWhole(p));
  const sides = clauses.map(sideOf);
  const [a, b] = sides;
  if (a === null || b === null || a === undefined || b === undefined || a === b) return null;
  const [first, second] = clauses as [AnalyzedClause, AnalyzedClause];
  const subject = (clause: AnalyzedClause) => clause.terms.filter((t) => !t.entity);
  const fill = (clause: AnalyzedClause, other: AnalyzedClause): AnalyzedClause =>
    subject(clause).length > 0
      ? clause
      : { ...clause, terms: [...clause.terms, ...subject(other)], type: other.type };
  return [
    { side: a, clause: fill(first, second) },
    { side: b, clause: fill(second, first) },
  ];
}
