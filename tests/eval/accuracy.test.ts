/**
 * Accuracy on our own question set (tests/eval/questions.yaml: written from the article alone,
 * independently of data/). Deterministic, so the floors are asserted; timings live in `npm run bench`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/engine.ts';
import { DATA_DIR, knowledgeOf, ROOT } from '../support/data.ts';
import { isCorrect, loadEvalSet, measure } from '../support/evaluation.ts';

const items = loadEvalSet(join(ROOT, 'tests/eval/questions.yaml'));
const kb = await knowledgeOf(DATA_DIR);

describe('accuracy on the evaluation set', () => {
  const accuracy = measure(items, (q) => answerQuestion(kb, q));
  const report = accuracy.failures
    .map((f) => `[${f.item.tag}] ${f.item.q} -> ${f.text.slice(0, 100)}`)
    .join('\n');

  it('has at least 150 questions, 40 of them out of scope, across every kind', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.filter((i) => i.expect === 'decline').length).toBeGreaterThanOrEqual(40);
    const tags = new Set(items.map((i) => i.tag));
    for (const tag of ['typo', 'slang', 'keyword', 'multipart', 'quote', 'near-miss', 'out-of-scope'])
      expect(tags).toContain(tag);
  });

  it('answers at least 95% of answerable questions correctly', () => {
    expect(accuracy.answerable.rate, report).toBeGreaterThanOrEqual(0.95);
  });

  it('declines at least 90% of questions the article does not answer', () => {
    expect(accuracy.outOfScope.rate, report).toBeGreaterThanOrEqual(0.9);
  });

  it('answers quote requests with quote text', () => {
    const quotes = items.filter((i) => i.kind === 'quote' && i.expect === 'answer');
    const right = quotes.filter((i) => isCorrect(i, answerQuestion(kb, i.q))).length;
    expect(right / quotes.length).toBeGreaterThanOrEqual(0.9);
  });
});
