/**
 * Questions to answer with a knowledge base before it goes live, so that the first people to ask
 * after a start or a reload wait no longer than those after them: the JIT compiles the engine's
 * hot paths, and the spelling corrector and stem caches see the story's words.
 *
 * They are made from the knowledge base's own phrasings (nothing story-specific here): entries'
 * questions and alternates, a typo of each, quote requests, known gaps, two questions in one
 * message, and a word the story never uses.
 */
import { answerQuestion } from './engine.ts';
import type { KnowledgeBase } from './knowledge.ts';

/** Enough for V8 to optimise the engine's hot functions on a small story; a few ms of answering. */
export const WARM_UP_QUESTIONS = 96;

/** Swaps two letters in the middle of the longest word: a typo the corrector has to read. */
function typoOf(text: string): string {
  const words = text.split(' ');
  let longest = 0;
  words.forEach((w, i) => {
    if (w.length > (words[longest] ?? '').length) longest = i;
  });
  const word = words[longest] ?? '';
  if (word.length < 5) return text;
  const at = Math.floor(word.length / 2);
  words[longest] = `${word.slice(0, at - 1)}${word[at]}${word[at - 1]}${word.slice(at + 1)}`;
  return words.join(' ');
}

/** Up to `count` questions, spread over the whole knowledge base. */
export function warmUpQuestions(kb: KnowledgeBase, count = WARM_UP_QUESTIONS): string[] {
  const out: string[] = [];
  const spread = <T>(items: readonly T[], n: number): T[] => {
    if (items.length <= n) return [...items];
    return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
  };
  const entries = spread(kb.entries, Math.ceil(count / 4));
  for (const entry of entries) {
    out.push(entry.question, typoOf(entry.question));
    const alternate = entry.alternates[0];
    if (alternate !== undefined) out.push(alternate.toLowerCase());
  }
  for (const quote of spread(kb.quotes, Math.ceil(count / 8))) {
    const speaker = kb.personById.get(quote.speaker)?.name ?? quote.speaker;
    out.push(`what did ${speaker} say about ${quote.about[0] ?? quote.topic}?`, `quote ${speaker}`);
  }
  for (const gap of spread(kb.gaps, Math.ceil(count / 8))) out.push(gap.question);
  const [first, second] = entries;
  if (first && second) out.push(`${first.question} and ${second.question.toLowerCase()}`);
  out.push('what does the article say about zyxwvut?', 'hi', '');
  return spread(out, count);
}

/** Rounds of warm-up at start, when the engine's code is cold too. */
export const START_WARM_UP_ROUNDS = 3;

/** Answers the warm-up questions now (for one-shot tools; the bot spreads them out, see the holder). */
export function warmUpNow(kb: KnowledgeBase, rounds = START_WARM_UP_ROUNDS): void {
  const questions = warmUpQuestions(kb);
  for (let round = 0; round < rounds; round++) for (const question of questions) answerQuestion(kb, question);
}
