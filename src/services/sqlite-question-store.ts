/**
 * The question log in SQLite (better-sqlite3): declined questions, and feedback on answers, so
 * curators see what to add. No user ids are stored. WAL mode with a busy timeout, so several
 * shard processes can write to one file. Created and migrated on open; if the file is corrupt or
 * locked, open() returns null with the reason, and the bot answers without a log.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { UnansweredReport } from '../commands/types.ts';
import type { QuestionStore } from './question-store.ts';

export const DATABASE_FILE = 'questions.sqlite';
/** How long a writer waits for another process's lock before giving up on one record. */
const BUSY_TIMEOUT_MS = 2000;
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
];

export type OpenResult =
  | { readonly store: QuestionStore }
  | { readonly store: null; readonly reason: string };

export function openQuestionStore(stateDir: string, now: () => Date = () => new Date()): OpenResult {
  let db: Database.Database | undefined;
  try {
    mkdirSync(stateDir, { recursive: true });
    db = new Database(join(stateDir, DATABASE_FILE), { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db);
    return { store: new SqliteQuestionStore(db, now) };
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    const reason =
      code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
        ? `${join(stateDir, DATABASE_FILE)} is not a readable database (${code}): move it aside to start a fresh log`
        : code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
          ? `${join(stateDir, DATABASE_FILE)} is locked by another program (${code})`
          : `${join(stateDir, DATABASE_FILE)} could not be opened: ${(error as Error).message}`;
    return { store: null, reason };
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

class SqliteQuestionStore implements QuestionStore {
  private readonly declined: Database.Statement;
  private readonly feedback: Database.Statement;
  private readonly misanswered: Database.Statement;
  private readonly topDeclined: Database.Statement;
  private readonly topMisanswered: Database.Statement;
  private readonly examples: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {
    this.declined = db.prepare(
      `INSERT INTO declined (question, guild_id, count, first_seen, last_seen) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT (question, guild_id) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen`,
    );
    this.feedback = db.prepare(
      `INSERT INTO feedback (entry_id, guild_id, helpful, not_helpful) VALUES (?, ?, ?, ?)
       ON CONFLICT (entry_id, guild_id) DO UPDATE SET helpful = helpful + excluded.helpful, not_helpful = not_helpful + excluded.not_helpful`,
    );
    this.misanswered = db.prepare(
      `INSERT INTO misanswered (entry_id, question, count, last_seen) VALUES (?, ?, 1, ?)
       ON CONFLICT (entry_id, question) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen`,
    );
    this.topDeclined = db.prepare(
      `SELECT question, SUM(count) AS count, MAX(last_seen) AS lastSeen FROM declined
       GROUP BY question ORDER BY count DESC, lastSeen DESC LIMIT ?`,
    );
    this.topMisanswered = db.prepare(
      `SELECT entry_id AS entryId, SUM(not_helpful) AS notHelpful, SUM(helpful) AS helpful FROM feedback
       GROUP BY entry_id HAVING notHelpful > 0 ORDER BY notHelpful DESC, helpful ASC LIMIT ?`,
    );
    this.examples = db.prepare(
      `SELECT question FROM misanswered WHERE entry_id = ? ORDER BY count DESC, last_seen DESC LIMIT ?`,
    );
  }

  recordDeclined(question: string, guildId: string | null): void {
    const at = this.now().toISOString();
    this.declined.run(question, guildId ?? '', at, at);
  }

  recordFeedback(entryId: string, helpful: boolean, question: string | null, guildId: string | null): void {
    this.db
      .transaction(() => {
        this.feedback.run(entryId, guildId ?? '', helpful ? 1 : 0, helpful ? 0 : 1);
        if (!helpful && question) this.misanswered.run(entryId, question, this.now().toISOString());
      })
      .immediate();
  }

  report(limit: number): UnansweredReport {
    const declined = this.topDeclined.all(limit) as { question: string; count: number; lastSeen: string }[];
    const misanswered = (
      this.topMisanswered.all(limit) as { entryId: string; notHelpful: number; helpful: number }[]
    ).map((row) => ({
      ...row,
      examples: (this.examples.all(row.entryId, EXAMPLES_PER_ENTRY) as { question: string }[]).map(
        (r) => r.question,
      ),
    }));
    return { declined, misanswered };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
