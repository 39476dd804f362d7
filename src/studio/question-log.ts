/**
 * The question log as the studio reads it: declined questions and answers marked "not what I
 * asked", per server, most frequent first. A read-only connection to the bot's SQLite file that
 * never waits for a lock (a busy log shows as busy; the page never stalls), opened per request
 * so a log created after the studio started is found too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../services/sqlite-question-store.ts';

/**
 * Questions listed per server, and servers listed (most unanswered first). Each listed question
 * is answered again to show what the bot does now, on the bot's own thread when it serves the
 * studio: a page, not a data dump.
 */
export const PER_SERVER = 10;
export const MAX_SERVERS = 10;

export interface ServerReport {
  /** The Discord server id; '' for direct messages and the terminal. */
  readonly guildId: string;
  readonly declined: readonly {
    readonly question: string;
    readonly count: number;
    readonly lastSeen: string;
  }[];
  readonly misanswered: readonly {
    readonly entryId: string;
    readonly notHelpful: number;
    readonly helpful: number;
    readonly examples: readonly string[];
  }[];
}

export type QuestionLogRead =
  | {
      readonly ok: true;
      readonly servers: readonly ServerReport[];
      /** Servers with questions beyond MAX_SERVERS, not listed. */
      readonly moreServers: number;
    }
  | { readonly ok: false; readonly reason: string };

export interface QuestionLogReader {
  read(): QuestionLogRead;
}

export function questionLogReader(stateDir: string | null): QuestionLogReader {
  return {
    read() {
      if (stateDir === null) return { ok: false, reason: 'The question log is off (LOG_QUESTIONS=false).' };
      const path = join(stateDir, DATABASE_FILE);
      if (!existsSync(path))
        return {
          ok: false,
          reason: `No question log yet (${path}): it starts when the bot declines its first question.`,
        };
      let db: Database.Database | undefined;
      try {
        db = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
        const servers = readServers(db);
        return {
          ok: true,
          servers: servers.slice(0, MAX_SERVERS),
          moreServers: Math.max(0, servers.length - MAX_SERVERS),
        };
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        const reason =
          code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
            ? 'The question log is busy (another program holds a lock): reload the page in a moment.'
            : `The question log could not be read: ${(error as Error).message}.`;
        return { ok: false, reason };
      } finally {
        db?.close();
      }
    },
  };
}

function readServers(db: Database.Database): ServerReport[] {
  const declined = db
    .prepare(
      `SELECT guild_id AS guildId, question, count, last_seen AS lastSeen FROM (
         SELECT guild_id, question, count, last_seen,
                ROW_NUMBER() OVER (PARTITION BY guild_id ORDER BY count DESC, last_seen DESC) AS rank
         FROM declined)
       WHERE rank <= ? ORDER BY guild_id, count DESC, last_seen DESC`,
    )
    .all(PER_SERVER) as { guildId: string; question: string; count: number; lastSeen: string }[];
  const feedback = db
    .prepare(
      `SELECT guild_id AS guildId, entry_id AS entryId, not_helpful AS notHelpful, helpful FROM feedback
       WHERE not_helpful > 0 ORDER BY guild_id, not_helpful DESC, helpful ASC`,
    )
    .all() as { guildId: string; entryId: string; notHelpful: number; helpful: number }[];
  // The examples carry a server where the log records one (newer logs); otherwise they are shared.
  const examplesByServer = columnsOf(db, 'misanswered').has('guild_id');
  const examples = db.prepare(
    examplesByServer
      ? `SELECT question FROM misanswered WHERE entry_id = ? AND guild_id = ? ORDER BY count DESC, last_seen DESC LIMIT 3`
      : `SELECT question FROM misanswered WHERE entry_id = ? ORDER BY count DESC, last_seen DESC LIMIT 3`,
  );
  const servers = new Map<
    string,
    { declined: ServerReport['declined'][number][]; misanswered: ServerReport['misanswered'][number][] }
  >();
  const serverOf = (guildId: string) => {
    let server = servers.get(guildId);
    if (!server) {
      server = { declined: [], misanswered: [] };
      servers.set(guildId, server);
    }
    return server;
  };
  for (const { guildId, ...row } of declined) serverOf(guildId).declined.push(row);
  for (const { guildId, ...row } of feedback) {
    const server = serverOf(guildId);
    if (server.misanswered.length >= PER_SERVER) continue;
    const rows = (examplesByServer ? examples.all(row.entryId, guildId) : examples.all(row.entryId)) as {
      question: string;
    }[];
    server.misanswered.push({ ...row, examples: rows.map((r) => r.question) });
  }
  return [...servers.entries()]
    .map(([guildId, report]) => ({ guildId, ...report }))
    .sort((a, b) => total(b) - total(a) || a.guildId.localeCompare(b.guildId));
}

function total(report: ServerReport): number {
  return (
    report.declined.reduce((n, d) => n + d.count, 0) +
    report.misanswered.reduce((n, m) => n + m.notHelpful, 0)
  );
}

function columnsOf(db: Database.Database, table: string): Set<string> {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return new Set(rows.map((r) => r.name));
}
