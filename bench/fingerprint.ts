/**
 * Answers as data, to check that a performance change answers exactly as before.
 *
 *   node --import tsx bench/fingerprint.ts [--out FILE] [--synthetic N]
 *
 * Every question of tests/eval/tuning/*.yaml and tests/eval/heldout/*.yaml (after its context
 * turns, as `npm run eval` asks them) on data/, and of tests/fixtures/second-story/questions.yaml
 * on its own data. For each: the answer's kind, id, ids, decidedBy, confidence rounded to three
 * decimals, and (stricter than the answer alone) its suggestion ids and a hash of its text. One
 * line per question goes to FILE (default fingerprint.txt in the system's temporary folder), one hash to stdout: a change is
 * safe when the hash is the same, and `diff` of two listings shows which answers moved.
 *
 * Held-out questions are listed by set and position only, never by their text, so the listing can
 * be read and diffed without reading the held-out sets (tests/eval/README.md).
 *
 * --synthetic N adds the synthetic questions of an N-entry knowledge base (bench/synthetic.ts),
 * where ties and top-k cut-offs show first; they get a hash of their own.
 */
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answer } from '../src/core/answer.ts';
import { answerAfter } from '../src/core/engine.ts';
import { buildKnowledge, type KnowledgeBase } from '../src/core/knowledge.ts';
import { readDataDir } from '../src/core/load.ts';
import { loadEvalSet } from '../tests/support/evaluation.ts';
import { syntheticData, syntheticQuestions } from './synthetic.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const out = option('--out') ?? join(tmpdir(), 'fingerprint.txt');
const synthetic = Number(option('--synthetic') ?? 0);

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** One answer as a line: everything that decides what a reader sees, nothing that is timing. */
function describe(answer: Answer): string {
  return [
    `kind=${answer.kind}`,
    `answered=${answer.answered}`,
    `id=${answer.id ?? '-'}`,
    `ids=${answer.ids.join(',') || '-'}`,
    `by=${answer.decidedBy}`,
    `conf=${answer.confidence.toFixed(3)}`,
    `sugg=${answer.suggestions.map((s) => s.id).join(',') || '-'}`,
    `text=${sha(answer.text).slice(0, 12)}`,
  ].join(' ');
}

interface Section {
  readonly name: string;
  readonly lines: string[];
}

const yamlIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);

function evalSection(kb: KnowledgeBase, set: string, showText: boolean): Section {
  const lines = loadEvalSet(set).map((item, i) => {
    const label = showText ? `${[...(item.context ?? []), item.q].join(' | ')}` : `#${i + 1}`;
    return `${set} ${label} => ${describe(answerAfter(kb, item.q, item.context ?? []))}`;
  });
  return { name: set, lines };
}

const sections: Section[] = [];
const story = buildKnowledge(await readDataDir('data'));
for (const set of yamlIn('tests/eval/tuning')) sections.push(evalSection(story, set, true));
for (const set of yamlIn('tests/eval/heldout')) sections.push(evalSection(story, set, false));
const second = buildKnowledge(await readDataDir('tests/fixtures/second-story/data'));
sections.push(evalSection(second, 'tests/fixtures/second-story/questions.yaml', true));

const listing = sections.flatMap((s) => s.lines);
const hash = sha(listing.join('\n'));
let syntheticHash: string | null = null;
if (synthetic > 0) {
  const files = syntheticData(await readDataDir('data'), synthetic);
  const kb = buildKnowledge(files);
  const lines = syntheticQuestions(files, 400).map(
    (q) => `synthetic-${synthetic} ${q} => ${describe(answerAfter(kb, q, []))}`,
  );
  syntheticHash = sha(lines.join('\n'));
  listing.push(...lines);
}
writeFileSync(out, `${listing.join('\n')}\n`);
process.stdout.write(`fingerprint ${hash} (${sections.reduce((n, s) => n + s.lines.length, 0)} answers)\n`);
if (syntheticHash) process.stdout.write(`synthetic-${synthetic} ${syntheticHash}\n`);
process.stdout.write(`listing: ${out}\n`);
