import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../src/config.ts';
import { createLogger, silentLogger } from '../src/log.ts';
import { type HealthServer, type HealthSnapshot, startHealthServer } from '../src/services/health.ts';

describe('logs', () => {
  it('never write the token, whatever field or message it hides in', () => {
    const token = 'MTIzNDU2Nzg5.secret-token-value.xyz';
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const log = createLogger({ level: 'info', secrets: [token], stream });
    log.info(
      { token, headers: { authorization: `Bot ${token}` }, nested: { note: `uses ${token}` } },
      `logging in with ${token}`,
    );
    log.error({ err: new Error(`bad token ${token}`) }, 'failed');
    const output = lines.join('');
    expect(output).toContain('logging in with [redacted]');
    expect(output).toContain('[redacted]');
    expect(output).not.toContain(token);
    expect(output.trim().split('\n')).toHaveLength(2);
  });
});

describe('GET /healthz', () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function serve(snapshot: () => HealthSnapshot): Promise<string> {
    server = await startHealthServer({ port: 0, host: '127.0.0.1', snapshot, log: silentLogger() });
    return `http://127.0.0.1:${server.port}`;
  }

  const snapshot = (ready: boolean): HealthSnapshot => ({
    ready,
    shards: [{ id: 0, status: ready ? 'Ready' : 'Connecting' }],
    knowledge: { version: 'abc123', counts: { entries: 3 } },
    questionLog: 'on',
  });

  it('answers 503 until ready, then 200, with the snapshot and uptime as JSON', async () => {
    let ready = false;
    const base = await serve(() => snapshot(ready));
    const before = await fetch(`${base}/healthz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ ready: false, shards: [{ id: 0, status: 'Connecting' }] });
    ready = true;
    const after = await fetch(`${base}/healthz`);
    expect(after.status).toBe(200);
    expect(after.headers.get('content-type')).toBe('application/json');
    expect(await after.json()).toMatchObject({
      ready: true,
      knowledge: { version: 'abc123' },
      uptimeSeconds: expect.any(Number),
    });
  });

  it('says in one line which variable to change when it cannot listen', async () => {
    const taken = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      snapshot: () => snapshot(true),
      log: silentLogger(),
    });
    server = taken;
    const attempt = (port: number, host: string) =>
      startHealthServer({ port, host, snapshot: () => snapshot(true), log: silentLogger() }).then(
        () => 'listening',
        (error: unknown) => (error instanceof StartupError ? error.message : String(error)),
      );
    expect(await attempt(taken.port, '127.0.0.1')).toMatch(
      new RegExp(
        `^HEALTH_PORT: port ${taken.port} on 127\\.0\\.0\\.1 is already in use \\(EADDRINUSE: .*\\): choose a free port`,
      ),
    );
    // An address of no interface here (TEST-NET-1): nothing is sent anywhere.
    expect(await attempt(0, '192.0.2.1')).toMatch(
      /^HEALTH_HOST: cannot listen on "192\.0\.2\.1" \(EADDRNOTAVAIL: .*\): use 127\.0\.0\.1/,
    );
  });

  it('answers 404 elsewhere, and 500 if the snapshot fails, without crashing', async () => {
    let fail = false;
    const base = await serve(() => {
      if (fail) throw new Error('boom');
      return snapshot(true);
    });
    expect((await fetch(`${base}/`)).status).toBe(404);
    fail = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(500);
    fail = false;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
