/**
 * Examples the front ends show (help, usage hints, slash-command option descriptions), all from
 * the story's own data, so another story's bot talks about that story and no other.
 */
import type { KnowledgeBase } from '../core/knowledge.ts';

/** Asked of any story when it has no curated question yet: the engine answers these from story.yaml. */
const ANY_STORY_EXAMPLES = ['what is the story about?', 'who is in the story?'] as const;

/**
 * Questions to suggest: story.yaml's `examples`, else the questions of the first entries (one
 * per topic first, drafts last), else questions any story answers.
 */
export function storyExamples(kb: KnowledgeBase, count = 4): string[] {
  const curated = kb.story.examples ?? [];
  if (curated.length > 0) return curated.slice(0, count);
  const checked = kb.entries.filter((e) => !e.draft);
  const pool = checked.length > 0 ? checked : kb.entries;
  const firstOfTopic = pool.filter((e, i) => pool.findIndex((o) => o.topic === e.topic) === i);
  const questions = [...new Set([...firstOfTopic, ...pool].map((e) => e.question))].slice(0, count);
  return questions.length > 0 ? questions : [...ANY_STORY_EXAMPLES];
}

/** The names of the people the article quotes, the most quoted first. */
export function quotedSpeakers(kb: KnowledgeBase, count = 3): string[] {
  const quotes = new Map<string, number>();
  for (const q of kb.quotes) quotes.set(q.speaker, (quotes.get(q.speaker) ?? 0) + 1);
  return [...quotes.entries()]
    .sort((a, b) => b[1] - a[1]) // stable: equally quoted speakers stay in the article's order
    .map(([id]) => kb.personById.get(id)?.name ?? id)
    .slice(0, count);
}

/**
 * What the quotes are about: the titles of the topics that have quotes (what the `about` option
 * autocompletes), else the first phrase of several words each quote's `about` gives.
 */
export function quoteSubjects(kb: KnowledgeBase, count = 2): string[] {
  const quotedTopics = new Set(kb.quotes.map((q) => q.topic));
  const titles = kb.topics.filter((t) => quotedTopics.has(t.id)).map((t) => t.title);
  if (titles.length > 0) return titles.slice(0, count);
  const names = new Set(kb.people.flatMap((p) => [p.name, ...p.aliases]).map((n) => n.toLowerCase()));
  const subjects: string[] = [];
  for (const q of kb.quotes) {
    const phrase = q.about.find((a) => a.includes(' ') && !names.has(a.toLowerCase()));
    if (phrase !== undefined && !subjects.includes(phrase)) subjects.push(phrase);
    if (subjects.length === count) break;
  }
  return subjects;
}

/** What one speaker's quotes are about, in a few words ("security guarantees"), for `!quote X on Y`. */
export function subjectOf(kb: KnowledgeBase, speakerName: string): string | undefined {
  const person = kb.people.find((p) => p.name === speakerName);
  const about = kb.quotes.filter((q) => q.speaker === person?.id).flatMap((q) => q.about);
  return about.find((a) => a.includes(' ')) ?? about[0];
}

/**
 * "Whose words (e.g. A, B, C)": the examples that fit within `max` characters (Discord allows
 * 100 for an option's description); the plain text when none does.
 */
export function describedWithExamples(text: string, examples: readonly string[], max = 100): string {
  for (let n = examples.length; n > 0; n--) {
    const described = `${text} (e.g. ${examples.slice(0, n).join(', ')})`;
    if (described.length <= max) return described;
  }
  return text;
}
