/**
 * What a message asks of the story as a whole, or of the bot: a summary, the people in it, its
 * date, "who are you?", thanks... Read from weighted cue phrases (english/data/intents.json):
 * general English, the same for every story. The engine's message rules answer them only when
 * nothing else in the message is a word of the story (intents say what is asked; the story's
 * words say it asks something more specific).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type Intent =
  | 'thanks'
  | 'bot'
  | 'author'
  | 'date'
  | 'source'
  | 'headline'
  | 'line'
  | 'plain'
  | 'summary'
  | 'ending'
  | 'people'
  | 'quotes'
  | 'places'
  | 'figures'
  | 'dates'
  | 'unknowns'
  | 'sides'
  | 'topics'
  | 'greeting';

const INTENTS_FILE = new URL('./english/data/intents.json', import.meta.url);

const Cues = z.array(z.string().regex(/^[a-z0-9 ]+$/, 'folded words separated by spaces'));
const IntentsFile = z
  .object({
    $comment: z.array(z.string()).optional(),
    intents: z.record(
      z.string(),
      z.object({ '2': Cues, '1': Cues.optional(), unless: Cues.optional() }).strict(),
    ),
  })
  .strict();

interface Cue {
  readonly words: readonly string[];
  readonly weight: number;
  /** Its place among every intent's cues (CUES), in INTENTS order, and its intent's place in INTENTS. */
  readonly index: number;
  readonly intent: number;
}

/** Intents in the file's order (which breaks ties), each with its cues longest first. */
function loadIntents(): readonly (readonly [Intent, readonly Cue[]])[] {
  const file = IntentsFile.parse(JSON.parse(readFileSync(INTENTS_FILE, 'utf8')));
  for (const [intent, cues] of Object.entries(file.intents))
    if (cues.unless)
      CANCELLED_BY.set(
        intent as Intent,
        cues.unless.map((c) => c.split(' ')),
      );
  let index = 0;
  return Object.entries(file.intents).map(([intent, cues], i) => {
    const all = [
      ...cues['2'].map((c) => ({ words: c.split(' '), weight: 2 })),
      ...(cues['1'] ?? []).map((c) => ({ words: c.split(' '), weight: 1 })),
    ];
    all.sort((a, b) => b.words.length - a.words.length);
    return [intent as Intent, all.map((cue): Cue => ({ ...cue, index: index++, intent: i }))] as const;
  });
}

/** Each intent's "unless" phrases: a message holding one does not have that intent. */
const CANCELLED_BY = new Map<Intent, readonly (readonly string[])[]>();
const INTENTS = loadIntents();

/** Whether the words hold one of the phrases that cancel the intent. */
function cancelled(intent: Intent, words: readonly string[]): boolean {
  const phrases = CANCELLED_BY.get(intent);
  if (phrases === undefined) return false;
  return phrases.some((phrase) => words.some((_, i) => phrase.every((word, j) => words[i + j] === word)));
}

/** Every word of every cue ("published", "outlet", "tldr"): a typo of one may be read as it. */
export const INTENT_WORDS: ReadonlySet<string> = new Set(
  INTENTS.flatMap(([, cues]) => cues.flatMap((cue) => cue.words)),
);
const CUES: readonly Cue[] = INTENTS.flatMap(([, cues]) => cues);
/**
 * Every cue by its first word: a message has a few dozen words and the intents hundreds of cues,
 * so the cues a message could hold are found from its words, not by trying every cue.
 */
const CUES_BY_FIRST_WORD = new Map<string, Cue[]>();
for (const cue of CUES) {
  const first = cue.words[0] as string;
  const same = CUES_BY_FIRST_WORD.get(first);
  if (same === undefined) CUES_BY_FIRST_WORD.set(first, [cue]);
  else same.push(cue);
}
/** The weight an intent's cues must reach. */
const ENOUGH = 2;
/** [wider, narrower]: asked together, the wider one's answer holds the narrower one's. */
const WIDER_INTENTS: readonly (readonly [Intent, Intent])[] = [['sides', 'people']];

export interface IntentReading {
  readonly intent: Intent;
  /** Positions of the message's words that some intent's cue covers: not the story's words. */
  readonly cueWords: ReadonlySet<number>;
}

/**
 * Where each cue stands in the words, longest cues first, never overlapping within one intent.
 * `cues` are one intent's cues whose first word the message holds, in their order; each is tried
 * only where that word stands (`positions`).
 */
function cueSpans(
  words: readonly string[],
  positions: ReadonlyMap<string, readonly number[]>,
  cues: readonly Cue[],
): { weight: number; at: number[] }[] {
  const taken = new Set<number>();
  const found: { weight: number; at: number[] }[] = [];
  for (const cue of cues) {
    const starts = positions.get(cue.words[0] as string) as readonly number[];
    const n = cue.words.length;
    for (const i of starts) {
      if (i + n > words.length) break;
      let match = true;
      for (let j = 0; j < n && match; j++) match = words[i + j] === cue.words[j] && !taken.has(i + j);
      if (!match) continue;
      const at = Array.from({ length: n }, (_, j) => i + j);
      for (const p of at) taken.add(p);
      found.push({ weight: cue.weight, at });
    }
  }
  return found;
}

/** The intent of a message's words (folded), or null when no intent's cues weigh enough. */
export function readIntent(words: readonly string[]): IntentReading | null {
  let best: { intent: Intent; score: number } | null = null;
  const reached = new Set<Intent>();
  const cueWords = new Set<number>();
  const positions = new Map<string, number[]>();
  words.forEach((word, i) => {
    const at = positions.get(word);
    if (at === undefined) positions.set(word, [i]);
    else at.push(i);
  });
  // The cues the message could hold, in CUES order: intent by intent, each intent's in its order.
  const held: number[] = [];
  for (const word of positions.keys())
    for (const cue of CUES_BY_FIRST_WORD.get(word) ?? []) held.push(cue.index);
  held.sort((a, b) => a - b);
  const heldCues = held.map((index) => CUES[index] as Cue);
  for (let h = 0; h < heldCues.length; ) {
    const intentAt = (heldCues[h] as Cue).intent;
    const cues: Cue[] = [];
    for (; h < heldCues.length && (heldCues[h] as Cue).intent === intentAt; h++)
      cues.push(heldCues[h] as Cue);
    const intent = (INTENTS[intentAt] as (typeof INTENTS)[number])[0];
    const spans = cueSpans(words, positions, cues);
    for (const span of spans) for (const p of span.at) cueWords.add(p);
    const score = spans.reduce((sum, s) => sum + s.weight, 0);
    if (score < ENOUGH || cancelled(intent, words)) continue;
    if (best === null || score > best.score) best = { intent, score };
    reached.add(intent);
  }
  // "Who are the people quoted, and what side are they on?": each side's answer names its people.
  for (const [wider, narrower] of WIDER_INTENTS)
    if (best !== null && best.intent === narrower && reached.has(wider))
      best = { intent: wider, score: best.score };
  return best === null ? null : { intent: best.intent, cueWords };
}
