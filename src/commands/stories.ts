/**
 * Several stories, as the commands see them: which story a command is about, the `story` option
 * every story-dependent command gets (only when there are several), and the story a button
 * belongs to (its custom id ends in `:@<story>`). With one story none of this shows.
 */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { messages } from './messages.ts';
import { truncate } from './render.ts';
import {
  type AutocompleteChoice,
  type AutocompleteContext,
  type BotReply,
  type CommandContext,
  type ServedStory,
  type StoryServices,
  UserError,
} from './types.ts';

/** Discord's longest custom id. */
const MAX_CUSTOM_ID = 100;
const TAG = /:@([a-z0-9][a-z0-9_-]{0,63})$/;

/** A button's custom id, tagged with the story it belongs to (when it fits). */
export function tagged(customId: string, story: string): string {
  const withTag = `${customId}:@${story}`;
  return withTag.length <= MAX_CUSTOM_ID ? withTag : customId;
}

/** "ask:entry:x:@second" -> ["ask:entry:x", "second"]; an untagged id has no story. */
export function untagged(customId: string): { readonly customId: string; readonly story: string | null } {
  const match = TAG.exec(customId);
  return match
    ? { customId: customId.slice(0, match.index), story: match[1] ?? null }
    : { customId, story: null };
}

/** A reply's buttons and menu, tagged with its story, when the bot serves several. */
export function taggedReply(reply: BotReply, story: string, stories: StoryServices): BotReply {
  if (!stories.several) return reply;
  return {
    ...reply,
    ...(reply.buttons
      ? { buttons: reply.buttons.map((b) => ({ ...b, customId: tagged(b.customId, story) })) }
      : {}),
    ...(reply.select ? { select: { ...reply.select, customId: tagged(reply.select.customId, story) } } : {}),
  };
}

/** The `story` option, for commands whose answer depends on the story. */
export function storyOption(description: string) {
  return {
    type: ApplicationCommandOptionType.String,
    name: 'story',
    description,
    autocomplete: true,
    max_length: 100,
  } as const;
}

/** A definition with the `story` option added, when there are several stories. */
export function withStoryOption<T extends { readonly options?: readonly unknown[] }>(
  definition: T,
  stories: readonly ServedStory[],
  description: string,
): T {
  if (stories.length < 2) return definition;
  return { ...definition, options: [...(definition.options ?? []), storyOption(description)] };
}

/** Autocomplete of a story option: ids and titles containing what was typed. */
export function suggestStories(stories: StoryServices, typed: string): AutocompleteChoice[] {
  const t = typed.trim().toLowerCase();
  return stories
    .list()
    .filter((s) => t.length === 0 || s.id.includes(t) || s.kb.story.title.toLowerCase().includes(t))
    .slice(0, 25)
    .map((s) => ({ name: truncate(`${s.kb.story.title} (${s.id})`, 100), value: s.id }));
}

/** A story as typed (id or title); a UserError naming the stories when it is none of them. */
export function storyNamed(stories: StoryServices, typed: string, prefix: string): ServedStory {
  const id = stories.find(typed);
  const story = id === undefined ? undefined : stories.get(id);
  if (!story) throw new UserError(messages.unknownStory(typed, storyIds(stories), prefix));
  return story;
}

const storyIds = (stories: StoryServices): string[] => stories.list().map((s) => s.id);

/**
 * The story a command is about: the one named, else the one the clicked button or replied answer
 * belongs to, else the channel's default, else the server's; with one story, that one. Null
 * when there are several and nothing says which.
 */
export function chosenStory(
  context: Pick<CommandContext, 'services' | 'guildId' | 'channelId' | 'story' | 'replyingTo'>,
  named: string | null,
): ServedStory | null {
  const { stories, commandPrefix } = context.services;
  if (named !== null && named.trim().length > 0) return storyNamed(stories, named, commandPrefix);
  if (!stories.several) return stories.list()[0] ?? null;
  const hinted = context.replyingTo?.story ?? context.story ?? null;
  const hint = hinted === null ? undefined : stories.get(hinted);
  if (hint) return hint;
  const fallback = stories.defaultFor(context.guildId, context.channelId ?? null);
  return fallback ? (stories.get(fallback.story) ?? null) : null;
}

/** chosenStory for autocomplete: the story option typed so far, else the channel's or server's default. */
export function autocompleteStory(context: AutocompleteContext): ServedStory | null {
  const { stories } = context.services;
  if (!stories.several) return stories.list()[0] ?? null;
  const typed = context.values?.story;
  const id = typed
    ? stories.find(typed)
    : stories.defaultFor(context.guildId ?? null, context.channelId ?? null)?.story;
  return id === undefined ? null : (stories.get(id) ?? null);
}

/** The stories, one line each, for a command that needs one chosen. */
export function storyList(stories: StoryServices, max = 20): string {
  const list = stories.list();
  const lines = list.slice(0, max).map((s) => `• **${s.kb.story.title}** (\`${s.id}\`)`);
  if (list.length > max) lines.push(messages.moreStories(list.length - max));
  return lines.join('\n');
}

/** "Which story?": the stories served, and how to name one, for a command that needs one chosen. */
export function whichStoryReply(context: Pick<CommandContext, 'services' | 'surface'>): BotReply {
  const { stories, commandPrefix } = context.services;
  return {
    embed: {
      title: messages.storiesTitle(stories.list().length),
      description: `${storyList(stories)}\n\n${messages.storiesHint(commandPrefix, context.surface === 'terminal')}`,
    },
  };
}
