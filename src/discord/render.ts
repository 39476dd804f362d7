/**
 * BotReply -> discord.js payloads, within Discord's limits however long the data is, and with
 * every mention disabled: this is the one place replies are built, so no reply can ever ping.
 */
import {
  ActionRowBuilder,
  type BaseMessageOptions,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  type InteractionReplyOptions,
  type MessageCreateOptions,
  MessageFlags,
  type MessageReplyOptions,
  StringSelectMenuBuilder,
} from 'discord.js';
import type { BotReply, ReplyButton } from '../commands/types.ts';

/** Discord's limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
  selectOptions: 25,
  selectText: 100,
} as const;

/** Never ping anyone: not @everyone, not roles, not users, not the person replied to. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

const STYLES: Record<NonNullable<ReplyButton['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

function basePayload(reply: BotReply): BaseMessageOptions {
  const payload: BaseMessageOptions & {
    embeds: EmbedBuilder[];
    components: ActionRowBuilder<ButtonBuilder | StringSelectMenuBuilder>[];
  } = {
    embeds: [],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
  if (reply.content) payload.content = clip(reply.content, LIMITS.content);
  if (reply.embed) payload.embeds.push(buildEmbed(reply.embed));
  const rows: ActionRowBuilder<ButtonBuilder | StringSelectMenuBuilder>[] = [];
  if (reply.select) {
    const select = new StringSelectMenuBuilder()
      .setCustomId(clip(reply.select.customId, LIMITS.customId))
      .setPlaceholder(clip(reply.select.placeholder, LIMITS.selectText))
      .addOptions(
        reply.select.options.slice(0, LIMITS.selectOptions).map((o) => ({
          label: clip(o.label, LIMITS.selectText),
          value: clip(o.value, LIMITS.selectText),
          ...(o.description ? { description: clip(o.description, LIMITS.selectText) } : {}),
        })),
      );
    rows.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select));
  }
  const seen = new Set<string>();
  const buttons = (reply.buttons ?? []).filter((b) => {
    // Discord rejects duplicate custom ids in one message.
    const id = clip(b.customId, LIMITS.customId);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  for (let i = 0; i < buttons.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    const row = new ActionRowBuilder<ButtonBuilder>();
    for (const b of buttons.slice(i, i + LIMITS.buttonsPerRow)) {
      row.addComponents(
        new ButtonBuilder()
          .setCustomId(clip(b.customId, LIMITS.customId))
          .setLabel(clip(b.label, LIMITS.buttonLabel))
          .setStyle(STYLES[b.style ?? 'secondary']),
      );
    }
    rows.push(row);
  }
  payload.components = rows;
  if (!payload.content && payload.embeds.length === 0) payload.content = '\u200b';
  return payload;
}

function buildEmbed(embed: NonNullable<BotReply['embed']>): EmbedBuilder {
  // Fill in order of importance, keeping the whole embed under its 6000-character total.
  let budget: number = LIMITS.embedTotal;
  const take = (text: string, max: number): string => {
    const out = clip(text, Math.max(1, Math.min(max, budget)));
    budget -= out.length;
    return out;
  };
  const builder = new EmbedBuilder().setColor(0x2b6cb0);
  if (embed.title) builder.setTitle(take(embed.title, LIMITS.embedTitle));
  builder.setDescription(take(embed.description || '\u200b', LIMITS.embedDescription));
  if (embed.footer) builder.setFooter({ text: take(embed.footer, LIMITS.footer) });
  for (const field of (embed.fields ?? []).slice(0, LIMITS.embedFields)) {
    if (budget < 20) break;
    builder.addFields({
      name: take(field.name || '\u200b', LIMITS.fieldName),
      value: take(field.value || '\u200b', LIMITS.fieldValue),
    });
  }
  return builder;
}

export function toMessageReply(reply: BotReply): MessageReplyOptions {
  return { ...basePayload(reply), failIfNotExists: false };
}

/** A reply sent on its own, in a DM (moderator commands typed in a server channel). */
export function toDirectMessage(reply: BotReply): MessageCreateOptions {
  return basePayload(reply);
}

export function toInteractionReply(reply: BotReply): InteractionReplyOptions {
  return { ...basePayload(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}
