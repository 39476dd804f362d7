/**
 * The curator studio in a real browser (Debian's chromium via playwright-core), started as a
 * curator starts it: `npm run studio -- --port 0 --data COPY` on a temp copy of data/, with a
 * question log. One browser for the file; nothing may load from anywhere but the studio.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/core/engine.ts';
import type { KnowledgeBase } from '../src/core/knowledge.ts';
import { loadKnowledge } from '../src/core/load.ts';
import { normaliseQuestion } from '../src/services/question-store.ts';
import { analysisOf } from '../src/studio/analysis.ts';
import { coverageOf } from '../src/studio/coverage.ts';
import { launchBrowser, type TestBrowser, type WatchedPage } from './support/browser.ts';
import { copyOfData, DATA_DIR, tempDir } from './support/data.ts';
import { fillQuestionLog } from './support/question-log.ts';
import { runScript, spawnScript } from './support/run.ts';

/** Declined by the shipped data; the entry about Russia and European peacekeepers answers it. */
const DECLINED = 'would the russians tolerate french and british boots in ukraine';
const ENTRY = 'russia-rejects-peacekeepers';
/** A question readers asked that the article does not answer: a known gap. */
const ASKED = "what colour is the prime minister's car";
const SERVER = '222222222222222222';

let data: Awaited<ReturnType<typeof copyOfData>>;
let state: Awaited<ReturnType<typeof tempDir>>;
let studio: ChildProcessWithoutNullStreams;
let origin = '';
let log = '';
let browser: TestBrowser;
let kb: KnowledgeBase;
/** The entry's question, as the "Answer with" menu shows it. */
let entryQuestion = '';
const pages: WatchedPage[] = [];

/** A new page at `path`; the previous one is closed (each holds a live-status stream). */
async function open(path = '/'): Promise<WatchedPage> {
  await pages.at(-1)?.page.close();
  const watched = await browser.newPage();
  pages.push(watched);
  await watched.page.goto(`${origin}${path}`);
  return watched;
}

beforeAll(async () => {
  data = await copyOfData(DATA_DIR);
  state = await tempDir();
  fillQuestionLog(state.dir, {
    declined: [
      { question: ASKED, guildId: SERVER, times: 3 },
      { question: 'how tall is big ben', guildId: null },
    ],
  });
  kb = await loadKnowledge(data.dir);
  entryQuestion = kb.entryById.get(ENTRY)?.question ?? '';

  studio = spawnScript('src/cli/studio.ts', ['--port', '0', '--data', data.dir], { STATE_DIR: state.dir });
  studio.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    studio.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    studio.once('exit', (code) => reject(new Error(`the studio exited (${code}): ${log}`)));
  });
  browser = await launchBrowser(() => origin);
});

afterAll(async () => {
  await browser?.close();
  if (studio && studio.exitCode === null) {
    const exited = new Promise((resolve) => studio.once('exit', resolve));
    studio.kill('SIGTERM');
    await exited;
  }
  await data?.remove();
  await state?.remove();
});

describe('the article by coverage', () => {
  it('shows every paragraph and sentence with how many entries and quotes cite it', async () => {
    const { page } = await open();
    const expected = coverageOf(kb);
    expect(await page.locator('[data-paragraph]').count()).toBe(kb.article.paragraphs.length);
    for (const paragraph of expected) {
      const shown = page.locator(`[data-paragraph="${paragraph.id}"]`);
      expect(await shown.getAttribute('data-citers')).toBe(String(paragraph.citedBy.length));
      const entries = paragraph.citedBy.filter((c) => c.kind === 'qa').length;
      await expect.poll(() => shown.locator('.coverage-count').textContent()).toContain(`${entries} entr`);
      expect(await shown.locator('[data-sentence]').count()).toBe(paragraph.sentences.length);
      expect(await shown.locator('.paragraph-text').textContent()).toContain(paragraph.text.slice(0, 40));
    }
    const api = (await (await fetch(`${origin}/api/coverage`)).json()) as {
      paragraphs: { id: string; cited_by: unknown[] }[];
    };
    expect(api.paragraphs.map((p) => [p.id, p.cited_by.length])).toEqual(
      expected.map((p) => [p.id, p.citedBy.length]),
    );
  });

  it('lists what cites a sentence or a paragraph when it is selected, from the keyboard too', async () => {
    const { page } = await open();
    const list = page.locator('#cited-p5-s1');
    await expect.poll(() => list.isVisible()).toBe(false);
    await page.locator('[data-sentence="p5.s1"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => list.isVisible()).toBe(true);
    expect(await list.textContent()).toContain(ENTRY);
    await page.locator('[data-paragraph="p5"] .paragraph-link').click();
    await expect.poll(() => page.locator('#cited-p5').isVisible()).toBe(true);
  });
});

describe('the test box', () => {
  it('shows the answer as readers see it, the rule that decided it, the analysis and the runners-up', async () => {
    const question = 'what did the kremlin say about european peacekeepers';
    const answer = answerQuestion(kb, question);
    const { page } = await open();
    await page.getByLabel('Question').fill(question);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('#decided-by').waitFor();
    expect(await page.locator('.reader').textContent()).toContain(answer.text.slice(0, 60));
    expect(await page.locator('#decided-by').textContent()).toContain(`decided by ${answer.decidedBy}`);
    expect(await page.locator('#analysis').textContent()).toMatch(/“kremlin” is russia/);
    const runnersUp = await page.locator('#runners-up').textContent();
    for (const r of answer.runnersUp) expect(runnersUp).toContain(r.id);
    expect(answer.runnersUp.length).toBeGreaterThan(0);
    for (const r of answer.runnersUp) expect(runnersUp).toContain(r.score.toFixed(3));
    // The engine's trace: the rules that fired, every candidate scored.
    const analysis = analysisOf(kb, question);
    expect(await page.locator('#analysis').textContent()).toContain(analysis.fired.join(' → '));
    expect(await page.locator('#analysis table tbody tr').count()).toBe(
      Math.min(12, analysis.candidates.length),
    );
  });

  it('GET /api/ask gives what ask --json gives, decided_by and runners_up included', async () => {
    const question = 'who did trump call a dictator?';
    const api = (await (await fetch(`${origin}/api/ask?q=${encodeURIComponent(question)}`)).json()) as Record<
      string,
      unknown
    >;
    const cli = await runScript('src/cli/ask.ts', ['--json', '--data', data.dir, question]);
    const line = JSON.parse(cli.stdout) as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(Object.keys(line));
    expect({ ...api, took_us: 0 }).toEqual({ ...line, took_us: 0 });
    expect(api.decided_by).toBe(answerQuestion(kb, question).decidedBy);
    expect(Array.isArray(api.runners_up)).toBe(true);
  });
});

describe('teaching', () => {
  it('adds a declined question as an alternate: the YAML keeps its comments and the bot answers it', async () => {
    const before = await readFile(join(data.dir, 'qa.yaml'), 'utf8');
    const { page } = await open();
    await page.getByLabel('Question').fill(DECLINED);
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('#decided-by').waitFor();
    const declined = answerQuestion(kb, DECLINED);
    expect(declined.answered).toBe(false);
    expect(await page.locator('#decided-by').textContent()).toContain(`decided by ${declined.decidedBy}`);
    await page.getByLabel('Answer with').selectOption({ label: entryQuestion });
    await page.getByRole('button', { name: 'Add as alternate' }).click();
    await page.locator('#teach-result').waitFor();
    expect(await page.locator('#teach-result').textContent()).toContain(
      `The bot now answers it with ${ENTRY}`,
    );
    // What the bot loads from the folder (at start or /reload) answers the new phrasing too.
    const now = answerQuestion(await loadKnowledge(data.dir), DECLINED);
    expect(now.id).toBe(ENTRY);
    expect(await page.locator('#decided-by').textContent()).toContain(
      `decided by ${now.decidedBy} · ${ENTRY}`,
    );

    const after = await readFile(join(data.dir, 'qa.yaml'), 'utf8');
    expect(after.replace(`      - ${DECLINED}\n`, '')).toBe(before);
    const comments = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('#'));
    expect(comments(after)).toEqual(comments(before));
    expect(comments(after).length).toBeGreaterThan(10);

    const api = (await (await fetch(`${origin}/api/ask?q=${encodeURIComponent(DECLINED)}`)).json()) as Record<
      string,
      unknown
    >;
    expect(api).toMatchObject({ answered: true, id: ENTRY, decided_by: now.decidedBy });
    expect(log).toMatch(
      new RegExp(`"entryId":"${ENTRY}".*"by":"studio 127\\.0\\.0\\.1".*"msg":"teaching: alternate added"`),
    );
  });

  it('lists what readers asked per server, most frequent first, and teaches one as a known gap by keyboard alone', async () => {
    const { page } = await open('/#asked');
    const server = page.locator('.server', { hasText: `Server ${SERVER}` });
    const listed = await server.locator('ol.asked > li').first().textContent();
    expect(listed).toContain('3×');
    expect(listed).toContain(normaliseQuestion(ASKED));
    expect(await page.locator('.server', { hasText: 'Direct messages' }).textContent()).toContain(
      'how tall is big ben',
    );
    await server
      .getByRole('link', { name: /Try and teach/ })
      .first()
      .focus();
    await page.keyboard.press('Enter');
    await page.locator('#decided-by').waitFor();
    expect(await page.getByLabel('Question').inputValue()).toBe(normaliseQuestion(ASKED));
    // Tab from the question to the button, as a keyboard user would.
    await page.getByLabel('Question').focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate('document.activeElement?.textContent')) === 'Add as known gap';
    }
    expect(reached).toBe(true);
    const before = await readFile(join(data.dir, 'gaps.yaml'), 'utf8');
    await page.keyboard.press('Enter');
    await page.locator('#teach-result').waitFor();
    expect(await page.locator('#teach-result').textContent()).toContain('declines it with the gap');
    const after = await readFile(join(data.dir, 'gaps.yaml'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toContain("question: What colour is the prime minister's car");
    const api = (await (await fetch(`${origin}/api/ask?q=${encodeURIComponent(ASKED)}`)).json()) as Record<
      string,
      unknown
    >;
    expect(api).toMatchObject({ answered: false, reason: 'known-gap' });
    expect(api.decided_by).toBe(answerQuestion(await loadKnowledge(data.dir), ASKED).decidedBy);
  });
});

describe('the entries browser', () => {
  it('finds entries by any of their words, as you type and without script', async () => {
    const words = (e: KnowledgeBase['entries'][number]) => [
      e.id,
      e.question,
      ...e.alternates,
      ...e.keywords,
      e.answer,
      e.topic,
    ];
    const matching = kb.entries.filter((e) => words(e).join(' ').toLowerCase().includes('minerals'));
    const { page } = await open('/#entries');
    expect(await page.locator('.entry:visible').count()).toBe(kb.entries.length);
    await page.getByLabel('Search entries').fill('minerals');
    await expect.poll(() => page.locator('.entry:visible').count()).toBe(matching.length);
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(kb.entries.length);
    // The same search served by the page itself (the form works without JavaScript).
    const served = await (await fetch(`${origin}/?search=minerals`)).text();
    expect(served.match(/<article class="entry"[^>]*data-search="[^"]*"(?! hidden)>/g)?.length).toBe(
      matching.length,
    );
  });
});

describe('validation problems, live', () => {
  it('appear on the open page when a file breaks, block teaching, and go when it is fixed', async () => {
    const { page } = await open('/?q=how+big+is+the+british+navy');
    const quotes = join(data.dir, 'quotes.yaml');
    const good = await readFile(quotes, 'utf8');
    await writeFile(quotes, good.replace('speaker: lavrov', 'speaker: nobody'));
    await expect
      .poll(() => page.locator('#problem-list').textContent(), { timeout: 10_000 })
      .toContain('unknown speaker "nobody"');
    expect(await page.locator('#status').textContent()).toMatch(/has 1 problem/);

    const qa = await readFile(join(data.dir, 'qa.yaml'), 'utf8');
    await page.getByLabel('Answer with').selectOption({ label: entryQuestion });
    await page.getByRole('button', { name: 'Add as alternate' }).click();
    await page.locator('#teach-result').waitFor();
    expect(await page.locator('#teach-result').textContent()).toMatch(
      /Nothing was written[\s\S]*unknown speaker "nobody"/,
    );
    expect(await readFile(join(data.dir, 'qa.yaml'), 'utf8')).toBe(qa);

    await writeFile(quotes, good);
    await expect
      .poll(() => page.locator('#problem-list').textContent(), { timeout: 10_000 })
      .toContain('None');
  });
});

describe('the page itself', () => {
  it('fits a phone’s width and a laptop’s', async () => {
    const { page } = await open('/?q=who+is+lavrov');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });

  it('loaded nothing from outside and threw no script errors on any page', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.flatMap((p) => p.outside)).toEqual([]);
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
  });
});
