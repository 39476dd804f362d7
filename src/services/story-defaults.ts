/**
 * The story a server or a channel asks about by default (`/story use`), kept in the state
 * database (STATE_DIR/questions.sqlite, table story_defaults) and in memory. Read once at start;
 * a moderator's change is written at once (a short busy timeout: it is rare, and said if it
 * fails). A database that cannot be used leaves the defaults in memory, until a restart.
 *
 * Under the ShardingManager each server lives on one shard, so that shard's memory is the truth
 * for its servers' channels; DMs are shard 0's.
 */
import type Database from 'better-sqlite3';
import type { Logger } from '../log.ts';
import { openStateDatabase } from './sqlite-question-store.ts';

/** How long a moderator's change may wait for another process's write lock. */
const WRITE_TIMEOUT_MS = 250;

export type DefaultScope = 'channel' | 'server';

export interface StoryDefault {
  readonly story: string;
  readonly scope: DefaultScope;
}

/** Where a default is set: a server (channel '' for the whole server) or a DM channel (guild ''). */
const keyOf = (guildId: string | null, channelId: string | null): string =>
  `${guildId ?? ''}\u0000${channelId ?? ''}`;

export class StoryDefaults {
  private readonly defaults = new Map<string, string>();

  private constructor(
    private readonly db: Database.Database | null,
    private readonly log: Logger,
  ) {
    if (!db) return;
    const rows = db.prepare('SELECT guild_id, channel_id, story FROM story_defaults').all() as {
      guild_id: string;
      channel_id: string;
      story: string;
    }[];
    for (const row of rows) this.defaults.set(keyOf(row.guild_id, row.channel_id), row.story);
  }

  /** The defaults in `stateDir`'s database; in memory only without one (stateDir null) or if it cannot be opened. */
  static open(stateDir: string | null, log: Logger): StoryDefaults {
    if (stateDir === null) return new StoryDefaults(null, log);
    try {
      return new StoryDefaults(openStateDatabase(stateDir, { busyTimeoutMs: WRITE_TIMEOUT_MS }), log);
    } catch (error) {
      log.warn({ reason: (error as Error).message }, 'story defaults: kept in memory only');
      return new StoryDefaults(null, log);
    }
  }

  /** In memory only: the terminal's session, tests. */
  static inMemory(log: Logger): StoryDefaults {
    return new StoryDefaults(null, log);
  }

  /** The channel's default, else its server's; null when neither is set. */
  get(guildId: string | null, channelId: string | null): StoryDefault | null {
    const channel = channelId === null ? undefined : this.defaults.get(keyOf(guildId, channelId));
    if (channel !== undefined) return { story: channel, scope: 'channel' };
    const server = guildId === null ? undefined : this.defaults.get(keyOf(guildId, null));
    return server === undefined ? null : { story: server, scope: 'server' };
  }

  /**
   * Sets (story) or clears (null) a channel's or a server's default. False when it was not
   * written to the database (memory only, or the write failed): it holds until a restart.
   */
  set(
    where: { guildId: string | null; channelId: string | null; scope: DefaultScope },
    story: string | null,
  ): boolean {
    const channel = where.scope === 'server' && where.guildId !== null ? null : where.channelId;
    const key = keyOf(where.guildId, channel);
    if (story === null) this.defaults.delete(key);
    else this.defaults.set(key, story);
    if (!this.db) return false;
    try {
      if (story === null)
        this.db
          .prepare('DELETE FROM story_defaults WHERE guild_id = ? AND channel_id = ?')
          .run(where.guildId ?? '', channel ?? '');
      else
        this.db
          .prepare(
            `INSERT INTO story_defaults (guild_id, channel_id, story, set_at) VALUES (?, ?, ?, ?)
             ON CONFLICT (guild_id, channel_id) DO UPDATE SET story = excluded.story, set_at = excluded.set_at`,
          )
          .run(where.guildId ?? '', channel ?? '', story, new Date().toISOString());
      return true;
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'story defaults: could not write a default');
      return false;
    }
  }

  /** Whether changes are written to a database (else memory only, by choice or not). */
  get persistent(): boolean {
    return this.db !== null;
  }

  close(): void {
    if (this.db?.open) this.db.close();
  }
}
