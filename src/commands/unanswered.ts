/** /unanswered and !unanswered (moderators): what people asked that the bot could not answer well. */
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { messages } from './messages.ts';
import { truncate } from './render.ts';
import { type Command, UserError } from './types.ts';
import { sendTeachingCards, teachFromCard } from './unanswered-teaching.ts';

export const unansweredCommand: Command = {
  definition: {
    name: 'unanswered',
    description: 'Moderators: the most frequent questions I declined or answered badly.',
    options: [
      {
        type: ApplicationCommandOptionType.Integer,
        name: 'limit',
        description: 'How many to list (default 10)',
        min_value: 1,
        max_value: 25,
      },
    ],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  } as const satisfies Command['definition'],
  summary: 'Moderators: the questions I declined or answered badly most often, for curators.',
  usage: 'unanswered [how many]',
  chatArgument: 'limit',
  moderatorOnly: true,

  async execute(context, input) {
    const limit = Math.min(25, Math.max(1, Number(input.string('limit') ?? 10) || 10));
    const report = context.services.unansweredReport(limit);
    if (!report) throw new UserError(messages.unansweredOff);
    const declined = report.declined.map((d) => `${d.count}× “${truncate(d.question, 150)}”`);
    const misanswered = report.misanswered.map(
      (m) =>
        `${m.notHelpful}× ${m.entryId} (helpful ${m.helpful})${m.examples.length > 0 ? `: “${truncate(m.examples.join('”, “'), 200)}”` : ''}`,
    );
    await context.reply({
      embed: {
        title: messages.unansweredTitle,
        description: declined.length > 0 ? declined.join('\n') : messages.unansweredEmpty,
        fields:
          misanswered.length > 0 ? [{ name: messages.misansweredTitle, value: misanswered.join('\n') }] : [],
      },
      ephemeral: true,
    });
    await sendTeachingCards(context, report);
  },

  component: teachFromCard,
};
