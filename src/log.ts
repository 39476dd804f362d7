/**
 * Logging: pino, JSON lines by default, readable when written to a terminal. Secrets never
 * leave the process: known secret fields are redacted, and the token itself is scrubbed from
 * every line whatever field it hides in.
 */
import { pino } from 'pino';
import pretty from 'pino-pretty';

export type Logger = pino.Logger;

export interface LoggerOptions {
  readonly level: string;
  /** Strings that must never appear in a log line (the bot token). */
  readonly secrets: readonly (string | undefined)[];
  /** 1 = stdout, 2 = stderr (the terminal front end keeps stdout for answers). */
  readonly fd?: 1 | 2;
  /** Readable output; defaults to whether the destination is a terminal. */
  readonly pretty?: boolean;
  /** Write here instead of fd (tests). */
  readonly stream?: NodeJS.WritableStream;
}

const REDACTED = '[redacted]';
const SECRET_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

export function createLogger(options: LoggerOptions): Logger {
  const fd = options.fd ?? 1;
  const secrets = options.secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (line: string): string => {
    let out = line;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out;
  };
  const isTerminal = fd === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  const base = {
    level: options.level,
    base: { pid: process.pid },
    redact: { paths: SECRET_PATHS, censor: REDACTED },
    hooks: { streamWrite: scrub },
  };
  if (options.stream) return pino(base, options.stream);
  if (options.pretty ?? isTerminal === true) {
    return pino(
      base,
      pretty({ destination: fd, sync: true, colorize: isTerminal === true, ignore: 'pid,hostname' }),
    );
  }
  return pino(base, pino.destination({ fd, sync: true }));
}

/** A logger that writes nothing, for tests and tools that report through their own output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
