/**
 * The one dispatcher: every command, button and menu click from every front end goes through
 * here, and here only are errors turned into replies. A UserError is the user's to fix and is
 * shown to them (privately where the front end can); anything else is logged and answered with
 * a short apology, and the bot keeps running.
 */
import { MAX_QUESTION_LENGTH } from './ask.ts';
import { messages } from './messages.ts';
import { commands, findCommand } from './registry.ts';
import { untagged } from './stories.ts';
import {
  type AutocompleteChoice,
  type AutocompleteContext,
  type BotServices,
  type Command,
  type CommandContext,
  type CommandInput,
  type UploadedFile,
  UserError,
} from './types.ts';

/** Discord's cap on autocomplete choices. */
const MAX_CHOICES = 25;

/**
 * Per-user cooldown as a token bucket: a user may ask `burst` questions in a row, then one more
 * every `seconds`. Bursts of a few questions (a follow-up, a correction) pass; a flood does not.
 *
 * The buckets are kept in the order they were last used (a used bucket moves to the end), so the
 * first is always the idlest: forgetting refilled buckets looks at the first few only, and each
 * check costs the same however many users are active.
 */
export class Cooldowns {
  constructor(
    private readonly seconds: number,
    private readonly burst: number = 1,
    private readonly now: () => number = Date.now,
    private readonly buckets: Map<string, { tokens: number; at: number }> = new Map(),
  ) {}

  /** Seconds still to wait (0 = go ahead, and the question is counted). */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const period = this.seconds * 1000;
    this.forgetIdle(now - this.burst * period);
    const bucket = this.buckets.get(userId);
    const tokens = bucket ? Math.min(this.burst, bucket.tokens + (now - bucket.at) / period) : this.burst;
    if (tokens < 1) return Math.max(1, Math.ceil(((1 - tokens) * period) / 1000));
    this.buckets.delete(userId);
    this.buckets.set(userId, { tokens: tokens - 1, at: now });
    return 0;
  }

  /**
   * A bucket unused since `cutoff` has refilled: the same as a user never seen. A few at a time
   * (more are forgotten than added, so the map still shrinks to the users active lately).
   */
  private forgetIdle(cutoff: number): void {
    for (let i = 0; i < FORGET_PER_CHECK; i++) {
      const first = this.buckets.entries().next();
      if (first.done || first.value[1].at >= cutoff) return;
      this.buckets.delete(first.value[0]);
    }
  }
}

/** Idle buckets forgotten per cooldown check. */
const FORGET_PER_CHECK = 4;

export type ChatParse =
  | { readonly kind: 'command'; readonly command: Command; readonly input: CommandInput }
  | { readonly kind: 'unknown'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

export class Dispatcher {
  private readonly cooldowns: Cooldowns;

  constructor(
    private readonly services: BotServices,
    options: {
      readonly cooldownSeconds: number;
      readonly cooldownBurst?: number;
      readonly now?: () => number;
    },
  ) {
    this.cooldowns = new Cooldowns(options.cooldownSeconds, options.cooldownBurst ?? 1, options.now);
  }

  get commands(): readonly Command[] {
    return commands;
  }

  async run(command: Command, context: CommandContext, input: CommandInput): Promise<void> {
    await this.guard(context, command.definition.name, async () => {
      if (command.moderatorOnly && !context.asker.isModerator) throw new UserError(messages.moderatorsOnly);
      if (command.cooldown) this.takeCooldown(context);
      await command.execute(context, input);
    });
  }

  private takeCooldown(context: CommandContext): void {
    if (context.surface === 'terminal') return;
    const wait = this.cooldowns.take(context.asker.id);
    if (wait > 0) throw new UserError(messages.cooldown(wait));
  }

  /** A button or select-menu click: "ask:entry:minerals-deal" goes to the ask command. */
  async component(customId: string, values: readonly string[], clicked: CommandContext): Promise<void> {
    // "ask:entry:x:@second": a button of the story "second" (several stories only).
    const { customId: id, story } = untagged(customId);
    const context = story === null ? clicked : { ...clicked, story };
    const [name = '', ...args] = id.split(':');
    await this.guard(context, `component ${name}`, async () => {
      const command = findCommand(name);
      if (!command?.component) throw new UserError(messages.unknownButton);
      if (command.moderatorOnly && !context.asker.isModerator) throw new UserError(messages.moderatorsOnly);
      if (command.cooldownActions?.includes(args[0] ?? '')) this.takeCooldown(context);
      await command.component(context, args, values);
    });
  }

  /**
   * Autocomplete never fails loudly: a broken suggestion list is just an empty one. What was typed
   * is cut to a question's length first: Discord sends whatever is in the box, however long.
   */
  autocomplete(
    commandName: string,
    option: string,
    typed: string,
    where: Omit<AutocompleteContext, 'services'> = {},
  ): AutocompleteChoice[] {
    try {
      const command = findCommand(commandName);
      const text = typed.slice(0, MAX_QUESTION_LENGTH);
      return (command?.autocomplete?.({ ...where, services: this.services }, option, text) ?? []).slice(
        0,
        MAX_CHOICES,
      );
    } catch (error) {
      this.services.log.error({ err: error, command: commandName }, 'autocomplete failed');
      return [];
    }
  }

  /** "!ask who is ..." -> the ask command; "hello" -> plain text. */
  parseChat(text: string, attachments: readonly UploadedFile[] = []): ChatParse {
    const prefix = this.services.commandPrefix;
    const trimmed = text.trim();
    if (!trimmed.startsWith(prefix)) return { kind: 'text', text: trimmed };
    const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed.slice(prefix.length));
    const name = match?.[1] ?? '';
    if (name.length === 0) return { kind: 'text', text: trimmed };
    const command = findCommand(name);
    if (!command) return { kind: 'unknown', name };
    return { kind: 'command', command, input: chatInput(command, match?.[2] ?? '', attachments) };
  }

  private async guard(context: CommandContext, what: string, action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      if (error instanceof UserError) {
        await this.safeReply(context, error.message, what);
        return;
      }
      this.services.log.error({ err: error, command: what, surface: context.surface }, 'command failed');
      await this.safeReply(context, messages.failed, what);
    }
  }

  private async safeReply(context: CommandContext, content: string, what: string): Promise<void> {
    try {
      await context.reply({ content, ephemeral: true });
    } catch (error) {
      this.services.log.warn({ err: error, command: what }, 'could not send the error reply');
    }
  }
}

/** Chat input: the rest of the message fills the command's chat argument; attachments come along. */
export function chatInput(
  command: Command,
  rest: string,
  attachments: readonly UploadedFile[] = [],
): CommandInput {
  const text = rest.trim();
  return {
    string: (name) => (name === command.chatArgument && text.length > 0 ? text : null),
    boolean: () => null,
    attachment: () => attachments[0] ?? null,
  };
}
