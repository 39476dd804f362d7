/**
 * Fills a question log (STATE_DIR) the way the bot does, for tests of what reads it: the one
 * place that knows how the store is written.
 */
import { askedWhere, type LogRow, normaliseQuestion } from '../../src/services/question-store.ts';
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
  const store = openQuestionStore(stateDir, { busyTimeoutMs: 2000 });
  const at = new Date().toISOString();
  try {
    store.write([
      ...(logged.declined ?? []).map(
        ({ question, guildId, times = 1 }): LogRow => ({
          kind: 'declined',
          where: askedWhere(guildId),
          question: normaliseQuestion(question),
          count: times,
          firstSeen: at,
          lastSeen: at,
        }),
      ),
      ...(logged.notWhatIAsked ?? []).flatMap(({ entryId, question, guildId }): LogRow[] => [
        { kind: 'feedback', where: askedWhere(guildId), entryId, helpful: 0, notHelpful: 1, lastSeen: at },
        {
          kind: 'misanswered',
          where: askedWhere(guildId),
          entryId,
          question: normaliseQuestion(question),
          count: 1,
          lastSeen: at,
        },
      ]),
    ]);
  } finally {
    store.close();
  }
}
