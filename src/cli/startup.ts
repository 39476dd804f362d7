/**
 * What every entry point does first: read the configuration and the data, and on failure print
 * one line per problem and exit non-zero.
 */
import { type Config, ConfigError, loadConfig } from '../config.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { loadKnowledge } from '../core/load.ts';
import { DataError, formatProblem } from '../core/problems.ts';
import { type CliArgs, parseArgs } from './args.ts';

/** The command line, or one line on what is wrong with it and exit 1. */
export function argsOrExit(valued: readonly string[] = []): CliArgs {
  try {
    return parseArgs(process.argv.slice(2), valued);
  } catch (error) {
    return fail([(error as Error).message]);
  }
}

export function fail(lines: readonly string[], code = 1): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(code);
}

export async function configOrExit(
  overrides: Readonly<Record<string, string | undefined>> = {},
): Promise<Config> {
  try {
    return await loadConfig(overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      fail([
        'Configuration problems (set these in .env or the environment; see .env.example):',
        ...error.problems,
      ]);
    }
    throw error;
  }
}

export function dataProblemsOrThrow(error: unknown, dataDir: string): never {
  if (error instanceof DataError) {
    fail([
      `The data in ${dataDir} has problems; fix them and start again:`,
      ...error.problems.map(formatProblem),
    ]);
  }
  throw error;
}

export async function knowledgeOrExit(dataDir: string): Promise<KnowledgeBase> {
  try {
    return await loadKnowledge(dataDir);
  } catch (error) {
    return dataProblemsOrThrow(error, dataDir);
  }
}
