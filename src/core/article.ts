/**
 * The article as citable parts: paragraph "p1".."pN" (one per non-empty line, in reading order)
 * and sentence "p1.s1".. within each. Ids are positional so the verbatim text stays the only
 * source; if a curator edits the article, the validator reports every citation that moved.
 */

export interface Sentence {
  readonly id: string;
  readonly paragraphId: string;
  readonly text: string;
}

export interface Paragraph {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

export interface Article {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
  /** Paragraphs and sentences by id. */
  readonly places: ReadonlyMap<string, Paragraph | Sentence>;
}

// A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) when the next
// one starts with a capital letter, a digit or an opening quote. Decimal points ("2.5%") never
// match because no space follows them, and neither does the full stop of a title or another
// abbreviation that comes before a name or a number ("said Dr. Priya Ramanathan", "St. Aldric's",
// "Jan. 5", "J. K. Rowling", "the U.S. President").
const SENTENCE_BREAK =
  /(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Col|Capt|Lt|Sgt|Rev|Sen|Rep|Gov|Mt|Ft|No|Nos|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.)(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/u;

export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(SENTENCE_BREAK)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function parseArticle(text: string): Article {
  const places = new Map<string, Paragraph | Sentence>();
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line, index): Paragraph => {
      const id = `p${index + 1}`;
      const sentences = splitSentences(line).map(
        (sentence, s): Sentence => ({ id: `${id}.s${s + 1}`, paragraphId: id, text: sentence }),
      );
      const paragraph: Paragraph = { id, number: index + 1, text: line, sentences };
      places.set(id, paragraph);
      for (const sentence of sentences) places.set(sentence.id, sentence);
      return paragraph;
    });
  return { text, paragraphs, places };
}

/** The paragraph a place id belongs to ("p4.s2" -> "p4"). */
export function paragraphOf(placeId: string): string {
  const dot = placeId.indexOf('.');
  return dot === -1 ? placeId : placeId.slice(0, dot);
}
