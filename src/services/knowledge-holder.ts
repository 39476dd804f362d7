/**
 * Holds the live knowledge base and replaces it on reload.
 *
 * A reload reads the whole data folder, validates it and builds a new knowledge base beside the
 * old one, in the build worker thread (knowledge-builder.ts), so answering goes on meanwhile; the
 * new one answers a few questions to warm up, and only then is the one reference swapped. Until
 * the swap, and forever if anything fails, the old one keeps answering. Reloads run one at a
 * time; plain reloads asked for while one is waiting share that run.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { answerQuestion } from '../core/engine.ts';
import type { DataFiles, KnowledgeBase } from '../core/knowledge.ts';
import { buildChecked, fileTooLarge, MAX_DATA_FILE_BYTES, readDataDir } from '../core/load.ts';
import { DataError, type DataProblem } from '../core/problems.ts';
import { START_WARM_UP_ROUNDS, warmUpQuestions } from '../core/warm-up.ts';
import { buildInWorker } from './knowledge-builder.ts';

export interface KnowledgeChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly edited: readonly string[];
}

export interface ReloadRequest {
  readonly requestedBy: string;
  /** Replace one data file with this content, if the whole folder then validates. */
  readonly file?: { readonly name: string; read(): Promise<string>; readonly size: number };
}

export type ReloadOutcome =
  | {
      readonly ok: true;
      readonly version: string;
      readonly previousVersion: string;
      readonly counts: KnowledgeBase['counts'];
      readonly changes: KnowledgeChanges;
      readonly replacedFile: string | null;
      readonly tookMs: number;
    }
  | {
      readonly ok: false;
      readonly version: string;
      readonly problems: readonly DataProblem[];
      readonly tookMs: number;
    };

/** One shard's result of a reload that every shard ran. */
export interface ShardReloadResult {
  readonly shardId: number;
  readonly ok: boolean;
  readonly version: string;
  readonly problems: number;
}

/** A reload as a moderator sees it: this process's outcome, and every shard's when sharded. */
export interface ReloadReport {
  readonly outcome: ReloadOutcome;
  readonly shards: readonly ShardReloadResult[];
}

export interface KnowledgeHolderOptions {
  /** MAX_UPLOAD_KB in bytes; an upload is never allowed more than a data file (MAX_DATA_FILE_BYTES). */
  readonly maxUploadBytes: number;
  /** Called after every reload attempt, for logging and for other shards. */
  readonly onReload?: (outcome: ReloadOutcome, request: ReloadRequest) => void;
}

/** How a holder is opened: at start (the defaults), or for a story added while the bot runs. */
export interface OpeningOptions {
  /** Build in the worker whatever the size (a story added by a reload: the bot is answering). */
  readonly inWorker?: boolean;
  /** Warm-up rounds before it answers; by default START_WARM_UP_ROUNDS. */
  readonly warmUpRounds?: number;
}

export class KnowledgeHolder {
  private live: KnowledgeBase;
  private queue: Promise<unknown> = Promise.resolve();
  private pendingPlainReload: Promise<ReloadOutcome> | null = null;

  private constructor(
    readonly dataDir: string,
    initial: KnowledgeBase,
    private readonly options: KnowledgeHolderOptions,
  ) {
    this.live = initial;
  }

  /** Loads the folder; throws DataError if it does not validate (nothing to fall back on yet). */
  static async open(
    dataDir: string,
    options: KnowledgeHolderOptions,
    opening: OpeningOptions = {},
  ): Promise<KnowledgeHolder> {
    // Nothing else runs yet, so a small story is built here, faster than a worker starts;
    // a large one in the worker, so that a health check at start is still answered.
    const kb =
      !opening.inWorker && (await folderBytes(dataDir)) <= BUILD_HERE_UP_TO_BYTES
        ? buildChecked(await readDataDir(dataDir))
        : await buildInWorker(dataDir);
    // At start the engine's code is cold too: a few rounds, so the first questions are not slower.
    await warmUp(kb, opening.warmUpRounds ?? START_WARM_UP_ROUNDS);
    return new KnowledgeHolder(dataDir, kb, options);
  }

  current(): KnowledgeBase {
    return this.live;
  }

  reload(request: ReloadRequest): Promise<ReloadOutcome> {
    if (!request.file) {
      // Another plain reload still waiting will read the folder after this request came in.
      if (this.pendingPlainReload) return this.pendingPlainReload;
      const run = this.enqueue(() => {
        this.pendingPlainReload = null;
        return this.run(request);
      });
      this.pendingPlainReload = run;
      return run;
    }
    return this.enqueue(() => this.run(request));
  }

  private enqueue(task: () => Promise<ReloadOutcome>): Promise<ReloadOutcome> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run(request: ReloadRequest): Promise<ReloadOutcome> {
    const started = performance.now();
    const previous = this.live;
    const tookMs = (): number => Math.round(performance.now() - started);
    let outcome: ReloadOutcome;
    try {
      let replaced: { name: string; content: string } | null = null;
      if (request.file) replaced = await this.readUpload(request.file, await readDataDir(this.dataDir));
      // The worker reads the folder itself (with the upload in place of its file).
      const next = await buildInWorker(
        this.dataDir,
        replaced ? { replace: new Map([[replaced.name, replaced.content]]) } : {},
      );
      await warmUp(next, 1);
      if (replaced) await this.writeAtomically(replaced.name, replaced.content);
      this.live = next; // the swap: one reference, after everything else succeeded
      outcome = {
        ok: true,
        version: next.version,
        previousVersion: previous.version,
        counts: next.counts,
        changes: await diffKnowledgeInSteps(previous, next),
        replacedFile: replaced?.name ?? null,
        tookMs: tookMs(),
      };
    } catch (error) {
      const problems =
        error instanceof DataError
          ? error.problems
          : [{ file: this.dataDir, message: `could not be read: ${(error as Error).message}` }];
      outcome = { ok: false, version: previous.version, problems, tookMs: tookMs() };
    }
    this.options.onReload?.(outcome, request);
    return outcome;
  }

  private async readUpload(
    file: NonNullable<ReloadRequest['file']>,
    files: DataFiles,
  ): Promise<{ name: string; content: string }> {
    const name = basename(file.name);
    const problems: DataProblem[] = [];
    if (!files.has(name)) {
      problems.push({
        file: name,
        message: `is not one of the data files: upload one of ${[...files.keys()].join(', ')} with its exact name`,
      });
    }
    // The loader's limit and message first: an upload it would refuse at start is refused here.
    const tooLarge = (bytes: number): DataProblem | null =>
      bytes > MAX_DATA_FILE_BYTES
        ? fileTooLarge(name, bytes)
        : bytes > this.options.maxUploadBytes
          ? {
              file: name,
              message: `is ${bytes.toLocaleString('en')} bytes, over the upload limit of ${this.options.maxUploadBytes.toLocaleString('en')} bytes (MAX_UPLOAD_KB)`,
            }
          : null;
    const declared = tooLarge(file.size);
    if (declared) problems.push(declared);
    if (problems.length > 0) throw new DataError(problems);
    // The front end stops the download at the limit, whatever size the upload claimed.
    const content = await file.read();
    const actual = tooLarge(Buffer.byteLength(content));
    if (actual) throw new DataError([actual]);
    return { name, content };
  }

  /** Temp file, then rename: a reader never sees half a file. The old version stays as NAME.bak. */
  private async writeAtomically(name: string, content: string): Promise<void> {
    const target = join(this.dataDir, name);
    const temp = join(this.dataDir, `.${name}.${randomUUID()}.tmp`);
    try {
      await writeFile(temp, content, 'utf8');
      await copyFile(target, join(this.dataDir, `${name}.bak`));
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}

/** Up to this much data, the start-up build runs on the main thread (see open()). */
const BUILD_HERE_UP_TO_BYTES = 1024 * 1024;

/** The size of a folder's data files; 0 when it cannot be read (the build then says why). */
async function folderBytes(dir: string): Promise<number> {
  try {
    const names = (await readdir(dir)).filter((name) => /\.(ya?ml|txt)$/.test(name));
    const sizes = await Promise.all(names.map(async (name) => (await stat(join(dir, name))).size));
    return sizes.reduce((sum, size) => sum + size, 0);
  } catch {
    return 0;
  }
}

/**
 * Answers warm-up questions with a new knowledge base, one per turn of the event loop, so the
 * questions people ask meanwhile are answered in between.
 */
async function warmUp(kb: KnowledgeBase, rounds: number): Promise<void> {
  const questions = warmUpQuestions(kb);
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      answerQuestion(kb, question);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** Ids added, removed and edited between two knowledge bases, across entries, quotes, gaps and people. */
export function diffKnowledge(before: KnowledgeBase, after: KnowledgeBase): KnowledgeChanges {
  const snapshot = (kb: KnowledgeBase): Map<string, string> => {
    const map = new Map<string, string>();
    for (const list of [kb.entries, kb.quotes, kb.gaps, kb.people]) {
      for (const item of list) map.set(item.id, JSON.stringify(item));
    }
    return map;
  };
  const old = snapshot(before);
  const next = snapshot(after);
  const added = [...next.keys()].filter((id) => !old.has(id));
  const removed = [...old.keys()].filter((id) => !next.has(id));
  const edited = [...next.keys()].filter((id) => old.has(id) && old.get(id) !== next.get(id));
  return { added, removed, edited };
}

/** Items compared per turn of the event loop: a few milliseconds of JSON. */
const DIFF_STEP = 1000;

/**
 * diffKnowledge for large knowledge bases: the same result, computed a step at a time, so a
 * reload of 10,000 entries does not hold up answering while it compares them.
 */
export async function diffKnowledgeInSteps(
  before: KnowledgeBase,
  after: KnowledgeBase,
): Promise<KnowledgeChanges> {
  const snapshot = async (kb: KnowledgeBase): Promise<Map<string, string>> => {
    const map = new Map<string, string>();
    let done = 0;
    for (const list of [kb.entries, kb.quotes, kb.gaps, kb.people]) {
      for (const item of list) {
        map.set(item.id, JSON.stringify(item));
        if (++done % DIFF_STEP === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return map;
  };
  const old = await snapshot(before);
  const next = await snapshot(after);
  const added = [...next.keys()].filter((id) => !old.has(id));
  const removed = [...old.keys()].filter((id) => !next.has(id));
  const edited = [...next.keys()].filter((id) => old.has(id) && old.get(id) !== next.get(id));
  return { added, removed, edited };
}
