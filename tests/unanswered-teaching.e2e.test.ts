/**
 * Teaching from Discord, end to end: the real discord.js client logged into the fake Discord on
 * 127.0.0.1, a temp copy of data/, a real question log. A reader is declined, a moderator runs
 * /unanswered and teaches from its cards, and the reader is then answered. The bot also serves
 * the curator studio (STUDIO_PORT), which sees the same live data.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../src/commands/messages.ts';
import { UserError } from '../src/commands/types.ts';
import { unansweredCommand } from '../src/commands/unanswered.ts';
import { parseConfig } from '../src/config.ts';
import { type RunningBot, startBot } from '../src/discord/bot.ts';
import { silentLogger } from '../src/log.ts';
import { copyOfData, DATA_DIR, tempDir } from './support/data.ts';
import { blockExternalNetwork, type FakeDiscord, startFakeDiscord } from './support/fake-discord.ts';
import { freePort } from './support/ports.ts';
import { contextFor, servicesFor } from './support/services.ts';

const TOKEN = 'test-token.not-a-real-one';
/** Declined by the shipped data; the entry about Russia and European peacekeepers answers it. */
const DECLINED = 'would the russians tolerate french and british boots in ukraine';
const ENTRY = 'russia-rejects-peacekeepers';
const GAP_QUESTION = "what colour is the prime minister's car";

let restoreNetwork: () => void = () => {};
let fake: FakeDiscord;
let bot: RunningBot;
let data: Awaited<ReturnType<typeof copyOfData>>;
let state: Awaited<ReturnType<typeof tempDir>>;
let studioUrl = '';

beforeAll(async () => {
  restoreNetwork = blockExternalNetwork();
  fake = await startFakeDiscord({ token: TOKEN });
  data = await copyOfData(DATA_DIR);
  state = await tempDir();
  const studioPort = await freePort();
  studioUrl = `http://127.0.0.1:${studioPort}`;
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: data.dir,
    STATE_DIR: state.dir,
    COOLDOWN_SECONDS: '0',
    DISCORD_REST_REQUESTS_PER_SECOND: '1000',
    MOD_ROLE_IDS: fake.roles.mod,
    STUDIO_PORT: String(studioPort),
  });
  bot = await startBot(config, { log: silentLogger() });
  await bot.ready;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  restoreNetwork();
  await data?.remove();
  await state?.remove();
});

async function ask(question: string): Promise<APIMessage> {
  const handle = await fake.slashCommand({ name: 'ask', options: { question } });
  return handle.waitForReply();
}

/** /unanswered as a moderator, and the teaching card it sends for `question`. */
async function cardFor(question: string): Promise<APIMessage> {
  const report = await fake.slashCommand({ name: 'unanswered', user: fake.users.moderator });
  await report.waitForReply();
  return report.waitForFollowUp((m) => m.embeds[0]?.title === `“${question}”`);
}

type Row = {
  components: { type: number; custom_id?: string; options?: { value: string }[]; label?: string }[];
};
const componentsOf = (message: APIMessage) =>
  ((message.components ?? []) as unknown as Row[]).flatMap((row) => row.components);

describe('teaching from /unanswered', () => {
  it('answers a declined question once a moderator picks the entry in “answer with…”, privately', async () => {
    expect((await ask(DECLINED)).embeds[0]?.description).toMatch(/^The article doesn't say/);
    const card = await cardFor(DECLINED);
    expect(card.flags ?? 0).toBe(64); // private: only the moderator sees it
    const menu = componentsOf(card).find((c) => c.custom_id?.startsWith('unanswered:alt:'));
    expect(menu?.options?.map((o) => o.value)).toContain(ENTRY);
    expect(menu?.options?.length).toBeLessThanOrEqual(25);
    expect(componentsOf(card).some((c) => c.label === messages.markAsKnownGap)).toBe(true);

    const before = await readFile(join(data.dir, 'qa.yaml'), 'utf8');
    const refused = await fake.selectMenu({
      customId: menu?.custom_id as string,
      message: card,
      values: [ENTRY],
    });
    expect((await refused.waitForReply()).content).toBe(messages.moderatorsOnly);
    expect(await readFile(join(data.dir, 'qa.yaml'), 'utf8')).toBe(before);

    const chosen = await fake.selectMenu({
      customId: menu?.custom_id as string,
      message: card,
      values: [ENTRY],
      user: fake.users.moderator,
    });
    expect((await chosen.waitForReply()).content).toBe(messages.teachWorking);
    const result = await chosen.waitForFollowUp();
    expect(result.flags ?? 0).toBe(64);
    expect(result.embeds[0]?.title).toMatch(/^The whole folder validated/);
    expect(result.embeds[0]?.description).toContain(messages.taughtTaken(ENTRY));

    const after = await readFile(join(data.dir, 'qa.yaml'), 'utf8');
    expect(after.replace(`      - ${DECLINED}\n`, '')).toBe(before);
    const answered = await ask(DECLINED);
    expect(answered.embeds[0]?.description).toContain(bot.holder.current().entryById.get(ENTRY)?.answer);
    // The studio the bot serves answers from the same, new data.
    const api = (await (await fetch(`${studioUrl}/api/ask?q=${encodeURIComponent(DECLINED)}`)).json()) as {
      id: string;
    };
    expect(api.id).toBe(ENTRY);
  });

  it('declines a question with its own reply once a moderator marks it as a known gap', async () => {
    await ask(GAP_QUESTION);
    const card = await cardFor(GAP_QUESTION);
    const button = componentsOf(card).find((c) => c.custom_id?.startsWith('unanswered:gap:'));
    const click = await fake.clickButton({
      customId: button?.custom_id as string,
      message: card,
      user: fake.users.moderator,
    });
    const result = await click.waitForFollowUp();
    expect(result.embeds[0]?.description).toMatch(
      /^Added the known gap gap-what-colour-is-the-prime-minister/,
    );
    expect(await readFile(join(data.dir, 'gaps.yaml'), 'utf8')).toContain(
      "question: What colour is the prime minister's car",
    );
    const reply = await ask(GAP_QUESTION);
    expect(reply.embeds[0]?.description).toMatch(/^The article doesn't say/);
    const api = (await (
      await fetch(`${studioUrl}/api/ask?q=${encodeURIComponent(GAP_QUESTION)}`)
    ).json()) as {
      reason: string;
      id: string;
    };
    expect(api).toMatchObject({ reason: 'known-gap', id: expect.stringMatching(/^gap-what-colour/) });
  });
});

describe('teaching cards', () => {
  it('refuse a card whose question does not match its key', async () => {
    const services = await servicesFor(data.dir);
    const context = { ...contextFor(services, { moderator: true }), origin: 'some other question' };
    const component = unansweredCommand.component;
    if (!component) throw new Error('/unanswered handles its cards');
    await expect(component(context, ['alt', '0123456789abcdef'], [ENTRY])).rejects.toThrow(
      new UserError(messages.teachCardStale),
    );
  });
});
