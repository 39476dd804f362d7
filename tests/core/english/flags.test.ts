import { describe, expect, it } from 'vitest';
import { loadEnglish, replaceFlags } from '../../../src/core/english/index.ts';

const { flags } = loadEnglish();

describe('flag emoji', () => {
  it.each([
    ['🇹🇻', 'Tuvalu'],
    ['🇱🇮', 'Liechtenstein'],
    ['🇺🇦', 'Ukraine'],
    ['🇬🇧', 'United Kingdom'],
    ['🇪🇺', 'European Union'],
    ['🇺🇳', 'United Nations'],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'Scotland'],
  ])('%s is %s', (emoji, name) => {
    expect(replaceFlags(`what about ${emoji}?`, flags)).toBe(`what about  ${name} ?`);
  });

  it('knows the flag of every country world-countries lists', () => {
    expect(flags.size).toBeGreaterThanOrEqual(250);
  });

  it('leaves a regional-indicator pair that is no flag, and other emoji, as they are', () => {
    expect(replaceFlags('🇦🇦 💰', flags)).toBe('🇦🇦 💰');
  });
});
