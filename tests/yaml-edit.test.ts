import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { addAlternate, appendItem, hasItem, YamlEditError } from '../src/services/yaml-edit.ts';
import { DATA_DIR } from './support/data.ts';

/** The lines of `after` that are not in `before`, when `after` is `before` with lines inserted. */
function insertedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const inserted: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else inserted.push(line);
  }
  expect(i).toBe(a.length); // every original line is still there, in order
  return inserted;
}

describe('editing curated YAML in place', () => {
  it('adds an alternate as one new line in the entry’s list; every other byte stays', async () => {
    const qa = await readFile(join(DATA_DIR, 'qa.yaml'), 'utf8');
    const edited = addAlternate(
      qa,
      'entries',
      'russia-rejects-peacekeepers',
      'would moscow put up with european soldiers?',
    );
    expect(insertedLines(qa, edited)).toEqual(['      - would moscow put up with european soldiers?']);
    const entries = (YAML.parse(edited) as { entries: { id: string; alternates: string[] }[] }).entries;
    const entry = entries.find((e) => e.id === 'russia-rejects-peacekeepers');
    expect(entry?.alternates.at(-1)).toBe('would moscow put up with european soldiers?');
    // Comments and folded answers are untouched (printing the Document again would re-fold them).
    expect(edited.split('\n').filter((l) => l.trimStart().startsWith('#'))).toEqual(
      qa.split('\n').filter((l) => l.trimStart().startsWith('#')),
    );
  });

  it('quotes what YAML would misread, and keeps one line', () => {
    const source =
      'entries:\n  - id: a\n    question: Q?\n    alternates:\n      - first # why\n    answer: A\n';
    const edited = addAlternate(source, 'entries', 'a', 'what about: "this"   and\nthat?');
    expect(edited).toBe(
      'entries:\n  - id: a\n    question: Q?\n    alternates:\n      - first # why\n      - \'what about: "this" and that?\'\n    answer: A\n',
    );
  });

  it('extends flow lists in flow style, and adds the list when an entry has none', () => {
    const source =
      'gaps:\n  - id: a\n    question: Q?\n    alternates: [x, y]  # note\n  - id: b\n    question: R?\n    reply: no\n';
    expect(addAlternate(source, 'gaps', 'a', 'z, w')).toBe(source.replace('[x, y]', '[x, y, "z, w"]'));
    expect(addAlternate(source, 'gaps', 'b', 'S?')).toBe(
      source.replace('R?\n', 'R?\n    alternates:\n      - S?\n'),
    );
  });

  it('appends a new item at the end of a list in the file’s own layout', async () => {
    const gaps = await readFile(join(DATA_DIR, 'gaps.yaml'), 'utf8');
    const gap = {
      id: 'gap-new',
      question: 'Is it raining?',
      reply: 'The article doesn’t say.',
      see: ['a-b', 'c'],
    };
    const edited = appendItem(gaps, 'gaps', gap);
    expect(insertedLines(gaps, edited)).toEqual([
      '  - id: gap-new',
      '    question: Is it raining?',
      '    reply: The article doesn’t say.',
      '    see: [a-b, c]',
    ]);
    expect(hasItem(edited, 'gaps', 'gap-new')).toBe(true);
  });

  it('refuses what it cannot do cleanly, saying why', () => {
    const source = 'entries:\n  - id: a\n    question: Q?\n    alternates: [x]\n';
    expect(() => addAlternate(source, 'entries', 'nope', 'Q')).toThrow(/no entry has id "nope"/);
    expect(() => addAlternate('entries: [', 'entries', 'a', 'Q')).toThrow(YamlEditError);
    expect(() => addAlternate(source, 'entries', 'a', '   ')).toThrow(/empty/);
    expect(() => addAlternate('entries:\n  - id: a\n    alternates: oops\n', 'entries', 'a', 'Q')).toThrow(
      /not a list/,
    );
  });
});
