/**
 * npm run --silent ask -- "question"       one answer, readable
 * npm run --silent ask -- --json [question] one JSON object per question; without a question,
 *                                          one question per line from stdin
 * --data DIR (or DATA_DIR) answers from another data folder.
 */
import { createInterface } from 'node:readline';
import type { Answer } from '../core/answer.ts';
import { answerQuestion } from '../core/engine.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { warmUpNow } from '../core/warm-up.ts';
import { argsOrExit, configOrExit, fail, knowledgeOrExit } from './startup.ts';

const args = argsOrExit();
const config = await configOrExit();
const kb = await knowledgeOrExit(args.dataDir ?? config.dataDir);
// So the first questions are answered as fast as the later ones (the JIT has compiled the engine).
warmUpNow(kb);
const json = args.flags.has('json');
const quoteMode = args.flags.has('quote');

function toJson(question: string, answer: Answer, tookMicros: number): string {
  return JSON.stringify({
    question,
    answered: answer.answered,
    kind: answer.kind,
    reason: answer.reason,
    text: answer.text,
    citation: answer.citation
      ? {
          paragraph: answer.citation.paragraph,
          sentences: answer.citation.sentences,
          excerpt: answer.citation.excerpt,
        }
      : null,
    citations: answer.citations.map((c) => ({ paragraph: c.paragraph, excerpt: c.excerpt })),
    score: answer.confidence,
    id: answer.id,
    ids: answer.ids,
    suggestions: answer.suggestions.map((s) => ({ id: s.id, question: s.question })),
    decided_by: answer.decidedBy,
    runners_up: answer.runnersUp.map((r) => ({ id: r.id, kind: r.kind, score: r.score })),
    took_us: tookMicros,
  });
}

function timedAnswer(base: KnowledgeBase, question: string): { answer: Answer; tookMicros: number } {
  const started = process.hrtime.bigint();
  const answer = answerQuestion(base, question, { mode: quoteMode ? 'quote' : 'auto' });
  const tookMicros = Number((process.hrtime.bigint() - started) / 1000n);
  return { answer, tookMicros };
}

function readable(answer: Answer): string {
  const lines = [answer.text];
  if (answer.citation) {
    lines.push('', `Source (paragraph ${answer.citation.paragraph.slice(1)}): “${answer.citation.excerpt}”`);
  }
  if (answer.suggestions.length > 0) {
    lines.push(
      '',
      `${answer.answered ? 'Related' : 'Did you mean'}:`,
      ...answer.suggestions.map((s) => `  - ${s.question}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

const question = args.positional.join(' ');
if (question.length > 0) {
  const { answer, tookMicros } = timedAnswer(kb, question);
  process.stdout.write(json ? `${toJson(question, answer, tookMicros)}\n` : readable(answer));
} else if (json) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim().length === 0) continue;
    const { answer, tookMicros } = timedAnswer(kb, line);
    process.stdout.write(`${toJson(line, answer, tookMicros)}\n`);
  }
} else {
  fail([
    'Usage: npm run --silent ask -- "your question"   or   npm run --silent ask -- --json < questions.txt',
  ]);
}
