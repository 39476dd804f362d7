/** JSON Schema for each data file, generated from the loader's own zod schemas. */
import { z } from 'zod';
import { DATA_FILES } from './schema.ts';

/** File name ("qa.schema.json") -> JSON Schema, describing what a curator writes (the input). */
export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [file, schema] of Object.entries(DATA_FILES)) {
    const name = file.replace(/\.yaml$/, '.schema.json');
    out[name] = { ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), title: file };
  }
  return out;
}
