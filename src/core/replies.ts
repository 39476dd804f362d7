/**
 * Building Answer objects: a cited answer, a quote, a passage of the article, an honest decline,
 * several parts joined into one. The decision rules (rules.ts) choose; these only assemble, so
 * every answer has the same shape whichever rule settled it.
 */
import type { Answer, QuoteDetails, RunnerUp, Suggestion } from './answer.ts';
import type { KnowledgeBase } from './knowledge.ts';
import { coreMessages } from './messages.ts';
import type { QaEntry, QuoteEntry } from './schema.ts';
import type { DocKind, ScoredDocument } from './search-index.ts';

export const MAX_SUGGESTIONS = 3;
const MAX_RUNNERS_UP = 3;
/** Below this, a document is not worth suggesting. */
export const SUGGESTION_SCORE = 0.2;

const SUGGESTION_KINDS: ReadonlySet<DocKind> = new Set(['qa']);

export const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * The fields every answer carries besides its text: which rule decided it and what else was
 * considered. The rule runner fills `decidedBy`; builders leave it empty.
 */
const UNDECIDED = { decidedBy: '', runnersUp: [] as readonly RunnerUp[] } as const;

/** The best other candidates, for explaining a decision. */
export function runnersUpOf(results: readonly ScoredDocument[], chosen: readonly string[]): RunnerUp[] {
  return results
    .filter((r) => !chosen.includes(r.id))
    .slice(0, MAX_RUNNERS_UP)
    .map((r) => ({ id: r.id, kind: r.kind, score: round(r.score) }));
}

export function decline(
  question: string,
  reason: NonNullable<Answer['reason']>,
  text: string,
  suggestions: readonly Suggestion[],
  best?: ScoredDocument,
): Answer {
  return {
    question,
    answered: false,
    kind: 'none',
    reason,
    text,
    citation: null,
    citations: [],
    confidence: round(best ? Math.min(1, best.score) : 0),
    id: reason === 'known-gap' && best ? best.id : null,
    ids: reason === 'known-gap' && best ? [best.id] : [],
    suggestions: suggestions.slice(0, MAX_SUGGESTIONS),
    quotes: [],
    ...UNDECIDED,
  };
}

/** An answer resting on one document, cited. */
export function citedAnswer(
  kb: KnowledgeBase,
  question: string,
  scored: ScoredDocument,
  kind: Answer['kind'],
  text: string,
  suggestions: readonly Suggestion[],
  quotes: readonly QuoteDetails[] = [],
): Answer {
  const citation = kb.citationOf.get(scored.id) ?? null;
  return {
    question,
    answered: true,
    kind,
    reason: null,
    text,
    citation,
    // Every paragraph a multi-paragraph entry rests on is cited, not only the first.
    citations: kb.citationsOf.get(scored.id) ?? (citation ? [citation] : []),
    confidence: round(Math.min(1, scored.score)),
    id: scored.id,
    ids: [scored.id],
    suggestions,
    quotes,
    ...UNDECIDED,
  };
}

/** A curated Q&A entry's answer (or a quote's, when a quote scored best), with its related questions. */
export function entryAnswer(kb: KnowledgeBase, question: string, scored: ScoredDocument): Answer {
  if (scored.kind === 'quote') {
    return quoteAnswer(kb, question, [kb.quoteById.get(scored.id) as QuoteEntry], scored.score);
  }
  const entry = kb.entryById.get(scored.id);
  const suggestions = (entry?.related ?? [])
    .slice(0, MAX_SUGGESTIONS)
    .map((id) => suggestionFor(kb, id))
    .filter((s) => s !== null);
  return citedAnswer(kb, question, scored, 'qa', entry?.answer ?? '', suggestions);
}

export function sentenceAnswer(kb: KnowledgeBase, question: string, scored: ScoredDocument): Answer {
  const excerpt = kb.citationOf.get(scored.id)?.excerpt ?? '';
  return citedAnswer(kb, question, scored, 'sentence', coreMessages.fromArticle(excerpt), []);
}

/**
 * A quote as readers see it. Quotation marks go only around the speaker's own words: reported
 * speech is the article's account of what they said, so it stands without them, after a label
 * saying whose words it is.
 */
export function renderQuote(quote: QuoteDetails): string {
  const who = quote.speakerRole ? `${quote.speakerName}, ${quote.speakerRole}` : quote.speakerName;
  return quote.kind === 'direct'
    ? `${who} (${quote.context}): “${quote.text}”`
    : `${who} (${quote.context}; ${coreMessages.reportedSpeech}): ${quote.text}`;
}

/** Who asked for what: 'say' what did X say; 'quote' their words asked for; 'direct' a direct quote asked for. */
export type QuoteRequest = 'say' | 'quote' | 'direct';

export function quoteAnswer(
  kb: KnowledgeBase,
  question: string,
  quotes: readonly QuoteEntry[],
  confidence: number,
  request: QuoteRequest = 'say',
): Answer {
  const details = quotes.map((q): QuoteDetails => {
    const person = kb.personById.get(q.speaker);
    return {
      id: q.id,
      speaker: q.speaker,
      speakerName: person?.name ?? q.speaker,
      speakerRole: person?.role ?? '',
      kind: q.kind,
      text: q.text,
      context: q.context,
    };
  });
  // Two quotes of one sentence ("...," he told reporters, adding that...) cite it once.
  const citations = [
    ...new Map(
      quotes
        .map((q) => kb.citationOf.get(q.id))
        .filter((c) => c !== undefined)
        .map((c) => [`${c.paragraph}|${c.excerpt}`, c] as const),
    ).values(),
  ];
  // Asked for someone's words and the article only reports them: say so first, then give its
  // account; asked for a direct quote of them, that is a decline.
  const reportedOnly = request === 'say' ? undefined : onlyReported(kb, quotes);
  const person = reportedOnly === undefined ? undefined : kb.personById.get(reportedOnly);
  const note =
    reportedOnly === undefined
      ? ''
      : `${coreMessages.noDirectQuote(person?.name ?? reportedOnly, person?.pronoun ?? 'they')}\n`;
  const text = `${note}${details.map(renderQuote).join('\n')}`;
  if (request === 'direct' && reportedOnly !== undefined) {
    return decline(question, 'no-quote', text, relatedToTopic(kb, (quotes[0] as QuoteEntry).topic));
  }
  const first = quotes[0] as QuoteEntry;
  return {
    question,
    answered: true,
    kind: 'quote',
    reason: null,
    text,
    citation: citations[0] ?? null,
    citations,
    confidence: round(Math.min(1, confidence)),
    id: first.id,
    ids: quotes.map((q) => q.id),
    suggestions: relatedToTopic(kb, first.topic),
    quotes: details,
    ...UNDECIDED,
  };
}

/**
 * The one speaker of these quotes, when the article only reports them and never quotes them
 * directly; undefined otherwise.
 */
function onlyReported(kb: KnowledgeBase, quotes: readonly QuoteEntry[]): string | undefined {
  const speakers = new Set(quotes.map((q) => q.speaker));
  const only = speakers.size === 1 ? [...speakers][0] : undefined;
  if (only === undefined || kb.quotes.some((q) => q.speaker === only && q.kind === 'direct'))
    return undefined;
  return only;
}

/** An article sentence given as a quote of the article itself. */
export function articleQuoteAnswer(kb: KnowledgeBase, question: string, scored: ScoredDocument): Answer {
  const citation = kb.citationOf.get(scored.id);
  const details: QuoteDetails = {
    id: scored.id,
    speaker: 'article',
    speakerName: coreMessages.theArticle,
    speakerRole: '',
    kind: 'direct',
    text: citation?.excerpt ?? '',
    context: citation ? `paragraph ${citation.paragraph.slice(1)}` : '',
  };
  return citedAnswer(kb, question, scored, 'quote', renderQuote(details), [], [details]);
}

/** A paragraph or sentence asked for by its place ("the first line", "the last paragraph"), verbatim. */
export function passageAnswer(
  kb: KnowledgeBase,
  question: string,
  [p, sIndex]: readonly [number, number | null],
): Answer {
  const paragraphs = kb.article.paragraphs;
  const paragraph = paragraphs.at(p) ?? (paragraphs[0] as (typeof paragraphs)[number]);
  const sentence = sIndex === null ? null : (paragraph.sentences.at(sIndex) ?? null);
  const text = sentence?.text ?? paragraph.text;
  const citation = { paragraph: paragraph.id, sentences: sentence ? [sentence.id] : [], excerpt: text };
  const details: QuoteDetails = {
    id: sentence?.id ?? paragraph.id,
    speaker: 'article',
    speakerName: coreMessages.theArticle,
    speakerRole: '',
    kind: 'direct',
    text,
    context: `paragraph ${paragraph.number}`,
  };
  return {
    question,
    answered: true,
    kind: 'quote',
    reason: null,
    text: renderQuote(details),
    citation,
    citations: [citation],
    confidence: 1,
    id: details.id,
    ids: [details.id],
    suggestions: [],
    quotes: [details],
    ...UNDECIDED,
  };
}

/** Joins the answers to several parts of one message into one answer. */
export function combine(question: string, parts: readonly Answer[]): Answer {
  const first = parts[0] as Answer;
  return {
    ...first,
    question,
    text: parts.map((p) => p.text).join('\n\n'),
    citations: parts.flatMap((p) => p.citations),
    confidence: Math.min(...parts.map((p) => p.confidence)),
    ids: parts.flatMap((p) => p.ids),
    quotes: parts.flatMap((p) => p.quotes),
    suggestions: dedupeSuggestions(
      parts.flatMap((p) => p.suggestions),
      new Set(parts.flatMap((p) => p.ids)),
    ),
  };
}

export function suggestionFor(kb: KnowledgeBase, id: string): Suggestion | null {
  const entry = kb.entryById.get(id);
  return entry ? { id, question: entry.question } : null;
}

/** Close questions: the best-scoring entries. */
export function suggestionsFrom(kb: KnowledgeBase, results: readonly ScoredDocument[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const r of results) {
    if (r.score < SUGGESTION_SCORE || r.kind !== 'qa') continue;
    const s = suggestionFor(kb, r.id);
    if (s && !out.some((o) => o.id === s.id)) out.push(s);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}

/**
 * The first MAX_SUGGESTIONS entries of each topic, in entry order, per knowledge base: found in
 * one pass over the entries, not a pass each time an answer offers its topic (10,000 entries).
 */
const firstOfTopic = new WeakMap<KnowledgeBase, ReadonlyMap<string, readonly QaEntry[]>>();

export function relatedToTopic(kb: KnowledgeBase, topic: string): Suggestion[] {
  let byTopic = firstOfTopic.get(kb);
  if (!byTopic) {
    const found = new Map<string, QaEntry[]>();
    for (const entry of kb.entries) {
      const first = found.get(entry.topic);
      if (!first) found.set(entry.topic, [entry]);
      else if (first.length < MAX_SUGGESTIONS) first.push(entry);
    }
    byTopic = found;
    firstOfTopic.set(kb, byTopic);
  }
  return (byTopic.get(topic) ?? []).map((e) => ({ id: e.id, question: e.question }));
}

export function personSuggestions(kb: KnowledgeBase, personId: string): Suggestion[] {
  const search = kb.index.search(
    [{ term: `#${personId}`, similarity: 1, known: true }],
    SUGGESTION_KINDS,
    MAX_SUGGESTIONS,
  );
  return suggestionsFrom(kb, search);
}

/** Suggestions for the best Q&A entries for these terms. */
export function closeQuestions(
  kb: KnowledgeBase,
  terms: Parameters<KnowledgeBase['index']['search']>[0],
): Suggestion[] {
  return suggestionsFrom(kb, kb.index.search(terms, SUGGESTION_KINDS, 6));
}

export function dedupeSuggestions(list: readonly Suggestion[], exclude: ReadonlySet<string>): Suggestion[] {
  const seen = new Set(exclude);
  const out: Suggestion[] = [];
  for (const s of list) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    out.push(s);
  }
  return out.slice(0, MAX_SUGGESTIONS);
}

/** A few questions to offer when there is nothing closer: the first entry of each topic. */
export function popular(kb: KnowledgeBase, count = MAX_SUGGESTIONS): Suggestion[] {
  const seenTopics = new Set<string>();
  const out: Suggestion[] = [];
  for (const entry of kb.entries) {
    if (seenTopics.has(entry.topic)) continue;
    seenTopics.add(entry.topic);
    out.push({ id: entry.id, question: entry.question });
    if (out.length === count) break;
  }
  return out;
}
