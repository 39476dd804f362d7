/**
 * npm run start:sharded (or npm start with SHARD_COUNT set): the bot under discord.js's
 * ShardingManager, one process per shard. Discord requires sharding from 2,500 servers.
 * SIGHUP reloads the data on every shard; SIGINT/SIGTERM stop every shard gracefully.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { configOrExit, fail } from './cli/startup.ts';
import { startupFailure } from './config.ts';
import { createLogger } from './log.ts';
import { startHealthServer } from './services/health.ts';
import { watchParent } from './services/lifecycle.ts';
import { ShardCoordinator } from './sharding/coordinator.ts';

/** Shards in one rate-limit bucket may identify together; otherwise Discord wants 5 s between identifies. */
const IDENTIFY_GAP_MS = 5500;
const STOP_TIMEOUT_MS = 5000;

const config = await configOrExit();
const token = config.discord.token;
if (!token)
  fail(['DISCORD_TOKEN: not set: sharding is for running on Discord; without a token, use npm start']);
const log = createLogger({ level: config.logLevel, secrets: [token] });

/** Asks the configured API (not discord.com directly, as ShardingManager's "auto" would) how to shard. */
async function gatewayInfo(): Promise<{ shards: number; maxConcurrency: number }> {
  const response = await fetch(`${config.discord.apiUrl}/v10/gateway/bot`, {
    headers: { authorization: `Bot ${token}` },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`GET /gateway/bot answered ${response.status}: check DISCORD_TOKEN`);
  const body = (await response.json()) as {
    shards?: number;
    session_start_limit?: { max_concurrency?: number };
  };
  return { shards: body.shards ?? 1, maxConcurrency: body.session_start_limit?.max_concurrency ?? 1 };
}

const info = await gatewayInfo().catch((error: unknown) =>
  fail([`Could not ask Discord how to shard: ${(error as Error).message}`]),
);
const totalShards = typeof config.discord.shardCount === 'number' ? config.discord.shardCount : info.shards;
// Built (dist/*.js, plain node) or run from source with tsx (tests, development): shards run the same way.
const fromSource = import.meta.url.endsWith('.ts');
const manager = new ShardingManager(
  fileURLToPath(new URL(`./shard.${fromSource ? 'ts' : 'js'}`, import.meta.url)),
  {
    totalShards,
    token,
    mode: 'process',
    respawn: true,
    // tsx is resolved here, whatever the cwd; it is a development dependency, absent in production.
    execArgv: fromSource ? ['--import', createRequire(import.meta.url).resolve('tsx')] : [],
  },
);
const coordinator = new ShardCoordinator(manager, log);

const health =
  config.healthPort > 0
    ? await startHealthServer({
        port: config.healthPort,
        host: config.healthHost,
        log,
        snapshot: () => {
          const shards = coordinator.shards;
          const versions = new Set(shards.map((s) => s.version));
          return {
            ready: coordinator.allReady,
            shards: shards.map((s) => ({ id: s.id, status: s.status, version: s.version })),
            knowledge: {
              version: versions.size === 1 ? (shards[0]?.version ?? null) : null,
              counts: shards[0]?.counts ?? null,
            },
            questionLog: config.logQuestions ? 'on' : 'off',
          };
        },
      }).catch((error: unknown) => fail([startupFailure(error)]))
    : null;

process.on('SIGHUP', () => {
  void coordinator.reloadAll('SIGHUP');
});
let stopping = false;
const stopEveryShard = (reason: string): void => {
  if (stopping) return; // npm forwards the signal the process group already delivered
  stopping = true;
  log.info({ reason }, 'stopping every shard');
  const exits = [...manager.shards.values()].map(
    (shard) =>
      new Promise<void>((resolve) => {
        if (!shard.process || shard.process.exitCode !== null) return resolve();
        shard.process.once('exit', () => resolve());
        // kill() also stops the manager from respawning it; the shard finishes its replies on SIGTERM.
        shard.kill();
      }),
  );
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
  void Promise.race([Promise.all(exits), timeout])
    .then(() => health?.close())
    .then(() => process.exit(0));
};
// process.on, not once: a repeated signal must not fall back to the default and orphan the shards.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopEveryShard(signal));
watchParent(() => stopEveryShard('parent process exited'));

const delay = info.maxConcurrency >= totalShards ? 0 : IDENTIFY_GAP_MS;
log.info({ totalShards, delay }, 'spawning shards');
await manager.spawn({ amount: totalShards, delay, timeout: 60_000 });
log.info({ totalShards }, 'every shard is ready');
