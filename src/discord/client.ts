/** The discord.js client, configured once. */
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../config.ts';
import { NO_MENTIONS } from './render.ts';

export function createClient(
  config: Config,
  shard?: { readonly shards: number[]; readonly shardCount: number },
): Client {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  // Privileged: prefix commands need it; mentions, DMs and slash commands work without it.
  if (config.discord.messageContentIntent) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    // DM channels never arrive in GUILD_CREATE; without this, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: { api: config.discord.apiUrl, globalRequestsPerSecond: config.discord.restRequestsPerSecond },
    ...(shard ? { shards: shard.shards, shardCount: shard.shardCount } : {}),
  });
}
