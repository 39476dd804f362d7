/**
 * Teaching from /unanswered (moderators): after the report, one private card per question, with
 * an "Answer with…" menu over the entries (the engine's closest first) and "Mark as known gap".
 * Either goes through the teaching service, the same write the curator studio makes: the YAML
 * edited in place, the folder validated, the data reloaded, the result told privately.
 *
 * The cards' custom ids start with "unanswered:" (unanswered.ts owns the prefix, so only
 * moderators get through the dispatcher): "unanswered:alt:<key>" and "unanswered:gap:<key>".
 * The question itself travels in the card's title; the key (a hash of it) proves it whole.
 */
import { createHash } from 'node:crypto';
import { answerQuestion } from '../core/engine.ts';
import { formatProblem } from '../core/problems.ts';
import { type TeachingResult, teachingCandidates } from '../services/teaching.ts';
import { messages } from './messages.ts';
import { truncate } from './render.ts';
import { type BotReply, type CommandContext, type UnansweredReport, UserError } from './types.ts';

/** Cards sent per /unanswered: Discord lets a reply have only so many follow-ups before it throttles. */
export const TEACHING_CARDS = 5;
/** Discord's cap on a select menu's options. */
const MENU_OPTIONS = 25;
/** Longest question a card can carry whole in its title (Discord: 256 characters with the quotes). */
const TITLE_QUESTION = 250;

export const teachingIds = {
  alternate: (question: string) => `unanswered:alt:${keyOf(question)}`,
  gap: (question: string) => `unanswered:gap:${keyOf(question)}`,
} as const;

function keyOf(question: string): string {
  return createHash('sha256').update(question).digest('hex').slice(0, 16);
}

/** The questions to teach from a report: the most declined first, then those marked "not what I asked". */
export function questionsToTeach(report: UnansweredReport): { question: string; count: number | null }[] {
  const out: { question: string; count: number | null }[] = [];
  const add = (question: string, count: number | null): void => {
    if (question.length <= TITLE_QUESTION && !out.some((q) => q.question === question))
      out.push({ question, count });
  };
  for (const d of report.declined) add(d.question, d.count);
  for (const m of report.misanswered) for (const example of m.examples) add(example, null);
  return out.slice(0, TEACHING_CARDS);
}

/** One card per question, after the report (not in the terminal, which has no menus). */
export async function sendTeachingCards(context: CommandContext, report: UnansweredReport): Promise<void> {
  if (context.surface === 'terminal') return;
  const questions = questionsToTeach(report);
  if (questions.length === 0) return;
  const kb = context.services.knowledge();
  await context.reply({ content: messages.teachCardsIntro(questions.length), ephemeral: true });
  for (const { question, count } of questions) {
    const answer = answerQuestion(kb, question);
    const candidates = teachingCandidates(kb, answer);
    const ordered = [
      ...candidates.map((c) => kb.entryById.get(c.id)),
      ...kb.entries.filter((e) => !candidates.some((c) => c.id === e.id)),
    ].filter((e) => e !== undefined);
    const card: BotReply = {
      embed: {
        title: `“${question}”`,
        description: messages.teachCardDescription(count, answer.decidedBy, answer.id),
        fields:
          candidates.length > 0
            ? [
                {
                  name: messages.teachCandidates,
                  value: candidates
                    .slice(0, 3)
                    .map((c) => `• ${c.id}: ${truncate(c.question, 100)}`)
                    .join('\n'),
                },
              ]
            : [],
      },
      select: {
        customId: teachingIds.alternate(question),
        placeholder: messages.answerWithPlaceholder,
        options: ordered.slice(0, MENU_OPTIONS).map((e) => ({
          label: truncate(e.question, 100),
          value: e.id,
          description: e.id,
        })),
      },
      buttons: [{ customId: teachingIds.gap(question), label: messages.markAsKnownGap, style: 'danger' }],
      ephemeral: true,
    };
    await context.reply(card);
  }
}

/** A card's menu or button: teach, then say privately what happened. */
export async function teachFromCard(
  context: CommandContext,
  args: readonly string[],
  values: readonly string[],
): Promise<void> {
  const [action, key] = args;
  // The front end reads the question back from the card's title (questionFromTitle).
  const question = context.origin ?? null;
  if (action !== 'alt' && action !== 'gap') throw new UserError(messages.unknownButton);
  if (!question || keyOf(question) !== key) throw new UserError(messages.teachCardStale);
  const entryId = values[0];
  if (action === 'alt' && !entryId) throw new UserError(messages.teachPickEntry);
  // Acknowledge at once: validating and rebuilding may take longer than Discord waits.
  await context.reply({ content: messages.teachWorking, ephemeral: true });
  const by = `discord ${context.asker.name} (${context.asker.id})`;
  const { teaching } = context.services;
  const result =
    action === 'alt'
      ? await teaching.addAlternate({ entryId: entryId as string, question, by })
      : await teaching.addGap({ question, by });
  await context.reply(renderTeaching(result));
}

export function renderTeaching(result: TeachingResult): BotReply {
  if (!result.ok) {
    return {
      embed: {
        title: messages.teachRefused(result.problems.length),
        description: result.problems
          .slice(0, 10)
          .map((p) => `• ${formatProblem(p)}`)
          .join('\n'),
      },
      ephemeral: true,
    };
  }
  const { change, answerAfter } = result;
  const what =
    change.kind === 'alternate'
      ? messages.taughtAlternate(change.question, change.entryId, change.file)
      : messages.taughtGap(change.question, change.entryId, change.file);
  const now = result.taken
    ? messages.taughtTaken(change.entryId)
    : messages.taughtNotTaken(answerAfter.decidedBy, answerAfter.id);
  return {
    embed: {
      title: messages.taughtLive(result.version, result.tookMs),
      description: `${what}\n${now}`,
      fields:
        result.shards.length > 0
          ? [
              {
                name: messages.reloadShards,
                value: result.shards.map((s) => messages.shardResult(s)).join('\n'),
              },
            ]
          : [],
    },
    ephemeral: true,
  };
}
