/**
 * compromise, loaded on first use: it takes a few hundred milliseconds, which a story with its
 * own quotes.yaml and glossary.yaml never pays. Loaded synchronously (its single-file build), so
 * validation stays synchronous.
 */
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

export type Nlp = typeof nlpType;
export type NlpDocument = ReturnType<Nlp>;

let loaded: Nlp | undefined;

export function nlp(): Nlp {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded;
}

/** One word as compromise reads it: its text, where it is, and its tags. */
export interface Word {
  readonly text: string;
  /** Offset in the text given to words(), and the offset just past the word. */
  readonly start: number;
  readonly end: number;
  readonly tags: ReadonlySet<string>;
  /** Lower-case, without punctuation. */
  readonly normal: string;
}

interface JsonTerm {
  text: string;
  normal?: string;
  tags?: string[];
  offset?: { start: number; length: number };
}

/** The words of a text with their tags and offsets. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  const json = nlp()(text).json({ offset: true, terms: { tags: true, offset: true, normal: true } }) as {
    terms: JsonTerm[];
  }[];
  for (const sentence of json) {
    for (const term of sentence.terms) {
      const start = term.offset?.start ?? 0;
      out.push({
        text: term.text,
        start,
        end: start + (term.offset?.length ?? term.text.length),
        tags: new Set(term.tags ?? []),
        normal: term.normal ?? term.text.toLowerCase(),
      });
    }
  }
  return namesAfterTitles(out, text);
}

/** Titles that open a person's name. */
const TITLES = /^(?:dr|mr|mrs|ms|miss|prof|professor|sir|dame|lord|lady|capt|captain)\.?$/;
const PLACE_TAGS = ['Place', 'City', 'Region', 'Country', 'Organization'];

/**
 * "said Dr Fiona Marsh": compromise reads "Dr" as Drive and takes the name after it for a place.
 * A title and the capitalised words right after it are a person's name.
 */
function namesAfterTitles(found: Word[], text: string): Word[] {
  for (let i = 0; i + 1 < found.length; i++) {
    if (!TITLES.test((found[i] as Word).normal) || !/^\p{Lu}/u.test((found[i] as Word).text)) continue;
    let j = i;
    while (j + 1 < found.length) {
      const next = found[j + 1] as Word;
      if (!/^\p{Lu}/u.test(next.text) || !/^\.?\s+$/.test(text.slice((found[j] as Word).end, next.start)))
        break;
      j++;
      if (/[,;:.!?)”"]$/.test(next.text)) break;
    }
    if (j === i) continue;
    for (let k = i; k <= j; k++) {
      const w = found[k] as Word;
      const tags = new Set([...w.tags].filter((t) => !PLACE_TAGS.includes(t)));
      tags.add(k === i ? 'Honorific' : 'Person');
      tags.add('ProperNoun');
      found[k] = { ...w, tags };
    }
    i = j;
  }
  return found;
}
