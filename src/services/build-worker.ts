/**
 * The build worker's thread: reads a data folder, validates it and builds the knowledge base,
 * off the gateway's thread, then sends it back in small messages (core/snapshot.ts) on the port
 * that came with the request. knowledge-builder.ts starts it and talks to it.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import { BuildCache, buildKnowledge, KNOWLEDGE_CLASSES, KNOWLEDGE_EXTERNALS } from '../core/knowledge.ts';
import { namingAliasBombs, readDataDir } from '../core/load.ts';
import { DataError } from '../core/problems.ts';
import { encodeSnapshot } from '../core/snapshot.ts';
import type { BuildReply, BuildRequest } from './knowledge-builder.ts';

const port = parentPort;
if (!port) throw new Error('build-worker.ts runs as a worker thread (see knowledge-builder.ts)');

/** Kept between builds: a reload after an edit folds only the texts that changed. */
const cache = new BuildCache();

port.on('message', (request: BuildRequest & { readonly port: MessagePort }) => {
  void build(request).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies BuildReply),
  );
});

async function build(request: BuildRequest & { readonly port: MessagePort }): Promise<BuildReply> {
  const started = performance.now();
  let files: Map<string, string>;
  try {
    const decoder = new TextDecoder();
    files = request.files
      ? new Map(
          request.files.map(([name, content]) => [
            name,
            typeof content === 'string' ? content : decoder.decode(content),
          ]),
        )
      : new Map(await readDataDir(request.dataDir));
  } catch (error) {
    if (error instanceof DataError) return { id: request.id, type: 'problems', problems: error.problems };
    throw error;
  }
  for (const [name, content] of request.replace ?? []) files.set(name, content);
  let kb: ReturnType<typeof buildKnowledge>;
  try {
    // An alias bomb is named as a problem of its file, as at start.
    kb = namingAliasBombs(files, () => buildKnowledge(files, cache));
  } catch (error) {
    if (error instanceof DataError) return { id: request.id, type: 'problems', problems: error.problems };
    throw error;
  }
  const builtMs = performance.now() - started;
  const { messages, transfers } = encodeSnapshot(kb, KNOWLEDGE_CLASSES, KNOWLEDGE_EXTERNALS);
  messages.forEach((message, i) => {
    request.port.postMessage(message, transfers[i] ?? []);
  });
  return {
    id: request.id,
    type: 'built',
    messages: messages.length,
    builtMs,
    encodedMs: performance.now() - started - builtMs,
  };
}
