/** The services commands use, wired to the knowledge holder, the question log and the log. */
import type {
  BotServices,
  FeedbackVote,
  ServedStory,
  StoryServices,
  UnansweredReport,
} from '../commands/types.ts';
import type { Answer } from '../core/answer.ts';
import type { Logger } from '../log.ts';
import { Conversations } from './conversations.ts';
import type { KnowledgeHolder, ReloadReport, ReloadRequest } from './knowledge-holder.ts';
import type { QuestionLog } from './question-log.ts';
import { askedWhere, normaliseQuestion, type ReportScope } from './question-store.ts';
import { StoryCatalog } from './story-catalog.ts';
import { StoryDefaults } from './story-defaults.ts';
import { createTeaching } from './teaching.ts';

/** Declines that say nothing about the data: greetings and empty messages. */
const NOT_WORTH_LOGGING = new Set(['small-talk', 'empty']);
/** Votes remembered to count each user once per answer; the oldest are forgotten first. */
const VOTES_REMEMBERED = 50_000;

export interface ServicesOptions {
  /** The stories served; or `holder`, one story. */
  readonly catalog?: StoryCatalog;
  readonly holder?: KnowledgeHolder;
  /** Default stories of servers and channels; in memory by default. */
  readonly storyDefaults?: StoryDefaults;
  readonly questionLog: QuestionLog | null;
  readonly log: Logger;
  readonly commandPrefix: string;
  /** Replaces the local reload, e.g. to reload every shard. Looked up at each reload. */
  readonly reload?: () => ((request: ReloadRequest) => Promise<ReloadReport>) | null;
  /** Conversation memory; by default 5 turns for 10 minutes (CONTEXT_TURNS, CONTEXT_MINUTES). */
  readonly conversations?: Conversations;
}

export function createServices(options: ServicesOptions): BotServices {
  const { questionLog, log } = options;
  const catalog =
    options.catalog ??
    (options.holder ? StoryCatalog.of(options.holder) : null) ??
    (() => {
      throw new Error('createServices needs a catalog or a holder');
    })();
  const storyDefaults = options.storyDefaults ?? StoryDefaults.inMemory(log);
  const served = (id: string): ServedStory | undefined => {
    const kb = catalog.knowledge(id);
    return kb ? { id, kb } : undefined;
  };
  const stories: StoryServices = {
    get several() {
      return catalog.several;
    },
    list: () => catalog.list().map((s) => ({ id: s.id, kb: s.holder.current() })),
    get: served,
    find: (typed) => catalog.find(typed),
    defaultFor(guildId, channelId) {
      const chosen = storyDefaults.get(guildId, channelId);
      // A default naming a story no longer served is no default.
      return chosen && catalog.get(chosen.story) ? chosen : null;
    },
    setDefault: (where, story) => storyDefaults.set(where, story),
    storyOfVersion: (version) => catalog.storyOfVersion(version),
    shortlist: (question) => catalog.router().shortlist(question),
  };
  // The first story: what teaching, the studio and one-story callers work on.
  const holder = (): KnowledgeHolder => catalog.first().holder;
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
    knowledge: (story) => (story === undefined ? undefined : catalog.knowledge(story)) ?? holder().current(),
    stories,
    conversations,
    // Teaching writes through the same reload as /reload: validated, and on every shard.
    teaching: createTeaching({
      dataDir: holder().dataDir,
      knowledge: () => holder().current(),
      reload: (request) => services.reload(request),
      log,
    }),
    async reload(request) {
      const everywhere = options.reload?.();
      const report = everywhere
        ? await everywhere(request)
        : { outcome: await holder().reload(request), shards: [] };
      // What was said before a reload may no longer be in the data: every conversation starts afresh.
      if (report.outcome.ok) conversations.forgetAll();
      return report;
    },
    async reloadStories(request) {
      const everywhere = options.reload?.();
      if (everywhere) {
        // Under the ShardingManager every shard reloads every story (one story's reload too).
        const report = await everywhere(request);
        if (report.outcome.ok) conversations.forgetAll();
        return { results: [{ id: catalog.first().id, report }], added: [], removed: [], problems: [] };
      }
      const report = await catalog.reload(request);
      // A story's conversations leave with its old version (turns carry it); a reload of all starts afresh.
      if (request.story === undefined && report.results.some((r) => r.report.outcome.ok))
        conversations.forgetAll();
      return report;
    },
    recordQuestion(answer: Answer, guildId, story) {
      if (!questionLog || answer.answered || (answer.reason !== null && NOT_WORTH_LOGGING.has(answer.reason)))
        return;
      safely('record a declined question', () =>
        questionLog.recordDeclined(
          normaliseQuestion(answer.question),
          askedWhere(guildId, story ?? catalog.first().id),
        ),
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
            askedWhere(vote.guildId, vote.story ?? catalog.first().id),
          ),
        );
      }
      return true;
    },
    unansweredReport(scope: ReportScope, limit: number, story?: string | null): UnansweredReport | null {
      return questionLog ? questionLog.report(scope, limit, story ?? null) : null;
    },
    commandPrefix: options.commandPrefix,
    log,
  };
  return services;
}
