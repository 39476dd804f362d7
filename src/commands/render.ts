/**
 * Answers as replies: the answer, its citation, and buttons for the source paragraph, related
 * questions and feedback. Shared by /ask, !ask, mentions, DMs, buttons and the terminal.
 */
import type { Answer } from '../core/answer.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { messages } from './messages.ts';
import type { BotReply, ReplyButton } from './types.ts';

/** Custom ids of the answer buttons, handled by the ask command. */
export const answerButtons = {
  paragraph: (paragraphId: string) => `ask:para:${paragraphId}`,
  entry: (entryId: string) => `ask:entry:${entryId}`,
  helpful: (id: string) => `ask:fb:up:${id}`,
  notHelpful: (id: string) => `ask:fb:down:${id}`,
} as const;

const LABEL_CHARS = 80;

export function renderAnswer(
  kb: KnowledgeBase,
  answer: Answer,
  options: { ephemeral?: boolean } = {},
): BotReply {
  const buttons: ReplyButton[] = [];
  const fields: { name: string; value: string }[] = [];
  const citation = answer.citation;
  if (answer.answered && citation) {
    const n = citation.paragraph.slice(1);
    const extra = answer.citations.length > 1 ? ` (+${answer.citations.length - 1} more)` : '';
    fields.push({
      name: messages.source,
      value: `> ${citation.excerpt}\n— ${messages.paragraph(n)}${extra}, “${kb.story.title}”`,
    });
    buttons.push({ customId: answerButtons.paragraph(citation.paragraph), label: messages.showParagraph(n) });
  }
  if (answer.quotes.some((q) => q.kind === 'reported'))
    fields.push({ name: '\u200b', value: messages.reportedNote });
  if (answer.suggestions.length > 0) {
    const heading = answer.answered ? messages.related : messages.didYouMean;
    fields.push({ name: heading, value: answer.suggestions.map((s) => `• ${s.question}`).join('\n') });
    for (const s of answer.suggestions) {
      buttons.push({ customId: answerButtons.entry(s.id), label: truncate(s.question, LABEL_CHARS) });
    }
  }
  const feedbackId = answer.answered ? answer.id : null;
  if (feedbackId !== null) {
    buttons.push({ customId: answerButtons.helpful(feedbackId), label: messages.helpful, style: 'success' });
    buttons.push({
      customId: answerButtons.notHelpful(feedbackId),
      label: messages.notWhatIAsked,
      style: 'secondary',
    });
  }
  return {
    embed: {
      title: `“${truncate(answer.question, 200)}”`,
      description: answer.text,
      fields,
      ...(answer.answered ? { footer: messages.matchFooter(Math.round(answer.confidence * 100)) } : {}),
    },
    buttons,
    ephemeral: options.ephemeral ?? false,
  };
}

/** The question an answer message was about, from the title renderAnswer gave it. */
export function questionFromTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  const match = /^“(.*)”$/s.exec(title);
  return match?.[1] ?? null;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
