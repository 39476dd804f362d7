/**
 * /reload and !reload (moderators): put edited data live without a restart, validated, never
 * half-applied. The reload itself is KnowledgeHolder's; this renders the outcome.
 */
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { formatProblem } from '../core/problems.ts';
import { ofStory } from '../core/story-folders.ts';
import type { ReloadReport } from '../services/knowledge-holder.ts';
import type { StoriesReloadReport } from '../services/story-catalog.ts';
import { messages } from './messages.ts';
import { storyNamed, suggestStories, withStoryOption } from './stories.ts';
import { type BotReply, type Command, UserError } from './types.ts';

/** Problems listed in one reply; the rest are counted (the log has them all). */
const MAX_PROBLEMS_SHOWN = 15;

// An absolute path (POSIX or Windows) standing on its own: "/srv/bot/data/qa.yaml", 'C:\\bot\\data'.
const ABSOLUTE_PATH = /(?<=^|[\s'"`(])(?:[A-Za-z]:\\|\/)[^\s'"`,;()]*/g;

/**
 * A problem as moderators see it: where the bot's files live on its server is none of their
 * business (the bot's log has the full paths), so paths are cut to their last part.
 */
export function withoutPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (path) => {
    const colon = path.endsWith(':') ? ':' : '';
    const last = path
      .slice(0, path.length - colon.length)
      .split(/[\\/]/)
      .filter(Boolean)
      .pop();
    return `${last && !/^[A-Za-z]:$/.test(last) ? last : 'the data folder'}${colon}`;
  });
}

const definition = {
  name: 'reload',
  description: 'Moderators: reload the data (validated; the old data stays live if anything is wrong).',
  options: [
    {
      type: ApplicationCommandOptionType.Attachment,
      name: 'file',
      description: 'Replace one data file (e.g. qa.yaml) with this upload, if the whole folder validates',
    },
  ],
  default_member_permissions: String(PermissionFlagsBits.ManageGuild),
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
} as const satisfies Command['definition'];

export const reloadCommand: Command = {
  definition,
  definitionFor: (_kb, stories) =>
    withStoryOption(definition, stories, 'Reload this story only (default: every story)'),
  summary: 'Moderators: reload the data, or replace one data file with an upload.',
  usage: 'reload',
  // "!reload <story>" of several stories.
  chatArgument: 'story',
  moderatorOnly: true,
  slow: true,

  async execute(context, input) {
    const file = input.attachment('file');
    const { stories, commandPrefix } = context.services;
    if (!stories.several) {
      const report = await context.services.reload({
        requestedBy: context.asker.id,
        ...(file ? { file } : {}),
      });
      await context.reply(renderReload(report));
      return;
    }
    const named = input.string('story');
    if (file && named === null) throw new UserError(messages.reloadStoryUploadNeedsStory);
    const story = named === null ? undefined : storyNamed(stories, named, commandPrefix).id;
    const report = await context.services.reloadStories({
      requestedBy: context.asker.id,
      ...(story === undefined ? {} : { story }),
      ...(file ? { file } : {}),
    });
    await context.reply(renderStoriesReload(report));
  },

  autocomplete(context, option, typed) {
    return option === 'story' ? suggestStories(context.services.stories, typed) : [];
  },
};

/** A reload of several stories: one story's as renderReload shows it, named; all, a line per story. */
export function renderStoriesReload(report: StoriesReloadReport): BotReply {
  const [only] = report.results;
  if (report.results.length === 1 && only && report.problems.length === 0 && report.added.length === 0) {
    const reply = renderReload(only.report);
    return reply.embed
      ? { ...reply, embed: { ...reply.embed, title: `${only.id}: ${reply.embed.title ?? ''}` } }
      : reply;
  }
  const lines = report.results.map(({ id, report: { outcome } }) =>
    outcome.ok
      ? `• \`${id}\`: ${outcome.counts.entries} Q&A entries, ${outcome.counts.quotes} quotes (version ${outcome.version}${
          outcome.changes.added.length + outcome.changes.removed.length + outcome.changes.edited.length > 0
            ? `; ${outcome.changes.added.length} added, ${outcome.changes.removed.length} removed, ${outcome.changes.edited.length} edited`
            : ''
        })`
      : `• \`${id}\`: ${messages.reloadStoryFailed(outcome.problems.length)}`,
  );
  if (report.added.length > 0) lines.push(`• new: ${report.added.map((id) => `\`${id}\``).join(', ')}`);
  if (report.removed.length > 0)
    lines.push(`• no longer served (folder gone): ${report.removed.map((id) => `\`${id}\``).join(', ')}`);
  const problems = [
    ...report.problems,
    ...report.results.flatMap(({ id, report: { outcome } }) =>
      outcome.ok ? [] : outcome.problems.map((p) => ofStory(id, p)),
    ),
  ];
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `• ${withoutPaths(formatProblem(p))}`);
  const more = problems.length - shown.length;
  const ok = report.results.filter((r) => r.report.outcome.ok).length;
  const took = report.results.reduce((sum, r) => sum + r.report.outcome.tookMs, 0);
  return {
    embed: {
      title: messages.reloadStoriesOk(ok, report.results.length, took),
      description: lines.join('\n') || messages.reloadNoChanges,
      fields:
        shown.length > 0
          ? [
              {
                name: 'Problems',
                value: `${shown.join('\n')}${more > 0 ? `\n…and ${more} more (see the bot's log)` : ''}`,
              },
            ]
          : [],
    },
    ephemeral: true,
  };
}

export function renderReload({ outcome, shards }: ReloadReport): BotReply {
  const shardField =
    shards.length > 0
      ? [{ name: messages.reloadShards, value: shards.map((s) => messages.shardResult(s)).join('\n') }]
      : [];
  if (!outcome.ok) {
    const shown = outcome.problems
      .slice(0, MAX_PROBLEMS_SHOWN)
      .map((p) => `• ${withoutPaths(formatProblem(p))}`);
    const more = outcome.problems.length - shown.length;
    return {
      embed: {
        title: messages.reloadFailed(outcome.problems.length),
        description: `${shown.join('\n')}${more > 0 ? `\n…and ${more} more (see the bot's log)` : ''}`,
        fields: shardField,
      },
      ephemeral: true,
    };
  }
  const { counts, changes } = outcome;
  const list = (label: string, ids: readonly string[]): string | null =>
    ids.length > 0
      ? `${label}: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ` (+${ids.length - 20})` : ''}`
      : null;
  const changeLines = [
    list('added', changes.added),
    list('removed', changes.removed),
    list('edited', changes.edited),
  ]
    .filter((l) => l !== null)
    .join('\n');
  return {
    embed: {
      title: messages.reloadOk(outcome.tookMs),
      description: `${messages.reloadCounts}: ${counts.entries} Q&A entries, ${counts.quotes} quotes, ${counts.people} people, ${counts.gaps} known gaps (version ${outcome.version}${outcome.replacedFile ? `, replaced ${outcome.replacedFile}` : ''}).`,
      fields: [
        { name: messages.reloadChanges, value: changeLines || messages.reloadNoChanges },
        ...shardField,
      ],
    },
    ephemeral: true,
  };
}
