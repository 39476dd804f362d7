/**
 * The studio's HTTP surface without a browser: who may read, who may write, what is refused and
 * what the JSON API returns. Studios run in-process on 127.0.0.1 over temp copies of data/.
 */
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { KnowledgeHolder } from '../src/services/knowledge-holder.ts';
import { createTeaching } from '../src/services/teaching.ts';
import { questionLogReader } from '../src/studio/question-log.ts';
import { type Studio, startStudio } from '../src/studio/server.ts';
import { copyOfData, DATA_DIR, tempDir } from './support/data.ts';
import { fillQuestionLog } from './support/question-log.ts';
import { runScript } from './support/run.ts';

const ACCESS_TOKEN = 'a-long-test-token-0123456789';

interface Running {
  readonly studio: Studio;
  readonly origin: string;
  readonly dir: string;
  readonly holder: KnowledgeHolder;
}

const cleanups: (() => Promise<void>)[] = [];

async function runStudio(
  options: { token?: string; dataDir?: string; stateDir?: string | null } = {},
): Promise<Running> {
  let dir = options.dataDir;
  if (!dir) {
    const copy = await copyOfData(DATA_DIR);
    cleanups.push(copy.remove);
    dir = copy.dir;
  }
  const holder = await KnowledgeHolder.open(dir, { maxUploadBytes: 512 * 1024 });
  const log = silentLogger();
  const studio = await startStudio({
    port: 0,
    host: '127.0.0.1',
    token: options.token,
    dataDir: dir,
    knowledge: () => holder.current(),
    teaching: createTeaching({
      dataDir: dir,
      knowledge: () => holder.current(),
      reload: async (request) => ({ outcome: await holder.reload(request), shards: [] }),
      log,
    }),
    questionLog: questionLogReader(options.stateDir ?? null),
    reloadOnChange: (requestedBy) => holder.reload({ requestedBy }),
    log,
  });
  cleanups.push(() => studio.close());
  return { studio, origin: `http://127.0.0.1:${studio.port}`, dir, holder };
}

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The CSRF token of a freshly rendered page. */
async function csrfOf(origin: string, headers: Record<string, string> = {}): Promise<string> {
  const page = await (await fetch(`${origin}/?q=hello`, { headers })).text();
  const match = /name="csrf" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error('the page has a CSRF token');
  return match[1];
}

function teach(
  origin: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${origin}/teach`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

describe('writes', () => {
  let running: Running;
  beforeAll(async () => {
    running = await runStudio();
  });
  const question = 'would the russians tolerate french and british boots in ukraine';
  const form = (csrf: string) => ({
    csrf,
    question,
    entry: 'russia-rejects-peacekeepers',
    action: 'alternate',
  });

  it('need the page’s CSRF token and the studio’s own origin; refused writes change nothing', async () => {
    const qa = join(running.dir, 'qa.yaml');
    const before = await readFile(qa, 'utf8');
    const csrf = await csrfOf(running.origin);
    expect((await teach(running.origin, form('made-up'))).status).toBe(403);
    expect((await teach(running.origin, { ...form(csrf), csrf: '' })).status).toBe(403);
    expect((await teach(running.origin, form(csrf), { origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (await teach(running.origin, form(csrf), { origin: '', 'sec-fetch-site': 'cross-site' })).status,
    ).toBe(403);
    const notAForm = await fetch(`${running.origin}/teach`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: running.origin },
      body: JSON.stringify(form(csrf)),
    });
    expect(notAForm.status).toBe(415);
    expect(await readFile(qa, 'utf8')).toBe(before);

    const accepted = await teach(running.origin, form(csrf));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toMatch(/^\/\?q=.*&taught=.+#test$/);
    expect(await readFile(qa, 'utf8')).toContain(`      - ${question}\n`);
    const shown = await (await fetch(`${running.origin}${accepted.headers.get('location')}`)).text();
    expect(shown).toContain('The bot now answers it with');
  });

  it('never reach outside the data folder: a data file that is a link elsewhere is not written', async () => {
    const outsideDir = await mkdtemp(join(tmpdir(), 'story-bot-outside-'));
    cleanups.push(() => rm(outsideDir, { recursive: true, force: true }));
    const copy = await copyOfData(DATA_DIR);
    cleanups.push(copy.remove);
    const outside = join(outsideDir, 'qa.yaml');
    const original = await readFile(join(copy.dir, 'qa.yaml'), 'utf8');
    await writeFile(outside, original);
    await rm(join(copy.dir, 'qa.yaml'));
    await symlink(outside, join(copy.dir, 'qa.yaml'));
    const linked = await runStudio({ dataDir: copy.dir });
    const csrf = await csrfOf(linked.origin);
    const response = await teach(linked.origin, form(csrf));
    const page = await (await fetch(`${linked.origin}${response.headers.get('location')}`)).text();
    expect(page).toContain('Nothing was written');
    expect(page).toContain('is not a regular file in the data folder');
    expect(await readFile(outside, 'utf8')).toBe(original);
  });
});

describe('access', () => {
  it('answers only to its own host name on loopback (no DNS rebinding)', async () => {
    const { studio } = await runStudio();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: studio.port,
          path: '/api/status',
          headers: { host: `evil.example:${studio.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect((await fetch(`http://localhost:${studio.port}/api/status`)).status).toBe(200);
  });

  it('with STUDIO_TOKEN, lets in only requests that carry it, by header or after the login form', async () => {
    const { origin } = await runStudio({ token: ACCESS_TOKEN });
    expect((await fetch(`${origin}/`)).status).toBe(401);
    expect(await (await fetch(`${origin}/`)).text()).toContain('<label for="token">Access token</label>');
    expect((await fetch(`${origin}/api/ask?q=who+is+lavrov`)).status).toBe(401);
    expect(
      (await fetch(`${origin}/events`, { headers: { authorization: 'Bearer wrong-token-000000000' } }))
        .status,
    ).toBe(401);
    const bearer = { authorization: `Bearer ${ACCESS_TOKEN}` };
    expect((await fetch(`${origin}/api/ask?q=who+is+lavrov`, { headers: bearer })).status).toBe(200);

    const login = (token: string) =>
      fetch(`${origin}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        body: new URLSearchParams({ token }).toString(),
      });
    expect((await login('not-the-token')).status).toBe(401);
    const ok = await login(ACCESS_TOKEN);
    expect(ok.status).toBe(303);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${origin}/`, { headers: { cookie: cookie.split(';')[0] as string } });
    expect(page.status).toBe(200);
    // Even with the token, a write needs the page's CSRF token.
    expect(
      (await teach(origin, { question: 'x', entry: 'who-is-lavrov', action: 'alternate' }, bearer)).status,
    ).toBe(403);
  });

  it('will not serve another interface without a token, and says so', async () => {
    const holder = await KnowledgeHolder.open(DATA_DIR, { maxUploadBytes: 1024 });
    await expect(
      startStudio({
        port: 0,
        host: '0.0.0.0',
        token: undefined,
        dataDir: DATA_DIR,
        knowledge: () => holder.current(),
        teaching: createTeaching({
          dataDir: DATA_DIR,
          knowledge: () => holder.current(),
          reload: async () => {
            throw new Error('not reached');
          },
          log: silentLogger(),
        }),
        questionLog: questionLogReader(null),
        reloadOnChange: null,
        log: silentLogger(),
      }),
    ).rejects.toThrow(/STUDIO_TOKEN is required/);
    const cli = await runScript('src/cli/studio.ts', [], { env: { STUDIO_HOST: '0.0.0.0' } });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('STUDIO_TOKEN: is required when STUDIO_HOST is not a loopback address');
    const badPort = await runScript('src/cli/studio.ts', ['--port', 'eighty']);
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toContain('--port eighty: give a port number');
  });

  it('forbids loading anything from elsewhere, and refuses what it does not serve', async () => {
    const { origin } = await runStudio();
    const page = await fetch(`${origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(await page.text()).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect((await fetch(`${origin}/nowhere`)).status).toBe(404);
    expect((await fetch(`${origin}/`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(`${origin}/api/ask`)).status).toBe(400);
  });
});

describe('configuration', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      parseConfig(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return [...error.problems];
      throw error;
    }
  };

  it('is off by default and on loopback; off loopback it needs a long token, listed with every other problem', () => {
    expect(parseConfig({}).studio).toEqual({ port: 0, host: '127.0.0.1', token: undefined });
    expect(parseConfig({ STUDIO_PORT: '8700', STUDIO_HOST: '::1' }).studio.port).toBe(8700);
    expect(problemsOf({ STUDIO_HOST: '0.0.0.0', COOLDOWN_SECONDS: 'soon' })).toEqual([
      expect.stringMatching(/^COOLDOWN_SECONDS: /),
      expect.stringMatching(/^STUDIO_TOKEN: is required when STUDIO_HOST is not a loopback address/),
    ]);
    expect(problemsOf({ STUDIO_TOKEN: 'short' })).toEqual([
      expect.stringMatching(/^STUDIO_TOKEN: must be at least 16/),
    ]);
    expect(problemsOf({ STUDIO_PORT: '99999' })).toEqual([expect.stringMatching(/^STUDIO_PORT: /)]);
    expect(parseConfig({ STUDIO_HOST: '0.0.0.0', STUDIO_TOKEN: ACCESS_TOKEN }).studio.token).toBe(
      ACCESS_TOKEN,
    );
  });
});

describe('the JSON API', () => {
  it('GET /api/unanswered lists each server’s questions, most frequent first, with what the bot does now', async () => {
    const state = await tempDir();
    cleanups.push(state.remove);
    fillQuestionLog(state.dir, {
      declined: [
        { question: 'how big is the british navy?', guildId: '111111111111111111' },
        { question: 'what is the weather in kyiv', guildId: '111111111111111111', times: 4 },
        { question: 'how tall is big ben', guildId: '222222222222222222', times: 2 },
      ],
      notWhatIAsked: [{ entryId: 'minerals-deal', question: 'minerals?', guildId: '222222222222222222' }],
    });
    const { origin } = await runStudio({ stateDir: state.dir });
    const body = (await (await fetch(`${origin}/api/unanswered`)).json()) as {
      servers: {
        guild_id: string | null;
        declined: { question: string; count: number; now: { decided_by: string; candidates: unknown[] } }[];
        misanswered: { entry_id: string; examples: { question: string }[] }[];
      }[];
    };
    const byServer = new Map(body.servers.map((s) => [s.guild_id, s]));
    expect(byServer.get('111111111111111111')?.declined.map((d) => [d.question, d.count])).toEqual([
      ['what is the weather in kyiv', 4],
      ['how big is the british navy?', 1],
    ]);
    expect(byServer.get('222222222222222222')?.declined.map((d) => d.question)).toEqual([
      'how tall is big ben',
    ]);
    expect(byServer.get('222222222222222222')?.misanswered[0]).toMatchObject({
      entry_id: 'minerals-deal',
      examples: [{ question: 'minerals?' }],
    });
    expect(byServer.get('111111111111111111')?.declined[0]?.now.decided_by).toBeTypeOf('string');
    expect((await fetch(`${origin}/api/status`)).status).toBe(200);
  });

  it('says plainly when there is no question log', async () => {
    const { origin } = await runStudio({ stateDir: null });
    const response = await fetch(`${origin}/api/unanswered`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/question log is off/);
  });
});
