/** The services commands use, wired to the knowledge holder, the question log and the log. */
import type { BotServices, FeedbackVote, UnansweredReport } from '../commands/types.ts';
import type { Answer } from '../core/answer.ts';
import type { Logger } from '../log.ts';
import { Conversations } from './conversations.ts';
import type { KnowledgeHolder, ReloadReport, ReloadRequest } from './knowledge-holder.ts';
import type { QuestionLog } from './question-log.ts';
import { askedWhere, normaliseQuestion, type ReportScope } from './question-store.ts';
import { createTeaching } from './teaching.ts';

/** Declines that say nothing about the data: greetings and empty messages. */
const NOT_WORTH_LOGGING = new Set(['small-talk', 'empty']);
/** Votes remembered to count each user once per answer; the oldest are forgotten first. */
const VOTES_REMEMBERED = 50_000;

export interface ServicesOptions {
  readonly holder: KnowledgeHolder;
  readonly questionLog: QuestionLog | null;
  readonly log: Logger;
  readonly commandPrefix: string;
  /** Replaces the local reload, e.g. to reload every shard. Looked up at each reload. */
  readonly reload?: () => ((request: ReloadRequest) => Promise<ReloadReport>) | null;
  /** Conversation memory; by default 5 turns for 10 minutes (CONTEXT_TURNS, CONTEXT_MINUTES). */
  readonly conversations?: Conversations;
}

export function createServices(options: ServicesOptions): BotServices {
  const { holder, questionLog, log } = options;
  // Who voted on which answer, in memory only (the log keeps no user ids). Insertion order is age.
  const votes = new Set<string>();
  const safely = (what: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      // The log is a help for curators, never a reason not to answer.
      log.warn({ err: error }, `question log: could not ${what}`);
    }
  };
  const conversations = options.conversations ?? new Conversations({ turns: 5, minutes: 10 });
  const services: BotServices = {
    knowledge: () => holder.current(),
    conversations,
    // Teaching writes through the same reload as /reload: validated, and on every shard.
    teaching: createTeaching({
      dataDir: holder.dataDir,
      knowledge: () => holder.current(),
      reload: (request) => services.reload(request),
      log,
    }),
    async reload(request) {
      const everywhere = options.reload?.();
      const report = everywhere
        ? await everywhere(request)
        : { outcome: await holder.reload(request), shards: [] };
      // What was said before a reload may no longer be in the data: every conversation starts afresh.
      if (report.outcome.ok) conversations.forgetAll();
      return report;
    },
    recordQuestion(answer: Answer, guildId) {
      if (!questionLog || answer.answered || (answer.reason !== null && NOT_WORTH_LOGGING.has(answer.reason)))
        return;
      safely('record a declined question', () =>
        questionLog.recordDeclined(normaliseQuestion(answer.question), askedWhere(guildId)),
      );
    },
    recordFeedback(vote: FeedbackVote): boolean {
      const key = `${vote.answerId ?? vote.entryId}\u0000${vote.userId}`;
      if (votes.has(key)) return false;
      votes.add(key);
      if (votes.size > VOTES_REMEMBERED) {
        const oldest = votes.values().next().value;
        if (oldest !== undefined) votes.delete(oldest);
      }
      if (questionLog) {
        safely('record feedback', () =>
          questionLog.recordFeedback(
            vote.entryId,
            vote.helpful,
            vote.question === null ? null : normaliseQuestion(vote.question),
            askedWhere(vote.guildId),
          ),
        );
      }
      return true;
    },
    unansweredReport(scope: ReportScope, limit: number): UnansweredReport | null {
      return questionLog ? questionLog.report(scope, limit) : null;
    },
    commandPrefix: options.commandPrefix,
    log,
  };
  return services;
}
