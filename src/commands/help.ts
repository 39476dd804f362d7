/** /help and !help: what I do and every command, from the same registry the dispatcher uses. */
import { InteractionContextType } from 'discord-api-types/v10';
import { quotedSpeakers, storyExamples } from './examples.ts';
import { messages } from './messages.ts';
import { chosenStory } from './stories.ts';
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
      const { stories } = context.services;
      // Of several stories: the chosen one's examples (the channel's default), else a few stories' first.
      const chosen = chosenStory(context, null);
      const kb = chosen?.kb ?? context.services.knowledge();
      const prefix = context.services.commandPrefix;
      const terminal = context.surface === 'terminal';
      const visible = commands().filter((c) => !c.moderatorOnly || context.asker.isModerator);
      // The terminal has no slash commands, and is left with !quit or Ctrl-D.
      const lines = visible.map((c) =>
        terminal
          ? `\`${prefix}${c.usage}\`: ${c.summary}`
          : `\`/${c.definition.name}\` or \`${prefix}${c.usage}\`: ${c.summary}`,
      );
      if (terminal) lines.push(messages.helpQuit(prefix));
      const speaker = quotedSpeakers(kb, 1)[0];
      const all = stories.list();
      const examples = chosen
        ? [...storyExamples(kb), ...(speaker ? [messages.quoteExample(speaker)] : [])]
        : all.slice(0, 4).flatMap((s) => storyExamples(s.kb, 1));
      const intro = !chosen
        ? messages.helpIntroStories(
            all.length,
            all.slice(0, 3).map((s) => s.kb.story.title),
          )
        : terminal
          ? messages.helpIntroTerminal(kb.story.title)
          : messages.helpIntro(kb.story.title);
      await context.reply({
        embed: {
          title: messages.helpTitle,
          description: `${intro}\n\n${lines.join('\n')}\n\n${messages.helpExamples(examples)}`,
        },
        ephemeral: true,
      });
    },
  };
}
