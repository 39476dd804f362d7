/**
 * npm run deploy-commands [-- --dry-run] [--data DIR]
 * Registers the slash commands (from the same registry the bot dispatches) in DISCORD_GUILD_ID,
 * or globally when it is not set. Their descriptions give the story's own examples (DATA_DIR or
 * --data): run it again after changing stories. --dry-run prints the JSON and contacts nobody.
 */
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../commands/registry.ts';
import { findStories } from '../core/story-folders.ts';
import { argsOrExit, configOrExit, fail, knowledgeOrExit } from './startup.ts';

const args = argsOrExit();
const config = await configOrExit(args.dataDir ? { DATA_DIR: args.dataDir } : {});
// Of several stories (stories/<id>/), the first one's examples, and a `story` option.
const layout = await findStories(config.dataDir);
const stories = [];
for (const story of layout.stories) stories.push({ id: story.id, kb: await knowledgeOrExit(story.dir) });
const first = stories[0] ?? { id: '', kb: await knowledgeOrExit(config.dataDir) };
const body = commandDefinitions(first.kb, stories);

if (args.flags.has('dry-run')) {
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
} else {
  const { token, clientId, guildId, apiUrl } = config.discord;
  const missing = [
    ...(token
      ? []
      : ['DISCORD_TOKEN: not set: the bot token is needed to register commands (Developer Portal > Bot)']),
    ...(clientId
      ? []
      : [
          'DISCORD_CLIENT_ID: not set: the application id is needed to register commands (Developer Portal > General Information)',
        ]),
  ];
  if (missing.length > 0 || !token || !clientId) fail(missing);
  const rest = new REST({ api: apiUrl }).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(clientId, guildId)
    : Routes.applicationCommands(clientId);
  try {
    const registered = (await rest.put(route, { body })) as unknown[];
    process.stdout.write(
      `Registered ${registered.length} commands ${guildId ? `in server ${guildId} (available now)` : 'globally (may take up to an hour to appear)'}: ${body.map((c) => `/${c.name}`).join(', ')}\n`,
    );
  } catch (error) {
    fail([
      `Discord refused the registration: ${(error as Error).message}. Check DISCORD_TOKEN, DISCORD_CLIENT_ID and DISCORD_GUILD_ID.`,
    ]);
  }
}
