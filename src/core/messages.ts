/**
 * Every sentence the answer engine says on its own behalf, in one place. (Answers themselves
 * come from the data; front-end strings live in src/commands/messages.ts.)
 */
import type { QuestionType } from './schema.ts';

export const coreMessages = {
  empty: 'There is no question in that message. Ask me something about the story in your own words.',
  smallTalk: (title: string) =>
    `Hi! I answer questions about one news story: “${title}”. Ask in your own words, and I'll answer from the article with a citation.`,
  notInArticle: "The article doesn't say. I couldn't find that in it, and I won't guess.",
  noQuote: (name: string) => `The article doesn't quote ${name} or report anything ${name} said.`,
  noQuoteOnTopic: (name: string) => `The article has nothing from ${name} on that.`,
  wordsOfSomeoneElse: 'Not according to the article: those words are someone else’s.',
  wordsNotInArticle:
    "Nobody in the article says those words, and the article doesn't have them either. Check the wording, or ask about what was said in your own words.",
  noQuoteMatch:
    'The article has no quote on that. Try naming a person, or ask the question in your own words.',
  unsupportedType: (type: QuestionType): string => {
    switch (type) {
      case 'why':
        return "The article doesn't give a reason for that.";
      case 'when':
        return "The article doesn't say when.";
      case 'where':
        return "The article doesn't say where.";
      case 'how-many':
        return "The article doesn't give a figure for that.";
      default:
        return "The article doesn't say.";
    }
  },
  fromArticle: (sentence: string) => `No curated answer fits, but the article says: “${sentence}”`,
  partNotAnswered: (reply: string) => `On the rest: ${reply}`,
  reportedSpeech: 'reported speech, in the article’s words',
  noDirectQuote: (name: string, pronoun: string) =>
    `The article has no direct quote from ${name}; it reports what ${pronoun} said:`,
  theArticle: 'The article',
  peopleIntro: 'The people in the story, as the article describes them:',
  quotesIntro: 'Who the article quotes directly, in their own words:',
  noDirectQuotes: 'The article quotes no one directly; it reports what people said in its own words.',
  peopleFromIntro: (countries: string) =>
    `The people in the story from ${countries}, as the article describes them:`,
  noPeople: "The article doesn't name anyone I know of as a person in the story.",
  placesIntro: 'The countries, places and bodies the story names:',
  figuresIntro: 'The figures the story gives:',
  noFigures: 'The story gives no figures that I know of.',
  unknownsIntro: 'What the article says is not yet known or decided:',
  noUnknowns: 'The article doesn’t point to anything left open that I know of.',
  topicsIntro: 'What I can answer about, by topic, with a question to start from:',
  sidesIntro: 'Where each side stands, in the words the article gives them:',
  datesIntro: 'The dates and times the story gives:',
  noDates: 'The story gives no dates that I know of.',
  noPlaces: "I don't know of any countries or places the story names.",
  storyDate: (date: string, note: string | undefined) =>
    `The story is dated ${date}${note ? ` (${note.replace(/\.$/, '')})` : ''}.`,
  noStoryDate: "The article doesn't give a date, and no date is recorded for it.",
  storySource: (source: string) => `It comes from: ${source}.`,
  storyAuthor: (author: string, source: string) => `It was written by ${author} (${source}).`,
  noStoryAuthor: (source: string) => `The article doesn't name its author. It comes from: ${source}.`,
  storyHeadline: (title: string) => `The headline is “${title}”.`,
  aboutTheBot: (title: string) =>
    `I'm story-bot, a bot that answers questions about one news story, “${title}”, using only what the article says, with a citation. I'm not ChatGPT or any other AI chat model: every answer is curated from the article or quoted from it.`,
  youAreWelcome: "You're welcome! Ask me anything else about the story.",
  whoDoYouMean: (pronoun: string) =>
    pronoun === 'it'
      ? 'What do you mean? Ask me the whole question (I only remember what you asked me in the last few minutes), for example:'
      : `Who do you mean by “${pronoun}”? Name them, or ask about one of the people in the story, for example:`,
  endsWith: (paragraph: number) => `The article ends with paragraph ${paragraph}:`,
  moreOf: (paragraph: number) => `Here is the whole of paragraph ${paragraph}:`,
  sourceOf: 'That comes from the article:',
  judgement: (kind: 'opinion' | 'prediction' | 'advice' | 'truth'): string => {
    switch (kind) {
      case 'prediction':
        return "The article doesn't predict that; it reports what has been said and done.";
      case 'advice':
        return "The article doesn't say what anyone should do, and I don't give advice; I only report what the article says.";
      case 'truth':
        return "The article doesn't judge whether that is true or fair; it reports what people said and did.";
      default:
        return "The article doesn't judge that, and I don't give opinions; I only report what the article says.";
    }
  },
  whatItReports: 'What it reports:',
  beyondItsTime: "The article doesn't say; it doesn't look that far ahead.",
  noSuchParagraph: (count: number) => `The article has paragraphs 1 to ${count}: ask for one of those.`,
  yes: 'Yes.',
  no: 'No.',
  notInThoseWords: 'Not in those words, as far as the article says.',
  noPersonalDetail: (name: string, detail: string) => `The article doesn't give ${name}'s ${detail}.`,
  countryOfPerson: (name: string, role: string, country: string, pronoun: 'he' | 'she' | 'they') =>
    `${name}${role ? `, ${role},` : ''} is from ${country} as the article gives it; it doesn't say where ${pronoun === 'they' ? 'they were' : `${pronoun} was`} born.`,
  positionOf: (name: string) => `Where ${name} stands, as the article reports it:`,
  judgementAbout: "The article doesn't judge that; it only reports. What it says:",
} as const;
