/**
 * The studio served by the bot itself (STUDIO_PORT set): the same page, answering from and
 * teaching the bot's live knowledge, so a change is live for readers the moment it is shown.
 */
import type { BotServices } from '../commands/types.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { questionLogReader } from './question-log.ts';
import { type Studio, startStudio } from './server.ts';

export async function startStudioInBot(config: Config, services: BotServices, log: Logger): Promise<Studio> {
  try {
    return await startStudio({
      port: config.studio.port,
      host: config.studio.host,
      token: config.studio.token,
      dataDir: config.dataDir,
      knowledge: () => services.knowledge(),
      teaching: services.teaching,
      questionLog: questionLogReader(config.logQuestions ? config.stateDir : null),
      // The bot's WATCH_DATA and /reload decide when edited files go live; the page only shows problems.
      reloadOnChange: null,
      log,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EADDRINUSE'
        ? `port ${config.studio.port} is in use: set STUDIO_PORT to a free port`
        : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
          ? `STUDIO_HOST ${config.studio.host} is not an address of this machine`
          : (error as Error).message;
    log.fatal(`the curator studio cannot start: ${reason}`);
    throw error;
  }
}
