/**
 * The curator studio's HTTP server: the page, its assets, the JSON API, the live-status stream
 * and the one write (POST /teach). Safe by default: it listens on 127.0.0.1; anywhere else it
 * requires STUDIO_TOKEN. Every response forbids loading anything from elsewhere (CSP).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../config.ts';
import type { Answer } from '../core/answer.ts';
import { answerToJson } from '../core/answer-json.ts';
import { answerQuestion } from '../core/engine.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import type { Logger } from '../log.ts';
import type { ReloadOutcome } from '../services/knowledge-holder.ts';
import { type Teaching, type TeachingResult, teachingCandidates } from '../services/teaching.ts';
import { analysisOf } from './analysis.ts';
import { coverageJson } from './coverage.ts';
import { LiveData } from './live.ts';
import { renderLogin, renderPage, type TestedQuestion } from './page.ts';
import type { QuestionLogReader } from './question-log.ts';
import { CsrfTokens, hostAllowed, sameOrigin, sameSecret, TOKEN_COOKIE, tokenOf } from './security.ts';

export interface StudioOptions {
  readonly port: number;
  readonly host: string;
  /** Required when `host` is not a loopback address. */
  readonly token: string | undefined;
  readonly dataDir: string;
  readonly knowledge: () => KnowledgeBase;
  readonly teaching: Teaching;
  readonly questionLog: QuestionLogReader;
  /** Standalone: reload when a data file changes. In the bot: null (the bot decides). */
  readonly reloadOnChange: ((requestedBy: string) => Promise<ReloadOutcome>) | null;
  readonly log: Logger;
  /** Watcher settle time (tests shorten it). */
  readonly settleMs?: number;
}

export interface Studio {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** Largest form the studio reads (a question and a reply fit many times over). */
const MAX_FORM_BYTES = 64 * 1024;
/** Teaching results kept for the page shown after the write (post, redirect, get). */
const RESULTS_KEPT = 100;

const ASSETS: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
  '/assets/studio.css': { file: 'studio.css', type: 'text/css; charset=utf-8' },
  '/assets/studio.js': { file: 'studio.js', type: 'text/javascript; charset=utf-8' },
  '/assets/icon.svg': { file: 'icon.svg', type: 'image/svg+xml' },
};

/** Nothing from anywhere else: no CDN, no inline script, no framing. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on the studio's own form posts.
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
} as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startStudio(options: StudioOptions): Promise<Studio> {
  if (!isLoopbackHost(options.host) && options.token === undefined) {
    throw new Error(
      `STUDIO_TOKEN is required to serve the studio on ${options.host}: set a long random token, or use 127.0.0.1`,
    );
  }
  const assets = new Map(
    Object.entries(ASSETS).map(([path, asset]) => [
      path,
      { body: readFileSync(new URL(`./assets/${asset.file}`, import.meta.url)), type: asset.type },
    ]),
  );
  const csrf = new CsrfTokens();
  const results = new Map<string, TeachingResult>();
  const live = new LiveData({
    dataDir: options.dataDir,
    knowledge: options.knowledge,
    reload: options.reloadOnChange,
    log: options.log,
    ...(options.settleMs !== undefined ? { settleMs: options.settleMs } : {}),
  });
  let port = options.port;

  const authorized = (request: IncomingMessage): boolean => {
    if (options.token === undefined) return true;
    const given = tokenOf(request);
    return given !== null && sameSecret(given, options.token);
  };

  const send = (
    response: ServerResponse,
    status: number,
    type: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): void => {
    response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...headers });
    response.end(body);
  };
  const sendJson = (response: ServerResponse, status: number, body: unknown): void =>
    send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));

  const timedAnswer = (kb: KnowledgeBase, question: string): { answer: Answer; tookMicros: number } => {
    const started = process.hrtime.bigint();
    const answer = answerQuestion(kb, question);
    return { answer, tookMicros: Number((process.hrtime.bigint() - started) / 1000n) };
  };

  const page = (url: URL): string => {
    const kb = options.knowledge();
    const question = (url.searchParams.get('q') ?? '').trim().slice(0, 1000);
    let tested: TestedQuestion | null = null;
    if (question.length > 0) {
      const { answer, tookMicros } = timedAnswer(kb, question);
      tested = {
        question,
        answer,
        tookMicros,
        analysis: analysisOf(kb, question),
      };
    }
    const answers = new Map<string, Answer>();
    return renderPage({
      kb,
      csrf: csrf.issue(),
      live: live.status(),
      tested,
      taught: results.get(url.searchParams.get('taught') ?? '') ?? null,
      asked: options.questionLog.read(),
      answerOf: (q) => {
        let answer = answers.get(q);
        if (!answer) {
          answer = answerQuestion(kb, q);
          answers.set(q, answer);
        }
        return answer;
      },
      search: (url.searchParams.get('search') ?? '').slice(0, 200),
    });
  };

  const unansweredJson = (): { status: number; body: unknown } => {
    const read = options.questionLog.read();
    if (!read.ok) return { status: 503, body: { error: read.reason } };
    const kb = options.knowledge();
    const now = (question: string) => {
      const answer = answerQuestion(kb, question);
      return {
        decided_by: answer.decidedBy,
        id: answer.id,
        candidates: teachingCandidates(kb, answer).map((c) => ({
          id: c.id,
          question: c.question,
          score: c.score,
          via: c.via,
        })),
      };
    };
    return {
      status: 200,
      body: {
        version: kb.version,
        servers: read.servers.map((server) => ({
          guild_id: server.guildId === '' ? null : server.guildId,
          declined: server.declined.map((d) => ({
            question: d.question,
            count: d.count,
            last_seen: d.lastSeen,
            now: now(d.question),
          })),
          misanswered: server.misanswered.map((m) => ({
            entry_id: m.entryId,
            not_helpful: m.notHelpful,
            helpful: m.helpful,
            examples: m.examples.map((question) => ({ question, now: now(question) })),
          })),
        })),
      },
    };
  };

  async function teach(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!sameOrigin(request))
      throw new HttpError(403, 'Refused: the request did not come from the studio’s own page.');
    const form = await readForm(request);
    if (!csrf.valid(form.get('csrf')))
      throw new HttpError(
        403,
        'This page is too old, or was not made by the studio: reload it and try again.',
      );
    const question = form.get('question') ?? '';
    const by = `studio ${request.socket.remoteAddress ?? 'unknown'}${options.token ? ' (token)' : ''}`;
    const action = form.get('action');
    if (action !== 'alternate' && action !== 'gap') {
      throw new HttpError(400, 'Unknown action: use “Add as alternate” or “Add as known gap”.');
    }
    const result = await live.whileWriting(
      () =>
        action === 'alternate'
          ? options.teaching.addAlternate({ entryId: form.get('entry') ?? '', question, by })
          : options.teaching.addGap({ question, by, reply: form.get('reply') ?? '' }),
      (taught) => taught.ok,
    );
    const id = randomBytes(9).toString('base64url');
    results.set(id, result);
    while (results.size > RESULTS_KEPT) results.delete(results.keys().next().value as string);
    response.writeHead(303, {
      ...SECURITY_HEADERS,
      location: `/?${new URLSearchParams({ q: question.slice(0, 1000), taught: id }).toString()}#test`,
    });
    response.end();
  }

  async function login(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!sameOrigin(request))
      throw new HttpError(403, 'Refused: the request did not come from the studio’s own page.');
    const token = (await readForm(request)).get('token') ?? '';
    if (options.token === undefined || !sameSecret(token, options.token)) {
      options.log.warn({ from: request.socket.remoteAddress }, 'studio: wrong access token');
      send(
        response,
        401,
        'text/html; charset=utf-8',
        renderLogin('That is not the access token.', loginIntro),
      );
      return;
    }
    response.writeHead(303, {
      ...SECURITY_HEADERS,
      location: '/',
      'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
    });
    response.end();
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request, options.host, port)) {
      throw new HttpError(421, 'This studio answers only to its own address (127.0.0.1 or localhost).');
    }
    const url = new URL(request.url ?? '/', 'http://studio.invalid');
    const method = request.method ?? 'GET';
    const asset = assets.get(url.pathname);
    if (asset && (method === 'GET' || method === 'HEAD')) {
      send(response, 200, asset.type, asset.body, { 'cache-control': 'no-cache' });
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(308, { ...SECURITY_HEADERS, location: '/assets/icon.svg' }).end();
      return;
    }
    if (!authorized(request)) {
      if (method === 'POST' && url.pathname === '/login') return login(request, response);
      if (url.pathname.startsWith('/api/') || url.pathname === '/events') {
        sendJson(response, 401, { error: 'send the access token: Authorization: Bearer <STUDIO_TOKEN>' });
      } else {
        send(response, 401, 'text/html; charset=utf-8', renderLogin(null, loginIntro));
      }
      return;
    }
    if (method === 'POST') {
      if (url.pathname === '/teach') return teach(request, response);
      if (url.pathname === '/login') return login(request, response);
      throw new HttpError(404, 'Nothing to post here.');
    }
    if (method !== 'GET' && method !== 'HEAD')
      throw new HttpError(405, 'The studio takes GET and POST only.');
    const kb = options.knowledge();
    switch (url.pathname) {
      case '/':
        send(response, 200, 'text/html; charset=utf-8', page(url));
        return;
      case '/api/ask': {
        const question = (url.searchParams.get('q') ?? '').trim();
        if (question.length === 0) {
          sendJson(response, 400, { error: 'give the question as ?q=…' });
          return;
        }
        const { answer, tookMicros } = timedAnswer(kb, question.slice(0, 1000));
        sendJson(response, 200, answerToJson(question, answer, tookMicros));
        return;
      }
      case '/api/unanswered': {
        const { status, body } = unansweredJson();
        sendJson(response, status, body);
        return;
      }
      case '/api/coverage':
        sendJson(response, 200, coverageJson(kb));
        return;
      case '/api/status':
        sendJson(response, 200, live.status());
        return;
      case '/events':
        live.subscribe(response);
        return;
      default:
        throw new HttpError(404, 'No such page: the studio is at /.');
    }
  }

  const server: Server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) options.log.error({ err: error, url: request.url }, 'studio request failed');
      if (response.headersSent) {
        response.end();
        return;
      }
      const message =
        error instanceof HttpError
          ? error.message
          : 'Something went wrong in the studio; it has been logged.';
      send(response, status, 'text/plain; charset=utf-8', `${message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  live.start();
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${port}/`;
  options.log.info({ url, tokenRequired: options.token !== undefined }, 'curator studio listening');
  return {
    port,
    url,
    async close() {
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const loginIntro = 'This studio is protected: enter the access token its operator set in STUDIO_TOKEN.';

/** An application/x-www-form-urlencoded body, at most MAX_FORM_BYTES. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new HttpError(415, 'Send the form as application/x-www-form-urlencoded.');
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_FORM_BYTES) throw new HttpError(413, 'The form is too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new HttpError(413, 'The form is too large.');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
