/** The few command-line flags the tools share. */
export interface CliArgs {
  /** --data DIR */
  readonly dataDir: string | undefined;
  readonly flags: ReadonlySet<string>;
  /** Everything that is not a flag, in order. */
  readonly positional: readonly string[];
}

export function parseArgs(argv: readonly string[]): CliArgs {
  let dataDir: string | undefined;
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data') {
      dataDir = argv[++i];
      if (dataDir === undefined) throw new Error('--data needs a folder, e.g. --data data/');
    } else if (arg.startsWith('--data=')) {
      dataDir = arg.slice('--data='.length);
    } else if (arg.startsWith('--')) {
      flags.add(arg.slice(2));
    } else {
      positional.push(arg);
    }
  }
  return { dataDir, flags, positional };
}
