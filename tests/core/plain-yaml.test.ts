import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readPlainYaml } from '../../src/core/plain-yaml.ts';
import { DATA_DIR, MINI_STORY_DIR } from '../support/data.ts';

/** What js-yaml reads, or 'refused'. */
function jsYaml(text: string): unknown {
  try {
    return load(text, { maxAliases: 0 });
  } catch {
    return 'refused';
  }
}

// validate.ts reads plain YAML with its own reader before js-yaml: whatever it reads must be what
// js-yaml reads (key order too), and whatever it is not sure of it must leave to js-yaml.
describe('the plain YAML reader', () => {
  const files = [DATA_DIR, MINI_STORY_DIR].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => join(dir, name)),
  );

  it.each(files)('reads %s itself, as js-yaml does', (path) => {
    const text = readFileSync(path, 'utf8');
    // The data files are plain YAML: read here, not left to js-yaml.
    expect(JSON.stringify(readPlainYaml(text))).toBe(JSON.stringify(jsYaml(text)));
  });

  const strings = [
    'plain words',
    "it's",
    '"quoted"',
    '“curly” — dashes…',
    'a: b',
    'a #b',
    'a#b',
    'ends:',
    '2.5% of GDP',
    '2027',
    '2.5',
    '-3',
    '0x1f',
    '2025-02-26',
    'true',
    'False',
    'null',
    '~',
    'yes',
    '[a, b]',
    '- dash',
    '-x',
    'line\nbreak',
    ' lead and trail ',
    'tab\there',
    'back\\slash',
    'long words '.repeat(30),
  ];
  it('reads what a YAML library writes as js-yaml does, or leaves it to js-yaml', () => {
    for (const a of strings) {
      for (const options of [
        {},
        { lineWidth: 20 },
        { collectionStyle: 'flow' as const },
        { blockQuote: 'folded' as const },
      ]) {
        const text = YAML.stringify(
          { entries: [{ id: 'x', question: a, alternates: [a, `${a} ${a}`], n: 3 }] },
          options,
        );
        const plain = readPlainYaml(text);
        if (plain !== undefined) expect(JSON.stringify(plain), text).toBe(JSON.stringify(jsYaml(text)));
      }
    }
  });

  it('reads a large machine-written file itself', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({
      id: `entry-${i}`,
      question: `What is 2.5% of item ${i}?`,
      alternates: ['How much is it?', 'And "why"?'],
      answer: 'It is written over several lines, because it is long: more than eighty characters.',
      related: [],
      count: i,
      draft: i % 2 === 0,
    }));
    const text = YAML.stringify({ entries });
    expect(readPlainYaml(text)).toEqual(jsYaml(text));
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an alias', 'a: &x [1]\nb: *x\n'],
    ['a tab', 'a:\tb\n'],
    ['odd indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a comment after a value', 'a: b # note\n'],
    ['a blank line in a value', 'a: b\n\n  c\n'],
    ['a hexadecimal number', 'a: 0x1f\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['an emoji', 'a: 👍\n'],
    ['a syntax error', 'a: [b\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });
});
