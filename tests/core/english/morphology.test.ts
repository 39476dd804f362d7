import { describe, expect, it } from 'vitest';
import { loadCommonWords } from '../../../src/core/english/common-words.ts';
import { baseFormCandidates, baseForms, loadMorphology } from '../../../src/core/english/morphology.ts';

const morphology = loadMorphology();
const common = loadCommonWords();
const isWord = (form: string): boolean => common.has(form);

describe('base forms', () => {
  it.each([
    ['went', 'go'],
    ['geese', 'goose'],
    ['better', 'good'],
    ['codes', 'code'],
    ['coming', 'come'],
    ['pledged', 'pledge'],
    ['children', 'child'],
  ])('%s -> %s', (word, base) => {
    expect(baseForms(morphology, word, isWord)).toContain(base);
  });

  it('gives none for a base form', () => {
    expect(baseForms(morphology, 'code', isWord)).toEqual([]);
  });

  it('says which word class each reading implies: "stating" is the verb "state", not a noun', () => {
    const readings = baseFormCandidates(morphology, 'stating').filter((b) => b.form === 'state');
    expect(readings).toEqual([{ form: 'state', wordClass: 'verb' }]);
  });
});
