/**
 * Reading a data folder's files into checked data: YAML syntax, schema (zod) and the checks
 * across files (ids, citations, verbatim quotes, speakers, aliases, coverage), every problem at
 * once. Pure: it gets file contents, not paths (load.ts reads the folder). knowledge.ts builds
 * the knowledge base from what this returns.
 */
import { load as loadYamlFast } from 'js-yaml';
import YAML from 'yaml';
import type { z } from 'zod';
import { type Article, paragraphOf, parseArticle } from './article.ts';
import { DataError, type DataProblem } from './problems.ts';
import {
  DATA_FILES,
  type DataFileName,
  type GapEntry,
  type GlossaryFile,
  type QaEntry,
  type QaFile,
  type QuotesFile,
  type StoryFile,
} from './schema.ts';
import { cleanText, foldText, wordsOf } from './text.ts';

/** Raw data: file name -> contents. Must hold the five YAML files' names and the article's. */
export type DataFiles = ReadonlyMap<string, string>;

/**
 * Clean-and-fold, once per distinct text during one build: a knowledge base reads each phrasing
 * for its terms, its question type and the duplicate check. Discarded with the build.
 */
export type Folder = (text: string) => string;

export function folder(): Folder {
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

/** A data folder that passed every check, ready to build. */
export interface ValidatedData {
  readonly story: StoryFile;
  readonly qa: QaFile;
  readonly quotes: QuotesFile;
  readonly glossary: GlossaryFile;
  readonly gaps: readonly GapEntry[];
  readonly article: Article;
}

interface Parsed {
  story?: StoryFile | undefined;
  qa?: QaFile | undefined;
  quotes?: QuotesFile | undefined;
  glossary?: GlossaryFile | undefined;
  gaps?: { gaps: GapEntry[] } | undefined;
}

/** Parses and checks every file, or throws DataError listing every problem found. */
export function validateData(files: DataFiles, fold: Folder = folder()): ValidatedData {
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
  return {
    story: parsed.story,
    qa: parsed.qa,
    quotes: parsed.quotes,
    glossary: parsed.glossary,
    gaps: parsed.gaps.gaps,
    article,
  };
}

function parseYamlFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  problems: DataProblem[],
): z.infer<S> | undefined {
  const fast = parseYamlFast(text, schema);
  if (fast !== undefined) return fast;
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

/**
 * js-yaml reads a large file about six times faster than the yaml package (0.75 s against 5.8 s
 * for a 10,000-entry qa.yaml), to the same data for every file that is valid. So a file is read
 * with it first, and only one with a problem (or with aliases, which it would not cap) is read
 * again with the yaml package, which reports lines and columns the way curators see them here.
 */
function parseYamlFast<S extends z.ZodType>(text: string, schema: S): z.infer<S> | undefined {
  let raw: unknown;
  try {
    raw = loadYamlFast(text, { maxAliases: 0 });
  } catch {
    return undefined;
  }
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
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
