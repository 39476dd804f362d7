/**
 * The question log as the bot uses it: recording never waits for the database.
 *
 * Rows go into a bounded in-memory queue (identical rows are summed) and are written in batches a
 * moment later, off the reply path. Each write is one attempt that fails at once if another process
 * holds a lock (busy timeout 0); the rows stay queued and the write is tried again with a growing
 * delay. An outage that lasts is logged once, and its end once. The database file is checked now
 * and then: if it was deleted or replaced while the bot ran, a new one is created in its place and
 * that is logged. Old rows are pruned after the retention period.
 */
import { rmSync, statSync } from 'node:fs';
import type { UnansweredReport } from '../commands/types.ts';
import type { Logger } from '../log.ts';
import type { AskedWhere, LogRow, QuestionStore, ReportScope } from './question-store.ts';
import { databasePath, openQuestionStore, QuestionStoreError } from './sqlite-question-store.ts';

export interface QuestionLogOptions {
  readonly stateDir: string;
  readonly log: Logger;
  /** Rows last seen longer ago than this are deleted; 0 keeps them forever. */
  readonly retentionDays: number;
  readonly now?: () => Date;
  /** Distinct rows kept in memory while the database cannot be written; beyond it, new rows are dropped. */
  readonly maxQueuedRows?: number;
  /** How long after the first queued row a batch is written. */
  readonly flushDelayMs?: number;
  /** The longest wait between attempts while the database is locked or missing. */
  readonly maxRetryMs?: number;
  /** An outage is logged once it has lasted this long (shards' brief lock contention is not). */
  readonly reportOutageAfterMs?: number;
  /** How often the database file is checked for deletion (and reopened, and pruned) when nothing is written. */
  readonly checkFileEveryMs?: number;
  /** At shutdown, how long to keep trying to write what is still queued. */
  readonly closeTimeoutMs?: number;
}

const DEFAULTS = {
  maxQueuedRows: 10_000,
  flushDelayMs: 200,
  maxRetryMs: 5_000,
  reportOutageAfterMs: 5_000,
  checkFileEveryMs: 10_000,
  closeTimeoutMs: 1_000,
} as const;
/** Rows written per transaction; the rest follow in the next turn of the event loop. */
const BATCH_ROWS = 500;
const PRUNE_EVERY_MS = 6 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export class QuestionLog {
  private store: QuestionStore | null = null;
  private identity: FileIdentity | null = null;
  private readonly queue = new Map<string, LogRow>();
  private readonly settings: Required<Omit<QuestionLogOptions, 'stateDir' | 'log' | 'retentionDays' | 'now'>>;
  private readonly now: () => Date;
  private readonly path: string;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly fileTimer: NodeJS.Timeout;
  private retryMs: number;
  /** Set while writes fail: since when, why, and whether that was logged. */
  private outage: { since: number; reason: string; reported: boolean } | null = null;
  private dropped = 0;
  private lastPrune = 0;
  /** close() has begun: no more timers; what is queued gets its last attempts. */
  private closing = false;
  /** close() has ended: nothing more is recorded. */
  private closed = false;

  constructor(private readonly options: QuestionLogOptions) {
    this.settings = {
      maxQueuedRows: options.maxQueuedRows ?? DEFAULTS.maxQueuedRows,
      flushDelayMs: options.flushDelayMs ?? DEFAULTS.flushDelayMs,
      maxRetryMs: options.maxRetryMs ?? DEFAULTS.maxRetryMs,
      reportOutageAfterMs: options.reportOutageAfterMs ?? DEFAULTS.reportOutageAfterMs,
      checkFileEveryMs: options.checkFileEveryMs ?? DEFAULTS.checkFileEveryMs,
      closeTimeoutMs: options.closeTimeoutMs ?? DEFAULTS.closeTimeoutMs,
    };
    this.now = options.now ?? (() => new Date());
    this.path = databasePath(options.stateDir);
    this.retryMs = this.settings.flushDelayMs;
    this.ensureOpen();
    this.fileTimer = setInterval(() => this.maintain(), this.settings.checkFileEveryMs);
    this.fileTimer.unref();
  }

  /** 'on' while the database takes writes; 'unavailable' while it cannot be opened or written. */
  get status(): 'on' | 'unavailable' {
    return this.store && !this.outage ? 'on' : 'unavailable';
  }

  /** Rows waiting to be written. */
  get queued(): number {
    return this.queue.size;
  }

  recordDeclined(question: string, where: AskedWhere): void {
    const at = this.now().toISOString();
    const key = `d\u0000${whereKey(where)}\u0000${question}`;
    const row = this.queue.get(key);
    if (row?.kind === 'declined') {
      this.queue.set(key, { ...row, count: row.count + 1, lastSeen: at });
      return;
    }
    this.enqueue(key, { kind: 'declined', where, question, count: 1, firstSeen: at, lastSeen: at });
  }

  recordFeedback(entryId: string, helpful: boolean, question: string | null, where: AskedWhere): void {
    const at = this.now().toISOString();
    const key = `f\u0000${whereKey(where)}\u0000${entryId}`;
    const row = this.queue.get(key);
    if (row?.kind === 'feedback') {
      this.queue.set(key, {
        ...row,
        helpful: row.helpful + (helpful ? 1 : 0),
        notHelpful: row.notHelpful + (helpful ? 0 : 1),
        lastSeen: at,
      });
    } else {
      this.enqueue(key, {
        kind: 'feedback',
        where,
        entryId,
        helpful: helpful ? 1 : 0,
        notHelpful: helpful ? 0 : 1,
        lastSeen: at,
      });
    }
    if (helpful || !question) return;
    const exampleKey = `m\u0000${whereKey(where)}\u0000${entryId}\u0000${question}`;
    const example = this.queue.get(exampleKey);
    if (example?.kind === 'misanswered') {
      this.queue.set(exampleKey, { ...example, count: example.count + 1, lastSeen: at });
      return;
    }
    this.enqueue(exampleKey, { kind: 'misanswered', where, entryId, question, count: 1, lastSeen: at });
  }

  /**
   * The most frequent declined and "not what I asked" questions in `scope`, or null when the
   * database cannot be read right now. Writes what is queued first (one attempt, no waiting).
   */
  report(scope: ReportScope, limit: number, story: string | null = null): UnansweredReport | null {
    this.flush();
    if (!this.store) return null;
    try {
      return this.store.report(scope, limit, story);
    } catch (error) {
      this.options.log.warn({ reason: (error as Error).message }, 'question log: could not read the report');
      return null;
    }
  }

  /**
   * One attempt to write what is queued, now, without waiting for any lock. True when nothing is
   * left to write. A failed attempt is retried later by itself.
   */
  flush(): boolean {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    if (this.closed) return this.queue.size === 0;
    this.checkFile();
    const store = this.ensureOpen();
    if (!store) {
      this.scheduleRetry();
      return false;
    }
    this.pruneIfDue(store);
    try {
      const batch: [string, LogRow][] = [];
      for (const entry of this.queue) {
        batch.push(entry);
        if (batch.length === BATCH_ROWS) break;
      }
      store.write(batch.map(([, row]) => row));
      for (const [key] of batch) this.queue.delete(key);
    } catch (error) {
      this.failed(error);
      this.scheduleRetry();
      return false;
    }
    this.recovered();
    if (this.queue.size > 0) this.schedule(0);
    return this.queue.size === 0;
  }

  /** Stops the timers, keeps trying to write what is queued for a moment, and closes the database. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    clearInterval(this.fileTimer);
    const deadline = Date.now() + this.settings.closeTimeoutMs;
    while (!this.flush() && Date.now() < deadline) {
      // More batches go at once; a refused attempt waits a moment for the lock to go.
      if (this.outage || !this.store) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.queue.size > 0) {
      this.options.log.warn(
        { rows: this.queue.size, reason: this.outage?.reason },
        'question log: stopping with rows that could not be written',
      );
    }
    this.store?.close();
    this.store = null;
    this.closed = true;
  }

  private enqueue(key: string, row: LogRow): void {
    if (this.closed) return;
    if (this.queue.size >= this.settings.maxQueuedRows) {
      if (this.dropped === 0) {
        this.options.log.warn(
          { queued: this.queue.size, reason: this.outage?.reason },
          'question log: the queue is full while the database cannot be written; new rows are dropped until it can',
        );
      }
      this.dropped += 1;
      return;
    }
    this.queue.set(key, row);
    if (!this.flushTimer) this.schedule(this.outage ? this.retryMs : this.settings.flushDelayMs);
  }

  private schedule(delayMs: number): void {
    if (this.flushTimer || this.closing) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, delayMs);
    this.flushTimer.unref();
  }

  private scheduleRetry(): void {
    if (this.queue.size === 0) return;
    this.retryMs = Math.min(this.settings.maxRetryMs, Math.max(this.settings.flushDelayMs, this.retryMs * 2));
    this.schedule(this.retryMs);
  }

  /** The open store, opening (and creating) the database if needed; null if it cannot be. */
  private ensureOpen(): QuestionStore | null {
    if (this.store) return this.store;
    try {
      this.store = openQuestionStore(this.options.stateDir, { busyTimeoutMs: 0 });
      this.identity = identityOf(this.path);
    } catch (error) {
      this.failed(error);
      return null;
    }
    this.pruneIfDue(this.store);
    return this.store;
  }

  /** Every few seconds: a deleted file noticed, a database that could not be opened tried again, old rows pruned. */
  private maintain(): void {
    this.checkFile();
    const store = this.ensureOpen();
    if (store) this.pruneIfDue(store);
  }

  /** A database file deleted or replaced under the open connection: start a new one there. */
  private checkFile(): void {
    if (!this.store || !this.identity) return;
    const now = identityOf(this.path);
    if (now && now.dev === this.identity.dev && now.ino === this.identity.ino) return;
    this.store.close();
    this.store = null;
    this.identity = null;
    if (!now) {
      // The journal files of a deleted database belong to nothing; a new database must not replay them.
      for (const suffix of ['-wal', '-shm']) rmSync(`${this.path}${suffix}`, { force: true });
    }
    const opened = this.ensureOpen();
    const message = now
      ? 'question log: the database file was replaced while the bot ran; using the new file'
      : 'question log: the database file was deleted while the bot ran; created a new one (rows before the deletion are gone)';
    this.options.log.warn({ path: this.path, reopened: opened !== null, queued: this.queue.size }, message);
  }

  /** Deletes rows past the retention period, at most every six hours; a busy database waits for the next time. */
  private pruneIfDue(store: QuestionStore): void {
    if (this.options.retentionDays <= 0) return;
    const now = this.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    try {
      const deleted = store.prune(new Date(now - this.options.retentionDays * DAY_MS));
      this.lastPrune = now;
      if (deleted > 0)
        this.options.log.info(
          { deleted, retentionDays: this.options.retentionDays },
          'question log: pruned old rows',
        );
    } catch (error) {
      this.options.log.debug({ reason: (error as Error).message }, 'question log: pruning postponed');
    }
  }

  private failed(error: unknown): void {
    const reason =
      error instanceof QuestionStoreError || error instanceof Error ? error.message : String(error);
    const now = Date.now();
    if (!this.outage) this.outage = { since: now, reason, reported: false };
    this.outage.reason = reason;
    const lasting = now - this.outage.since >= this.settings.reportOutageAfterMs;
    const permanent = error instanceof QuestionStoreError && !error.busy;
    if (!this.outage.reported && (lasting || permanent)) {
      this.outage.reported = true;
      this.options.log.error(
        { reason, queued: this.queue.size },
        'question log unavailable, answering without it; rows are kept in memory and written when it is back',
      );
    }
  }

  private recovered(): void {
    this.retryMs = this.settings.flushDelayMs;
    if (!this.outage) return;
    const { since, reported } = this.outage;
    this.outage = null;
    if (reported || this.dropped > 0) {
      this.options.log.info(
        { outageMs: Date.now() - since, dropped: this.dropped },
        'question log writable again; queued rows written',
      );
    }
    this.dropped = 0;
  }
}

function whereKey(where: AskedWhere): string {
  return `${where.story}\u0000${where.guildId ?? ''}\u0000${where.channel}`;
}

function identityOf(path: string): FileIdentity | null {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? { dev: stats.dev, ino: stats.ino } : null;
}
