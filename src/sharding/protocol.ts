/**
 * Messages between the ShardingManager process and its shard processes (over the IPC channel
 * discord.js already opens), so a reload asked for on any shard, or SIGHUP to the manager,
 * reloads every shard. discord.js's own messages have keys starting with "_"; ours carry `story`.
 */
import type { KnowledgeBase } from '../core/knowledge.ts';
import type { ShardReloadResult } from '../services/knowledge-holder.ts';

export type ToManager =
  | { readonly story: 'reload-all'; readonly requestId: string; readonly requestedBy: string }
  | { readonly story: 'reloaded'; readonly requestId: string; readonly result: ShardReloadResult }
  | {
      readonly story: 'status';
      readonly shardId: number;
      readonly version: string;
      readonly counts: KnowledgeBase['counts'];
    };

export type ToShard =
  | { readonly story: 'reload'; readonly requestId: string; readonly requestedBy: string }
  | {
      readonly story: 'reload-all-done';
      readonly requestId: string;
      readonly results: readonly ShardReloadResult[];
    };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function isToManager(message: unknown): message is ToManager {
  return isRecord(message) && ['reload-all', 'reloaded', 'status'].includes(String(message.story));
}

export function isToShard(message: unknown): message is ToShard {
  return isRecord(message) && ['reload', 'reload-all-done'].includes(String(message.story));
}
