/**
 * Answers as replies: the answer, a short citation of every part, and buttons for the source
 * paragraphs, "tell me more", related questions and feedback. Shared by /ask, !ask, mentions, DMs,
 * buttons and the terminal.
 */
import type { Answer } from '../core/answer.ts';
import type { Citation, KnowledgeBase } from '../core/knowledge.ts';
import type { AnswerReference } from '../services/conversations.ts';
import { messages } from './messages.ts';
import { untagged } from './stories.ts';
import type { BotReply, ReplyButton } from './types.ts';

/** Custom ids of the answer buttons, handled by the ask command. */
export const answerButtons = {
  paragraph: (paragraphId: string) => `ask:para:${paragraphId}`,
  entry: (entryId: string) => `ask:entry:${entryId}`,
  more: (id: string) => `ask:more:${id}`,
  helpful: (id: string) => `ask:fb:up:${id}`,
  notHelpful: (id: string) => `ask:fb:down:${id}`,
} as const;

const LABEL_CHARS = 80;
/** "Show paragraph" buttons under one answer: a row of Discord's five. */
const MAX_PARAGRAPH_BUTTONS = 5;
/** Room for the excerpts of every part in one embed field (Discord allows 1,024 characters). */
const SOURCE_CHARS = 960;

/** Kinds that answer from one place in the article, where "tell me more" and feedback make sense. */
const CITED_KINDS: ReadonlySet<Answer['kind']> = new Set(['qa', 'quote', 'sentence']);

export function renderAnswer(
  kb: KnowledgeBase,
  answer: Answer,
  options: { ephemeral?: boolean } = {},
): BotReply {
  const buttons: ReplyButton[] = [];
  const fields: { name: string; value: string }[] = [];
  const cited = distinctCitations(answer.citations);
  if (cited.length > 0) {
    fields.push({ name: messages.source, value: sourceText(answer, cited) });
    for (const paragraph of paragraphsOf(cited).slice(0, MAX_PARAGRAPH_BUTTONS)) {
      const n = paragraph.slice(1);
      buttons.push({ customId: answerButtons.paragraph(paragraph), label: messages.showParagraph(n) });
    }
  }
  if (answer.quotes.some((q) => q.kind === 'reported'))
    fields.push({ name: '\u200b', value: messages.reportedNote });
  const fromOnePlace = answer.answered && CITED_KINDS.has(answer.kind) && answer.id !== null;
  if (fromOnePlace && answer.id !== null && !tellsItAll(kb, answer, cited)) {
    buttons.push({ customId: answerButtons.more(answer.id), label: messages.tellMeMore, style: 'primary' });
  }
  if (answer.suggestions.length > 0) {
    const heading =
      answer.kind === 'meta'
        ? messages.youCouldAsk
        : answer.answered
          ? messages.related
          : messages.didYouMean;
    fields.push({ name: heading, value: answer.suggestions.map((s) => `• ${s.question}`).join('\n') });
    for (const s of answer.suggestions) {
      buttons.push({ customId: answerButtons.entry(s.id), label: truncate(s.question, LABEL_CHARS) });
    }
  }
  // Overviews and words about the bot rest on no one entry: there is nothing to rate.
  if (fromOnePlace && answer.id !== null) {
    buttons.push({ customId: answerButtons.helpful(answer.id), label: messages.helpful, style: 'success' });
    buttons.push({
      customId: answerButtons.notHelpful(answer.id),
      label: messages.notWhatIAsked,
      style: 'secondary',
    });
  }
  return {
    embed: { title: `“${truncate(answer.question, 200)}”`, description: answer.text, fields },
    buttons,
    ephemeral: options.ephemeral ?? false,
  };
}

/** Each part's citation once (two parts resting on the same sentence cite it once). */
function distinctCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.paragraph}\u0000${c.excerpt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function paragraphsOf(citations: readonly Citation[]): string[] {
  return [...new Set(citations.map((c) => c.paragraph))];
}

/** For comparing what the reply already shows: case, quote marks and spacing aside. */
const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?…]+$/, '');

/** Words and figures ("2.5%", "£412m"), without the punctuation around them. */
const wordsOf = (text: string): string[] => comparable(text).match(/[\p{L}\p{N}]+(?:[.,]\p{N}+)*%?/gu) ?? [];

/** An answer holding this share of an excerpt's words says what it says (a curated answer often restates its sentence). */
const RESTATED_SHARE = 0.9;

/**
 * The answer's own text already says what the excerpt says (holds it, or nearly all its words):
 * showing it again below says nothing new; the paragraph button still shows the article's words.
 */
function shownInText(text: string, excerpt: string): boolean {
  if (comparable(text).includes(comparable(excerpt))) return true;
  const said = new Set(wordsOf(text));
  const words = wordsOf(excerpt);
  return words.length > 0 && words.filter((w) => said.has(w)).length >= RESTATED_SHARE * words.length;
}

/**
 * "paragraph 4", with the excerpt above it when the answer's text does not already show it. An
 * overview (the people, a summary) cites its places in its text: only the paragraphs are named.
 */
function sourceText(answer: Answer, cited: readonly Citation[]): string {
  const places = (citations: readonly Citation[]): string =>
    messages.paragraphs(paragraphsOf(citations).map((p) => p.slice(1)));
  if (answer.kind === 'overview') return places(cited);
  // In the parts' order; parts whose text the answer already shows are named together.
  const quoted = cited.filter((c) => !shownInText(answer.text, c.excerpt)).length;
  const room = Math.floor(SOURCE_CHARS / Math.max(1, quoted)) - 20;
  const blocks: string[] = [];
  let named: Citation[] = [];
  for (const c of cited) {
    if (shownInText(answer.text, c.excerpt)) {
      named.push(c);
      continue;
    }
    if (named.length > 0) blocks.push(places(named));
    named = [];
    blocks.push(`> ${truncate(c.excerpt, room)}\n— ${places([c])}`);
  }
  if (named.length > 0) blocks.push(places(named));
  return blocks.join('\n');
}

/** The answer already shows the whole of every paragraph it cites: there is no more to tell. */
function tellsItAll(kb: KnowledgeBase, answer: Answer, cited: readonly Citation[]): boolean {
  return paragraphsOf(cited).every((p) => {
    const text = kb.article.places.get(p)?.text;
    return text !== undefined && shownInText(answer.text, text);
  });
}

/** The question an answer message was about, from the title renderAnswer gave it. */
export function questionFromTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  const match = /^“(.*)”$/s.exec(title);
  return match?.[1] ?? null;
}

/**
 * One of the bot's answer messages, read back: its question from the title, the documents it
 * rests on from its buttons (feedback and "tell me more" carry the answer's id). Null when the
 * message is not an answer (help, /story, a reload report).
 */
export function answerReferenceOf(
  title: string | null | undefined,
  customIds: readonly string[],
): AnswerReference | null {
  const question = questionFromTitle(title);
  if (question === null) return null;
  // Of several stories, the buttons say which story the answer came from (":@<story>").
  const read = customIds.map((id) => untagged(id));
  const ids = read
    .map(({ customId }) => /^ask:(?:fb:(?:up|down)|more):(.+)$/.exec(customId)?.[1])
    .filter((id): id is string => id !== undefined);
  const story = read.find((r) => r.story !== null)?.story;
  return { question, ids: [...new Set(ids)], ...(story ? { story } : {}) };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
