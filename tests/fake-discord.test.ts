import { once } from 'node:events';
import zlib from 'node:zlib';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  type ClientEvents,
  type ClientOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  ModalBuilder,
  Partials,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  blockExternalNetwork,
  type FakeDiscord,
  type FakeDiscordOptions,
  startFakeDiscord,
} from './support/fake-discord.ts';
import { shardForGuild } from './support/snowflake.ts';

const ALL_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

const cleanups: (() => Promise<unknown>)[] = [];

let restoreNetwork: () => void = () => {};
beforeAll(() => {
  restoreNetwork = blockExternalNetwork();
});
afterAll(() => restoreNetwork());

afterEach(async () => {
  // LIFO: clients are destroyed before the server they talk to is closed (a client whose server
  // disappears keeps trying to reconnect).
  const failures: unknown[] = [];
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
    await cleanup().catch((error: unknown) => failures.push(error));
  }
  if (failures.length > 0) throw failures[0];
});

async function fakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  cleanups.push(() => fake.close());
  return fake;
}

/** Logs a real discord.js client into the fake and waits for ClientReady. */
async function connect(
  fake: FakeDiscord,
  setup: (client: Client) => void = () => {},
  options: Partial<ClientOptions> = {},
): Promise<Client<true>> {
  const client = new Client({
    intents: ALL_INTENTS,
    partials: [Partials.Channel],
    rest: fake.restOptions,
    ...options,
  });
  cleanups.push(() => client.destroy());
  setup(client);
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return client as Client<true>;
}

/** Resolves with the next event of that kind (optionally filtered) emitted by the client. */
function next<K extends keyof ClientEvents>(
  client: Client,
  event: K,
  filter: (...args: ClientEvents[K]) => boolean = () => true,
): Promise<ClientEvents[K]> {
  return new Promise((resolve) => {
    const listener = (...args: ClientEvents[K]) => {
      if (!filter(...args)) return;
      client.off(event, listener);
      resolve(args);
    };
    client.on(event, listener);
  });
}

/** The tiny bot used by most tests: answers every human message with a reply that pings nobody. */
function pongBot(client: Client): void {
  client.on(Events.MessageCreate, async (message) => {
    if (message.author.bot) return;
    await message.reply({
      content: `pong: ${message.content}`,
      allowedMentions: { parse: [], repliedUser: false },
    });
  });
}

function rawGateway(
  fake: FakeDiscord,
  query = '?v=10&encoding=json',
): Promise<{ ws: WebSocket; frames: unknown[] }> {
  const ws = new WebSocket(`${fake.gatewayUrl}${query}`);
  const frames: unknown[] = [];
  ws.on('message', (data, isBinary) => {
    if (!isBinary) frames.push(JSON.parse(data.toString()));
  });
  cleanups.push(async () => ws.terminate());
  return once(ws, 'open').then(() => ({ ws, frames }));
}

async function until<T>(fake: FakeDiscord, check: () => T | undefined | false): Promise<T> {
  return fake.waitUntil(check, { timeoutMs: 5_000 });
}

describe('fake Discord server', () => {
  it('logs a real discord.js Client in: gateway info, READY and GUILD_CREATE with channels', async () => {
    const fake = await fakeDiscord();
    const client = await connect(fake);

    expect(client.user.id).toBe(fake.botUser.id);
    expect(client.application.id).toBe(fake.applicationId);
    expect(client.guilds.cache.get(fake.guildId)?.available).toBe(true);
    expect(client.channels.cache.get(fake.channelId)?.type).toBe(ChannelType.GuildText);
    expect(client.channels.cache.has(fake.otherChannelId)).toBe(true);
    // The bot's own member (with its managed role) is cached from GUILD_CREATE.
    expect(client.guilds.cache.get(fake.guildId)?.members.me?.roles.cache.has(fake.roles.bot)).toBe(true);

    const gatewayBot = fake.requests.find((r) => r.endpoint === 'GET /gateway/bot');
    expect(gatewayBot?.authenticated).toBe(true);
    expect(gatewayBot?.headers.authorization).toBeUndefined();
    expect(fake.sessions).toHaveLength(1);
    expect(fake.sessions[0]?.intents).toBe(client.options.intents.bitfield);
    expect(fake.sessions[0]?.shard).toEqual([0, 1]);
    expect(fake.sessions[0]?.events.map((e) => e.t)).toEqual(['READY', 'GUILD_CREATE']);
    for (const id of [fake.applicationId, fake.guildId, fake.channelId, fake.users.member.id]) {
      expect(id).toMatch(/^\d{17,19}$/);
    }
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(fake.gatewayUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/gateway$/);
  });

  it('answers 401 to a wrong token, so login() fails', async () => {
    const fake = await fakeDiscord({ token: 'right-token' });
    const client = new Client({ intents: ALL_INTENTS, rest: fake.restOptions });
    cleanups.push(() => client.destroy());

    await expect(client.login('wrong-token')).rejects.toThrow(/token/i);
    expect(fake.requests.map((r) => [r.endpoint, r.status])).toEqual([['GET /gateway/bot', 401]]);
  });

  it('delivers a guild message and records the reply with its allowed_mentions', async () => {
    const fake = await fakeDiscord();
    await connect(fake, pongBot);

    const sent = await fake.sendMessage({ content: `hello <@${fake.users.moderator.id}>` });
    const reply = await fake.waitForChannelMessage(fake.channelId);

    expect(reply.body.content).toBe(`pong: hello <@${fake.users.moderator.id}>`);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(reply.body.message_reference).toMatchObject({ message_id: sent.id });
    expect(reply.message?.mentions).toEqual([]);
    expect(reply.message?.referenced_message?.id).toBe(sent.id);
    // Like Discord, the gateway echoes the bot's own reply back to it (pongBot ignores bots).
    await fake.waitUntil(() =>
      fake.sessions[0]?.events.some(
        (e) => e.t === 'MESSAGE_CREATE' && (e.d as { id: string }).id === reply.message?.id,
      ),
    );
    expect(fake.requests.filter((r) => r.endpoint === 'POST /channels/:channelId/messages')).toHaveLength(1);
    expect(fake.unmatchedRequests).toEqual([]);
  });

  it('computes mentions from allowed_mentions (a reply without allowed_mentions pings)', async () => {
    const fake = await fakeDiscord();
    await connect(fake, (client) => {
      client.on(Events.MessageCreate, async (message) => {
        if (message.author.bot) return;
        await message.reply(`hi <@${fake.users.moderator.id}> @everyone`);
      });
    });

    await fake.sendMessage({ content: 'ping me' });
    const reply = await fake.waitForChannelMessage(fake.channelId);

    expect(reply.message?.mentions.map((u) => u.id).sort()).toEqual(
      [fake.users.member.id, fake.users.moderator.id].sort(),
    );
    expect(reply.message?.mention_everyone).toBe(true);
  });

  it('delivers a DM (channel_type 1, no guild) and records the reply in the DM channel', async () => {
    const fake = await fakeDiscord();
    let received: Message | undefined;
    await connect(fake, (client) => {
      client.on(Events.MessageCreate, (message) => {
        if (!message.author.bot) received = message;
      });
      pongBot(client);
    });

    const sent = await fake.sendMessage({ content: 'private question', dm: true });
    const reply = await fake.waitForChannelMessage(sent.channel_id);

    expect(received?.channel.type).toBe(ChannelType.DM);
    expect(received?.guildId).toBeNull();
    expect(received?.content).toBe('private question');
    expect(sent.channel_id).toBe(fake.dmChannelId(fake.users.member));
    expect(reply.body.content).toBe('pong: private question');
    const dispatched = fake.sessions[0]?.events.find((e) => e.t === 'MESSAGE_CREATE')?.d as Record<
      string,
      unknown
    >;
    expect(dispatched.channel_type).toBe(1);
    expect(dispatched).not.toHaveProperty('guild_id');
  });

  it('without the MessageContent intent, guild messages arrive empty unless they mention the bot', async () => {
    const fake = await fakeDiscord();
    const client = await connect(fake, () => {}, {
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    });
    expect((fake.sessions[0]?.intents ?? -1) & GatewayIntentBits.MessageContent).toBe(0);

    const plain = next(client, Events.MessageCreate);
    await fake.sendMessage({ content: 'no mention here' });
    expect((await plain)[0].content).toBe('');

    const mentioned = next(client, Events.MessageCreate);
    await fake.sendMessage({ content: `<@${fake.botUser.id}> who wrote this?` });
    const [withMention] = await mentioned;
    expect(withMention.content).toBe(`<@${fake.botUser.id}> who wrote this?`);
    expect(withMention.mentions.users.has(fake.botUser.id)).toBe(true);

    const dm = next(client, Events.MessageCreate);
    await fake.sendMessage({ content: 'DMs keep their content', dm: true });
    expect((await dm)[0].content).toBe('DMs keep their content');
  });

  it('registers commands and answers a slash command through the interaction callback', async () => {
    const fake = await fakeDiscord();
    const client = await connect(fake, (c) => {
      c.on(Events.InteractionCreate, async (interaction: Interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const question = interaction.options.getString('question', true);
        await interaction.reply({
          content: `Q: ${question} (from ${interaction.user.id}, mod: ${interaction.memberPermissions?.has('ManageGuild')})`,
          flags: MessageFlags.Ephemeral,
        });
      });
    });
    await client.application.commands.set([
      {
        name: 'ask',
        description: 'Ask about the story',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'question',
            description: 'Question',
            required: true,
          },
        ],
      },
    ]);
    expect(fake.registeredCommands.global.map((c) => c.name)).toEqual(['ask']);

    const handle = await fake.slashCommand({
      name: 'ask',
      options: { question: 'Who?' },
      user: fake.users.moderator,
    });
    const response = await handle.response();

    expect(response.type).toBe(4);
    expect(response.data).toMatchObject({
      content: `Q: Who? (from ${fake.users.moderator.id}, mod: true)`,
      flags: MessageFlags.Ephemeral,
    });
    expect((await handle.waitForReply()).content).toBe(response.data.content);
    expect(handle.payload.data).toMatchObject({ id: fake.registeredCommands.global[0]?.id, name: 'ask' });
    expect(response.request.authenticated).toBe(false);
  });

  it('supports deferReply + editReply on @original (URL-encoded as %40original)', async () => {
    const fake = await fakeDiscord();
    await connect(fake, (client) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.deferReply();
        await interaction.editReply({ content: 'done thinking' });
        await interaction.followUp({ content: 'one more thing', flags: MessageFlags.Ephemeral });
      });
    });

    const handle = await fake.slashCommand({ name: 'slow' });

    expect((await handle.response()).type).toBe(5);
    expect((await handle.waitForReply()).content).toBe('done thinking');
    expect((await handle.waitForFollowUp()).content).toBe('one more thing');
    const [edit] = handle.edits();
    expect(edit?.path).toContain('/messages/%40original');
    expect(edit?.route).toMatch(/\/messages\/@original$/);
  });

  it('answers autocomplete with callback type 8 and choices', async () => {
    const fake = await fakeDiscord();
    await connect(fake, (client) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isAutocomplete()) return;
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed} (suggestion)`, value: typed }]);
      });
    });

    const handle = await fake.autocomplete({
      name: 'ask',
      options: { question: 'who sa' },
      focused: 'question',
    });
    const response = await handle.response();

    expect(response.type).toBe(8);
    expect(response.data.choices).toEqual([{ name: 'who sa (suggestion)', value: 'who sa' }]);
  });

  it('clicks a button on a bot message and records the update', async () => {
    const fake = await fakeDiscord();
    await connect(fake, (client) => {
      client.on(Events.MessageCreate, async (message) => {
        if (message.author.bot) return;
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
        );
        await message.channel.send({ content: 'Answer', components: [row] });
      });
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isButton()) return;
        await interaction.update({ content: `Expanded for ${interaction.user.username}`, components: [] });
      });
    });

    await fake.sendMessage({ content: 'question' });
    const posted = await fake.waitForChannelMessage(fake.channelId);
    if (!posted.message) throw new Error('no message');
    const handle = await fake.clickButton({ customId: 'more', message: posted.message });

    expect((await handle.response()).type).toBe(7);
    const updated = await handle.waitForReply();
    expect(updated.id).toBe(posted.message.id);
    expect(updated.content).toBe('Expanded for member');
    expect(fake.getMessage(posted.message.id)?.components).toEqual([]);
    await expect(fake.clickButton({ customId: 'missing', message: posted.message })).rejects.toThrow(
      /no button/,
    );
  });

  it('selects a string-select option and submits a modal', async () => {
    const fake = await fakeDiscord();
    await connect(fake, (client) => {
      client.on(Events.MessageCreate, async (message) => {
        if (message.author.bot) return;
        const menu = new StringSelectMenuBuilder()
          .setCustomId('topic')
          .addOptions({ label: 'Timeline', value: 'timeline' }, { label: 'People', value: 'people' });
        await message.channel.send({
          content: 'Pick',
          components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)],
        });
      });
      client.on(Events.InteractionCreate, async (interaction) => {
        if (interaction.isStringSelectMenu()) {
          const modal = new ModalBuilder()
            .setCustomId(`feedback:${interaction.values[0]}`)
            .setTitle('Feedback')
            .addComponents(
              new ActionRowBuilder<TextInputBuilder>().addComponents(
                new TextInputBuilder().setCustomId('text').setLabel('Text').setStyle(TextInputStyle.Short),
              ),
            );
          await interaction.showModal(modal);
        } else if (interaction.isModalSubmit()) {
          await interaction.reply({
            content: `${interaction.customId}=${interaction.fields.getTextInputValue('text')}`,
          });
        }
      });
    });

    await fake.sendMessage({ content: 'topics?' });
    const posted = await fake.waitForChannelMessage(fake.channelId);
    if (!posted.message) throw new Error('no message');
    const select = await fake.selectMenu({ customId: 'topic', values: ['people'], message: posted.message });
    const modal = await select.response();
    expect(modal.type).toBe(9);

    const submitted = await select.submitModal({ text: 'great coverage' });
    expect((await submitted.waitForReply()).content).toBe('feedback:people=great coverage');
  });

  it.each([
    ['close code 4000', (fake: FakeDiscord) => fake.dropConnection(4000), true],
    ['a cut TCP connection (1006)', (fake: FakeDiscord) => fake.dropConnection(1006), true],
    ['op 7 RECONNECT', (fake: FakeDiscord) => fake.requestReconnect(), false],
  ])('resumes after %s and replays the events sent meanwhile', async (_, disconnect, detachedAtOnce) => {
    const fake = await fakeDiscord();
    const client = await connect(fake, pongBot);
    const resumed = next(client, Events.ShardResume);

    expect(disconnect(fake)).toBe(1);
    if (detachedAtOnce) expect(fake.sessions[0]?.connected).toBe(false);
    const sent = await fake.sendMessage({ content: 'sent while reconnecting' });
    if (detachedAtOnce)
      expect(fake.sessions[0]?.events.at(-1)).toMatchObject({ t: 'MESSAGE_CREATE', d: { id: sent.id } });
    await fake.waitForResume();
    const reply = await fake.waitForChannelMessage(fake.channelId);

    expect(reply.body.message_reference).toMatchObject({ message_id: sent.id });
    await resumed;
    expect(fake.sessions).toHaveLength(1); // resumed, not re-identified
    expect(fake.sessions[0]?.resumeCount).toBe(1);
    expect(fake.requests.filter((r) => r.endpoint === 'GET /gateway/bot')).toHaveLength(1);
  });

  it('refuses connections to anything but loopback while the network guard is on', async () => {
    // 192.0.2.1 is TEST-NET-1 (never routed), so even a broken guard could not reach a real host.
    await expect(
      fetch('http://192.0.2.1/api/v10/gateway', { signal: AbortSignal.timeout(1_000) }),
    ).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/fake-discord: blocked a connection to 192\.0\.2\.1/) },
    });
  });

  it('routes guilds to their shard: two clients with shardCount 2 each get only their guilds', async () => {
    const fake = await fakeDiscord({ shards: 2, guilds: 2 });
    const [guild0, guild1] = fake.guilds;
    if (!guild0 || !guild1) throw new Error('expected two guilds');
    expect([shardForGuild(guild0.id, 2), shardForGuild(guild1.id, 2)]).toEqual([0, 1]);

    const labelled = (label: string) => (client: Client) => {
      client.on(Events.MessageCreate, async (message) => {
        if (!message.author.bot) await message.reply({ content: label, allowedMentions: { parse: [] } });
      });
    };
    const client0 = await connect(fake, labelled('shard 0'), { shards: [0], shardCount: 2 });
    const client1 = await connect(fake, labelled('shard 1'), { shards: [1], shardCount: 2 });

    expect([...client0.guilds.cache.keys()]).toEqual([guild0.id]);
    expect([...client1.guilds.cache.keys()]).toEqual([guild1.id]);
    expect(fake.sessions.map((s) => s.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);

    await fake.sendMessage({ content: 'to guild 1', channelId: guild1.channels.general });
    await fake.sendMessage({ content: 'to guild 0', channelId: guild0.channels.general });
    expect((await fake.waitForChannelMessage(guild1.channels.general)).body.content).toBe('shard 1');
    expect((await fake.waitForChannelMessage(guild0.channels.general)).body.content).toBe('shard 0');
    const guildsSeen = (shard: number) =>
      fake.sessions[shard]?.events
        .filter((e) => e.t === 'MESSAGE_CREATE')
        .map((e) => (e.d as { guild_id: string }).guild_id);
    expect(new Set(guildsSeen(0))).toEqual(new Set([guild0.id]));
    expect(new Set(guildsSeen(1))).toEqual(new Set([guild1.id]));
  });

  it('accepts multipart uploads and serves test attachments', async () => {
    const fake = await fakeDiscord();
    await connect(fake, (client) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const file = interaction.options.getAttachment('file', true);
        const text = await (await fetch(file.url)).text();
        await interaction.reply({
          content: `read ${file.name}`,
          files: [{ attachment: Buffer.from(text.toUpperCase()), name: 'upper.txt' }],
        });
      });
    });
    const attachment = fake.addAttachment('question.txt', 'who said it?');

    const handle = await fake.slashCommand({
      name: 'upload',
      options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
    });
    const response = await handle.response();

    expect(response.request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(response.data.content).toBe('read question.txt');
    expect(response.files.map((f) => [f.name, f.content.toString()])).toEqual([
      ['upper.txt', 'WHO SAID IT?'],
    ]);
    const reply = await handle.waitForReply();
    expect(reply.attachments[0]?.filename).toBe('upper.txt');
    expect(fake.requests.some((r) => r.endpoint === 'GET /attachments/...' && r.status === 200)).toBe(true);
  });

  it('injects failures: a 429 is retried transparently, repeated 500s reach the bot', async () => {
    const fake = await fakeDiscord();
    const errors: unknown[] = [];
    await connect(fake, (client) => {
      client.on(Events.MessageCreate, async (message) => {
        if (message.author.bot) return;
        await message.channel.send(`re: ${message.content}`).catch((error: unknown) => errors.push(error));
      });
    });

    fake.failNext({ method: 'POST', route: '/channels/:id/messages' }, { status: 429, retryAfter: 0.01 });
    await fake.sendMessage({ content: 'first' });
    await fake.waitForChannelMessage(fake.channelId);
    const posts = () => fake.requests.filter((r) => r.endpoint === 'POST /channels/:channelId/messages');
    expect(posts().map((r) => [r.status, r.injected])).toEqual([
      [429, true],
      [200, false],
    ]);

    fake.failNext({ method: 'POST', route: /\/messages$/ }, { status: 500, times: 4 });
    await fake.sendMessage({ content: 'second' });
    await until(fake, () => errors.length > 0);
    expect(errors[0]).toMatchObject({ status: 500 });
    expect(
      posts()
        .slice(2)
        .map((r) => r.status),
    ).toEqual([500, 500, 500, 500]);
  });

  it('emulates Discord errors: unknown routes, empty or too long messages, double acknowledgements', async () => {
    const fake = await fakeDiscord();
    const outcomes: unknown[] = [];
    const client = await connect(fake, (c) => {
      c.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.reply('first');
        // A second acknowledgement, bypassing discord.js's own "already replied" guard.
        await c.rest
          .post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
            body: { type: 4, data: { content: 'second' } },
            auth: false,
          })
          .catch((error: unknown) => outcomes.push(error));
      });
    });

    await expect(client.rest.get('/no/such/route')).rejects.toMatchObject({ status: 404 });
    expect(fake.unmatchedRequests.map((r) => r.route)).toEqual(['/no/such/route']);
    const post = (body: object) => client.rest.post(`/channels/${fake.channelId}/messages`, { body });
    await expect(post({ content: '' })).rejects.toMatchObject({ code: 50006 });
    await expect(post({ content: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 50035 });

    await fake.slashCommand({ name: 'twice' });
    await until(fake, () => outcomes.length === 1);
    expect(outcomes[0]).toBeInstanceOf(DiscordAPIError);
    expect(outcomes[0]).toMatchObject({ code: 40060 });
  });

  it('rejects interaction responses sent after the deadline with 10062 Unknown interaction', async () => {
    const fake = await fakeDiscord({ interactionDeadlineMs: 50 });
    const outcomes: unknown[] = [];
    await connect(fake, (client) => {
      client.on(Events.InteractionCreate, async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
        await interaction.reply('too late').catch((error: unknown) => outcomes.push(error));
      });
    });

    const handle = await fake.slashCommand({ name: 'slow' });
    await until(fake, () => outcomes.length === 1);

    expect(outcomes[0]).toMatchObject({ code: 10062 });
    expect(handle.callbackRequests().map((r) => r.status)).toEqual([404]);
  });

  it('answers heartbeats with HEARTBEAT_ACK so discord.js never sees a zombie connection', async () => {
    const fake = await fakeDiscord({ heartbeatIntervalMs: 100 });
    const client = await connect(fake);

    await until(fake, () => (fake.sessions[0]?.heartbeats ?? 0) >= 3);
    expect(fake.resumeCount).toBe(0);
    expect(fake.sessions).toHaveLength(1);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('speaks the raw protocol: HELLO, INVALID_SESSION for unknown resumes, 4004 for bad tokens', async () => {
    const fake = await fakeDiscord();

    const a = await rawGateway(fake);
    await until(fake, () => a.frames.length >= 1);
    expect(a.frames[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    a.ws.send(JSON.stringify({ op: 1, d: null }));
    a.ws.send(JSON.stringify({ op: 6, d: { token: fake.token, session_id: 'nope', seq: 3 } }));
    await until(fake, () => a.frames.length >= 3);
    expect(a.frames.slice(1)).toEqual([
      { op: 11, d: null },
      { op: 9, d: false },
    ]);

    const b = await rawGateway(fake);
    const closed = once(b.ws, 'close');
    b.ws.send(JSON.stringify({ op: 2, d: { token: 'bad', intents: 0, properties: {} } }));
    const [code] = await closed;
    expect(code).toBe(4004);
  });

  it('compresses with zlib-stream when the client asks for it', async () => {
    const fake = await fakeDiscord();
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    cleanups.push(async () => ws.terminate());
    const inflate = zlib.createInflate();
    const payloads: { op: number; t?: string }[] = [];
    let pending = '';
    inflate.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      try {
        payloads.push(JSON.parse(pending));
        pending = '';
      } catch {
        // incomplete payload: wait for more
      }
    });
    const binary: boolean[] = [];
    ws.on('message', (data, isBinary) => {
      binary.push(isBinary);
      inflate.write(data as Buffer);
    });
    await once(ws, 'open');
    await until(fake, () => payloads.length >= 1);
    ws.send(
      JSON.stringify({ op: 2, d: { token: fake.token, intents: GatewayIntentBits.Guilds, properties: {} } }),
    );
    await until(fake, () => payloads.length >= 3);

    expect(binary.every(Boolean)).toBe(true);
    expect(payloads.map((p) => p.t ?? p.op)).toEqual([10, 'READY', 'GUILD_CREATE']);
  });

  it('close() shuts the HTTP and gateway servers down', async () => {
    const fake = await startFakeDiscord();
    const { ws } = await rawGateway(fake);
    const socketClosed = once(ws, 'close');
    await fake.close();
    await fake.close(); // idempotent

    await socketClosed;
    await expect(fetch(`${fake.apiUrl}/v10/gateway`)).rejects.toThrow();
    await expect(fake.waitForRequest(() => false, 50)).rejects.toThrow(/closed/);
  });
});
