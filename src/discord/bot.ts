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
import { startHealthServer } from '../services/health.ts';
import { KnowledgeHolder, type ReloadOutcome, type ReloadRequest } from '../services/knowledge-holder.ts';
import type { QuestionStore } from '../services/question-store.ts';
import { openQuestionStore } from '../services/sqlite-question-store.ts';
import { watchDataFolder } from '../services/watch-data.ts';
import { ShardLink } from '../sharding/shard-link.ts';
import { createClient } from './client.ts';
import { attachHandlers } from './handlers.ts';

/** Shutdown waits this long for replies in flight before closing anyway. */
const DRAIN_MS = 4000;

/** The question log, or null (LOG_QUESTIONS=false, or the database cannot be used: answering goes on). */
function openStore(config: Config, log: Logger): QuestionStore | null {
  if (!config.logQuestions) return null;
  const opened = openQuestionStore(config.stateDir);
  if (!opened.store) log.error(`question log unavailable, answering without it: ${opened.reason}`);
  return opened.store;
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
  readonly holder: KnowledgeHolder;
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
  readonly store?: QuestionStore | null;
  /** Install SIGHUP/SIGINT/SIGTERM handlers (the process entry point does; tests don't). */
  readonly handleSignals?: boolean;
  readonly shard?: { readonly shards: number[]; readonly shardCount: number };
  /** Discord closed for good (bad token, disallowed intent): the entry point exits non-zero. */
  readonly onFatal?: (reason: string) => void;
}

export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger({ level: config.logLevel, secrets: [config.discord.token] });
  const store = options.store !== undefined ? options.store : openStore(config, log);
  const logReload = (outcome: ReloadOutcome, request: ReloadRequest): void => {
    if (outcome.ok) {
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
  const holder = await KnowledgeHolder.open(config.dataDir, {
    maxUploadBytes: config.maxUploadBytes,
    onReload: logReload,
  }).catch((error: unknown) => dataProblemsOrThrow(error, config.dataDir));
  let shardLink: ShardLink | null = null;
  const services = createServices({
    holder,
    store,
    log,
    commandPrefix: config.commandPrefix,
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
    const link = new ShardLink(shardId, holder, (message) => send(message), log);
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
    if (!stopping) void stop();
  });
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord.js error'));
  client.on(Events.Warn, (warning) => log.warn(warning));

  const stopWatching = config.watchData
    ? watchDataFolder(config.dataDir, () => {
        void holder.reload({ requestedBy: 'WATCH_DATA' });
      })
    : null;
  // Under a ShardingManager, the manager serves /healthz for every shard.
  const health =
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
            questionLog: !config.logQuestions ? 'off' : store ? 'on' : 'unavailable',
          }),
        })
      : null;
  // The curator studio (STUDIO_PORT; off by default), teaching this bot's live data.
  const studio =
    config.studio.port > 0 && !shardLink
      ? await (await import('../studio/in-bot.ts')).startStudioInBot(config, services, log)
      : null;

  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info({ inFlight: inFlight.size }, 'shutting down');
    await Promise.race([
      Promise.allSettled([...inFlight]),
      new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
    ]);
    stopWatching?.();
    await client.destroy();
    await health?.close();
    await studio?.close();
    store?.close();
    log.info('stopped');
  }

  if (options.handleSignals) {
    process.on('SIGHUP', () => {
      void holder.reload({ requestedBy: 'SIGHUP' });
    });
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void stop().then(() => process.exit(0));
      });
    }
  }

  try {
    await client.login(config.discord.token);
  } catch (error) {
    failFatally(fatalReason(null, error), { err: error });
    await stop();
    throw error;
  }
  return { client, holder, log, ready, stop, healthPort: health?.port ?? null };
}
