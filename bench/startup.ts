/**
 * npm run bench:startup [-- --runs 10]: time from starting the bot to its first answer, in the
 * terminal (one question piped in, the answer printed, exit), for the sources run with tsx, the
 * build run by plain node, and `npm start` (an up-to-date build checked, then node). Runs are
 * interleaved so a busy machine slows each the same; medians are printed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../tests/support/data.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt === -1 ? 10 : Number(process.argv[runsAt + 1]);
const QUESTION = 'who did trump call a dictator?\n';

const ways: Record<string, readonly string[]> = {
  'tsx src/main.ts (before)': [process.execPath, '--import', 'tsx', join(ROOT, 'src/main.ts')],
  'node dist/main.js': [process.execPath, join(ROOT, 'dist/main.js')],
  'npm start': ['npm', 'start', '--silent'],
};

function once(command: readonly string[]): Promise<number> {
  const [file = '', ...args] = command;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? ROOT,
        npm_config_update_notifier: 'false',
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      if (!output.includes('Zelensky')) reject(new Error(`${command.join(' ')} gave no answer`));
      else resolve(performance.now() - started);
    });
    child.stdin.end(QUESTION);
  });
}

// Build first, so every way runs the same code and npm start finds its build up to date.
await once(ways['npm start'] ?? []);
const times = new Map<string, number[]>(Object.keys(ways).map((name) => [name, []]));
for (let run = 0; run < runs; run++) {
  for (const [name, command] of Object.entries(ways)) times.get(name)?.push(await once(command));
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};
for (const [name, values] of times) {
  process.stdout.write(
    `${name.padEnd(28)} median ${Math.round(median(values))} ms (min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))}, ${values.length} runs)\n`,
  );
}
