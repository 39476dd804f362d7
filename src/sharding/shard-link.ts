/** A shard process's side of the reload protocol. */
import { randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '../core/knowledge.ts';
import type { Logger } from '../log.ts';
import type {
  ReloadOutcome,
  ReloadReport,
  ReloadRequest,
  ShardReloadResult,
} from '../services/knowledge-holder.ts';
import { isToShard, type ToManager } from './protocol.ts';

/** A shard that does not answer within this is reported as not reloaded. */
export const RELOAD_TIMEOUT_MS = 30_000;

export function resultOf(shardId: number, outcome: ReloadOutcome): ShardReloadResult {
  return {
    shardId,
    ok: outcome.ok,
    version: outcome.version,
    problems: outcome.ok ? 0 : outcome.problems.length,
  };
}

export class ShardLink {
  private readonly ownOutcomes = new Map<string, ReloadOutcome>();
  private readonly waiting = new Map<string, (results: readonly ShardReloadResult[]) => void>();

  constructor(
    private readonly shardId: number,
    /** A knowledge holder, or every story as one (StoryCatalog.asHolder). */
    private readonly holder: {
      reload(request: ReloadRequest): Promise<ReloadOutcome>;
      current(): KnowledgeBase;
    },
    private readonly send: (message: ToManager) => void,
    private readonly log: Logger,
  ) {}

  /** Feeds a message from the manager; ignores anything else. */
  handle(message: unknown): void {
    if (!isToShard(message)) return;
    if (message.story === 'reload') {
      void this.holder.reload({ requestedBy: message.requestedBy }).then((outcome) => {
        this.ownOutcomes.set(message.requestId, outcome);
        this.send({
          story: 'reloaded',
          requestId: message.requestId,
          result: resultOf(this.shardId, outcome),
        });
        this.reportStatus();
      });
    } else {
      this.waiting.get(message.requestId)?.(message.results);
      this.waiting.delete(message.requestId);
    }
  }

  reportStatus(): void {
    const kb = this.holder.current();
    this.send({ story: 'status', shardId: this.shardId, version: kb.version, counts: kb.counts });
  }

  /**
   * A moderator's reload: an upload is validated and written here first (nothing is written, and
   * no other shard is asked, if it fails); then every shard, this one included, reloads the folder.
   */
  async reloadEverywhere(request: ReloadRequest): Promise<ReloadReport> {
    let uploadOutcome: ReloadOutcome | null = null;
    if (request.file) {
      uploadOutcome = await this.holder.reload(request);
      if (!uploadOutcome.ok) return { outcome: uploadOutcome, shards: [] };
    }
    const requestId = randomUUID();
    const results = await new Promise<readonly ShardReloadResult[]>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        this.log.warn({ requestId }, 'the sharding manager did not report every shard in time');
        resolve([]);
      }, RELOAD_TIMEOUT_MS);
      this.waiting.set(requestId, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.send({ story: 'reload-all', requestId, requestedBy: request.requestedBy });
    });
    const own = this.ownOutcomes.get(requestId);
    this.ownOutcomes.delete(requestId);
    const outcome = uploadOutcome ?? own ?? (await this.holder.reload({ requestedBy: request.requestedBy }));
    return { outcome, shards: results };
  }
}
