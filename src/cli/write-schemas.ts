/**
 * npm run schema: writes data/schema/<file>.schema.json from the same zod schemas the loader
 * uses, so a curator's editor (VS Code with the YAML extension) checks entries while they type.
 * A test fails when the committed schemas are out of date.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemas } from '../core/json-schemas.ts';

const dir = join(process.argv[2] ?? 'data', 'schema');
await mkdir(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  await writeFile(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${join(dir, name)}\n`);
}
