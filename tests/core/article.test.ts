import { describe, expect, it } from 'vitest';
import { paragraphOf, parseArticle, splitSentences } from '../../src/core/article.ts';

describe('parseArticle', () => {
  it('numbers paragraphs p1.. by non-empty line and sentences p1.s1.. within them', () => {
    const article = parseArticle('First one. Second one.\n\nThird paragraph here.\n');
    expect(article.paragraphs.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(article.paragraphs[0]?.sentences.map((s) => [s.id, s.text])).toEqual([
      ['p1.s1', 'First one.'],
      ['p1.s2', 'Second one.'],
    ]);
    expect(article.places.get('p2.s1')?.text).toBe('Third paragraph here.');
  });

  it('does not split at decimal points or inside quotations that end with a comma', () => {
    expect(splitSentences('It rises from 2.3% to 2.5% of GDP. Next.')).toEqual([
      'It rises from 2.3% to 2.5% of GDP.',
      'Next.',
    ]);
    expect(splitSentences('The country. “I’m not going to,” he said, adding more.')).toEqual([
      'The country.',
      '“I’m not going to,” he said, adding more.',
    ]);
  });

  it('does not split after a title or another abbreviation before a name or a number', () => {
    expect(
      splitSentences(
        'It is not enough," said Dr. Ann Bell of St. Mary\'s Hospital. It began on Jan. 5 in the U.S. Then it ended.',
      ),
    ).toEqual([
      'It is not enough," said Dr. Ann Bell of St. Mary\'s Hospital.',
      'It began on Jan. 5 in the U.S. Then it ended.',
    ]);
  });

  it('maps a sentence id to its paragraph', () => {
    expect(paragraphOf('p4.s2')).toBe('p4');
    expect(paragraphOf('p9')).toBe('p9');
  });
});
