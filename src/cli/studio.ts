/**
 * npm run studio -- [--port P] [--data DIR]: the curator studio, a web page for curators, on
 * 127.0.0.1 (STUDIO_HOST to serve elsewhere, which then requires STUDIO_TOKEN). The port is
 * --port, else STUDIO_PORT, else 8700; --port 0 takes any free port. It answers from its own
 * copy of the data folder and puts every change it makes live in that copy; a running bot picks
 * the change up with WATCH_DATA=true or /reload (or serve the studio from the bot: STUDIO_PORT).
 */
import { formatProblem } from '../core/problems.ts';
import { createLogger } from '../log.ts';
import { KnowledgeHolder } from '../services/knowledge-holder.ts';
import { createTeaching } from '../services/teaching.ts';
import { questionLogReader } from '../studio/question-log.ts';
import { startStudio } from '../studio/server.ts';
import { argsOrExit, configOrExit, dataProblemsOrThrow, fail } from './startup.ts';

const DEFAULT_PORT = 8700;

const args = argsOrExit(['port']);
const config = await configOrExit(args.dataDir ? { DATA_DIR: args.dataDir } : {});
const portText = args.values.get('port');
const port = portText === undefined ? config.studio.port || DEFAULT_PORT : Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  fail([
    `--port ${portText}: give a port number from 1 to 65535 (0 picks a free one), e.g. --port ${DEFAULT_PORT}`,
  ]);
}
const log = createLogger({ level: config.logLevel, secrets: [config.studio.token], fd: 2 });
const holder = await KnowledgeHolder.open(config.dataDir, {
  maxUploadBytes: config.maxUploadBytes,
  onReload: (outcome, request) =>
    outcome.ok
      ? log.info(
          {
            requestedBy: request.requestedBy,
            version: outcome.version,
            changes: outcome.changes,
            tookMs: outcome.tookMs,
          },
          'data reloaded',
        )
      : log.warn(
          { requestedBy: request.requestedBy, problems: outcome.problems.map(formatProblem) },
          'reload refused; previous data still live',
        ),
}).catch((error: unknown) => dataProblemsOrThrow(error, config.dataDir));

const studio = await startStudio({
  port,
  host: config.studio.host,
  token: config.studio.token,
  dataDir: config.dataDir,
  knowledge: () => holder.current(),
  teaching: createTeaching({
    dataDir: config.dataDir,
    knowledge: () => holder.current(),
    reload: async (request) => ({ outcome: await holder.reload(request), shards: [] }),
    log,
  }),
  questionLog: questionLogReader(config.logQuestions ? config.stateDir : null),
  reloadOnChange: (requestedBy) => holder.reload({ requestedBy }),
  log,
}).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail([`Port ${port} is in use: pick another with --port or STUDIO_PORT.`]);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    fail([
      `STUDIO_HOST ${config.studio.host} is not an address of this machine: use 127.0.0.1, or one it has.`,
    ]);
  return fail([(error as Error).message]);
});

process.stdout.write(`Curator studio for ${config.dataDir}: ${studio.url}  (Ctrl-C to stop)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void studio.close().then(() => process.exit(0));
  });
}
