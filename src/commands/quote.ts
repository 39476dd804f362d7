/** /quote and !quote: what someone said, verbatim, with reported speech marked as such. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { findPerson, suggestPeople, suggestTopics } from '../core/autocomplete.ts';
import { askInConversation } from './ask.ts';
import { describedWithExamples, quotedSpeakers, quoteSubjects, subjectOf } from './examples.ts';
import { messages } from './messages.ts';
import { truncate } from './render.ts';
import { autocompleteStory, chosenStory, suggestStories, withStoryOption } from './stories.ts';
import { type Command, UserError } from './types.ts';

const SPEAKER_DESCRIPTION = 'Whose words';
const ABOUT_DESCRIPTION = 'What about';

const definition = {
  name: 'quote',
  description: 'Quotes from the story: who said what, verbatim, with reported speech marked.',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'speaker',
      description: SPEAKER_DESCRIPTION,
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'about',
      description: ABOUT_DESCRIPTION,
      autocomplete: true,
      max_length: 200,
    },
    { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the quotes' },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies Command['definition'];

export const quoteCommand: Command = {
  definition,
  // "Whose words (e.g. <the people this story quotes most>)", "What about (e.g. <its subjects>)".
  definitionFor(kb, stories) {
    const [speaker, about, ...rest] = definition.options;
    return withStoryOption(
      {
        ...definition,
        options: [
          { ...speaker, description: describedWithExamples(SPEAKER_DESCRIPTION, quotedSpeakers(kb)) },
          { ...about, description: describedWithExamples(ABOUT_DESCRIPTION, quoteSubjects(kb)) },
          ...rest,
        ],
      },
      stories,
      'Which story’s quotes (default: the channel’s, else the one that has them)',
    );
  },
  summary: 'Quotes by speaker and/or subject, verbatim from the article.',
  usage: 'quote <speaker and/or subject>',
  chatArgument: 'about',
  cooldown: true,

  async execute(context, input) {
    const story = chosenStory(context, input.string('story'));
    const kb = story?.kb ?? context.services.knowledge();
    const speakerText = input.string('speaker')?.trim() ?? '';
    const about = input.string('about')?.trim() ?? '';
    if (speakerText.length === 0 && about.length === 0) {
      const prefix = context.services.commandPrefix;
      const speakers = quotedSpeakers(kb, 2);
      const subject = speakers[0] === undefined ? undefined : subjectOf(kb, speakers[0]);
      throw new UserError(messages.quoteUsage(prefix, speakers, subject));
    }
    // Of several stories with none chosen, the speaker is read by each story asked, as typed.
    const speaker =
      speakerText.length > 0 ? ((story && findPerson(kb, speakerText)?.name) ?? speakerText) : '';
    await askInConversation(context, `${speaker} ${about}`.trim(), {
      ephemeral: input.boolean('private') ?? false,
      mode: 'quote',
      story: story && context.services.stories.several ? story.id : null,
    });
  },

  autocomplete(context, option, typed) {
    if (option === 'story') return suggestStories(context.services.stories, typed);
    const kb = autocompleteStory(context)?.kb ?? context.services.knowledge();
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
