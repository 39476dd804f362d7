/**
 * GET /healthz: JSON for load balancers and operators. 200 when ready, 503 until then.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError } from '../config.ts';
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
    server.once('error', (error) => reject(listenFailure(error, options.host, options.port)));
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  options.log.info({ port, host: options.host }, 'health endpoint listening on /healthz');
  return {
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Why /healthz cannot listen, as one line naming the variable to change. */
export function listenFailure(error: unknown, host: string, port: number): StartupError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const cause = `${code}: ${(error as Error).message}`;
  switch (code) {
    case 'EADDRINUSE':
      return new StartupError(
        `HEALTH_PORT: port ${port} on ${host} is already in use (${cause}): choose a free port, or stop the program using it`,
      );
    case 'EACCES':
      return new StartupError(
        `HEALTH_PORT: port ${port} needs privileges this process does not have (${cause}): use a port from 1024 up`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EADDRNOTAVAIL':
    case 'EINVAL':
      return new StartupError(
        `HEALTH_HOST: cannot listen on "${host}" (${cause}): use 127.0.0.1, 0.0.0.0 (every interface, in a container) or an address of this machine`,
      );
    default:
      return new StartupError(
        `HEALTH_PORT, HEALTH_HOST: cannot listen on ${host}:${port} (${cause}): check both`,
      );
  }
}
