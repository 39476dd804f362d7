/**
 * From the data files' text to one immutable knowledge base: parse, validate (every problem,
 * not just the first), cross-check against the article, and build the search index.
 * Pure: it gets file contents, not paths (load.ts reads the folder).
 */
import { createHash } from 'node:crypto';
import YAML from 'yaml';
import type { z } from 'zod';
import { Analyzer, personTerm } from './analyzer.ts';
import { type Article, paragraphOf, parseArticle } from './article.ts';
import { asksWhetherItHappened, FIGURE, questionTypeOf, STRICT_TYPES, TIME_EXPRESSION } from './lexicon.ts';
import { DataError, type DataProblem } from './problems.ts';
import {
  DATA_FILES,
  type DataFileName,
  type GapEntry,
  type GlossaryFile,
  type Person,
  type QaEntry,
  type QaFile,
  type QuestionType,
  type QuoteEntry,
  type QuotesFile,
  type StoryFile,
  type TopicDef,
} from './schema.ts';
import { type IndexDocument, SearchIndex } from './search-index.ts';
import { cleanText, foldText, wordsOf } from './text.ts';

/**
 * Clean-and-fold, once per distinct text during one build: a knowledge base reads each phrasing
 * for its terms, its question type and the duplicate check. Discarded with the build.
 */
type Folder = (text: string) => string;

function folder(): Folder {
  const cache = new Map<string, string>();
  return (text) => {
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = foldText(cleanText(text));
      cache.set(text, folded);
    }
    return folded;
  };
}

/** Files that may be absent: a story need not have known gaps. */
const OPTIONAL_FILES: ReadonlySet<DataFileName> = new Set(['gaps.yaml']);

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
  /**
   * Known gaps every phrasing of which asks whether something happened ("was the deal
   * signed?"): they decline only such questions, not "is Zelensky signing a deal?".
   */
  readonly happenedGaps: ReadonlySet<string>;
  /** The people, countries and bodies each answer names (Q&A entries and quotes), by id. */
  readonly answerEntities: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every person, country or body some answer names: the story's own cast. */
  readonly storyEntities: ReadonlySet<string>;
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

/** Raw data: file name -> contents. Must hold the five YAML files' names and the article's. */
export type DataFiles = ReadonlyMap<string, string>;

interface Parsed {
  story?: StoryFile | undefined;
  qa?: QaFile | undefined;
  quotes?: QuotesFile | undefined;
  glossary?: GlossaryFile | undefined;
  gaps?: { gaps: GapEntry[] } | undefined;
}

/** Builds the knowledge base, or throws DataError listing every problem found. */
export function buildKnowledge(files: DataFiles): KnowledgeBase {
  const problems: DataProblem[] = [];
  const parsed: Parsed = {};
  const parse = <S extends z.ZodType>(name: DataFileName): z.infer<S> | undefined => {
    const text = files.get(name);
    if (text === undefined) {
      if (!OPTIONAL_FILES.has(name)) {
        problems.push({ file: name, message: 'file is missing: create it (see README, "Data format")' });
      }
      return undefined;
    }
    return parseYamlFile(name, text, DATA_FILES[name] as unknown as S, problems);
  };
  parsed.story = parse<(typeof DATA_FILES)['story.yaml']>('story.yaml');
  parsed.qa = parse<(typeof DATA_FILES)['qa.yaml']>('qa.yaml');
  parsed.quotes = parse<(typeof DATA_FILES)['quotes.yaml']>('quotes.yaml');
  parsed.glossary = parse<(typeof DATA_FILES)['glossary.yaml']>('glossary.yaml');
  parsed.gaps = files.has('gaps.yaml') ? parse<(typeof DATA_FILES)['gaps.yaml']>('gaps.yaml') : { gaps: [] };

  let article: Article | undefined;
  if (parsed.story) {
    const articleText = files.get(parsed.story.article);
    if (articleText === undefined) {
      problems.push({
        file: 'story.yaml',
        field: 'article',
        message: `"${parsed.story.article}" is not in the data folder: put the article there, one paragraph per line`,
      });
    } else {
      article = parseArticle(articleText);
      if (article.paragraphs.length === 0) {
        problems.push({
          file: parsed.story.article,
          message: 'the article is empty: paste its text, one paragraph per line',
        });
      }
    }
  }

  const fold = folder();
  crossCheck(parsed, article, problems, fold);
  if (
    problems.length > 0 ||
    !parsed.story ||
    !parsed.qa ||
    !parsed.quotes ||
    !parsed.glossary ||
    !parsed.gaps ||
    !article
  ) {
    throw new DataError(problems);
  }
  return assemble(
    parsed.story,
    parsed.qa,
    parsed.quotes,
    parsed.glossary,
    parsed.gaps.gaps,
    article,
    files,
    fold,
  );
}

function parseYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: DataProblem[],
): z.infer<S> | undefined {
  const lines = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { uniqueKeys: true, lineCounter: lines });
  const [error] = doc.errors;
  if (error) {
    // The first syntax error; the ones after it are usually its echoes.
    const at = lines.linePos(error.pos[0]);
    problems.push({
      file,
      field: `line ${at.line}, column ${at.col}`,
      message: `not valid YAML: ${error.message.split('\n')[0]} (check indentation, colons and brackets there)`,
    });
    return undefined;
  }
  const raw: unknown = doc.toJS();
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(problemAt(file, raw, issue.path, issue.message));
  return undefined;
}

/** Turns a path inside a file (["entries", 3, "cites", 0]) into entry id and field. */
function problemAt(file: string, raw: unknown, path: readonly PropertyKey[], message: string): DataProblem {
  const [list, position, ...rest] = path;
  if (typeof list === 'string' && typeof position === 'number' && isRecord(raw)) {
    const items = raw[list];
    const item = Array.isArray(items) ? (items[position] as unknown) : undefined;
    const id =
      isRecord(item) && typeof item.id === 'string' && item.id.length > 0 ? item.id : `${list}[${position}]`;
    const problem: DataProblem = { file, entry: id, message };
    return rest.length > 0 ? { ...problem, field: formatPath(rest) } : problem;
  }
  return path.length > 0 ? { file, field: formatPath(path), message } : { file, message };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}

/** Checks across files: ids, references, citations, verbatim quotes, coverage of the article. */
function crossCheck(
  parsed: Parsed,
  article: Article | undefined,
  problems: DataProblem[],
  fold: Folder,
): void {
  const { qa, quotes, glossary, gaps } = parsed;
  const answerIds = new Map<string, string>(); // id -> file, across every kind of answer

  const unique = (
    file: string,
    field: string,
    ids: readonly string[],
    shared?: Map<string, string>,
  ): void => {
    const seen = new Set<string>();
    for (const id of ids) {
      const earlier = shared?.get(id);
      if (seen.has(id)) {
        problems.push({
          file,
          entry: id,
          field,
          message: `id "${id}" is used twice: give each entry its own id`,
        });
      } else if (earlier !== undefined && shared) {
        problems.push({
          file,
          entry: id,
          field,
          message: `id "${id}" is already used in ${earlier}: ids must be unique across files`,
        });
      }
      seen.add(id);
      shared?.set(id, file);
    }
  };

  const checkPlace = (file: string, entry: string, field: string, ref: string): boolean => {
    if (!article) return false;
    if (article.places.has(ref)) return true;
    const [paragraph] = ref.split('.');
    const known = article.places.get(paragraph ?? '');
    const hint = known
      ? `paragraph ${paragraph} has ${(known as { sentences: readonly unknown[] }).sentences.length} sentence(s)`
      : `the article has ${article.paragraphs.length} paragraphs (p1..p${article.paragraphs.length})`;
    problems.push({ file, entry, field, message: `${ref} is not in the article: ${hint}` });
    return false;
  };

  const placeText = (ref: string): string => {
    const place = article?.places.get(ref);
    return place ? place.text : '';
  };

  const topicIds = new Set(qa?.topics.map((t) => t.id) ?? []);
  const entryIds = new Set(qa?.entries.map((e) => e.id) ?? []);
  const personIds = new Set(glossary?.people.map((p) => p.id) ?? []);

  if (qa) {
    unique(
      'qa.yaml',
      'id',
      qa.topics.map((t) => t.id),
    );
    unique(
      'qa.yaml',
      'id',
      qa.entries.map((e) => e.id),
      answerIds,
    );
    for (const entry of qa.entries) {
      if (!topicIds.has(entry.topic)) {
        problems.push({
          file: 'qa.yaml',
          entry: entry.id,
          field: 'topic',
          message: `unknown topic "${entry.topic}": add it under topics or use one of ${[...topicIds].join(', ')}`,
        });
      }
      entry.related.forEach((id, i) => {
        if (!entryIds.has(id))
          problems.push({
            file: 'qa.yaml',
            entry: entry.id,
            field: `related[${i}]`,
            message: `no entry has id "${id}"`,
          });
        if (id === entry.id)
          problems.push({
            file: 'qa.yaml',
            entry: entry.id,
            field: `related[${i}]`,
            message: 'an entry cannot be related to itself',
          });
      });
      const cited = entry.cites.filter((ref, i) => checkPlace('qa.yaml', entry.id, `cites[${i}]`, ref));
      if (entry.excerpt !== undefined && cited.length === entry.cites.length) {
        const haystacks = cited.map((ref) => article?.places.get(paragraphOf(ref))?.text ?? '');
        if (!haystacks.some((text) => text.includes(entry.excerpt as string))) {
          problems.push({
            file: 'qa.yaml',
            entry: entry.id,
            field: 'excerpt',
            message:
              'excerpt is not verbatim in the cited paragraphs: copy it exactly from the article (curly quotes too)',
          });
        }
      }
    }
    checkSamePhrasing(qa.entries, problems, fold);
  }

  if (quotes) {
    unique(
      'quotes.yaml',
      'id',
      quotes.quotes.map((q) => q.id),
      answerIds,
    );
    for (const quote of quotes.quotes) {
      if (glossary && !personIds.has(quote.speaker)) {
        problems.push({
          file: 'quotes.yaml',
          entry: quote.id,
          field: 'speaker',
          message: `unknown speaker "${quote.speaker}": use a person id from glossary.yaml (${[...personIds].join(', ')})`,
        });
      }
      if (qa && !topicIds.has(quote.topic)) {
        problems.push({
          file: 'quotes.yaml',
          entry: quote.id,
          field: 'topic',
          message: `unknown topic "${quote.topic}": use one of the topics in qa.yaml`,
        });
      }
      if (
        checkPlace('quotes.yaml', quote.id, 'cites', quote.cites) &&
        !placeText(quote.cites).includes(quote.text)
      ) {
        problems.push({
          file: 'quotes.yaml',
          entry: quote.id,
          field: 'text',
          message: `not verbatim at ${quote.cites}: copy the words exactly from the article (curly quotes too)`,
        });
      }
    }
  }

  if (glossary) {
    unique(
      'glossary.yaml',
      'id',
      glossary.people.map((p) => p.id),
    );
    glossary.people.forEach((person) => {
      person.cites.forEach((ref, i) => {
        checkPlace('glossary.yaml', person.id, `cites[${i}]`, ref);
      });
    });
    checkAliases(glossary, problems, fold);
  }

  if (gaps) {
    unique(
      'gaps.yaml',
      'id',
      gaps.gaps.map((g) => g.id),
      answerIds,
    );
    for (const gap of gaps.gaps) {
      gap.see.forEach((id, i) => {
        if (qa && !entryIds.has(id))
          problems.push({
            file: 'gaps.yaml',
            entry: gap.id,
            field: `see[${i}]`,
            message: `no Q&A entry has id "${id}"`,
          });
      });
    }
  }

  if (qa && article) {
    const covered = new Set(qa.entries.flatMap((e) => e.cites.map(paragraphOf)));
    for (const paragraph of article.paragraphs) {
      if (!covered.has(paragraph.id)) {
        problems.push({
          file: 'qa.yaml',
          message: `paragraph ${paragraph.id} is covered by no entry: add an entry citing it ("${paragraph.text.slice(0, 60)}...")`,
        });
      }
    }
  }
}

/** The same question text in two entries would make the answer depend on file order. */
function checkSamePhrasing(entries: readonly QaEntry[], problems: DataProblem[], fold: Folder): void {
  const owner = new Map<string, string>();
  for (const entry of entries) {
    const phrasings = [entry.question, ...entry.alternates];
    phrasings.forEach((text, i) => {
      const key = wordsOf(fold(text)).join(' ');
      const other = owner.get(key);
      const field = i === 0 ? 'question' : `alternates[${i - 1}]`;
      if (other !== undefined && other !== entry.id) {
        problems.push({
          file: 'qa.yaml',
          entry: entry.id,
          field,
          message: `"${text}" is also a question of entry "${other}": keep it in one entry`,
        });
      } else {
        owner.set(key, entry.id);
      }
    });
  }
}

/** An alias read as two different things would make matching depend on file order. */
function checkAliases(glossary: GlossaryFile, problems: DataProblem[], fold: Folder): void {
  const meaning = new Map<string, string>();
  const claim = (alias: string, canonical: string, entry: string, field: string): void => {
    const key = wordsOf(fold(alias)).join(' ');
    if (key.length === 0) {
      problems.push({ file: 'glossary.yaml', entry, field, message: 'alias has no letters or digits' });
      return;
    }
    const other = meaning.get(key);
    if (other !== undefined && other !== canonical) {
      problems.push({
        file: 'glossary.yaml',
        entry,
        field,
        message: `"${alias}" already stands for ${other}: an alias can mean one thing only`,
      });
    } else {
      meaning.set(key, canonical);
    }
  };
  for (const person of glossary.people) {
    claim(person.name, person.id, person.id, 'name');
    person.aliases.forEach((alias, i) => {
      claim(alias, person.id, person.id, `aliases[${i}]`);
    });
  }
  glossary.terms.forEach((term, t) => {
    const entry = `terms[${t}] (${term.term})`;
    claim(term.term, term.term, entry, 'term');
    term.aliases.forEach((alias, i) => {
      claim(alias, term.term, entry, `aliases[${i}]`);
    });
  });
}

function assemble(
  story: StoryFile,
  qa: QaFile,
  quotesFile: QuotesFile,
  glossary: GlossaryFile,
  gaps: readonly GapEntry[],
  article: Article,
  files: DataFiles,
  fold: Folder,
): KnowledgeBase {
  const { entries, topics } = qa;
  const wordsIn = (text: string): string[] => wordsOf(fold(text));
  const quotes = quotesFile.quotes;
  const people = glossary.people;
  const personById = new Map(people.map((p) => [p.id, p]));

  const dataTexts: string[] = [article.text];
  for (const e of entries) dataTexts.push(e.question, ...e.alternates, ...e.keywords, e.answer);
  for (const q of quotes) dataTexts.push(q.text, q.context, ...q.about);
  for (const g of gaps) dataTexts.push(g.question, ...g.alternates);
  for (const t of topics) dataTexts.push(t.title);
  const analyzer = new Analyzer(glossary, dataTexts.flatMap(wordsIn), wordsIn(article.text));
  const termsOf = (text: string): string[] => analyzer.termsOfFolded(fold(text));
  const typeOf = (text: string): QuestionType => questionTypeOf(fold(text));

  const citationOf = new Map<string, Citation>();
  const answerTypes = new Map<string, ReadonlySet<QuestionType>>();
  const documents: IndexDocument[] = [];

  const answerEntities = new Map<string, ReadonlySet<string>>();
  const entitiesOf = (text: string): Set<string> =>
    new Set(termsOf(text).filter((t) => analyzer.isEntity(t)));
  for (const entry of entries) {
    const questions = [entry.question, ...entry.alternates];
    answerEntities.set(entry.id, entitiesOf(entry.answer));
    documents.push({
      kind: 'qa',
      id: entry.id,
      phrasings: [...questions, ...entry.keywords].map((t) => termsOf(t)),
      phrasingTypes: questions.map(typeOf),
      supporting: termsOf(entry.answer),
    });
    citationOf.set(entry.id, citationFor(article, entry.cites, entry.excerpt));
    answerTypes.set(
      entry.id,
      entry.answers
        ? new Set(entry.answers)
        : derivedTypes([entry.question, ...entry.alternates], entry.answer, typeOf),
    );
  }
  for (const quote of quotes) {
    const speaker = personTerm(quote.speaker);
    const withSpeaker = (text: string): string[] => [speaker, ...termsOf(text)];
    documents.push({
      kind: 'quote',
      id: quote.id,
      phrasings: [quote.text, ...quote.about].map(withSpeaker),
      supporting: termsOf(quote.context),
    });
    citationOf.set(quote.id, citationFor(article, [quote.cites]));
    answerEntities.set(quote.id, new Set([speaker, ...entitiesOf(quote.text)]));
    answerTypes.set(quote.id, new Set<QuestionType>(['who', 'what', 'how', 'yes-no']));
  }
  const happenedGaps = new Set<string>();
  for (const gap of gaps) {
    const questions = [gap.question, ...gap.alternates];
    if (questions.every((q) => asksWhetherItHappened(fold(q)))) happenedGaps.add(gap.id);
    documents.push({
      kind: 'gap',
      id: gap.id,
      phrasings: questions.map((t) => termsOf(t)),
      phrasingTypes: questions.map(typeOf),
      supporting: [],
    });
    // A gap declines the kinds of question it was written for ("why did the US vote..." does
    // not decline "did the US vote...").
    answerTypes.set(gap.id, new Set(questions.map(typeOf)));
  }
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      documents.push({
        kind: 'sentence',
        id: sentence.id,
        phrasings: [termsOf(sentence.text)],
        supporting: [],
      });
      citationOf.set(sentence.id, citationFor(article, [sentence.id]));
      answerTypes.set(sentence.id, derivedTypes([], sentence.text, typeOf));
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
    happenedGaps,
    answerEntities,
    storyEntities: new Set([...answerEntities.values()].flatMap((set) => [...set])),
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
function derivedTypes(
  phrasings: readonly string[],
  answer: string,
  typeOf: (text: string) => QuestionType,
): Set<QuestionType> {
  const types = new Set<QuestionType>(['who', 'what', 'how', 'yes-no']);
  for (const text of phrasings) {
    const type = typeOf(text);
    if (STRICT_TYPES.has(type)) types.add(type);
  }
  if (FIGURE.test(answer)) types.add('how-many');
  if (TIME_EXPRESSION.test(answer)) types.add('when');
  return types;
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
