/** /unanswered and !unanswered (moderators): what people asked that the bot could not answer well. */
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { messages } from './messages.ts';
import { truncate } from './render.ts';
import { storyNamed, suggestStories, withStoryOption } from './stories.ts';
import { type Command, UserError } from './types.ts';
import { sendTeachingCards, teachFromCard } from './unanswered-teaching.ts';

const definition = {
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
} as const satisfies Command['definition'];

export const unansweredCommand: Command = {
  definition,
  definitionFor: (_kb, stories) =>
    withStoryOption(definition, stories, 'Only the questions asked of this story (default: every story)'),
  summary: 'Moderators: the questions I declined or answered badly most often, for curators.',
  usage: 'unanswered [how many]',
  chatArgument: 'limit',
  moderatorOnly: true,

  async execute(context, input) {
    const { stories, commandPrefix } = context.services;
    let limitText = input.string('limit');
    let named = input.string('story');
    // "!unanswered [story] [how many]" of several stories.
    if (context.surface !== 'slash' && stories.several && limitText !== null && named === null) {
      const words = limitText.split(/\s+/);
      named = words.find((w) => !/^\d+$/.test(w)) ?? null;
      limitText = words.find((w) => /^\d+$/.test(w)) ?? null;
    }
    const story = named === null || !stories.several ? null : storyNamed(stories, named, commandPrefix).id;
    const limit = Math.min(25, Math.max(1, Number(limitText ?? 10) || 10));
    // A server's moderators see that server's questions only. Questions asked in DMs are seen only
    // in DMs, where only MOD_USER_IDS are moderators: the bot's operators see everything.
    const scope = context.guildId === null ? 'all' : { guildId: context.guildId };
    const report = context.services.unansweredReport(scope, limit, story);
    if (!report) throw new UserError(messages.unansweredOff);
    const declined = report.declined.map((d) => `${d.count}× “${truncate(d.question, 150)}”`);
    const misanswered = report.misanswered.map(
      (m) =>
        `${m.notHelpful}× ${m.entryId} (helpful ${m.helpful})${m.examples.length > 0 ? `: “${truncate(m.examples.join('”, “'), 200)}”` : ''}`,
    );
    await context.reply({
      embed: {
        title: story === null ? messages.unansweredTitle : `${messages.unansweredTitle} (${story})`,
        description: declined.length > 0 ? declined.join('\n') : messages.unansweredEmpty,
        fields:
          misanswered.length > 0 ? [{ name: messages.misansweredTitle, value: misanswered.join('\n') }] : [],
      },
      ephemeral: true,
    });
    // Teaching writes to the first story's folder: its cards only for that story's questions.
    if (!stories.several || story === stories.list()[0]?.id) await sendTeachingCards(context, report);
  },

  component: teachFromCard,

  autocomplete(context, option, typed) {
    return option === 'story' ? suggestStories(context.services.stories, typed) : [];
  },
};
