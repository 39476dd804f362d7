/**
 * Fills a question log (STATE_DIR) the way the bot does, for tests of what reads it: the one
 * place that knows how the store is written.
 */
import { normaliseQuestion } from '../../src/services/question-store.ts';
import { openQuestionStore } from '../../src/services/sqlite-question-store.ts';

export interface LoggedQuestions {
  readonly declined?: readonly {
    readonly question: string;
    readonly guildId: string | null;
    readonly times?: number;
  }[];
  readonly notWhatIAsked?: readonly {
    readonly entryId: string;
    readonly question: string;
    readonly guildId: string | null;
  }[];
}

export function fillQuestionLog(stateDir: string, logged: LoggedQuestions): void {
  const opened = openQuestionStore(stateDir);
  if (!opened.store) throw new Error(opened.reason);
  try {
    for (const { question, guildId, times = 1 } of logged.declined ?? []) {
      for (let i = 0; i < times; i++) opened.store.recordDeclined(normaliseQuestion(question), guildId);
    }
    for (const { entryId, question, guildId } of logged.notWhatIAsked ?? []) {
      opened.store.recordFeedback(entryId, false, normaliseQuestion(question), guildId);
    }
  } finally {
    opened.store.close();
  }
}
