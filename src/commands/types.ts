/**
 * The command layer's contracts. A command is defined once (its Discord definition, its chat
 * form, its handler) and served to slash commands, chat commands and the terminal alike: the
 * front ends turn their input into a CommandInput and render the BotReply it sends back.
 */
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Answer } from '../core/answer.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import type { Logger } from '../log.ts';
import type { AnswerReference, Conversations } from '../services/conversations.ts';
import type { ReloadReport } from '../services/knowledge-holder.ts';
import type { ReportScope } from '../services/question-store.ts';
import type { StoriesReloadReport } from '../services/story-catalog.ts';
import type { DefaultScope, StoryDefault } from '../services/story-defaults.ts';
import type { Teaching } from '../services/teaching.ts';

export type Surface = 'slash' | 'chat' | 'terminal';

export interface ReplyButton {
  /** Dispatched back to the command that owns the prefix before the first ":". */
  readonly customId: string;
  readonly label: string;
  readonly style?: 'primary' | 'secondary' | 'success' | 'danger';
}

export interface ReplySelect {
  readonly customId: string;
  readonly placeholder: string;
  readonly options: readonly {
    readonly label: string;
    readonly value: string;
    readonly description?: string;
  }[];
}

export interface ReplyEmbed {
  readonly title?: string;
  readonly description: string;
  readonly fields?: readonly { readonly name: string; readonly value: string }[];
  readonly footer?: string;
}

/** What a command says back; each front end renders it within its own limits. */
export interface BotReply {
  readonly content?: string;
  readonly embed?: ReplyEmbed;
  readonly buttons?: readonly ReplyButton[];
  readonly select?: ReplySelect;
  /** Only the asker sees it (slash commands and buttons; elsewhere a plain reply). */
  readonly ephemeral?: boolean;
}

export interface UploadedFile {
  readonly name: string;
  readonly size: number;
  /** Fetches the contents; the front end enforces the size limit. */
  read(): Promise<string>;
}

/** Option values as a front end parsed them. */
export interface CommandInput {
  string(name: string): string | null;
  boolean(name: string): boolean | null;
  attachment(name: string): UploadedFile | null;
}

export interface Asker {
  readonly id: string;
  readonly name: string;
  /** ManageGuild, a role in MOD_ROLE_IDS, a user in MOD_USER_IDS, or the terminal's operator. */
  readonly isModerator: boolean;
}

/** One story the bot serves. */
export interface ServedStory {
  readonly id: string;
  readonly kb: KnowledgeBase;
}

/** The stories behind the bot: one (data/ as it always was) or several (stories/<id>/). */
export interface StoryServices {
  /** More than one story: routing, story options and story names in replies come into play. */
  readonly several: boolean;
  list(): readonly ServedStory[];
  get(id: string): ServedStory | undefined;
  /** A story as typed: its id or title, or the one that starts so. */
  find(typed: string): string | undefined;
  /** The channel's default story, else its server's (`/story use`). */
  defaultFor(guildId: string | null, channelId: string | null): StoryDefault | null;
  /** Sets or clears a default; false when it holds in memory only (until a restart). */
  setDefault(
    where: {
      readonly guildId: string | null;
      readonly channelId: string | null;
      readonly scope: DefaultScope;
    },
    story: string | null,
  ): boolean;
  /** The story whose live knowledge has this version (what a conversation's turns carry). */
  storyOfVersion(version: string): string | undefined;
  /** The stories worth asking a question that names none, best first (the shared vocabulary index). */
  shortlist(question: string): readonly string[];
}

/** What the running bot offers its commands. */
export interface BotServices {
  /** A story's knowledge: the one named, else the only (or first) story. */
  knowledge(story?: string): KnowledgeBase;
  readonly stories: StoryServices;
  /** Reloads the (first) story's data, as one story's reload: teaching, the studio. */
  reload(request: { readonly requestedBy: string; readonly file?: UploadedFile }): Promise<ReloadReport>;
  /** Reloads one story (`story`) or every story: /reload. */
  reloadStories(request: {
    readonly requestedBy: string;
    readonly story?: string;
    readonly file?: UploadedFile;
  }): Promise<StoriesReloadReport>;
  /** Records a question the bot declined or answered (for the unanswered-questions log). */
  recordQuestion(answer: Answer, guildId: string | null, story?: string): void;
  /** Counts a Helpful / Not what I asked click; false if this user already rated this answer. */
  recordFeedback(vote: FeedbackVote): boolean;
  /** The questions asked in `scope` (of one story's, given one); null when the log is off or cannot be read right now. */
  unansweredReport(scope: ReportScope, limit: number, story?: string | null): UnansweredReport | null;
  /** Adds a reader's question to the data (an alternate, a known gap): validated, written, reloaded. */
  readonly teaching: Teaching;
  /** The recent turns of every conversation, in memory only (CONTEXT_TURNS, CONTEXT_MINUTES). */
  readonly conversations: Conversations;
  readonly commandPrefix: string;
  readonly log: Logger;
}

export interface FeedbackVote {
  readonly entryId: string;
  readonly helpful: boolean;
  /** The question the rated answer was about. */
  readonly question: string | null;
  readonly guildId: string | null;
  /** Who clicked: kept in memory to count each user once per answer, never written to the log. */
  readonly userId: string;
  /** The answer message clicked on (null in the terminal). */
  readonly answerId: string | null;
  /** The story the rated answer came from. */
  readonly story?: string;
}

export interface UnansweredReport {
  readonly declined: readonly {
    readonly question: string;
    readonly count: number;
    readonly lastSeen: string;
  }[];
  readonly misanswered: readonly {
    readonly entryId: string;
    readonly notHelpful: number;
    readonly helpful: number;
    readonly examples: readonly string[];
  }[];
}

export interface CommandContext {
  readonly surface: Surface;
  readonly asker: Asker;
  readonly guildId: string | null;
  /** The channel (a DM's channel, 'terminal'): where a default story may be set. */
  readonly channelId?: string | null;
  /** The story a clicked button or the answer replied to belongs to (several stories only). */
  readonly story?: string | null;
  /** For button clicks: the question the clicked answer was about. */
  readonly origin?: string | null;
  /** For button clicks: the id of the message the button is on. */
  readonly originMessageId?: string | null;
  /**
   * Whose conversation this is: one user in one channel ("channel:user"), a DM, the terminal.
   * Questions are read after its recent turns and leave theirs; null or absent: no context.
   */
  readonly conversationKey?: string | null;
  /**
   * The bot's answer this message replies to (a Discord reply, or the answer a button is on): the
   * question is read as a follow-up of that answer, whatever was asked since.
   */
  readonly replyingTo?: AnswerReference | null;
  readonly services: BotServices;
  reply(message: BotReply): Promise<void>;
}

/** What autocomplete knows: the services, where it is typed, and the other options filled in so far. */
export interface AutocompleteContext extends Pick<CommandContext, 'services'> {
  readonly guildId?: string | null;
  readonly channelId?: string | null;
  /** The other options' values as typed so far (`story`, say). */
  readonly values?: Readonly<Record<string, string>>;
}

export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string;
}

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

export interface Command {
  /** The Discord definition: name, description, options, default_member_permissions. */
  readonly definition: CommandDefinition;
  /**
   * The definition Discord registers for this story, when its descriptions give the story's own
   * examples (who is quoted, what to ask); `definition` otherwise. Same name and options.
   */
  definitionFor?(kb: KnowledgeBase, stories: readonly ServedStory[]): CommandDefinition;
  /** One line for /help and !help. */
  readonly summary: string;
  /** How to type it in chat, without the prefix: "ask <question>". */
  readonly usage: string;
  /** The option the rest of a chat message fills ("!ask who is ..." -> question). */
  readonly chatArgument?: string;
  /** Checked at run time as well as by Discord's default_member_permissions. */
  readonly moderatorOnly?: boolean;
  /** Counted against the per-user cooldown (answers are; help and browsing are not). */
  readonly cooldown?: boolean;
  /** Button actions (the custom id's part after the command's name) that answer, and so count too. */
  readonly cooldownActions?: readonly string[];
  /** May take longer than Discord's 3 s: front ends acknowledge first ("thinking..."). */
  readonly slow?: boolean;
  execute(context: CommandContext, input: CommandInput): Promise<void>;
  autocomplete?(context: AutocompleteContext, option: string, typed: string): AutocompleteChoice[];
  /** Button and select-menu clicks whose custom id starts with `${definition.name}:`. */
  component?(context: CommandContext, args: readonly string[], values: readonly string[]): Promise<void>;
}

/** A problem the user can fix: shown to them (privately where possible), never logged as an error. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
