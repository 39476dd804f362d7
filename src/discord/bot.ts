import type { Config } from '../config.ts';

export async function startBot(_config: Config): Promise<void> {
  throw new Error('not yet');
}
