import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/engine.ts';
import { buildKnowledge } from '../../src/core/knowledge.ts';
import { loadKnowledge, readDataDir } from '../../src/core/load.ts';
import { DataError, type DataProblem, formatProblem } from '../../src/core/problems.ts';
import { QaEntry } from '../../src/core/schema.ts';
import { cleanText, foldText, WordTable } from '../../src/core/text.ts';
import { copyOfData, DATA_DIR, MINI_STORY_DIR } from '../support/data.ts';

async function problemsOf(dir: string): Promise<DataProblem[]> {
  try {
    await loadKnowledge(dir);
  } catch (error) {
    if (error instanceof DataError) return [...error.problems];
    throw error;
  }
  return [];
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('loading the data', () => {
  it('loads the project data with every paragraph covered, quotes verbatim and citations resolved', async () => {
    const kb = await loadKnowledge(DATA_DIR);
    expect(kb.counts.paragraphs).toBe(9);
    expect(kb.counts.entries).toBeGreaterThanOrEqual(30);
    for (const quote of kb.quotes) expect(kb.article.text).toContain(quote.text);
    for (const entry of kb.entries) expect(kb.citationOf.get(entry.id)?.excerpt.length).toBeGreaterThan(0);
  });

  it('has every direct quotation of the article as a direct quote', async () => {
    const kb = await loadKnowledge(DATA_DIR);
    const quoted = [...kb.article.text.matchAll(/“([^”]+?)[,.]?”/g)].map((m) => m[1]);
    expect(quoted.length).toBeGreaterThan(0);
    for (const words of quoted) {
      expect(
        kb.quotes.some((q) => q.kind === 'direct' && q.text === words),
        words,
      ).toBe(true);
    }
  });

  it('is immutable and versioned by content', async () => {
    const files = await readDataDir(MINI_STORY_DIR);
    const a = buildKnowledge(files);
    const b = buildKnowledge(files);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.version).toBe(b.version);
    const changed = new Map(files);
    changed.set('story.yaml', `${files.get('story.yaml')}\n# edited\n`);
    expect(buildKnowledge(changed).version).not.toBe(a.version);
  });
});

describe('citations', () => {
  it('shows an excerpt under the cited paragraph that holds it, not under the first one cited', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('qa.yaml', (t) =>
      t.replace(
        'cites: [p1.s1, p2.s2]',
        'cites: [p1.s1, p2.s2]\n    excerpt: This bridge connects our two halves',
      ),
    );
    const kb = buildKnowledge(await readDataDir(data.dir));
    expect(kb.citationOf.get('who-is-lopez')).toEqual({
      paragraph: 'p2',
      sentences: ['p2.s2'],
      excerpt: 'This bridge connects our two halves',
    });
    // Every paragraph is still cited, in the order cited; the other shows its own cited sentence.
    expect(kb.citationsOf.get('who-is-lopez')).toEqual([
      { paragraph: 'p1', sentences: ['p1.s1'], excerpt: kb.article.places.get('p1.s1')?.text },
      { paragraph: 'p2', sentences: ['p2.s2'], excerpt: 'This bridge connects our two halves' },
    ]);
  });
});

describe('the question types an entry answers', () => {
  it('are by default who, what, how and yes-no, plus what its phrasings ask and its answer holds, as the docs say', async () => {
    const kb = buildKnowledge(await readDataDir(MINI_STORY_DIR));
    const typesOf = (id: string) => [...(kb.answerTypes.get(id) ?? [])].sort();
    const always = ['how', 'what', 'who', 'yes-no'];
    // "Why did Hale vote against it?" is one of its phrasings.
    expect(typesOf('hale-vote')).toEqual([...always, 'why'].sort());
    // "4.2 million pounds": a figure. ("When will the bridge open?" asks when.)
    expect(typesOf('bridge-cost')).toEqual([...always, 'how-many'].sort());
    expect(typesOf('bridge-opening')).toEqual([...always, 'how-many', 'when'].sort());
    // The schema's description (the curator's editor shows it) and the example qa.yaml agree.
    const described = QaEntry.shape.answers.description ?? '';
    const comment = (await readFile(join(DATA_DIR, 'qa.yaml'), 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join(' ')
      .replace(/#\s+/g, ' ')
      .replace(/\s+/g, ' ');
    for (const doc of [described, comment]) {
      expect(doc).toContain('who, what, when, where, why, how, how-many, yes-no');
      expect(doc).toContain('By default: who, what, how and yes-no');
    }
  });
});

describe('reading data text for its terms', () => {
  it('reads every text of the data as reading it alone would (the build reads each word once)', async () => {
    const kb = await loadKnowledge(DATA_DIR);
    const table = new WordTable();
    const reader = kb.analyzer.dataReader(table);
    const texts = [
      kb.article.text,
      ...kb.article.paragraphs.flatMap((p) => p.sentences.map((s) => s.text)),
      ...kb.entries.flatMap((e) => [e.question, ...e.alternates, ...e.keywords, e.answer]),
      ...kb.quotes.flatMap((q) => [q.text, q.context, ...q.about]),
      ...kb.gaps.flatMap((g) => [g.question, ...g.alternates]),
      'what is the story about',
      'may we ask the US president',
      'the former occupant of the White House',
      'what did the president of the united states say',
    ];
    for (const text of texts) {
      const folded = foldText(cleanText(text));
      expect(reader(table.read(folded)), text).toEqual(kb.analyzer.termsOfFolded(folded));
    }
  });
});

describe('validation reports every problem with its file, entry and field', () => {
  it('names the entry and field of schema errors, all at once', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('qa.yaml', (t) =>
      t.replace(
        '    cites: [p2.s1]\n    related: [bridge-opening]',
        '    cites: []\n    related: [bridge-opening]',
      ),
    );
    await data.edit('qa.yaml', (t) => t.replace('id: hale-vote', 'id: Hale Vote'));
    await data.edit('quotes.yaml', (t) => t.replace('kind: direct', 'kind: shouted'));
    const problems = await problemsOf(data.dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'qa.yaml', entry: 'bridge-cost', field: 'cites' }),
        expect.objectContaining({ file: 'qa.yaml', entry: 'Hale Vote', field: 'id' }),
        expect.objectContaining({ file: 'quotes.yaml', entry: 'lopez-connects', field: 'kind' }),
      ]),
    );
  });

  it('checks citations, verbatim quotes, speakers, references and unique ids across files', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('qa.yaml', (t) => t.replace('cites: [p3.s1]', 'cites: [p7]'));
    await data.edit('qa.yaml', (t) =>
      t.replace('related: [bridge-cost, hale-vote]', 'related: [bridge-cost, no-such-entry]'),
    );
    await data.edit('quotes.yaml', (t) =>
      t.replace('This bridge connects our two halves', 'This bridge unites us'),
    );
    await data.edit('quotes.yaml', (t) => t.replace('speaker: hale', 'speaker: nobody'));
    await data.edit('gaps.yaml', (t) => t.replace('id: gap-bridge-length', 'id: bridge-cost'));
    const lines = (await problemsOf(data.dir)).map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^qa\.yaml, entry "hale-vote", field cites\[0\]: p7 is not in the article/),
        expect.stringMatching(
          /^qa\.yaml, entry "bridge-approved", field related\[1\]: no entry has id "no-such-entry"/,
        ),
        expect.stringMatching(/^quotes\.yaml, entry "lopez-connects", field text: not verbatim at p2\.s2/),
        expect.stringMatching(
          /^quotes\.yaml, entry "hale-too-expensive", field speaker: unknown speaker "nobody"/,
        ),
        expect.stringMatching(
          /^gaps\.yaml, entry "bridge-cost", field id: id "bridge-cost" is already used in qa\.yaml/,
        ),
      ]),
    );
  });

  it('names the paragraph that holds an excerpt the entry does not cite, and what to do', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('qa.yaml', (t) =>
      t.replace('cites: [p1.s1, p2.s2]', 'cites: [p1.s1, p2.s2]\n    excerpt: voted against the plan'),
    );
    const lines = (await problemsOf(data.dir)).map(formatProblem);
    expect(lines).toEqual([
      'qa.yaml, entry "who-is-lopez", field excerpt: the excerpt is in p3.s1, which this entry does not cite: add p3.s1 to `cites`, or take the excerpt from a paragraph it cites (p1, p2)',
    ]);
  });

  it('says how a body the article names no one for can speak, when a quote gives a term as its speaker', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await withBodyStatement(data);
    await data.edit(
      'glossary.yaml',
      (t) => `${t}  - term: Alder Water\n    entity: true\n    aliases: [the water company]\n`,
    );
    expect((await problemsOf(data.dir)).map(formatProblem)).toEqual([
      'quotes.yaml, entry "alder-water-no-harm", field speaker: "alder-water" is the term "Alder Water" of glossary.yaml, not a person: a speaker is a person id. When the article names no one speaking for it, move "Alder Water" from `terms` to `people` (id: alder-water, name: Alder Water, pronoun: they, cites) and keep its aliases there',
    ]);
    // Done so, the body speaks for itself.
    await data.edit('glossary.yaml', (t) =>
      t
        .replace('  - term: Alder Water\n    entity: true\n    aliases: [the water company]\n', '')
        .replace(
          'terms:\n',
          '  - id: alder-water\n    name: Alder Water\n    pronoun: they\n    cites: [p4.s1]\n    aliases: [the water company]\nterms:\n',
        ),
    );
    const kb = await loadKnowledge(data.dir);
    for (const question of ['What did Alder Water say?', 'what did the water company say?'])
      expect(answerQuestion(kb, question)).toMatchObject({ kind: 'quote', id: 'alder-water-no-harm' });
  });

  it('reports paragraphs no entry covers', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('article.txt', (t) => `${t}A fourth paragraph nobody wrote a question about.\n`);
    const lines = (await problemsOf(data.dir)).map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^qa\.yaml: paragraph p4 is covered by no entry/)]);
  });

  it('reports YAML syntax errors with their line, and missing files', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('glossary.yaml', (t) => t.replace('people:', 'people: [unclosed'));
    await data.edit('story.yaml', (t) => t.replace('article: article.txt', 'article: missing.txt'));
    const lines = (await problemsOf(data.dir)).map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^glossary\.yaml, field line \d+, column \d+: not valid YAML/),
        expect.stringMatching(/^story\.yaml, field article: "missing\.txt" is not in the data folder/),
      ]),
    );
  });

  it('reports one syntax error as one problem, not the references it breaks in other files', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    // A stray quote inside a quoted answer: the whole qa.yaml is unreadable, so every topic and
    // id it defines is unknown to quotes.yaml and gaps.yaml.
    await data.edit('qa.yaml', (t) => t.replace(/answer: .*/, 'answer: "He said "no" to it'));
    await data.edit('quotes.yaml', (t) => t.replace(/text: .*/, 'text: words nowhere in the article'));
    const problems = await problemsOf(data.dir);
    const lines = problems.filter((p) => p.severity !== 'warning').map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^qa\.yaml, field line \d+, column \d+: not valid YAML/),
      // A problem of another file's own is still reported in the same pass.
      expect.stringMatching(/^quotes\.yaml, entry "[^"]+", field text: not verbatim/),
    ]);
    expect(problems.filter((p) => p.severity === 'warning').map(formatProblem)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/checks of ids, topics.* wait until qa\.yaml is valid YAML/),
      ]),
    );
  });

  it('rejects an alias that means two things', async () => {
    const data = await copyOfData();
    cleanup = data.remove;
    await data.edit('glossary.yaml', (t) =>
      t.replace('aliases: [Hale, Councillor Hale]', 'aliases: [Hale, Councillor Hale, the mayor]'),
    );
    const lines = (await problemsOf(data.dir)).map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(
        /^glossary\.yaml, entry "hale", field aliases\[2\]: "the mayor" already stands for lopez/,
      ),
    ]);
  });

  it('says which folder is missing', async () => {
    const lines = (await problemsOf('/nonexistent/story-bot-data')).map(formatProblem);
    expect(lines).toEqual([
      '/nonexistent/story-bot-data: the data folder does not exist: check DATA_DIR or --data',
    ]);
  });
});

/** A fourth paragraph reporting what a body said, with no person named for it: an entry and a quote. */
async function withBodyStatement(data: Awaited<ReturnType<typeof copyOfData>>): Promise<void> {
  await data.edit('article.txt', (t) => `${t}Alder Water said the works would not harm the river.\n`);
  await data.edit(
    'qa.yaml',
    (t) =>
      `${t}  - id: alder-water-view\n    topic: bridge\n    question: Will the works harm the river?\n    alternates: [Is the river at risk?]\n    answer: Alder Water said the works would not harm the river.\n    cites: [p4.s1]\n`,
  );
  await data.edit(
    'quotes.yaml',
    (t) =>
      `${t}  - id: alder-water-no-harm\n    speaker: alder-water\n    kind: reported\n    text: said the works would not harm the river\n    cites: p4.s1\n    context: on the works\n    topic: bridge\n    about: [works, river, harm]\n`,
  );
}
