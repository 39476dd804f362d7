/**
 * The evaluation question sets: load, grade, summarise. Used by the accuracy test and by
 * `npm run bench`, so both grade the same way.
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';

export const EvalItem = z.object({
  q: z.string(),
  expect: z.enum(['answer', 'decline']),
  must: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
  kind: z.string().optional(),
  tag: z.string(),
  /** Follow-ups: what the same user asked just before, oldest first. */
  context: z.array(z.string()).optional(),
});
export type EvalItem = z.infer<typeof EvalItem>;

export function loadEvalSet(path: string): EvalItem[] {
  return z.array(EvalItem).parse(YAML.parse(readFileSync(path, 'utf8')));
}

/** Case, curly quotes and dashes do not matter when comparing answer text. */
export const normaliseForGrading = (text: string): string =>
  text.toLowerCase().replace(/[“”„]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-');

/** A `must` item written `/…/` is a regular expression (any case); any other is "a|b": either text. */
export function holdsMust(must: string, text: string): boolean {
  if (must.length > 2 && must.startsWith('/') && must.endsWith('/')) {
    return new RegExp(must.slice(1, -1), 'i').test(text);
  }
  return must.split('|').some((alt) => text.includes(normaliseForGrading(alt)));
}

/** Right = answered and holds every `must` item, or declined when it should be. */
export function isCorrect(item: EvalItem, outcome: { answered: boolean; text: string }): boolean {
  if (item.expect === 'decline') return !outcome.answered;
  if (!outcome.answered) return false;
  const text = normaliseForGrading(outcome.text);
  return (item.must ?? []).every((must) => holdsMust(must, text));
}

export interface Rate {
  readonly right: number;
  readonly total: number;
  readonly rate: number;
}

export interface Accuracy {
  readonly answerable: Rate;
  readonly outOfScope: Rate;
  /** Per tag, both kinds of question together. */
  readonly byTag: ReadonlyMap<string, Rate>;
  readonly failures: readonly { readonly item: EvalItem; readonly text: string }[];
}

/** Answers one item: the question, after its context when it has one. */
export type Answerer = (question: string, context: readonly string[]) => { answered: boolean; text: string };

export function measure(items: readonly EvalItem[], answer: Answerer): Accuracy {
  let aRight = 0;
  let aTotal = 0;
  let dRight = 0;
  let dTotal = 0;
  const failures: { item: EvalItem; text: string }[] = [];
  const tags = new Map<string, { right: number; total: number }>();
  for (const item of items) {
    const outcome = answer(item.q, item.context ?? []);
    const right = isCorrect(item, outcome);
    const tag = tags.get(item.tag) ?? { right: 0, total: 0 };
    tag.total++;
    if (right) tag.right++;
    tags.set(item.tag, tag);
    if (item.expect === 'answer') {
      aTotal++;
      if (right) aRight++;
    } else {
      dTotal++;
      if (right) dRight++;
    }
    if (!right) failures.push({ item, text: outcome.text });
  }
  return {
    answerable: rate(aRight, aTotal),
    outOfScope: rate(dRight, dTotal),
    byTag: new Map([...tags].map(([tag, t]) => [tag, rate(t.right, t.total)])),
    failures,
  };
}

const rate = (right: number, total: number): Rate => ({
  right,
  total,
  rate: total === 0 ? 1 : right / total,
});
