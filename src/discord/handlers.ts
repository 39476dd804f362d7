/**
 * The Discord adapter: discord.js events in, dispatcher calls out, replies rendered by render.ts.
 * No command logic lives here.
 */
import {
  type APIInteractionGuildMember,
  type Attachment,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  Events,
  type GuildMember,
  type Interaction,
  type Message,
  MessageFlags,
  PermissionFlagsBits,
  type PermissionsBitField,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { askCommand } from '../commands/ask.ts';
import type { Dispatcher } from '../commands/dispatch.ts';
import { messages } from '../commands/messages.ts';
import { answerReferenceOf, questionFromTitle } from '../commands/render.ts';
import type {
  Asker,
  BotReply,
  BotServices,
  CommandContext,
  CommandInput,
  UploadedFile,
} from '../commands/types.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { AnswerReference } from '../services/conversations.ts';
import { downloadAttachment } from './attachments.ts';
import { toDirectMessage, toInteractionReply, toMessageReply } from './render.ts';

export interface AdapterOptions {
  readonly dispatcher: Dispatcher;
  readonly services: BotServices;
  readonly config: Config;
  readonly log: Logger;
  /** Every event handled is tracked here, so shutdown can wait for replies in flight. */
  readonly track: (work: Promise<unknown>) => void;
}

export function attachHandlers(client: Client, options: AdapterOptions): void {
  const { log, track } = options;
  const safely = (what: string, work: () => Promise<void>): void => {
    track(
      work().catch((error: unknown) => {
        log.error({ err: error, event: what }, 'event handler failed');
      }),
    );
  };
  client.on(Events.MessageCreate, (message) =>
    safely('messageCreate', () => onMessage(client, message, options)),
  );
  client.on(Events.InteractionCreate, (interaction) =>
    safely('interactionCreate', () => onInteraction(interaction, options)),
  );
}

async function onMessage(client: Client, message: Message, options: AdapterOptions): Promise<void> {
  const { dispatcher, services, config } = options;
  const me = client.user;
  if (
    !me ||
    message.author.bot ||
    message.webhookId !== null ||
    message.author.id === me.id ||
    message.system
  )
    return;
  const inDm = message.guildId === null;
  const mentionPattern = new RegExp(`<@!?${me.id}>`, 'g');
  const mentioned = message.mentions.users.has(me.id) || mentionPattern.test(message.content);
  const text = message.content.replace(mentionPattern, ' ').trim();
  // A reply to one of my answers follows that answer up, and is for me even without a ping.
  const replyingTo =
    message.reference?.messageId !== undefined && message.mentions.repliedUser?.id === me.id
      ? await answerRepliedTo(message, options.log)
      : null;
  const context: CommandContext = {
    surface: 'chat',
    asker: askerOf(
      message.author.id,
      message.author.username,
      message.member?.permissions ?? null,
      roleIdsOf(message.member),
      config,
    ),
    guildId: message.guildId,
    channelId: message.channelId,
    conversationKey: conversationKeyOf(message.channelId, message.author.id),
    replyingTo,
    services,
    async reply(reply: BotReply) {
      await message.reply(toMessageReply(reply));
    },
  };
  const parsed = dispatcher.parseChat(
    text,
    [...message.attachments.values()].map((a) => uploadOf(a, config)),
  );
  if (parsed.kind === 'command') {
    if (parsed.command.moderatorOnly && !inDm) {
      await runPrivately(message, context, options.log, (privately) =>
        dispatcher.run(parsed.command, privately, parsed.input),
      );
      return;
    }
    await dispatcher.run(parsed.command, context, parsed.input);
    return;
  }
  // Ordinary conversation in a channel is not for us. (Without the Message Content intent a
  // reply that does not ping arrives empty: nothing to answer.)
  if (!inDm && !mentioned && (replyingTo === null || text.length === 0)) return;
  if (parsed.kind === 'unknown') {
    await context.reply({ content: messages.unknownCommand(parsed.name, services.commandPrefix) });
    return;
  }
  await dispatcher.run(askCommand, context, {
    string: (name) => (name === 'question' ? parsed.text : null),
    boolean: () => null,
    attachment: () => null,
  });
}

/**
 * One conversation per user per channel (a DM is a channel of its own): two people asking in
 * the same channel never share context.
 */
function conversationKeyOf(channelId: string | null, userId: string): string {
  return `${channelId ?? 'dm'}:${userId}`;
}

/** The answer of mine a message replies to (its question and documents), or null if it is not one. */
async function answerRepliedTo(message: Message, log: Logger): Promise<AnswerReference | null> {
  try {
    // discord.js caches the referenced message Discord sends along, so this rarely asks the API.
    const answer = await message.fetchReference();
    return answerReferenceOf(answer.embeds[0]?.title, customIdsOf(answer.components));
  } catch (error) {
    // Deleted, or out of reach: the reply is then a question of its own.
    log.debug({ err: error }, 'could not read the message replied to');
    return null;
  }
}

/** The custom ids of a message's buttons and menus, whatever rows they sit in. */
function customIdsOf(components: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const row of components) {
    const inner = (row as { components?: readonly { customId?: string | null }[] }).components ?? [];
    for (const component of inner) if (typeof component.customId === 'string') ids.push(component.customId);
  }
  return ids;
}

/** Reacted to a moderator's chat command once its reply was sent to them by DM. */
const SENT_BY_DM = '✉️';

/**
 * Moderator commands typed in a server channel: their results, problems and refusals go to the
 * author by DM and never into the channel; the command message only gets a ✉️ reaction.
 */
async function runPrivately(
  message: Message,
  context: CommandContext,
  log: Logger,
  run: (context: CommandContext) => Promise<void>,
): Promise<void> {
  let delivered = false;
  await run({
    ...context,
    async reply(reply: BotReply) {
      try {
        await message.author.send(toDirectMessage(reply));
        delivered = true;
      } catch (error) {
        // Their DMs are closed to the bot: the channel still gets nothing.
        log.info({ err: error, user: message.author.id }, 'could not DM a moderator command reply');
      }
    },
  });
  if (!delivered) return;
  try {
    await message.react(SENT_BY_DM);
  } catch (error) {
    log.debug({ err: error }, 'could not react to a moderator command');
  }
}

async function onInteraction(interaction: Interaction, options: AdapterOptions): Promise<void> {
  const { dispatcher } = options;
  if (interaction.isAutocomplete()) {
    await onAutocomplete(interaction, options);
    return;
  }
  if (interaction.isChatInputCommand()) {
    const command = dispatcher.commands.find((c) => c.definition.name === interaction.commandName);
    const context = interactionContext(interaction, options, null);
    if (!command) {
      await context.reply({
        content: messages.unknownCommand(interaction.commandName, '/'),
        ephemeral: true,
      });
      return;
    }
    if (command.slow)
      await interaction.deferReply(command.moderatorOnly ? { flags: MessageFlags.Ephemeral } : {});
    await dispatcher.run(command, context, slashInput(interaction, options.config));
    return;
  }
  if (interaction.isButton() || interaction.isStringSelectMenu()) {
    const origin = questionFromTitle(interaction.message.embeds[0]?.title);
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    await dispatcher.component(
      interaction.customId,
      values,
      interactionContext(interaction, options, origin),
    );
  }
}

async function onAutocomplete(interaction: AutocompleteInteraction, options: AdapterOptions): Promise<void> {
  const focused = interaction.options.getFocused(true);
  // The other options typed so far: a question's suggestions come from the story chosen beside it.
  const values: Record<string, string> = {};
  for (const option of interaction.options.data) {
    if (option.name !== focused.name && option.value !== undefined && option.value !== null)
      values[option.name] = String(option.value);
  }
  const choices = options.dispatcher.autocomplete(
    interaction.commandName,
    focused.name,
    String(focused.value ?? ''),
    { guildId: interaction.guildId, channelId: interaction.channelId, values },
  );
  try {
    await interaction.respond(
      choices.map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) })),
    );
  } catch (error) {
    // The user typed on, or took longer than Discord waits; nothing to tell them.
    options.log.debug({ err: error }, 'autocomplete response not delivered');
  }
}

type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

function interactionContext(
  interaction: RepliableInteraction,
  options: AdapterOptions,
  origin: string | null,
): CommandContext {
  let answeredDeferral = false;
  return {
    surface: 'slash',
    asker: askerOf(
      interaction.user.id,
      interaction.user.username,
      interaction.memberPermissions,
      roleIdsOf(interaction.member),
      options.config,
    ),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    conversationKey: conversationKeyOf(interaction.channelId, interaction.user.id),
    origin,
    originMessageId: interaction.isMessageComponent() ? interaction.message.id : null,
    services: options.services,
    async reply(reply: BotReply) {
      const payload = toInteractionReply(reply);
      if (interaction.deferred && !answeredDeferral) {
        answeredDeferral = true;
        // Whether the reply is private was fixed when it was deferred.
        const { flags: _fixedAtDeferral, ...edit } = payload;
        await interaction.editReply(edit);
      } else if (interaction.replied || interaction.deferred) {
        await interaction.followUp(payload);
      } else {
        await interaction.reply(payload);
      }
    },
  };
}

/**
 * The member's role ids as Discord sent them with the message or interaction. discord.js's
 * `roles.cache` only holds the roles it has cached for the server, so a role it never saw (created
 * after the bot connected, say) would be missing there.
 */
function roleIdsOf(member: GuildMember | APIInteractionGuildMember | null): readonly string[] {
  if (!member) return [];
  if (Array.isArray(member.roles)) return member.roles; // an uncached server: the raw payload
  // discord.js keeps the payload's role ids in GuildMember#_roles (private, but what roles.cache reads).
  const raw = (member as unknown as { _roles?: unknown })._roles;
  if (Array.isArray(raw)) return raw.filter((id): id is string => typeof id === 'string');
  return [...(member as GuildMember).roles.cache.keys()];
}

/**
 * Moderators: Manage Server, or a role in MOD_ROLE_IDS, or a user in MOD_USER_IDS. In DMs there
 * are no roles or permissions, so only MOD_USER_IDS counts.
 */
function askerOf(
  userId: string,
  name: string,
  permissions: Readonly<PermissionsBitField> | null,
  roles: readonly string[],
  config: Config,
): Asker {
  const { roleIds, userIds } = config.moderators;
  const isModerator =
    userIds.includes(userId) ||
    (permissions?.has(PermissionFlagsBits.ManageGuild) ?? false) ||
    roles.some((role) => roleIds.includes(role));
  return { id: userId, name, isModerator };
}

function slashInput(interaction: ChatInputCommandInteraction, config: Config): CommandInput {
  return {
    string(name) {
      const value = interaction.options.get(name)?.value;
      return value === undefined || value === null ? null : String(value);
    },
    boolean: (name) => interaction.options.getBoolean(name),
    attachment(name) {
      const attachment = interaction.options.getAttachment(name);
      return attachment ? uploadOf(attachment, config) : null;
    },
  };
}

/** An uploaded file, fetched only when read: from Discord only, and never beyond the size limit. */
function uploadOf(attachment: Attachment, config: Config): UploadedFile {
  return {
    name: attachment.name,
    size: attachment.size,
    read: () =>
      downloadAttachment(attachment.url, {
        name: attachment.name,
        maxBytes: config.maxUploadBytes,
        apiUrl: config.discord.apiUrl,
      }),
  };
}
