/**
 * What the question log records, and the store it is written to. The SQLite store is in
 * sqlite-question-store.ts; question-log.ts keeps writes off the reply path.
 */
import type { UnansweredReport } from '../commands/types.ts';

/** Where a question was asked. No user, channel or message ids: only the server, if any. */
export interface AskedWhere {
  /** The server's id; null in DMs. */
  readonly guildId: string | null;
  readonly channel: 'guild' | 'dm';
  /** The story the question was about (its id; '' in rows logged before stories had ids). */
  readonly story: string;
}

export function askedWhere(guildId: string | null, story = ''): AskedWhere {
  return { guildId, channel: guildId === null ? 'dm' : 'guild', story };
}

/** One row to add to the log; counts of identical rows are summed before writing. */
export type LogRow =
  | {
      readonly kind: 'declined';
      readonly where: AskedWhere;
      readonly question: string;
      readonly count: number;
      readonly firstSeen: string;
      readonly lastSeen: string;
    }
  | {
      readonly kind: 'feedback';
      readonly where: AskedWhere;
      readonly entryId: string;
      readonly helpful: number;
      readonly notHelpful: number;
      readonly lastSeen: string;
    }
  | {
      readonly kind: 'misanswered';
      readonly where: AskedWhere;
      readonly entryId: string;
      readonly question: string;
      readonly count: number;
      readonly lastSeen: string;
    };

/**
 * Whose questions a report shows: one server's (its moderators), or every server's and every DM's
 * (MOD_USER_IDS in a DM, and the command line).
 */
export type ReportScope = { readonly guildId: string } | 'all';

export interface QuestionStore {
  /** Adds the rows in one transaction; throws (SQLITE_BUSY at once, never waiting) if it cannot. */
  write(rows: readonly LogRow[]): void;
  /** The most frequent rows in `scope`, of one story's questions when `story` is given. */
  report(scope: ReportScope, limit: number, story?: string | null): UnansweredReport;
  /** Deletes what was last seen before `before`; returns the number of rows deleted. */
  prune(before: Date): number;
  close(): void;
}

/** Normalised form under which the same question asked twice is counted once. */
export function normaliseQuestion(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 300);
}
