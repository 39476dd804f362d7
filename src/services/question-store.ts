/** Where declined questions and answer feedback go. The SQLite store is in sqlite-question-store.ts. */
import type { UnansweredReport } from '../commands/types.ts';

export interface QuestionStore {
  recordDeclined(question: string, guildId: string | null): void;
  recordFeedback(entryId: string, helpful: boolean, question: string | null, guildId: string | null): void;
  report(limit: number): UnansweredReport;
  close(): void;
}

/** Normalised form under which the same question asked twice is counted once. */
export function normaliseQuestion(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 300);
}
