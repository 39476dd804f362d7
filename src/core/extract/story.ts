/**
 * What an article alone tells about its story: the people and places it names and who said
 * what. Used when a data folder has no glossary.yaml or quotes.yaml, and by `npm run draft`.
 */
import type { Article } from '../article.ts';
import { idFrom } from '../issue-messages.ts';
import type { Person, Term } from '../schema.ts';
import { findPeopleAndPlaces, statementBodies } from './people.ts';
import { type ExtractedQuote, extractQuotes } from './quotes.ts';

export type { ExtractedQuote } from './quotes.ts';

export interface StoryExtract {
  readonly people: readonly Person[];
  readonly places: readonly Term[];
  readonly quotes: readonly ExtractedQuote[];
  /** Ids of the people whose pronoun the article shows. */
  readonly pronounShown: ReadonlySet<string>;
  /**
   * Ids of the bodies among `people`: a body that issues statements ("the council said in a
   * statement…") is a speaker, so it is listed with the people (pronoun they), not the terms.
   */
  readonly bodies: ReadonlySet<string>;
}

/** With `people` (a curated glossary), quotes are attributed to them and no one is added. */
export function extractStory(article: Article, options: { people?: readonly Person[] } = {}): StoryExtract {
  if (options.people) {
    return {
      people: options.people,
      places: [],
      quotes: extractQuotes(article, options.people),
      pronounShown: new Set(options.people.map((p) => p.id)),
      bodies: new Set(),
    };
  }
  const found = findPeopleAndPlaces(article);
  const speaking = new Set(statementBodies(article, found.places));
  const taken = new Set(found.people.map((p) => p.id));
  const asPeople: Person[] = [];
  for (const term of speaking) {
    let id = idFrom(term.term) || 'body';
    for (let n = 2; taken.has(id); n++) id = `${idFrom(term.term)}-${n}`;
    taken.add(id);
    const cite = firstSentenceNaming(article, term);
    if (!cite) continue;
    asPeople.push({ id, name: term.term, cites: [cite], pronoun: 'they', aliases: [...term.aliases] });
  }
  const candidates = [...found.people, ...asPeople];
  const bodyIds = new Set(asPeople.map((p) => p.id));
  const quotes = extractQuotes(article, candidates, { bodies: bodyIds });
  // A body is a speaker only when the article gives it something said; else it stays a term, speaking.
  const quoted = new Set(quotes.map((q) => q.speaker));
  const speakers = asPeople.filter((p) => quoted.has(p.id));
  const moved = new Set(speakers.map((p) => p.name));
  return {
    people: [...found.people, ...speakers],
    places: found.places
      .filter((t) => !moved.has(t.term))
      .map((t) => (speaking.has(t) ? { ...t, speaks: true } : t)),
    quotes,
    pronounShown: new Set([...found.pronounShown, ...speakers.map((p) => p.id)]),
    bodies: new Set(speakers.map((p) => p.id)),
  };
}

/** The first sentence naming a term by its name or an alias. */
function firstSentenceNaming(article: Article, term: Term): string | undefined {
  const forms = [term.term, ...term.aliases].map((f) => f.toLowerCase());
  for (const paragraph of article.paragraphs)
    for (const sentence of paragraph.sentences)
      if (forms.some((f) => sentence.text.toLowerCase().includes(f))) return sentence.id;
  return undefined;
}
