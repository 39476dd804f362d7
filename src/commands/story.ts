/**
 * /story and !story: what the story is, and any paragraph of it verbatim. Of several stories:
 * which story (`story:`), the list of stories when none is chosen, and, for moderators, the
 * channel's or server's default story (`use:`, persisted in the state database).
 */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { messages } from './messages.ts';
import { chosenStory, storyNamed, storyOption, suggestStories, whichStoryReply } from './stories.ts';
import { type Command, type CommandContext, UserError } from './types.ts';

const definition = {
  name: 'story',
  description: 'The story: title, source, date and summary, or one paragraph verbatim.',
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'paragraph',
      description: 'Show this paragraph of the article verbatim',
      min_value: 1,
      max_value: 99,
    },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies Command['definition'];

/** What `use:` takes to clear a default. */
const CLEAR = new Set(['none', 'clear', 'off']);

export const storyCommand: Command = {
  definition,
  definitionFor(_kb, stories) {
    if (stories.length < 2) return definition;
    return {
      ...definition,
      description: 'A story: title, source, date and summary, or one paragraph; the stories I serve.',
      options: [
        ...definition.options,
        storyOption('Which story (default: the channel’s)'),
        {
          type: ApplicationCommandOptionType.String,
          name: 'use',
          description: 'Moderators: questions here go to this story unless they name another (none: clear)',
          autocomplete: true,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'for',
          description: 'Moderators: where use: applies (default: this channel)',
          choices: [
            { name: 'this channel', value: 'channel' },
            { name: 'the whole server', value: 'server' },
          ],
        },
      ],
    };
  },
  summary: 'Title, source, date and summary of the story, or any paragraph verbatim.',
  usage: 'story [paragraph number]',
  chatArgument: 'paragraph',

  async execute(context, input) {
    const { stories, commandPrefix } = context.services;
    let raw = input.string('paragraph')?.trim() ?? '';
    let named = input.string('story');
    let use = input.string('use');
    let scope = input.string('for');
    if (context.surface !== 'slash' && stories.several) {
      // "!story use <id> [server]", "!story <id> [paragraph]".
      const [first = '', second, third] = raw.split(/\s+/);
      if (first.toLowerCase() === 'use') {
        if (second === undefined) throw new UserError(messages.storyUsage(commandPrefix));
        use = second;
        scope = third?.toLowerCase() === 'server' ? 'server' : 'channel';
        raw = '';
      } else if (first.length > 0 && !/^p?\d+$/i.test(first)) {
        named = first;
        raw = second ?? '';
      }
    } else if (context.surface !== 'slash' && /^use(\s|$)/i.test(raw)) {
      throw new UserError(messages.storyUseOne);
    }
    if (use !== null) {
      await useStory(context, use, scope === 'server' ? 'server' : 'channel');
      return;
    }
    const story = chosenStory(context, named);
    if (!story) {
      await context.reply(whichStoryReply(context));
      return;
    }
    await showStory(context, story.kb, raw);
  },

  autocomplete(context, option, typed) {
    if (option === 'story' || option === 'use') return suggestStories(context.services.stories, typed);
    return [];
  },
};

async function showStory(context: CommandContext, kb: KnowledgeBase, raw: string): Promise<void> {
  if (raw.length > 0) {
    const n = Number(raw.replace(/^p/i, ''));
    const paragraph = kb.article.paragraphs[n - 1];
    if (!Number.isInteger(n) || !paragraph)
      throw new UserError(messages.notAParagraph(kb.article.paragraphs.length));
    await context.reply({
      embed: { title: `${messages.paragraph(String(n))} · ${kb.story.title}`, description: paragraph.text },
    });
    return;
  }
  const { story } = kb;
  await context.reply({
    embed: {
      title: story.title,
      description: story.summary ?? kb.article.paragraphs[0]?.text ?? story.title,
      fields: [
        { name: 'Source', value: story.source },
        ...(story.author ? [{ name: 'Author', value: story.author }] : []),
        { name: 'Date', value: story.dateNote ? `${story.date} (${story.dateNote})` : story.date },
        {
          name: 'Article',
          value: `${kb.counts.paragraphs} paragraphs. ${messages.storyParagraphHint(context.services.commandPrefix, context.surface === 'terminal')}`,
        },
      ],
    },
  });
}

/** `/story use:<id>`: the channel's (or server's) default story; moderators only, but the terminal's session. */
async function useStory(context: CommandContext, typed: string, scope: 'channel' | 'server'): Promise<void> {
  const { stories, commandPrefix } = context.services;
  if (!stories.several) throw new UserError(messages.storyUseOne);
  if (!context.asker.isModerator) throw new UserError(messages.moderatorsOnly);
  const terminal = context.surface === 'terminal';
  const where = {
    guildId: context.guildId,
    channelId: context.channelId ?? null,
    scope: context.guildId === null ? ('channel' as const) : scope,
  };
  const shownScope = terminal ? 'session' : where.scope;
  if (CLEAR.has(typed.trim().toLowerCase())) {
    stories.setDefault(where, null);
    await context.reply({ content: messages.storyUseCleared(shownScope), ephemeral: true });
    return;
  }
  const story = storyNamed(stories, typed, commandPrefix);
  const saved = stories.setDefault(where, story.id);
  await context.reply({
    content: messages.storyUsed(story.kb.story.title, story.id, shownScope, saved || terminal),
    ephemeral: true,
  });
}
