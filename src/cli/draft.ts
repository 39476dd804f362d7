/**
 * npm run draft -- --article FILE --out DIR [--title T --source S --date YYYY-MM-DD]
 *
 * Writes a complete data folder drafted from the article alone (see src/core/extract/draft.ts),
 * then validates it and says what it found. Refuses to overwrite a folder that has data in it.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { draftFromArticle } from '../core/extract/draft.ts';
import { buildKnowledge } from '../core/knowledge.ts';
import { readDataDir } from '../core/load.ts';
import { countOf, DataError, formatProblem, isWarning } from '../core/problems.ts';
import { fail } from './startup.ts';

const USAGE = 'Usage: npm run draft -- --article FILE --out DIR [--title "T" --source "S" --date YYYY-MM-DD]';

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      article: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
      source: { type: 'string' },
      date: { type: 'string' },
    },
    strict: true,
  }));
} catch (error) {
  fail([(error as Error).message, USAGE]);
}
const articlePath = values.article;
const out = values.out;
if (typeof articlePath !== 'string' || typeof out !== 'string') fail([USAGE]);
const date = typeof values.date === 'string' ? values.date : undefined;
if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
  fail([`--date: write the date as YYYY-MM-DD, not "${date}"`]);

let articleText: string;
try {
  articleText = await readFile(articlePath, 'utf8');
} catch {
  fail([`--article: cannot read ${articlePath}: check the path`]);
}
if (articleText.trim().length === 0) fail([`--article: ${articlePath} is empty`]);
const existing = await readdir(out).catch(() => [] as string[]);
if (existing.some((name) => /\.(ya?ml|txt)$/.test(name)))
  fail([`--out: ${out} already holds data files: choose an empty or new folder`]);

const draft = draftFromArticle(articleText, {
  title: typeof values.title === 'string' ? values.title : undefined,
  source: typeof values.source === 'string' ? values.source : undefined,
  date,
  today: new Date().toISOString().slice(0, 10),
  // Whatever the file was called, the folder holds it as article.txt, as every story folder does.
  articleName: 'article.txt',
});
for (const [name, content] of draft.files) {
  await mkdir(dirname(join(out, name)), { recursive: true });
  await writeFile(join(out, name), content);
}

const direct = draft.quotes.filter((q) => q.kind === 'direct').length;
const lines = [
  `${out}: drafted from ${articlePath}.`,
  `People (${draft.people.length}): ${draft.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ') || 'none found'}.`,
  `Quotes: ${direct} direct, ${draft.quotes.length - direct} reported, from ${new Set(draft.quotes.map((q) => q.speaker)).size} speakers.`,
  `Q&A: ${countOf(draft.entries.length, 'draft entry').replace('entrys', 'entries')}, each marked draft: true until a person checks it.`,
];
try {
  buildKnowledge(await readDataDir(out));
  lines.push(`It validates. Next: npm run --silent validate -- --data ${out} lists the drafts to check.`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  const errors = error.problems.filter((p) => !isWarning(p));
  lines.push(`It does not validate (${countOf(errors.length, 'problem')}):`, ...errors.map(formatProblem));
  process.exitCode = 1;
}
process.stdout.write(`${lines.join('\n')}\n`);
