#!/usr/bin/env node
/**
 * npm run build: compiles src/ to dist/ (type-checked, with source maps), which production runs
 * with plain node and production dependencies only. Files in src/ that are not TypeScript (the
 * English data, read at run time beside the modules that read them) are copied as they are.
 *
 * --if-stale (npm start): builds only when the sources or the build settings changed since the
 * last build (compared by content), so starting again costs a few milliseconds.
 * --no-type-check (npm start): emits without checking types, as tsx used to run the sources; type
 * errors are `npm test`'s (and `npm run build`'s, which the Dockerfile runs) to report.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const hashFile = join(dist, '.sources-hash');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function filesUnder(path) {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => filesUnder(join(path, entry.name)));
  } catch {
    return [path]; // not a directory
  }
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesUnder(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const current = sourcesHash();
if (
  process.argv.includes('--if-stale') &&
  existsSync(hashFile) &&
  readFileSync(hashFile, 'utf8') === current
) {
  process.exit(0);
}

let tsc;
try {
  const typescript = createRequire(import.meta.url).resolve('typescript/package.json');
  tsc = join(dirname(typescript), 'bin', 'tsc');
} catch {
  process.stderr.write(
    'Building needs TypeScript, a development dependency: run `npm ci` (without --omit=dev) first, or run an existing build with `node dist/main.js`.\n',
  );
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
const checkTypes = !process.argv.includes('--no-type-check');
const result = spawnSync(
  process.execPath,
  [tsc, '-p', join(root, 'tsconfig.build.json'), ...(checkTypes ? [] : ['--noCheck'])],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  process.stderr.write(
    `The build failed (${checkTypes ? 'type errors' : 'errors'} above); nothing was started.\n`,
  );
  process.exit(result.status ?? 1);
}
const src = join(root, 'src');
for (const file of filesUnder(src).filter((f) => !f.endsWith('.ts')))
  cpSync(file, join(dist, relative(src, file)));
writeFileSync(hashFile, current);
