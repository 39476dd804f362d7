/**
 * GET /healthz: JSON for load balancers and operators. 200 when ready, 503 until then.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.ts';

export interface HealthSnapshot {
  readonly ready: boolean;
  readonly shards: readonly { readonly id: number; readonly status: string }[];
  readonly knowledge: { readonly version: string | null; readonly counts: unknown };
  readonly questionLog: 'on' | 'off' | 'unavailable';
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startHealthServer(options: {
  readonly port: number;
  readonly host: string;
  readonly snapshot: () => HealthSnapshot;
  readonly log: Logger;
}): Promise<HealthServer> {
  const started = Date.now();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || (path !== '/healthz' && path !== '/health')) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":"not found: try GET /healthz"}');
      return;
    }
    let snapshot: HealthSnapshot;
    try {
      snapshot = options.snapshot();
    } catch (error) {
      options.log.error({ err: error }, 'health snapshot failed');
      response.writeHead(500, { 'content-type': 'application/json' }).end('{"ready":false}');
      return;
    }
    const body = { ...snapshot, uptimeSeconds: Math.round((Date.now() - started) / 1000) };
    response.writeHead(snapshot.ready ? 200 : 503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  options.log.info({ port, host: options.host }, 'health endpoint listening on /healthz');
  return {
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
