/**
 * Conversation context for the front ends: the recent turns of each conversation (one user in one
 * channel, one DM, the terminal session), kept in memory only, and the turn of an answer message a
 * Discord reply or a button points at, rebuilt from what that message shows.
 */
import { ConversationMemory, type Turn, turnOf } from '../core/conversation.ts';
import type { KnowledgeBase } from '../core/knowledge.ts';
import { MAX_QUESTION_CHARS } from '../core/text.ts';

/**
 * Conversations remembered at once; the one idle longest is forgotten first. A turn takes about
 * 1 KB of heap (measured: 10,000 conversations of 5 turns of the seed story, 49 MB), so this
 * bounds the memory at about 50 MB with the default 5 turns.
 */
export const MAX_CONVERSATIONS = 10_000;

/** One of the bot's answers, as its message shows it: the question (title) and the answer's documents (button ids). */
export interface AnswerReference {
  readonly question: string;
  /** The story the answer came from, when the bot serves several (its buttons carry it). */
  readonly story?: string;
  /** The entry, quote or sentence ids the answer rests on; empty for a decline. */
  readonly ids: readonly string[];
}

export interface ConversationSettings {
  /** Turns kept per conversation (CONTEXT_TURNS); 0 turns context off. */
  readonly turns: number;
  /** How long a turn is kept (CONTEXT_MINUTES); 0 turns context off. */
  readonly minutes: number;
  readonly maxConversations?: number;
  readonly now?: () => number;
}

export class Conversations {
  private readonly memory: ConversationMemory;
  readonly now: () => number;
  readonly enabled: boolean;

  constructor(settings: ConversationSettings) {
    this.now = settings.now ?? Date.now;
    this.enabled = settings.turns > 0 && settings.minutes > 0;
    this.memory = new ConversationMemory({
      maxTurns: this.enabled ? settings.turns : 0,
      ttlMs: settings.minutes * 60_000,
      maxConversations: settings.maxConversations ?? MAX_CONVERSATIONS,
      now: this.now,
    });
  }

  /** The live turns of a conversation, oldest first (none without a key, or with context off). */
  history(key: string | null, kb: KnowledgeBase): readonly Turn[] {
    if (key === null || !this.enabled) return [];
    return this.memory.turns(key, kb.version);
  }

  /** The knowledge version the conversation's latest live turn was answered from (several stories: which story). */
  latestVersion(key: string | null): string | undefined {
    if (key === null || !this.enabled) return undefined;
    return this.memory.latest(key)?.kbVersion;
  }

  remember(key: string | null, turn: Turn): void {
    if (key === null || !this.enabled) return;
    this.memory.remember(key, turn);
  }

  /** A reload starts every conversation afresh. */
  forgetAll(): void {
    this.memory.forgetAll();
  }

  /** Conversations held right now. */
  get size(): number {
    return this.memory.size;
  }
}

/**
 * The turn one of the bot's answers left, rebuilt from its message: the question as its title
 * shows it, read again, and the documents its buttons name. Ids the data no longer has are left
 * out (the message may predate a reload).
 */
export function turnOfAnswer(kb: KnowledgeBase, reference: AnswerReference, at: number): Turn {
  const analysis = kb.analyzer.analyze(reference.question.slice(0, MAX_QUESTION_CHARS));
  const clause = analysis.clauses.length === 1 ? (analysis.clauses[0] ?? null) : analysis.whole;
  const ids = reference.ids.filter((id) => kb.citationOf.has(id));
  return turnOf(kb, analysis.cleaned, clause, { answered: ids.length > 0, ids }, at);
}
