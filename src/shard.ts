/** One shard process, spawned by the ShardingManager (src/sharded.ts); discord.js passes SHARDS and SHARD_COUNT. */
import { configOrExit, fail } from './cli/startup.ts';
import { startupFailure } from './config.ts';
import { startBot } from './discord/bot.ts';

const config = await configOrExit();
await startBot(config, { handleSignals: true, onFatal: () => process.exit(1) }).catch((error: unknown) =>
  fail([startupFailure(error)]),
);
