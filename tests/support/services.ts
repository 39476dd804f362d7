/** BotServices for command tests: a real knowledge holder over a data folder, replies collected. */
import type { BotReply, BotServices, CommandContext, CommandInput } from '../../src/commands/types.ts';
import { silentLogger } from '../../src/log.ts';
import { createServices } from '../../src/services/bot-services.ts';
import { KnowledgeHolder } from '../../src/services/knowledge-holder.ts';
import type { QuestionLog } from '../../src/services/question-log.ts';

export async function servicesFor(
  dataDir: string,
  questionLog: QuestionLog | null = null,
): Promise<BotServices> {
  const holder = await KnowledgeHolder.open(dataDir, { maxUploadBytes: 64 * 1024 });
  return createServices({ holder, questionLog, log: silentLogger(), commandPrefix: '!' });
}

export function contextFor(
  services: BotServices,
  options: { moderator?: boolean; surface?: CommandContext['surface']; userId?: string } = {},
): CommandContext & { replies: BotReply[] } {
  const replies: BotReply[] = [];
  return {
    surface: options.surface ?? 'slash',
    asker: {
      id: options.userId ?? '111111111111111111',
      name: 'tester',
      isModerator: options.moderator ?? false,
    },
    guildId: '222222222222222222',
    services,
    replies,
    async reply(message) {
      replies.push(message);
    },
  };
}

export function inputOf(values: Record<string, string | boolean>): CommandInput {
  return {
    string: (name) => (typeof values[name] === 'string' ? (values[name] as string) : null),
    boolean: (name) => (typeof values[name] === 'boolean' ? (values[name] as boolean) : null),
    attachment: () => null,
  };
}
