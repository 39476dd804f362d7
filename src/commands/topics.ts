/** /topics and !topics: browse the curated questions by topic. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { findTopic, suggestTopics } from '../core/autocomplete.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { messages } from './messages.ts';
import { answerButtons, truncate } from './render.ts';
import { type BotReply, type Command, UserError } from './types.ts';

const TOPIC_SELECT = 'topics:pick';
/** Buttons under a topic's question list; the rest are listed as text. */
const QUESTION_BUTTONS = 5;

export const topicsCommand: Command = {
  definition: {
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
  } as const satisfies Command['definition'],
  summary: 'Browse the questions I can answer, by topic.',
  usage: 'topics [topic]',
  chatArgument: 'topic',

  async execute(context, input) {
    const kb = context.services.knowledge();
    const typed = input.string('topic')?.trim() ?? '';
    if (typed.length === 0) {
      await context.reply(topicList(kb, context.services.commandPrefix));
      return;
    }
    const topic = findTopic(kb, typed);
    if (!topic) throw new UserError(messages.unknownTopic(context.services.commandPrefix));
    await context.reply(topicQuestions(kb, topic.id));
  },

  autocomplete(context, option, typed) {
    if (option !== 'topic') return [];
    return suggestTopics(context.services.knowledge(), typed).map((t) => ({
      name: truncate(t.title, 100),
      value: t.id,
    }));
  },

  async component(context, args, values) {
    const kb = context.services.knowledge();
    const topicId = args[0] === 'pick' ? values[0] : undefined;
    if (!topicId || !kb.topics.some((t) => t.id === topicId)) {
      throw new UserError(messages.unknownTopic(context.services.commandPrefix));
    }
    await context.reply({ ...topicQuestions(kb, topicId), ephemeral: true });
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
