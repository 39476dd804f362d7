import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/core/json-schemas.ts';
import { DATA_DIR } from './support/data.ts';

describe('JSON Schemas for curators’ editors', () => {
  it.each(Object.entries(jsonSchemas()))(
    'data/schema/%s matches the loader’s schema (run npm run schema)',
    async (name, schema) => {
      const committed = JSON.parse(await readFile(join(DATA_DIR, 'schema', name), 'utf8')) as unknown;
      expect(committed).toEqual(schema);
    },
  );

  it('is referenced from each data file, so editors find it', async () => {
    for (const name of Object.keys(jsonSchemas())) {
      const yamlName = name.replace('.schema.json', '.yaml');
      const text = await readFile(join(DATA_DIR, yamlName), 'utf8');
      expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=./schema/${name}`);
    }
  });
});
