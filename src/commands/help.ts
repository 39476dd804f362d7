/** /help and !help: what I do and every command, from the same registry the dispatcher uses. */
import { InteractionContextType } from 'discord-api-types/v10';
import { messages } from './messages.ts';
import type { Command } from './types.ts';

/** The help command lists the registry it is part of, so it is made from it. */
export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    definition: {
      name: 'help',
      description: 'What I can do, and how to ask.',
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    } as const satisfies Command['definition'],
    summary: 'This help.',
    usage: 'help',

    async execute(context) {
      const kb = context.services.knowledge();
      const prefix = context.services.commandPrefix;
      const visible = commands().filter((c) => !c.moderatorOnly || context.asker.isModerator);
      const lines = visible.map((c) => `\`/${c.definition.name}\` or \`${prefix}${c.usage}\`: ${c.summary}`);
      await context.reply({
        embed: {
          title: messages.helpTitle,
          description: `${messages.helpIntro(kb.story.title)}\n\n${lines.join('\n')}\n\n${messages.helpExamples}`,
        },
        ephemeral: true,
      });
    },
  };
}
