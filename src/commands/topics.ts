/** /topics and !topics: browse the curated questions by topic. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { findTopic, suggestTopics } from '../core/autocomplete.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { messages } from './messages.ts';
import { answerButtons, truncate } from './render.ts';
import {
  autocompleteStory,
  chosenStory,
  suggestStories,
  taggedReply,
  whichStoryReply,
  withStoryOption,
} from './stories.ts';
import { type BotReply, type Command, UserError } from './types.ts';

const TOPIC_SELECT = 'topics:pick';
/** Buttons under a topic's question list; the rest are listed as text. */
const QUESTION_BUTTONS = 5;

const definition = {
  name: 'topics',
  description: 'Browse the questions I can answer, by topic.',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'topic',
      description: 'Show the questions of one topic',
      autocomplete: true,
      max_length: 100,
    },
  ],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies Command['definition'];

export const topicsCommand: Command = {
  definition,
  definitionFor: (_kb, stories) =>
    withStoryOption(definition, stories, 'Which story’s topics (default: the channel’s)'),
  summary: 'Browse the questions I can answer, by topic.',
  usage: 'topics [topic]',
  chatArgument: 'topic',

  async execute(context, input) {
    const { stories, commandPrefix } = context.services;
    let typed = input.string('topic')?.trim() ?? '';
    let named = input.string('story');
    // "!topics <story> [topic]" of several stories.
    if (context.surface !== 'slash' && stories.several && named === null) {
      const [first = '', ...rest] = typed.split(/\s+/);
      if (first.length > 0 && stories.find(first) !== undefined && stories.get(first) !== undefined) {
        named = first;
        typed = rest.join(' ');
      }
    }
    const story = chosenStory(context, named);
    if (!story) {
      await context.reply(whichStoryReply(context));
      return;
    }
    const { kb } = story;
    if (typed.length === 0) {
      await context.reply(taggedReply(topicList(kb, commandPrefix), story.id, stories));
      return;
    }
    const topic = findTopic(kb, typed);
    if (!topic) throw new UserError(messages.unknownTopic(commandPrefix));
    await context.reply(taggedReply(topicQuestions(kb, topic.id), story.id, stories));
  },

  autocomplete(context, option, typed) {
    if (option === 'story') return suggestStories(context.services.stories, typed);
    if (option !== 'topic') return [];
    const kb = autocompleteStory(context)?.kb ?? context.services.knowledge();
    return suggestTopics(kb, typed).map((t) => ({
      name: truncate(t.title, 100),
      value: t.id,
    }));
  },

  async component(context, args, values) {
    const story = context.story ?? undefined;
    const kb = context.services.knowledge(story);
    const topicId = args[0] === 'pick' ? values[0] : undefined;
    if (!topicId || !kb.topics.some((t) => t.id === topicId)) {
      throw new UserError(messages.unknownTopic(context.services.commandPrefix));
    }
    const reply = { ...topicQuestions(kb, topicId), ephemeral: true };
    await context.reply(story === undefined ? reply : taggedReply(reply, story, context.services.stories));
  },
};

function topicList(kb: KnowledgeBase, prefix: string): BotReply {
  const lines = kb.topics.map((t) => {
    const count = kb.entries.filter((e) => e.topic === t.id).length;
    return `• **${t.title}** (${count} question${count === 1 ? '' : 's'})`;
  });
  return {
    embed: {
      title: messages.topicsTitle,
      description: `${lines.join('\n')}\n\n${messages.topicsHint(prefix)}`,
    },
    select: {
      customId: TOPIC_SELECT,
      placeholder: messages.topicPlaceholder,
      options: kb.topics.slice(0, 25).map((t) => ({ label: truncate(t.title, 100), value: t.id })),
    },
  };
}

function topicQuestions(kb: KnowledgeBase, topicId: string): BotReply {
  const topic = kb.topics.find((t) => t.id === topicId);
  const entries = kb.entries.filter((e) => e.topic === topicId);
  return {
    embed: {
      title: topic?.title ?? topicId,
      description: entries.map((e, i) => `${i + 1}. ${e.question}`).join('\n'),
    },
    buttons: entries
      .slice(0, QUESTION_BUTTONS)
      .map((e) => ({ customId: answerButtons.entry(e.id), label: truncate(e.question, 80) })),
  };
}
