/** Replies as plain text for the terminal: the same BotReply the Discord adapter renders as embeds. */
import type { BotReply } from '../commands/types.ts';

/** Discord markdown that reads badly on a terminal. */
function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}

/** A field value this short, on one line, goes beside its name. */
const SHORT_FIELD = 60;

export function renderText(reply: BotReply): string {
  const lines: string[] = [];
  if (reply.content) lines.push(plain(reply.content));
  const embed = reply.embed;
  if (embed) {
    if (embed.title) lines.push(plain(embed.title));
    lines.push(plain(embed.description));
    for (const field of embed.fields ?? []) {
      const name = field.name.trim().replace(/\u200b/g, '');
      const value = plain(field.value);
      // "Source: paragraph 4" on one line; a list or an excerpt below its heading.
      const oneLine = !value.includes('\n') && value.length <= SHORT_FIELD && !/^[•>]/.test(value);
      if (name && oneLine) lines.push('', `${name}: ${value}`);
      else lines.push('', name ? `${name}:` : '', value);
    }
    if (embed.footer) lines.push('', `(${embed.footer})`);
  }
  if (reply.select) {
    lines.push('', `${reply.select.placeholder}: ${reply.select.options.map((o) => o.label).join(' | ')}`);
  }
  return `${lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n')}\n`;
}
