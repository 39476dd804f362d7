/** The services commands use, wired to the knowledge holder, the question store and the log. */
import type { BotServices, UnansweredReport } from '../commands/types.ts';
import type { Answer } from '../core/answer.ts';
import type { Logger } from '../log.ts';
import type { KnowledgeHolder, ReloadReport, ReloadRequest } from './knowledge-holder.ts';
import { normaliseQuestion, type QuestionStore } from './question-store.ts';
import { createTeaching } from './teaching.ts';

/** Declines that say nothing about the data: greetings and empty messages. */
const NOT_WORTH_LOGGING = new Set(['small-talk', 'empty']);

export interface ServicesOptions {
  readonly holder: KnowledgeHolder;
  readonly store: QuestionStore | null;
  readonly log: Logger;
  readonly commandPrefix: string;
  /** Replaces the local reload, e.g. to reload every shard. Looked up at each reload. */
  readonly reload?: () => ((request: ReloadRequest) => Promise<ReloadReport>) | null;
}

export function createServices(options: ServicesOptions): BotServices {
  const { holder, store, log } = options;
  const safely = (what: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      // The log is a help for curators, never a reason not to answer.
      log.warn({ err: error }, `question log: could not ${what}`);
    }
  };
  const services: BotServices = {
    knowledge: () => holder.current(),
    // Teaching writes through the same reload as /reload: validated, and on every shard.
    teaching: createTeaching({
      dataDir: holder.dataDir,
      knowledge: () => holder.current(),
      reload: (request) => services.reload(request),
      log,
    }),
    async reload(request) {
      const everywhere = options.reload?.();
      return everywhere ? everywhere(request) : { outcome: await holder.reload(request), shards: [] };
    },
    recordQuestion(answer: Answer, guildId) {
      if (!store || answer.answered || (answer.reason !== null && NOT_WORTH_LOGGING.has(answer.reason)))
        return;
      safely('record a declined question', () =>
        store.recordDeclined(normaliseQuestion(answer.question), guildId),
      );
    },
    recordFeedback(entryId, helpful, question, guildId) {
      if (!store) return;
      safely('record feedback', () =>
        store.recordFeedback(
          entryId,
          helpful,
          question === null ? null : normaliseQuestion(question),
          guildId,
        ),
      );
    },
    unansweredReport(limit): UnansweredReport | null {
      if (!store) return null;
      try {
        return store.report(limit);
      } catch (error) {
        log.warn({ err: error }, 'question log: could not read the report');
        return null;
      }
    },
    commandPrefix: options.commandPrefix,
    log,
  };
  return services;
}
