import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DATA_DIR, MINI_STORY_DIR } from '../support/data.ts';

// validate.ts reads valid files with js-yaml (fast) and files with problems with the yaml package
// (exact positions): both must read every valid file to the same data.
describe('the two YAML readers', () => {
  const files = [DATA_DIR, MINI_STORY_DIR].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => join(dir, name)),
  );

  it.each(files)('read %s to the same data', (path) => {
    const text = readFileSync(path, 'utf8');
    expect(load(text, { maxAliases: 0 })).toEqual(YAML.parseDocument(text, { uniqueKeys: true }).toJS());
  });

  it('leave to the yaml package what js-yaml refuses: duplicate keys and aliases', () => {
    expect(() => load('a: 1\na: 2\n')).toThrow();
    expect(() => load('a: &x [1]\nb: *x\n', { maxAliases: 0 })).toThrow();
  });
});
