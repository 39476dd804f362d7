/**
 * The shape of every hand-edited data file, defined once.
 *
 * The loader validates with these schemas, the TypeScript types are inferred from them, and
 * `npm run schema` writes them out as JSON Schema (data/schema/) so a curator's editor checks
 * entries while they type. Nothing is cast from parsed YAML.
 */
import { z } from 'zod';

/** What an Id and a PlaceRef look like (entry-reader.ts checks with these too). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PLACE_PATTERN = /^p[1-9][0-9]*(?:\.s[1-9][0-9]*)?$/;

/** Lower-case, hyphen-separated ids: stable handles that citations, related links and logs use. */
export const Id = z
  .string()
  .regex(ID_PATTERN, 'use lower-case letters, digits and single hyphens, e.g. "bridge-cost"');

/** A paragraph ("p4") or sentence ("p4.s2") of the article, numbered from 1 in reading order. */
export const PlaceRef = z.string().regex(PLACE_PATTERN, 'cite a paragraph as "p4" or a sentence as "p4.s2"');

/**
 * Text a curator writes. YAML reads a bare 2027 or 2.5 as a number; those are taken as the text
 * they were written as, so keywords like `2027` need no quotes.
 */
const Text = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().trim().min(1, 'must not be empty'),
);

/** The question types, in order. */
export const QUESTION_TYPES = ['who', 'what', 'when', 'where', 'why', 'how', 'how-many', 'yes-no'] as const;

/** What kind of question an entry can answer; "why" or "when" questions are declined unless the entry says so. */
export const QuestionType = z.enum(QUESTION_TYPES);

export const StoryFile = z
  .object({
    title: Text,
    source: Text.describe('Where the article comes from, as a reader would cite it.'),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD'),
    dateNote: Text.optional().describe(
      'Why the date is what it is, when the article itself does not print it.',
    ),
    article: Text.default('article.txt').describe(
      'File (in the same folder) holding the article verbatim, one paragraph per line.',
    ),
    summary: Text.optional().describe(
      'Two or three sentences for /story and "what is it about?", faithful to the article; the opening paragraph when absent.',
    ),
    tldr: Text.optional().describe(
      'The story in one line, for "tldr" and "the gist"; the first sentence when absent.',
    ),
    plain: Text.optional().describe(
      'The story in plain words for "eli5" and "in simple terms", still faithful to the article.',
    ),
    author: Text.optional().describe('Who wrote it, when the article or its source names them.'),
    examples: z
      .array(Text)
      .max(10, 'give at most 10 examples: help shows the first few')
      .optional()
      .describe(
        "A few questions readers could ask, shown in help and in the commands' descriptions; the first Q&A entries' questions when absent.",
      ),
    cites: z
      .array(PlaceRef)
      .default([])
      .describe('The paragraphs the summaries rest on (cited with them); the opening paragraph when empty.'),
  })
  .strict();

export const TopicDef = z.object({ id: Id, title: Text, description: Text.optional() }).strict();

export const QaEntry = z
  .object({
    id: Id,
    topic: Id,
    question: Text.describe('The canonical question, shown in suggestions and autocomplete.'),
    alternates: z
      .array(Text)
      .min(1, 'give at least one other way people ask this')
      .describe('Other phrasings.'),
    keywords: z.array(Text).default([]).describe('Bare words or short phrases that should find this entry.'),
    answer: Text.describe('A short answer, faithful to the article; never more than it says.'),
    cites: z.array(PlaceRef).min(1, 'cite at least one paragraph or sentence'),
    excerpt: Text.optional().describe(
      'Verbatim words from the cited text to show; defaults to the cited sentences.',
    ),
    answers: z
      .array(QuestionType)
      .optional()
      .describe(
        'Question types this entry answers, of who, what, when, where, why, how, how-many, yes-no. By default: who, what, how and yes-no; why, when, where and how-many when one of its phrasings asks it; how-many when the answer holds a figure (a digit), when a date or time ("in 2027", "on Tuesday", "next week"), where where someone is or goes ("based in Leeds", "visiting Washington"). Give the list to answer other types, or fewer.',
      ),
    related: z.array(Id).default([]),
    draft: z
      .boolean()
      .default(false)
      .describe(
        'Written by `npm run draft`, not yet checked by a person: `validate` lists it until you remove this line.',
      ),
    planned: z
      .boolean()
      .default(false)
      .describe(
        'The answer reports a plan, a prospect or an event still to come when the article was written ("is set to sign"): it cannot say whether it happened, so "did they sign it?" is not answered from it.',
      ),
  })
  .strict();

/** qa.yaml, or any file in qa/: topics may be defined in any of them, and used by all. */
export const QaFile = z
  .object({
    topics: z.array(TopicDef).default([]),
    entries: z.array(QaEntry).default([]),
  })
  .strict();

export const QuoteEntry = z
  .object({
    id: Id,
    speaker: Id.describe('A person id from glossary.yaml.'),
    kind: z
      .enum(['direct', 'reported'])
      .describe('direct: the article quotes the words; reported: it reports them.'),
    text: Text.describe('Verbatim from the article (curly quotes and all).'),
    cites: PlaceRef,
    context: Text.describe('Where or how it was said, e.g. "told reporters".'),
    topic: Id,
    about: z
      .array(Text)
      .min(1, 'say what the quote is about, in a few words')
      .describe('Subjects, for matching.'),
  })
  .strict();

export const QuotesFile = z.object({ quotes: z.array(QuoteEntry).default([]) }).strict();

export const Person = z
  .object({
    id: Id,
    name: Text,
    role: Text.optional().describe('As the article describes them; left out when it does not.'),
    cites: z.array(PlaceRef).min(1),
    pronoun: z.enum(['he', 'she', 'they']).default('he').describe('How questions refer back to them.'),
    country: Text.optional().describe(
      'The glossary term of the country they serve ("UK"): "France\'s prime minister" is then not read as them.',
    ),
    aliases: z.array(Text).default([]).describe('Other names and spellings people type.'),
  })
  .strict();

export const Term = z
  .object({
    term: Text.describe('The canonical word every alias is read as.'),
    aliases: z.array(Text).default([]).describe('Other words for it; a place the story names may have none.'),
    entity: z
      .boolean()
      .default(false)
      .describe('A country, place or body: an answer must mention it when a question does.'),
    speaks: z
      .boolean()
      .default(true)
      .describe('False when the article reports nothing this entity said: "what did it say" is declined.'),
    note: Text.optional(),
  })
  .strict();

export const GlossaryFile = z
  .object({
    people: z.array(Person).default([]),
    terms: z.array(Term).default([]),
  })
  .strict();

export const GapEntry = z
  .object({
    id: Id,
    question: Text.describe('Something people ask that the article does not answer.'),
    alternates: z.array(Text).default([]),
    reply: Text.describe('What to say instead: what the article does not say, and what it does.'),
    see: z.array(Id).default([]).describe('Q&A entries to suggest instead.'),
  })
  .strict();

/** gaps.yaml, or any file in gaps/. */
export const GapsFile = z.object({ gaps: z.array(GapEntry).default([]) }).strict();

export type StoryFile = z.infer<typeof StoryFile>;
export type TopicDef = z.infer<typeof TopicDef>;
export type QaEntry = z.infer<typeof QaEntry>;
export type QaFile = z.infer<typeof QaFile>;
export type QuoteEntry = z.infer<typeof QuoteEntry>;
export type QuotesFile = z.infer<typeof QuotesFile>;
export type Person = z.infer<typeof Person>;
export type Term = z.infer<typeof Term>;
export type GlossaryFile = z.infer<typeof GlossaryFile>;
export type GapEntry = z.infer<typeof GapEntry>;
export type GapsFile = z.infer<typeof GapsFile>;
export type QuestionType = z.infer<typeof QuestionType>;

/** Every structured data file, by name: the loader and the JSON Schema writer both read this table. */
export const DATA_FILES = {
  'story.yaml': StoryFile,
  'qa.yaml': QaFile,
  'quotes.yaml': QuotesFile,
  'glossary.yaml': GlossaryFile,
  'gaps.yaml': GapsFile,
} as const;

export type DataFileName = keyof typeof DATA_FILES;
