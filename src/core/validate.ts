/**
 * Reading a data folder's files into checked data: YAML syntax, schema and the checks across
 * files (ids, citations, verbatim quotes, speakers, aliases, coverage), every problem in one
 * pass. Entries are checked one by one, so an entry that fails the schema hides nothing about the
 * others. Pure: it gets file contents, not paths (load.ts reads the folder). knowledge.ts builds
 * the knowledge base from what this returns.
 *
 * Only story.yaml and the article are required. Without quotes.yaml the quote index is built
 * from the article; without glossary.yaml, so are the people.
 */
import { load as loadYamlFast } from 'js-yaml';
import YAML from 'yaml';
import type { z } from 'zod';
import { type Article, paragraphOf, parseArticle } from './article.ts';
import { closestText } from './closest.ts';
import { readQaEntry } from './entry-reader.ts';
import { extractStory } from './extract/story.ts';
import { describeValue, didYouMean, idFrom, issueMessages } from './issue-messages.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { DataError, type DataProblem, isWarning } from './problems.ts';
import {
  type GapEntry,
  GapEntry as GapEntrySchema,
  type GlossaryFile,
  type Person,
  Person as PersonSchema,
  type QaEntry,
  QaEntry as QaEntrySchema,
  type QaFile,
  type QuoteEntry,
  QuoteEntry as QuoteEntrySchema,
  type QuotesFile,
  StoryFile,
  type Term,
  Term as TermSchema,
  type TopicDef,
  TopicDef as TopicDefSchema,
} from './schema.ts';
import { cleanText, foldText, wordKey } from './text.ts';

/** Raw data: file name ("qa.yaml", "qa/people.yaml", "article.txt") -> contents. */
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

/** Q&A may be split over qa.yaml and qa/*.yaml, known gaps over gaps.yaml and gaps/*.yaml. */
export const QA_FILE = /^qa(?:\.yaml|\/[^/]+\.yaml)$/;
export const GAPS_FILE = /^gaps(?:\.yaml|\/[^/]+\.yaml)$/;
/** The sub-folders a data folder may have data files in. */
export const DATA_SUBFOLDERS = ['qa', 'gaps'] as const;

/** Shown as the "file" of quotes and people built from the article. */
export const BUILT_QUOTES = 'quotes (built from the article)';
export const BUILT_PEOPLE = 'people (found in the article)';

/** A data folder that passed every check, ready to build. */
export interface ValidatedData {
  readonly story: StoryFile;
  /** Every Q&A file's topics and entries, in file order (qa.yaml first). */
  readonly qa: QaFile;
  readonly quotes: QuotesFile;
  readonly glossary: GlossaryFile;
  readonly gaps: readonly GapEntry[];
  readonly article: Article;
  /** Problems that do not refuse the data. */
  readonly warnings: readonly DataProblem[];
  /** The file each Q&A entry, quote and gap came from, by id. */
  readonly fileOf: ReadonlyMap<string, string>;
  /** What was built from the article because its file is absent. */
  readonly built: { readonly quotes: boolean; readonly people: boolean };
  /**
   * Each Q&A entry's question and alternates as the folder folded them (for the same-question
   * check), in the order of qa.entries: the build reads them without folding them again.
   */
  readonly foldedPhrasings?: readonly (readonly string[])[];
}

/** An entry with the file it came from. */
interface Located<T> {
  readonly file: string;
  readonly value: T;
}

/** Parses and checks every file, or throws DataError listing every problem found (warnings too). */
export function validateData(files: DataFiles, fold: Folder = folder()): ValidatedData {
  const { data, problems } = checkData(files, fold);
  if (!data) throw new DataError(problems);
  return data;
}

/** Every problem found, and the data when none of them is an error. Never throws. */
export function checkData(
  files: DataFiles,
  fold: Folder = folder(),
): { data: ValidatedData | undefined; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const reader = new Reader(problems);

  const storyText = files.get('story.yaml');
  let story: StoryFile | undefined;
  let articleName = 'article.txt';
  if (storyText === undefined) {
    problems.push({
      file: 'story.yaml',
      message: 'story.yaml is missing: create it with title, source and date (see README, "Data format")',
    });
  } else {
    const parsedStory = reader.story(storyText);
    story = parsedStory.story;
    articleName = parsedStory.articleName;
  }

  let article: Article | undefined;
  const articleText = files.get(articleName);
  if (articleText === undefined) {
    problems.push({
      file: storyText === undefined ? articleName : 'story.yaml',
      ...(storyText === undefined ? {} : { field: 'article' }),
      message: `"${articleName}" is not in the data folder: put the article there, one paragraph per line`,
    });
  } else {
    article = parseArticle(articleText);
    if (article.paragraphs.length === 0) {
      problems.push({
        file: articleName,
        message: 'the article is empty: paste its text, one paragraph per line',
      });
      article = undefined;
    }
  }

  const names = [...files.keys()].sort(byFileOrder);
  const topics: Located<TopicDef>[] = [];
  const entries: Located<QaEntry>[] = [];
  const gaps: Located<GapEntry>[] = [];
  for (const name of names.filter((n) => QA_FILE.test(n))) {
    const lists = reader.lists(name, files.get(name) ?? '', {
      topics: TopicDefSchema,
      entries: QaEntrySchema,
    });
    for (const value of lists.topics ?? []) topics.push({ file: name, value: value as TopicDef });
    for (const value of lists.entries ?? []) entries.push({ file: name, value: value as QaEntry });
  }
  for (const name of names.filter((n) => GAPS_FILE.test(n))) {
    const lists = reader.lists(name, files.get(name) ?? '', { gaps: GapEntrySchema });
    for (const value of lists.gaps ?? []) gaps.push({ file: name, value: value as GapEntry });
  }
  for (const name of names) {
    if (/\.ya?ml$/.test(name) && !isKnownFile(name)) {
      const close = didYouMean(name, ['story.yaml', 'qa.yaml', 'quotes.yaml', 'glossary.yaml', 'gaps.yaml']);
      problems.push({
        file: name,
        severity: 'warning',
        message: `is not a data file, so it is not read${close ? `: did you mean ${close}?` : ''} (data files: story.yaml, qa.yaml or qa/*.yaml, quotes.yaml, glossary.yaml, gaps.yaml or gaps/*.yaml)`,
      });
    }
  }

  let people: Person[] | undefined;
  let terms: Term[] = [];
  const glossaryText = files.get('glossary.yaml');
  if (glossaryText !== undefined) {
    const lists = reader.lists('glossary.yaml', glossaryText, { people: PersonSchema, terms: TermSchema });
    people = (lists.people ?? []) as Person[];
    terms = (lists.terms ?? []) as Term[];
  }
  let quotes: Located<QuoteEntry>[] | undefined;
  const quotesText = files.get('quotes.yaml');
  if (quotesText !== undefined) {
    const lists = reader.lists('quotes.yaml', quotesText, { quotes: QuoteEntrySchema });
    quotes = (lists.quotes ?? []).map((value) => ({ file: 'quotes.yaml', value: value as QuoteEntry }));
  }

  // What the article gives when its file is absent: the people (and places) in it, and who said what.
  const built = { quotes: quotes === undefined, people: people === undefined };
  if (article && (built.quotes || built.people)) {
    const extracted = extractStory(article, people ? { people } : {});
    if (built.people) {
      people = [...extracted.people];
      terms = [...extracted.places];
    }
    if (built.quotes) {
      const taken = new Set([...entries, ...gaps].map((e) => e.value.id));
      const topicOf = topicBySentence(entries.map((e) => e.value));
      const fallbackTopic = topics[0]?.value.id ?? 'quotes';
      quotes = extracted.quotes
        .filter((q) => !taken.has(q.id))
        .map((q) => ({
          file: BUILT_QUOTES,
          value: { ...q, topic: topicOf.get(q.cites) ?? topicOf.get(paragraphOf(q.cites)) ?? fallbackTopic },
        }));
    }
  }

  const checked: Checked = {
    topics,
    entries,
    gaps,
    quotes: quotes ?? [],
    people: people ?? [],
    terms,
    glossaryFile: built.people ? BUILT_PEOPLE : 'glossary.yaml',
    invalidIds: reader.invalidIds,
    invalidCites: reader.invalidCites,
  };
  const across: DataProblem[] = [];
  const foldedPhrasings = crossCheck(checked, article, across, fold, built);
  problems.push(...withoutKnockOns(across, reader.unreadable));
  if (story && article) {
    story.cites.forEach((ref, i) => {
      if (!article?.places.has(ref)) {
        problems.push({
          file: 'story.yaml',
          field: `cites[${i}]`,
          message: `${ref} is not in the article: it has ${article?.paragraphs.length} paragraphs (npm run --silent sentences lists them)`,
        });
      }
    });
  }

  if (problems.some((p) => !isWarning(p)) || !story || !article) return { data: undefined, problems };
  const fileOf = new Map<string, string>();
  for (const list of [entries, gaps, checked.quotes]) for (const e of list) fileOf.set(e.value.id, e.file);
  const data: ValidatedData = {
    story,
    qa: { topics: topics.map((t) => t.value), entries: entries.map((e) => e.value) },
    quotes: { quotes: checked.quotes.map((q) => q.value) },
    glossary: { people: [...checked.people], terms },
    gaps: gaps.map((g) => g.value),
    article,
    warnings: problems,
    fileOf,
    built,
    foldedPhrasings,
  };
  return { data, problems };
}

/** qa.yaml before qa/*.yaml, then by name: the order entries are numbered and ties are broken in. */
function byFileOrder(a: string, b: string): number {
  const depth = (name: string): number => (name.includes('/') ? 1 : 0);
  return depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function isKnownFile(name: string): boolean {
  return (
    name === 'story.yaml' ||
    name === 'quotes.yaml' ||
    name === 'glossary.yaml' ||
    QA_FILE.test(name) ||
    GAPS_FILE.test(name)
  );
}

/** The topic of the first Q&A entry citing each sentence and paragraph. */
function topicBySentence(entries: readonly QaEntry[]): Map<string, string> {
  const topicOf = new Map<string, string>();
  for (const entry of entries) {
    for (const ref of entry.cites) {
      if (!topicOf.has(ref)) topicOf.set(ref, entry.topic);
      if (!topicOf.has(paragraphOf(ref))) topicOf.set(paragraphOf(ref), entry.topic);
    }
  }
  return topicOf;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * js-yaml reads a large file about six times faster than the yaml package (0.75 s against 5.8 s
 * for a 10,000-entry qa.yaml), to the same data for every valid file. So a file is read with it
 * first; one it refuses (a syntax error, a duplicate key, any alias, which it would not cap) or
 * finds empty is read again by the yaml package, which reports lines and columns as curators see
 * them here. Before both, plain YAML (plain-yaml.ts: what data files are made of) is read
 * several times faster again, to what js-yaml gives; anything else in a file leaves it to them.
 */
function readYamlFast(text: string): unknown {
  const plain = readPlainYaml(text);
  if (plain !== undefined) return plain;
  try {
    const raw = loadYamlFast(text, { maxAliases: 0 });
    return raw === null ? undefined : raw;
  } catch {
    return undefined;
  }
}

/** Reads YAML files and checks their shape entry by entry, collecting problems. */
class Reader {
  /** Ids written on entries that failed the schema: other entries may refer to them. */
  readonly invalidIds = new Set<string>();
  /** Paragraphs cited by entries that failed the schema: not reported again as uncovered. */
  readonly invalidCites = new Set<string>();
  /** Files that are not valid YAML: what they hold is unknown, so checks across files wait. */
  readonly unreadable: string[] = [];

  constructor(private readonly problems: DataProblem[]) {}

  /** Parsed YAML, or undefined after reporting a syntax error. Empty files are null. */
  private yaml(file: string, text: string): { raw: unknown } | undefined {
    const fast = readYamlFast(text);
    if (fast !== undefined) return { raw: fast };
    const lines = new YAML.LineCounter();
    const doc = YAML.parseDocument(text, { uniqueKeys: true, lineCounter: lines });
    const [error] = doc.errors;
    if (error) {
      // The first syntax error; the ones after it are usually its echoes.
      const at = lines.linePos(error.pos[0]);
      this.problems.push({
        file,
        field: `line ${at.line}, column ${at.col}`,
        message: `not valid YAML: ${error.message.split('\n')[0]} (check indentation, colons and brackets there)`,
      });
      this.unreadable.push(file);
      return undefined;
    }
    return { raw: doc.toJS() as unknown };
  }

  story(text: string): { story: StoryFile | undefined; articleName: string } {
    const file = 'story.yaml';
    const parsed = this.yaml(file, text);
    if (!parsed) return { story: undefined, articleName: 'article.txt' };
    const raw = withoutEmptyFields(parsed.raw);
    const articleName =
      isRecord(raw) && typeof raw.article === 'string' && raw.article.trim()
        ? raw.article.trim()
        : 'article.txt';
    if (raw === null || raw === undefined) {
      this.problems.push({
        file,
        message:
          'story.yaml is empty: write its title, source and date (YYYY-MM-DD), one per line as "title: ..."',
      });
      return { story: undefined, articleName };
    }
    const result = StoryFile.safeParse(raw);
    if (result.success) return { story: result.data, articleName };
    const fields = Object.keys(StoryFile.shape);
    for (const issue of result.error.issues) {
      for (const { field, message } of issueMessages(issue, raw, fields)) {
        this.problems.push(field === undefined ? { file, message } : { file, field, message });
      }
    }
    return { story: undefined, articleName };
  }

  /**
   * A file of lists ("topics:", "entries:"): each item checked on its own, the valid ones kept.
   * Returns the valid items by list name.
   */
  lists(
    file: string,
    text: string,
    schemas: Readonly<Record<string, z.ZodObject>>,
  ): Record<string, unknown[] | undefined> {
    const out: Record<string, unknown[] | undefined> = {};
    const parsed = this.yaml(file, text);
    if (!parsed) return out;
    const keys = Object.keys(schemas);
    const listing = keys.map((k) => `\`${k}:\``).join(' and ');
    const raw = parsed.raw;
    if (raw === null || raw === undefined) {
      this.problems.push({
        file,
        severity: 'warning',
        message: `${file} is empty: add ${listing}, or delete the file`,
      });
      return out;
    }
    if (!isRecord(raw)) {
      this.problems.push({ file, message: `${file} should hold ${listing}, not ${describeValue(raw)}` });
      return out;
    }
    for (const key of Object.keys(raw)) {
      if (keys.includes(key)) continue;
      const close = didYouMean(key, keys);
      this.problems.push({
        file,
        field: key,
        message: `\`${key}\` is not a section of ${file}: ${close ? `did you mean \`${close}\`?` : `it holds ${listing}`}`,
      });
    }
    for (const [key, schema] of Object.entries(schemas)) {
      const list = raw[key];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) {
        this.problems.push({
          file,
          field: key,
          message: `\`${key}\` should be a list of entries, each starting with "- ", not ${describeValue(list)}`,
        });
        continue;
      }
      const fields = Object.keys(schema.shape);
      const valid: unknown[] = [];
      list.forEach((item: unknown, position) => {
        const cleaned = withoutEmptyFields(item);
        // A plainly valid Q&A entry is read without zod (entry-reader.ts), to the same data.
        const plain = schema === QaEntrySchema ? readQaEntry(cleaned) : undefined;
        if (plain !== undefined) {
          valid.push(plain);
          return;
        }
        const rawId = isRecord(cleaned) && typeof cleaned.id === 'string' ? cleaned.id.trim() : '';
        const label =
          rawId.length > 0
            ? rawId
            : isRecord(cleaned) && key === 'terms' && typeof cleaned.term === 'string'
              ? `${key}[${position}] (${cleaned.term})`
              : `${key}[${position}]`;
        const result = schema.safeParse(cleaned);
        if (result.success) {
          valid.push(result.data);
          return;
        }
        if (rawId.length > 0) {
          this.invalidIds.add(rawId);
          this.invalidIds.add(idFrom(rawId));
        }
        const cites = isRecord(cleaned) ? cleaned.cites : undefined;
        for (const ref of Array.isArray(cites) ? cites : [cites]) {
          if (typeof ref === 'string') this.invalidCites.add(paragraphOf(ref.trim()));
        }
        for (const issue of result.error.issues) {
          for (const { field, message } of issueMessages(issue, cleaned, fields)) {
            this.problems.push(
              field === undefined
                ? { file, entry: label, message: `the entry ${message}` }
                : { file, entry: label, field, message },
            );
          }
        }
      });
      out[key] = valid;
    }
    return out;
  }
}

/**
 * `keywords:` with nothing after it is null in YAML: a field left empty, read as not written
 * (the schema then uses its default, or says the field is required).
 */
function withoutEmptyFields(value: unknown): unknown {
  if (!isRecord(value) || !Object.values(value).includes(null)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null) out[key] = field;
  return out;
}

interface Checked {
  readonly topics: readonly Located<TopicDef>[];
  readonly entries: readonly Located<QaEntry>[];
  readonly gaps: readonly Located<GapEntry>[];
  readonly quotes: readonly Located<QuoteEntry>[];
  readonly people: readonly Person[];
  readonly terms: readonly Term[];
  /** "glossary.yaml", or the label of people found in the article. */
  readonly glossaryFile: string;
  readonly invalidIds: ReadonlySet<string>;
  readonly invalidCites: ReadonlySet<string>;
}

/** A name as an id would spell it ("Northvale Water" -> "northvale-water"). */
const idOf = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * What a file that is not valid YAML would have answered: references to its ids, topics and
 * speakers, and its share of the article's coverage. Reported now, they would be dozens of
 * problems that vanish once the syntax is fixed.
 */
const KNOCK_ON =
  /^(unknown topic|unknown speaker|no (Q&A )?entry has id|no Q&A yet|paragraph \S+ is covered by no entry)/;

/** The cross-file problems, less those an unreadable file may cause, with one line saying so. */
function withoutKnockOns(across: readonly DataProblem[], unreadable: readonly string[]): DataProblem[] {
  if (unreadable.length === 0) return [...across];
  const kept = across.filter((p) => !KNOCK_ON.test(p.message));
  const held = across.length - kept.length;
  if (held === 0) return kept;
  const files = unreadable.join(', ');
  return [
    ...kept,
    {
      file: files,
      severity: 'warning',
      message: `${held} check${held === 1 ? '' : 's'} of ids, topics, speakers and coverage wait until ${files} ${unreadable.length === 1 ? 'is' : 'are'} valid YAML: fix the syntax and validate again`,
    },
  ];
}

/** Checks across files: ids, references, citations, verbatim quotes, coverage of the article. */
function crossCheck(
  data: Checked,
  article: Article | undefined,
  problems: DataProblem[],
  fold: Folder,
  built: { readonly quotes: boolean; readonly people: boolean },
): string[][] {
  const answerFileOf = new Map<string, string>(); // id -> file, across every kind of answer
  const unique = <T extends { readonly id: string }>(
    items: readonly Located<T>[],
    shared: Map<string, string>,
    what: string,
  ): void => {
    for (const { file, value } of items) {
      const earlier = shared.get(value.id);
      if (earlier !== undefined) {
        problems.push({
          file,
          entry: value.id,
          field: 'id',
          message:
            earlier === file
              ? `id "${value.id}" is used twice in ${file}: give each ${what} its own id`
              : `id "${value.id}" is already used in ${earlier}: ids must be unique across files`,
        });
      } else {
        shared.set(value.id, file);
      }
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

  /** What to say when text is not verbatim: the closest words in the article and their sentence. */
  const closest = (text: string): string => {
    const near = article ? closestText(article, text) : undefined;
    return near
      ? `the closest text in the article is "${near.text}" (${near.sentence}): copy it exactly (curly quotes too)`
      : 'nothing in the article is close: copy the words exactly from it (npm run --silent sentences lists them)';
  };

  const topicIds = new Set([...data.topics.map((t) => t.value.id), ...data.invalidIds]);
  const entryIds = new Set([...data.entries.map((e) => e.value.id), ...data.invalidIds]);
  const personIds = new Set([...data.people.map((p) => p.id), ...data.invalidIds]);
  const topicList = (): string =>
    data.topics.length > 0
      ? `use one of ${data.topics.map((t) => t.value.id).join(', ')}, or add it under \`topics:\``
      : 'add it under `topics:` in a Q&A file';

  unique(data.topics, new Map(), 'topic');
  unique(data.entries, answerFileOf, 'entry');
  for (const { file, value: entry } of data.entries) {
    if (!topicIds.has(entry.topic)) {
      problems.push({
        file,
        entry: entry.id,
        field: 'topic',
        message: `unknown topic "${entry.topic}": ${topicList()}`,
      });
    }
    entry.related.forEach((id, i) => {
      if (id === entry.id)
        problems.push({
          file,
          entry: entry.id,
          field: `related[${i}]`,
          message: 'an entry cannot be related to itself',
        });
      else if (!entryIds.has(id)) {
        const close = didYouMean(
          id,
          data.entries.map((e) => e.value.id),
        );
        problems.push({
          file,
          entry: entry.id,
          field: `related[${i}]`,
          message: `no entry has id "${id}"${close ? `: did you mean "${close}"?` : ''}`,
        });
      }
    });
    const cited = entry.cites.filter((ref, i) => checkPlace(file, entry.id, `cites[${i}]`, ref));
    if (entry.excerpt !== undefined && cited.length === entry.cites.length && article) {
      const haystacks = cited.map((ref) => article.places.get(paragraphOf(ref))?.text ?? '');
      if (!haystacks.some((text) => text.includes(entry.excerpt as string))) {
        // Verbatim, but in a paragraph the entry does not cite: the reply would show it under
        // the wrong paragraph number.
        const excerpt = entry.excerpt;
        const elsewhere = article.paragraphs.find((p) => p.text.includes(excerpt));
        const sentence = elsewhere?.sentences.find((s) => s.text.includes(excerpt));
        problems.push({
          file,
          entry: entry.id,
          field: 'excerpt',
          message: elsewhere
            ? `the excerpt is in ${sentence?.id ?? elsewhere.id}, which this entry does not cite: add ${sentence?.id ?? elsewhere.id} to \`cites\`, or take the excerpt from a paragraph it cites (${[...new Set(cited.map(paragraphOf))].join(', ')})`
            : `excerpt is not verbatim in the cited paragraphs: ${closest(excerpt)}`,
        });
      }
    }
    if (entry.draft) {
      problems.push({
        file,
        entry: entry.id,
        severity: 'warning',
        message:
          'draft waiting for a person: check its question, alternates and answer, then delete `draft: true`',
      });
    }
  }
  const foldedPhrasings = checkSamePhrasing(data.entries, problems, fold);

  unique(data.quotes, answerFileOf, 'quote');
  for (const { file, value: quote } of data.quotes) {
    if (built.quotes) continue; // built from the article: right by construction
    if (!personIds.has(quote.speaker)) {
      const close = didYouMean(quote.speaker, [...personIds]);
      // A body's words with no one named for it: the body may speak as a person entry of its own.
      const body = data.terms.find((t) =>
        [t.term, ...t.aliases].some((name) => idOf(name) === quote.speaker),
      );
      problems.push({
        file,
        entry: quote.id,
        field: 'speaker',
        message: body
          ? `"${quote.speaker}" is the term "${body.term}" of ${data.glossaryFile}, not a person: a speaker is a person id. When the article names no one speaking for it, move "${body.term}" from \`terms\` to \`people\` (id: ${quote.speaker}, name: ${body.term}, pronoun: they, cites) and keep its aliases there`
          : `unknown speaker "${quote.speaker}": ${close ? `did you mean "${close}"? ` : ''}use a person id from ${data.glossaryFile} (${data.people.map((p) => p.id).join(', ')})`,
      });
    }
    if (!topicIds.has(quote.topic)) {
      problems.push({
        file,
        entry: quote.id,
        field: 'topic',
        message: `unknown topic "${quote.topic}": ${topicList()}`,
      });
    }
    if (checkPlace(file, quote.id, 'cites', quote.cites) && article) {
      const place = article.places.get(quote.cites);
      if (!place?.text.includes(quote.text)) {
        const elsewhere = article.paragraphs
          .flatMap((p) => p.sentences)
          .find((s) => s.text.includes(quote.text));
        problems.push({
          file,
          entry: quote.id,
          field: elsewhere ? 'cites' : 'text',
          message: elsewhere
            ? `the text is at ${elsewhere.id}, not ${quote.cites}: cite ${elsewhere.id}`
            : `not verbatim at ${quote.cites}: ${closest(quote.text)}`,
        });
      }
    }
  }

  if (!built.people) {
    unique(
      data.people.map((value) => ({ file: 'glossary.yaml', value })),
      new Map(),
      'person',
    );
    for (const person of data.people) {
      person.cites.forEach((ref, i) => {
        checkPlace('glossary.yaml', person.id, `cites[${i}]`, ref);
      });
    }
    checkAliases(data.people, data.terms, problems, fold);
  }

  unique(data.gaps, answerFileOf, 'gap');
  for (const { file, value: gap } of data.gaps) {
    gap.see.forEach((id, i) => {
      if (!entryIds.has(id)) {
        const close = didYouMean(
          id,
          data.entries.map((e) => e.value.id),
        );
        problems.push({
          file,
          entry: gap.id,
          field: `see[${i}]`,
          message: `no Q&A entry has id "${id}"${close ? `: did you mean "${close}"?` : ''}`,
        });
      }
    });
  }

  if (article) {
    if (data.entries.length === 0) {
      problems.push({
        file: 'qa.yaml',
        severity: 'warning',
        message: `no Q&A yet: the bot answers from the article's ${article.paragraphs.length} paragraphs only. npm run draft writes a skeleton qa.yaml to start from`,
      });
    } else {
      // A curated story covers every paragraph; one that is all drafts is still being written.
      const curated = data.entries.some((e) => !e.value.draft);
      const covered = new Set([
        ...data.entries.flatMap((e) => e.value.cites.map(paragraphOf)),
        ...data.invalidCites,
      ]);
      for (const paragraph of article.paragraphs) {
        if (!covered.has(paragraph.id)) {
          problems.push({
            file: data.entries[0]?.file ?? 'qa.yaml',
            ...(curated ? {} : { severity: 'warning' as const }),
            message: `paragraph ${paragraph.id} is covered by no entry: add an entry citing it ("${paragraph.text.slice(0, 60)}...")`,
          });
        }
      }
    }
  }
  return foldedPhrasings;
}

/**
 * The same question text in two entries would make the answer depend on file order. Returns each
 * entry's phrasings folded.
 */
function checkSamePhrasing(
  entries: readonly Located<QaEntry>[],
  problems: DataProblem[],
  fold: Folder,
): string[][] {
  const owner = new Map<string, Located<QaEntry>>();
  const folded: string[][] = [];
  for (const located of entries) {
    const { file, value: entry } = located;
    const phrasings = [entry.question, ...entry.alternates];
    const foldedPhrasings = phrasings.map(fold);
    folded.push(foldedPhrasings);
    phrasings.forEach((text, i) => {
      const key = wordKey(foldedPhrasings[i] as string);
      const other = owner.get(key);
      if (other !== undefined && other.value.id !== entry.id) {
        const where = other.file === file ? '' : ` (${other.file})`;
        problems.push({
          file,
          entry: entry.id,
          field: i === 0 ? 'question' : `alternates[${i - 1}]`,
          message: `"${text}" is also a question of entry "${other.value.id}"${where}: keep it in one entry`,
        });
      } else {
        owner.set(key, located);
      }
    });
  }
  return folded;
}

/** An alias read as two different things would make matching depend on file order. */
function checkAliases(
  people: readonly Person[],
  terms: readonly Term[],
  problems: DataProblem[],
  fold: Folder,
): void {
  const file = 'glossary.yaml';
  const meaning = new Map<string, string>();
  const claim = (alias: string, canonical: string, entry: string, field: string): void => {
    const key = wordKey(fold(alias));
    if (key.length === 0) {
      problems.push({ file, entry, field, message: 'alias has no letters or digits' });
      return;
    }
    const other = meaning.get(key);
    if (other !== undefined && other !== canonical) {
      problems.push({
        file,
        entry,
        field,
        message: `"${alias}" already stands for ${other}: an alias can mean one thing only`,
      });
    } else {
      meaning.set(key, canonical);
    }
  };
  for (const person of people) {
    claim(person.name, person.id, person.id, 'name');
    person.aliases.forEach((alias, i) => {
      claim(alias, person.id, person.id, `aliases[${i}]`);
    });
  }
  terms.forEach((term, t) => {
    const entry = `terms[${t}] (${term.term})`;
    claim(term.term, term.term, entry, 'term');
    term.aliases.forEach((alias, i) => {
      claim(alias, term.term, entry, `aliases[${i}]`);
    });
  });
}
