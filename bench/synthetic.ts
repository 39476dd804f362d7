/**
 * Synthetic knowledge bases of any size, for measuring how answering scales. Built from the real
 * data: every generated entry is a real entry's phrasings with some words swapped for invented
 * ones, so the vocabulary, postings and phrasings grow the way a larger story's would.
 */
import YAML from 'yaml';
import type { DataFiles } from '../src/core/knowledge.ts';

const SYLLABLES = [
  'ka',
  'lo',
  'mir',
  'tan',
  've',
  'dro',
  'sul',
  'pe',
  'rak',
  'zon',
  'bi',
  'fen',
  'gor',
  'ul',
  'nes',
  'tri',
];

/** A deterministic pseudo-random sequence, so every run builds the same knowledge base. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function inventedWord(next: () => number): string {
  const n = 2 + Math.floor(next() * 3);
  let word = '';
  for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return word;
}

interface RealEntry {
  question: string;
  alternates: string[];
  keywords?: string[];
  answer: string;
}

/** A data folder (as files in memory) with `entries` Q&A entries, derived from `real`. */
export function syntheticData(real: DataFiles, entries: number, seed = 7): DataFiles {
  const next = random(seed);
  const qa = YAML.parse(real.get('qa.yaml') ?? '') as { entries: RealEntry[] };
  const vocabulary = Array.from({ length: Math.max(200, Math.round(entries * 1.5)) }, () =>
    inventedWord(next),
  );
  const pick = (): string => vocabulary[Math.floor(next() * vocabulary.length)] as string;
  const swapWords = (text: string, share: number): string =>
    String(text).replace(/[A-Za-z]{4,}/g, (word) => (next() < share ? pick() : word));

  const paragraphs = Math.max(9, Math.ceil(entries / 10));
  const article = Array.from({ length: paragraphs }, (_, p) => {
    const sentences = Array.from({ length: 2 }, () => {
      const base = qa.entries[Math.floor(next() * qa.entries.length)] as RealEntry;
      return `${swapWords(base.answer.replace(/\s+/g, ' ').trim(), 0.3).replace(/[.!?]*$/, '')} (${p + 1}).`;
    });
    return sentences.join(' ');
  });

  const generated = Array.from({ length: entries }, (_, i) => {
    const base = qa.entries[i % qa.entries.length] as RealEntry;
    // Each entry is about its own thing: its invented subject appears in every phrasing.
    const subject = `${inventedWord(next)}${i}`;
    const vary = (text: string): string => `${swapWords(text, 0.35).replace(/[?.!]*$/, '')} ${subject}?`;
    return {
      id: `entry-${i + 1}`,
      topic: `topic-${(i % 20) + 1}`,
      question: vary(base.question),
      alternates: base.alternates.map(vary),
      keywords: (base.keywords ?? []).map(vary),
      answer: vary(base.answer),
      cites: [`p${(i % paragraphs) + 1}`],
      related: [],
    };
  });
  const topics = Array.from({ length: 20 }, (_, i) => ({ id: `topic-${i + 1}`, title: `Topic ${i + 1}` }));
  const glossary = real.get('glossary.yaml') ?? '';
  const people = (YAML.parse(glossary) as { people: { id: string }[] }).people.map((p) => p.id);
  const quotes = Array.from({ length: Math.max(1, Math.floor(entries / 10)) }, (_, i) => {
    const p = i % paragraphs;
    const words = (article[p] as string).split(' ');
    return {
      id: `quote-${i + 1}`,
      speaker: people[i % people.length],
      kind: i % 2 === 0 ? 'direct' : 'reported',
      text: words.slice(2, 9).join(' '),
      cites: `p${p + 1}`,
      context: 'in a synthetic statement',
      topic: `topic-${(i % 20) + 1}`,
      about: [pick(), pick()],
    };
  });
  const gaps = Array.from({ length: Math.max(1, Math.floor(entries / 20)) }, (_, i) => ({
    id: `gap-${i + 1}`,
    question: `How many ${pick()} did ${pick()} report?`,
    alternates: [`When did the ${pick()} happen?`],
    reply: 'The article does not say.',
    see: [],
  }));

  const files = new Map<string, string>();
  files.set('story.yaml', real.get('story.yaml') ?? '');
  files.set('article.txt', `${article.join('\n')}\n`);
  files.set('glossary.yaml', glossary);
  files.set('qa.yaml', YAML.stringify({ topics, entries: generated }));
  files.set('quotes.yaml', YAML.stringify({ quotes }));
  files.set('gaps.yaml', YAML.stringify({ gaps }));
  return files;
}

/** Questions a user of a synthetic knowledge base might type: its own phrasings, with a typo now and then. */
export function syntheticQuestions(files: DataFiles, count: number, seed = 11): string[] {
  const next = random(seed);
  const qa = YAML.parse(files.get('qa.yaml') ?? '') as { entries: RealEntry[] };
  return Array.from({ length: count }, () => {
    const entry = qa.entries[Math.floor(next() * qa.entries.length)] as RealEntry;
    const phrasings = [entry.question, ...entry.alternates];
    const text = phrasings[Math.floor(next() * phrasings.length)] as string;
    return next() < 0.3 ? text.replace(/([a-z])([a-z])/, '$2$1') : text;
  });
}
