/**
 * The gazetteer: countries, capitals, organisations, offices and seats of government, by every
 * name people use for them, apart from any story. Countries come from the `world-countries`
 * package (names, alternative spellings, demonyms, capitals, ISO codes, flags, for 250 countries
 * and territories); data/world.json adds what it lacks ("Britain", "Turkey", "Brits"), the
 * organisations, the offices and the seats ("the Kremlin" for Russia's president).
 *
 * Keys are folded phrases (fold.ts); lookups are Map gets. Everything is plain data, so a
 * knowledge base built in a worker can carry it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { foldWords, phraseKey } from './fold.ts';

export type EntityKind = 'country' | 'organisation' | 'office' | 'seat' | 'capital';
/** How the phrase names it: "Britain" is a name, "British" an adjective, "GBR" a code. */
export type NamedVia = 'name' | 'adjective' | 'code' | 'alias';

export interface WorldEntity {
  readonly kind: EntityKind;
  /** "United Kingdom", "Moscow", "NATO", "foreign minister", "Downing Street". */
  readonly canonical: string;
  /** ISO 3166-1 alpha-2 code of the country it is, or is in, or serves. */
  readonly country?: string;
  /** A seat's organisation ("Brussels" -> "European Union"). */
  readonly organisation?: string;
  /** What a seat is used for: ["prime minister", "government"]. */
  readonly standsFor?: readonly string[];
  readonly via: NamedVia;
  /**
   * The phrase is also a common English word ("turkey", "china", "polish", "us", "who"): read it
   * as the entity only with more to go on (capitals as typed, a country word nearby).
   */
  readonly commonWord: boolean;
}

export interface Country {
  /** ISO 3166-1 alpha-2 ("GB"). */
  readonly code: string;
  readonly code3: string;
  /** Common English name ("United Kingdom"). */
  readonly name: string;
  readonly official: string;
  readonly capitals: readonly string[];
  readonly demonym: string;
  readonly flag: string;
  /** Its head of government's office, when data/world.json gives it ("prime minister"). */
  readonly leader?: string;
}

export interface Gazetteer {
  /** Folded phrase -> what it may name, most specific reading first. */
  readonly phrases: Map<string, WorldEntity[]>;
  /** Longest phrase, in words: how far a match has to look. */
  readonly maxWords: number;
  readonly countries: Map<string, Country>;
  /** Folded alias of an office -> the office ("top diplomat" -> "foreign minister"). */
  readonly offices: Map<string, string>;
  /** Country code -> folded country-specific title -> office ("US" -> "secretary of state" -> "foreign minister"). */
  readonly countryTitles: Map<string, Map<string, string>>;
  /** Folded name of a political party -> its country ("tory" -> "GB"): "the former Tory PM". */
  readonly parties: Map<string, string>;
}

const Names = z.record(z.string(), z.array(z.string()));
const WorldFile = z.object({
  $comment: z.array(z.string()).optional(),
  country_names: Names,
  nations: z.array(z.object({ name: z.string(), country: z.string(), adjectives: z.array(z.string()) })),
  country_adjectives: Names,
  capital_names: Names,
  leaders: z.record(z.string(), z.string()),
  offices: z.array(z.object({ office: z.string(), aliases: z.array(z.string()) })),
  country_titles: z.array(z.object({ title: z.string(), country: z.string(), office: z.string() })),
  organisations: z.array(z.object({ name: z.string(), aliases: z.array(z.string()) })),
  parties: z.array(z.object({ name: z.string(), country: z.string(), aliases: z.array(z.string()) })),
  seats: z.array(
    z.object({
      seat: z.string(),
      country: z.string().optional(),
      organisation: z.string().optional(),
      stands_for: z.array(z.string()),
      aliases: z.array(z.string()).optional(),
    }),
  ),
  flags: z.record(z.string(), z.string()),
});
export type WorldFile = z.infer<typeof WorldFile>;

export const WORLD_FILE = new URL('./data/world.json', import.meta.url);

/** Reads and checks data/world.json; every problem at once, by entry and field. */
export function readWorldFile(file: URL | string = WORLD_FILE): WorldFile {
  const parsed = WorldFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new Error(`${String(file)} has ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
  return parsed.data;
}

interface WorldCountry {
  readonly cca2: string;
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly capital: readonly string[];
  readonly demonyms: { readonly eng?: { readonly m: string; readonly f: string } };
  readonly flag: string;
  readonly independent: boolean | null;
  readonly unMember: boolean;
}

export function worldCountries(): readonly WorldCountry[] {
  const require = createRequire(import.meta.url);
  return require('world-countries/countries.json') as WorldCountry[];
}

/** The world's capitals as written, with their other names ("Washington", "Kyiv", "Kiev"). */
export function capitalNames(world: WorldFile = readWorldFile()): string[] {
  const names = new Set<string>();
  for (const c of worldCountries()) for (const capital of c.capital) if (isLatin(capital)) names.add(capital);
  for (const aliases of Object.values(world.capital_names)) for (const name of aliases) names.add(name);
  return [...names].filter((name) => name.length > 2);
}

/**
 * Folded names of the world's capitals and seats of government, with their other spellings
 * ("moscow", "kiev", "washington dc", "white house"): where a trip goes.
 */
export function capitalAndSeatNames(world: WorldFile = readWorldFile()): string[] {
  const names = new Set<string>();
  const add = (name: string): void => {
    const key = phraseKey(name);
    if (key.length > 2) names.add(key);
  };
  for (const c of worldCountries()) for (const capital of c.capital) add(capital);
  for (const aliases of Object.values(world.capital_names)) for (const name of aliases) add(name);
  for (const seat of world.seats) for (const name of [seat.seat, ...(seat.aliases ?? [])]) add(name);
  return [...names];
}

/** Latin script only: world-countries also lists names in other scripts ("Российская Федерация"). */
const isLatin = (name: string): boolean => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(name);

/** "American" -> "Americans", "Israeli" -> "Israelis"; not "British", "Chinese", "Swiss". */
function demonymPlural(demonym: string): string | null {
  return /(?:an|i)$/.test(demonym) ? `${demonym}s` : null;
}

export interface GazetteerOptions {
  /** Common words (common-words.ts): entries whose phrase is one are marked `commonWord`. */
  readonly common?: ReadonlySet<string>;
  readonly world?: WorldFile;
}

export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  const world = options.world ?? readWorldFile();
  const common = options.common ?? new Set<string>();
  const phrases = new Map<string, WorldEntity[]>();
  let maxWords = 1;
  const add = (phrase: string, entity: Omit<WorldEntity, 'commonWord'>): void => {
    const words = foldWords(phrase);
    if (words.length === 0) return;
    const key = words.join(' ');
    // A one-word phrase that is an English word, or a one- or two-letter code ("in", "no").
    const commonWord = words.length === 1 && (common.has(key) || key.length <= 2);
    const list = phrases.get(key) ?? [];
    const same = list.find((e) => e.kind === entity.kind && e.canonical === entity.canonical);
    if (same) return;
    list.push({ ...entity, commonWord });
    phrases.set(key, list);
    maxWords = Math.max(maxWords, words.length);
  };

  const countries = new Map<string, Country>();
  // UN members first: "American" is the US before the Northern Mariana Islands, "French" France.
  const ordered = [...worldCountries()].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of ordered) {
    const demonym = c.demonyms.eng?.m ?? '';
    const country: Country = {
      code: c.cca2,
      code3: c.cca3,
      name: c.name.common,
      official: c.name.official,
      capitals: c.capital,
      demonym,
      flag: c.flag,
      ...(world.leaders[c.cca2] === undefined ? {} : { leader: world.leaders[c.cca2] }),
    };
    countries.set(c.cca2, country);
    const named = { kind: 'country', canonical: c.name.common, country: c.cca2 } as const;
    add(c.name.common, { ...named, via: 'name' });
    add(c.name.official, { ...named, via: 'name' });
    for (const name of c.altSpellings) {
      // Two-letter codes are left out: in lower case most are words ("in", "it", "no", "us").
      if (!isLatin(name) || name === c.cca2) continue;
      add(name, { ...named, via: 'name' });
    }
    // Three-letter codes that are words ("can", "per", "and") are left out too.
    if (!common.has(c.cca3.toLowerCase())) add(c.cca3, { ...named, via: 'code' });
    for (const form of new Set([demonym, c.demonyms.eng?.f ?? ''])) {
      if (form === '') continue;
      add(form, { ...named, via: 'adjective' });
      const plural = demonymPlural(form);
      if (plural) add(plural, { ...named, via: 'adjective' });
    }
    for (const capital of c.capital) {
      add(capital, { kind: 'capital', canonical: capital, country: c.cca2, via: 'name' });
    }
  }
  const countryEntity = (code: string): Omit<WorldEntity, 'commonWord' | 'via'> => {
    const country = countries.get(code);
    if (!country)
      throw new Error(`data/world.json: no country has the code ${code}: use an ISO 3166-1 alpha-2 code`);
    return { kind: 'country', canonical: country.name, country: code };
  };
  for (const [code, names] of Object.entries(world.country_names)) {
    for (const name of names) add(name, { ...countryEntity(code), via: 'alias' });
  }
  for (const [code, names] of Object.entries(world.country_adjectives)) {
    for (const name of names) add(name, { ...countryEntity(code), via: 'adjective' });
  }
  for (const [code, names] of Object.entries(world.capital_names)) {
    const capital = countries.get(code)?.capitals[0];
    if (capital === undefined) continue;
    for (const name of names) add(name, { kind: 'capital', canonical: capital, country: code, via: 'alias' });
  }
  for (const nation of world.nations) {
    const place = { kind: 'country', canonical: nation.name, country: nation.country } as const;
    add(nation.name, { ...place, via: 'name' });
    for (const adjective of nation.adjectives) add(adjective, { ...place, via: 'adjective' });
  }
  // "The US capital", "the American capital": a country's capital by its name or adjective.
  for (const [phrase, entities] of [...phrases]) {
    const country = entities.find((e) => e.kind === 'country' && e.via !== 'code');
    const capital = country?.country === undefined ? undefined : countries.get(country.country)?.capitals[0];
    if (country?.country === undefined || capital === undefined || phrase.startsWith('the ')) continue;
    add(`${phrase} capital`, { kind: 'capital', canonical: capital, country: country.country, via: 'alias' });
  }
  for (const organisation of world.organisations) {
    const entity = { kind: 'organisation', canonical: organisation.name } as const;
    add(organisation.name, { ...entity, via: 'name' });
    for (const alias of organisation.aliases) add(alias, { ...entity, via: 'alias' });
  }
  for (const seat of world.seats) {
    const entity = {
      kind: 'seat',
      canonical: seat.seat,
      standsFor: seat.stands_for,
      ...(seat.country === undefined ? {} : { country: seat.country }),
      ...(seat.organisation === undefined ? {} : { organisation: seat.organisation }),
    } as const;
    // "Brussels" is Belgium's capital and, in the news, the EU: the seat reading comes first.
    const existing = phrases.get(phraseKey(seat.seat));
    add(seat.seat, { ...entity, via: 'name' });
    if (existing && existing.length > 1) existing.unshift(existing.pop() as WorldEntity);
    for (const alias of seat.aliases ?? []) add(alias, { ...entity, via: 'alias' });
  }
  const offices = new Map<string, string>();
  for (const office of world.offices) {
    const canonical = phraseKey(office.office);
    offices.set(canonical, canonical);
    add(office.office, { kind: 'office', canonical, via: 'name' });
    for (const alias of office.aliases) {
      offices.set(phraseKey(alias), canonical);
      add(alias, { kind: 'office', canonical, via: 'alias' });
    }
  }
  const countryTitles = new Map<string, Map<string, string>>();
  for (const title of world.country_titles) {
    const titles = countryTitles.get(title.country) ?? new Map<string, string>();
    titles.set(phraseKey(title.title), phraseKey(title.office));
    countryTitles.set(title.country, titles);
  }
  const parties = new Map<string, string>();
  for (const party of world.parties) {
    countryEntity(party.country);
    for (const name of [party.name, ...party.aliases]) parties.set(phraseKey(name), party.country);
  }
  return { phrases, maxWords, countries, offices, countryTitles, parties };
}

/** What a whole folded phrase names ("downing street", "the kremlin" without "the"), or []. */
export function entitiesOf(gazetteer: Gazetteer, words: readonly string[]): readonly WorldEntity[] {
  const start = words[0] === 'the' ? 1 : 0;
  return gazetteer.phrases.get(words.slice(start).join(' ')) ?? [];
}

/** The first reading of a whole phrase: entityOf(["white", "house"]) is the US's seat. */
export function entityOf(gazetteer: Gazetteer, words: readonly string[]): WorldEntity | null {
  return entitiesOf(gazetteer, words)[0] ?? null;
}

export interface EntityMatch {
  readonly start: number;
  readonly length: number;
  readonly entities: readonly WorldEntity[];
}

/**
 * The longest phrase of the gazetteer starting at `start`, or null. A leading "the" may be part
 * of the name ("the States") or not ("the UN General Assembly"): the longer reading wins.
 */
export function matchEntity(
  gazetteer: Gazetteer,
  words: readonly string[],
  start: number,
): EntityMatch | null {
  const at = longestAt(gazetteer, words, start);
  if (words[start] !== 'the') return at;
  const after = longestAt(gazetteer, words, start + 1);
  if (after && (!at || after.length + 1 > at.length))
    return { start, length: after.length + 1, entities: after.entities };
  return at;
}

function longestAt(gazetteer: Gazetteer, words: readonly string[], start: number): EntityMatch | null {
  for (let length = Math.min(gazetteer.maxWords, words.length - start); length >= 1; length--) {
    const entities = gazetteer.phrases.get(words.slice(start, start + length).join(' '));
    if (entities) return { start, length, entities };
  }
  return null;
}

/** Every entity a folded text names, longest match first, left to right, without overlaps. */
export function findEntities(gazetteer: Gazetteer, words: readonly string[]): EntityMatch[] {
  const found: EntityMatch[] = [];
  for (let i = 0; i < words.length; ) {
    const match = matchEntity(gazetteer, words, i);
    if (match) {
      found.push(match);
      i += match.length;
    } else i++;
  }
  return found;
}

export interface OfficeReading {
  /** The office meant, folded: "foreign minister", "prime minister", "peer". */
  readonly office: string;
  /** Whose, when the phrase says: "GB". */
  readonly country?: string;
  /** "former", "ex", "previous": someone who held it. */
  readonly former: boolean;
  /** Read from a seat alone ("Downing Street", "the Kremlin"): the office, or the country itself. */
  readonly seat?: true;
}

const FORMER = new Set(['former', 'ex', 'previous', 'past', 'onetime']);
const OCCUPANT = /^(?:occupant|resident|tenant|incumbent|holder) of$/;
const OCCUPANT_WORDS = new Set(['occupant', 'resident', 'tenant', 'incumbent']);

/**
 * An office held in a country, from its parts: "the American leader" (US president), "Moscow's
 * chief diplomat" (Russia's foreign minister), "the British premier", "prime minister of the UK",
 * "former occupant of Downing Street" (a former UK prime minister), "member of the House of
 * Lords" (a peer). Null when the words are not (only) that.
 */
export function officeOf(gazetteer: Gazetteer, words: readonly string[]): OfficeReading | null {
  let readings = officeReadings.get(gazetteer);
  if (readings === undefined) {
    readings = new Map();
    officeReadings.set(gazetteer, readings);
  }
  // Words of a span hold no space, so the joined words name the span.
  const key = words.join(' ');
  let found = readings.get(key);
  if (found === undefined) {
    if (readings.size >= OFFICE_READINGS_KEPT) readings.clear();
    found = readOffice(gazetteer, words);
    readings.set(key, found);
  }
  return found;
}

/** officeOf's readings, by gazetteer and span (readings are never changed, so they are shared). */
const officeReadings = new WeakMap<Gazetteer, Map<string, OfficeReading | null>>();
/** How many spans' readings a gazetteer keeps before it starts again. */
const OFFICE_READINGS_KEPT = 4096;

function readOffice(gazetteer: Gazetteer, words: readonly string[]): OfficeReading | null {
  let rest = words[0] === 'the' ? words.slice(1) : [...words];
  let former = false;
  if (FORMER.has(rest[0] ?? '')) {
    former = true;
    rest = rest.slice(1);
  }
  // "occupant of Downing Street": whoever holds the office the seat stands for.
  if (rest.length >= 3 && OCCUPANT.test(rest.slice(0, 2).join(' '))) {
    const seat = entitiesOf(gazetteer, rest.slice(2)).find((e) => e.kind === 'seat');
    const office = seat?.standsFor?.find((s) => gazetteer.offices.has(phraseKey(s)));
    if (seat && office) return reading(office, seat.country, former);
    return null;
  }
  // "The White House occupant", "the Downing Street incumbent": the same, the other way round.
  if (rest.length >= 2 && OCCUPANT_WORDS.has(rest.at(-1) ?? '')) {
    const seat = entitiesOf(gazetteer, rest.slice(0, -1)).find((e) => e.kind === 'seat');
    const office = seat?.standsFor?.find((s) => gazetteer.offices.has(phraseKey(s)));
    if (seat && office) return reading(office, seat.country, former);
    return null;
  }
  // "The Oval Office": a seat alone that stands for an office only is that office. One that stands
  // for the government too ("the Kremlin's stance", "Downing Street") is its country.
  const seat = entitiesOf(gazetteer, rest).find((e) => e.kind === 'seat');
  const seatOffices = seat?.standsFor?.map(phraseKey) ?? [];
  if (
    seat?.country !== undefined &&
    seatOffices.length === 1 &&
    seatOffices.every((office) => gazetteer.offices.has(office))
  )
    return { ...reading(seatOffices[0] as string, seat.country, former), seat: true };
  // "<country> <office>" or "<office> of <country>".
  for (let split = 1; split < rest.length; split++) {
    const head = rest.slice(0, split);
    const tail = rest.slice(split);
    const byCountry = countryOf(gazetteer, head);
    if (byCountry !== undefined) {
      const office = officeIn(gazetteer, tail, byCountry);
      if (office) return reading(office, byCountry, former);
    }
    if (tail[0] === 'of') {
      const ofCountry = countryOf(gazetteer, tail.slice(tail[1] === 'the' ? 2 : 1));
      const office = ofCountry === undefined ? undefined : officeIn(gazetteer, head, ofCountry);
      if (office) return reading(office, ofCountry, former);
    }
  }
  const office = officeIn(gazetteer, rest, undefined);
  if (office) return reading(office, undefined, former);
  // "POTUS", "the taoiseach": a title of one country only, that no office lists, names its country.
  const key = rest.join(' ');
  const titled = [...gazetteer.countryTitles].filter(([, titles]) => titles.has(key));
  if (titled.length === 1) {
    const [country, titles] = titled[0] as [string, Map<string, string>];
    return reading(titles.get(key) as string, country, former);
  }
  return null;
}

const officeWordSets = new WeakMap<Gazetteer, ReadonlySet<string>>();

/**
 * Every word officeOf can read as part of an office: the words of every phrase, office, title and
 * party it looks up, and its own "the", "of", "former" and "occupant of" words. officeOf reads a
 * phrase only as a whole (each lookup is of the joined words), so a phrase holding any other word
 * is no office, nor is any longer phrase around it: the analyser stops there instead of asking.
 */
export function officeWordsOf(gazetteer: Gazetteer): ReadonlySet<string> {
  let words = officeWordSets.get(gazetteer);
  if (words === undefined) {
    const found = new Set<string>([
      'the',
      'of',
      ...FORMER,
      'occupant',
      'resident',
      'tenant',
      'incumbent',
      'holder',
    ]);
    const add = (key: string): void => {
      for (const word of key.split(' ')) found.add(word);
    };
    for (const key of gazetteer.phrases.keys()) add(key);
    for (const key of gazetteer.offices.keys()) add(key);
    for (const titles of gazetteer.countryTitles.values()) for (const key of titles.keys()) add(key);
    for (const key of gazetteer.parties.keys()) add(key);
    words = found;
    officeWordSets.set(gazetteer, words);
  }
  return words;
}

function reading(office: string, country: string | undefined, former: boolean): OfficeReading {
  return country === undefined ? { office, former } : { office, country, former };
}

/** The country a phrase stands for: a country, its adjective, its capital, a seat in it, or one of its parties. */
function countryOf(gazetteer: Gazetteer, words: readonly string[]): string | undefined {
  const party = gazetteer.parties.get(words.join(' '));
  if (party !== undefined) return party;
  for (const entity of entitiesOf(gazetteer, words)) {
    if (entity.via === 'code' && entity.commonWord) continue;
    if (entity.kind === 'country' || entity.kind === 'capital' || entity.kind === 'seat') {
      if (entity.country !== undefined) return entity.country;
    }
  }
  return undefined;
}

/** The office a phrase names, read in a country: "leader" is the US's president, "secretary of state" its foreign minister. */
function officeIn(
  gazetteer: Gazetteer,
  words: readonly string[],
  country: string | undefined,
): string | undefined {
  const key = words.join(' ');
  const titled = country === undefined ? undefined : gazetteer.countryTitles.get(country)?.get(key);
  if (titled) return titled;
  const office = gazetteer.offices.get(key);
  if (office === undefined) return undefined;
  if ((office === 'leader' || office === 'head of government' || office === 'prime minister') && country) {
    const leader = gazetteer.countries.get(country)?.leader;
    // "the British premier", "the American leader": the country's own head of government.
    if (office === 'leader' && leader) return phraseKey(leader);
  }
  return office;
}
