/**
 * A complete data folder drafted from an article alone: story.yaml, the article, quotes.yaml
 * (every quotation and reported statement, attributed), glossary.yaml (people and places), and a
 * skeleton qa.yaml with one entry per sentence and one "who is" entry per person, each marked
 * `draft: true` until a person has checked it. Pure: file name -> contents.
 */
import YAML from 'yaml';
import { type Article, parseArticle } from '../article.ts';
import { jsonSchemas } from '../json-schemas.ts';
import type { Person, QaEntry, QuoteEntry, StoryFile, TopicDef } from '../schema.ts';
import { cleanText, foldText, wordsOf } from '../text.ts';
import { findForms, nameForms } from './people.ts';
import { DATELINE, nounPhrases, questionsFor } from './questions.ts';
import { extractStory } from './story.ts';

export interface DraftOptions {
  readonly title?: string | undefined;
  readonly source?: string | undefined;
  /** YYYY-MM-DD: given, else the article's own date line, else `today`. */
  readonly date?: string | undefined;
  /** YYYY-MM-DD, when neither the options nor the article give a date. */
  readonly today?: string;
  /** The article's file name in the folder. */
  readonly articleName?: string;
}

export interface Draft {
  /** File name (as in a data folder: "qa.yaml", "schema/qa.schema.json") -> contents. */
  readonly files: ReadonlyMap<string, string>;
  readonly people: readonly Person[];
  readonly quotes: readonly QuoteEntry[];
  readonly entries: readonly QaEntry[];
}

const header = (name: string, lines: readonly string[]): string =>
  [`# yaml-language-server: $schema=./schema/${name}.schema.json`, ...lines.map((l) => `# ${l}`), ''].join(
    '\n',
  );

const dump = (value: unknown): string => YAML.stringify(value, { lineWidth: 0, indent: 2 });

export function draftFromArticle(text: string, options: DraftOptions): Draft {
  // "Headline\nBy Ruth Calloway, The Pennine Courier, 9 October 2025\n…": story.yaml's, not paragraphs.
  const lead = readHeader(text);
  const credit = readCredit(withoutHeadline(lead.body, options.title));
  const articleText = credit.body;
  const article: Article = parseArticle(articleText);
  const articleName = options.articleName ?? 'article.txt';
  const extracted = extractStory(article);
  const people = extracted.people;

  const topics: TopicDef[] = article.paragraphs.map((p) => {
    const subject = nounPhrases(p.sentences[0]?.text ?? p.text)[0] ?? `paragraph ${p.number}`;
    return { id: `paragraph-${p.number}`, title: `${capitalise(subject)} (paragraph ${p.number})` };
  });
  if (people.length > 0) topics.push({ id: 'people', title: "Who's who" });

  const entries: QaEntry[] = [];
  // The same question in two entries is refused (read as validation reads it: "City's" is "City"):
  // the first sentence that asks it keeps it.
  const asked = new Set<string>();
  const fresh = (q: string): boolean => {
    const key = wordsOf(foldText(cleanText(q))).join(' ');
    if (asked.has(key)) return false;
    asked.add(key);
    return true;
  };
  const personById = new Map(people.map((p) => [p.id, p]));
  let previous: Person | undefined;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const quoted = extracted.quotes
        .filter((q) => q.cites === sentence.id)
        .flatMap((q) => {
          const speaker = personById.get(q.speaker);
          return speaker ? [{ speaker, kind: q.kind, text: q.text }] : [];
        });
      const generated = questionsFor(sentence.text, people, { quotes: quoted, previous });
      // "He told reporters": the answer says who "he" is, as the quotation's attribution does.
      const pronounSpeaker = startsWithPronoun(sentence.text) ? (quoted[0]?.speaker ?? previous) : undefined;
      previous = lastNamed(sentence.text, people) ?? previous;
      const where = `What does paragraph ${paragraph.number} say${paragraph.sentences.length > 1 ? ` in sentence ${sentence.id.split('.s')[1]}` : ''}?`;
      const question = fresh(generated.question) ? generated.question : where;
      const alternates = generated.alternates.filter(fresh);
      if (alternates.length === 0)
        alternates.push(question === where ? `What is sentence ${sentence.id} about?` : where);
      entries.push({
        id: sentence.id.replace('.', '-'),
        topic: `paragraph-${paragraph.number}`,
        question,
        alternates,
        keywords: [...generated.keywords],
        answer: pronounSpeaker ? `${pronounSpeaker.name}: ${sentence.text}` : sentence.text,
        cites: [sentence.id],
        related: [],
        draft: true,
        planned: false,
      });
    }
  }
  const taken = new Set(entries.map((e) => e.id));
  for (const person of people) {
    let id = `who-is-${person.id}`;
    for (let n = 2; taken.has(id); n++) id = `who-is-${person.id}-${n}`;
    taken.add(id);
    const short = person.aliases.find((a) => !a.includes(' ')) ?? person.name;
    const first = person.cites[0] ?? 'p1.s1';
    const firstSentence = article.places.get(first)?.text ?? '';
    // A body that issues statements is among the speakers, but it is a "what", not a "who".
    const body = extracted.bodies.has(person.id);
    const alternates = (
      body
        ? [`What did ${short} say?`, `What does the article say about ${short}?`]
        : [
            ...(short !== person.name ? [`Who is ${short}?`] : []),
            `What is ${short}'s role?`,
            `What does the article say about ${short}?`,
          ]
    ).filter(fresh);
    if (alternates.length === 0) alternates.push(`Tell me about ${person.name}`);
    entries.push({
      id: body ? id.replace(/^who-is-/, 'what-is-') : id,
      topic: 'people',
      question: `${body ? 'What' : 'Who'} is ${person.name}?`,
      alternates,
      keywords: [person.name],
      // Their role as the article gives it, and the first sentence naming them, verbatim.
      answer: person.role ? `${person.name} is the ${person.role}. ${firstSentence}` : firstSentence,
      cites: [first],
      related: entries
        .filter((e) => e.answer.includes(short) && e.topic !== 'people')
        .slice(0, 3)
        .map((e) => e.id),
      draft: true,
      planned: false,
    });
  }

  // Each quote goes under the topic of the paragraph it is in.
  const quotes: QuoteEntry[] = extracted.quotes.map((q) => ({
    ...q,
    topic: `paragraph-${q.cites.slice(1).split('.')[0]}`,
  }));

  const summary = leadSummary(article);
  const story: StoryFile = {
    title: options.title ?? lead.title ?? titleFrom(article),
    source: options.source ?? lead.source ?? `Draft from ${articleName}: say where the article comes from`,
    ...(lead.author ? { author: lead.author } : credit.author ? { author: credit.author } : {}),
    date: options.date ?? lead.date ?? options.today ?? new Date().toISOString().slice(0, 10),
    article: articleName,
    ...(summary ? { summary: summary.summary, tldr: lead.standfirst ?? summary.tldr } : {}),
    cites: summary?.cites ?? [],
  };
  const files = new Map<string, string>();
  files.set(
    'story.yaml',
    header('story', [
      `Drafted by npm run draft from ${articleName}. Check the title, source and date, and the`,
      "summary and tldr (the article's opening sentences, as written): shorten or rewrite them faithfully.",
    ]) + dump(story.cites.length > 0 ? story : omit(story, 'cites')),
  );
  files.set(articleName, articleText.endsWith('\n') ? articleText : `${articleText}\n`);
  files.set(
    'qa.yaml',
    header('qa', [
      'Drafted by npm run draft: one entry per sentence, and one per person.',
      'Check each entry: the question, the alternates (how readers really ask), the keywords, and an',
      'answer that says only what the article says; then delete its `draft: true`.',
      'npm run --silent validate lists the entries still waiting.',
    ]) + dump({ topics, entries: entries.map(withoutDefaults) }),
  );
  files.set(
    'quotes.yaml',
    header('quotes', [
      'Drafted by npm run draft: every quotation, and every statement the article reports.',
      'Check each speaker, and that reported statements are marked reported.',
    ]) + dump({ quotes }),
  );
  files.set(
    'glossary.yaml',
    header('glossary', [
      'Drafted by npm run draft: the people and places the article names.',
      'Check roles and pronouns (he is the default when the article shows none); add the other names',
      'and spellings readers type.',
    ]) +
      dump({
        people: people.map((p) => (extracted.pronounShown.has(p.id) ? p : omit(p, 'pronoun'))),
        terms: oneMeaningEach(people, extracted.places).map((t) => ({
          term: t.term,
          entity: true,
          ...(t.aliases.length > 0 ? { aliases: t.aliases } : {}),
          ...(t.speaks ? {} : { speaks: false }),
        })),
      }),
  );
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    files.set(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  }
  return { files, people, quotes, entries };
}

/**
 * The places and bodies, each name and alias standing for one thing only (as validation requires):
 * a term or alias already a person's, or an earlier term's, is left out, so a draft always loads.
 */
function oneMeaningEach(
  people: readonly Person[],
  terms: readonly { term: string; aliases: readonly string[]; speaks: boolean }[],
): { term: string; aliases: string[]; speaks: boolean }[] {
  const key = (text: string): string => wordsOf(foldText(cleanText(text))).join(' ');
  const taken = new Set(people.flatMap((p) => [p.name, ...p.aliases].map(key)));
  const kept: { term: string; aliases: string[]; speaks: boolean }[] = [];
  for (const t of terms) {
    if (key(t.term) === '' || taken.has(key(t.term))) continue;
    taken.add(key(t.term));
    const aliases = t.aliases.filter((a) => key(a) !== '' && !taken.has(key(a)));
    for (const a of aliases) taken.add(key(a));
    kept.push({ ...t, aliases });
  }
  return kept;
}

/**
 * The story's summary from its lead, in the article's own words: its opening sentences (without a
 * dateline, a quotation or a sentence told through a pronoun) until about sixty words, at most
 * three; the tldr is the first of them. Cites the paragraphs they come from.
 */
function leadSummary(article: Article): { summary: string; tldr: string; cites: string[] } | undefined {
  const chosen: { text: string; paragraph: string }[] = [];
  let words = 0;
  for (const paragraph of article.paragraphs.slice(0, 4)) {
    for (const sentence of paragraph.sentences) {
      if (chosen.length >= 3 || words >= 55) break;
      const text = sentence.text.replace(DATELINE, '').trim();
      if (/^[“"‘]/.test(text) || startsWithPronoun(text) || text.split(/\s+/).length < 6) continue;
      chosen.push({ text: capitalise(text), paragraph: `p${paragraph.number}` });
      words += text.split(/\s+/).length;
    }
  }
  const first = chosen[0];
  if (!first) return undefined;
  return {
    summary: chosen.map((c) => c.text).join(' '),
    tldr: first.text,
    cites: [...new Set(chosen.map((c) => c.paragraph))],
  };
}

/** "He added…", "“…,” she told reporters": a sentence whose subject is a pronoun. */
function startsWithPronoun(text: string): boolean {
  const outside = text.replace(/“[^”]*”|"[^"]*"/g, ' ').replace(/^[\s,;:]+/, '');
  return /^(?:he|she)\b|^the\s+\d{1,3}-year-old\b/i.test(outside);
}

/** The last person a sentence names. */
function lastNamed(text: string, people: readonly Person[]): Person | undefined {
  const forms = people.flatMap((p) => nameForms(p).map((form) => ({ form, candidate: p })));
  return findForms(text, forms).at(-1)?.candidate;
}

/** Fields at their default are left out, so the draft reads like a hand-written file. */
function withoutDefaults(entry: QaEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry };
  if (entry.related.length === 0) delete out.related;
  if (entry.keywords.length === 0) delete out.keywords;
  if (!entry.planned) delete out.planned;
  return out;
}

function omit<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first sentence, cut to a headline's length, when no title is given (without a dateline). */
function titleFrom(article: Article): string {
  const first = (article.paragraphs[0]?.sentences[0]?.text ?? 'Untitled story').replace(DATELINE, '');
  const words = first.split(/\s+/);
  return words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : first.replace(/\.$/, '');
}

/** Letters and digits only, lower-case: how a headline is compared with a line. */
const headlineKey = (text: string): string =>
  foldText(cleanText(text))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * `--title "X"` given, and the article still opening with X as its own line: that line is the
 * headline, story.yaml's, not paragraph 1.
 */
export function withoutHeadline(body: string, title: string | undefined): string {
  if (!title || headlineKey(title) === '') return body;
  const lines = body.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1 || headlineKey(lines[first] ?? '') !== headlineKey(title)) return body;
  return lines
    .slice(first + 1)
    .join('\n')
    .replace(/^\s*\n/, '');
}

/**
 * A wire service's credit: "(Reporting by Jane Doe; Editing by John Smith)", "Reporting by Jane
 * Doe in London; additional reporting by Sam Lee", "Writing by …", "Compiled by …".
 */
const CREDIT_ROLE =
  /^(?:(?:additional\s+)?reporting|writing|written|editing|edited|compiled|research|graphics?|photos?|video)\s+by\s+/i;
/** A name or a place in a credit: capitalised words ("Jane Doe", "Mary-Ann O'Neill", "New York"). */
const CREDIT_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|bin|ibn))*`;
const CREDIT_NAMES = new RegExp(
  String.raw`^${CREDIT_NAME}(?:\s*(?:,|and|&)\s*${CREDIT_NAME})*(?:\s+(?:in|from|at)\s+${CREDIT_NAME})?$`,
  'u',
);

/** Every part of the line is "Role by Name [in Place]", whatever brackets and full stop it has. */
function isCredit(line: string): boolean {
  const inner = line
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\.$/, '')
    .trim();
  const parts = inner.split(/\s*;\s*/).filter((p) => p !== '');
  return (
    parts.length > 0 &&
    parts.every((part) => {
      const role = CREDIT_ROLE.exec(part);
      return role !== null && CREDIT_NAMES.test(part.slice(role[0].length));
    })
  );
}

/**
 * The article without its closing credit lines (a credit is no paragraph, and its journalists are
 * no people of the story), and the first journalist it credits, as the author. A credit closing
 * the last paragraph in brackets is cut off it too.
 */
export function readCredit(body: string): { body: string; author?: string } {
  const lines = body.replace(/\s+$/, '').split(/\r?\n/);
  const credits: string[] = [];
  while (lines.length > 0) {
    const last = (lines.at(-1) ?? '').trim();
    if (last === '') lines.pop();
    else if (isCredit(last)) credits.unshift(lines.pop()?.trim() ?? '');
    else {
      // "… the end of the story. (Reporting by Jane Doe; Editing by John Smith)"
      const inline = /^(.*?[.!?”"’])\s+(\((?:[^()]*)\))\s*$/u.exec(lines.at(-1) ?? '');
      if (inline?.[1] && inline[2] && isCredit(inline[2])) {
        lines[lines.length - 1] = inline[1];
        credits.unshift(inline[2]);
      }
      break;
    }
  }
  if (credits.length === 0) return { body };
  const author = new RegExp(String.raw`\bby\s+(${CREDIT_NAME})`, 'u').exec(credits[0] ?? '')?.[1];
  return { body: `${lines.join('\n')}\n`, ...(author ? { author } : {}) };
}

/**
 * A headline standing alone: two to twenty words, capitalised, with no full stop, colon or comma
 * ending it, no quotation and no dateline dash ("LONDON —"): a paragraph always ends a sentence.
 */
function bareHeadline(line: string): boolean {
  const words = line.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 20 &&
    /^[\p{Lu}\p{N}‘'"“]/u.test(line) &&
    !/[.!,;:…]["”’)]?$/.test(line) &&
    !/\s[—–-]\s*$|\s[—–]\s/.test(line) &&
    !/[“”"]/.test(line)
  );
}

export interface ArticleHeader {
  readonly title?: string;
  readonly author?: string;
  readonly source?: string;
  /** YYYY-MM-DD */
  readonly date?: string;
  /** The line between the headline and the byline that sums the story up, when there is one. */
  readonly standfirst?: string;
  /** The article without its headline, standfirst and byline lines. */
  readonly body: string;
}

const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);
const DATE_WORDS = new RegExp(
  String.raw`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTHS.join('|')})\s+(\d{4})|(${MONTHS.join('|')})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{4})-(\d{2})-(\d{2}))$`,
  'i',
);

/** "9 October 2025", "October 9, 2025", "2025-10-09" as YYYY-MM-DD. */
export function dateOf(text: string): string | undefined {
  const m = DATE_WORDS.exec(text.trim().replace(/\.$/, ''));
  if (!m) return undefined;
  const pad = (n: string | number): string => String(n).padStart(2, '0');
  if (m[7]) return `${m[7]}-${m[8]}-${m[9]}`;
  const day = m[1] ?? m[5] ?? '';
  const month = MONTHS.indexOf((m[2] ?? m[4] ?? '').toLowerCase()) + 1;
  const year = m[3] ?? m[6] ?? '';
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A headline and a byline or date line before the article's paragraphs: "By Ruth Calloway, The
 * Pennine Courier, 9 October 2025" gives the author, the source and the date. Only read when the
 * first line looks like a headline (short, no full stop) and a byline or date line follows it.
 */
export function readHeader(text: string): ArticleHeader {
  const lines = text.split(/\r?\n/);
  const filled = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l !== '');
  const [head, ...next] = filled;
  if (!head) return { body: text };
  const isHeadline = head.l.split(/\s+/).length <= 25 && !/[.!]["”’]?$/.test(head.l) && !head.l.includes('“');
  let author: string | undefined;
  let source: string | undefined;
  let date: string | undefined;
  let used = 0;
  let standfirst: string | undefined;
  const isByOrDate = (l: string | undefined): boolean =>
    l !== undefined &&
    ((/^by\s+\S/i.test(l) && l.split(/\s+/).length <= 20) ||
      dateOf(l.replace(/^(?:published|updated|posted)\s*:?\s*/i, '')) !== undefined);
  // "Headline / one line that sums it up / By X, date": the standfirst is no paragraph either.
  const first = next[0]?.l;
  if (
    first !== undefined &&
    !isByOrDate(first) &&
    isByOrDate(next[1]?.l) &&
    first.split(/\s+/).length <= 50
  ) {
    standfirst = first;
    used++;
  }
  for (const { l } of next.slice(used, used + 3)) {
    const byline = /^by\s+(.+)$/i.exec(l);
    const alone = dateOf(l.replace(/^(?:published|updated|posted)\s*:?\s*/i, ''));
    if (byline?.[1] && !author && l.split(/\s+/).length <= 20) {
      const parts = byline[1].split(/\s*(?:,|\||·|—|–|\s-\s)\s*/).filter(Boolean);
      const rest: string[] = [];
      for (const [k, part] of parts.entries()) {
        if (k === 0) author = part;
        else if (dateOf(part)) date ??= dateOf(part);
        else if (k + 1 < parts.length && dateOf(`${part}, ${parts[k + 1]}`)) {
          date ??= dateOf(`${part}, ${parts[k + 1]}`);
          parts.splice(k + 1, 1);
        } else rest.push(part);
      }
      if (rest.length > 0) source = rest.join(', ');
      used++;
    } else if (alone && !date) {
      date = alone;
      used++;
    } else break;
  }
  if (isHeadline && used === 0 && bareHeadline(head.l) && next.length > 0) {
    // "Brackenford museum to return 38 masks\nTrustees voted…": a line no sentence ends, before
    // the paragraphs, is the headline even without a byline under it.
    const body = lines
      .slice(head.i + 1)
      .join('\n')
      .replace(/^\s*\n/, '');
    return { title: head.l, body };
  }
  if (!isHeadline || used === (standfirst === undefined ? 0 : 1)) return { body: text };
  const last = filled[used]?.i ?? 0;
  const body = lines
    .slice(last + 1)
    .join('\n')
    .replace(/^\s*\n/, '');
  return {
    title: head.l,
    ...(author ? { author } : {}),
    ...(source ? { source } : {}),
    ...(date ? { date } : {}),
    ...(standfirst ? { standfirst } : {}),
    body,
  };
}
