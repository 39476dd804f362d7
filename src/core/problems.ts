/** A problem in the data: which file, which entry, which field, and what to do about it. */
export interface DataProblem {
  readonly file: string;
  /** The entry's id, or its position ("entries[3]") when it has no valid id. */
  readonly entry?: string;
  /** Dotted path inside the entry ("cites[0]"), or inside the file when there is no entry. */
  readonly field?: string;
  readonly message: string;
}

export function formatProblem(problem: DataProblem): string {
  const where = [problem.file];
  if (problem.entry !== undefined) where.push(`entry "${problem.entry}"`);
  if (problem.field !== undefined) where.push(`field ${problem.field}`);
  return `${where.join(', ')}: ${problem.message}`;
}

/** Thrown by loadKnowledge when the data has problems; carries every one of them. */
export class DataError extends Error {
  readonly problems: readonly DataProblem[];

  constructor(problems: readonly DataProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the data:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'DataError';
    this.problems = problems;
  }
}
