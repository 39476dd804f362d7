import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readQaEntry } from '../../src/core/entry-reader.ts';
import { QaEntry } from '../../src/core/schema.ts';
import { DATA_DIR, MINI_STORY_DIR } from '../support/data.ts';

/** zod's reading of an entry, as JSON (field order too), or 'refused'. */
const zodReads = (value: unknown): string => {
  const result = QaEntry.safeParse(value);
  return result.success ? JSON.stringify(result.data) : 'refused';
};

/** Variations of an entry: fields dropped, emptied, of another kind, misspelt. */
function variations(entry: Record<string, unknown>): unknown[] {
  const odd: unknown[] = [
    '',
    '  ',
    ' padded ',
    2027,
    2.5,
    true,
    null,
    [],
    ['x'],
    [''],
    [3],
    {},
    'Bad Id',
    'p0',
    'p3.s1',
    'why',
    ['why', 'never'],
  ];
  const out: unknown[] = [entry];
  for (const key of [
    ...Object.keys(entry),
    'excerpt',
    'answers',
    'draft',
    'planned',
    'keywords',
    'related',
    'extra',
  ]) {
    const { [key]: _, ...without } = entry;
    out.push(without);
    for (const value of odd) out.push({ ...entry, [key]: value });
  }
  return out;
}

// validate.ts reads plainly valid Q&A entries without zod: what it reads must be what zod reads,
// and what zod would refuse (or might) it must leave to zod, whose messages are reported.
describe('readQaEntry', () => {
  const entries = [DATA_DIR, MINI_STORY_DIR].flatMap(
    (dir) =>
      (YAML.parse(readFileSync(join(dir, 'qa.yaml'), 'utf8')) as { entries: Record<string, unknown>[] })
        .entries,
  );

  it('reads every entry of the data as zod does', () => {
    for (const entry of entries) expect(JSON.stringify(readQaEntry(entry))).toBe(zodReads(entry));
  });

  it('reads a variation of an entry as zod does, or leaves it to zod', () => {
    let read = 0;
    for (const entry of entries.slice(0, 12)) {
      for (const variation of variations(entry)) {
        const fast = readQaEntry(variation);
        if (fast === undefined) continue;
        read++;
        expect(JSON.stringify(fast)).toBe(zodReads(variation));
      }
    }
    expect(read).toBeGreaterThan(100);
  });
});
