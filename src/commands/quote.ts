/** /quote and !quote: what someone said, verbatim, with reported speech marked as such. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { findPerson, suggestPeople, suggestTopics } from '../core/autocomplete.ts';
import { answerQuestion } from '../core/engine.ts';
import { messages } from './messages.ts';
import { renderAnswer, truncate } from './render.ts';
import { type Command, UserError } from './types.ts';

export const quoteCommand: Command = {
  definition: {
    name: 'quote',
    description: 'Quotes from the story: who said what, verbatim, with reported speech marked.',
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'speaker',
        description: 'Whose words (e.g. Trump, Lavrov, Theresa May)',
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'about',
        description: 'What about (e.g. security guarantees, the UN vote)',
        autocomplete: true,
        max_length: 200,
      },
      { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the quotes' },
    ],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  } as const satisfies Command['definition'],
  summary: 'Quotes by speaker and/or subject, verbatim from the article.',
  usage: 'quote <speaker and/or subject>',
  chatArgument: 'about',
  cooldown: true,

  async execute(context, input) {
    const kb = context.services.knowledge();
    const speakerText = input.string('speaker')?.trim() ?? '';
    const about = input.string('about')?.trim() ?? '';
    if (speakerText.length === 0 && about.length === 0) {
      throw new UserError(messages.quoteUsage(context.services.commandPrefix));
    }
    const speaker = speakerText.length > 0 ? (findPerson(kb, speakerText)?.name ?? speakerText) : '';
    const result = answerQuestion(kb, `${speaker} ${about}`.trim(), { mode: 'quote' });
    context.services.recordQuestion(result, context.guildId);
    await context.reply(renderAnswer(kb, result, { ephemeral: input.boolean('private') ?? false }));
  },

  autocomplete(context, option, typed) {
    const kb = context.services.knowledge();
    if (option === 'speaker') return suggestPeople(kb, typed).map((p) => ({ name: p.name, value: p.name }));
    if (option === 'about') {
      return suggestTopics(kb, typed).map((t) => ({
        name: truncate(t.title, 100),
        value: truncate(t.title, 100),
      }));
    }
    return [];
  },
};
