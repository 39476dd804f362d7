/**
 * npm run --silent ask -- "question"       one answer, readable
 * npm run --silent ask -- --json [question] one JSON object per question; without a question,
 *                                          one question per line from stdin. A line that is a
 *                                          JSON object {"question": "...", "context": ["earlier
 *                                          question", ...]} is answered after its context
 *                                          (oldest first); plain lines have no context.
 * npm run --silent ask -- --explain "question"  the trace: clauses, words to terms, candidates
 *                                          (piped questions, one a line, each get theirs)
 *                                          with scores, and the rules that fired in order; a
 *                                          {"question", "context"} line explains a follow-up
 * --data DIR (or DATA_DIR) answers from another data folder.
 */
import { createInterface } from 'node:readline';
import type { Answer } from '../core/answer.ts';
import { answerToJson } from '../core/answer-json.ts';
import { answerAfter } from '../core/engine.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { createTrace, type TraceRecord } from '../core/trace.ts';
import { warmUpNow } from '../core/warm-up.ts';
import { argsOrExit, configOrExit, fail, knowledgeOrExit } from './startup.ts';

const args = argsOrExit();
const config = await configOrExit();
const json = args.flags.has('json');
const dataDir = args.dataDir ?? config.dataDir;
const kb = await knowledgeOrExit(dataDir);
// A curator with several folders should see which story answers (on stderr: stdout stays the answers).
if (!json && process.stderr.isTTY) {
  process.stderr.write(
    `Answering from "${kb.story.title}" (${dataDir}); --data DIR answers from another folder.\n`,
  );
}
// So the first questions are answered as fast as the later ones (the JIT has compiled the engine).
warmUpNow(kb);
const quoteMode = args.flags.has('quote');

function toJson(question: string, answer: Answer, tookMicros: number): string {
  return JSON.stringify(answerToJson(question, answer, tookMicros));
}

function timedAnswer(
  base: KnowledgeBase,
  question: string,
  context: readonly string[] = [],
): { answer: Answer; tookMicros: number } {
  const started = process.hrtime.bigint();
  const answer = answerAfter(base, question, context, { mode: quoteMode ? 'quote' : 'auto' });
  const tookMicros = Number((process.hrtime.bigint() - started) / 1000n);
  return { answer, tookMicros };
}

function readable(answer: Answer): string {
  const lines = [answer.text];
  for (const citation of answer.citations) {
    lines.push('', `Source (paragraph ${citation.paragraph.slice(1)}): “${citation.excerpt}”`);
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

/** A JSON line {"question", "context"}, or null for a plain line. */
function contextLine(line: string): { question: string; context: string[] } | null {
  if (!line.trimStart().startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { question, context } = parsed as { question?: unknown; context?: unknown };
    if (typeof question !== 'string') return null;
    const earlier = Array.isArray(context) ? context.filter((c): c is string => typeof c === 'string') : [];
    return { question, context: earlier };
  } catch {
    return null;
  }
}

function explain(record: TraceRecord, answer: Answer): string {
  const lines: string[] = [];
  for (const note of record.notes) lines.push(`note: ${note}`);
  record.clauses.forEach((clause, i) => {
    lines.push(`clause ${i + 1} (${clause.type}): ${clause.text}`);
    for (const t of clause.terms) {
      const how = [
        t.surface === t.term ? null : `read as ${t.term}`,
        t.similarity < 1 ? `corrected, similarity ${t.similarity}` : null,
        t.known ? null : 'not in the story',
        t.entity ? 'name' : null,
      ].filter((x) => x !== null);
      lines.push(`  ${t.surface}${how.length > 0 ? ` -> ${how.join('; ')}` : ''}`);
    }
  });
  lines.push('candidates:');
  for (const c of record.candidates.slice(0, 12)) {
    lines.push(
      `  ${c.kind}:${c.id} score ${c.score} (cover ${c.cover}, best phrasing ${c.bestCq}, fit ${c.bestF})`,
    );
  }
  for (const r of record.rejections) lines.push(`  out: ${r}`);
  lines.push(`rules fired: ${record.fired.join(' -> ') || '(none)'}`);
  lines.push(`decided by: ${answer.decidedBy}`, `answer: ${answer.text}`);
  return `${lines.join('\n')}\n`;
}

/** The trace of one question; a JSON line {"question", "context"} explains a follow-up after its earlier turns. */
function explainOne(line: string): string {
  const withContext = contextLine(line);
  const trace = createTrace();
  const answer = answerAfter(kb, withContext?.question ?? line, withContext?.context ?? [], {
    trace,
    mode: quoteMode ? 'quote' : 'auto',
  });
  return explain(trace.record, answer);
}

const question = args.positional.join(' ');
if (args.flags.has('explain')) {
  if (question.length > 0) process.stdout.write(explainOne(question));
  else if (process.stdin.isTTY)
    fail(['Usage: npm run --silent ask -- --explain "your question" (or pipe questions in, one a line)']);
  else {
    // Piped questions, one a line, as without --explain: each one's trace, a blank line between.
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (line.trim().length > 0) process.stdout.write(`${explainOne(line)}\n`);
    }
  }
} else if (question.length > 0) {
  const { answer, tookMicros } = timedAnswer(kb, question);
  process.stdout.write(json ? `${toJson(question, answer, tookMicros)}\n` : readable(answer));
} else if (json || !process.stdin.isTTY) {
  // Piped questions, one a line: JSON lines with --json, the readable answer otherwise.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim().length === 0) continue;
    const withContext = contextLine(line);
    const asked = withContext?.question ?? line;
    const { answer, tookMicros } = timedAnswer(kb, asked, withContext?.context ?? []);
    process.stdout.write(json ? `${toJson(asked, answer, tookMicros)}\n` : `${readable(answer)}\n`);
  }
} else {
  fail([
    'Usage: npm run --silent ask -- "your question"   or   npm run --silent ask -- [--json] < questions.txt',
  ]);
}
