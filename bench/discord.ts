/**
 * npm run bench:discord: 500 questions sent in a burst to the real discord.js client (logged into
 * the fake Discord on 127.0.0.1), timed from dispatch to the reply reaching the REST API; with
 * discord.js's default global rate (50 requests/s) and with it raised.
 */
import type { APIMessage } from 'discord-api-types/v10';
import { parseConfig } from '../src/config.ts';
import { startBot } from '../src/discord/bot.ts';
import { silentLogger } from '../src/log.ts';
import {
  blockExternalNetwork,
  type RecordedRequest,
  startFakeDiscord,
} from '../tests/support/fake-discord.ts';

const BURST = 500;
const TOKEN = 'bench-token.not-a-real-one';
const QUESTIONS = [
  'who did trump call a dictator?',
  'minerals?',
  'what did lavrov say about peacekeepers',
  'how much is the UK spending on defence',
  'who voted with the US at the UN?',
  'what did scholz say?',
  'kier starmer backstop??',
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function burst(requestsPerSecond: number): Promise<string> {
  const fake = await startFakeDiscord({ token: TOKEN });
  const bot = await startBot(
    parseConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      COOLDOWN_SECONDS: '0',
      LOG_QUESTIONS: 'false',
      DISCORD_REST_REQUESTS_PER_SECOND: String(requestsPerSecond),
    }),
    { log: silentLogger() },
  );
  try {
    await bot.ready;
    const since = fake.requests.length;
    const sentAt = new Map<string, number>();
    const started = Date.now();
    const sent: APIMessage[] = await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const message = await fake.sendMessage({ content: `!ask ${QUESTIONS[i % QUESTIONS.length]}` });
        sentAt.set(message.id, Date.now());
        return message;
      }),
    );
    const replyTo = (r: RecordedRequest): string | undefined =>
      (r.body.message_reference as { message_id?: string } | undefined)?.message_id;
    const replies = (): RecordedRequest[] =>
      fake.requests.slice(since).filter((r) => r.status === 200 && sentAt.has(replyTo(r) ?? ''));
    await fake.waitUntil(() => replies().length >= BURST, {
      timeoutMs: 120_000,
      description: `${BURST} replies`,
    });
    const total = Date.now() - started;
    const latencies = replies()
      .map((r) => r.at - (sentAt.get(replyTo(r) ?? '') ?? r.at))
      .sort((a, b) => a - b);
    return `${String(requestsPerSecond).padStart(5)} requests/s: ${sent.length} questions, all ${latencies.length} answered in ${(total / 1000).toFixed(2)} s; dispatch -> reply p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`;
  } finally {
    await bot.stop();
    await fake.close();
  }
}

const restore = blockExternalNetwork();
try {
  process.stdout.write(`Burst of ${BURST} questions in one channel:\n`);
  for (const rate of [50, 1000]) process.stdout.write(`${await burst(rate)}\n`);
} finally {
  restore();
}
