/**
 * No story in code: the seed story's people and places appear in src/ only in comments. Help
 * examples, command descriptions and small talk come from the story's data (story.yaml's
 * `examples`, its entries, quotes and people), so another story's bot never names them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/data.ts';

const SEED_NAMES = /trump|starmer|zelensk|lavrov|putin|theresa|kyiv|kiev|ukrain|moscow|downing/i;

/** The code of a TypeScript file without its comments (a `//` after a colon, as in a URL, is code). */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) => line.replace(/(^|[^:\\])\/\/.*$/, '$1'))
    .join('\n');
}

/** Every source file: the engine, front ends, commands, services, tools and studio. */
const sources = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name));

describe('no story in code', () => {
  it('names none of the seed story’s people or places outside comments', () => {
    const found = sources.flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, i) =>
          SEED_NAMES.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it('sees a name outside a comment (the check itself works)', () => {
    expect(SEED_NAMES.test(withoutComments("const a = 'Lavrov'; // Trump"))).toBe(true);
    expect(SEED_NAMES.test(withoutComments('/* Trump */ const a = 1; // Lavrov'))).toBe(false);
  });
});
