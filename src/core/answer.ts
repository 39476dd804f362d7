/** The one answer object every front end renders: Discord, the terminal and the JSON CLI. */
import type { Citation } from './knowledge.ts';

/** qa: a curated entry; quote: someone's words or the article's; sentence: an uncurated article sentence; overview: the story as a whole; meta: about the story's details or the bot. */
export type AnswerKind = 'qa' | 'quote' | 'sentence' | 'overview' | 'meta' | 'none';

/** Why a question was not answered. */
export type DeclineReason =
  | 'empty' // nothing to look up: blank, punctuation, emoji, only filler words
  | 'small-talk' // greetings, thanks, "help"
  | 'not-in-article' // nothing in the article fits well enough
  | 'known-gap' // a question curators know the article does not answer
  | 'no-quote' // asked for someone's words and the article has none
  | 'unsupported-type' // asks why/when/where/how many, and the closest answer doesn't say
  | 'needs-context' // "what did she say?" with no earlier answer to say who
  | 'judgement'; // opinion, prediction, advice or truth-of-claim: the article reports, it doesn't judge

export interface Suggestion {
  readonly id: string;
  readonly question: string;
}

export interface QuoteDetails {
  readonly id: string;
  readonly speaker: string;
  readonly speakerName: string;
  readonly speakerRole: string;
  readonly kind: 'direct' | 'reported';
  readonly text: string;
  readonly context: string;
}

/** A document that scored below the one chosen: what else the engine considered. */
export interface RunnerUp {
  readonly id: string;
  readonly kind: 'qa' | 'quote' | 'gap' | 'sentence';
  readonly score: number;
}

export interface Answer {
  /** The question as read (markup and control characters removed). */
  readonly question: string;
  readonly answered: boolean;
  readonly kind: AnswerKind;
  readonly reason: DeclineReason | null;
  readonly text: string;
  /** Where the (first) answer stands in the article. */
  readonly citation: Citation | null;
  /** Every part's citation, for answers to multi-part questions. */
  readonly citations: readonly Citation[];
  /** 0..1; answers are given at or above the engine's threshold. */
  readonly confidence: number;
  /** The matched entry, quote, gap or sentence id. */
  readonly id: string | null;
  readonly ids: readonly string[];
  /** Declined: the closest questions ("did you mean"). Answered: related questions. */
  readonly suggestions: readonly Suggestion[];
  readonly quotes: readonly QuoteDetails[];
  /** The name of the decision rule that settled this answer (engine.ts lists them in order). */
  readonly decidedBy: string;
  /** The best other candidates, highest score first (at most three). */
  readonly runnersUp: readonly RunnerUp[];
}
