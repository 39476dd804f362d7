/**
 * Where in the article a curator's not-quite-verbatim text most likely comes from, so the
 * message can show the words to copy and the sentence id to cite.
 */
import { distance } from 'fastest-levenshtein';
import type { Article } from './article.ts';

export interface ClosestText {
  /** The sentence id ("p4.s2"). */
  readonly sentence: string;
  /** The article's own words, verbatim, closest to what was written. */
  readonly text: string;
}

/** Case, curly quotes and dashes are not what a curator needs pointing out first. */
const loose = (text: string): string =>
  text.toLowerCase().replace(/[“”„]/g, '"').replace(/[‘’]/g, "'").replace(/[–—]/g, '-');

const wordSet = (text: string): Set<string> => new Set(loose(text).match(/[\p{L}\p{N}]+/gu) ?? []);

/** Sentences that share most words with the text are searched; the others cannot be closest. */
const SENTENCES_SEARCHED = 3;

export function closestText(article: Article, wanted: string): ClosestText | undefined {
  const target = loose(wanted.trim());
  if (target.length === 0) return undefined;
  const words = wordSet(wanted);
  const sentences = article.paragraphs.flatMap((p) => p.sentences);
  const ranked = sentences
    .map((s) => {
      const theirs = wordSet(s.text);
      let shared = 0;
      for (const w of words) if (theirs.has(w)) shared++;
      return { sentence: s, shared };
    })
    .sort((a, b) => b.shared - a.shared)
    .slice(0, SENTENCES_SEARCHED);

  let best: { sentence: string; text: string; cost: number } | undefined;
  const wantedCount = Math.max(1, target.split(/\s+/).length);
  for (const { sentence } of ranked) {
    // Word starts and ends in the sentence: candidate spans begin and end on word edges.
    const spans = [...sentence.text.matchAll(/\S+/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    for (let i = 0; i < spans.length; i++) {
      for (let n = Math.max(1, wantedCount - 2); n <= wantedCount + 2 && i + n <= spans.length; n++) {
        const start = spans[i]?.start ?? 0;
        const end = spans[i + n - 1]?.end ?? 0;
        const text = trimEdges(sentence.text.slice(start, end), wanted);
        const cost = distance(loose(text), target);
        if (!best || cost < best.cost) best = { sentence: sentence.id, text, cost };
      }
    }
  }
  // Nothing alike at all: better to say so than to point at a random sentence.
  if (!best || best.cost > target.length * 0.6) return undefined;
  return { sentence: best.sentence, text: best.text };
}

/** Punctuation at a span's edges, and quotation marks the curator did not write, are not the words. */
function trimEdges(text: string, wanted: string): string {
  const opening = /^["“‘]/.test(wanted.trim()) ? '' : '"“‘';
  const closing = /["”’]$/.test(wanted.trim()) ? '' : '"”’';
  return text
    .replace(new RegExp(`^[\\s,;:(${opening}]+`, 'u'), '')
    .replace(new RegExp(`[\\s,;:.)${closing}]+$`, 'u'), '');
}
