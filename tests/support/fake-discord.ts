/**
 * A fake Discord (REST + Gateway) for end-to-end tests.
 *
 * The real discord.js `Client` logs into it exactly as it would into Discord:
 *
 *   const restore = blockExternalNetwork();          // optional safety net: only loopback connections
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents, partials: [Partials.Channel], rest: fake.restOptions });
 *   const ready = once(client, Events.ClientReady);  // login() resolves before the client is ready
 *   await client.login(fake.token);
 *   await ready;
 *   const sent = await fake.sendMessage({ content: 'hello' });
 *   const reply = await fake.waitForChannelMessage(fake.channelId);   // reply.body, reply.message
 *   const handle = await fake.slashCommand({ name: 'ask', options: { question: 'who?' } });
 *   const answer = await handle.waitForReply();                        // reply or deferReply+editReply
 *   ...
 *   await client.destroy();   // destroy clients first: a client whose server vanished reconnects forever
 *   await fake.close();
 *
 * Everything binds to 127.0.0.1 on a random free port. Out-of-process bots: give them `fake.apiUrl` as
 * their REST base (and `fake.token`), then `await fake.waitForSession()`. A discord.js ShardingManager must be
 * given an explicit `totalShards`: with the default 'auto' it asks https://discord.com for the shard count
 * (`fetchRecommendedShardCount` ignores `rest.api`).
 *
 * Discord behaviour emulated on purpose (so the bot's tests fail like production would):
 * - Gateway: HELLO, IDENTIFY -> READY (only the shard's guilds) + one GUILD_CREATE per guild (Guilds intent),
 *   heartbeat ACKs, RESUME with replay of every missed dispatch then RESUMED, INVALID_SESSION (d: false) for
 *   unknown/ended sessions, close codes 4001-4014, zlib-stream transport compression when asked for.
 *   A session ends when the client closes with 1000/1001 (as on Discord); other drops keep it resumable.
 * - Sharding: a guild belongs to shard `(id >> 22) % shard_count` of each session's own IDENTIFY; DMs go to
 *   shard 0. Several sessions (one per process/shard) may be connected at once.
 * - Intents: events are only delivered to sessions that asked for them (GuildMessages, DirectMessages, Guilds...);
 *   without MessageContent, guild messages arrive with empty content/embeds/attachments/components unless the bot
 *   wrote them or is mentioned. DMs always carry content. Without GuildPresences, GUILD_CREATE.members only holds
 *   the bot itself.
 * - The bot's own messages are echoed back as MESSAGE_CREATE (bots must ignore themselves).
 * - REST validation: empty messages (50006), content > 2000 chars, embed limits, component limits, duplicate
 *   custom ids, replies to unknown messages, allowed_mentions conflicts, invalid command definitions (50035).
 * - Interactions: a response after `interactionDeadlineMs` (3 s like Discord) gets 10062 Unknown interaction, a
 *   second acknowledgement gets 40060, follow-ups before acknowledging get 10015, the first follow-up after a
 *   deferred reply edits the "thinking..." message, callback types are checked against the interaction type.
 * - Message `mentions` honour `allowed_mentions` (so a test can assert the bot pinged nobody).
 * - Interaction callbacks and webhook routes need no Authorization header (discord.js sends them with
 *   `auth: false`); every other /api/v10 route answers 401 without `Authorization: Bot <token>`.
 */

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import zlib from 'node:zlib';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIChannel,
  APIEmbed,
  APIInteraction,
  APIInteractionDataResolved,
  APIInteractionDataResolvedChannel,
  APIInteractionDataResolvedGuildMember,
  APIMessage,
  APIRole,
  APIUser,
  ChannelFlags,
  GatewayGuildCreateDispatchData,
  GatewayIdentifyData,
  GatewayReadyDispatchData,
  RESTGetAPIGatewayBotResult,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { SnowflakeGenerator, shardForGuild, snowflakeFromTimestamp } from './snowflake.ts';

// ---------------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------------

export interface FakeDiscordOptions {
  /** Bot token the server accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). Default 'fake-token'. */
  token?: string;
  /** Recommended shard count returned by GET /gateway/bot. Default 1. */
  shards?: number;
  /** Number of guilds. Guild i is given an id that puts it on shard `i % shards`. Default 1. */
  guilds?: number;
  /** session_start_limit.max_concurrency. Default 16, so one client running several shards identifies at once. */
  maxConcurrency?: number;
  /** heartbeat_interval sent in HELLO. Default 41250 (Discord's). */
  heartbeatIntervalMs?: number;
  /** Initial interaction responses later than this get 404 Unknown interaction (10062). Default 3000; 0 disables. */
  interactionDeadlineMs?: number;
  /** Privileged intents enabled "in the developer portal". IDENTIFY asking for a disabled one is closed with 4014. */
  privilegedIntents?: { guildMembers?: boolean; guildPresences?: boolean; messageContent?: boolean };
  /** Bot username. Default 'story-bot'. */
  botUsername?: string;
  /** Receives debug lines (gateway traffic summary, REST calls). */
  log?: (line: string) => void;
}

export interface RecordedFile {
  /** Multipart field name, e.g. 'files[0]'. */
  readonly field: string;
  readonly name: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface RecordedRequest {
  /** 1-based position in `requests`. */
  readonly seq: number;
  readonly at: number;
  readonly method: string;
  /** Raw path as received, e.g. '/api/v10/webhooks/1/tok/messages/%40original'. */
  readonly path: string;
  /** Decoded path without the '/api/v10' prefix, e.g. '/webhooks/1/tok/messages/@original'. */
  readonly route: string;
  /** Method + matched template, e.g. 'POST /channels/:channelId/messages'; 'GET /attachments/...'; or 'UNKNOWN'. */
  readonly endpoint: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased request headers, without `authorization`. */
  readonly headers: Readonly<Record<string, string>>;
  /** Whether a valid `Authorization: Bot <token>` header was sent. */
  readonly authenticated: boolean;
  /** Parsed JSON body (or the parsed `payload_json` of a multipart body); undefined without a body. */
  readonly json: unknown;
  /** `json` when it is an object (convenient property access), `{}` otherwise. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly files: readonly RecordedFile[];
  readonly status: number;
  readonly response: unknown;
  /** False for requests no route matched (404/405): tests can assert none happened. */
  readonly matched: boolean;
  /** True when the response came from `failNext`. */
  readonly injected: boolean;
  /** The message created or edited by this request, if any. */
  readonly message?: APIMessage;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only consider requests with `seq` greater than this (e.g. a previous `fake.requests.length`). */
  since?: number;
}

export type OptionValue = string | number | boolean;
/** Either raw interaction options, or `{ optionName: value }` (types come from the registered command, else from JS). */
export type OptionsInput =
  | readonly APIApplicationCommandInteractionDataOption[]
  | Readonly<Record<string, OptionValue>>;

export interface SendMessageInput {
  content: string;
  /** Default `users.member`. */
  author?: APIUser;
  /** Default: the default channel (or the author's DM channel with `dm: true`). */
  channelId?: string;
  /** Send as a DM from `author` to the bot. */
  dm?: boolean;
  /** Put the bot in `mentions` even if the content has no `<@bot>` (like a reply ping). */
  mentionBot?: boolean;
  /** Default: true when the content contains @everyone or @here. */
  mentionEveryone?: boolean;
  /** Extra role mentions (role mentions `<@&id>` in the content are detected too). */
  mentionRoles?: string[];
  /** Makes it a webhook message (no member, author is the webhook). */
  webhookId?: string;
  /** Overrides the author's roles in `member` (guild messages). */
  memberRoles?: string[];
  /** Makes the message a reply to this message. */
  replyTo?: APIMessage | string;
  /** With `replyTo`: whether the replied-to author is pinged (in `mentions`). Default true. */
  replyMention?: boolean;
  embeds?: APIEmbed[];
  /** From `addAttachment`. */
  attachments?: APIAttachment[];
}

interface InteractionInputBase {
  /** Default `users.member`. */
  user?: APIUser;
  /** Default: the default guild's default channel, or the user's DM channel with `dm: true`. */
  channelId?: string;
  dm?: boolean;
  /** Member permission bit string; default: computed from the member's roles. */
  permissions?: string;
  /** Overrides the member's roles. */
  memberRoles?: string[];
  locale?: Locale;
}

export interface SlashCommandInput extends InteractionInputBase {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: OptionsInput;
  /** Extra / overriding resolved data. User, member, role, channel and attachment options are resolved automatically. */
  resolved?: APIInteractionDataResolved;
  /** Attachments to put in `resolved.attachments` (options of type attachment are resolved automatically). */
  attachments?: APIAttachment[];
}

export interface AutocompleteInput extends InteractionInputBase {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: OptionsInput;
  /** Name of the focused option (not needed with raw options carrying `focused: true`). */
  focused?: string;
}

export interface ClickButtonInput extends Omit<InteractionInputBase, 'channelId' | 'dm'> {
  customId: string;
  /** The message carrying the button (the stored, current version is used when known). */
  message: APIMessage | string;
}

export interface SelectMenuInput extends ClickButtonInput {
  values: string[];
}

export interface SubmitModalInput extends InteractionInputBase {
  customId: string;
  /** text input custom_id -> value (select menus in labels: string[]). */
  values: Readonly<Record<string, string | readonly string[]>>;
  /** The modal definition (callback data); without it, one action row per text input is sent. */
  modal?: Readonly<Record<string, unknown>>;
  /** The message whose component opened the modal, if any. */
  message?: APIMessage | string;
}

export interface InteractionCallback {
  /** InteractionResponseType (4 reply, 5 defer, 6 deferUpdate, 7 update, 8 autocomplete, 9 modal...). */
  readonly type: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly files: readonly RecordedFile[];
  readonly request: RecordedRequest;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE payload that was dispatched. */
  readonly payload: APIInteraction;
  /** Resolves with the first accepted callback (POST /interactions/:id/:token/callback). */
  response(timeoutMs?: number): Promise<InteractionCallback>;
  /** All callback requests for this interaction, including rejected ones. */
  callbackRequests(): RecordedRequest[];
  /**
   * Resolves with the visible original response once it exists and is not "thinking...": after reply(), after
   * deferReply() + editReply() (or the first followUp()), or the component message after update()/deferUpdate().
   */
  waitForReply(predicate?: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  /** Current state of the original response message, if any. */
  original(): APIMessage | undefined;
  /** Follow-up messages created so far (not counting a follow-up that filled the deferred reply). */
  followUps(): APIMessage[];
  waitForFollowUp(predicate?: (message: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  /** PATCH requests on this interaction's webhook messages. */
  edits(): RecordedRequest[];
  /** Every request using this interaction's id or token. */
  requests(): RecordedRequest[];
  /** Submits the modal this interaction answered with (callback type 9). */
  submitModal(
    values: Readonly<Record<string, string | readonly string[]>>,
    input?: Omit<InteractionInputBase, 'channelId' | 'dm'>,
  ): Promise<InteractionHandle>;
}

export interface GatewayEvent {
  readonly t: string;
  readonly s: number;
  readonly d: unknown;
}

export interface SessionInfo {
  readonly id: string;
  readonly shard: readonly [number, number];
  readonly intents: number;
  /** The IDENTIFY payload, without the token. */
  readonly identify: Readonly<Omit<GatewayIdentifyData, 'token'>>;
  /** A socket is currently attached. */
  readonly connected: boolean;
  /** Closed by the client with 1000/1001 (or dropped with `resumable: false`): can no longer be resumed. */
  readonly ended: boolean;
  readonly resumeCount: number;
  readonly heartbeats: number;
  readonly seq: number;
  /** Every dispatch sent (or queued) to this session, in order, as that session saw it. */
  readonly events: readonly GatewayEvent[];
  /** Payloads the client sent after IDENTIFY (presence updates, member requests...), token-free. */
  readonly received: readonly { op: number; d: unknown }[];
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  /** Shard index for the configured shard count. */
  readonly shard: number;
  readonly ownerId: string;
  readonly channels: { readonly general: string; readonly other: string };
  readonly roles: { readonly everyone: string; readonly mod: string; readonly bot: string };
}

export interface FailureSpec {
  status: number;
  /** JSON body; defaults to a Discord-style error for the status. */
  body?: unknown;
  /** For 429: seconds, sent as `Retry-After` and `retry_after`. Default 0.05. */
  retryAfter?: number;
  /** For 429: a global rate limit. */
  global?: boolean;
  /** How many matching requests fail. Default 1. NB: discord.js retries 5xx 3 times, so use 4 to surface one. */
  times?: number;
}

export type RequestMatcher =
  | ((request: { method: string; route: string }) => boolean)
  | {
      method?: string;
      /** Decoded route ('/channels/123/messages'), a template ('/channels/:id/messages') or a RegExp. */
      route?: string | RegExp;
    };

export interface FakeDiscord {
  /** 'http://127.0.0.1:PORT/api': pass as `rest.api` (or DISCORD_API_URL). */
  readonly apiUrl: string;
  /** `{ api, cdn }` for `new Client({ rest: fake.restOptions })`. */
  readonly restOptions: { api: string; cdn: string };
  readonly gatewayUrl: string;
  readonly httpUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly shardCount: number;
  /** The default guild (guilds[0]) and its channels. */
  readonly guildId: string;
  readonly channelId: string;
  readonly otherChannelId: string;
  readonly guilds: readonly FakeGuild[];
  /** member: no special permissions; moderator: has the mod role (ManageGuild); owner: owns every guild. */
  readonly users: {
    readonly member: APIUser;
    readonly moderator: APIUser;
    readonly otherBot: APIUser;
    readonly owner: APIUser;
  };
  /** Roles of the default guild. */
  readonly roles: { readonly everyone: string; readonly mod: string; readonly bot: string };

  // driving the bot
  sendMessage(input: SendMessageInput): Promise<APIMessage>;
  slashCommand(input: SlashCommandInput): Promise<InteractionHandle>;
  autocomplete(input: AutocompleteInput): Promise<InteractionHandle>;
  clickButton(input: ClickButtonInput): Promise<InteractionHandle>;
  selectMenu(input: SelectMenuInput): Promise<InteractionHandle>;
  submitModal(input: SubmitModalInput): Promise<InteractionHandle>;
  /** Registers a file served at `attachment.url` (GET /attachments/:id/:name, also GET /attachments/:name). */
  addAttachment(name: string, content: string | Buffer, contentType?: string): APIAttachment;
  /** Adds a user who is a member of every guild (GUILD_MEMBER_ADD goes to sessions with GuildMembers). */
  createUser(input: { username: string; bot?: boolean; roles?: string[] }): APIUser;
  /** Dispatches an arbitrary event to the sessions of the guild's shard (or shard 0), optionally intent-gated. */
  dispatch(
    event: string,
    data: unknown,
    target?: { guildId?: string; shard?: number; intent?: number },
  ): number;

  // observing
  readonly requests: readonly RecordedRequest[];
  /** Requests no route matched. */
  readonly unmatchedRequests: readonly RecordedRequest[];
  waitForRequest(
    predicate: (r: RecordedRequest) => boolean,
    options?: number | WaitOptions,
  ): Promise<RecordedRequest>;
  /** Waits for a successful POST /channels/:channelId/messages (`.message` is the created message). */
  waitForChannelMessage(
    channelId: string,
    predicate?: (r: RecordedRequest) => boolean,
    options?: number | WaitOptions,
  ): Promise<RecordedRequest>;
  /** Waits until `check` returns something other than undefined/false (re-checked on server events and every 10 ms). */
  waitUntil<T>(
    check: () => T | undefined | false,
    options?: number | { timeoutMs?: number; description?: string },
  ): Promise<T>;
  /** Current state of a stored message (bot's or test's), undefined if unknown or deleted. */
  getMessage(messageId: string): APIMessage | undefined;
  /** Non-deleted messages of a channel, oldest first. */
  channelMessages(channelId: string): APIMessage[];
  /** The DM channel id between a user and the bot (created on demand). */
  dmChannelId(user: APIUser): string;
  readonly registeredCommands: {
    readonly global: readonly APIApplicationCommand[];
    readonly guild: ReadonlyMap<string, readonly APIApplicationCommand[]>;
  };

  // failure injection
  failNext(matcher: RequestMatcher, failure: FailureSpec): void;

  // gateway control
  readonly sessions: readonly SessionInfo[];
  /** Waits until `count` sessions (of `shard`, if given) are connected. */
  waitForSession(options?: { shard?: number; count?: number; timeoutMs?: number }): Promise<SessionInfo>;
  /**
   * Drops the sockets of live sessions (4000: server closes with that code; 1006: the TCP connection is cut).
   * Events dispatched meanwhile are queued and replayed on RESUME. `resumable: false` ends the sessions, so the
   * RESUME gets INVALID_SESSION. Returns the number of sockets dropped.
   */
  dropConnection(code?: number, options?: { shard?: number; resumable?: boolean }): number;
  /** Sends op 7 RECONNECT to every live session. */
  requestReconnect(options?: { shard?: number }): number;
  /** Resolves once a session has resumed after the last dropConnection()/requestReconnect() call. */
  waitForResume(timeoutMs?: number): Promise<void>;
  readonly resumeCount: number;

  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------------

const API_PREFIX = '/api/v10';
// Generous: a reload or a worker build on a loaded two-core CI machine can take seconds; a wait only
// lasts this long when something is already wrong.
const DEFAULT_TIMEOUT_MS = 15_000;
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

const P = PermissionFlagsBits;
const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);
const EVERYONE_PERMISSIONS =
  P.CreateInstantInvite |
  P.AddReactions |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.SendMessagesInThreads;
const MOD_PERMISSIONS =
  EVERYONE_PERMISSIONS | P.ManageGuild | P.ManageMessages | P.KickMembers | P.ModerateMembers;
const BOT_ROLE_PERMISSIONS = EVERYONE_PERMISSIONS | P.ManageMessages;
const DM_APP_PERMISSIONS =
  P.AddReactions |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.UseExternalEmojis;

const VALID_INTENTS = Object.values(GatewayIntentBits)
  .filter((value): value is number => typeof value === 'number')
  .reduce((all, bit) => all | bit, 0);

const MESSAGE_CONTENT = GatewayIntentBits.MessageContent;

// ---------------------------------------------------------------------------------------------------------------
// Internal state
// ---------------------------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

interface MemberState {
  roles: string[];
  joinedAt: string;
}

interface GuildState {
  id: string;
  name: string;
  shard: number;
  ownerId: string;
  joinedAt: string;
  roles: APIRole[];
  channelIds: string[];
  members: Map<string, MemberState>;
  commands: APIApplicationCommand[];
  public: FakeGuild;
}

interface ChannelState {
  id: string;
  type: ChannelType.GuildText | ChannelType.DM;
  name: string | null;
  guildId: string | undefined;
  position: number;
  recipientId: string | undefined;
  lastMessageId: string | null;
}

interface StoredMessage {
  message: APIMessage;
  guildId: string | undefined;
  deleted: boolean;
  ephemeral: boolean;
  interactionId: string | undefined;
}

interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  content: Buffer;
}

interface InteractionState {
  id: string;
  token: string;
  type: InteractionType;
  payload: APIInteraction;
  createdAt: number;
  guildId: string | undefined;
  channelId: string;
  user: APIUser;
  acknowledged: boolean;
  originalMessageId: string | undefined;
  /** For component / modal-from-component interactions. */
  sourceMessageId: string | undefined;
  followUpIds: string[];
  modal: Json | undefined;
}

interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

interface Connection {
  ws: WebSocket;
  session: Session | undefined;
  deflate: zlib.Deflate | undefined;
  chain: Promise<void>;
  closedByServer: boolean;
  heartbeats: number;
}

interface Session {
  id: string;
  shardId: number;
  shardCount: number;
  intents: number;
  identify: Omit<GatewayIdentifyData, 'token'>;
  seq: number;
  history: GatewayEvent[];
  received: { op: number; d: unknown }[];
  conn: Connection | undefined;
  ended: boolean;
  resumeCount: number;
  heartbeats: number;
}

interface Waiter {
  check: () => boolean;
  fail: (error: Error) => void;
}

interface RouteContext {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  json: unknown;
  body: Json;
  files: RecordedFile[];
}

interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  message?: APIMessage;
  raw?: { content: Buffer; contentType: string };
}

interface RouteDef {
  method: string;
  template: string;
  segments: string[];
  auth: boolean;
  handler: (ctx: RouteContext) => RouteResult;
}

interface FailureHook {
  matcher: RequestMatcher;
  failure: FailureSpec;
  remaining: number;
}

class FakeDiscordError extends Error {
  readonly result: RouteResult;
  constructor(result: RouteResult) {
    super(`Discord error ${result.status}`);
    this.result = result;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function discordError(status: number, code: number, message: string, errors?: Json): FakeDiscordError {
  return new FakeDiscordError({ status, body: errors ? { code, message, errors } : { code, message } });
}

/** Collects Discord "Invalid Form Body" errors: `errors.embeds.0.title._errors[]`. */
class FormErrors {
  readonly errors: Json = {};
  count = 0;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = this.errors;
    for (const key of path) {
      const k = String(key);
      const next = node[k];
      if (isRecord(next)) {
        node = next;
      } else {
        const created: Json = {};
        node[k] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
    list.push({ code, message });
    node._errors = list;
    this.count += 1;
  }

  throwIfAny(): void {
    if (this.count > 0) throw discordError(400, 50035, 'Invalid Form Body', this.errors);
  }

  /** Throws an "Invalid Form Body" error with a single entry. */
  static fail(path: readonly (string | number)[], code: string, message: string): never {
    const errors = new FormErrors();
    errors.add(path, code, message);
    throw discordError(400, 50035, 'Invalid Form Body', errors.errors);
  }
}

function maxLength(
  errors: FormErrors,
  path: (string | number)[],
  value: unknown,
  max: number,
  min = 0,
): void {
  if (value === undefined || value === null) {
    if (min > 0) errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (typeof value !== 'string') {
    errors.add(path, 'BASE_TYPE_STRING', 'Must be a string.');
    return;
  }
  if ([...value].length > max) errors.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  if (value.length < min) errors.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${min} or more in length.`);
}

function embedLength(embed: Json): number {
  let total = 0;
  const add = (value: unknown) => {
    if (typeof value === 'string') total += [...value].length;
  };
  add(embed.title);
  add(embed.description);
  if (isRecord(embed.footer)) add(embed.footer.text);
  if (isRecord(embed.author)) add(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) {
      if (isRecord(field)) {
        add(field.name);
        add(field.value);
      }
    }
  }
  return total;
}

function validateEmbeds(errors: FormErrors, embeds: unknown, key: string): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.add([key], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (embeds.length > 10) errors.add([key], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isRecord(embed)) {
      errors.add([key, i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
      return;
    }
    maxLength(errors, [key, i, 'title'], embed.title, 256);
    maxLength(errors, [key, i, 'description'], embed.description, 4096);
    if (isRecord(embed.footer)) maxLength(errors, [key, i, 'footer', 'text'], embed.footer.text, 2048);
    if (isRecord(embed.author)) maxLength(errors, [key, i, 'author', 'name'], embed.author.name, 256, 1);
    if (Array.isArray(embed.fields)) {
      if (embed.fields.length > 25)
        errors.add([key, i, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      embed.fields.forEach((field, j) => {
        if (!isRecord(field)) return;
        maxLength(errors, [key, i, 'fields', j, 'name'], field.name, 256, 1);
        maxLength(errors, [key, i, 'fields', j, 'value'], field.value, 1024, 1);
      });
    }
    total += embedLength(embed);
  });
  if (total > 6000) errors.add([key], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

function validateComponents(errors: FormErrors, components: unknown, v2: boolean): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.add(['components'], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (!v2 && components.length > 5)
    errors.add(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  const seen = new Set<string>();
  const visit = (component: unknown, path: (string | number)[]) => {
    if (!isRecord(component)) return;
    const type = component.type;
    if (!v2 && path.length === 2 && type !== ComponentType.ActionRow) {
      errors.add(path, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
    }
    if ('custom_id' in component) {
      maxLength(errors, [...path, 'custom_id'], component.custom_id, 100, 1);
      const id = asString(component.custom_id);
      if (id !== undefined) {
        if (seen.has(id))
          errors.add(
            [...path, 'custom_id'],
            'COMPONENT_CUSTOM_ID_DUPLICATED',
            'Component custom id cannot be duplicated',
          );
        seen.add(id);
      }
    }
    if (type === ComponentType.Button) {
      maxLength(errors, [...path, 'label'], component.label, 80);
      const style = component.style;
      if (style === 5 && typeof component.url !== 'string')
        errors.add([...path, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
      if (style !== 5 && style !== 6 && typeof component.custom_id !== 'string') {
        errors.add([...path, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
      }
    }
    if (type === ComponentType.StringSelect) {
      const options = component.options;
      if (!Array.isArray(options) || options.length < 1 || options.length > 25) {
        errors.add([...path, 'options'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
      } else {
        options.forEach((option, i) => {
          if (!isRecord(option)) return;
          maxLength(errors, [...path, 'options', i, 'label'], option.label, 100, 1);
          maxLength(errors, [...path, 'options', i, 'value'], option.value, 100, 1);
          maxLength(errors, [...path, 'options', i, 'description'], option.description, 100);
        });
      }
    }
    if (!v2 && type === ComponentType.ActionRow) {
      const children = Array.isArray(component.components) ? component.components : [];
      if (children.length < 1 || children.length > 5) {
        errors.add([...path, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
      }
      const selects = children.filter(
        (child) => isRecord(child) && child.type !== ComponentType.Button,
      ).length;
      if (selects > 0 && children.length > 1) {
        errors.add(
          [...path, 'components'],
          'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
          'The specified component exceeds the maximum width',
        );
      }
    }
    if (Array.isArray(component.components)) {
      component.components.forEach((child, i) => {
        visit(child, [...path, 'components', i]);
      });
    }
    if (isRecord(component.accessory)) visit(component.accessory, [...path, 'accessory']);
    if (isRecord(component.component)) visit(component.component, [...path, 'component']);
  };
  components.forEach((component, i) => {
    visit(component, ['components', i]);
  });
}

/** Validates a message create/edit body (REST or interaction callback data). */
function validateMessageBody(
  body: Json,
  files: readonly RecordedFile[],
  options: { requireNonEmpty: boolean },
): void {
  const errors = new FormErrors();
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  const v2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  if (body.content !== undefined && body.content !== null) maxLength(errors, ['content'], body.content, 2000);
  validateEmbeds(errors, body.embeds, 'embeds');
  validateComponents(errors, body.components, v2);
  if (v2) {
    if (typeof body.content === 'string' && body.content !== '') {
      errors.add(
        ['content'],
        'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
        "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
      );
    }
    if (Array.isArray(body.embeds) && body.embeds.length > 0) {
      errors.add(
        ['embeds'],
        'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
        "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
      );
    }
  }
  if (isRecord(body.allowed_mentions)) {
    const am = body.allowed_mentions;
    const parse = Array.isArray(am.parse) ? am.parse : [];
    if (parse.includes('users') && Array.isArray(am.users) && am.users.length > 0) {
      errors.add(
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["users"] and users: [ids...] are mutually exclusive.',
      );
    }
    if (parse.includes('roles') && Array.isArray(am.roles) && am.roles.length > 0) {
      errors.add(
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["roles"] and roles: [ids...] are mutually exclusive.',
      );
    }
  }
  errors.throwIfAny();
  if (options.requireNonEmpty) {
    const hasContent = typeof body.content === 'string' && body.content.length > 0;
    const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
    const hasComponents = Array.isArray(body.components) && body.components.length > 0;
    const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
    const hasPoll = isRecord(body.poll);
    if (!hasContent && !hasEmbeds && !hasComponents && !hasStickers && !hasPoll && files.length === 0) {
      throw discordError(400, 50006, 'Cannot send an empty message');
    }
  }
}

const CHAT_INPUT_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommandOptions(
  errors: FormErrors,
  options: unknown,
  path: (string | number)[],
  depth: number,
): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option, i) => {
    if (!isRecord(option)) return;
    const name = asString(option.name) ?? '';
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      errors.add([...path, i, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    if (names.has(name))
      errors.add(
        [...path, i, 'name'],
        'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        'Option name already exists',
      );
    names.add(name);
    maxLength(errors, [...path, i, 'description'], option.description, 100, 1);
    const type = option.type;
    const isSub =
      type === ApplicationCommandOptionType.Subcommand ||
      type === ApplicationCommandOptionType.SubcommandGroup;
    if (isSub) {
      if (depth >= 2 || (type === ApplicationCommandOptionType.SubcommandGroup && depth >= 1)) {
        errors.add(
          [...path, i, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-command nesting is too deep',
        );
      }
      validateCommandOptions(errors, option.options, [...path, i, 'options'], depth + 1);
      return;
    }
    if (option.required === true && sawOptional) {
      errors.add(
        [...path, i, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true) sawOptional = true;
    if (Array.isArray(option.choices)) {
      if (option.autocomplete === true) {
        errors.add(
          [...path, i, 'autocomplete'],
          'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES',
          'Autocomplete cannot be set with choices',
        );
      }
      if (option.choices.length > 25)
        errors.add([...path, i, 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      option.choices.forEach((choice, j) => {
        if (!isRecord(choice)) return;
        maxLength(errors, [...path, i, 'choices', j, 'name'], choice.name, 100, 1);
        if (typeof choice.value === 'string')
          maxLength(errors, [...path, i, 'choices', j, 'value'], choice.value, 100, 1);
      });
    }
  });
}

function validateCommand(errors: FormErrors, command: unknown, path: (string | number)[]): void {
  if (!isRecord(command)) {
    errors.add(path, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    return;
  }
  const type = typeof command.type === 'number' ? command.type : ApplicationCommandType.ChatInput;
  const name = asString(command.name) ?? '';
  if (type === ApplicationCommandType.ChatInput) {
    if (!CHAT_INPUT_NAME.test(name) || name !== name.toLowerCase()) {
      errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    }
    maxLength(errors, [...path, 'description'], command.description, 100, 1);
    validateCommandOptions(errors, command.options, [...path, 'options'], 0);
  } else {
    maxLength(errors, [...path, 'name'], command.name, 32, 1);
    if (typeof command.description === 'string' && command.description !== '') {
      errors.add(
        [...path, 'description'],
        'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION',
        'Context menu commands cannot have description',
      );
    }
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

function compileTemplate(template: string): string[] {
  return template.split('/').filter((segment) => segment !== '');
}

function matchSegments(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const actual = segments[i] as string;
    if (expected.startsWith(':')) params[expected.slice(1)] = actual;
    else if (expected !== actual) return undefined;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function waitOptions(options: number | WaitOptions | undefined): { timeoutMs: number; since: number } {
  if (typeof options === 'number') return { timeoutMs: options, since: 0 };
  return { timeoutMs: options?.timeoutMs ?? DEFAULT_TIMEOUT_MS, since: options?.since ?? 0 };
}

function findComponent(components: unknown, customId: string): Json | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const component of components) {
    if (!isRecord(component)) continue;
    if (component.custom_id === customId) return component;
    const nested =
      findComponent(component.components, customId) ??
      (isRecord(component.accessory) ? findComponent([component.accessory], customId) : undefined) ??
      (isRecord(component.component) ? findComponent([component.component], customId) : undefined);
    if (nested) return nested;
  }
  return undefined;
}

function describeRequest(r: RecordedRequest): string {
  const body = r.json === undefined ? '' : ` ${JSON.stringify(r.json).slice(0, 300)}`;
  return `#${r.seq} ${r.method} ${r.route} -> ${r.status}${body}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------------------------

class FakeDiscordServer implements FakeDiscord {
  readonly token: string;
  readonly shardCount: number;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly users: FakeDiscord['users'];
  readonly guilds: FakeGuild[] = [];

  apiUrl = '';
  httpUrl = '';
  gatewayUrl = '';
  restOptions = { api: '', cdn: '' };

  readonly #ids = new SnowflakeGenerator();
  readonly #options: FakeDiscordOptions;
  readonly #maxConcurrency: number;
  readonly #heartbeatIntervalMs: number;
  readonly #interactionDeadlineMs: number;
  readonly #privileged: { guildMembers: boolean; guildPresences: boolean; messageContent: boolean };
  readonly #log: ((line: string) => void) | undefined;

  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<Socket>();
  readonly #connections = new Set<Connection>();
  readonly #routes: RouteDef[] = [];
  readonly #requests: RecordedRequest[] = [];
  readonly #waiters = new Set<Waiter>();
  readonly #failures: FailureHook[] = [];

  readonly #userStore = new Map<string, APIUser>();
  readonly #guildStore = new Map<string, GuildState>();
  readonly #channels = new Map<string, ChannelState>();
  readonly #dmChannels = new Map<string, string>();
  readonly #messages = new Map<string, StoredMessage>();
  readonly #attachments = new Map<string, StoredAttachment>();
  readonly #interactions = new Map<string, InteractionState>();
  readonly #globalCommands: APIApplicationCommand[] = [];
  readonly #nonces = new Map<string, string>();

  readonly #sessions: Session[] = [];
  #identifies = 0;
  #resumes = 0;
  #resumesAtLastDrop = 0;
  #closed = false;

  constructor(options: FakeDiscordOptions) {
    this.#options = options;
    this.token = options.token ?? 'fake-token';
    this.shardCount = Math.max(1, Math.floor(options.shards ?? 1));
    this.#maxConcurrency = options.maxConcurrency ?? 16;
    this.#heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.#interactionDeadlineMs = options.interactionDeadlineMs ?? 3_000;
    this.#privileged = {
      guildMembers: options.privilegedIntents?.guildMembers ?? true,
      guildPresences: options.privilegedIntents?.guildPresences ?? true,
      messageContent: options.privilegedIntents?.messageContent ?? true,
    };
    this.#log = options.log;

    // Guild ids are minted from chosen timestamps so that guild i lands on shard i % shards.
    const guildCount = Math.max(1, Math.floor(options.guilds ?? 1));
    const guildTimestamps: number[] = [];
    let ts = Date.now() - 86_400_000;
    for (let i = 0; i < guildCount; i++) {
      while (shardForGuild(snowflakeFromTimestamp(ts), this.shardCount) !== i % this.shardCount) ts += 1;
      guildTimestamps.push(ts);
      ts += 1;
    }

    this.applicationId = this.#ids.next();
    this.botUser = this.#addUser({
      id: this.applicationId,
      username: options.botUsername ?? 'story-bot',
      bot: true,
    });
    this.users = {
      member: this.#addUser({ id: this.#ids.next(), username: 'member' }),
      moderator: this.#addUser({ id: this.#ids.next(), username: 'moderator' }),
      otherBot: this.#addUser({ id: this.#ids.next(), username: 'other-bot', bot: true }),
      owner: this.#addUser({ id: this.#ids.next(), username: 'owner' }),
    };

    guildTimestamps.forEach((timestamp, i) => {
      this.#createGuild(snowflakeFromTimestamp(timestamp), i);
    });

    this.#registerRoutes();
    this.#http = createServer((req, res) => {
      this.#onHttpRequest(req, res).catch((error: unknown) => {
        this.#debug(`HTTP handler crashed: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 0, message: '500: Internal Server Error (fake-discord bug)' }));
      });
    });
    this.#http.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    this.#wss = new WebSocketServer({ noServer: true });
    this.#http.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway' && url.pathname !== '/gateway-resume') {
        socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#onGatewayConnection(ws, url));
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen(0, '127.0.0.1', () => {
        this.#http.off('error', reject);
        resolve();
      });
    });
    const { port } = this.#http.address() as AddressInfo;
    this.httpUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.httpUrl}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.restOptions = { api: this.apiUrl, cdn: `${this.httpUrl}/cdn` };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Public getters
  // -------------------------------------------------------------------------------------------------------------

  get #defaultGuild(): GuildState {
    const first = this.guilds[0];
    if (!first) throw new Error('no guild');
    return this.#guild(first.id);
  }

  get guildId(): string {
    return this.#defaultGuild.id;
  }

  get channelId(): string {
    return this.#defaultGuild.public.channels.general;
  }

  get otherChannelId(): string {
    return this.#defaultGuild.public.channels.other;
  }

  get roles(): FakeGuild['roles'] {
    return this.#defaultGuild.public.roles;
  }

  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  get unmatchedRequests(): readonly RecordedRequest[] {
    return this.#requests.filter((r) => !r.matched);
  }

  get resumeCount(): number {
    return this.#resumes;
  }

  get registeredCommands(): FakeDiscord['registeredCommands'] {
    const guild = new Map<string, readonly APIApplicationCommand[]>();
    for (const state of this.#guildStore.values()) {
      if (state.commands.length > 0) guild.set(state.id, [...state.commands]);
    }
    return { global: [...this.#globalCommands], guild };
  }

  get sessions(): readonly SessionInfo[] {
    return this.#sessions.map((s) => this.#sessionInfo(s));
  }

  #sessionInfo(s: Session): SessionInfo {
    return {
      id: s.id,
      shard: [s.shardId, s.shardCount],
      intents: s.intents,
      identify: s.identify,
      connected: s.conn !== undefined,
      ended: s.ended,
      resumeCount: s.resumeCount,
      heartbeats: s.heartbeats,
      seq: s.seq,
      events: s.history,
      received: s.received,
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // World building
  // -------------------------------------------------------------------------------------------------------------

  #addUser(input: { id: string; username: string; bot?: boolean }): APIUser {
    const user: APIUser = {
      id: input.id,
      username: input.username,
      discriminator: '0',
      global_name: input.bot ? null : input.username,
      avatar: null,
      public_flags: 0 as UserFlags,
      flags: 0 as UserFlags,
      banner: null,
      accent_color: null,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
      ...(input.bot ? { bot: true } : {}),
    };
    this.#userStore.set(user.id, user);
    return user;
  }

  #createGuild(id: string, index: number): void {
    const joinedAt = new Date().toISOString();
    const modRole = this.#ids.next();
    const botRole = this.#ids.next();
    const role = (
      roleId: string,
      name: string,
      position: number,
      permissions: bigint,
      extra: Partial<APIRole> = {},
    ): APIRole => ({
      id: roleId,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: permissions.toString(),
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
      ...extra,
    });
    const general = this.#ids.next();
    const other = this.#ids.next();
    const publicGuild: FakeGuild = {
      id,
      name: index === 0 ? 'Story Guild' : `Story Guild ${index + 1}`,
      shard: shardForGuild(id, this.shardCount),
      ownerId: this.users.owner.id,
      channels: { general, other },
      roles: { everyone: id, mod: modRole, bot: botRole },
    };
    const state: GuildState = {
      id,
      name: publicGuild.name,
      shard: publicGuild.shard,
      ownerId: this.users.owner.id,
      joinedAt,
      roles: [
        role(id, '@everyone', 0, EVERYONE_PERMISSIONS),
        role(modRole, 'Moderator', 1, MOD_PERMISSIONS, { mentionable: true, hoist: true }),
        role(botRole, this.botUser.username, 2, BOT_ROLE_PERMISSIONS, {
          managed: true,
          tags: { bot_id: this.botUser.id },
        }),
      ],
      channelIds: [general, other],
      members: new Map(),
      commands: [],
      public: publicGuild,
    };
    this.#channels.set(general, {
      id: general,
      type: ChannelType.GuildText,
      name: 'general',
      guildId: id,
      position: 0,
      recipientId: undefined,
      lastMessageId: null,
    });
    this.#channels.set(other, {
      id: other,
      type: ChannelType.GuildText,
      name: 'other',
      guildId: id,
      position: 1,
      recipientId: undefined,
      lastMessageId: null,
    });
    state.members.set(this.botUser.id, { roles: [botRole], joinedAt });
    state.members.set(this.users.member.id, { roles: [], joinedAt });
    state.members.set(this.users.moderator.id, { roles: [modRole], joinedAt });
    state.members.set(this.users.otherBot.id, { roles: [], joinedAt });
    state.members.set(this.users.owner.id, { roles: [], joinedAt });
    this.#guildStore.set(id, state);
    this.guilds.push(publicGuild);
  }

  createUser(input: { username: string; bot?: boolean; roles?: string[] }): APIUser {
    const user = this.#addUser({
      id: this.#ids.next(),
      username: input.username,
      ...(input.bot ? { bot: true } : {}),
    });
    const joinedAt = new Date().toISOString();
    for (const guild of this.#guildStore.values()) {
      const roles = (input.roles ?? []).filter((roleId) => guild.roles.some((r) => r.id === roleId));
      guild.members.set(user.id, { roles, joinedAt });
      this.#dispatchToGuild(
        guild.id,
        GatewayDispatchEvents.GuildMemberAdd,
        GatewayIntentBits.GuildMembers,
        () => ({
          ...this.#memberObject(guild, user.id),
          guild_id: guild.id,
        }),
      );
    }
    this.#notify();
    return user;
  }

  #guild(id: string): GuildState {
    const guild = this.#guildStore.get(id);
    if (!guild) throw new Error(`fake-discord: unknown guild ${id}`);
    return guild;
  }

  #user(id: string): APIUser {
    const user = this.#userStore.get(id);
    if (!user) throw new Error(`fake-discord: unknown user ${id}`);
    return user;
  }

  #permissionsFor(guild: GuildState, userId: string, roleOverride?: readonly string[]): bigint {
    if (guild.ownerId === userId) return ALL_PERMISSIONS;
    const roles = roleOverride ?? guild.members.get(userId)?.roles ?? [];
    let permissions = BigInt(guild.roles.find((r) => r.id === guild.id)?.permissions ?? '0');
    for (const roleId of roles) {
      const role = guild.roles.find((r) => r.id === roleId);
      if (role) permissions |= BigInt(role.permissions);
    }
    if ((permissions & P.Administrator) !== 0n) return ALL_PERMISSIONS;
    return permissions;
  }

  #memberObject(guild: GuildState, userId: string, roleOverride?: readonly string[]) {
    const member = guild.members.get(userId);
    return {
      user: this.#user(userId),
      nick: null,
      avatar: null,
      banner: null,
      roles: [...(roleOverride ?? member?.roles ?? [])],
      joined_at: member?.joinedAt ?? guild.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
    };
  }

  #memberWithoutUser(guild: GuildState, userId: string, roleOverride?: readonly string[]) {
    const { user: _user, ...rest } = this.#memberObject(guild, userId, roleOverride);
    return rest;
  }

  #channelObject(channel: ChannelState): APIChannel {
    if (channel.type === ChannelType.DM) {
      const recipient = channel.recipientId ? this.#userStore.get(channel.recipientId) : undefined;
      return {
        id: channel.id,
        type: ChannelType.DM,
        name: null,
        last_message_id: channel.lastMessageId,
        flags: 0 as ChannelFlags,
        recipients: recipient ? [recipient] : [],
      };
    }
    return {
      id: channel.id,
      type: ChannelType.GuildText,
      guild_id: channel.guildId as string,
      name: channel.name ?? 'channel',
      position: channel.position,
      permission_overwrites: [],
      parent_id: null,
      topic: null,
      nsfw: false,
      last_message_id: channel.lastMessageId,
      rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
    };
  }

  #guildObject(guild: GuildState) {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300 as const,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: guild.roles,
      emojis: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: guild.public.channels.general,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      preferred_locale: Locale.EnglishUS,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: GuildNSFWLevel.Default,
      stickers: [],
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  #guildCreatePayload(guild: GuildState, session: Session): GatewayGuildCreateDispatchData {
    // Without GUILD_PRESENCES Discord only includes the bot itself (and voice members) in GUILD_CREATE.members.
    const allMembers = (session.intents & GatewayIntentBits.GuildPresences) !== 0;
    const memberIds = allMembers ? [...guild.members.keys()] : [this.botUser.id];
    return {
      ...this.#guildObject(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: memberIds.map((id) => this.#memberObject(guild, id)),
      channels: guild.channelIds.map((id) => {
        const channel = this.#channels.get(id) as ChannelState;
        return {
          ...this.#channelObject(channel),
          type: ChannelType.GuildText,
        } as GatewayGuildCreateDispatchData['channels'][number];
      }),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  dmChannelId(user: APIUser): string {
    const existing = this.#dmChannels.get(user.id);
    if (existing) return existing;
    if (!this.#userStore.has(user.id)) this.#userStore.set(user.id, user);
    const id = this.#ids.next();
    this.#channels.set(id, {
      id,
      type: ChannelType.DM,
      name: null,
      guildId: undefined,
      position: 0,
      recipientId: user.id,
      lastMessageId: null,
    });
    this.#dmChannels.set(user.id, id);
    return id;
  }

  addAttachment(
    name: string,
    content: string | Buffer,
    contentType = 'text/plain; charset=utf-8',
  ): APIAttachment {
    const id = this.#ids.next();
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.#attachments.set(id, { id, name, contentType, content: data });
    return this.#attachmentObject(id);
  }

  #attachmentObject(id: string, extra: { description?: string; title?: string } = {}): APIAttachment {
    const stored = this.#attachments.get(id);
    if (!stored) throw new Error(`fake-discord: unknown attachment ${id}`);
    const url = `${this.httpUrl}/attachments/${id}/${encodeURIComponent(stored.name)}`;
    return {
      id,
      filename: stored.name,
      size: stored.content.length,
      url,
      proxy_url: url,
      content_type: stored.contentType,
      ...(extra.description !== undefined ? { description: extra.description } : {}),
      ...(extra.title !== undefined ? { title: extra.title } : {}),
    };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Waiting
  // -------------------------------------------------------------------------------------------------------------

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  waitUntil<T>(
    check: () => T | undefined | false,
    options?: number | { timeoutMs?: number; description?: string },
  ): Promise<T> {
    const timeoutMs = typeof options === 'number' ? options : (options?.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const description = typeof options === 'number' ? 'condition' : (options?.description ?? 'condition');
    return this.#waitFor(check, timeoutMs, () => description, 10);
  }

  /**
   * Resolves with the first truthy result of `check`, re-evaluated whenever the server's state changes
   * (and every `pollMs` when given, for conditions on state outside the server).
   */
  #waitFor<T>(
    check: () => T | undefined | false,
    timeoutMs: number,
    describe: () => string,
    pollMs?: number,
  ): Promise<T> {
    try {
      const immediate = check();
      if (immediate !== undefined && immediate !== false) return Promise.resolve(immediate);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.#closed) return Promise.reject(new Error('fake-discord is closed'));
    return new Promise<T>((resolve, reject) => {
      const stop = () => {
        clearTimeout(timer);
        if (poller) clearInterval(poller);
        this.#waiters.delete(waiter);
      };
      const timer = setTimeout(() => {
        stop();
        const recent = this.#requests.slice(-15).map(describeRequest).join('\n  ');
        reject(
          new Error(
            `fake-discord: timed out after ${timeoutMs}ms waiting for ${describe()}.\nRecent requests:\n  ${recent || '(none)'}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        check: () => {
          let result: T | undefined | false;
          try {
            result = check();
          } catch (error) {
            stop();
            reject(error);
            return true;
          }
          if (result === undefined || result === false) return false;
          stop();
          resolve(result);
          return true;
        },
        fail: (error) => {
          stop();
          reject(error);
        },
      };
      const poller = pollMs === undefined ? undefined : setInterval(() => waiter.check(), pollMs);
      this.#waiters.add(waiter);
    });
  }

  waitForRequest(
    predicate: (r: RecordedRequest) => boolean,
    options?: number | WaitOptions,
  ): Promise<RecordedRequest> {
    const { timeoutMs, since } = waitOptions(options);
    return this.#waitFor(
      () => this.#requests.find((r) => r.seq > since && predicate(r)),
      timeoutMs,
      () => 'a matching request',
    );
  }

  waitForChannelMessage(
    channelId: string,
    predicate?: (r: RecordedRequest) => boolean,
    options?: number | WaitOptions,
  ): Promise<RecordedRequest> {
    const { timeoutMs, since } = waitOptions(options);
    return this.#waitFor(
      () =>
        this.#requests.find(
          (r) =>
            r.seq > since &&
            r.endpoint === 'POST /channels/:channelId/messages' &&
            r.params.channelId === channelId &&
            r.status < 300 &&
            (predicate ? predicate(r) : true),
        ),
      timeoutMs,
      () => `a bot message in channel ${channelId}`,
    );
  }

  waitForSession(options: { shard?: number; count?: number; timeoutMs?: number } = {}): Promise<SessionInfo> {
    const count = options.count ?? 1;
    return this.#waitFor(
      () => {
        const live = this.#sessions.filter(
          (s) =>
            s.conn !== undefined && !s.ended && (options.shard === undefined || s.shardId === options.shard),
        );
        const last = live[count - 1];
        return live.length >= count && last ? this.#sessionInfo(last) : undefined;
      },
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      () =>
        `${count} connected gateway session(s)${options.shard === undefined ? '' : ` on shard ${options.shard}`}`,
    );
  }

  waitForResume(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    const target = this.#resumesAtLastDrop;
    return this.#waitFor(
      () => (this.#resumes > target ? true : undefined),
      timeoutMs,
      () => 'a gateway RESUME',
    ).then(() => undefined);
  }

  getMessage(messageId: string): APIMessage | undefined {
    const stored = this.#messages.get(messageId);
    return stored && !stored.deleted ? stored.message : undefined;
  }

  channelMessages(channelId: string): APIMessage[] {
    return [...this.#messages.values()]
      .filter((m) => !m.deleted && m.message.channel_id === channelId)
      .map((m) => m.message);
  }

  failNext(matcher: RequestMatcher, failure: FailureSpec): void {
    this.#failures.push({ matcher, failure, remaining: failure.times ?? 1 });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Gateway
  // -------------------------------------------------------------------------------------------------------------

  #debug(line: string): void {
    this.#log?.(`[fake-discord] ${line}`);
  }

  #onGatewayConnection(ws: WebSocket, url: URL): void {
    const conn: Connection = {
      ws,
      session: undefined,
      deflate: undefined,
      chain: Promise.resolve(),
      closedByServer: false,
      heartbeats: 0,
    };
    this.#connections.add(conn);
    ws.on('error', (error) => this.#debug(`gateway socket error: ${error.message}`));
    ws.on('close', (code) => {
      this.#connections.delete(conn);
      const session = conn.session;
      if (session && session.conn === conn) {
        session.conn = undefined;
        if (!conn.closedByServer && (code === 1000 || code === 1001)) session.ended = true;
      }
      conn.deflate?.close();
      this.#debug(`gateway socket closed (${code})${session ? ` session ${session.id}` : ''}`);
      this.#notify();
    });

    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    const compress = url.searchParams.get('compress');
    if (version !== '10') {
      this.#closeConnection(conn, GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
      return;
    }
    if (encoding !== 'json') {
      this.#closeConnection(
        conn,
        GatewayCloseCodes.DecodeError,
        `encoding ${encoding} is not supported by fake-discord`,
      );
      return;
    }
    if (compress === 'zlib-stream') {
      conn.deflate = zlib.createDeflate({ chunkSize: 65_536 });
    } else if (compress !== null) {
      this.#closeConnection(conn, GatewayCloseCodes.DecodeError, `compression ${compress} is not supported`);
      return;
    }
    ws.on('message', (data, isBinary) => this.#onGatewayMessage(conn, data, isBinary));
    this.#send(conn, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.#heartbeatIntervalMs, _trace: ['fake-discord'] },
    });
  }

  #send(conn: Connection, payload: GatewayPayload): void {
    const text = JSON.stringify(payload);
    const { ws, deflate } = conn;
    if (!deflate) {
      if (ws.readyState === ws.OPEN) ws.send(text);
      return;
    }
    // zlib-stream: one shared deflate context for the whole connection, each payload ends with a Z_SYNC_FLUSH
    // (the 00 00 ff ff suffix the client looks for).
    conn.chain = conn.chain.then(
      () =>
        new Promise<void>((resolve) => {
          deflate.write(text);
          deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            const chunks: Buffer[] = [];
            let chunk: Buffer | null = deflate.read() as Buffer | null;
            while (chunk !== null) {
              chunks.push(chunk);
              chunk = deflate.read() as Buffer | null;
            }
            if (ws.readyState === ws.OPEN) ws.send(Buffer.concat(chunks), { binary: true });
            resolve();
          });
        }),
    );
  }

  #closeConnection(conn: Connection, code: number, reason: string): void {
    conn.closedByServer = true;
    if (conn.session && conn.session.conn === conn) conn.session.conn = undefined;
    this.#debug(`closing gateway socket with ${code}: ${reason}`);
    if (code === 1006) {
      conn.ws.terminate();
      return;
    }
    // Let queued (compressed) payloads go out first.
    void conn.chain.then(() => conn.ws.close(code, reason));
  }

  #onGatewayMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.#closeConnection(
        conn,
        GatewayCloseCodes.DecodeError,
        'Binary payloads are not supported (json encoding)',
      );
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(data.toString());
    } catch {
      this.#closeConnection(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      this.#closeConnection(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const d = payload.d;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat: {
        conn.heartbeats += 1;
        if (conn.session) conn.session.heartbeats += 1;
        this.#send(conn, { op: GatewayOpcodes.HeartbeatAck, d: null });
        break;
      }
      case GatewayOpcodes.Identify:
        this.#onIdentify(conn, d);
        break;
      case GatewayOpcodes.Resume:
        this.#onResume(conn, d);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds: {
        const session = conn.session;
        if (!session) {
          this.#closeConnection(conn, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
          return;
        }
        session.received.push({ op: payload.op, d });
        if (payload.op === GatewayOpcodes.RequestGuildMembers) this.#onRequestGuildMembers(session, d);
        break;
      }
      default:
        this.#closeConnection(conn, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
        return;
    }
    this.#notify();
  }

  /** The checks IDENTIFY and RESUME share; closes the socket and returns undefined when one fails. */
  #authenticated(conn: Connection, d: unknown): Record<string, unknown> | undefined {
    if (!isRecord(d)) {
      this.#closeConnection(conn, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return undefined;
    }
    if (conn.session) {
      this.#closeConnection(conn, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return undefined;
    }
    if (d.token !== this.token) {
      this.#closeConnection(conn, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return undefined;
    }
    return d;
  }

  #onIdentify(conn: Connection, payload: unknown): void {
    const d = this.#authenticated(conn, payload);
    if (!d) return;
    const intents = d.intents;
    if (typeof intents !== 'number' || !Number.isInteger(intents) || (intents & ~VALID_INTENTS) !== 0) {
      this.#closeConnection(conn, GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    if (
      (!this.#privileged.guildMembers && (intents & GatewayIntentBits.GuildMembers) !== 0) ||
      (!this.#privileged.guildPresences && (intents & GatewayIntentBits.GuildPresences) !== 0) ||
      (!this.#privileged.messageContent && (intents & GatewayIntentBits.MessageContent) !== 0)
    ) {
      this.#closeConnection(conn, GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    let shardId = 0;
    let shardCount = 1;
    if (d.shard !== undefined) {
      const shard = d.shard;
      if (
        !Array.isArray(shard) ||
        shard.length !== 2 ||
        !Number.isInteger(shard[0]) ||
        !Number.isInteger(shard[1]) ||
        (shard[1] as number) < 1 ||
        (shard[0] as number) < 0 ||
        (shard[0] as number) >= (shard[1] as number)
      ) {
        this.#closeConnection(conn, GatewayCloseCodes.InvalidShard, 'Invalid shard.');
        return;
      }
      shardId = shard[0] as number;
      shardCount = shard[1] as number;
    }
    const { token: _token, ...identify } = d;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      intents,
      identify: identify as unknown as Omit<GatewayIdentifyData, 'token'>,
      seq: 0,
      history: [],
      received: [],
      conn,
      ended: false,
      resumeCount: 0,
      heartbeats: conn.heartbeats,
    };
    this.#identifies += 1;
    this.#sessions.push(session);
    conn.session = session;
    const guilds = [...this.#guildStore.values()].filter((g) => shardForGuild(g.id, shardCount) === shardId);
    this.#debug(`IDENTIFY shard [${shardId}, ${shardCount}] intents ${intents} -> session ${session.id}`);
    const ready: GatewayReadyDispatchData & Json = {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl.replace(/\/gateway$/, '/gateway-resume'),
      shard: [shardId, shardCount],
      application: {
        id: this.applicationId,
        flags: this.#applicationFlags(),
        flags_new: String(this.#applicationFlags()),
      },
      session_type: 'normal',
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: ['fake'],
      _trace: ['fake-discord'],
    };
    this.#dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    if ((intents & GatewayIntentBits.Guilds) !== 0) {
      for (const guild of guilds)
        this.#dispatchTo(
          session,
          GatewayDispatchEvents.GuildCreate,
          this.#guildCreatePayload(guild, session),
        );
    }
  }

  #onResume(conn: Connection, payload: unknown): void {
    const d = this.#authenticated(conn, payload);
    if (!d) return;
    const session = this.#sessions.find((s) => s.id === d.session_id);
    if (!session || session.ended) {
      this.#debug(`RESUME of unknown session ${String(d.session_id)}: INVALID_SESSION`);
      this.#send(conn, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (seq > session.seq) {
      this.#closeConnection(conn, GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
      return;
    }
    const previous = session.conn;
    if (previous && previous !== conn) this.#closeConnection(previous, 1006, 'session resumed elsewhere');
    session.conn = conn;
    conn.session = session;
    session.heartbeats += conn.heartbeats;
    const missed = session.history.filter((event) => event.s > seq);
    this.#debug(`RESUME session ${session.id} from seq ${seq}: replaying ${missed.length} event(s)`);
    for (const event of missed)
      this.#send(conn, { op: GatewayOpcodes.Dispatch, t: event.t, s: event.s, d: event.d });
    session.seq += 1;
    this.#send(conn, {
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Resumed,
      s: session.seq,
      d: { _trace: ['fake-discord'] },
    });
    session.resumeCount += 1;
    this.#resumes += 1;
  }

  #onRequestGuildMembers(session: Session, d: unknown): void {
    if (!isRecord(d)) return;
    const guildIds = Array.isArray(d.guild_id) ? d.guild_id : [d.guild_id];
    for (const guildId of guildIds) {
      const guild = typeof guildId === 'string' ? this.#guildStore.get(guildId) : undefined;
      if (!guild) continue;
      const userIds = Array.isArray(d.user_ids)
        ? d.user_ids.map(String)
        : typeof d.user_ids === 'string'
          ? [d.user_ids]
          : undefined;
      const query = asString(d.query)?.toLowerCase() ?? '';
      const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Number.POSITIVE_INFINITY;
      let ids = [...guild.members.keys()];
      if (userIds) ids = ids.filter((id) => userIds.includes(id));
      else if (query)
        ids = ids.filter((id) => this.#userStore.get(id)?.username.toLowerCase().startsWith(query));
      ids = ids.slice(0, limit);
      this.#dispatchTo(session, GatewayDispatchEvents.GuildMembersChunk, {
        guild_id: guild.id,
        members: ids.map((id) => this.#memberObject(guild, id)),
        chunk_index: 0,
        chunk_count: 1,
        not_found: userIds ? userIds.filter((id) => !guild.members.has(id)) : [],
        ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
      });
    }
  }

  #applicationFlags(): number {
    // GATEWAY_PRESENCE_LIMITED (1<<13), GATEWAY_GUILD_MEMBERS_LIMITED (1<<15), GATEWAY_MESSAGE_CONTENT_LIMITED (1<<19)
    let flags = 0;
    if (this.#privileged.guildPresences) flags |= 1 << 13;
    if (this.#privileged.guildMembers) flags |= 1 << 15;
    if (this.#privileged.messageContent) flags |= 1 << 19;
    return flags;
  }

  #dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const event: GatewayEvent = { t, s: session.seq, d };
    session.history.push(event);
    if (session.conn) this.#send(session.conn, { op: GatewayOpcodes.Dispatch, t, s: event.s, d });
  }

  /** Sessions (not ended) that receive events of a shard. */
  #sessionsFor(target: { guildId?: string | undefined; shard?: number | undefined }): Session[] {
    return this.#sessions.filter((s) => {
      if (s.ended) return false;
      if (target.guildId !== undefined) return shardForGuild(target.guildId, s.shardCount) === s.shardId;
      return s.shardId === (target.shard ?? 0);
    });
  }

  #requireSessions(target: { guildId?: string | undefined; shard?: number | undefined }): Session[] {
    const sessions = this.#sessionsFor(target);
    if (sessions.length === 0) {
      const where =
        target.guildId !== undefined ? `guild ${target.guildId}` : `shard ${target.shard ?? 0} (DMs)`;
      throw new Error(
        `fake-discord: no gateway session receives events for ${where}; log a client in (and wait for ClientReady) first`,
      );
    }
    return sessions;
  }

  #dispatchToGuild(
    guildId: string | undefined,
    t: string,
    intent: number | undefined,
    build: (s: Session) => unknown,
  ): number {
    let count = 0;
    for (const session of this.#sessionsFor(guildId === undefined ? { shard: 0 } : { guildId })) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.#dispatchTo(session, t, build(session));
      count += 1;
    }
    return count;
  }

  dispatch(
    event: string,
    data: unknown,
    target: { guildId?: string; shard?: number; intent?: number } = {},
  ): number {
    let count = 0;
    for (const session of this.#sessionsFor(target)) {
      if (target.intent !== undefined && (session.intents & target.intent) === 0) continue;
      this.#dispatchTo(session, event, data);
      count += 1;
    }
    this.#notify();
    return count;
  }

  dropConnection(code = 4000, options: { shard?: number; resumable?: boolean } = {}): number {
    this.#resumesAtLastDrop = this.#resumes;
    let dropped = 0;
    for (const session of this.#sessions) {
      if (session.ended || (options.shard !== undefined && session.shardId !== options.shard)) continue;
      if (options.resumable === false) session.ended = true;
      const conn = session.conn;
      if (!conn) continue;
      this.#closeConnection(conn, code, 'fake-discord dropConnection()');
      dropped += 1;
    }
    this.#notify();
    return dropped;
  }

  requestReconnect(options: { shard?: number } = {}): number {
    this.#resumesAtLastDrop = this.#resumes;
    let count = 0;
    for (const session of this.#sessions) {
      if (
        session.ended ||
        !session.conn ||
        (options.shard !== undefined && session.shardId !== options.shard)
      )
        continue;
      this.#send(session.conn, { op: GatewayOpcodes.Reconnect, d: null });
      count += 1;
    }
    return count;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Messages
  // -------------------------------------------------------------------------------------------------------------

  #mentionedUserIds(content: string): string[] {
    const ids: string[] = [];
    for (const match of content.matchAll(/<@!?(\d{17,20})>/g)) {
      const id = match[1] as string;
      if (this.#userStore.has(id) && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  #mentionedRoleIds(content: string, guild: GuildState | undefined): string[] {
    if (!guild) return [];
    const ids: string[] = [];
    for (const match of content.matchAll(/<@&(\d{17,20})>/g)) {
      const id = match[1] as string;
      if (guild.roles.some((r) => r.id === id) && !ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /** Stores a message and dispatches MESSAGE_CREATE (unless ephemeral). */
  #storeMessage(
    message: APIMessage,
    options: { ephemeral?: boolean; interactionId?: string } = {},
  ): StoredMessage {
    const channel = this.#channels.get(message.channel_id);
    const stored: StoredMessage = {
      message,
      guildId: channel?.guildId,
      deleted: false,
      ephemeral: options.ephemeral ?? false,
      interactionId: options.interactionId,
    };
    this.#messages.set(message.id, stored);
    if (channel && !stored.ephemeral) channel.lastMessageId = message.id;
    if (!stored.ephemeral) this.#dispatchMessageEvent(stored, GatewayDispatchEvents.MessageCreate);
    return stored;
  }

  /** The message as a given session sees it (MessageContent gating). */
  #messageView(message: APIMessage, guildId: string | undefined, session: Session | undefined): APIMessage {
    const hasContentIntent = session
      ? (session.intents & MESSAGE_CONTENT) !== 0
      : this.#privileged.messageContent;
    const visible =
      guildId === undefined ||
      hasContentIntent ||
      message.author.id === this.botUser.id ||
      message.mentions.some((u) => u.id === this.botUser.id);
    const referenced =
      message.referenced_message !== undefined && message.referenced_message !== null
        ? { referenced_message: this.#messageView(message.referenced_message, guildId, session) }
        : {};
    if (visible) return { ...message, ...referenced };
    const { poll: _poll, ...rest } = message;
    return { ...rest, ...referenced, content: '', embeds: [], attachments: [], components: [] };
  }

  #gatewayMessage(stored: StoredMessage, session: Session) {
    const view = this.#messageView(stored.message, stored.guildId, session);
    const channel = this.#channels.get(view.channel_id);
    const guild = stored.guildId ? this.#guildStore.get(stored.guildId) : undefined;
    const memberOf = (userId: string) =>
      guild?.members.has(userId) ? this.#memberWithoutUser(guild, userId) : undefined;
    const authorMember = guild && view.webhook_id === undefined ? memberOf(view.author.id) : undefined;
    return {
      ...view,
      ...(guild ? { guild_id: guild.id } : {}),
      ...(authorMember ? { member: authorMember } : {}),
      mentions: view.mentions.map((user) => {
        const member = guild ? memberOf(user.id) : undefined;
        return member ? { ...user, member } : user;
      }),
      channel_type: channel?.type ?? ChannelType.GuildText,
    };
  }

  #dispatchMessageEvent(
    stored: StoredMessage,
    t: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate,
  ): void {
    const intent = stored.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    this.#dispatchToGuild(stored.guildId, t, intent, (session) => this.#gatewayMessage(stored, session));
  }

  #dispatchMessageDelete(stored: StoredMessage): void {
    const intent = stored.guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    this.#dispatchToGuild(stored.guildId, GatewayDispatchEvents.MessageDelete, intent, () => ({
      id: stored.message.id,
      channel_id: stored.message.channel_id,
      ...(stored.guildId ? { guild_id: stored.guildId } : {}),
    }));
  }

  async sendMessage(input: SendMessageInput): Promise<APIMessage> {
    const author = input.author ?? this.users.member;
    if (!this.#userStore.has(author.id)) this.#userStore.set(author.id, author);
    const channelId = input.dm ? this.dmChannelId(author) : (input.channelId ?? this.channelId);
    const channel = this.#channels.get(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
    const guild = channel.guildId ? this.#guild(channel.guildId) : undefined;
    this.#requireSessions(guild ? { guildId: guild.id } : { shard: 0 });

    let referenced: StoredMessage | undefined;
    if (input.replyTo !== undefined) {
      const id = typeof input.replyTo === 'string' ? input.replyTo : input.replyTo.id;
      referenced = this.#messages.get(id);
      if (!referenced) throw new Error(`fake-discord: replyTo message ${id} is unknown`);
    }
    const mentionIds = this.#mentionedUserIds(input.content);
    if (input.mentionBot && !mentionIds.includes(this.botUser.id)) mentionIds.push(this.botUser.id);
    if (referenced && input.replyMention !== false && !mentionIds.includes(referenced.message.author.id)) {
      mentionIds.push(referenced.message.author.id);
    }
    const roleIds = [
      ...new Set([...this.#mentionedRoleIds(input.content, guild), ...(input.mentionRoles ?? [])]),
    ];
    const webhookAuthor: APIUser | undefined = input.webhookId
      ? {
          id: input.webhookId,
          username: author.username,
          discriminator: '0000',
          global_name: null,
          avatar: null,
          bot: true,
        }
      : undefined;
    const message: APIMessage = {
      id: this.#ids.next(),
      channel_id: channel.id,
      author: webhookAuthor ?? author,
      content: input.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: input.mentionEveryone ?? /@(everyone|here)\b/.test(input.content),
      mentions: mentionIds.map((id) => this.#user(id)),
      mention_roles: roleIds,
      attachments: input.attachments ?? [],
      embeds: input.embeds ?? [],
      pinned: false,
      type: referenced ? MessageType.Reply : MessageType.Default,
      flags: 0 as MessageFlags,
      components: [],
      ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
      ...(referenced
        ? {
            message_reference: {
              type: 0,
              message_id: referenced.message.id,
              channel_id: referenced.message.channel_id,
              ...(referenced.guildId ? { guild_id: referenced.guildId } : {}),
            },
            referenced_message: referenced.message,
          }
        : {}),
    };
    if (guild && input.memberRoles && !input.webhookId) {
      // Store the role override on a per-message basis by patching the member's roles temporarily.
      const member = guild.members.get(author.id);
      const previous = member?.roles;
      if (member) member.roles = [...input.memberRoles];
      try {
        this.#storeMessage(message);
      } finally {
        if (member && previous) member.roles = previous;
      }
    } else {
      this.#storeMessage(message);
    }
    this.#notify();
    return message;
  }

  /** Computes mentions of a message written by the bot, honouring allowed_mentions. */
  #botMentions(
    content: string,
    allowed: unknown,
    guild: GuildState | undefined,
    referenced: StoredMessage | undefined,
  ): Pick<APIMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
    const am = isRecord(allowed) ? allowed : undefined;
    const parse = am ? (Array.isArray(am.parse) ? am.parse.map(String) : []) : ['users', 'roles', 'everyone'];
    const allowedUsers = am && Array.isArray(am.users) ? am.users.map(String) : [];
    const allowedRoles = am && Array.isArray(am.roles) ? am.roles.map(String) : [];
    const repliedUser = am ? am.replied_user === true : true;
    const users = this.#mentionedUserIds(content).filter(
      (id) => parse.includes('users') || allowedUsers.includes(id),
    );
    if (referenced && repliedUser && !users.includes(referenced.message.author.id))
      users.push(referenced.message.author.id);
    const roles = this.#mentionedRoleIds(content, guild).filter(
      (id) => parse.includes('roles') || allowedRoles.includes(id),
    );
    return {
      mentions: users.filter((id) => this.#userStore.has(id)).map((id) => this.#user(id)),
      mention_roles: roles,
      mention_everyone: parse.includes('everyone') && /@(everyone|here)\b/.test(content),
    };
  }

  /** Attachments for a create/edit body: uploaded files (`files[n]` + `attachments[{ id: n }]`) and kept ones. */
  #resolveAttachments(
    body: Json,
    files: readonly RecordedFile[],
    existing: readonly APIAttachment[] | undefined,
  ): APIAttachment[] {
    const result: APIAttachment[] = [];
    const used = new Set<string>();
    const upload = (file: RecordedFile, meta: Json | undefined) => {
      used.add(file.field);
      const id = this.#ids.next();
      const name = asString(meta?.filename) ?? file.name;
      this.#attachments.set(id, { id, name, contentType: file.contentType, content: file.content });
      const description = asString(meta?.description);
      const title = asString(meta?.title);
      result.push(
        this.#attachmentObject(id, {
          ...(description !== undefined ? { description } : {}),
          ...(title !== undefined ? { title } : {}),
        }),
      );
    };
    if (Array.isArray(body.attachments)) {
      for (const meta of body.attachments) {
        if (!isRecord(meta)) continue;
        const id = String(meta.id);
        const kept = existing?.find((a) => a.id === id);
        if (kept) {
          result.push(kept);
          continue;
        }
        const file = files.find((f) => f.field === `files[${id}]`);
        if (file) upload(file, meta);
      }
    } else if (existing) {
      result.push(...existing);
    }
    for (const file of files) if (!used.has(file.field)) upload(file, undefined);
    return result;
  }

  #normalizeEmbeds(embeds: unknown): APIEmbed[] {
    if (!Array.isArray(embeds)) return [];
    return embeds.filter(isRecord).map((embed) => ({ type: 'rich', ...embed }) as APIEmbed);
  }

  #buildBotMessage(
    channel: ChannelState,
    body: Json,
    files: readonly RecordedFile[],
    extra: { referenced?: StoredMessage | undefined; interaction?: InteractionState; flags?: number } = {},
  ): APIMessage {
    const guild = channel.guildId ? this.#guildStore.get(channel.guildId) : undefined;
    const content = asString(body.content) ?? '';
    const referenced = extra.referenced;
    const interaction = extra.interaction;
    const flags = extra.flags ?? (typeof body.flags === 'number' ? body.flags & ~MessageFlags.Ephemeral : 0);
    const message: APIMessage = {
      id: this.#ids.next(),
      channel_id: channel.id,
      author: this.botUser,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      ...this.#botMentions(content, body.allowed_mentions, guild, referenced),
      attachments: this.#resolveAttachments(body, files, undefined),
      embeds: this.#normalizeEmbeds(body.embeds),
      components: Array.isArray(body.components)
        ? (body.components as APIMessage['components'] & unknown[])
        : [],
      pinned: false,
      type: referenced ? MessageType.Reply : MessageType.Default,
      flags,
      ...(body.nonce !== undefined && (typeof body.nonce === 'string' || typeof body.nonce === 'number')
        ? { nonce: body.nonce }
        : {}),
      ...(referenced
        ? {
            message_reference: {
              type: 0,
              message_id: referenced.message.id,
              channel_id: referenced.message.channel_id,
              ...(referenced.guildId ? { guild_id: referenced.guildId } : {}),
            },
            referenced_message: referenced.message,
          }
        : {}),
    };
    if (interaction) {
      message.webhook_id = this.applicationId;
      message.application_id = this.applicationId;
      message.type =
        interaction.type === InteractionType.ApplicationCommand
          ? MessageType.ChatInputCommand
          : MessageType.Default;
      message.interaction_metadata = {
        id: interaction.id,
        type: interaction.type,
        user: interaction.user,
        authorizing_integration_owners: interaction.payload.authorizing_integration_owners,
        ...(interaction.sourceMessageId ? { interacted_message_id: interaction.sourceMessageId } : {}),
      } as APIMessage['interaction_metadata'] & object;
      const commandData: unknown = interaction.payload.data;
      if (interaction.type === InteractionType.ApplicationCommand && isRecord(commandData)) {
        message.interaction = {
          id: interaction.id,
          type: interaction.type,
          name: String(commandData.name),
          user: interaction.user,
        };
      }
    }
    return message;
  }

  /** Applies a PATCH body to a stored message. */
  #editMessage(stored: StoredMessage, body: Json, files: readonly RecordedFile[]): APIMessage {
    const guild = stored.guildId ? this.#guildStore.get(stored.guildId) : undefined;
    const current = stored.message;
    const next: APIMessage = { ...current, edited_timestamp: new Date().toISOString() };
    if ('content' in body) next.content = asString(body.content) ?? '';
    if ('embeds' in body) next.embeds = this.#normalizeEmbeds(body.embeds);
    if ('components' in body)
      next.components = Array.isArray(body.components)
        ? (body.components as NonNullable<APIMessage['components']>)
        : [];
    if ('flags' in body && typeof body.flags === 'number') {
      const keep = (current.flags ?? 0) & (MessageFlags.Ephemeral | MessageFlags.Loading);
      next.flags = keep | (body.flags & ~(MessageFlags.Ephemeral | MessageFlags.Loading));
    }
    if ('attachments' in body || files.length > 0)
      next.attachments = this.#resolveAttachments(body, files, current.attachments);
    if ('content' in body || 'allowed_mentions' in body) {
      const referenced = current.message_reference?.message_id
        ? this.#messages.get(current.message_reference.message_id)
        : undefined;
      Object.assign(next, this.#botMentions(next.content, body.allowed_mentions, guild, referenced));
    }
    const nonEmpty =
      next.content.length > 0 ||
      next.embeds.length > 0 ||
      (next.components?.length ?? 0) > 0 ||
      next.attachments.length > 0 ||
      ((next.flags ?? 0) & MessageFlags.Loading) !== 0;
    if (!nonEmpty) throw discordError(400, 50006, 'Cannot send an empty message');
    stored.message = next;
    return next;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Interactions
  // -------------------------------------------------------------------------------------------------------------

  #findCommand(name: string, guildId: string | undefined, type: number): APIApplicationCommand | undefined {
    const guildCommands = guildId ? (this.#guildStore.get(guildId)?.commands ?? []) : [];
    return (
      guildCommands.find((c) => c.name === name && c.type === type) ??
      this.#globalCommands.find((c) => c.name === name && c.type === type)
    );
  }

  #buildOptions(
    input: {
      options?: OptionsInput | undefined;
      subcommand?: string | undefined;
      subcommandGroup?: string | undefined;
    },
    command: APIApplicationCommand | undefined,
    focused: string | undefined,
  ): APIApplicationCommandInteractionDataOption[] {
    if (Array.isArray(input.options))
      return [...(input.options as APIApplicationCommandInteractionDataOption[])];
    let schema: readonly Json[] = (command?.options ?? []) as unknown as Json[];
    const descend = (name: string | undefined) => {
      if (name === undefined) return;
      const next = schema.find((o) => o.name === name);
      schema = next && Array.isArray(next.options) ? (next.options as Json[]) : [];
    };
    descend(input.subcommandGroup);
    descend(input.subcommand);
    const record = (input.options ?? {}) as Readonly<Record<string, OptionValue>>;
    const basic = Object.entries(record).map(([name, value]) => {
      const declared = schema.find((o) => o.name === name);
      let type: number;
      if (declared && typeof declared.type === 'number') type = declared.type;
      else if (typeof value === 'boolean') type = ApplicationCommandOptionType.Boolean;
      else if (typeof value === 'number')
        type = Number.isInteger(value)
          ? ApplicationCommandOptionType.Integer
          : ApplicationCommandOptionType.Number;
      else type = ApplicationCommandOptionType.String;
      const isFocused = focused === name;
      return {
        name,
        type,
        value: isFocused ? String(value) : value,
        ...(isFocused ? { focused: true } : {}),
      };
    });
    let options: unknown[] = basic;
    if (input.subcommand !== undefined) {
      options = [{ name: input.subcommand, type: ApplicationCommandOptionType.Subcommand, options }];
    }
    if (input.subcommandGroup !== undefined) {
      options = [
        { name: input.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options },
      ];
    }
    return options as APIApplicationCommandInteractionDataOption[];
  }

  #resolveOptions(
    options: readonly APIApplicationCommandInteractionDataOption[],
    guild: GuildState | undefined,
    extra: { resolved?: APIInteractionDataResolved | undefined; attachments?: APIAttachment[] | undefined },
  ): APIInteractionDataResolved | undefined {
    const resolved: Required<APIInteractionDataResolved> = {
      users: {},
      members: {},
      roles: {},
      channels: {},
      attachments: {},
    };
    const addUser = (id: string) => {
      const user = this.#userStore.get(id);
      if (!user) return false;
      resolved.users[id] = user;
      if (guild?.members.has(id)) {
        const member: APIInteractionDataResolvedGuildMember = {
          ...this.#memberWithoutUser(guild, id),
          permissions: this.#permissionsFor(guild, id).toString(),
        };
        resolved.members[id] = member;
      }
      return true;
    };
    const addRole = (id: string) => {
      const role = guild?.roles.find((r) => r.id === id);
      if (role) resolved.roles[id] = role;
      return role !== undefined;
    };
    const visit = (list: readonly unknown[]) => {
      for (const option of list) {
        if (!isRecord(option)) continue;
        if (Array.isArray(option.options)) visit(option.options);
        if (option.focused === true) continue;
        const value = String(option.value);
        switch (option.type) {
          case ApplicationCommandOptionType.User:
            addUser(value);
            break;
          case ApplicationCommandOptionType.Role:
            addRole(value);
            break;
          case ApplicationCommandOptionType.Mentionable:
            if (!addUser(value)) addRole(value);
            break;
          case ApplicationCommandOptionType.Channel: {
            const channel = this.#channels.get(value);
            if (channel) {
              const resolvedChannel = {
                id: channel.id,
                name: channel.name ?? '',
                type: channel.type,
                permissions: ALL_PERMISSIONS.toString(),
              } as unknown as APIInteractionDataResolvedChannel;
              resolved.channels[value] = resolvedChannel;
            }
            break;
          }
          case ApplicationCommandOptionType.Attachment: {
            if (this.#attachments.has(value)) resolved.attachments[value] = this.#attachmentObject(value);
            else
              throw new Error(
                `fake-discord: attachment option ${String(option.name)} refers to unknown attachment ${value}`,
              );
            break;
          }
          default:
            break;
        }
      }
    };
    visit(options);
    for (const attachment of extra.attachments ?? []) resolved.attachments[attachment.id] = attachment;
    const merged: APIInteractionDataResolved = {};
    for (const key of ['users', 'members', 'roles', 'channels', 'attachments'] as const) {
      const combined = { ...resolved[key], ...(extra.resolved?.[key] ?? {}) };
      if (Object.keys(combined).length > 0) Object.assign(merged, { [key]: combined });
    }
    return Object.keys(merged).length > 0 ? merged : undefined;
  }

  #interactionContext(input: InteractionInputBase, sourceChannelId?: string) {
    const user = input.user ?? this.users.member;
    if (!this.#userStore.has(user.id)) this.#userStore.set(user.id, user);
    const channelId =
      sourceChannelId ?? (input.dm ? this.dmChannelId(user) : (input.channelId ?? this.channelId));
    const channel = this.#channels.get(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
    const guild = channel.guildId ? this.#guild(channel.guildId) : undefined;
    return { user, channel, guild };
  }

  async #dispatchInteraction(
    type: InteractionType,
    input: InteractionInputBase,
    data: Json,
    extra: { sourceChannelId?: string; message?: StoredMessage | undefined } = {},
  ): Promise<InteractionHandle> {
    const { user, channel, guild } = this.#interactionContext(input, extra.sourceChannelId);
    this.#requireSessions(guild ? { guildId: guild.id } : { shard: 0 });
    const id = this.#ids.next();
    const token = randomBytes(48).toString('base64url');
    const locale = input.locale ?? Locale.EnglishUS;
    const appPermissions = guild ? this.#permissionsFor(guild, this.botUser.id) : DM_APP_PERMISSIONS;
    const channelObject = this.#channelObject(channel);
    const base: Json = {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      app_permissions: appPermissions.toString(),
      locale,
      entitlements: [],
      authorizing_integration_owners: { '0': guild ? guild.id : '0' },
      context: guild ? InteractionContextType.Guild : InteractionContextType.BotDM,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      channel_id: channel.id,
    };
    if (guild) {
      const roles = input.memberRoles ?? guild.members.get(user.id)?.roles ?? [];
      const permissions = input.permissions ?? this.#permissionsFor(guild, user.id, roles).toString();
      Object.assign(base, {
        guild_id: guild.id,
        guild: { id: guild.id, features: [], locale: Locale.EnglishUS },
        guild_locale: Locale.EnglishUS,
        channel: { ...channelObject, permissions },
        member: { ...this.#memberObject(guild, user.id, roles), permissions },
      });
    } else {
      Object.assign(base, { channel: { ...channelObject, recipients: [user] }, user });
    }
    if (extra.message) base.message = extra.message.message;
    const payload = base as unknown as APIInteraction;
    const state: InteractionState = {
      id,
      token,
      type,
      payload,
      createdAt: Date.now(),
      guildId: guild?.id,
      channelId: channel.id,
      user,
      acknowledged: false,
      originalMessageId: undefined,
      sourceMessageId: extra.message?.message.id,
      followUpIds: [],
      modal: undefined,
    };
    this.#interactions.set(id, state);
    this.#dispatchToGuild(guild?.id, GatewayDispatchEvents.InteractionCreate, undefined, () => payload);
    this.#notify();
    return this.#handle(state);
  }

  #handle(state: InteractionState): InteractionHandle {
    const callbackRequests = () =>
      this.#requests.filter(
        (r) =>
          r.endpoint === 'POST /interactions/:interactionId/:token/callback' &&
          r.params.interactionId === state.id,
      );
    const requests = () =>
      this.#requests.filter((r) => r.params.interactionId === state.id || r.params.token === state.token);
    const original = () => (state.originalMessageId ? this.getMessage(state.originalMessageId) : undefined);
    const followUps = () =>
      state.followUpIds.map((id) => this.getMessage(id)).filter((m): m is APIMessage => m !== undefined);
    const describe = (what: string) => () => {
      const seen = requests().map(describeRequest).join('\n  ');
      return `${what} of interaction ${state.id}; its requests so far:\n  ${seen || '(none)'}`;
    };
    const handle: InteractionHandle = {
      id: state.id,
      token: state.token,
      payload: state.payload,
      response: (timeoutMs = DEFAULT_TIMEOUT_MS) =>
        this.#waitFor(
          () => {
            const request = callbackRequests().find((r) => r.status < 300);
            if (!request) return undefined;
            const data = isRecord(request.body.data) ? request.body.data : {};
            const callback: InteractionCallback = {
              type: Number(request.body.type),
              data,
              files: request.files,
              request,
            };
            return callback;
          },
          timeoutMs,
          describe('the response'),
        ),
      callbackRequests,
      waitForReply: (predicate, timeoutMs = DEFAULT_TIMEOUT_MS) =>
        this.#waitFor(
          () => {
            const message = original();
            if (!message || ((message.flags ?? 0) & MessageFlags.Loading) !== 0) return undefined;
            return !predicate || predicate(message) ? message : undefined;
          },
          timeoutMs,
          describe('the reply'),
        ),
      original,
      followUps,
      waitForFollowUp: (predicate, timeoutMs = DEFAULT_TIMEOUT_MS) =>
        this.#waitFor(
          () => followUps().find((m) => !predicate || predicate(m)),
          timeoutMs,
          describe('a follow-up'),
        ),
      edits: () =>
        this.#requests.filter(
          (r) =>
            r.endpoint === 'PATCH /webhooks/:applicationId/:token/messages/:messageId' &&
            r.params.token === state.token,
        ),
      requests,
      submitModal: (values, input = {}) => {
        const modal = state.modal;
        if (!modal) throw new Error(`fake-discord: interaction ${state.id} did not answer with a modal`);
        const source = state.sourceMessageId ? this.#messages.get(state.sourceMessageId) : undefined;
        return this.submitModal({
          ...input,
          user: input.user ?? state.user,
          channelId: state.channelId,
          customId: String(modal.custom_id),
          values,
          modal,
          ...(source ? { message: source.message } : {}),
        });
      },
    };
    return handle;
  }

  async slashCommand(input: SlashCommandInput): Promise<InteractionHandle> {
    const guildId = input.dm ? undefined : this.#channels.get(input.channelId ?? this.channelId)?.guildId;
    const command = this.#findCommand(input.name, guildId, ApplicationCommandType.ChatInput);
    const options = this.#buildOptions(input, command, undefined);
    const guild = guildId ? this.#guildStore.get(guildId) : undefined;
    const resolved = this.#resolveOptions(options, guild, {
      resolved: input.resolved,
      attachments: input.attachments,
    });
    const data: Json = {
      id: command?.id ?? this.#ids.next(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      ...(options.length > 0 ? { options } : {}),
      ...(resolved ? { resolved } : {}),
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return this.#dispatchInteraction(InteractionType.ApplicationCommand, input, data);
  }

  async autocomplete(input: AutocompleteInput): Promise<InteractionHandle> {
    const guildId = input.dm ? undefined : this.#channels.get(input.channelId ?? this.channelId)?.guildId;
    const command = this.#findCommand(input.name, guildId, ApplicationCommandType.ChatInput);
    const options = this.#buildOptions(input, command, input.focused);
    const hasFocus = JSON.stringify(options).includes('"focused":true');
    if (!hasFocus)
      throw new Error(
        'fake-discord: autocomplete needs a focused option (`focused: name` or raw options with focused: true)',
      );
    const data: Json = {
      id: command?.id ?? this.#ids.next(),
      name: input.name,
      type: ApplicationCommandType.ChatInput,
      options,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return this.#dispatchInteraction(InteractionType.ApplicationCommandAutocomplete, input, data);
  }

  #componentSource(message: APIMessage | string): StoredMessage {
    const id = typeof message === 'string' ? message : message.id;
    const stored = this.#messages.get(id);
    if (stored && !stored.deleted) return stored;
    if (typeof message === 'string') throw new Error(`fake-discord: unknown message ${id}`);
    const channel = this.#channels.get(message.channel_id);
    return { message, guildId: channel?.guildId, deleted: false, ephemeral: false, interactionId: undefined };
  }

  async clickButton(input: ClickButtonInput): Promise<InteractionHandle> {
    const source = this.#componentSource(input.message);
    const component = findComponent(source.message.components, input.customId);
    if (!component || component.type !== ComponentType.Button) {
      throw new Error(
        `fake-discord: message ${source.message.id} has no button with custom_id ${input.customId}`,
      );
    }
    if (component.disabled === true) throw new Error(`fake-discord: button ${input.customId} is disabled`);
    const data: Json = { custom_id: input.customId, component_type: ComponentType.Button };
    if (typeof component.id === 'number') data.id = component.id;
    return this.#componentInteraction(input, source, data);
  }

  async selectMenu(input: SelectMenuInput): Promise<InteractionHandle> {
    const source = this.#componentSource(input.message);
    const component = findComponent(source.message.components, input.customId);
    const selectTypes: number[] = [
      ComponentType.StringSelect,
      ComponentType.UserSelect,
      ComponentType.RoleSelect,
      ComponentType.MentionableSelect,
      ComponentType.ChannelSelect,
    ];
    if (!component || typeof component.type !== 'number' || !selectTypes.includes(component.type)) {
      throw new Error(
        `fake-discord: message ${source.message.id} has no select menu with custom_id ${input.customId}`,
      );
    }
    if (component.disabled === true)
      throw new Error(`fake-discord: select menu ${input.customId} is disabled`);
    const min = typeof component.min_values === 'number' ? component.min_values : 1;
    const max = typeof component.max_values === 'number' ? component.max_values : 1;
    if (input.values.length < min || input.values.length > max) {
      throw new Error(
        `fake-discord: select menu ${input.customId} takes ${min}..${max} values, got ${input.values.length}`,
      );
    }
    if (component.type === ComponentType.StringSelect) {
      const allowed = Array.isArray(component.options)
        ? component.options.filter(isRecord).map((o) => o.value)
        : [];
      for (const value of input.values) {
        if (!allowed.includes(value))
          throw new Error(`fake-discord: select menu ${input.customId} has no option ${value}`);
      }
    }
    const data: Json = {
      custom_id: input.customId,
      component_type: component.type,
      values: [...input.values],
    };
    if (typeof component.id === 'number') data.id = component.id;
    if (component.type !== ComponentType.StringSelect) {
      const guild = source.guildId ? this.#guildStore.get(source.guildId) : undefined;
      const optionType: Record<number, number> = {
        [ComponentType.UserSelect]: ApplicationCommandOptionType.User,
        [ComponentType.RoleSelect]: ApplicationCommandOptionType.Role,
        [ComponentType.MentionableSelect]: ApplicationCommandOptionType.Mentionable,
        [ComponentType.ChannelSelect]: ApplicationCommandOptionType.Channel,
      };
      const fakeOptions = input.values.map((value) => ({
        name: 'v',
        type: optionType[component.type as number],
        value,
      }));
      const resolved = this.#resolveOptions(
        fakeOptions as APIApplicationCommandInteractionDataOption[],
        guild,
        {},
      );
      if (resolved) data.resolved = resolved;
    }
    return this.#componentInteraction(input, source, data);
  }

  #componentInteraction(
    input: ClickButtonInput,
    source: StoredMessage,
    data: Json,
  ): Promise<InteractionHandle> {
    const channel = this.#channels.get(source.message.channel_id);
    const user =
      input.user ??
      (channel?.type === ChannelType.DM && channel.recipientId
        ? this.#user(channel.recipientId)
        : this.users.member);
    return this.#dispatchInteraction(
      InteractionType.MessageComponent,
      { ...input, user, dm: channel?.type === ChannelType.DM },
      data,
      { sourceChannelId: source.message.channel_id, message: source },
    );
  }

  async submitModal(input: SubmitModalInput): Promise<InteractionHandle> {
    const submittedValue = (customId: string) => input.values[customId];
    const submitted = (component: Json): Json => {
      const out: Json = { type: component.type };
      if (typeof component.id === 'number') out.id = component.id;
      if (typeof component.custom_id === 'string') {
        out.custom_id = component.custom_id;
        const value = submittedValue(component.custom_id);
        if (component.type === ComponentType.TextInput) out.value = typeof value === 'string' ? value : '';
        else out.values = Array.isArray(value) ? [...value] : value === undefined ? [] : [String(value)];
      }
      if (Array.isArray(component.components))
        out.components = component.components.filter(isRecord).map(submitted);
      if (isRecord(component.component)) out.component = submitted(component.component);
      return out;
    };
    let components: Json[];
    if (input.modal && Array.isArray(input.modal.components)) {
      components = input.modal.components.filter(isRecord).map(submitted);
    } else {
      components = Object.entries(input.values).map(([customId, value]) => ({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: customId,
            value: typeof value === 'string' ? value : value.join(','),
          },
        ],
      }));
    }
    const source = input.message !== undefined ? this.#componentSource(input.message) : undefined;
    return this.#dispatchInteraction(
      InteractionType.ModalSubmit,
      input,
      { custom_id: input.customId, components },
      source ? { sourceChannelId: source.message.channel_id, message: source } : {},
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // HTTP
  // -------------------------------------------------------------------------------------------------------------

  async #onHttpRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (key === 'authorization' || value === undefined) continue;
      headers[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) query[key] = value;
    const authenticated = req.headers.authorization === `Bot ${this.token}`;

    let json: unknown;
    const files: RecordedFile[] = [];
    const contentType = req.headers['content-type'] ?? '';
    let parseError: RouteResult | undefined;
    if (raw.length > 0) {
      if (contentType.startsWith('multipart/form-data')) {
        const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
        for (const [field, value] of form) {
          if (typeof value === 'string') {
            if (field === 'payload_json') {
              try {
                json = JSON.parse(value);
              } catch {
                parseError = {
                  status: 400,
                  body: { code: 50109, message: 'The request body contains invalid JSON.' },
                };
              }
            }
          } else {
            files.push({
              field,
              name: value.name,
              contentType: value.type || 'application/octet-stream',
              content: Buffer.from(await value.arrayBuffer()),
            });
          }
        }
      } else {
        const text = raw.toString('utf8');
        try {
          json = JSON.parse(text);
        } catch {
          if (contentType.includes('json'))
            parseError = {
              status: 400,
              body: { code: 50109, message: 'The request body contains invalid JSON.' },
            };
          else json = text;
        }
      }
    }
    const body = isRecord(json) ? json : {};

    const segments = url.pathname.split('/').filter((s) => s !== '');
    let route = url.pathname;
    let endpoint = 'UNKNOWN';
    let params: Record<string, string> = {};
    let matched = false;
    let injected = false;
    let result: RouteResult;

    if (segments[0] === 'attachments' && method === 'GET') {
      endpoint = 'GET /attachments/...';
      matched = true;
      result = this.#serveAttachment(segments.slice(1).map(safeDecode));
    } else if (url.pathname.startsWith(`${API_PREFIX}/`)) {
      const decoded = segments.slice(2).map(safeDecode);
      route = `/${decoded.join('/')}`;
      const candidates = this.#routes.filter((r) => matchSegments(r.segments, decoded) !== undefined);
      const def = candidates.find((r) => r.method === method);
      if (!def) {
        result =
          candidates.length > 0
            ? { status: 405, body: { code: 0, message: '405: Method Not Allowed' } }
            : { status: 404, body: { code: 0, message: '404: Not Found' } };
      } else {
        endpoint = `${def.method} ${def.template}`;
        params = matchSegments(def.segments, decoded) ?? {};
        matched = true;
        if (def.auth && !authenticated) {
          result = { status: 401, body: { code: 0, message: '401: Unauthorized' } };
        } else if (parseError) {
          result = parseError;
        } else {
          const failure = this.#takeFailure(method, route);
          if (failure) {
            injected = true;
            result = failure;
          } else {
            try {
              result = def.handler({ method, params, query: url.searchParams, json, body, files });
            } catch (error) {
              if (error instanceof FakeDiscordError) result = error.result;
              else throw error;
            }
          }
        }
      }
    } else {
      result = { status: 404, body: { code: 0, message: '404: Not Found' } };
    }

    const record: RecordedRequest = {
      seq: this.#requests.length + 1,
      at: Date.now(),
      method,
      path: url.pathname,
      route,
      endpoint,
      params,
      query,
      headers,
      authenticated,
      json,
      body,
      files,
      status: result.status,
      response: result.raw ? `<${result.raw.content.length} bytes>` : result.body,
      matched,
      injected,
      ...(result.message ? { message: result.message } : {}),
    };
    this.#requests.push(record);
    this.#debug(`${method} ${route} -> ${result.status}`);

    const responseHeaders: Record<string, string> = { ...(result.headers ?? {}) };
    if (result.raw) {
      res.writeHead(result.status, {
        ...responseHeaders,
        'content-type': result.raw.contentType,
        'content-length': String(result.raw.content.length),
      });
      res.end(result.raw.content);
    } else if (result.body === undefined) {
      res.writeHead(result.status, responseHeaders);
      res.end();
    } else {
      const text = JSON.stringify(result.body);
      res.writeHead(result.status, {
        ...responseHeaders,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
      });
      res.end(text);
    }
    this.#notify();
  }

  #takeFailure(method: string, route: string): RouteResult | undefined {
    for (const hook of this.#failures) {
      if (hook.remaining <= 0) continue;
      const m = hook.matcher;
      let ok: boolean;
      if (typeof m === 'function') {
        ok = m({ method, route });
      } else {
        ok = m.method === undefined || m.method.toUpperCase() === method;
        if (ok && m.route !== undefined) {
          if (m.route instanceof RegExp) ok = m.route.test(route);
          else if (m.route.includes(':'))
            ok = matchSegments(compileTemplate(m.route), compileTemplate(route)) !== undefined;
          else ok = m.route === route;
        }
      }
      if (!ok) continue;
      hook.remaining -= 1;
      const { status } = hook.failure;
      if (status === 429) {
        const retryAfter = hook.failure.retryAfter ?? 0.05;
        const global = hook.failure.global ?? false;
        return {
          status,
          body: hook.failure.body ?? {
            message: 'You are being rate limited.',
            retry_after: retryAfter,
            global,
            code: 0,
          },
          headers: {
            'retry-after': String(retryAfter),
            'x-ratelimit-scope': global ? 'global' : 'user',
            ...(global ? { 'x-ratelimit-global': 'true' } : {}),
          },
        };
      }
      const reason = status >= 500 ? 'Internal Server Error' : 'Error';
      return { status, body: hook.failure.body ?? { code: 0, message: `${status}: ${reason}` } };
    }
    return undefined;
  }

  #serveAttachment(segments: string[]): RouteResult {
    let stored: StoredAttachment | undefined;
    if (segments.length === 2) stored = this.#attachments.get(segments[0] as string);
    if (!stored && segments.length >= 1) {
      const name = segments[segments.length - 1];
      stored = [...this.#attachments.values()].reverse().find((a) => a.name === name);
    }
    if (!stored) return { status: 404, body: { code: 0, message: '404: Not Found' } };
    return { status: 200, raw: { content: stored.content, contentType: stored.contentType } };
  }

  #route(method: string, template: string, handler: (ctx: RouteContext) => RouteResult, auth = true): void {
    this.#routes.push({ method, template, segments: compileTemplate(template), auth, handler });
  }

  #channelOr404(id: string | undefined): ChannelState {
    const channel = id ? this.#channels.get(id) : undefined;
    if (!channel) throw discordError(404, 10003, 'Unknown Channel');
    return channel;
  }

  #messageOr404(channelId: string | undefined, messageId: string | undefined): StoredMessage {
    const stored = messageId ? this.#messages.get(messageId) : undefined;
    if (!stored || stored.deleted || stored.ephemeral || stored.message.channel_id !== channelId) {
      throw discordError(404, 10008, 'Unknown Message');
    }
    return stored;
  }

  #guildOr404(id: string | undefined): GuildState {
    const guild = id ? this.#guildStore.get(id) : undefined;
    if (!guild) throw discordError(404, 10004, 'Unknown Guild');
    return guild;
  }

  #checkApplication(id: string | undefined): void {
    if (id !== this.applicationId)
      throw discordError(403, 20012, 'You are not authorized to perform this action on this application');
  }

  #interactionByToken(applicationId: string | undefined, token: string | undefined): InteractionState {
    const state = [...this.#interactions.values()].find((i) => i.token === token);
    if (!state || applicationId !== this.applicationId) throw discordError(404, 10015, 'Unknown Webhook');
    return state;
  }

  #applicationObject(): Json {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: 'fake-discord application',
      summary: '',
      type: null,
      bot: this.botUser,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: 'fake',
      flags: this.#applicationFlags(),
      owner: this.users.owner,
      team: null,
      approximate_guild_count: this.#guildStore.size,
      redirect_uris: [],
      interactions_endpoint_url: null,
      integration_types_config: { '0': {} },
    };
  }

  #registerRoutes(): void {
    const gatewayBot = (): RouteResult => {
      const body: RESTGetAPIGatewayBotResult = {
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: Math.max(0, 1000 - this.#identifies),
          reset_after: 86_400_000,
          max_concurrency: this.#maxConcurrency,
        },
      };
      return { status: 200, body };
    };
    this.#route('GET', '/gateway/bot', gatewayBot);
    this.#route('GET', '/gateway', () => ({ status: 200, body: { url: this.gatewayUrl } }), false);
    this.#route('GET', '/users/@me', () => ({
      status: 200,
      body: { ...this.botUser, verified: true, mfa_enabled: false },
    }));
    this.#route('GET', '/users/:userId', ({ params }) => {
      const user = params.userId ? this.#userStore.get(params.userId) : undefined;
      if (!user) throw discordError(404, 10013, 'Unknown User');
      return { status: 200, body: user };
    });
    this.#route('GET', '/applications/@me', () => ({ status: 200, body: this.#applicationObject() }));
    this.#route('GET', '/oauth2/applications/@me', () => ({ status: 200, body: this.#applicationObject() }));

    // Channels & messages
    this.#route('GET', '/channels/:channelId', ({ params }) => ({
      status: 200,
      body: this.#channelObject(this.#channelOr404(params.channelId)),
    }));
    this.#route('POST', '/channels/:channelId/typing', ({ params }) => {
      this.#channelOr404(params.channelId);
      return { status: 204 };
    });
    this.#route('GET', '/channels/:channelId/messages', ({ params, query }) => {
      const channel = this.#channelOr404(params.channelId);
      const limit = Math.min(100, Math.max(1, Number(query.get('limit') ?? 50) || 50));
      const before = query.get('before');
      const after = query.get('after');
      let list = [...this.#messages.values()].filter(
        (m) => !m.deleted && !m.ephemeral && m.message.channel_id === channel.id,
      );
      if (before) list = list.filter((m) => BigInt(m.message.id) < BigInt(before));
      if (after) list = list.filter((m) => BigInt(m.message.id) > BigInt(after));
      list.sort((a, b) => (BigInt(b.message.id) > BigInt(a.message.id) ? 1 : -1));
      return {
        status: 200,
        body: list.slice(0, limit).map((m) => this.#messageView(m.message, m.guildId, undefined)),
      };
    });
    this.#route('GET', '/channels/:channelId/messages/:messageId', ({ params }) => {
      this.#channelOr404(params.channelId);
      const stored = this.#messageOr404(params.channelId, params.messageId);
      return { status: 200, body: this.#messageView(stored.message, stored.guildId, undefined) };
    });
    this.#route('POST', '/channels/:channelId/messages', ({ params, body, files }) => {
      const channel = this.#channelOr404(params.channelId);
      validateMessageBody(body, files, { requireNonEmpty: true });
      const nonce = body.nonce;
      if (body.enforce_nonce === true && (typeof nonce === 'string' || typeof nonce === 'number')) {
        const previous = this.#nonces.get(`${channel.id}:${nonce}`);
        const existing = previous ? this.#messages.get(previous) : undefined;
        if (existing) return { status: 200, body: existing.message, message: existing.message };
      }
      let referenced: StoredMessage | undefined;
      const reference = body.message_reference;
      if (
        isRecord(reference) &&
        (reference.type === undefined || reference.type === 0) &&
        reference.message_id !== undefined
      ) {
        const target = this.#messages.get(String(reference.message_id));
        const sameChannel =
          target &&
          !target.deleted &&
          target.message.channel_id === (asString(reference.channel_id) ?? channel.id);
        if (sameChannel) referenced = target;
        else if (reference.fail_if_not_exists !== false) {
          FormErrors.fail(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
        }
      }
      const message = this.#buildBotMessage(channel, body, files, { referenced });
      this.#storeMessage(message);
      if (typeof nonce === 'string' || typeof nonce === 'number')
        this.#nonces.set(`${channel.id}:${nonce}`, message.id);
      return { status: 200, body: message, message };
    });
    this.#route('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body, files }) => {
      this.#channelOr404(params.channelId);
      const stored = this.#messageOr404(params.channelId, params.messageId);
      if (stored.message.author.id !== this.botUser.id)
        throw discordError(403, 50005, 'Cannot edit a message authored by another user');
      validateMessageBody(body, files, { requireNonEmpty: false });
      const message = this.#editMessage(stored, body, files);
      this.#dispatchMessageEvent(stored, GatewayDispatchEvents.MessageUpdate);
      return { status: 200, body: message, message };
    });
    this.#route('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
      this.#channelOr404(params.channelId);
      const stored = this.#messageOr404(params.channelId, params.messageId);
      stored.deleted = true;
      this.#dispatchMessageDelete(stored);
      return { status: 204 };
    });
    const reaction =
      (add: boolean) =>
      ({ params }: RouteContext): RouteResult => {
        this.#channelOr404(params.channelId);
        const stored = this.#messageOr404(params.channelId, params.messageId);
        const emoji = params.emoji ?? '';
        const [name, id] = emoji.includes(':') ? (emoji.split(':') as [string, string]) : [emoji, undefined];
        const reactions = [...(stored.message.reactions ?? [])];
        const index = reactions.findIndex((r) => r.emoji.name === name && (r.emoji.id ?? undefined) === id);
        const existing = index >= 0 ? reactions[index] : undefined;
        if (add && !existing?.me) {
          const count = (existing?.count ?? 0) + 1;
          const next = {
            emoji: { id: id ?? null, name },
            count,
            count_details: { burst: 0, normal: count },
            me: true,
            me_burst: false,
            burst_colors: [],
          };
          if (index >= 0) reactions[index] = next;
          else reactions.push(next);
        } else if (!add && existing?.me) {
          if (existing.count <= 1) reactions.splice(index, 1);
          else
            reactions[index] = {
              ...existing,
              me: false,
              count: existing.count - 1,
              count_details: { burst: 0, normal: existing.count - 1 },
            };
        }
        stored.message = { ...stored.message, reactions };
        return { status: 204 };
      };
    this.#route('PUT', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', reaction(true));
    this.#route('DELETE', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', reaction(false));
    this.#route('POST', '/users/@me/channels', ({ body }) => {
      const recipientId = asString(body.recipient_id);
      const user = recipientId ? this.#userStore.get(recipientId) : undefined;
      if (!user) {
        FormErrors.fail(
          ['recipient_id'],
          'NUMBER_TYPE_COERCE',
          `Value "${String(body.recipient_id)}" is not snowflake.`,
        );
      }
      return { status: 200, body: this.#channelObject(this.#channelOr404(this.dmChannelId(user))) };
    });

    // Guilds
    this.#route('GET', '/guilds/:guildId', ({ params, query }) => {
      const guild = this.#guildOr404(params.guildId);
      const counts =
        query.get('with_counts') === 'true'
          ? { approximate_member_count: guild.members.size, approximate_presence_count: 0 }
          : {};
      return { status: 200, body: { ...this.#guildObject(guild), ...counts } };
    });
    this.#route('GET', '/guilds/:guildId/channels', ({ params }) => {
      const guild = this.#guildOr404(params.guildId);
      return {
        status: 200,
        body: guild.channelIds.map((id) => this.#channelObject(this.#channels.get(id) as ChannelState)),
      };
    });
    this.#route('GET', '/guilds/:guildId/roles', ({ params }) => ({
      status: 200,
      body: this.#guildOr404(params.guildId).roles,
    }));
    this.#route('GET', '/guilds/:guildId/members', ({ params, query }) => {
      const guild = this.#guildOr404(params.guildId);
      if (!this.#privileged.guildMembers) throw discordError(403, 50001, 'Missing Access');
      const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 1) || 1));
      return {
        status: 200,
        body: [...guild.members.keys()].slice(0, limit).map((id) => this.#memberObject(guild, id)),
      };
    });
    this.#route('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
      const guild = this.#guildOr404(params.guildId);
      if (!params.userId || !guild.members.has(params.userId))
        throw discordError(404, 10007, 'Unknown Member');
      return { status: 200, body: this.#memberObject(guild, params.userId) };
    });

    // Application commands
    const commandRoutes = (
      prefix: string,
      listOf: (params: Record<string, string>) => APIApplicationCommand[],
      guildIdOf: (params: Record<string, string>) => string | undefined,
    ) => {
      const build = (
        raw: Json,
        params: Record<string, string>,
        existing: APIApplicationCommand | undefined,
      ): APIApplicationCommand => {
        const type = typeof raw.type === 'number' ? raw.type : ApplicationCommandType.ChatInput;
        const guildId = guildIdOf(params);
        return {
          ...raw,
          id: existing?.id ?? this.#ids.next(),
          application_id: this.applicationId,
          version: this.#ids.next(),
          type,
          name: String(raw.name),
          description: asString(raw.description) ?? '',
          default_member_permissions: (raw.default_member_permissions as string | null | undefined) ?? null,
          nsfw: raw.nsfw === true,
          ...(guildId ? { guild_id: guildId } : {}),
        } as APIApplicationCommand;
      };
      this.#route('GET', prefix, ({ params }) => {
        this.#checkApplication(params.applicationId);
        return { status: 200, body: listOf(params) };
      });
      this.#route('PUT', prefix, ({ params, json }) => {
        this.#checkApplication(params.applicationId);
        if (!Array.isArray(json)) FormErrors.fail([], 'BASE_TYPE_ARRAY', 'Must be an array.');
        const errors = new FormErrors();
        const seen = new Set<string>();
        json.forEach((command, i) => {
          validateCommand(errors, command, [i]);
          if (isRecord(command)) {
            const key = `${String(command.type ?? 1)}:${String(command.name)}`;
            if (seen.has(key))
              errors.add(
                [i, 'name'],
                'APPLICATION_COMMANDS_DUPLICATE_NAME',
                `Application command names must be unique`,
              );
            seen.add(key);
          }
        });
        errors.throwIfAny();
        const list = listOf(params);
        const next = (json as Json[]).map((raw) =>
          build(
            raw,
            params,
            list.find(
              (c) => c.name === raw.name && c.type === (raw.type ?? ApplicationCommandType.ChatInput),
            ),
          ),
        );
        list.splice(0, list.length, ...next);
        return { status: 200, body: next };
      });
      this.#route('POST', prefix, ({ params, body }) => {
        this.#checkApplication(params.applicationId);
        const errors = new FormErrors();
        validateCommand(errors, body, []);
        errors.throwIfAny();
        const list = listOf(params);
        const type = body.type ?? ApplicationCommandType.ChatInput;
        const index = list.findIndex((c) => c.name === body.name && c.type === type);
        const command = build(body, params, list[index]);
        if (index >= 0) list[index] = command;
        else list.push(command);
        return { status: index >= 0 ? 200 : 201, body: command };
      });
      this.#route('GET', `${prefix}/:commandId`, ({ params }) => {
        this.#checkApplication(params.applicationId);
        const command = listOf(params).find((c) => c.id === params.commandId);
        if (!command) throw discordError(404, 10063, 'Unknown application command');
        return { status: 200, body: command };
      });
      this.#route('PATCH', `${prefix}/:commandId`, ({ params, body }) => {
        this.#checkApplication(params.applicationId);
        const list = listOf(params);
        const index = list.findIndex((c) => c.id === params.commandId);
        const current = list[index];
        if (!current) throw discordError(404, 10063, 'Unknown application command');
        const merged = { ...current, ...body };
        const errors = new FormErrors();
        validateCommand(errors, merged, []);
        errors.throwIfAny();
        const command = build(merged, params, current);
        list[index] = command;
        return { status: 200, body: command };
      });
      this.#route('DELETE', `${prefix}/:commandId`, ({ params }) => {
        this.#checkApplication(params.applicationId);
        const list = listOf(params);
        const index = list.findIndex((c) => c.id === params.commandId);
        if (index < 0) throw discordError(404, 10063, 'Unknown application command');
        list.splice(index, 1);
        return { status: 204 };
      });
    };
    commandRoutes(
      '/applications/:applicationId/commands',
      () => this.#globalCommands,
      () => undefined,
    );
    commandRoutes(
      '/applications/:applicationId/guilds/:guildId/commands',
      (params) => this.#guildOr404(params.guildId).commands,
      (params) => params.guildId,
    );

    // Interactions
    this.#route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      (ctx) => this.#interactionCallback(ctx),
      false,
    );
    this.#route('POST', '/webhooks/:applicationId/:token', (ctx) => this.#followUp(ctx), false);
    this.#route(
      'GET',
      '/webhooks/:applicationId/:token/messages/:messageId',
      ({ params }) => {
        const { stored } = this.#webhookMessage(params);
        return { status: 200, body: stored.message };
      },
      false,
    );
    this.#route(
      'PATCH',
      '/webhooks/:applicationId/:token/messages/:messageId',
      ({ params, body, files }) => {
        const { stored } = this.#webhookMessage(params);
        validateMessageBody(body, files, { requireNonEmpty: false });
        const wasLoading = ((stored.message.flags ?? 0) & MessageFlags.Loading) !== 0;
        if (wasLoading)
          stored.message = { ...stored.message, flags: (stored.message.flags ?? 0) & ~MessageFlags.Loading };
        const message = this.#editMessage(stored, body, files);
        if (wasLoading) stored.message = { ...message, edited_timestamp: null };
        if (!stored.ephemeral) this.#dispatchMessageEvent(stored, GatewayDispatchEvents.MessageUpdate);
        return { status: 200, body: stored.message, message: stored.message };
      },
      false,
    );
    this.#route(
      'DELETE',
      '/webhooks/:applicationId/:token/messages/:messageId',
      ({ params }) => {
        const { stored } = this.#webhookMessage(params);
        stored.deleted = true;
        if (!stored.ephemeral) this.#dispatchMessageDelete(stored);
        return { status: 204 };
      },
      false,
    );
  }

  #webhookMessage(params: Record<string, string>): { stored: StoredMessage; state: InteractionState } {
    const state = this.#interactionByToken(params.applicationId, params.token);
    const messageId = params.messageId === '@original' ? state.originalMessageId : params.messageId;
    const stored = messageId ? this.#messages.get(messageId) : undefined;
    const belongs =
      stored !== undefined &&
      (messageId === state.originalMessageId ||
        state.followUpIds.includes(stored.message.id) ||
        stored.interactionId === state.id);
    if (!stored || stored.deleted || !belongs) throw discordError(404, 10008, 'Unknown Message');
    return { stored, state };
  }

  #interactionCallback(ctx: RouteContext): RouteResult {
    const { params, body, files, query } = ctx;
    const state = params.interactionId ? this.#interactions.get(params.interactionId) : undefined;
    if (!state || state.token !== params.token) throw discordError(404, 10062, 'Unknown interaction');
    if (this.#interactionDeadlineMs > 0 && Date.now() - state.createdAt > this.#interactionDeadlineMs) {
      throw discordError(404, 10062, 'Unknown interaction');
    }
    if (state.acknowledged) throw discordError(400, 40060, 'Interaction has already been acknowledged.');
    const type = body.type;
    const allowed: Record<number, number[]> = {
      [InteractionType.Ping]: [InteractionResponseType.Pong],
      [InteractionType.ApplicationCommand]: [4, 5, 9, 10, 12],
      [InteractionType.MessageComponent]: [4, 5, 6, 7, 9, 10, 12],
      [InteractionType.ApplicationCommandAutocomplete]: [8],
      [InteractionType.ModalSubmit]: state.sourceMessageId ? [4, 5, 6, 7, 10] : [4, 5, 10],
    };
    if (typeof type !== 'number' || !(allowed[state.type] ?? []).includes(type)) {
      FormErrors.fail(
        ['type'],
        'INTERACTION_RESPONSE_TYPE_INVALID',
        `Interaction response type ${String(type)} is not valid for this interaction`,
      );
    }
    const data = isRecord(body.data) ? body.data : {};
    const channel = this.#channelOr404(state.channelId);
    const ephemeral = typeof data.flags === 'number' && (data.flags & MessageFlags.Ephemeral) !== 0;
    let message: APIMessage | undefined;
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        validateMessageBody(data, files, { requireNonEmpty: true });
        const flags = (typeof data.flags === 'number' ? data.flags : 0) & ~MessageFlags.Loading;
        message = this.#buildBotMessage(channel, data, files, { interaction: state, flags });
        this.#storeMessage(message, { ephemeral, interactionId: state.id });
        state.originalMessageId = message.id;
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = MessageFlags.Loading | (ephemeral ? MessageFlags.Ephemeral : 0);
        message = this.#buildBotMessage(channel, { content: '' }, [], { interaction: state, flags });
        this.#storeMessage(message, { ephemeral, interactionId: state.id });
        state.originalMessageId = message.id;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        state.originalMessageId = state.sourceMessageId;
        break;
      case InteractionResponseType.UpdateMessage: {
        const stored = state.sourceMessageId ? this.#messages.get(state.sourceMessageId) : undefined;
        if (!stored) throw discordError(404, 10008, 'Unknown Message');
        validateMessageBody(data, files, { requireNonEmpty: false });
        message = this.#editMessage(stored, data, files);
        state.originalMessageId = stored.message.id;
        if (!stored.ephemeral) this.#dispatchMessageEvent(stored, GatewayDispatchEvents.MessageUpdate);
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const errors = new FormErrors();
        const choices = data.choices;
        if (!Array.isArray(choices))
          errors.add(['data', 'choices'], 'BASE_TYPE_REQUIRED', 'This field is required');
        else {
          if (choices.length > 25)
            errors.add(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
          choices.forEach((choice, i) => {
            if (!isRecord(choice)) return;
            maxLength(errors, ['data', 'choices', i, 'name'], choice.name, 100, 1);
            if (typeof choice.value === 'string')
              maxLength(errors, ['data', 'choices', i, 'value'], choice.value, 100);
          });
        }
        errors.throwIfAny();
        break;
      }
      case InteractionResponseType.Modal: {
        const errors = new FormErrors();
        maxLength(errors, ['data', 'custom_id'], data.custom_id, 100, 1);
        maxLength(errors, ['data', 'title'], data.title, 45, 1);
        if (!Array.isArray(data.components) || data.components.length < 1 || data.components.length > 5) {
          errors.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
        }
        errors.throwIfAny();
        state.modal = data;
        break;
      }
      default:
        break;
    }
    state.acknowledged = true;
    if (query.get('with_response') !== 'true') return { status: 204, ...(message ? { message } : {}) };
    const original = state.originalMessageId ? this.getMessage(state.originalMessageId) : undefined;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id,
          type: state.type,
          ...(original
            ? {
                response_message_id: original.id,
                response_message_loading: ((original.flags ?? 0) & MessageFlags.Loading) !== 0,
                response_message_ephemeral: ((original.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
              }
            : {}),
        },
        resource: {
          type,
          ...(original && type !== InteractionResponseType.DeferredMessageUpdate
            ? { message: original }
            : {}),
        },
      },
      ...(message ? { message } : {}),
    };
  }

  #followUp(ctx: RouteContext): RouteResult {
    const { params, body, files, query } = ctx;
    const state = this.#interactionByToken(params.applicationId, params.token);
    if (!state.acknowledged) throw discordError(404, 10015, 'Unknown Webhook');
    validateMessageBody(body, files, { requireNonEmpty: true });
    const original = state.originalMessageId ? this.#messages.get(state.originalMessageId) : undefined;
    let message: APIMessage;
    if (original && ((original.message.flags ?? 0) & MessageFlags.Loading) !== 0) {
      // Discord: the first follow-up after a deferred reply replaces the "thinking..." message.
      original.message = {
        ...original.message,
        flags: (original.message.flags ?? 0) & ~MessageFlags.Loading,
      };
      message = this.#editMessage(original, body, files);
      original.message = { ...message, edited_timestamp: null };
      message = original.message;
      if (!original.ephemeral) this.#dispatchMessageEvent(original, GatewayDispatchEvents.MessageUpdate);
    } else {
      const channel = this.#channelOr404(state.channelId);
      const ephemeral = typeof body.flags === 'number' && (body.flags & MessageFlags.Ephemeral) !== 0;
      const flags = typeof body.flags === 'number' ? body.flags & ~MessageFlags.Loading : 0;
      message = this.#buildBotMessage(channel, body, files, { interaction: state, flags });
      this.#storeMessage(message, { ephemeral, interactionId: state.id });
      state.followUpIds.push(message.id);
    }
    if (query.get('wait') === 'true') return { status: 200, body: message, message };
    return { status: 204, message };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Shutdown
  // -------------------------------------------------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of [...this.#waiters]) waiter.fail(new Error('fake-discord was closed'));
    for (const conn of this.#connections) {
      conn.closedByServer = true;
      conn.ws.terminate();
      conn.deflate?.close();
    }
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    const closed = new Promise<void>((resolve) => this.#http.close(() => resolve()));
    this.#http.closeAllConnections();
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']);

/**
 * Makes every outgoing TCP/TLS connection to anything but loopback fail (for the current process), so a
 * misconfigured client (a missing `rest.api`, ShardingManager's `totalShards: 'auto'`, which calls
 * https://discord.com directly) can never reach Discord with a test token. Returns a function that restores it.
 */
export function blockExternalNetwork(): () => void {
  const original = net.Socket.prototype.connect;
  const guarded = function (this: Socket, ...args: unknown[]): Socket {
    // net.connect() hands Socket#connect its normalized [options, callback] array.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    let host: string | undefined;
    let port: unknown;
    let isPipe = false;
    if (isRecord(first)) {
      host = asString(first.host);
      port = first.port;
      isPipe = typeof first.path === 'string';
    } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
      isPipe = true;
    } else {
      port = first;
      host = asString(args[1]);
    }
    if (!isPipe && host !== undefined && !LOOPBACK_HOSTS.has(host)) {
      const error = new Error(
        `fake-discord: blocked a connection to ${host}:${String(port)} (tests may only talk to 127.0.0.1)`,
      );
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (original as (...a: unknown[]) => Socket).apply(this, args);
  };
  net.Socket.prototype.connect = guarded as typeof original;
  return () => {
    if (net.Socket.prototype.connect === guarded) net.Socket.prototype.connect = original;
  };
}

/** Starts a fake Discord on 127.0.0.1 (random free port). Call `close()` when done (after destroying clients). */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = new FakeDiscordServer(options);
  await server.listen();
  return server;
}
