/** /ask, !ask, @mentions, DMs and plain terminal lines: a question in, a cited answer out. */
import { ApplicationCommandOptionType, InteractionContextType } from 'discord-api-types/v10';
import { suggestQuestions } from '../core/autocomplete.ts';
import { readFollowUp, type Turn } from '../core/conversation.ts';
import { castOf, converse } from '../core/engine.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { routeQuestion } from '../core/story-router.ts';
import { MAX_QUESTION_CHARS } from '../core/text.ts';
import { type AnswerReference, turnOfAnswer } from '../services/conversations.ts';
import { describedWithExamples, storyExamples } from './examples.ts';
import { messages } from './messages.ts';
import { renderAnswer, truncate } from './render.ts';
import {
  autocompleteStory,
  chosenStory,
  storyNamed,
  suggestStories,
  taggedReply,
  withStoryOption,
} from './stories.ts';
import { type Command, type CommandContext, type ServedStory, UserError } from './types.ts';

/** Discord caps slash-command string options; longer questions are cut there, not rejected. */
export const MAX_QUESTION_LENGTH = 500;

const QUESTION_DESCRIPTION = 'Your question, in your own words';
const STORY_DESCRIPTION = 'Which story to ask (default: the channel’s, else the one that answers)';

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
  definitionFor(kb, stories) {
    const [question, ...rest] = definition.options;
    return withStoryOption(
      {
        ...definition,
        options: [
          { ...question, description: describedWithExamples(QUESTION_DESCRIPTION, storyExamples(kb, 1)) },
          ...rest,
        ],
      },
      stories,
      STORY_DESCRIPTION,
    );
  },
  summary: 'Ask anything about the story; I answer from the article and cite it.',
  usage: 'ask <question>',
  chatArgument: 'question',
  cooldown: true,
  // A related-question or "tell me more" button answers like a question does.
  cooldownActions: ['entry', 'more'],

  async execute(context, input) {
    let question = input.string('question')?.trim() ?? '';
    let named = input.string('story');
    // In chat, "!ask story:<id> question" names the story as the option does.
    const prefixed = context.services.stories.several ? /^story:(\S+)\s+([\s\S]*)$/i.exec(question) : null;
    if (prefixed && named === null) {
      named = prefixed[1] ?? null;
      question = (prefixed[2] ?? '').trim();
    }
    if (question.length === 0) {
      const example = storyExamples(context.services.knowledge(), 1)[0] ?? '';
      throw new UserError(messages.askUsage(context.services.commandPrefix, example));
    }
    const story =
      named === null ? null : storyNamed(context.services.stories, named, context.services.commandPrefix).id;
    await askInConversation(context, question, { ephemeral: input.boolean('private') ?? false, story });
  },

  autocomplete(context, option, typed) {
    const { stories } = context.services;
    if (option === 'story') return suggestStories(stories, typed);
    if (option !== 'question') return [];
    // Of several stories: the chosen one's questions, else those of the stories the words fit.
    const chosen = autocompleteStory(context);
    const kbs = chosen
      ? [chosen.kb]
      : stories
          .shortlist(typed)
          .slice(0, 3)
          .map((id) => stories.get(id)?.kb)
          .filter((kb) => kb !== undefined);
    const seen = new Set<string>();
    return (kbs.length > 0 ? kbs : [context.services.knowledge()])
      .flatMap((kb) => suggestQuestions(kb, typed))
      .filter((s) => !seen.has(s.question) && seen.add(s.question))
      .map((s) => ({
        name: truncate(s.question, 100),
        value: truncate(s.question, 100),
      }));
  },

  async component(context, args) {
    // A button belongs to the story of the answer it is on (its custom id's tag).
    const story = context.story ?? undefined;
    const kb = context.services.knowledge(story);
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
      await askInConversation(context, entry.question, {
        ephemeral: true,
        withContext: false,
        story: story ?? null,
      });
      return;
    }
    if (action === 'more') {
      const id = rest[0] ?? '';
      if (!kb.citationOf.has(id)) throw new UserError(messages.notAnEntry);
      await askInConversation(context, messages.tellMeMoreQuestion, {
        ephemeral: true,
        followUpOf: { question: context.origin ?? '', ids: [id] },
        story: story ?? null,
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
        ...(story === undefined ? {} : { story }),
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
  /** The story named (the `story` option, a button's); null or absent: chosen as below. */
  readonly story?: string | null;
}

/**
 * Answers a question in its conversation: after the answer it replies to (a Discord reply, a
 * button), or else after the conversation's recent turns; the turn it leaves is remembered, and the
 * question recorded for the unanswered-questions log.
 *
 * Of several stories, the question goes to the story named, else the one the replied answer came
 * from, else (when it leans on the conversation) the story the last turn was answered from, else
 * the channel's default, then the server's; else to the story that answers it best, whose name the
 * reply then gives.
 */
export async function askInConversation(
  context: CommandContext,
  question: string,
  options: AskOptions,
): Promise<void> {
  const { services } = context;
  const { stories } = services;
  if (!stories.several) {
    const only = stories.list()[0];
    await answerIn(context, only?.id ?? null, only?.kb ?? services.knowledge(), question, options);
    return;
  }
  const fixed = fixedStory(context, question, options);
  if (fixed) {
    await answerIn(context, fixed.id, fixed.kb, question, options);
    return;
  }
  const { conversations } = services;
  const key = context.conversationKey ?? null;
  const now = conversations.now();
  const shortlisted = stories.shortlist(question);
  const candidates = (shortlisted.length > 0 ? shortlisted : [stories.list()[0]?.id ?? ''])
    .map((id) => stories.get(id))
    .filter((s) => s !== undefined);
  const routed = routeQuestion(candidates, question, (story, q) =>
    converse(story.kb, q, {
      context: options.withContext === false ? [] : conversations.history(key, story.kb),
      now,
      mode: options.mode ?? 'auto',
    }),
  );
  if (routed === null) {
    await answerIn(context, null, services.knowledge(), question, options);
    return;
  }
  if (routed.kind === 'which-story') {
    const titles = routed.stories.map((id) => stories.get(id)).filter((s) => s !== undefined);
    await context.reply({
      embed: {
        title: `“${truncate(question, 200)}”`,
        description: `${messages.whichStory}\n\n${titles
          .slice(0, 10)
          .map((s) => `• **${s.kb.story.title}** (\`${s.id}\`)`)
          .join('\n')}`,
      },
      ephemeral: options.ephemeral,
    });
    return;
  }
  const story = stories.get(routed.best.story);
  if (!story) return;
  const { answer, turn } = routed.best.exchange;
  conversations.remember(key, turn);
  services.recordQuestion(answer, context.guildId, story.id);
  const reply = renderAnswer(story.kb, answer, { ephemeral: options.ephemeral });
  await context.reply(
    taggedReply(
      routed.answered && reply.embed
        ? { ...reply, embed: { ...reply.embed, footer: messages.fromStory(story.kb.story.title) } }
        : reply,
      story.id,
      stories,
    ),
  );
}

/**
 * Of several stories, the one a question must go to, if any: named, the replied answer's or
 * button's, the last turn's when the question leans on it, the channel's or server's default.
 */
function fixedStory(context: CommandContext, question: string, options: AskOptions): ServedStory | null {
  const { stories, conversations } = context.services;
  const named =
    options.story ?? context.replyingTo?.story ?? options.followUpOf?.story ?? context.story ?? null;
  const story = named === null ? undefined : stories.get(named);
  if (story) return story;
  if (options.withContext !== false) {
    const key = context.conversationKey ?? null;
    const version = conversations.latestVersion(key);
    const last = version === undefined ? undefined : stories.storyOfVersion(version);
    const lastStory = last === undefined ? undefined : stories.get(last);
    if (lastStory && leansOnConversation(lastStory.kb, question, conversations.history(key, lastStory.kb)))
      return lastStory;
  }
  return chosenStory({ ...context, story: null, replyingTo: null }, null);
}

/** The question reads differently after these turns ("how old is he?", "why?", "tell me more"). */
function leansOnConversation(kb: KnowledgeBase, question: string, turns: readonly Turn[]): boolean {
  if (turns.length === 0) return false;
  const analysis = kb.analyzer.analyze(question.slice(0, MAX_QUESTION_CHARS));
  const cast = castOf(kb);
  return analysis.clauses.some((clause) => readFollowUp(clause, turns, cast).kind !== 'standalone');
}

/** Answers in one story, with its part of the conversation; remembers the turn and records the question. */
async function answerIn(
  context: CommandContext,
  storyId: string | null,
  kb: KnowledgeBase,
  question: string,
  options: AskOptions,
): Promise<void> {
  const { services } = context;
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
  services.recordQuestion(answer, context.guildId, storyId ?? undefined);
  const reply = renderAnswer(kb, answer, { ephemeral: options.ephemeral });
  await context.reply(storyId === null ? reply : taggedReply(reply, storyId, services.stories));
}
