/**
 * General synonym groups (data/synonyms.json): words and phrases that mean the same in news
 * English ("troops", "soldiers", "boots on the ground"). A story that uses one of them reads every
 * other as that word, so its curators need not list them. Only general English: a group never
 * names a story's people or facts.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const SYNONYMS_FILE = new URL('./data/synonyms.json', import.meta.url);

const SynonymsFile = z
  .object({
    $comment: z.array(z.string()).optional(),
    groups: z.array(z.array(z.string().min(1)).min(2)),
  })
  .strict();

/** Each group's words and phrases, the first the one a story most likely uses. */
export type SynonymGroups = readonly (readonly string[])[];

export function loadSynonyms(file: URL | string = SYNONYMS_FILE): SynonymGroups {
  return SynonymsFile.parse(JSON.parse(readFileSync(file, 'utf8'))).groups;
}
