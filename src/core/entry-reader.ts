/**
 * Q&A entries read without zod when they are plainly valid: a 10,000-entry qa.yaml is checked
 * entry by entry, and zod's general machinery (a result, and copies, for every field) is most of
 * what that costs. readQaEntry gives exactly what QaEntry.safeParse (schema.ts) gives for an entry
 * it accepts (the same fields in the same order, defaults filled in, texts trimmed); for anything
 * else (a field it does not know, a value of the wrong kind, anything zod would refuse) it gives
 * undefined, and zod reads the entry, its problems reported as before. A test compares the two.
 * Pure.
 */
import { ID_PATTERN, PLACE_PATTERN, type QaEntry, QUESTION_TYPES, type QuestionType } from './schema.ts';

/** QaEntry's fields. */
const QA_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'topic',
  'question',
  'alternates',
  'keywords',
  'answer',
  'cites',
  'excerpt',
  'answers',
  'related',
  'draft',
  'planned',
]);
const TYPES: ReadonlySet<string> = new Set(QUESTION_TYPES);

/** Thrown when an entry is not plainly valid: zod is to read it. */
const NOT_PLAIN = Symbol('not plain');

/** schema.ts's Text: a number as written, else a string, trimmed, not empty. */
function text(value: unknown): string {
  const written = typeof value === 'number' ? String(value) : value;
  if (typeof written !== 'string') throw NOT_PLAIN;
  const trimmed = written.trim();
  if (trimmed.length === 0) throw NOT_PLAIN;
  return trimmed;
}

function matching(value: unknown, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw NOT_PLAIN;
  return value;
}

/** A list of at least `min` items, each read by `read`, as a new array. */
function list<T>(value: unknown, min: number, read: (item: unknown) => T): T[] {
  if (!Array.isArray(value) || value.length < min) throw NOT_PLAIN;
  const out: T[] = new Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = read(value[i]);
  return out;
}

const id = (value: unknown): string => matching(value, ID_PATTERN);
const place = (value: unknown): string => matching(value, PLACE_PATTERN);
const questionType = (value: unknown): QuestionType => {
  if (typeof value !== 'string' || !TYPES.has(value)) throw NOT_PLAIN;
  return value as QuestionType;
};

function flag(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw NOT_PLAIN;
  return value;
}

/** The entry as QaEntry.safeParse's data, or undefined when zod is to read it. */
export function readQaEntry(value: unknown): QaEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) if (!QA_FIELDS.has(key) || raw[key] === undefined) return undefined;
  try {
    const entry: Record<string, unknown> = {
      id: id(raw.id),
      topic: id(raw.topic),
      question: text(raw.question),
      alternates: list(raw.alternates, 1, text),
      keywords: raw.keywords === undefined ? [] : list(raw.keywords, 0, text),
      answer: text(raw.answer),
      cites: list(raw.cites, 1, place),
    };
    if (raw.excerpt !== undefined) entry.excerpt = text(raw.excerpt);
    if (raw.answers !== undefined) entry.answers = list(raw.answers, 0, questionType);
    entry.related = raw.related === undefined ? [] : list(raw.related, 0, id);
    entry.draft = flag(raw.draft);
    entry.planned = flag(raw.planned);
    return entry as QaEntry;
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}
