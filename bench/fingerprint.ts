/**
 * Answers as data, to check that a performance change answers exactly as before:
 * one JSON line per question (answered, id, ids, text, suggestions) over tests/eval/tuning/own.yaml,
 * then the synthetic questions of a 1,000-entry knowledge base (ties and top-k cut-offs show
 * there first). `node --import tsx bench/fingerprint.ts > before.jsonl`, change, run again, diff.
 */
import { answerQuestion } from '../src/core/engine.ts';
import { buildKnowledge } from '../src/core/knowledge.ts';
import { readDataDir } from '../src/core/load.ts';
import { loadEvalSet } from '../tests/support/evaluation.ts';
import { syntheticData, syntheticQuestions } from './synthetic.ts';

const real = await readDataDir('data');
const sets: [string, ReturnType<typeof buildKnowledge>, string[]][] = [];
sets.push(['eval', buildKnowledge(real), loadEvalSet('tests/eval/tuning/own.yaml').map((i) => i.q)]);
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
for (const size of sizes.length > 0 ? sizes : [1000]) {
  const files = syntheticData(real, size);
  sets.push([`synthetic-${size}`, buildKnowledge(files), syntheticQuestions(files, 400)]);
}
for (const [name, kb, questions] of sets) {
  for (const q of questions) {
    const a = answerQuestion(kb, q);
    process.stdout.write(
      `${JSON.stringify({ set: name, q, answered: a.answered, id: a.id, ids: a.ids, reason: a.reason, text: a.text, score: a.confidence, suggestions: a.suggestions.map((s) => s.id) })}\n`,
    );
  }
}
