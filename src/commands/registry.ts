/**
 * Every command, once. The dispatcher, the chat parser, the terminal, the deploy script and the
 * help text all read this list: adding a command is one new file and one line here.
 */
import type { KnowledgeBase } from '../core/knowledge.ts';
import { askCommand } from './ask.ts';
import { createHelpCommand } from './help.ts';
import { quoteCommand } from './quote.ts';
import { reloadCommand } from './reload.ts';
import { storyCommand } from './story.ts';
import { topicsCommand } from './topics.ts';
import type { Command, ServedStory } from './types.ts';
import { unansweredCommand } from './unanswered.ts';

export const commands: readonly Command[] = [
  askCommand,
  quoteCommand,
  topicsCommand,
  storyCommand,
  reloadCommand,
  unansweredCommand,
  createHelpCommand(() => commands),
];

const byName = new Map(commands.map((c) => [c.definition.name, c]));

export function findCommand(name: string): Command | undefined {
  return byName.get(name.toLowerCase());
}

/**
 * The JSON Discord needs to register the commands, with this story's examples in their
 * descriptions (the first story's, of several), and a `story` option where one applies when
 * there are several stories.
 */
export function commandDefinitions(
  kb: KnowledgeBase,
  stories: readonly ServedStory[] = [],
): Command['definition'][] {
  return commands.map((c) => c.definitionFor?.(kb, stories) ?? c.definition);
}
