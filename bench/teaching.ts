/**
 * npm run bench:teaching: how long the curator's teach-and-reload loop takes, on a temp copy of
 * data/. In-process (the teaching service: edit the YAML, validate and rebuild the folder, write,
 * swap) and through the studio (POST /teach from its page to the result page, as a browser does).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/log.ts';
import { KnowledgeHolder } from '../src/services/knowledge-holder.ts';
import { createTeaching } from '../src/services/teaching.ts';
import { questionLogReader } from '../src/studio/question-log.ts';
import { startStudio } from '../src/studio/server.ts';

const ROUNDS = 10;
const ENTRY = 'russia-rejects-peacekeepers';

function summary(label: string, times: readonly number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `${label}: median ${median.toFixed(0)} ms, fastest ${(sorted[0] ?? 0).toFixed(0)} ms, slowest ${(sorted.at(-1) ?? 0).toFixed(0)} ms (${sorted.length} runs)`;
}

const dir = await mkdtemp(join(tmpdir(), 'story-bot-bench-teaching-'));
try {
  await cp(join(import.meta.dirname, '../data'), dir, { recursive: true });
  const reloadTimes: number[] = [];
  const holder = await KnowledgeHolder.open(dir, {
    maxUploadBytes: 8 * 1024 * 1024,
    onReload: (outcome) => reloadTimes.push(outcome.tookMs),
  });
  const log = silentLogger();
  const teaching = createTeaching({
    dataDir: dir,
    knowledge: () => holder.current(),
    reload: async (request) => ({ outcome: await holder.reload(request), shards: [] }),
    log,
  });
  // Warm up: the first build after start compiles the engine's code.
  await holder.reload({ requestedBy: 'bench' });
  reloadTimes.length = 0;

  const service: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const result =
      i % 2 === 0
        ? await teaching.addAlternate({
            entryId: ENTRY,
            question: `bench phrasing number ${i} about peacekeepers`,
            by: 'bench',
          })
        : await teaching.addGap({ question: `bench question number ${i} about the weather`, by: 'bench' });
    if (!result.ok) throw new Error(`teaching failed: ${JSON.stringify(result.problems)}`);
    service.push(result.tookMs);
  }

  const studio = await startStudio({
    port: 0,
    host: '127.0.0.1',
    token: undefined,
    dataDir: dir,
    knowledge: () => holder.current(),
    teaching,
    questionLog: questionLogReader(null),
    reloadOnChange: (requestedBy) => holder.reload({ requestedBy }),
    log,
  });
  const origin = `http://127.0.0.1:${studio.port}`;
  const page: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const question = `studio bench phrasing ${i} on european peacekeepers`;
    const html = await (await fetch(`${origin}/?q=${encodeURIComponent(question)}`)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const started = performance.now();
    const posted = await fetch(`${origin}/teach`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ csrf, question, entry: ENTRY, action: 'alternate' }).toString(),
    });
    const shown = await (await fetch(`${origin}${posted.headers.get('location')}`)).text();
    page.push(performance.now() - started);
    if (!shown.includes('The bot now answers it with'))
      throw new Error('the studio did not show the taught answer');
  }
  await studio.close();

  process.stdout.write(
    [
      `Teach-and-reload loop on ${holder.current().counts.entries} entries, ${holder.current().counts.gaps} gaps (temp copy of data/):`,
      summary('  teaching service (edit, validate + build, write, swap)', service),
      summary('  of which the reload (read folder, validate + build, write)', reloadTimes),
      summary('  studio: POST /teach to the result page shown', page),
      '',
    ].join('\n'),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
