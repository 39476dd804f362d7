/**
 * Production runs dist/ on plain node with production dependencies only (`npm ci --omit=dev`):
 * nothing the bot imports may be a development dependency. (tests/npm-start.e2e.test.ts runs the
 * build itself.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/data.ts';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** "discord.js", "@discordjs/rest/x" -> "@discordjs/rest". */
const packageOf = (specifier: string): string =>
  specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? specifier);

describe('the production build', () => {
  it('imports only production dependencies and node built-ins', () => {
    const imported = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /(?:^|\n)\s*import\s+(?!type\b)[^'"]*?from\s+'([^'.][^']*)'|import\('([^'.][^']*)'\)/g,
      )) {
        const specifier = match[1] ?? match[2] ?? '';
        if (!specifier.startsWith('node:') && !builtinModules.includes(specifier))
          imported.add(packageOf(specifier));
      }
    }
    expect([...imported]).toEqual(expect.arrayContaining(['discord.js', 'better-sqlite3', 'zod', 'yaml']));
    const notForProduction = [...imported].filter((name) => !(name in manifest.dependencies));
    expect(notForProduction).toEqual([]);
  });

  it('is what npm start runs, with node itself in place of npm’s shell', () => {
    expect(manifest.scripts.start).toMatch(/&& exec node dist\/main\.js$/);
    expect('tsx' in manifest.dependencies).toBe(false);
  });
});
