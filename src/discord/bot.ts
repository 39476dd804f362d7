/**
 * The Discord bot: configuration, data, logs, the client and its handlers, and the process
 * signals (SIGHUP reloads; SIGINT/SIGTERM finish the replies in flight and exit).
 */
import { type Client, Events, Status } from 'discord.js';
import { dataProblemsOrThrow } from '../cli/startup.ts';
import { Dispatcher } from '../commands/dispatch.ts';
import { messages } from '../commands/messages.ts';
import type { Config } from '../config.ts';
import { formatProblem } from '../core/problems.ts';
import { createLogger, type Logger } from '../log.ts';
import { createServices } from '../services/bot-services.ts';
import { Conversations } from '../services/conversations.ts';
import { type HealthServer, startHealthServer } from '../services/health.ts';
import type { KnowledgeHolder, ReloadOutcome, ReloadRequest } from '../services/knowledge-holder.ts';
import { stopOnSignals } from '../services/lifecycle.ts';
import { QuestionLog } from '../services/question-log.ts';
import { StoryCatalog } from '../services/story-catalog.ts';
import { StoryDefaults } from '../services/story-defaults.ts';
import { watchDataFolder } from '../services/watch-data.ts';
import { ShardLink } from '../sharding/shard-link.ts';
import { createClient } from './client.ts';
import { attachHandlers } from './handlers.ts';

/**
 * Shutdown waits this long for replies in flight before closing anyway; with the gateway, the
 * question log's last writes (1 s at most) and the health server, it stays within 5 s.
 */
const DRAIN_MS = 3000;

/** The question log, or null with LOG_QUESTIONS=false. It never stops the bot from answering. */
function openQuestionLog(config: Config, log: Logger): QuestionLog | null {
  if (!config.logQuestions) return null;
  return new QuestionLog({ stateDir: config.stateDir, log, retentionDays: config.questionLogRetentionDays });
}

/** A sentence an operator can act on, for the ways Discord refuses a bot for good. */
function fatalReason(closeCode: number | null, error: unknown): string {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : '';
  if (closeCode === 4014 || /disallowed intents/i.test(text)) return messages.messageContentMissing;
  if (closeCode === 4004 || /TokenInvalid|invalid token/i.test(text)) return messages.invalidToken;
  if (closeCode !== null)
    return `Discord closed the connection (code ${closeCode}) and it will not reconnect.`;
  return `Could not connect to Discord: ${error instanceof Error ? error.message : String(error)}. Check DISCORD_API_URL and the network.`;
}

export interface RunningBot {
  readonly client: Client;
  /** The (first) story's holder. */
  readonly holder: KnowledgeHolder;
  /** Every story served. */
  readonly catalog: StoryCatalog;
  readonly log: Logger;
  /** Resolves when the client is ready (logged in, guilds received). */
  readonly ready: Promise<void>;
  /** Finish replies in flight, close the gateway and the database. */
  stop(): Promise<void>;
  /** The port /healthz listens on, or null when HEALTH_PORT is 0 (off). */
  readonly healthPort: number | null;
}

export interface BotOptions {
  readonly log?: Logger;
  readonly questionLog?: QuestionLog | null;
  /**
   * Install SIGHUP/SIGINT/SIGTERM handlers and stop when the parent process goes away (the process
   * entry point does; tests don't).
   */
  readonly handleSignals?: boolean;
  readonly shard?: { readonly shards: number[]; readonly shardCount: number };
  /** Discord closed for good (bad token, disallowed intent): the entry point exits non-zero. */
  readonly onFatal?: (reason: string) => void;
}

export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger({ level: config.logLevel, secrets: [config.discord.token] });
  const questionLog = options.questionLog !== undefined ? options.questionLog : openQuestionLog(config, log);
  // Every reload (a command, SIGHUP, WATCH_DATA, another shard's) starts every conversation afresh.
  const conversations = new Conversations(config.conversation);
  const logReload = (outcome: ReloadOutcome, request: ReloadRequest): void => {
    if (outcome.ok) {
      conversations.forgetAll();
      log.info(
        {
          requestedBy: request.requestedBy,
          version: outcome.version,
          changes: outcome.changes,
          tookMs: outcome.tookMs,
          file: outcome.replacedFile,
        },
        'data reloaded',
      );
    } else {
      log.warn(
        {
          requestedBy: request.requestedBy,
          problems: outcome.problems.map(formatProblem),
          tookMs: outcome.tookMs,
        },
        'reload refused; previous data still live',
      );
    }
  };
  const catalog = await StoryCatalog.open(config.dataDir, {
    maxUploadBytes: config.maxUploadBytes,
    onReload: logReload,
  }).catch(async (error: unknown) => {
    await questionLog?.close();
    return dataProblemsOrThrow(error, config.dataDir);
  });
  const holder = catalog.first().holder;
  // Default stories of servers and channels (/story use), in the state database: several stories only.
  const storyDefaults = catalog.several
    ? StoryDefaults.open(config.stateDir, log)
    : StoryDefaults.inMemory(log);
  let shardLink: ShardLink | null = null;
  const services = createServices({
    catalog,
    storyDefaults,
    questionLog,
    log,
    commandPrefix: config.commandPrefix,
    conversations,
    reload: () => (shardLink ? (request) => (shardLink as ShardLink).reloadEverywhere(request) : null),
  });
  const dispatcher = new Dispatcher(services, {
    cooldownSeconds: config.cooldownSeconds,
    cooldownBurst: config.cooldownBurst,
  });
  const client = createClient(config, options.shard);
  const shardId = client.shard?.ids[0];
  if (client.shard && shardId !== undefined && process.send) {
    // Spawned by the ShardingManager: reloads go through it to every shard.
    const send = process.send.bind(process);
    const link = new ShardLink(
      shardId,
      catalog.several ? catalog.asHolder() : holder,
      (message) => send(message),
      log,
    );
    process.on('message', (message) => link.handle(message));
    client.once(Events.ClientReady, () => link.reportStatus());
    shardLink = link;
  }

  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  const track = (work: Promise<unknown>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  attachHandlers(client, { dispatcher, services, config, log, track });

  const ready = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, (c) => {
      log.info(
        { user: c.user.tag, guilds: c.guilds.cache.size, data: holder.current().version },
        'connected to Discord',
      );
      resolve();
    });
  });
  let fatal = false;
  const failFatally = (reason: string, details: Record<string, unknown>): void => {
    if (fatal) return;
    fatal = true;
    log.fatal(details, reason);
    options.onFatal?.(reason);
  };
  client.on(Events.ShardDisconnect, (event, shardId) => {
    failFatally(fatalReason(event.code, null), { shardId, code: event.code });
    void stop();
  });
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord.js error'));
  client.on(Events.Warn, (warning) => log.warn(warning));

  // Each story's folder is watched, and a change reloads that story only.
  const watchers = config.watchData
    ? catalog.list().map((story) =>
        watchDataFolder(story.dir, () => {
          void catalog.reload({ requestedBy: 'WATCH_DATA', story: story.id });
        }),
      )
    : [];
  const stopWatching =
    watchers.length > 0
      ? () => {
          for (const stop of watchers) stop();
        }
      : null;
  // Under a ShardingManager, the manager serves /healthz for every shard. Started before logging
  // in: a port that cannot be listened on stops the bot before it connects.
  let health: HealthServer | null = null;
  let studio: Awaited<ReturnType<typeof import('../studio/in-bot.ts').startStudioInBot>> | null = null;
  try {
    health =
      config.healthPort > 0 && !shardLink
        ? await startHealthServer({
            port: config.healthPort,
            host: config.healthHost,
            log,
            snapshot: () => ({
              ready: client.isReady() && !stopping,
              shards: [...client.ws.shards.values()].map((s) => ({
                id: s.id,
                status: Status[s.status] ?? String(s.status),
              })),
              knowledge: { version: holder.current().version, counts: holder.current().counts },
              questionLog: questionLog ? questionLog.status : 'off',
            }),
          })
        : null;
    // The curator studio (STUDIO_PORT; off by default), teaching this bot's live data.
    studio =
      config.studio.port > 0 && !shardLink
        ? await (await import('../studio/in-bot.ts')).startStudioInBot(
            // The studio curates one story: the first, of several.
            catalog.several ? { ...config, dataDir: catalog.first().dir } : config,
            services,
            log,
          )
        : null;
  } catch (error) {
    stopWatching?.();
    await health?.close();
    await client.destroy();
    await questionLog?.close();
    throw error;
  }

  let stopped: Promise<void> | null = null;
  function stop(): Promise<void> {
    stopped ??= shutDown();
    return stopped;
  }
  async function shutDown(): Promise<void> {
    stopping = true;
    log.info({ inFlight: inFlight.size }, 'shutting down');
    // Events still arriving while draining are answered too (the gateway is open until the end).
    const deadline = Date.now() + DRAIN_MS;
    while (inFlight.size > 0 && Date.now() < deadline) {
      await Promise.race([
        Promise.allSettled([...inFlight]),
        new Promise((resolve) => setTimeout(resolve, deadline - Date.now()).unref()),
      ]);
    }
    stopWatching?.();
    await client.destroy();
    await health?.close();
    await studio?.close();
    await questionLog?.close();
    storyDefaults.close();
    log.info('stopped');
  }

  if (options.handleSignals) {
    process.on('SIGHUP', () => {
      void catalog.reload({ requestedBy: 'SIGHUP' });
    });
    stopOnSignals(stop, log);
  }

  try {
    await client.login(config.discord.token);
  } catch (error) {
    failFatally(fatalReason(null, error), { err: error });
    await stop();
    throw error;
  }
  return { client, holder, catalog, log, ready, stop, healthPort: health?.port ?? null };
}
