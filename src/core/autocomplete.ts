/**
 * Suggestions while someone types (Discord autocomplete): curated questions, people, topics.
 *
 * fuse.js is at its best here: short, partial input ("who did tr") against short strings.
 * Whole words typed so far also go through the answer engine's term index, so a misspelt or
 * rephrased question still finds its entry. Fuse indexes are built once per knowledge base.
 */
import Fuse from 'fuse.js';
import type { Suggestion } from './answer.ts';
import type { KnowledgeBase } from './knowledge.ts';
import { cleanText } from './text.ts';

/** Discord's cap on autocomplete choices. */
export const MAX_CHOICES = 25;
/** Bitap patterns longer than 32 characters are cut into chunks and match loosely; keep the tail. */
const FUSE_PATTERN_CHARS = 32;

interface QuestionItem {
  id: string;
  question: string;
  alternates: string[];
  keywords: string[];
}

interface PersonItem {
  id: string;
  name: string;
  aliases: string[];
}

interface Indexes {
  readonly questions: Fuse<QuestionItem>;
  readonly people: Fuse<PersonItem>;
  readonly topics: Fuse<{ id: string; title: string }>;
}

const cache = new WeakMap<KnowledgeBase, Indexes>();

function indexesFor(kb: KnowledgeBase): Indexes {
  const cached = cache.get(kb);
  if (cached) return cached;
  const common = {
    ignoreLocation: true,
    includeScore: true,
    threshold: 0.4,
    ignoreDiacritics: true,
  } as const;
  const indexes: Indexes = {
    questions: new Fuse<QuestionItem>(
      kb.entries.map((e) => ({
        id: e.id,
        question: e.question,
        alternates: [...e.alternates],
        keywords: [...e.keywords],
      })),
      {
        ...common,
        keys: [
          { name: 'question', weight: 3 },
          { name: 'alternates', weight: 1 },
          { name: 'keywords', weight: 1 },
        ],
      },
    ),
    people: new Fuse<PersonItem>(
      kb.people.map((p) => ({ id: p.id, name: p.name, aliases: [...p.aliases] })),
      { ...common, keys: [{ name: 'name', weight: 2 }, 'aliases'] },
    ),
    topics: new Fuse(
      kb.topics.map((t) => ({ id: t.id, title: t.title })),
      { ...common, keys: ['title', 'id'] },
    ),
  };
  cache.set(kb, indexes);
  return indexes;
}

/** Curated questions for what has been typed so far; the first few entries when nothing has. */
export function suggestQuestions(kb: KnowledgeBase, typed: string, limit = MAX_CHOICES): Suggestion[] {
  const text = cleanText(typed);
  if (text.length === 0) return kb.entries.slice(0, limit).map((e) => ({ id: e.id, question: e.question }));
  const out: Suggestion[] = [];
  const add = (id: string): void => {
    const entry = kb.entryById.get(id);
    if (entry && out.length < limit && !out.some((s) => s.id === id))
      out.push({ id, question: entry.question });
  };
  const analysed = kb.analyzer.analyzeWhole(text);
  for (const result of kb.index.search(analysed.terms, new Set(['qa']), limit)) {
    if (result.score >= 0.3) add(result.id);
  }
  for (const result of indexesFor(kb).questions.search(text.slice(-FUSE_PATTERN_CHARS), { limit }))
    add(result.item.id);
  return out;
}

/** People whose name or alias fits what was typed. */
export function suggestPeople(
  kb: KnowledgeBase,
  typed: string,
  limit = MAX_CHOICES,
): { id: string; name: string }[] {
  const text = cleanText(typed);
  const people =
    text.length === 0
      ? kb.people
      : indexesFor(kb)
          .people.search(text.slice(-FUSE_PATTERN_CHARS), { limit })
          .map((r) => r.item);
  return people.slice(0, limit).map((p) => ({ id: p.id, name: p.name }));
}

/** Topics whose title fits what was typed. */
export function suggestTopics(
  kb: KnowledgeBase,
  typed: string,
  limit = MAX_CHOICES,
): { id: string; title: string }[] {
  const text = cleanText(typed);
  const topics =
    text.length === 0
      ? kb.topics
      : indexesFor(kb)
          .topics.search(text.slice(-FUSE_PATTERN_CHARS), { limit })
          .map((r) => r.item);
  return topics.slice(0, limit).map((t) => ({ id: t.id, title: t.title }));
}

/** A person by id, name or alias ("lavrof" finds Sergei Lavrov). */
export function findPerson(kb: KnowledgeBase, typed: string): { id: string; name: string } | null {
  const text = cleanText(typed);
  if (text.length === 0) return null;
  const exact = kb.personById.get(text.toLowerCase());
  if (exact) return { id: exact.id, name: exact.name };
  const best = indexesFor(kb).people.search(text.slice(-FUSE_PATTERN_CHARS), { limit: 1 })[0];
  return best ? { id: best.item.id, name: best.item.name } : null;
}

/** A topic by id or title. */
export function findTopic(kb: KnowledgeBase, typed: string): { id: string; title: string } | null {
  const text = cleanText(typed);
  if (text.length === 0) return null;
  const exact = kb.topics.find(
    (t) => t.id === text.toLowerCase() || t.title.toLowerCase() === text.toLowerCase(),
  );
  if (exact) return { id: exact.id, title: exact.title };
  const best = indexesFor(kb).topics.search(text.slice(-FUSE_PATTERN_CHARS), { limit: 1 })[0];
  return best ? { id: best.item.id, title: best.item.title } : null;
}
