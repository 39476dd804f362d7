/** The few command-line flags the tools share. */
export interface CliArgs {
  /** --data DIR */
  readonly dataDir: string | undefined;
  readonly flags: ReadonlySet<string>;
  /** Options that take a value (--port 8080, --port=8080), for the names a tool asks for. */
  readonly values: ReadonlyMap<string, string>;
  /** Everything that is not a flag, in order. */
  readonly positional: readonly string[];
}

export function parseArgs(argv: readonly string[], valued: readonly string[] = []): CliArgs {
  let dataDir: string | undefined;
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data') {
      dataDir = argv[++i];
      if (dataDir === undefined) throw new Error('--data needs a folder, e.g. --data data/');
    } else if (arg.startsWith('--data=')) {
      dataDir = arg.slice('--data='.length);
    } else if (arg.startsWith('--') && valued.some((name) => arg.startsWith(`--${name}=`))) {
      const eq = arg.indexOf('=');
      values.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (arg.startsWith('--') && valued.includes(arg.slice(2))) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value, e.g. ${arg} 8080`);
      values.set(arg.slice(2), value);
    } else if (arg.startsWith('--')) {
      flags.add(arg.slice(2));
    } else {
      positional.push(arg);
    }
  }
  return { dataDir, flags, values, positional };
}
