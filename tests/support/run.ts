/**
 * Runs one of the project's entry points as a separate process, as a user would, from an empty
 * temp folder so that no developer's .env (and no real token) is ever picked up.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_DIR, ROOT } from './data.ts';

/** tsx's loader: `node --import <it> script.ts` is one process, so signals reach the bot itself. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const EMPTY_DIR = mkdtempSync(join(tmpdir(), 'story-bot-cwd-'));

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts an entry point with a clean environment (PATH, HOME, DATA_DIR and `env`) in an empty folder. */
export function spawnScript(
  script: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX_LOADER, join(ROOT, script), ...args], {
    cwd: EMPTY_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? EMPTY_DIR, DATA_DIR, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function runScript(
  script: string,
  args: readonly string[] = [],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnScript(script, args, options.env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
