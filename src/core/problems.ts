/**
 * A problem in the data: which file, which entry, which field, and what to do about it.
 *
 * Errors refuse the data (the previous version stays live); warnings are shown but the data
 * loads (an uncurated story, drafts waiting for a person, one entry answering another's question).
 */
export type Severity = 'error' | 'warning';

export interface DataProblem {
  readonly file: string;
  /** The entry's id, or its position ("entries[3]") when it has no valid id. */
  readonly entry?: string;
  /** Dotted path inside the entry ("cites[0]"), or inside the file when there is no entry. */
  readonly field?: string;
  readonly message: string;
  /** Absent means error. */
  readonly severity?: Severity;
}

export const isWarning = (problem: DataProblem): boolean => problem.severity === 'warning';

/**
 * `qa.yaml, entry "x", field cites[0]: p12 is not in the article`. A message that starts with
 * its own field in backticks ("`alternates` is required: ...") does not repeat it, nor one about
 * the whole file that starts with its name ("story.yaml is empty").
 */
export function formatProblem(problem: DataProblem): string {
  const where = [problem.file];
  if (problem.entry !== undefined) where.push(`entry "${problem.entry}"`);
  if (problem.field !== undefined && !problem.message.startsWith(`\`${problem.field}\``))
    where.push(`field ${problem.field}`);
  const flag = isWarning(problem) ? 'warning: ' : '';
  // "story.yaml is empty": a message about the whole file already names it.
  if (where.length === 1 && problem.message.startsWith(`${problem.file} `))
    return `${flag}${problem.message}`;
  return `${flag}${where.join(', ')}: ${problem.message}`;
}

/** "2 problems", "1 warning". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Thrown when the data has errors; carries every problem found in the same pass, warnings too
 * (errors first), so a curator fixes everything at once.
 */
export class DataError extends Error {
  readonly problems: readonly DataProblem[];

  constructor(problems: readonly DataProblem[]) {
    const ordered = [...problems.filter((p) => !isWarning(p)), ...problems.filter(isWarning)];
    super(`${countOf(ordered.length, 'problem')} in the data:\n${ordered.map(formatProblem).join('\n')}`);
    this.name = 'DataError';
    this.problems = ordered;
  }

  get errors(): readonly DataProblem[] {
    return this.problems.filter((p) => !isWarning(p));
  }
}
