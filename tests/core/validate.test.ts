/**
 * Validation a curator can act on: every problem in one pass, in the project's words, naming
 * the real file, entry and field. One test per class of message. In memory: the mini-story's
 * files, edited.
 */
import { describe, expect, it } from 'vitest';
import { checkOwnAnswers } from '../../src/core/answer-check.ts';
import { buildFromValidated } from '../../src/core/knowledge.ts';
import { readDataDir } from '../../src/core/load.ts';
import { type DataProblem, formatProblem } from '../../src/core/problems.ts';
import { checkData, type DataFiles } from '../../src/core/validate.ts';
import { MINI_STORY_DIR } from '../support/data.ts';

const mini = await readDataDir(MINI_STORY_DIR);

/** The mini-story with some files replaced (or removed, with undefined). */
function edited(changes: Record<string, string | undefined | ((text: string) => string)>): DataFiles {
  const files = new Map(mini);
  for (const [name, change] of Object.entries(changes)) {
    if (change === undefined) files.delete(name);
    else if (typeof change === 'string') files.set(name, change);
    else {
      const before = files.get(name) ?? '';
      const after = change(before);
      if (after === before) throw new Error(`edit of ${name} changed nothing`);
      files.set(name, after);
    }
  }
  return files;
}

const linesOf = (files: DataFiles): string[] => checkData(files).problems.map(formatProblem);
const errorsOf = (files: DataFiles): DataProblem[] =>
  checkData(files).problems.filter((p) => p.severity !== 'warning');

describe('messages in the project’s words', () => {
  it('says an empty story.yaml is empty, not "expected object, received null"', () => {
    expect(linesOf(edited({ 'story.yaml': '# nothing yet\n' }))).toEqual([
      expect.stringMatching(/^story\.yaml is empty: write its title, source and date/),
    ]);
  });

  it('names a missing required field and what to write in it', () => {
    const lines = linesOf(
      edited({
        'qa.yaml': (t) => t.replace('    alternates:\n      - What year does the bridge open?\n', ''),
      }),
    );
    expect(lines).toEqual([
      'qa.yaml, entry "bridge-opening": `alternates` is required: add at least one other way people ask it',
    ]);
  });

  it('says what type a field should be, and reads an empty field as not written', () => {
    const lines = linesOf(
      edited({
        'qa.yaml': (t) =>
          t.replace('cites: [p2.s1]\n    related: [bridge-opening]', 'cites: p2.s1\n    related:'),
      }),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /^qa\.yaml, entry "bridge-cost": `cites` should be a list \(.*\), not the text "p2\.s1": cite the paragraph/,
      ),
    ]);
    expect(lines.join('\n')).not.toMatch(/expected|received|Invalid input/);
  });

  it('names an unknown field with a did-you-mean', () => {
    const lines = linesOf(
      edited({
        'glossary.yaml': (t) =>
          t.replace('aliases: [Hale, Councillor Hale]', 'aliasses: [Hale, Councillor Hale]'),
      }),
    );
    expect(lines).toContain(
      'glossary.yaml, entry "hale": `aliasses` is not a field: did you mean `aliases`?',
    );
  });

  it('names an unknown section of a file', () => {
    expect(linesOf(edited({ 'gaps.yaml': (t) => t.replace('gaps:', 'gap:') }))).toEqual([
      'gaps.yaml: `gap` is not a section of gaps.yaml: did you mean `gaps`?',
    ]);
  });

  it('shows a bad id with a valid one made from it', () => {
    expect(linesOf(edited({ 'qa.yaml': (t) => t.replace('id: hale-vote', 'id: Hale Vote') }))).toEqual([
      'qa.yaml, entry "Hale Vote": `id` "Hale Vote" is not a valid id: use lower-case letters, digits and single hyphens, e.g. "hale-vote"',
    ]);
  });

  it('lists the allowed values of a choice, with a did-you-mean', () => {
    expect(linesOf(edited({ 'quotes.yaml': (t) => t.replace('kind: direct', 'kind: directt') }))).toEqual([
      'quotes.yaml, entry "lopez-connects": `kind` is the text "directt": write one of direct, reported (did you mean direct?)',
    ]);
  });

  it('refuses a citation that is not a place, and one the article does not have', () => {
    const lines = linesOf(
      edited({
        'qa.yaml': (t) =>
          t
            .replace('cites: [p3.s1]', 'cites: [para 3]')
            .replace(
              'cites: [p1.s1]\n    related: [bridge-cost, hale-vote]',
              'cites: [p1.s4]\n    related: [bridge-cost, hale-vote]',
            ),
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^qa\.yaml, entry "hale-vote": `cites\[0\]` "para 3" is not a place in the article/,
        ),
        'qa.yaml, entry "bridge-approved", field cites[0]: p1.s4 is not in the article: paragraph p1 has 1 sentence(s)',
      ]),
    );
  });

  it('shows the closest text in the article and its sentence id when a quote is not verbatim', () => {
    const lines = linesOf(
      edited({
        'quotes.yaml': (t) =>
          t.replace('This bridge connects our two halves', 'This bridge connects both halves'),
      }),
    );
    expect(lines).toEqual([
      'quotes.yaml, entry "lopez-connects", field text: not verbatim at p2.s2: the closest text in the article is "This bridge connects our two halves" (p2.s2): copy it exactly (curly quotes too)',
    ]);
  });

  it('says where a verbatim quote really is when it cites the wrong sentence', () => {
    expect(linesOf(edited({ 'quotes.yaml': (t) => t.replace('cites: p2.s2', 'cites: p2.s1') }))).toEqual([
      'quotes.yaml, entry "lopez-connects", field cites: the text is at p2.s2, not p2.s1: cite p2.s2',
    ]);
  });

  it('says a file name that is not a data file is not read', () => {
    const files = edited({ 'qa.yml': mini.get('qa.yaml') ?? '' });
    expect(linesOf(files)).toEqual([
      expect.stringMatching(
        /^warning: qa\.yml: is not a data file, so it is not read: did you mean qa\.yaml\?/,
      ),
    ]);
  });
});

describe('every problem in one pass', () => {
  it('checks the other entries and files when an entry fails the schema', () => {
    const lines = linesOf(
      edited({
        // An entry the schema refuses...
        'qa.yaml': (t) =>
          t
            .replace('    answer: The bridge will open in 2026.\n', '')
            .replace('related: [bridge-cost, no-such]', 'x'),
        // ...does not hide a quote that is not verbatim, a gap's bad reference or a YAML error elsewhere.
        'quotes.yaml': (t) => t.replace('claiming it was too expensive', 'claiming it cost too much'),
        'gaps.yaml': (t) => t.replace('see: [bridge-cost]', 'see: [bridge-costs]'),
        'story.yaml': (t) => t.replace('date: 2026-01-06', 'date: 6 January 2026'),
      }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'qa.yaml, entry "bridge-opening": `answer` is required: write a short answer that says only what the article says',
        expect.stringMatching(
          /^quotes\.yaml, entry "hale-too-expensive", field text: not verbatim at p3\.s1: the closest text in the article is "claiming it was too/,
        ),
        'gaps.yaml, entry "gap-bridge-length", field see[0]: no Q&A entry has id "bridge-costs": did you mean "bridge-cost"?',
        'story.yaml: `date` "6 January 2026" is not a date: write the date as YYYY-MM-DD',
      ]),
    );
    // The refused entry's id still counts: nothing else is reported for pointing at it.
    expect(lines.join('\n')).not.toMatch(/no entry has id "bridge-opening"/);
  });
});

describe('Q&A and gaps over several files', () => {
  it('reads qa/*.yaml and gaps/*.yaml with qa.yaml, and names the real file in problems', () => {
    const qa = mini.get('qa.yaml') ?? '';
    const [head, people] = qa.split('  - id: hale-vote\n');
    const files = edited({
      'qa.yaml': `${head}`,
      'qa/people.yaml': `entries:\n  - id: hale-vote\n${(people ?? '').replace('cites: [p3.s1]', 'cites: [p9]')}`,
      'gaps.yaml': undefined,
      'gaps/bridge.yaml': mini.get('gaps.yaml'),
    });
    expect(linesOf(files)).toEqual([
      'qa/people.yaml, entry "hale-vote", field cites[0]: p9 is not in the article: the article has 3 paragraphs (p1..p3)',
      expect.stringMatching(/^qa\.yaml: paragraph p3 is covered by no entry/),
    ]);
    const fixed = new Map(files);
    fixed.set('qa/people.yaml', (files.get('qa/people.yaml') ?? '').replace('cites: [p9]', 'cites: [p3.s1]'));
    const { data, problems } = checkData(fixed);
    expect(problems).toEqual([]);
    expect(data?.qa.entries.map((e) => e.id)).toEqual(
      mini.get('qa.yaml')?.match(/(?<=- id: )[a-z-]+(?=\n {4}topic)/g),
    );
    expect(data?.fileOf.get('who-is-lopez')).toBe('qa/people.yaml');
    expect(data?.gaps.map((g) => g.id)).toEqual(['gap-bridge-length']);
  });

  it('refuses an id used in two Q&A files', () => {
    const files = edited({
      'qa/more.yaml':
        'entries:\n  - id: bridge-cost\n    topic: bridge\n    question: What will it cost?\n    alternates: [Price?]\n    answer: 4.2 million pounds.\n    cites: [p2.s1]\n',
    });
    expect(linesOf(files)).toEqual([
      'qa/more.yaml, entry "bridge-cost", field id: id "bridge-cost" is already used in qa.yaml: ids must be unique across files',
    ]);
  });
});

describe('warnings load; errors refuse', () => {
  it('loads a folder of just story.yaml (title, source, date) and the article, with its quotes and people built', () => {
    const files = new Map([
      ['story.yaml', 'title: Riverton footbridge\nsource: Test\ndate: 2026-01-06\n'],
      ['article.txt', mini.get('article.txt') ?? ''],
    ]);
    const { data, problems } = checkData(files);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^warning: qa\.yaml: no Q&A yet: the bot answers from the article's 3 paragraphs only/,
      ),
    ]);
    expect(data?.built).toEqual({ quotes: true, people: true });
    expect(data?.glossary.people.map((p) => [p.id, p.name, p.role])).toEqual([
      ['lopez', 'Ana Lopez', 'Mayor'],
      ['hale', 'Tom Hale', 'Councillor'],
    ]);
    expect(data?.quotes.quotes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          speaker: 'lopez',
          kind: 'direct',
          text: 'This bridge connects our two halves',
          cites: 'p2.s2',
        }),
      ]),
    );
  });

  it('builds the quotes from the article with the curated people when only quotes.yaml is absent', () => {
    const { data } = checkData(edited({ 'quotes.yaml': undefined }));
    expect(data?.built).toEqual({ quotes: true, people: false });
    expect(data?.quotes.quotes.map((q) => [q.speaker, q.kind, q.text])).toEqual(
      expect.arrayContaining([
        ['lopez', 'direct', 'This bridge connects our two halves'],
        ['hale', 'reported', 'claiming it was too expensive'],
      ]),
    );
  });

  it('makes paragraph coverage a warning while every entry is a draft, and an error once one is curated', () => {
    const drafts = edited({
      'qa.yaml': (t) =>
        t
          .replace(/(\n {4}cites: \[[^\]]*\]\n)/g, '$1    draft: true\n')
          .replace(/cites: \[p3\.s1\]/, 'cites: [p1.s1]'),
    });
    const draftProblems = checkData(drafts).problems;
    expect(draftProblems.every((p) => p.severity === 'warning')).toBe(true);
    expect(draftProblems.map(formatProblem)).toEqual(
      expect.arrayContaining([
        'warning: qa.yaml, entry "hale-vote": draft waiting for a person: check its question, alternates and answer, then delete `draft: true`',
        expect.stringMatching(/^warning: qa\.yaml: paragraph p3 is covered by no entry/),
      ]),
    );
    const curated = edited({ 'qa.yaml': (t) => t.replace('cites: [p3.s1]', 'cites: [p1.s1]') });
    expect(errorsOf(curated).map(formatProblem)).toEqual([
      expect.stringMatching(/^qa\.yaml: paragraph p3 is covered by no entry/),
    ]);
  });
});

describe('each entry answers its own questions', () => {
  it('warns, naming both entries, when another entry answers one of its questions', () => {
    // "footbridge" is read as "bridge": the two phrasings are the same question to the engine.
    const files = edited({
      'qa.yaml': (t) =>
        t.replace(
          '      - What does the footbridge cost?\n',
          '      - What does the footbridge cost?\n      - Who voted against the footbridge?\n',
        ),
    });
    const { data } = checkData(files);
    if (!data) throw new Error('the edited mini-story should load');
    const warnings = checkOwnAnswers(buildFromValidated(data, files), data.fileOf).map(formatProblem);
    expect(warnings).toEqual([
      'warning: qa.yaml, entry "hale-vote", field question: "Who voted against the bridge?" is answered by entry "bridge-cost" (qa.yaml), not by this entry: reword one of the two, or move the phrasing to the entry that should answer it',
    ]);
  });

  it('warns, naming the rule, when nothing answers one of its questions', () => {
    // An entry saying how much the bridge costs does not say how old it is.
    const files = edited({
      'qa.yaml': (t) =>
        t.replace(
          '      - What does the footbridge cost?\n',
          '      - What does the footbridge cost?\n      - How old is the bridge?\n',
        ),
    });
    const { data } = checkData(files);
    if (!data) throw new Error('the edited mini-story should load');
    const warnings = checkOwnAnswers(buildFromValidated(data, files), data.fileOf).map(formatProblem);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^warning: qa\.yaml, entry "bridge-cost", field alternates\[2\]: "How old is the bridge\?" gets no answer \(the rule [a-z-]+ declines it\): reword it so this entry answers it, or move it to gaps\.yaml if the article does not answer it$/,
      ),
    ]);
  });

  it('finds nothing to warn about in the mini-story as it is', () => {
    const { data } = checkData(mini);
    if (!data) throw new Error('the mini-story should load');
    expect(checkOwnAnswers(buildFromValidated(data, mini), data.fileOf)).toEqual([]);
  });
});
