/**
 * The question log in SQLite (better-sqlite3): declined questions, and feedback on answers, so
 * curators see what to add. No user ids are stored. WAL mode, so several shard processes can
 * share one file. Created and migrated on open.
 *
 * The bot opens it with a busy timeout of 0: a write that meets another process's lock fails at
 * once instead of waiting on the bot's only thread, and question-log.ts tries again later. The
 * command line, which may wait, opens it with a timeout.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { UnansweredReport } from '../commands/types.ts';
import type { AskedWhere, LogRow, QuestionStore, ReportScope } from './question-store.ts';

export const DATABASE_FILE = 'questions.sqlite';
/** Example questions kept per entry marked "not what I asked". */
const EXAMPLES_PER_ENTRY = 3;

/** Each step brings the schema from version i to i + 1; never edit a step once released. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE declined (
     question   TEXT NOT NULL,
     guild_id   TEXT NOT NULL DEFAULT '',
     count      INTEGER NOT NULL,
     first_seen TEXT NOT NULL,
     last_seen  TEXT NOT NULL,
     PRIMARY KEY (question, guild_id)
   );
   CREATE TABLE feedback (
     entry_id    TEXT NOT NULL,
     guild_id    TEXT NOT NULL DEFAULT '',
     helpful     INTEGER NOT NULL DEFAULT 0,
     not_helpful INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (entry_id, guild_id)
   );
   CREATE TABLE misanswered (
     entry_id  TEXT NOT NULL,
     question  TEXT NOT NULL,
     count     INTEGER NOT NULL,
     last_seen TEXT NOT NULL,
     PRIMARY KEY (entry_id, question)
   );`,
  // 2: the kind of channel (a server's, or a DM) and the story of every row, so reports can be
  // kept to one server; a time on every row, for retention. Rows of version 1 without a server
  // were asked in DMs; version 1 kept no server for "not what I asked" examples ('unknown': only
  // the bot's operators see them).
  `CREATE TABLE declined_2 (
     story        TEXT NOT NULL DEFAULT '',
     guild_id     TEXT NOT NULL DEFAULT '',
     channel_kind TEXT NOT NULL CHECK (channel_kind IN ('guild', 'dm')),
     question     TEXT NOT NULL,
     count        INTEGER NOT NULL,
     first_seen   TEXT NOT NULL,
     last_seen    TEXT NOT NULL,
     PRIMARY KEY (story, guild_id, channel_kind, question)
   );
   INSERT INTO declined_2 (story, guild_id, channel_kind, question, count, first_seen, last_seen)
     SELECT '', guild_id, CASE WHEN guild_id = '' THEN 'dm' ELSE 'guild' END, question, count, first_seen, last_seen
     FROM declined;
   DROP TABLE declined;
   ALTER TABLE declined_2 RENAME TO declined;
   CREATE INDEX declined_by_guild ON declined (guild_id);
   CREATE INDEX declined_by_last_seen ON declined (last_seen);

   CREATE TABLE feedback_2 (
     story        TEXT NOT NULL DEFAULT '',
     guild_id     TEXT NOT NULL DEFAULT '',
     channel_kind TEXT NOT NULL CHECK (channel_kind IN ('guild', 'dm')),
     entry_id     TEXT NOT NULL,
     helpful      INTEGER NOT NULL DEFAULT 0,
     not_helpful  INTEGER NOT NULL DEFAULT 0,
     last_seen    TEXT NOT NULL,
     PRIMARY KEY (story, guild_id, channel_kind, entry_id)
   );
   INSERT INTO feedback_2 (story, guild_id, channel_kind, entry_id, helpful, not_helpful, last_seen)
     SELECT '', guild_id, CASE WHEN guild_id = '' THEN 'dm' ELSE 'guild' END, entry_id, helpful, not_helpful,
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     FROM feedback;
   DROP TABLE feedback;
   ALTER TABLE feedback_2 RENAME TO feedback;
   CREATE INDEX feedback_by_guild ON feedback (guild_id);
   CREATE INDEX feedback_by_last_seen ON feedback (last_seen);

   CREATE TABLE misanswered_2 (
     story        TEXT NOT NULL DEFAULT '',
     guild_id     TEXT NOT NULL DEFAULT '',
     channel_kind TEXT NOT NULL CHECK (channel_kind IN ('guild', 'dm', 'unknown')),
     entry_id     TEXT NOT NULL,
     question     TEXT NOT NULL,
     count        INTEGER NOT NULL,
     last_seen    TEXT NOT NULL,
     PRIMARY KEY (story, guild_id, channel_kind, entry_id, question)
   );
   INSERT INTO misanswered_2 (story, guild_id, channel_kind, entry_id, question, count, last_seen)
     SELECT '', '', 'unknown', entry_id, question, count, last_seen FROM misanswered;
   DROP TABLE misanswered;
   ALTER TABLE misanswered_2 RENAME TO misanswered;
   CREATE INDEX misanswered_by_guild ON misanswered (guild_id);
   CREATE INDEX misanswered_by_last_seen ON misanswered (last_seen);`,
  // 3: several stories behind one bot. Reports can be kept to one story (rows of version 2 have
  // story '', shown in every unfiltered report); a server's or channel's default story
  // (channel_id '' for the server's; guild_id '' for a DM channel).
  `CREATE INDEX declined_by_story ON declined (story);
   CREATE INDEX feedback_by_story ON feedback (story);
   CREATE TABLE story_defaults (
     guild_id   TEXT NOT NULL DEFAULT '',
     channel_id TEXT NOT NULL DEFAULT '',
     story      TEXT NOT NULL,
     set_at     TEXT NOT NULL,
     PRIMARY KEY (guild_id, channel_id)
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Why the database cannot be used, in words an operator can act on. */
export class QuestionStoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'QuestionStoreError';
  }

  /** Another process holds a lock: worth trying again soon. */
  get busy(): boolean {
    return this.code === 'SQLITE_BUSY' || this.code === 'SQLITE_LOCKED';
  }
}

export function describeSqliteError(path: string, error: unknown): QuestionStoreError {
  if (error instanceof QuestionStoreError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message =
    code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
      ? `${path} is not a readable database (${code}): move it aside to start a fresh log`
      : code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
        ? `${path} is locked by another program (${code})`
        : code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR'
          ? `${path} cannot be written (${code}): check STATE_DIR, its permissions and free space`
          : `${path} could not be used: ${(error as Error).message}`;
  return new QuestionStoreError(message, code);
}

export function databasePath(stateDir: string): string {
  return join(stateDir, DATABASE_FILE);
}

/**
 * Opens (creating and migrating) the log in `stateDir`; throws QuestionStoreError. `busyTimeoutMs`
 * is how long one statement may wait for another process's lock: 0 for the bot.
 */
export function openQuestionStore(
  stateDir: string,
  options: { readonly busyTimeoutMs: number },
): QuestionStore {
  return new SqliteQuestionStore(openStateDatabase(stateDir, options), databasePath(stateDir));
}

/**
 * Opens (creating and migrating) the state database in `stateDir`: the question log's tables and
 * the stories' defaults. Throws QuestionStoreError.
 */
export function openStateDatabase(
  stateDir: string,
  options: { readonly busyTimeoutMs: number },
): Database.Database {
  const path = databasePath(stateDir);
  let db: Database.Database | undefined;
  try {
    mkdirSync(stateDir, { recursive: true });
    db = new Database(path, { timeout: options.busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw describeSqliteError(path, error);
  }
}

function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  const pending = MIGRATIONS.slice(version);
  if (pending.length === 0) return;
  db.transaction(() => {
    pending.forEach((sql, i) => {
      db.exec(sql);
      db.pragma(`user_version = ${version + i + 1}`);
    });
  }).immediate();
}

const keyOf = (where: AskedWhere): [string, string, string] => [
  where.story,
  where.guildId ?? '',
  where.channel,
];

class SqliteQuestionStore implements QuestionStore {
  private readonly declined: Database.Statement;
  private readonly feedback: Database.Statement;
  private readonly misanswered: Database.Statement;
  private readonly topDeclined: Database.Statement;
  private readonly topMisanswered: Database.Statement;
  private readonly examples: Database.Statement;
  private readonly pruneStatements: readonly Database.Statement[];

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
  ) {
    this.declined = db.prepare(
      `INSERT INTO declined (story, guild_id, channel_kind, question, count, first_seen, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (story, guild_id, channel_kind, question) DO UPDATE SET
         count = count + excluded.count,
         first_seen = min(first_seen, excluded.first_seen),
         last_seen = max(last_seen, excluded.last_seen)`,
    );
    this.feedback = db.prepare(
      `INSERT INTO feedback (story, guild_id, channel_kind, entry_id, helpful, not_helpful, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (story, guild_id, channel_kind, entry_id) DO UPDATE SET
         helpful = helpful + excluded.helpful,
         not_helpful = not_helpful + excluded.not_helpful,
         last_seen = max(last_seen, excluded.last_seen)`,
    );
    this.misanswered = db.prepare(
      `INSERT INTO misanswered (story, guild_id, channel_kind, entry_id, question, count, last_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (story, guild_id, channel_kind, entry_id, question) DO UPDATE SET
         count = count + excluded.count,
         last_seen = max(last_seen, excluded.last_seen)`,
    );
    // $guild NULL: every server and DM; otherwise that server's own channels only.
    // $story NULL: every story's (and the rows of a bot that served one, story '').
    const inScope = `($guild IS NULL OR (guild_id = $guild AND channel_kind = 'guild')) AND ($story IS NULL OR story = $story)`;
    this.topDeclined = db.prepare(
      `SELECT question, SUM(count) AS count, MAX(last_seen) AS lastSeen FROM declined
       WHERE ${inScope}
       GROUP BY question ORDER BY count DESC, lastSeen DESC LIMIT $limit`,
    );
    this.topMisanswered = db.prepare(
      `SELECT entry_id AS entryId, SUM(not_helpful) AS notHelpful, SUM(helpful) AS helpful FROM feedback
       WHERE ${inScope}
       GROUP BY entry_id HAVING notHelpful > 0 ORDER BY notHelpful DESC, helpful ASC LIMIT $limit`,
    );
    this.examples = db.prepare(
      `SELECT question, SUM(count) AS count, MAX(last_seen) AS lastSeen FROM misanswered
       WHERE entry_id = $entry AND ${inScope}
       GROUP BY question ORDER BY count DESC, lastSeen DESC LIMIT $limit`,
    );
    this.pruneStatements = ['declined', 'feedback', 'misanswered'].map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE last_seen < ?`),
    );
  }

  write(rows: readonly LogRow[]): void {
    if (rows.length === 0) return;
    try {
      this.db
        .transaction(() => {
          for (const row of rows) {
            const [story, guild, channel] = keyOf(row.where);
            if (row.kind === 'declined')
              this.declined.run(story, guild, channel, row.question, row.count, row.firstSeen, row.lastSeen);
            else if (row.kind === 'feedback')
              this.feedback.run(
                story,
                guild,
                channel,
                row.entryId,
                row.helpful,
                row.notHelpful,
                row.lastSeen,
              );
            else
              this.misanswered.run(story, guild, channel, row.entryId, row.question, row.count, row.lastSeen);
          }
        })
        .immediate();
    } catch (error) {
      throw describeSqliteError(this.path, error);
    }
  }

  report(scope: ReportScope, limit: number, story: string | null = null): UnansweredReport {
    const guild = scope === 'all' ? null : scope.guildId;
    try {
      const declined = this.topDeclined.all({ guild, limit, story }) as {
        question: string;
        count: number;
        lastSeen: string;
      }[];
      const misanswered = (
        this.topMisanswered.all({ guild, limit, story }) as {
          entryId: string;
          notHelpful: number;
          helpful: number;
        }[]
      ).map((row) => ({
        ...row,
        examples: (
          this.examples.all({ entry: row.entryId, guild, story, limit: EXAMPLES_PER_ENTRY }) as {
            question: string;
          }[]
        ).map((r) => r.question),
      }));
      return { declined, misanswered };
    } catch (error) {
      throw describeSqliteError(this.path, error);
    }
  }

  prune(before: Date): number {
    const cutoff = before.toISOString();
    try {
      return this.db
        .transaction(() => this.pruneStatements.reduce((sum, s) => sum + s.run(cutoff).changes, 0))
        .immediate();
    } catch (error) {
      throw describeSqliteError(this.path, error);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
