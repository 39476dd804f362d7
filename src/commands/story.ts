/** /story and !story: what the story is, and any paragraph of it verbatim. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { messages } from './messages.ts';
import { type Command, UserError } from './types.ts';

export const storyCommand: Command = {
  definition: {
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
  } as const satisfies Command['definition'],
  summary: 'Title, source, date and summary of the story, or any paragraph verbatim.',
  usage: 'story [paragraph number]',
  chatArgument: 'paragraph',

  async execute(context, input) {
    const kb = context.services.knowledge();
    const raw = input.string('paragraph')?.trim() ?? '';
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
          { name: 'Date', value: story.dateNote ? `${story.date} (${story.dateNote})` : story.date },
          {
            name: 'Article',
            value: `${kb.counts.paragraphs} paragraphs. ${messages.storyParagraphHint(context.services.commandPrefix, context.surface === 'terminal')}`,
          },
        ],
      },
    });
  },
};
