/**
 * Configuration: read from the environment once (after .env), validated, frozen.
 * Nothing else in the project reads process.env.
 */
import { z } from 'zod';
import { MAX_DATA_FILE_BYTES } from './core/limits.ts';

const Snowflake = z.string().regex(/^\d{17,20}$/);

/** "a, b,c" -> ["a", "b", "c"]; blank -> []. */
const idList = (variable: string) =>
  z
    .string()
    .default('')
    .transform((value, ctx) => {
      const ids = value
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean);
      for (const id of ids) {
        if (!Snowflake.safeParse(id).success) {
          ctx.addIssue({
            code: 'custom',
            message: `"${id}" is not a Discord id: list ids (17-20 digits) separated by commas, e.g. ${variable}=123456789012345678,234567890123456789`,
          });
        }
      }
      return ids;
    });

const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const v = value.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a yes/no value: use true or false` });
      return fallback;
    });

const integer = (fallback: number, min: number, max: number, unit: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value}" is not a whole number of ${unit} from ${min} to ${max}`,
        });
        return fallback;
      }
      return n;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const EnvSchema = z.object({
  // Unset: the terminal. Set but empty is a mistake (a .env line left blank), not a choice.
  DISCORD_TOKEN: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const token = value.trim();
      if (token === '') {
        ctx.addIssue({
          code: 'custom',
          message:
            'is set but empty: paste the bot token (Developer Portal > Bot > Reset Token), or delete or comment out the line to run in the terminal',
        });
      } else if (!/^(?!Bot )[^\s"']+$/.test(token)) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be the token alone, without "Bot ", quotes or spaces: copy it from the Developer Portal (Bot > Reset Token)',
        });
      }
      return token;
    }),
  DISCORD_CLIENT_ID: optionalText.refine((v) => v === undefined || Snowflake.safeParse(v).success, {
    message: 'must be the application id (17-20 digits), from the Developer Portal (General Information)',
  }),
  DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || Snowflake.safeParse(v).success, {
    message:
      'must be a server id (17-20 digits): right-click the server with Developer Mode on, Copy Server ID',
  }),
  DISCORD_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v), {
    message: 'must be an http(s) URL such as https://discord.com/api',
  }),
  DISCORD_REST_REQUESTS_PER_SECOND: integer(50, 1, 10_000, 'requests per second'),
  MESSAGE_CONTENT_INTENT: flag(true),
  COMMAND_PREFIX: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? '!' : v))
    .refine((v) => v.length <= 5 && !/\s/.test(v), {
      message: 'must be 1-5 characters without spaces, e.g. ! or ?',
    }),
  MOD_ROLE_IDS: idList('MOD_ROLE_IDS'),
  MOD_USER_IDS: idList('MOD_USER_IDS'),
  COOLDOWN_SECONDS: integer(3, 0, 3600, 'seconds'),
  COOLDOWN_BURST: integer(5, 1, 100, 'questions'),
  CONTEXT_MINUTES: integer(10, 0, 1440, 'minutes (0 = no conversation context)'),
  CONTEXT_TURNS: integer(5, 0, 50, 'turns (0 = no conversation context)'),
  DATA_DIR: optionalText,
  STATE_DIR: optionalText,
  LOG_QUESTIONS: flag(true),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? 'info' : v.trim().toLowerCase()))
    .refine((v) => ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v), {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
  HEALTH_PORT: integer(0, 0, 65_535, 'port (0 = off)'),
  HEALTH_HOST: optionalText,
  WATCH_DATA: flag(false),
  SHARD_COUNT: optionalText.refine((v) => v === undefined || v === 'auto' || /^[1-9]\d{0,3}$/.test(v), {
    message: 'must be auto or a number of shards from 1 to 9999',
  }),
  MAX_UPLOAD_KB: integer(MAX_DATA_FILE_BYTES / 1024, 1, MAX_DATA_FILE_BYTES / 1024, 'kilobytes'),
  QUESTION_LOG_RETENTION_DAYS: integer(90, 0, 3650, 'days (0 = keep forever)'),
  STUDIO_PORT: integer(0, 0, 65_535, 'port (0 = off)'),
  STUDIO_HOST: optionalText,
  STUDIO_TOKEN: optionalText.refine((v) => v === undefined || /^[^\s"']{16,}$/.test(v), {
    message: 'must be at least 16 characters without spaces or quotes: make one with openssl rand -hex 32',
  }),
});

/** Checks across variables, each reported with every other problem. */
const CheckedEnvSchema = EnvSchema.refine(
  // The studio edits the data: anywhere but this machine it needs a token.
  (env) => env.STUDIO_HOST === undefined || isLoopbackHost(env.STUDIO_HOST) || env.STUDIO_TOKEN !== undefined,
  {
    path: ['STUDIO_TOKEN'],
    message:
      'is required when STUDIO_HOST is not a loopback address: set a long random token (openssl rand -hex 32), or leave STUDIO_HOST unset for 127.0.0.1',
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  },
);

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export interface Config {
  readonly discord: {
    /** Absent: run in the terminal instead of connecting. */
    readonly token: string | undefined;
    readonly clientId: string | undefined;
    readonly guildId: string | undefined;
    readonly apiUrl: string;
    readonly restRequestsPerSecond: number;
    readonly messageContentIntent: boolean;
    readonly shardCount: number | 'auto' | undefined;
  };
  readonly commandPrefix: string;
  readonly moderators: { readonly roleIds: readonly string[]; readonly userIds: readonly string[] };
  /** A user may ask `cooldownBurst` questions in a row, then one every `cooldownSeconds`. */
  readonly cooldownSeconds: number;
  readonly cooldownBurst: number;
  /**
   * Conversation context: the last `turns` questions of each user in each channel (or DM), for
   * `minutes`, read when a follow-up leans on them ("how old is he?"). 0 in either turns it off.
   */
  readonly conversation: { readonly turns: number; readonly minutes: number };
  readonly dataDir: string;
  readonly stateDir: string;
  readonly logQuestions: boolean;
  /** Question-log rows last seen longer ago than this are deleted; 0 keeps them forever. */
  readonly questionLogRetentionDays: number;
  readonly logLevel: string;
  readonly healthPort: number;
  /** Interface /healthz listens on: 127.0.0.1 by default; 0.0.0.0 for container probes. */
  readonly healthHost: string;
  readonly watchData: boolean;
  /** The largest upload /reload accepts: at most (and by default) what any data file may be. */
  readonly maxUploadBytes: number;
  /** The curator studio (src/studio): off when port is 0; a token is required off loopback. */
  readonly studio: { readonly port: number; readonly host: string; readonly token: string | undefined };
}

export const DEFAULT_DATA_DIR = 'data';
export const DEFAULT_STATE_DIR = 'state';
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

/** Thrown when configuration is invalid: one line per problem, naming the variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * The bot cannot start for a reason the operator must fix (a port in use, say): one line that
 * names the variable, the cause and what to do.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** One line on why the bot could not start. */
export function startupFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  return `Could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/** Parses an environment (process.env, or a test's own) into a frozen Config. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = CheckedEnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`),
    );
  }
  const e = result.data;
  const shardCount =
    e.SHARD_COUNT === undefined || e.SHARD_COUNT === 'auto' ? e.SHARD_COUNT : Number(e.SHARD_COUNT);
  return deepFreeze({
    discord: {
      token: e.DISCORD_TOKEN,
      clientId: e.DISCORD_CLIENT_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: (e.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, ''),
      restRequestsPerSecond: e.DISCORD_REST_REQUESTS_PER_SECOND,
      messageContentIntent: e.MESSAGE_CONTENT_INTENT,
      shardCount,
    },
    commandPrefix: e.COMMAND_PREFIX,
    moderators: { roleIds: e.MOD_ROLE_IDS, userIds: e.MOD_USER_IDS },
    cooldownSeconds: e.COOLDOWN_SECONDS,
    cooldownBurst: e.COOLDOWN_BURST,
    conversation: { turns: e.CONTEXT_TURNS, minutes: e.CONTEXT_MINUTES },
    dataDir: e.DATA_DIR ?? DEFAULT_DATA_DIR,
    stateDir: e.STATE_DIR ?? DEFAULT_STATE_DIR,
    logQuestions: e.LOG_QUESTIONS,
    questionLogRetentionDays: e.QUESTION_LOG_RETENTION_DAYS,
    logLevel: e.LOG_LEVEL,
    healthPort: e.HEALTH_PORT,
    healthHost: e.HEALTH_HOST ?? '127.0.0.1',
    watchData: e.WATCH_DATA,
    maxUploadBytes: e.MAX_UPLOAD_KB * 1024,
    studio: { port: e.STUDIO_PORT, host: e.STUDIO_HOST ?? '127.0.0.1', token: e.STUDIO_TOKEN },
  });
}

/**
 * Reads .env (if present) into the environment, then parses it. The one place that touches
 * process.env; a variable already set in the environment wins over .env.
 */
export async function loadConfig(
  overrides: Readonly<Record<string, string | undefined>> = {},
): Promise<Config> {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  // discord.js reads SHARD_COUNT from the environment itself (the ShardingManager sets it for its
  // shards): a blank line in .env means unset here, and must not reach it as shard count 0.
  if (process.env.SHARD_COUNT?.trim() === '') delete process.env.SHARD_COUNT;
  return parseConfig({ ...process.env, ...overrides });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
