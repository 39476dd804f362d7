/**
 * What an article alone tells about its story: the people and places it names and who said
 * what. Used when a data folder has no glossary.yaml or quotes.yaml, and by `npm run draft`.
 */
import type { Article } from '../article.ts';
import type { Person, Term } from '../schema.ts';
import { findPeopleAndPlaces } from './people.ts';
import { type ExtractedQuote, extractQuotes } from './quotes.ts';

export type { ExtractedQuote } from './quotes.ts';

export interface StoryExtract {
  readonly people: readonly Person[];
  readonly places: readonly Term[];
  readonly quotes: readonly ExtractedQuote[];
  /** Ids of the people whose pronoun the article shows. */
  readonly pronounShown: ReadonlySet<string>;
}

/** With `people` (a curated glossary), quotes are attributed to them and no one is added. */
export function extractStory(article: Article, options: { people?: readonly Person[] } = {}): StoryExtract {
  if (options.people) {
    return {
      people: options.people,
      places: [],
      quotes: extractQuotes(article, options.people),
      pronounShown: new Set(options.people.map((p) => p.id)),
    };
  }
  const { people, places, pronounShown } = findPeopleAndPlaces(article);
  return { people, places, quotes: extractQuotes(article, people), pronounShown };
}
