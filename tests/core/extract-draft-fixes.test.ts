/**
 * npm run draft on a bare article: the headline given with --title, a wire service's credit,
 * reported speech with asides, bodies that issue statements, and questions that read as English.
 * The articles are written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { draftFromArticle, readCredit, withoutHeadline } from '../../src/core/extract/draft.ts';

const BODY = [
  'Harwick Lido will stay open this winter but the pool will be unheated, the lido’s operator said, after a £1.2 million cut to its leisure budget.',
  'Local swimmer Margaret Dunn, who has used the lido for forty years, said the decision was a blow to regular swimmers.',
].join('\n\n');

describe('the headline given with --title', () => {
  it('is left out of the paragraphs when the article opens with it as a line of its own', () => {
    const title = 'Lido to stay unheated this winter';
    const draft = draftFromArticle(`${title}\n\n${BODY}`, { title, today: '2026-02-01' });
    expect(draft.files.get('article.txt')).toBe(`${BODY}\n`);
    expect(draft.entries.find((e) => e.id === 'p1-s1')?.answer).toMatch(/^Harwick Lido will stay open/);
    expect(draft.files.get('story.yaml')).toContain(`title: ${title}`);
    // Matched as words, whatever the punctuation and case: "Lido to stay unheated this winter."
    expect(withoutHeadline(`LIDO to stay unheated this winter.\n${BODY}`, title)).toBe(BODY);
  });

  it('keeps a first line that is not the headline', () => {
    expect(withoutHeadline(BODY, 'Lido to close')).toBe(BODY);
    expect(withoutHeadline(BODY, undefined)).toBe(BODY);
  });
});

describe('a wire service’s credit', () => {
  it('is no paragraph, and its journalists are no people of the story', () => {
    for (const credit of [
      '(Reporting by Jane Doe; Editing by John Smith)',
      'Reporting by Jane Doe in London; additional reporting by Sam Lee in Paris; Editing by John Smith',
    ]) {
      const draft = draftFromArticle(`${BODY}\n\n${credit}\n`, { today: '2026-02-01' });
      expect(draft.files.get('article.txt')).toBe(`${BODY}\n`);
      expect(draft.people.map((p) => p.name)).toEqual(['Margaret Dunn']);
      expect(draft.files.get('story.yaml')).toContain('author: Jane Doe');
      expect(draft.entries.some((e) => /Editing|Reporting/.test(e.answer))).toBe(false);
    }
  });

  it('is cut off the last paragraph when it closes it in brackets', () => {
    expect(readCredit(`${BODY} (Reporting by Jane Doe; Editing by John Smith)\n`)).toEqual({
      body: `${BODY}\n`,
      author: 'Jane Doe',
    });
    // A sentence that only mentions reporting is the article's.
    const kept = `${BODY}\n\nReporting by local volunteers found 12 faults.\n`;
    expect(readCredit(kept).body).toBe(kept);
  });
});
