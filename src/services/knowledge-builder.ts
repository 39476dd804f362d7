/**
 * Builds knowledge bases in a worker thread, so that reading, validating and indexing a large
 * data folder never holds up the gateway's thread (answers, autocomplete, heartbeats).
 *
 * One worker serves the whole process (every holder; several stories could share it), started
 * on first use and again after a crash. It sends the built knowledge base back in small
 * messages (core/snapshot.ts); they are applied here one per turn of the event loop, so the
 * longest pause the main thread sees is one message's worth, not the whole knowledge base.
 * A build that fails, for bad data (DataError, every problem) or a crash, rejects; the caller
 * keeps what it had.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  type DataFiles,
  KNOWLEDGE_CLASSES,
  KNOWLEDGE_EXTERNALS,
  type KnowledgeBase,
} from '../core/knowledge.ts';
import { DataError, type DataProblem } from '../core/problems.ts';
import { SnapshotDecoder, type SnapshotMessage } from '../core/snapshot.ts';

export interface BuildRequest {
  readonly id: number;
  /** The folder to read; ignored when `files` is given. */
  readonly dataDir: string;
  /** The folder's files, already read (bytes are UTF-8 and transferred, not copied). */
  readonly files?: readonly (readonly [string, string | Uint8Array])[];
  /** Files to put in place of the folder's (an upload), by name. */
  readonly replace?: readonly (readonly [string, string])[];
}

export type BuildReply =
  | {
      readonly id: number;
      readonly type: 'built';
      readonly messages: number;
      readonly builtMs: number;
      readonly encodedMs: number;
    }
  | { readonly id: number; readonly type: 'problems'; readonly problems: readonly DataProblem[] }
  | { readonly id: number; readonly type: 'failed'; readonly message: string };

export interface BuildOptions {
  /** Build these files instead of reading the folder; UTF-8 bytes travel without a copy. */
  readonly files?: ReadonlyMap<string, string | Uint8Array> | DataFiles;
  /** Files to put in place of the folder's, by name (an upload). */
  readonly replace?: ReadonlyMap<string, string>;
}

/** How long the build worker may take to put its messages in the port before we give up. */
const MESSAGE_WAIT_MS = 10_000;

/** The worker's file: build-worker.ts beside this file under tsx, build-worker.js in a compiled build. */
function workerUrl(): URL {
  const compiled = !import.meta.url.endsWith('.ts');
  return new URL(compiled ? './build-worker.js' : './build-worker.ts', import.meta.url);
}

/**
 * A worker thread does not run node's `--import` hooks in Node 20, so under tsx (development,
 * tests) the worker starts from a line of JavaScript that registers tsx's loader in that thread
 * and then imports build-worker.ts. A compiled build starts build-worker.js directly.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsx = tsxApiUrl();
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Where import.meta.resolve is not there (some test runners), the same file by its path.
    const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    return pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  }
}

interface Pending {
  resolve(reply: BuildReply): void;
  reject(error: Error): void;
}

class BuildWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  request(make: (id: number) => BuildRequest, port: MessagePort): Promise<BuildReply> {
    const worker = this.started();
    const request = make(this.nextId++);
    // Bytes that own their whole buffer move without a copy (a pooled Buffer would take its pool).
    const bytes = (request.files ?? []).flatMap(([, content]) =>
      typeof content !== 'string' &&
      content.byteOffset === 0 &&
      content.byteLength === content.buffer.byteLength &&
      content.buffer instanceof ArrayBuffer
        ? [content.buffer]
        : [],
    );
    return new Promise<BuildReply>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, port }, [port, ...bytes]);
    });
  }

  /** Stops the worker; builds in flight are refused, and the next build starts a new one. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (worker) await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(workerUrl());
    worker.unref();
    worker.on('message', (reply: BuildReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      pending?.resolve(reply);
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => fail(new Error(`the build stopped: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`the build worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

let shared: BuildWorker | null = null;

/** Stops the build worker (at shutdown): a build in flight is refused, a later one starts another. */
export async function stopBuildWorker(): Promise<void> {
  await shared?.stop();
}

/**
 * Reads (unless `files` are given), validates and builds a data folder in the build worker, and
 * rebuilds the result here without a long pause. Throws DataError with every problem found.
 */
export async function buildInWorker(dataDir: string, options: BuildOptions = {}): Promise<KnowledgeBase> {
  shared ??= new BuildWorker();
  const channel = new MessageChannel();
  try {
    const reply = await shared.request(
      (id) => ({
        id,
        dataDir,
        ...(options.files ? { files: [...options.files] } : {}),
        ...(options.replace ? { replace: [...options.replace] } : {}),
      }),
      channel.port2,
    );
    if (reply.type === 'problems') throw new DataError(reply.problems);
    if (reply.type === 'failed') throw new Error(`the build failed: ${reply.message}`);
    const decoder = new SnapshotDecoder<KnowledgeBase>(KNOWLEDGE_CLASSES, KNOWLEDGE_EXTERNALS);
    let waitedSince = performance.now();
    for (let received = 0; received < reply.messages; ) {
      // One message per turn of the event loop: whatever else is waiting runs in between.
      await new Promise((resolve) => setImmediate(resolve));
      const next = receiveMessageOnPort(channel.port1);
      if (next === undefined) {
        if (performance.now() - waitedSince > MESSAGE_WAIT_MS)
          throw new Error('the build worker stopped sending');
        continue;
      }
      decoder.apply(next.message as SnapshotMessage);
      received++;
      waitedSince = performance.now();
    }
    return decoder.result();
  } finally {
    channel.port1.close();
  }
}
