/** /ask, !ask, @mentions, DMs and plain terminal lines: a question in, a cited answer out. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { suggestQuestions } from '../core/autocomplete.ts';
import { converse } from '../core/engine.ts';
import { type AnswerReference, turnOfAnswer } from '../services/conversations.ts';
import { describedWithExamples, storyExamples } from './examples.ts';
import { messages } from './messages.ts';
import { renderAnswer, truncate } from './render.ts';
import { type Command, type CommandContext, UserError } from './types.ts';

/** Discord caps slash-command string options; longer questions are cut there, not rejected. */
export const MAX_QUESTION_LENGTH = 500;

const QUESTION_DESCRIPTION = 'Your question, in your own words';

const definition = {
  name: 'ask',
  description: 'Ask a question about the story; the answer comes from the article, with a citation.',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: QUESTION_DESCRIPTION,
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
} as const satisfies Command['definition'];

export const askCommand: Command = {
  definition,
  definitionFor(kb) {
    const [question, ...rest] = definition.options;
    return {
      ...definition,
      options: [
        { ...question, description: describedWithExamples(QUESTION_DESCRIPTION, storyExamples(kb, 1)) },
        ...rest,
      ],
    };
  },
  summary: 'Ask anything about the story; I answer from the article and cite it.',
  usage: 'ask <question>',
  chatArgument: 'question',
  cooldown: true,
  // A related-question or "tell me more" button answers like a question does.
  cooldownActions: ['entry', 'more'],

  async execute(context, input) {
    const question = input.string('question')?.trim() ?? '';
    if (question.length === 0) {
      const example = storyExamples(context.services.knowledge(), 1)[0] ?? '';
      throw new UserError(messages.askUsage(context.services.commandPrefix, example));
    }
    await askInConversation(context, question, { ephemeral: input.boolean('private') ?? false });
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
        embed: { title: messages.paragraphTitle(String(paragraph.number)), description: paragraph.text },
        ephemeral: true,
      });
      return;
    }
    if (action === 'entry') {
      const entry = kb.entryById.get(rest[0] ?? '');
      if (!entry) throw new UserError(messages.notAnEntry);
      // A curated question says all it means: it is asked as it stands, and then followed up.
      await askInConversation(context, entry.question, { ephemeral: true, withContext: false });
      return;
    }
    if (action === 'more') {
      const id = rest[0] ?? '';
      if (!kb.citationOf.has(id)) throw new UserError(messages.notAnEntry);
      await askInConversation(context, messages.tellMeMoreQuestion, {
        ephemeral: true,
        followUpOf: { question: context.origin ?? '', ids: [id] },
      });
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

export interface AskOptions {
  readonly ephemeral: boolean;
  /** 'quote': the quote command's question, answered with quotes. */
  readonly mode?: 'auto' | 'quote';
  /** Read as a follow-up of this answer only (a "tell me more" click), not of the conversation. */
  readonly followUpOf?: AnswerReference;
  /** false: asked as it stands (a curated question from a button); its turn is still remembered. */
  readonly withContext?: boolean;
}

/**
 * Answers a question in its conversation: after the answer it replies to (a Discord reply, a
 * button), or else after the conversation's recent turns; the turn it leaves is remembered, and the
 * question recorded for the unanswered-questions log.
 */
export async function askInConversation(
  context: CommandContext,
  question: string,
  options: AskOptions,
): Promise<void> {
  const { services } = context;
  const kb = services.knowledge();
  const { conversations } = services;
  const key = context.conversationKey ?? null;
  const now = conversations.now();
  const reference = options.followUpOf ?? context.replyingTo ?? null;
  const turns =
    reference !== null
      ? [turnOfAnswer(kb, reference, now)]
      : options.withContext === false
        ? []
        : conversations.history(key, kb);
  const { answer, turn } = converse(kb, question, { context: turns, now, mode: options.mode ?? 'auto' });
  conversations.remember(key, turn);
  services.recordQuestion(answer, context.guildId);
  await context.reply(renderAnswer(kb, answer, { ephemeral: options.ephemeral }));
}
