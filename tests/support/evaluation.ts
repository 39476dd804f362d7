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
});
export type EvalItem = z.infer<typeof EvalItem>;

export function loadEvalSet(path: string): EvalItem[] {
  return z.array(EvalItem).parse(YAML.parse(readFileSync(path, 'utf8')));
}

/** Case, curly quotes and dashes do not matter when comparing answer text. */
export const normaliseForGrading = (text: string): string =>
  text.toLowerCase().replace(/[“”„]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-');

/** Right = answered and holds every `must` item ("a|b": either), or declined when it should be. */
export function isCorrect(item: EvalItem, outcome: { answered: boolean; text: string }): boolean {
  if (item.expect === 'decline') return !outcome.answered;
  if (!outcome.answered) return false;
  const text = normaliseForGrading(outcome.text);
  return (item.must ?? []).every((must) =>
    must.split('|').some((alt) => text.includes(normaliseForGrading(alt))),
  );
}

export interface Accuracy {
  readonly answerable: { readonly right: number; readonly total: number; readonly rate: number };
  readonly outOfScope: { readonly right: number; readonly total: number; readonly rate: number };
  readonly failures: readonly { readonly item: EvalItem; readonly text: string }[];
}

export function measure(
  items: readonly EvalItem[],
  answer: (q: string) => { answered: boolean; text: string },
): Accuracy {
  let aRight = 0;
  let aTotal = 0;
  let dRight = 0;
  let dTotal = 0;
  const failures: { item: EvalItem; text: string }[] = [];
  for (const item of items) {
    const outcome = answer(item.q);
    const right = isCorrect(item, outcome);
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
    answerable: { right: aRight, total: aTotal, rate: aTotal === 0 ? 1 : aRight / aTotal },
    outOfScope: { right: dRight, total: dTotal, rate: dTotal === 0 ? 1 : dRight / dTotal },
    failures,
  };
}
