/**
 * npm start: with DISCORD_TOKEN set, the Discord bot; without it, the same bot in the terminal.
 * --data DIR (or DATA_DIR) serves another data folder.
 */
import { argsOrExit, configOrExit, dataProblemsOrThrow, fail } from './cli/startup.ts';
import { Dispatcher } from './commands/dispatch.ts';
import { messages } from './commands/messages.ts';
import { startupFailure } from './config.ts';
import { createLogger } from './log.ts';
import { createServices } from './services/bot-services.ts';
import { Conversations } from './services/conversations.ts';
import { StoryCatalog } from './services/story-catalog.ts';
import { StoryDefaults } from './services/story-defaults.ts';
import { runTerminal } from './terminal/terminal.ts';

const args = argsOrExit();
const config = await configOrExit(args.dataDir ? { DATA_DIR: args.dataDir } : {});

if (config.discord.token && config.discord.shardCount !== undefined) {
  await import('./sharded.ts');
} else if (config.discord.token) {
  const { startBot } = await import('./discord/bot.ts');
  // A refusal from Discord is logged (and exits) by the bot itself; anything else is said here.
  await startBot(config, { handleSignals: true, onFatal: () => process.exit(1) }).catch((error: unknown) =>
    fail([startupFailure(error)]),
  );
} else {
  // The terminal keeps stdout for answers; only warnings and worse go to stderr.
  const log = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    secrets: [],
    fd: 2,
  });
  const catalog = await StoryCatalog.open(config.dataDir, { maxUploadBytes: config.maxUploadBytes }).catch(
    (error: unknown) => dataProblemsOrThrow(error, config.dataDir),
  );
  const services = createServices({
    catalog,
    // `!story use <id>` holds for the session only.
    storyDefaults: StoryDefaults.inMemory(log),
    questionLog: null,
    log,
    commandPrefix: config.commandPrefix,
    conversations: new Conversations(config.conversation),
  });
  const dispatcher = new Dispatcher(services, { cooldownSeconds: 0 });
  process.stderr.write(`${messages.terminalNotice(config.commandPrefix)}\n`);
  await runTerminal({
    input: process.stdin,
    output: process.stdout,
    dispatcher,
    services,
    interactive: process.stdin.isTTY === true,
  });
}
