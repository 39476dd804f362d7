/**
 * No test question stands in the data: a question of any set here (or a follow-up's context) of
 * four words or more, with case and punctuation ignored, must not be a phrasing of any data
 * folder; nor may a phrasing of six words or more be one word away from one. Otherwise the
 * accuracy figures would grade memorised questions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ROOT } from '../support/data.ts';

/** Lower case, no punctuation or apostrophes, single spaces. */
const normalised = (text: string): string =>
  (
    text
      .toLowerCase()
      .replace(/[’'`]/g, '')
      .match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? []
  ).join(' ');

/** Two phrasings one word apart (one word changed, added or left out). */
function oneWordApart(a: string, b: string): boolean {
  const x = a.split(' ');
  const y = b.split(' ');
  if (x.length === y.length) return x.filter((w, i) => w !== y[i]).length === 1;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.length - short.length !== 1) return false;
  return long.some((_, i) => [...long.slice(0, i), ...long.slice(i + 1)].join(' ') === short.join(' '));
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every phrasing a data folder matches questions against: Q&A questions, alternates, keywords, gaps. */
function phrasingsOf(dataFile: string): string[] {
  const parsed: unknown = YAML.parse(readFileSync(dataFile, 'utf8'));
  const out: string[] = [];
  const visit = (value: unknown, key: string | null): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    } else if (
      typeof value === 'string' &&
      key !== null &&
      ['question', 'alternates', 'keywords'].includes(key)
    ) {
      out.push(value);
    }
  };
  visit(parsed, null);
  return out;
}

/** Every question of a set (and its context), whatever else its items hold. */
function questionsOf(file: string): string[] {
  const items = YAML.parse(readFileSync(file, 'utf8')) as { q?: unknown; context?: unknown }[];
  return items.flatMap((item) => [
    ...(typeof item.q === 'string' ? [item.q] : []),
    ...(Array.isArray(item.context) ? item.context.filter((c): c is string => typeof c === 'string') : []),
  ]);
}

const testQuestions = yamlFilesUnder(join(ROOT, 'tests/eval')).flatMap(questionsOf).map(normalised);
const dataPhrasings = yamlFilesUnder(join(ROOT, 'data'))
  .filter((file) => !file.includes('/schema/'))
  .flatMap(phrasingsOf)
  .map(normalised);

describe('no test question in the data', () => {
  it('reads the sets and the data', () => {
    expect(testQuestions.length).toBeGreaterThan(1000);
    expect(dataPhrasings.length).toBeGreaterThan(200);
  });

  it('no question of four words or more stands in data/', () => {
    const phrasings = new Set(dataPhrasings);
    const copies = [...new Set(testQuestions.filter((q) => q.split(' ').length >= 4 && phrasings.has(q)))];
    expect(copies).toEqual([]);
  });

  it('no phrasing of six words or more in data/ is one word away from a test question', () => {
    const long = [...new Set(testQuestions.filter((q) => q.split(' ').length >= 6))];
    const near = dataPhrasings
      .filter((p) => p.split(' ').length >= 6)
      .flatMap((p) => long.filter((q) => q !== p && oneWordApart(p, q)).map((q) => `${p}  ~  ${q}`));
    expect(near).toEqual([]);
  });

  it('tells copies and near copies apart', () => {
    expect(normalised('Who is Lord Howard, of Lympne?')).toBe('who is lord howard of lympne');
    expect(
      oneWordApart('what did trump say about security guarantees', 'what did trump say about guarantees'),
    ).toBe(true);
    expect(oneWordApart('what did trump say', 'who did trump call a dictator')).toBe(false);
  });
});
