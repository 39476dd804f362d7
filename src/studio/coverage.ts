/**
 * Which Q&A entries and quotes cite each paragraph and sentence of the article: what the
 * studio colours the article by. Pure.
 */
import type { KnowledgeBase } from '../core/knowledge.ts';

export interface Citer {
  readonly kind: 'qa' | 'quote';
  readonly id: string;
  /** The entry's question, or the quote's speaker and words. */
  readonly label: string;
  /** Cites the whole paragraph rather than this sentence. */
  readonly wholeParagraph: boolean;
}

export interface SentenceCoverage {
  readonly id: string;
  readonly text: string;
  /** Entries and quotes citing this sentence, or its whole paragraph. */
  readonly citedBy: readonly Citer[];
}

export interface ParagraphCoverage {
  readonly id: string;
  readonly number: number;
  readonly text: string;
  /** Entries and quotes citing the paragraph or any of its sentences, each once. */
  readonly citedBy: readonly Citer[];
  readonly sentences: readonly SentenceCoverage[];
}

export function coverageOf(kb: KnowledgeBase): ParagraphCoverage[] {
  const byPlace = new Map<string, Citer[]>();
  const add = (place: string, citer: Omit<Citer, 'wholeParagraph'>): void => {
    const list = byPlace.get(place) ?? [];
    if (!list.some((c) => c.id === citer.id)) list.push({ ...citer, wholeParagraph: !place.includes('.') });
    byPlace.set(place, list);
  };
  for (const entry of kb.entries) {
    for (const ref of entry.cites) add(ref, { kind: 'qa', id: entry.id, label: entry.question });
  }
  for (const quote of kb.quotes) {
    const speaker = kb.personById.get(quote.speaker)?.name ?? quote.speaker;
    add(quote.cites, { kind: 'quote', id: quote.id, label: `${speaker}: ${quote.text}` });
  }
  return kb.article.paragraphs.map((paragraph) => {
    const whole = byPlace.get(paragraph.id) ?? [];
    const direct = (sentenceId: string): readonly Citer[] => byPlace.get(sentenceId) ?? [];
    const sentences = paragraph.sentences.map((sentence) => ({
      id: sentence.id,
      text: sentence.text,
      citedBy: [
        ...direct(sentence.id),
        ...whole.filter((c) => !direct(sentence.id).some((d) => d.id === c.id)),
      ],
    }));
    const seen = new Set<string>();
    const citedBy: Citer[] = [];
    for (const citer of [...whole, ...paragraph.sentences.flatMap((s) => direct(s.id))]) {
      if (seen.has(citer.id)) continue;
      seen.add(citer.id);
      citedBy.push(citer);
    }
    return { id: paragraph.id, number: paragraph.number, text: paragraph.text, citedBy, sentences };
  });
}

/** The coverage as the JSON API gives it. */
export function coverageJson(kb: KnowledgeBase): unknown {
  return {
    version: kb.version,
    paragraphs: coverageOf(kb).map((p) => ({
      id: p.id,
      number: p.number,
      text: p.text,
      entries: p.citedBy.filter((c) => c.kind === 'qa').length,
      quotes: p.citedBy.filter((c) => c.kind === 'quote').length,
      cited_by: p.citedBy.map(citerJson),
      sentences: p.sentences.map((s) => ({
        id: s.id,
        text: s.text,
        entries: s.citedBy.filter((c) => c.kind === 'qa').length,
        quotes: s.citedBy.filter((c) => c.kind === 'quote').length,
        cited_by: s.citedBy.map(citerJson),
      })),
    })),
  };
}

function citerJson(c: Citer): unknown {
  return { kind: c.kind, id: c.id, label: c.label, whole_paragraph: c.wholeParagraph };
}
