/**
 * Validation problems, live: the data folder is watched, and when a file changes the folder is
 * checked again and every open page told (Server-Sent Events). Standalone, the studio puts a
 * valid folder live itself (a reload, which validates); inside the bot it only validates, and
 * the bot's own WATCH_DATA or /reload decide when data goes live.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { readDataDir } from '../core/load.ts';
import { DataError, type DataProblem, formatProblem, isWarning } from '../core/problems.ts';
import { checkData, DATA_SUBFOLDERS } from '../core/validate.ts';
import type { Logger } from '../log.ts';
import type { ReloadOutcome } from '../services/knowledge-holder.ts';
import { watchDataFolder } from '../services/watch-data.ts';

export interface LiveStatus {
  /** The version answering now. */
  readonly liveVersion: string;
  /** Every error in the folder as it is on disk (empty: valid). */
  readonly problems: readonly string[];
  /** Warnings: shown, but the data loads with them. */
  readonly warnings: readonly string[];
  readonly checkedAt: string;
}

/** How often the live version is compared, for reloads made elsewhere (/reload, WATCH_DATA). */
const VERSION_POLL_MS = 2000;
/** SSE comment sent this often keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 25_000;

export class LiveData {
  private problems: readonly string[] = [];
  private warnings: readonly string[] = [];
  private checkedAt = new Date().toISOString();
  private fingerprint: string | null = null;
  private lastSentVersion: string;
  private readonly clients = new Set<ServerResponse>();
  private stopWatching: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private checking: Promise<void> = Promise.resolve();
  /** Writes by the studio itself in flight: the watcher's reports of them are not news. */
  private writing = 0;

  constructor(
    private readonly options: {
      readonly dataDir: string;
      readonly knowledge: () => KnowledgeBase;
      /** Standalone: reload on a change (validating); in the bot: null, only validate. */
      readonly reload: ((requestedBy: string) => Promise<ReloadOutcome>) | null;
      readonly log: Logger;
      readonly settleMs?: number;
    },
  ) {
    this.lastSentVersion = options.knowledge().version;
  }

  start(): void {
    // The folder, and the sub-folders Q&A and gaps may be split over.
    const stops = [this.options.dataDir, ...DATA_SUBFOLDERS.map((sub) => join(this.options.dataDir, sub))]
      .filter((dir) => existsSync(dir))
      .map((dir) => watchDataFolder(dir, () => void this.check(), this.options.settleMs));
    this.stopWatching = () => {
      for (const stop of stops) stop();
    };
    const poll = setInterval(() => {
      if (this.options.knowledge().version !== this.lastSentVersion) this.broadcast();
    }, VERSION_POLL_MS);
    const keepalive = setInterval(() => {
      for (const client of this.clients) client.write(': keepalive\n\n');
    }, KEEPALIVE_MS);
    poll.unref();
    keepalive.unref();
    this.timers = [poll, keepalive];
    // The live data was just built from the folder as it is: check it (for its warnings) without
    // reloading it again.
    const first = this.checking.then(() => this.checkNow({ reload: false }));
    this.checking = first.catch(() => undefined);
  }

  status(): LiveStatus {
    return {
      liveVersion: this.options.knowledge().version,
      problems: this.problems,
      warnings: this.warnings,
      checkedAt: this.checkedAt,
    };
  }

  /** Checks the folder again (after a change, or after the studio itself wrote it). One check at a time. */
  check(): Promise<void> {
    const run = this.checking.then(() => this.checkNow());
    this.checking = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs one of the studio's own writes. The watcher's reports of it are skipped; afterwards the
   * folder as it is then is the live data when the write went through (it was just validated and
   * reloaded), and is checked again when it did not.
   */
  async whileWriting<T>(write: () => Promise<T>, succeeded: (result: T) => boolean): Promise<T> {
    this.writing++;
    let result: T | undefined;
    try {
      result = await write();
      return result;
    } finally {
      this.writing--;
      await (result !== undefined && succeeded(result) ? this.adopt() : this.check());
    }
  }

  private adopt(): Promise<void> {
    const run = this.checking.then(async () => {
      this.fingerprint = fingerprintOf(await readDataDir(this.options.dataDir));
      // Teaching adds an alternate or a gap: the folder's warnings (drafts, uncurated parts) stay.
      this.record([], null);
    });
    this.checking = run.catch(() => undefined);
    return run;
  }

  /** An SSE stream: the status now, then again whenever it changes. */
  subscribe(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(`retry: 2000\n${this.event()}`);
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  close(): void {
    this.stopWatching?.();
    for (const timer of this.timers) clearInterval(timer);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private async checkNow(options: { reload: boolean } = { reload: true }): Promise<void> {
    if (this.writing > 0) return;
    let files: Awaited<ReturnType<typeof readDataDir>>;
    try {
      files = await readDataDir(this.options.dataDir);
    } catch (error) {
      this.record(
        error instanceof DataError ? error.problems.filter((p) => !isWarning(p)) : [(error as Error).message],
      );
      return;
    }
    const fingerprint = fingerprintOf(files);
    if (fingerprint === this.fingerprint) {
      this.broadcast();
      return;
    }
    this.fingerprint = fingerprint;
    const { problems } = checkData(files);
    const errors = problems.filter((p) => !isWarning(p));
    if (errors.length === 0 && this.options.reload && options.reload) {
      const outcome = await this.options.reload('studio: a data file changed');
      if (!outcome.ok) {
        this.record(
          outcome.problems.filter((p) => !isWarning(p)),
          problems.filter(isWarning),
        );
        return;
      }
    }
    this.record(errors, problems.filter(isWarning));
  }

  private record(
    problems: readonly DataProblem[] | readonly string[],
    /** null: unchanged. */
    warnings: readonly DataProblem[] | null = [],
  ): void {
    this.problems = problems.map((p) => (typeof p === 'string' ? p : formatProblem(p)));
    if (warnings !== null) this.warnings = warnings.map(formatProblem);
    this.checkedAt = new Date().toISOString();
    if (problems.length > 0)
      this.options.log.warn({ problems: problems.length }, 'studio: the data folder has problems');
    this.broadcast();
  }

  private event(): string {
    return `event: status\ndata: ${JSON.stringify(this.status())}\n\n`;
  }

  private broadcast(): void {
    this.lastSentVersion = this.options.knowledge().version;
    const event = this.event();
    for (const client of this.clients) client.write(event);
  }
}

function fingerprintOf(files: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${name}\0${text}\0`);
  return hash.digest('hex');
}
