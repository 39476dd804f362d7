/**
 * Does each entry answer its own questions? Every question and alternate of every Q&A entry is
 * asked of the engine; when another entry (or a known gap) answers it, the curator is warned,
 * naming both, because a reader asking it that way gets the other answer.
 */
import { answerQuestion } from './engine.ts';
import type { KnowledgeBase } from './knowledge.ts';
import type { DataProblem } from './problems.ts';

export function checkOwnAnswers(kb: KnowledgeBase, fileOf: ReadonlyMap<string, string>): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const entry of kb.entries) {
    const file = fileOf.get(entry.id) ?? 'qa.yaml';
    [entry.question, ...entry.alternates].forEach((text, i) => {
      const answer = answerQuestion(kb, text);
      const by = answer.id;
      if (by === null || by === entry.id || answer.ids.includes(entry.id)) return;
      const isEntry = kb.entryById.has(by);
      const isGap = kb.gapById.has(by);
      if (!isEntry && !isGap) return; // a quote or the article's own sentence: the engine's choice
      const field = i === 0 ? 'question' : `alternates[${i - 1}]`;
      const other = `${isGap ? 'known gap' : 'entry'} "${by}" (${fileOf.get(by) ?? (isGap ? 'gaps.yaml' : 'qa.yaml')})`;
      problems.push({
        file,
        entry: entry.id,
        field,
        severity: 'warning',
        message: `"${text}" is answered by ${other}, not by this entry: reword one of the two, or move the phrasing to the entry that should answer it`,
      });
    });
  }
  return problems;
}
