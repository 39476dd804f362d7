/**
 * Schema problems in the project's words: what is wrong with a field and what to write there,
 * never the schema library's own text ("expected array, received undefined").
 */
import { distance } from 'fastest-levenshtein';
import type { z } from 'zod';

/** What to write in each field, said once: used when it is missing, empty or of the wrong type. */
const WHAT_TO_WRITE: Readonly<Record<string, string>> = {
  id: 'give it an id of lower-case letters, digits and hyphens, e.g. "bridge-cost"',
  topic: 'name one of the topics (their ids are under `topics:`)',
  title: 'write a short title',
  question: 'write the question as a reader would ask it',
  alternates: 'add at least one other way people ask it',
  keywords: 'list bare words or short phrases that should find it',
  answer: 'write a short answer that says only what the article says',
  cites: 'cite the paragraph or sentence it rests on, e.g. [p4.s2] (npm run --silent sentences lists them)',
  excerpt: 'copy the words to show exactly from the cited text',
  answers: 'list question types: who, what, when, where, why, how, how-many, yes-no',
  related: 'list ids of Q&A entries to offer next',
  speaker: 'name the person: an id from glossary.yaml',
  kind: 'write direct (the article quotes the words) or reported (it reports them)',
  text: 'copy the words exactly from the article (curly quotes too)',
  context: 'say where or how it was said, e.g. "told reporters"',
  about: 'say what it is about, in a few words',
  name: 'write the name as the article gives it',
  role: 'write the role as the article describes it, e.g. "Foreign Minister"',
  pronoun: 'write he, she or they',
  country: 'write the glossary term of the country they serve, e.g. "UK"',
  aliases: 'list at least one other name or spelling people type',
  term: 'write the word every alias is read as',
  reply: 'say what the article does not say, and what it does',
  see: 'list ids of Q&A entries to suggest instead',
  source: 'say where the article comes from, as a reader would cite it',
  date: 'write the date as YYYY-MM-DD, e.g. 2025-02-26',
  dateNote: 'say why the date is what it is',
  article: 'name the file holding the article, e.g. article.txt',
  summary: 'write two or three sentences faithful to the article',
  description: 'write a sentence about the topic',
  draft: 'write true or false (delete the line once a person has checked the entry)',
  planned: 'write true or false',
  entity: 'write true or false',
  speaks: 'write true or false',
  note: 'write a note for curators',
};

const hintFor = (field: string): string => WHAT_TO_WRITE[field] ?? 'see README, "Data format"';

/** A value as a curator would describe it. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${clip(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a group of fields';
  return typeof value;
}

const EXPECTED: Readonly<Record<string, string>> = {
  array: 'a list (one "- item" per line, or [a, b])',
  string: 'text',
  boolean: 'true or false',
  number: 'a number',
  object: 'a group of fields (name: value, one per line)',
};

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The closest known name, if it is close enough to be a slip. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: { name: string; cost: number } | undefined;
  for (const name of known) {
    const cost = distance(word.toLowerCase(), name.toLowerCase());
    if (!best || cost < best.cost) best = { name, cost };
  }
  return best && best.cost <= Math.max(2, Math.floor(word.length / 3)) ? best.name : undefined;
}

/** A valid id made from what was written ("Hale Vote" -> "hale-vote"). */
export function idFrom(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Reads a value at a path inside parsed YAML. */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
}

/** A problem with one field: its path inside the entry, and the message. */
export interface FieldProblem {
  readonly field: string | undefined;
  readonly message: string;
}

/**
 * One schema issue as messages that start with the field in backticks. `item` is what the
 * curator wrote (the entry, or the whole file for story.yaml); `fields` the entry's known fields.
 */
export function issueMessages(
  issue: z.core.$ZodIssue,
  item: unknown,
  fields: readonly string[],
): FieldProblem[] {
  const path = issue.path;
  const field = path.length > 0 ? formatPath(path) : undefined;
  const at = (message: string): FieldProblem[] => [{ field, message: `\`${field}\` ${message}` }];
  // The field's own name, for hints: "cites" for cites[0], "aliases" for aliases[2].
  const name = String([...path].reverse().find((k) => typeof k === 'string') ?? '');
  const value = valueAt(item, path);
  const hint = hintFor(name);
  const expected = (type: string): string => EXPECTED[type] ?? type;
  switch (issue.code) {
    case 'invalid_type':
      if (field === undefined)
        return [{ field, message: `should be ${expected(issue.expected)}, not ${describeValue(value)}` }];
      if (value === undefined) return at(`is required: ${hint}`);
      if (value === null) return at(`is empty: ${hint}`);
      return at(`should be ${expected(issue.expected)}, not ${describeValue(value)}: ${hint}`);
    case 'too_small':
      return at(`is empty: ${hint}`);
    case 'invalid_format': {
      const written = clip(String(value));
      if (name === 'cites')
        return at(
          `"${written}" is not a place in the article: ${issue.message} (npm run --silent sentences lists them)`,
        );
      if (name === 'date') return at(`"${written}" is not a date: ${issue.message}`);
      const suggestion = idFrom(String(value));
      return at(
        `"${written}" is not a valid id: use lower-case letters, digits and single hyphens${suggestion ? `, e.g. "${suggestion}"` : ''}`,
      );
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const close = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return at(
        `is ${describeValue(value)}: write one of ${allowed.join(', ')}${close ? ` (did you mean ${close}?)` : ''}`,
      );
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const inner = field === undefined ? key : `${field}.${key}`;
        const close = didYouMean(key, fields);
        return {
          field: inner,
          message: `\`${inner}\` is not a field: ${close ? `did you mean \`${close}\`?` : `the fields are ${fields.join(', ')}`}`,
        };
      });
    default:
      return field === undefined ? [{ field, message: hint }] : at(`is not right: ${hint}`);
  }
}
