/**
 * Discord snowflakes: 64-bit ids whose top 42 bits are milliseconds since the Discord epoch
 * (2015-01-01T00:00:00Z), then 5 bits worker id, 5 bits process id and a 12-bit increment.
 * Ids generated today are 19 digits long; ids from 2015/2016 have 17 or 18.
 */

export const DISCORD_EPOCH = 1_420_070_400_000;

const MAX_INCREMENT = 4095;

/** Builds the snowflake for a given Unix timestamp (ms). */
export function snowflakeFromTimestamp(
  timestamp: number,
  increment = 0,
  workerId = 1,
  processId = 0,
): string {
  const sinceEpoch = BigInt(Math.floor(timestamp)) - BigInt(DISCORD_EPOCH);
  if (sinceEpoch < 0n) throw new RangeError(`timestamp ${timestamp} is before the Discord epoch`);
  return (
    (sinceEpoch << 22n) |
    (BigInt(workerId & 31) << 17n) |
    (BigInt(processId & 31) << 12n) |
    BigInt(increment & MAX_INCREMENT)
  ).toString();
}

/** The Unix timestamp (ms) encoded in a snowflake. */
export function snowflakeTimestamp(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}

/** The shard a guild belongs to, as Discord computes it: `(guild_id >> 22) % shard_count`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Generates unique, strictly increasing snowflakes from the current time. */
export class SnowflakeGenerator {
  #lastTimestamp = 0;
  #increment = 0;
  readonly #workerId: number;
  readonly #processId: number;

  constructor(workerId = 1, processId = 0) {
    this.#workerId = workerId;
    this.#processId = processId;
  }

  next(now: number = Date.now()): string {
    let timestamp = Math.max(Math.floor(now), this.#lastTimestamp);
    if (timestamp === this.#lastTimestamp) {
      this.#increment += 1;
      if (this.#increment > MAX_INCREMENT) {
        timestamp += 1;
        this.#increment = 0;
      }
    } else {
      this.#increment = 0;
    }
    this.#lastTimestamp = timestamp;
    return snowflakeFromTimestamp(timestamp, this.#increment, this.#workerId, this.#processId);
  }
}
