import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldWords } from '../../../src/core/english/fold.ts';
import { readWorldFile, WORLD_FILE, worldCountries } from '../../../src/core/english/gazetteer.ts';
import {
  entityOf,
  findEntities,
  loadEnglish,
  officeOf,
  officeWordsOf,
} from '../../../src/core/english/index.ts';

const { gazetteer } = loadEnglish();
const entity = (phrase: string) => entityOf(gazetteer, foldWords(phrase));
const office = (phrase: string) => officeOf(gazetteer, foldWords(phrase));

describe('countries', () => {
  it.each([
    ['Britain', 'GB'],
    ['the UK', 'GB'],
    ['Brits', 'GB'],
    ['Americans', 'US'],
    ['Holland', 'NL'],
    ['Burma', 'MM'],
    ["Côte d'Ivoire", 'CI'],
    ['Turkey', 'TR'],
    ['Tuvalu', 'TV'],
    ['French', 'FR'],
  ])('%s is a name of %s', (phrase, code) => {
    expect(entity(phrase)).toMatchObject({ kind: 'country', country: code });
  });

  it('has every UN member by its common name, with a capital and a flag', () => {
    const members = worldCountries().filter((c) => c.unMember);
    expect(members.length).toBeGreaterThanOrEqual(190);
    for (const c of members) {
      expect(entity(c.name.common)?.country, c.name.common).toBe(c.cca2);
      expect(gazetteer.countries.get(c.cca2)?.flag).toBe(c.flag);
    }
  });

  it('reads capitals, old names of capitals included, as in their country', () => {
    expect(entity('Moscow')).toMatchObject({ kind: 'capital', country: 'RU' });
    expect(entity('Kiev')).toMatchObject({ kind: 'capital', canonical: 'Kyiv', country: 'UA' });
  });

  it('marks names that are also English words, and keeps word-like codes out', () => {
    expect(entity('turkey')?.commonWord).toBe(true);
    expect(entity('polish')?.commonWord).toBe(true);
    expect(entity('us')?.commonWord).toBe(true);
    expect(entity('Ukraine')?.commonWord).toBe(false);
    expect(entity('and')).toBeNull();
    expect(entity('in')).toBeNull();
  });
});

describe('organisations and seats', () => {
  it('knows organisations by their short names', () => {
    expect(entity('NATO')).toMatchObject({ kind: 'organisation', canonical: 'NATO' });
    expect(entity('the EU')).toMatchObject({ kind: 'organisation', canonical: 'European Union' });
    expect(entity('WHO')).toMatchObject({ kind: 'organisation', commonWord: true });
  });

  it('reads seats of government as who sits there', () => {
    expect(entity('Downing Street')).toMatchObject({
      kind: 'seat',
      country: 'GB',
      standsFor: ['prime minister', 'government'],
    });
    expect(entity('Number 10')).toMatchObject({ kind: 'seat', canonical: 'Downing Street' });
    expect(entity('the Kremlin')).toMatchObject({ kind: 'seat', country: 'RU' });
    expect(entity('White House')).toMatchObject({ kind: 'seat', country: 'US' });
  });

  it('reads Brussels as the EU first, then as Belgium’s capital', () => {
    const readings = gazetteer.phrases.get('brussels') ?? [];
    expect(readings.map((r) => r.kind)).toEqual(['seat', 'capital']);
    expect(readings[0]?.organisation).toBe('European Union');
  });

  it('finds every entity of a sentence, longest first', () => {
    const found = findEntities(
      gazetteer,
      foldWords('what did the Kremlin tell the UN General Assembly about NATO'),
    );
    expect(found.map((m) => m.entities[0]?.canonical)).toEqual(['Kremlin', 'UN General Assembly', 'NATO']);
  });
});

describe('offices', () => {
  it.each([
    ['the American leader', { office: 'president', country: 'US', former: false }],
    ["Moscow's chief diplomat", { office: 'foreign minister', country: 'RU', former: false }],
    ['the British premier', { office: 'prime minister', country: 'GB', former: false }],
    ['former occupant of Downing Street', { office: 'prime minister', country: 'GB', former: true }],
    ['the White House occupant', { office: 'president', country: 'US', former: false }],
    ['the former Downing Street resident', { office: 'prime minister', country: 'GB', former: true }],
    ['member of the House of Lords', { office: 'peer', former: false }],
    ['prime minister of the UK', { office: 'prime minister', country: 'GB', former: false }],
    ['US secretary of state', { office: 'foreign minister', country: 'US', former: false }],
    ['the German leader', { office: 'chancellor', country: 'DE', former: false }],
    ['Kremlin chief', { office: 'president', country: 'RU', former: false }],
    ['the former Tory PM', { office: 'prime minister', country: 'GB', former: true }],
    ['Republican president', { office: 'president', country: 'US', former: false }],
    ['POTUS', { office: 'president', country: 'US', former: false }],
    ['the Oval Office', { office: 'president', country: 'US', former: false, seat: true }],
  ])('"%s"', (phrase, reading) => {
    expect(office(phrase)).toEqual(reading);
    // The analyser asks only about phrases made of office words (officeWordsOf).
    for (const word of foldWords(phrase)) expect(officeWordsOf(gazetteer).has(word)).toBe(true);
  });

  it('knows which words can be part of an office, and no phrase with another word is one', () => {
    const words = officeWordsOf(gazetteer);
    expect(officeWordsOf(gazetteer)).toBe(words);
    for (const word of ['what', 'minerals', 'deal', 'said']) expect(words.has(word)).toBe(false);
    expect(office('the American leader')).not.toBeNull();
    expect(office('the American deal leader')).toBeNull();
    expect(office('prime minister of the minerals')).toBeNull();
  });

  it('is null for what is not an office', () => {
    expect(office('the minerals deal')).toBeNull();
    expect(office('occupant of the house')).toBeNull();
    expect(office('the house occupant')).toBeNull();
    // A seat of the government as well as of an office is its country, not a person.
    expect(office('the Kremlin')).toBeNull();
    expect(office('Downing Street')).toBeNull();
  });
});

describe('data', () => {
  it('is plain data that survives structuredClone', () => {
    const copy = structuredClone(gazetteer);
    expect(copy.phrases.get('downing street')).toEqual(gazetteer.phrases.get('downing street'));
    expect(copy.countries.size).toBe(gazetteer.countries.size);
  });

  it('reports every problem of world.json at once, by entry and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'world-'));
    const file = join(dir, 'world.json');
    const world = JSON.parse(readFileSync(WORLD_FILE, 'utf8'));
    world.offices[0] = { offise: 'president', aliases: [] };
    const kremlin = world.seats.find((s: { seat: string }) => s.seat === 'Kremlin');
    delete kremlin.stands_for;
    writeFileSync(file, JSON.stringify(world));
    expect(() => readWorldFile(file)).toThrow(/offices\.0\.office[\s\S]*seats\.\d+\.stands_for/);
  });
});
