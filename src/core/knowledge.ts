/**
 * From checked data (validate.ts) to one immutable knowledge base: the analyzer, the search
 * index, citations and the lookups the engine needs.
 * Pure: it gets file contents, not paths (load.ts reads the folder).
 */
import { createHash } from 'node:crypto';
import { Analyzer, personTerm } from './analyzer.ts';
import { type Article, paragraphOf } from './article.ts';
import { buildStoryThesaurus, sharedEnglish } from './english/index.ts';
import { FuzzyVocabulary } from './fuzzy.ts';
import {
  asksWhetherItHappened,
  FIGURE,
  PLACE_EXPRESSION,
  questionTypeOf,
  STRICT_TYPES,
  TIME_EXPRESSION,
} from './lexicon.ts';
import type { GapEntry, Person, QaEntry, QuestionType, QuoteEntry, StoryFile, TopicDef } from './schema.ts';
import { type IndexDocument, SearchIndex } from './search-index.ts';
import { cleanText, foldText, WordTable, wordsOf } from './text.ts';
import { type DataFiles, type Folder, folder, type ValidatedData, validateData } from './validate.ts';

export type { DataFiles } from './validate.ts';

export interface Citation {
  /** "p4" */
  readonly paragraph: string;
  /** The cited sentence ids ("p4.s1"), empty when a whole paragraph is cited. */
  readonly sentences: readonly string[];
  /** Verbatim text from the article. */
  readonly excerpt: string;
}

export interface KnowledgeBase {
  /** Short hash of the data: changes whenever any file does. */
  readonly version: string;
  readonly story: StoryFile;
  readonly article: Article;
  readonly topics: readonly TopicDef[];
  readonly entries: readonly QaEntry[];
  readonly quotes: readonly QuoteEntry[];
  readonly people: readonly Person[];
  readonly gaps: readonly GapEntry[];
  readonly entryById: ReadonlyMap<string, QaEntry>;
  readonly quoteById: ReadonlyMap<string, QuoteEntry>;
  readonly gapById: ReadonlyMap<string, GapEntry>;
  readonly personById: ReadonlyMap<string, Person>;
  /** Question types each entry, quote and sentence can answer, by document id. */
  readonly answerTypes: ReadonlyMap<string, ReadonlySet<QuestionType>>;
  readonly citationOf: ReadonlyMap<string, Citation>;
  /** Entries that cite more than one paragraph: a citation for each, in the order cited. */
  readonly citationsOf: ReadonlyMap<string, readonly Citation[]>;
  /**
   * Known gaps every phrasing of which asks whether something happened ("was the deal
   * signed?"): they decline only such questions, not "is Zelensky signing a deal?".
   */
  readonly happenedGaps: ReadonlySet<string>;
  /**
   * Questions and alternates made only of filler words ("Is she OK now?"), as their words joined
   * by spaces, to the entry's id: search has no term to find them by.
   */
  readonly wordlessPhrasings: ReadonlyMap<string, string>;
  /** The people, countries and bodies each answer names (Q&A entries and quotes), by id. */
  readonly answerEntities: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every person, country or body some answer names: the story's own cast. */
  readonly storyEntities: ReadonlySet<string>;
  /** The countries, places and bodies of the glossary (entity terms), in its order. */
  readonly places: readonly { readonly term: string; readonly name: string }[];
  readonly analyzer: Analyzer;
  readonly index: SearchIndex;
  readonly counts: {
    readonly entries: number;
    readonly quotes: number;
    readonly people: number;
    readonly gaps: number;
    readonly topics: number;
    readonly paragraphs: number;
    readonly sentences: number;
  };
}

/**
 * The classes a knowledge base holds instances of, for rebuilding one that was built in a worker
 * thread (snapshot.ts). A new class in the knowledge base must be added here; the build worker's
 * test fails, naming it, until it is.
 */
export const KNOWLEDGE_CLASSES = { Analyzer, FuzzyVocabulary, SearchIndex } as const;

/**
 * What one build can hand the next (the build worker keeps one): each text's folded form and
 * question type, which depend on nothing but the text. A reload after an edit folds only the
 * texts that changed. Only what the last build used is kept.
 */
export class BuildCache {
  /**
   * `given`: the folder validation used, whose texts are folded already (else the cache's own).
   * `keeps`: whether what a build reads is kept for the next one.
   */
  constructor(
    private readonly given?: Folder,
    private readonly keeps = true,
  ) {}

  /**
   * For a build with no next one: each text is folded where it is read, and nothing is kept (a
   * map of every text would cost more than it saves; validation hands its folded phrasings on).
   */
  static forOneBuild(): BuildCache {
    return new BuildCache(undefined, false);
  }

  /** Text -> what is known of it: one lookup gives its folded form and its question type. */
  private texts = new Map<string, TextReading>();
  private previousTexts = new Map<string, TextReading>();
  /** A given folder's texts' question types, by folded text. */
  private types = new Map<string, QuestionType>();

  /** The text's reading, from the cache when this or the last build saw the text. */
  private read(text: string): TextReading {
    let reading = this.texts.get(text);
    if (reading === undefined) {
      reading = this.previousTexts.get(text) ?? { folded: foldText(cleanText(text)), type: undefined };
      this.texts.set(text, reading);
    }
    return reading;
  }

  /** clean-and-fold, from the cache when this or the last build saw the text. */
  readonly fold: Folder = (text) =>
    this.given ? this.given(text) : this.keeps ? this.read(text).folded : foldText(cleanText(text));

  /** questionTypeOf the text folded (`folded`, when the caller has it), likewise. */
  readonly typeOf = (text: string, folded?: string): QuestionType => {
    if (this.given) {
      const given = folded ?? this.given(text);
      let type = this.types.get(given);
      if (type === undefined) {
        type = questionTypeOf(given);
        this.types.set(given, type);
      }
      return type;
    }
    if (!this.keeps) return questionTypeOf(folded ?? this.fold(text));
    const reading = this.read(text);
    reading.type ??= questionTypeOf(reading.folded);
    return reading.type;
  };

  /** Called after a build: what it used becomes what the next one may reuse. */
  endBuild(): void {
    this.previousTexts = this.texts;
    this.texts = new Map();
    this.types = new Map();
  }
}

/** A text as a build reads it: folded, and the question type of that (once asked). */
interface TextReading {
  readonly folded: string;
  type: QuestionType | undefined;
}

/**
 * What a knowledge base shares with every other one in its thread, by name: the engine's general
 * English. A knowledge base built in the worker is given the main thread's own (snapshot.ts), not
 * a copy.
 */
export const KNOWLEDGE_EXTERNALS = { english: sharedEnglish } as const;

/** Builds the knowledge base, or throws DataError listing every problem found. */
export function buildKnowledge(
  files: DataFiles,
  cache: BuildCache = BuildCache.forOneBuild(),
): KnowledgeBase {
  try {
    return assemble(validateData(files, cache.fold), files, cache);
  } finally {
    cache.endBuild();
  }
}

/** Builds from data already validated (validate's CLI checks first, then builds once). */
export function buildFromValidated(
  data: ValidatedData,
  files: DataFiles,
  fold: Folder = folder(),
): KnowledgeBase {
  const cache = new BuildCache(fold);
  return assemble(data, files, cache);
}

function assemble(data: ValidatedData, files: DataFiles, cache: BuildCache): KnowledgeBase {
  const { story, glossary, gaps, article } = data;
  const { entries, topics } = data.qa;
  const fold = cache.fold;
  const quotes = data.quotes.quotes;
  const people = glossary.people;
  const personById = new Map(people.map((p) => [p.id, p]));

  // Every word of the data, each once, in the order first used (the vocabulary is a set). Each
  // text's words are read once, as ids; a document's texts are read one after another, so its
  // first text's number finds them all.
  const table = new WordTable();
  const add = (text: string): number => table.add(fold(text));
  const articleFolded = fold(article.text);
  table.add(articleFolded);
  // Each entry's question and alternates as validation folded them.
  const foldedPhrasings = entries.map(
    (e, i) => data.foldedPhrasings?.[i] ?? [e.question, ...e.alternates].map((text) => fold(text)),
  );
  const entryTexts = entries.map((e, i) => {
    const [question, ...alternates] = foldedPhrasings[i] as readonly string[];
    const first = table.add(question as string);
    for (const text of alternates) table.add(text);
    for (const text of e.keywords) add(text);
    add(e.answer);
    return first;
  });
  const quoteTexts = quotes.map((q) => {
    const first = add(q.text);
    add(q.context);
    for (const text of q.about) add(text);
    return first;
  });
  const foldedGaps = gaps.map((g) => [g.question, ...g.alternates].map((text) => fold(text)));
  const gapTexts = foldedGaps.map((questions) => {
    const first = table.add(questions[0] as string);
    for (const text of questions.slice(1)) table.add(text);
    return first;
  });
  for (const t of topics) add(t.title);
  const dataWords = new Set(table.words);
  const english = sharedEnglish();
  const names = new Set<string>();
  for (const person of glossary.people) {
    for (const name of [person.name, ...person.aliases])
      for (const word of wordsOf(fold(name))) names.add(word);
  }
  const thesaurus = buildStoryThesaurus(english, dataWords, { names });
  const analyzer = new Analyzer(glossary, dataWords, wordsOf(articleFolded), { english, thesaurus });
  const readTerms = analyzer.dataReader(table);
  /** The terms of `count` texts from text `first` on. */
  const termsOf = (first: number, count: number): string[][] =>
    Array.from({ length: count }, (_, i) => readTerms(table.idsOf(first + i)));
  const typeOf = cache.typeOf;

  const citationOf = new Map<string, Citation>();
  const citationsOf = new Map<string, readonly Citation[]>();
  const answerTypes = new Map<string, ReadonlySet<QuestionType>>();
  const documents: IndexDocument[] = [];

  const answerEntities = new Map<string, ReadonlySet<string>>();
  const entitiesOf = (terms: readonly string[]): Set<string> =>
    new Set(terms.filter((t) => analyzer.isEntity(t)));
  const wordlessPhrasings = new Map<string, string>();
  entries.forEach((entry, e) => {
    const questions = [entry.question, ...entry.alternates];
    const folded = foldedPhrasings[e] as readonly string[];
    const questionTypes = questions.map((question, q) => typeOf(question, folded[q]));
    // The question, alternates and keywords, then the answer.
    const phrasings = questions.length + entry.keywords.length;
    const texts = termsOf(entryTexts[e] as number, phrasings + 1);
    const answerTerms = texts.pop() as string[];
    questions.forEach((question, q) => {
      if (texts[q]?.length !== 0) return;
      const words = wordsOf(folded[q] ?? fold(question)).join(' ');
      if (!wordlessPhrasings.has(words)) wordlessPhrasings.set(words, entry.id);
    });
    answerEntities.set(entry.id, entitiesOf(answerTerms));
    documents.push({
      kind: 'qa',
      id: entry.id,
      phrasings: sentenceIsPhrasing(entry, texts[0] ?? []) ? [...texts, answerTerms] : texts,
      phrasingTypes: questionTypes,
      supporting: answerTerms,
    });
    const paragraphs = [...new Set(entry.cites.map(paragraphOf))];
    // The curated excerpt is shown under the paragraph that holds it (the first cited one that
    // does), not always under the first one cited; each other paragraph shows the sentences
    // cited in it.
    const excerptAt = excerptParagraph(article, paragraphs, entry.excerpt);
    const cited = paragraphs.map((p) =>
      citationFor(
        article,
        entry.cites.filter((r) => paragraphOf(r) === p),
        p === excerptAt ? entry.excerpt : undefined,
      ),
    );
    citationOf.set(entry.id, cited[paragraphs.indexOf(excerptAt)] as Citation);
    if (paragraphs.length > 1) citationsOf.set(entry.id, cited);
    answerTypes.set(
      entry.id,
      entry.answers ? new Set(entry.answers) : derivedTypes(questionTypes, entry.answer),
    );
  });
  quotes.forEach((quote, q) => {
    // Its text, its context, then what it is about.
    const [text, context, ...about] = termsOf(quoteTexts[q] as number, 2 + quote.about.length) as [
      string[],
      string[],
      ...string[][],
    ];
    const speaker = personTerm(quote.speaker);
    documents.push({
      kind: 'quote',
      id: quote.id,
      phrasings: [text, ...about].map((terms) => [speaker, ...terms]),
      supporting: context,
    });
    citationOf.set(quote.id, citationFor(article, [quote.cites]));
    answerEntities.set(quote.id, new Set([speaker, ...entitiesOf(text)]));
    answerTypes.set(quote.id, new Set<QuestionType>(['who', 'what', 'how', 'yes-no']));
  });
  const happenedGaps = new Set<string>();
  gaps.forEach((gap, g) => {
    const questions = [gap.question, ...gap.alternates];
    const folded = foldedGaps[g] as readonly string[];
    if (folded.every((q) => asksWhetherItHappened(q))) happenedGaps.add(gap.id);
    const questionTypes = questions.map((question, q) => typeOf(question, folded[q]));
    documents.push({
      kind: 'gap',
      id: gap.id,
      phrasings: termsOf(gapTexts[g] as number, questions.length),
      phrasingTypes: questionTypes,
      supporting: [],
    });
    // A gap declines the kinds of question it was written for ("why did the US vote..." does
    // not decline "did the US vote...").
    answerTypes.set(gap.id, new Set(questionTypes));
  });
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      documents.push({
        kind: 'sentence',
        id: sentence.id,
        phrasings: [readTerms(table.read(fold(sentence.text)))],
        supporting: [],
      });
      citationOf.set(sentence.id, citationFor(article, [sentence.id]));
      answerTypes.set(sentence.id, derivedTypes([], sentence.text));
    }
  }

  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort())
    hash
      .update(name)
      .update('\0')
      .update(files.get(name) ?? '')
      .update('\0');

  const kb: KnowledgeBase = {
    version: hash.digest('hex').slice(0, 12),
    story,
    article,
    topics,
    entries,
    quotes,
    people,
    gaps,
    entryById: new Map(entries.map((e) => [e.id, e])),
    quoteById: new Map(quotes.map((q) => [q.id, q])),
    gapById: new Map(gaps.map((g) => [g.id, g])),
    personById,
    answerTypes,
    citationOf,
    citationsOf,
    happenedGaps,
    wordlessPhrasings,
    answerEntities,
    storyEntities: new Set([...answerEntities.values()].flatMap((set) => [...set])),
    places: glossary.terms
      .filter((t) => t.entity)
      .map((t) => ({ term: analyzer.termOf(t.term), name: t.term })),
    analyzer,
    index: new SearchIndex(documents),
    counts: {
      entries: entries.length,
      quotes: quotes.length,
      people: people.length,
      gaps: gaps.length,
      topics: topics.length,
      paragraphs: article.paragraphs.length,
      sentences: article.paragraphs.reduce((n, p) => n + p.sentences.length, 0),
    },
  };
  return Object.freeze(kb);
}

/** What an entry answers when the data doesn't say: what its phrasings ask, and what its answer holds. */
function derivedTypes(phrasingTypes: readonly QuestionType[], answer: string): Set<QuestionType> {
  const types = new Set<QuestionType>(['who', 'what', 'how', 'yes-no']);
  for (const type of phrasingTypes) if (STRICT_TYPES.has(type)) types.add(type);
  if (FIGURE.test(answer)) types.add('how-many');
  if (TIME_EXPRESSION.test(answer)) types.add('when');
  // "... a transport economist at Northfield University", "... in Washington": it says where.
  if (PLACE_EXPRESSION.test(answer)) types.add('where');
  return types;
}

/**
 * The cited paragraph whose text holds the excerpt: the first such, in the order cited; the
 * first cited paragraph when there is no excerpt or none holds it (validation reports that).
 */
function excerptParagraph(article: Article, paragraphs: readonly string[], excerpt?: string): string {
  const first = paragraphs[0] ?? 'p1';
  if (excerpt === undefined) return first;
  return paragraphs.find((p) => article.places.get(p)?.text.includes(excerpt)) ?? first;
}

/**
 * A draft entry answers with its article sentence, and its generated questions only guess how
 * readers ask: the sentence's own words count as one of its phrasings. Not for one that asks who
 * someone is (its question names only them): the sentence there is background.
 */
function sentenceIsPhrasing(entry: QaEntry, questionTerms: readonly string[]): boolean {
  return entry.draft === true && !questionTerms.every((t) => t.startsWith('#'));
}

function citationFor(article: Article, refs: readonly string[], excerpt?: string): Citation {
  const first = refs[0] ?? 'p1';
  const paragraph = paragraphOf(first);
  const sentences = refs.filter((r) => r.includes('.') && paragraphOf(r) === paragraph);
  const text =
    excerpt ??
    (sentences.length > 0
      ? sentences.map((id) => article.places.get(id)?.text ?? '').join(' ')
      : (article.places.get(paragraph)?.text ?? ''));
  return { paragraph, sentences, excerpt: text };
}
