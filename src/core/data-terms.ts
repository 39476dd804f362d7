/**
 * The terms of a text of the knowledge base's own data (an entry's answer, a keyword), read once
 * per knowledge base. Answering reads the same few answers and keywords again and again (ties,
 * the topics a turn leaves), and reading one costs tens of microseconds: folding and aliases.
 * Only data texts belong here, never a question or a reply made from one, so the cache is
 * bounded by the data, and it goes with its knowledge base.
 */
import type { KnowledgeBase } from './knowledge.ts';

const cache = new WeakMap<KnowledgeBase, Map<string, readonly string[]>>();

export function dataTermsOf(kb: KnowledgeBase, text: string): readonly string[] {
  let terms = cache.get(kb);
  if (terms === undefined) {
    terms = new Map();
    cache.set(kb, terms);
  }
  let read = terms.get(text);
  if (read === undefined) {
    read = kb.analyzer.termsOf(text);
    terms.set(text, read);
  }
  return read;
}
