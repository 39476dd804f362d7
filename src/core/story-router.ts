/**
 * Several stories behind one bot: which stories might answer a question, and which one does.
 *
 * Each story has its own knowledge base and engine; this wraps them, changing nothing inside. A
 * question that names no story is asked of the stories that share its rarer words (a shared
 * inverted index of every story's vocabulary: stem -> stories), at most `shortlist` of them, and
 * the one that answers with the highest confidence wins. With few stories every story is asked.
 * Pure: no files, no discord.js.
 */
import type { Answer } from './answer.ts';
import { converse, type Exchange } from './engine.ts';
import type { KnowledgeBase } from './knowledge.ts';
import { STOP_WORDS } from './lexicon.ts';
import { stem } from './stem.ts';
import { foldWordsOnly, MAX_QUESTION_CHARS, wordsOf } from './text.ts';

export interface RoutableStory {
  readonly id: string;
  readonly kb: KnowledgeBase;
}

/** Stories asked per question at most: the best-placed by shared vocabulary. */
export const SHORTLIST = 6;

/** The words a story's knowledge base uses, as stems: what it could be asked about. */
export function storyVocabulary(kb: KnowledgeBase): ReadonlySet<string> {
  const stems = new Set<string>();
  const add = (text: string | undefined): void => {
    if (!text) return;
    for (const word of wordsOf(foldWordsOnly(text))) {
      if (STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      stems.add(stem(word));
    }
  };
  add(kb.story.title);
  add(kb.story.summary);
  for (const p of kb.article.paragraphs) add(p.text);
  for (const t of kb.topics) add(t.title);
  for (const e of kb.entries) {
    add(e.question);
    for (const a of e.alternates) add(a);
    for (const k of e.keywords) add(k);
  }
  for (const p of kb.people) {
    add(p.name);
    add(p.role);
    for (const a of p.aliases) add(a);
  }
  for (const q of kb.quotes) for (const a of q.about) add(a);
  for (const place of kb.places) add(place.name);
  for (const g of kb.gaps) {
    add(g.question);
    for (const a of g.alternates) add(a);
  }
  return stems;
}

/**
 * The shared index: for each stem, the stories whose vocabulary holds it. A reloaded story is
 * read again in place (its old stems taken out, its new ones put in); the others are not touched.
 */
export class StoryRouter {
  private readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly vocabularies: (ReadonlySet<string> | null)[] = [];
  private readonly postings = new Map<string, number[]>();
  private scores = new Float64Array(0);
  private live = 0;

  private constructor(readonly shortlistSize: number) {}

  static build(stories: readonly RoutableStory[], shortlistSize = SHORTLIST): StoryRouter {
    const router = new StoryRouter(shortlistSize);
    for (const story of stories) router.replace(story);
    return router;
  }

  /** Reads one story's vocabulary again (or adds the story), in place. */
  replace(story: RoutableStory): this {
    let slot = this.slots.get(story.id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.ids.push(story.id);
      this.slots.set(story.id, slot);
      this.vocabularies.push(null);
      if (this.scores.length < this.ids.length) {
        const grown = new Float64Array(Math.max(16, this.ids.length * 2));
        grown.set(this.scores);
        this.scores = grown;
      }
    }
    this.takeOut(slot);
    const vocabulary = storyVocabulary(story.kb);
    for (const s of vocabulary) {
      const list = this.postings.get(s);
      if (list) list.push(slot);
      else this.postings.set(s, [slot]);
    }
    this.vocabularies[slot] = vocabulary;
    this.live++;
    return this;
  }

  /** Takes a story out, in place. */
  remove(id: string): this {
    const slot = this.slots.get(id);
    if (slot !== undefined) this.takeOut(slot);
    return this;
  }

  private takeOut(slot: number): void {
    const old = this.vocabularies[slot];
    if (!old) return;
    for (const s of old) {
      const list = this.postings.get(s);
      if (!list) continue;
      const at = list.indexOf(slot);
      if (at !== -1) list.splice(at, 1);
      if (list.length === 0) this.postings.delete(s);
    }
    this.vocabularies[slot] = null;
    this.live--;
  }

  /** The stories in the index. */
  get size(): number {
    return this.live;
  }

  /**
   * The stories worth asking, best first: every story when there are few; otherwise those sharing
   * the question's words, each word weighing by how few stories use it (a word every story uses
   * weighs nothing). Empty when no story shares a word.
   */
  shortlist(question: string): string[] {
    const n = this.live;
    if (n <= this.shortlistSize) return this.ids.filter((_, slot) => this.vocabularies[slot] !== null);
    const stems = new Set<string>();
    for (const word of wordsOf(foldWordsOnly(question.slice(0, MAX_QUESTION_CHARS)))) {
      if (STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      stems.add(stem(word));
    }
    const scores = this.scores;
    const touched: number[] = [];
    for (const s of stems) {
      const list = this.postings.get(s);
      // A word in most stories tells them apart no better than not reading it.
      if (!list || list.length * 2 > n) continue;
      const weight = Math.log(n / list.length);
      for (const i of list) {
        if (scores[i] === 0) touched.push(i);
        scores[i] = (scores[i] ?? 0) + weight;
      }
    }
    // The best few by score, equal scores in the stories' order.
    const best = touched
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, this.shortlistSize)
      .map((i) => this.ids[i] as string);
    for (const i of touched) scores[i] = 0;
    return best;
  }
}

/** One story's exchange for a question. */
export interface StoryExchange {
  readonly story: string;
  readonly exchange: Exchange;
}

/** Kinds of answer every story gives to the same words ("what is the story about?"). */
const ABOUT_ANY_STORY: ReadonlySet<Answer['kind']> = new Set(['overview', 'meta']);

export type RouteResult =
  /** One story answered best (or, when none answered, the first asked declines). */
  | { readonly kind: 'answer'; readonly best: StoryExchange; readonly answered: boolean }
  /** The question is about "the story" as a whole, and several stories answered it: which one? */
  | { readonly kind: 'which-story'; readonly stories: readonly string[] };

/**
 * Asks the shortlisted stories (each with its own part of the conversation) and takes the
 * answer with the highest confidence; equal confidence goes to the better-placed story. When none
 * answers, the first asked declines (its close questions are the likeliest). A question any
 * story answers about itself (an overview, words about the bot) is not one story's: the asker
 * is asked which.
 */
export function routeQuestion(
  candidates: readonly RoutableStory[],
  question: string,
  ask: (story: RoutableStory, question: string) => Exchange = (story, q) => converse(story.kb, q),
): RouteResult | null {
  const results: StoryExchange[] = candidates.map((story) => ({
    story: story.id,
    exchange: ask(story, question),
  }));
  const first = results[0];
  if (first === undefined) return null;
  let best: StoryExchange | null = null;
  for (const result of results) {
    const { answer } = result.exchange;
    if (!answer.answered) continue;
    if (best === null || answer.confidence > best.exchange.answer.confidence) best = result;
  }
  if (best === null) return { kind: 'answer', best: first, answered: false };
  if (ABOUT_ANY_STORY.has(best.exchange.answer.kind)) {
    const general = results.filter(
      (r) => r.exchange.answer.answered && ABOUT_ANY_STORY.has(r.exchange.answer.kind),
    );
    if (general.length > 1) return { kind: 'which-story', stories: general.map((r) => r.story) };
  }
  return { kind: 'answer', best, answered: true };
}
