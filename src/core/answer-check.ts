/**
 * Does each entry answer its own questions? Every question and alternate of every Q&A entry is
 * asked of the engine; when another entry (or a known gap) answers it, the curator is warned,
 * naming both, because a reader asking it that way gets the other answer; when nothing answers
 * it, the warning names the rule that declined it.
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
      const field = i === 0 ? 'question' : `alternates[${i - 1}]`;
      // "How old is the pool?" written under an entry saying when it opened, which the bot declines:
      // a reader asking it that way gets no answer at all.
      if (!answer.answered && (by === null || !kb.gapById.has(by))) {
        problems.push({
          file,
          entry: entry.id,
          field,
          severity: 'warning',
          message: `"${text}" gets no answer (the rule ${answer.decidedBy} declines it): reword it so this entry answers it, or move it to gaps.yaml if the article does not answer it`,
        });
        return;
      }
      if (by === null || by === entry.id || answer.ids.includes(entry.id)) return;
      const isEntry = kb.entryById.has(by);
      const isGap = kb.gapById.has(by);
      if (!isEntry && !isGap) return; // a quote or the article's own sentence: the engine's choice
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
