/**
 * The ShardingManager process's side: relays reloads to every shard, collects their results,
 * and keeps each shard's status and data version for /healthz.
 */
import { randomUUID } from 'node:crypto';
import type { Shard, ShardingManager } from 'discord.js';
import type { KnowledgeBase } from '../core/knowledge.ts';
import type { Logger } from '../log.ts';
import type { ShardReloadResult } from '../services/knowledge-holder.ts';
import { isToManager, type ToShard } from './protocol.ts';
import { RELOAD_TIMEOUT_MS } from './shard-link.ts';

export interface ShardStatus {
  readonly id: number;
  readonly status: 'starting' | 'ready' | 'reconnecting' | 'disconnected' | 'dead';
  readonly version: string | null;
  readonly counts: KnowledgeBase['counts'] | null;
}

export class ShardCoordinator {
  private readonly statuses = new Map<number, ShardStatus>();
  private readonly pending = new Map<
    string,
    { results: ShardReloadResult[]; expected: number; done: () => void }
  >();

  constructor(
    private readonly manager: ShardingManager,
    private readonly log: Logger,
  ) {
    manager.on('shardCreate', (shard) => this.watch(shard));
  }

  get shards(): readonly ShardStatus[] {
    return [...this.statuses.values()].sort((a, b) => a.id - b.id);
  }

  get allReady(): boolean {
    const list = this.shards;
    return (
      list.length > 0 && list.length === this.manager.shards.size && list.every((s) => s.status === 'ready')
    );
  }

  /** Every shard reloads its data folder; resolves with each one's result. */
  async reloadAll(requestedBy: string, requestId: string = randomUUID()): Promise<ShardReloadResult[]> {
    const shards = [...this.manager.shards.values()].filter((s) => s.process);
    const results: ShardReloadResult[] = [];
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, RELOAD_TIMEOUT_MS);
      this.pending.set(requestId, {
        results,
        expected: shards.length,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      const message: ToShard = { story: 'reload', requestId, requestedBy };
      for (const shard of shards) void shard.send(message).catch(() => undefined);
    });
    this.pending.delete(requestId);
    for (const shard of shards) {
      if (!results.some((r) => r.shardId === shard.id))
        results.push({ shardId: shard.id, ok: false, version: 'unknown', problems: 0 });
    }
    results.sort((a, b) => a.shardId - b.shardId);
    this.log.info({ requestedBy, results }, 'reload relayed to every shard');
    return results;
  }

  private watch(shard: Shard): void {
    const set = (status: ShardStatus['status']): void => {
      const previous = this.statuses.get(shard.id);
      this.statuses.set(shard.id, {
        id: shard.id,
        status,
        version: previous?.version ?? null,
        counts: previous?.counts ?? null,
      });
    };
    set('starting');
    shard.on('ready', () => set('ready'));
    shard.on('resume', () => set('ready'));
    shard.on('reconnecting', () => set('reconnecting'));
    shard.on('disconnect', () => set('disconnected'));
    shard.on('death', () => {
      set('dead');
      this.log.warn({ shard: shard.id }, 'shard process exited');
    });
    shard.on('message', (message: unknown) => {
      if (!isToManager(message)) return;
      if (message.story === 'status') {
        const previous = this.statuses.get(shard.id);
        this.statuses.set(shard.id, {
          id: shard.id,
          status: previous?.status ?? 'starting',
          version: message.version,
          counts: message.counts,
        });
      } else if (message.story === 'reloaded') {
        const pending = this.pending.get(message.requestId);
        if (!pending) return;
        pending.results.push(message.result);
        if (pending.results.length >= pending.expected) pending.done();
      } else {
        // The same request id, so the asking shard recognises its own part of the reload.
        void this.reloadAll(message.requestedBy, message.requestId).then((results) => {
          const reply: ToShard = { story: 'reload-all-done', requestId: message.requestId, results };
          return shard.send(reply);
        });
      }
    });
  }
}
