/**
 * The one dispatcher: every command, button and menu click from every front end goes through
 * here, and here only are errors turned into replies. A UserError is the user's to fix and is
 * shown to them (privately where the front end can); anything else is logged and answered with
 * a short apology, and the bot keeps running.
 */
import { messages } from './messages.ts';
import { commands, findCommand } from './registry.ts';
import {
  type AutocompleteChoice,
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
 */
export class Cooldowns {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly seconds: number,
    private readonly burst: number = 1,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds still to wait (0 = go ahead, and the question is counted). */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const period = this.seconds * 1000;
    const bucket = this.buckets.get(userId) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / period);
    if (tokens < 1) return Math.max(1, Math.ceil(((1 - tokens) * period) / 1000));
    this.buckets.set(userId, { tokens: tokens - 1, at: now });
    if (this.buckets.size > 10_000) this.forgetIdle(now - this.burst * period);
    return 0;
  }

  /** Users whose bucket has refilled are the same as users never seen. */
  private forgetIdle(cutoff: number): void {
    for (const [user, bucket] of this.buckets) if (bucket.at < cutoff) this.buckets.delete(user);
  }
}

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
      if (command.cooldown && context.surface !== 'terminal') {
        const wait = this.cooldowns.take(context.asker.id);
        if (wait > 0) throw new UserError(messages.cooldown(wait));
      }
      await command.execute(context, input);
    });
  }

  /** A button or select-menu click: "ask:entry:minerals-deal" goes to the ask command. */
  async component(customId: string, values: readonly string[], context: CommandContext): Promise<void> {
    const [name = '', ...args] = customId.split(':');
    await this.guard(context, `component ${name}`, async () => {
      const command = findCommand(name);
      if (!command?.component) throw new UserError(messages.unknownButton);
      if (command.moderatorOnly && !context.asker.isModerator) throw new UserError(messages.moderatorsOnly);
      await command.component(context, args, values);
    });
  }

  /** Autocomplete never fails loudly: a broken suggestion list is just an empty one. */
  autocomplete(commandName: string, option: string, typed: string): AutocompleteChoice[] {
    try {
      const command = findCommand(commandName);
      return (command?.autocomplete?.({ services: this.services }, option, typed) ?? []).slice(
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
