/**
 * Another process holding the question log's write lock, as a backup job, a `sqlite3` shell left in
 * a transaction, or another shard stuck mid-write would.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

const HOLDER = `
const Database = require(${JSON.stringify(BETTER_SQLITE3)});
const db = new Database(process.argv[1]);
db.exec(process.argv[2] === 'exclusive' ? 'PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE' : 'BEGIN IMMEDIATE');
if (process.argv[2] === 'exclusive') db.exec('CREATE TABLE IF NOT EXISTS lock_holder (x); INSERT INTO lock_holder VALUES (1)');
process.stdout.write('locked\\n');
process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
process.stdin.resume();
`;

export interface HeldLock {
  /** Commits and closes the other process's connection; resolves once it has exited. */
  release(): Promise<void>;
}

/**
 * 'write': BEGIN IMMEDIATE (writers are refused, readers go on, as in WAL mode they do);
 * 'exclusive': locking_mode EXCLUSIVE with a write (readers are refused too).
 */
export async function holdLock(path: string, mode: 'write' | 'exclusive' = 'write'): Promise<HeldLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, path, mode], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
  let released: Promise<void> | null = null;
  return {
    release() {
      released ??= (async () => {
        child.stdin.end();
        await exited;
      })();
      return released;
    },
  };
}
