/** /ask, !ask, @mentions, DMs and plain terminal lines: a question in, a cited answer out. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { suggestQuestions } from '../core/autocomplete.ts';
import { answerQuestion } from '../core/engine.ts';
import { messages } from './messages.ts';
import { renderAnswer, truncate } from './render.ts';
import { type Command, type CommandContext, UserError } from './types.ts';

/** Discord caps slash-command string options; longer questions are cut there, not rejected. */
export const MAX_QUESTION_LENGTH = 500;

export const askCommand: Command = {
  definition: {
    name: 'ask',
    description: 'Ask a question about the story; the answer comes from the article, with a citation.',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question, in your own words',
        required: true,
        autocomplete: true,
        max_length: MAX_QUESTION_LENGTH,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: 'private',
        description: 'Only you see the answer',
      },
    ],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  } as const satisfies Command['definition'],
  summary: 'Ask anything about the story; I answer from the article and cite it.',
  usage: 'ask <question>',
  chatArgument: 'question',
  cooldown: true,
  // A related-question button answers like a question does.
  cooldownActions: ['entry'],

  async execute(context, input) {
    const question = input.string('question')?.trim() ?? '';
    if (question.length === 0) throw new UserError(messages.askUsage(context.services.commandPrefix));
    await answer(context, question, input.boolean('private') ?? false);
  },

  autocomplete(context, option, typed) {
    if (option !== 'question') return [];
    return suggestQuestions(context.services.knowledge(), typed).map((s) => ({
      name: truncate(s.question, 100),
      value: truncate(s.question, 100),
    }));
  },

  async component(context, args) {
    const kb = context.services.knowledge();
    const [action, ...rest] = args;
    if (action === 'para') {
      const paragraph = kb.article.paragraphs.find((p) => p.id === rest[0]);
      if (!paragraph) throw new UserError(messages.notAParagraph(kb.article.paragraphs.length));
      await context.reply({
        embed: {
          title: `${messages.paragraph(String(paragraph.number))} · ${kb.story.title}`,
          description: paragraph.text,
        },
        ephemeral: true,
      });
      return;
    }
    if (action === 'entry') {
      const entry = kb.entryById.get(rest[0] ?? '');
      if (!entry) throw new UserError(messages.notAnEntry);
      await answer(context, entry.question, true);
      return;
    }
    if (action === 'fb') {
      const [direction, id = ''] = rest;
      if (direction !== 'up' && direction !== 'down') throw new UserError(messages.unknownButton);
      // Only answers the bot can give: entries, quotes and places in the article.
      if (!kb.entryById.has(id) && !kb.quoteById.has(id) && !kb.article.places.has(id))
        throw new UserError(messages.notAnEntry);
      const counted = context.services.recordFeedback({
        entryId: id,
        helpful: direction === 'up',
        question: context.origin ?? null,
        guildId: context.guildId,
        userId: context.asker.id,
        answerId: context.originMessageId ?? null,
      });
      await context.reply({
        content: !counted
          ? messages.feedbackAlready
          : direction === 'up'
            ? messages.feedbackThanks
            : messages.feedbackSorry,
        ephemeral: true,
      });
      return;
    }
    throw new UserError(messages.unknownButton);
  },
};

/** Answers a question and records it for the unanswered-questions log. */
export async function answer(context: CommandContext, question: string, ephemeral: boolean): Promise<void> {
  const kb = context.services.knowledge();
  const result = answerQuestion(kb, question);
  context.services.recordQuestion(result, context.guildId);
  await context.reply(renderAnswer(kb, result, { ephemeral }));
}
