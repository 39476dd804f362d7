/**
 * The people and places an article names, read with compromise: full names from titles and
 * capitalised names, each with its surname and full-name aliases, its role from the article's
 * apposition ("Foreign Minister Sergei Lavrov": Foreign Minister), and a pronoun when the
 * article shows one. Then every place each person is mentioned, for attributing quotes.
 */
import type { Article } from '../article.ts';
import { idFrom } from '../issue-messages.ts';
import { STOP_WORDS } from '../lexicon.ts';
import type { Person, Term } from '../schema.ts';
import { type Word, words } from './nlp.ts';

/** Titles that are part of a name as the article writes it ("Sir Keir Starmer", "Lord Howard"). */
const NAME_TITLES = new Set(['sir', 'lord', 'lady', 'dame', 'baroness', 'baron', 'dr', 'prof', 'professor']);
/** Titles written with a full stop ("Dr.", "St.", "Prof."), which the name goes on after. */
const ABBREVIATED_TITLE = /^(?:dr|mr|mrs|ms|mx|prof|st|sr|jr|gen|col|capt|lt|sgt|rev|sen|rep|gov|mt|ft)\.?$/;
/** Lower-case words inside a surname ("van Dam", "de la Cruz", "bin Salman"). */
const SURNAME_PARTICLES = new Set([
  'van',
  'von',
  'de',
  'da',
  'der',
  'den',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'ter',
]);
/** Courtesy titles: not part of the name, not a role, but they show the pronoun. */
const COURTESY: ReadonlyMap<string, 'he' | 'she'> = new Map([
  ['mr', 'he'],
  ['mrs', 'she'],
  ['ms', 'she'],
  ['miss', 'she'],
]);
const TITLE_PRONOUN: ReadonlyMap<string, 'he' | 'she'> = new Map([
  ['sir', 'he'],
  ['lord', 'he'],
  ['baron', 'he'],
  ['king', 'he'],
  ['prince', 'he'],
  ['lady', 'she'],
  ['dame', 'she'],
  ['baroness', 'she'],
  ['queen', 'she'],
  ['princess', 'she'],
  ...COURTESY,
]);
/** Lower-case words that belong to a role written before a name ("former", "peer"). */
const ROLE_WORDS = new Set(
  `former ex acting interim deputy vice chief senior junior shadow outgoing incoming then new
  peer minister secretary president chancellor mayor councillor councilor senator governor
  spokesperson spokesman spokeswoman manager coach chairman chairwoman chair director head leader
  captain striker defender midfielder goalkeeper player professor researcher scientist author
  economist analyst lawyer judge commissioner officer chief executive founder editor correspondent
  general admiral ambassador envoy adviser advisor aide member mp mep lawmaker representative`.split(/\s+/),
);
const PRONOUNS: ReadonlyMap<string, 'he' | 'she'> = new Map([
  ['he', 'he'],
  ['him', 'he'],
  ['his', 'he'],
  ['she', 'she'],
  ['her', 'she'],
  ['hers', 'she'],
]);

export interface PersonMention {
  /** Offsets in the paragraph's text. */
  readonly start: number;
  readonly end: number;
  readonly person: string;
}

export interface PronounMention {
  readonly start: number;
  readonly end: number;
  readonly pronoun: 'he' | 'she';
}

/** A person found in the article, before ids are final. */
interface Candidate {
  name: string;
  surname: string;
  titles: string[];
  role: string | undefined;
  firstParagraph: string;
  firstSentence: string;
  pronouns: { he: number; she: number };
  /** The article uses the role's word for others too ("councillors"). */
  roleShared?: boolean;
}

const isCapitalised = (word: Word): boolean => /^[\p{Lu}]/u.test(word.text);
const bare = (text: string): string =>
  text.replace(/(?:’s|'s|’|')$/u, '').replace(/[^\p{L}\p{N}.’'-]+/gu, '');
const isPlaceWord = (w: Word): boolean =>
  w.tags.has('Place') ||
  w.tags.has('Country') ||
  w.tags.has('City') ||
  w.tags.has('Region') ||
  w.tags.has('Organization');

/** Reporting verbs next to which a capitalised word is a person ("said Okafor", "Okafor said"). */
const NEAR_NAME_VERBS =
  /^(?:said|says|told|added|claimed|claims|urged|warned|argued|insisted|announced|described|stated|wrote)$/i;

/**
 * People in the article, with ids, aliases, roles and pronouns, and the places it names.
 * Pure apart from compromise's reading of the text.
 */
export function findPeopleAndPlaces(article: Article): {
  people: Person[];
  places: Term[];
  /** Ids of the people whose pronoun the article shows (the others get the schema's default). */
  pronounShown: Set<string>;
} {
  const candidates: Candidate[] = [];
  const bySurname = new Map<string, Candidate>();
  const places = new Map<string, Set<string>>();
  /** Bodies and named places ("Department for Transport", "Eastgate Road"): whether they speak. */
  const bodies = new Map<string, { speaks: boolean }>();
  /** One capitalised word that speaks but is not known as a name ("Beaumont said"): a body. */
  const speakingWords = new Set<string>();

  const add = (
    nameWords: readonly Word[],
    titles: string[],
    role: string | undefined,
    where: { p: string; s: string },
  ) => {
    const name = nameWords.map((w) => bare(w.text)).join(' ');
    const surnameWord = nameWords.at(-1);
    if (!surnameWord) return;
    // "Lord Howard of Lympne": the surname is Howard; "Joris van Dam": van Dam.
    const ofAt = nameWords.findIndex((w) => w.normal === 'of');
    const particle = nameWords.length > 2 && SURNAME_PARTICLES.has(nameWords.at(-2)?.normal ?? '');
    const surname =
      ofAt <= 0 && particle
        ? nameWords
            .slice(-2)
            .map((w) => bare(w.text))
            .join(' ')
        : bare((ofAt > 0 ? nameWords[ofAt - 1] : surnameWord)?.text ?? '');
    if (surname.length < 2) return;
    const existing = bySurname.get(surname);
    if (existing) {
      if (name.split(' ').length > existing.name.split(' ').length) existing.name = name;
      existing.role ??= role;
      for (const t of titles) if (!existing.titles.includes(t)) existing.titles.push(t);
      return;
    }
    const candidate: Candidate = {
      name,
      surname,
      titles,
      role,
      firstParagraph: where.p,
      firstSentence: where.s,
      pronouns: { he: 0, she: 0 },
    };
    candidates.push(candidate);
    bySurname.set(surname, candidate);
  };

  for (const paragraph of article.paragraphs) {
    // Quotations are found in the whole paragraph: a quote of two sentences ('"… evenings. At the
    // moment we train five nights a week," said Dean Achebe') leaves its second sentence with a
    // closing mark only, which read alone would open a quote running over the name after it.
    const paragraphQuotes = quotedRanges(paragraph.text);
    let cursor = 0;
    for (const sentence of paragraph.sentences) {
      const ws = words(sentence.text);
      const offset = paragraph.text.indexOf(sentence.text, cursor);
      if (offset >= 0) cursor = offset + sentence.text.length;
      const insideQuote: [number, number][] =
        offset >= 0
          ? paragraphQuotes.map(([a, b]): [number, number] => [a - offset, b - offset])
          : quotedRanges(sentence.text);
      const quoted = (w: Word): boolean => insideQuote.some(([a, b]) => w.start >= a && w.end <= b);
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i] as Word;
        if (quoted(w)) continue;
        // "St Anne's Hospital", "Department for Transport", "Ravensbridge Chamber of Commerce":
        // a body or a named place, never a person.
        const named = bodyAt(ws, i, sentence.text, quoted);
        if (named) {
          const body = bodies.get(named.name) ?? { speaks: false };
          body.speaks ||= named.place === false && NEAR_NAME_VERBS.test(ws[named.end + 1]?.text ?? '');
          bodies.set(named.name, body);
          i = named.end;
          continue;
        }
        if (isPlaceWord(w) && isCapitalised(w) && !w.tags.has('Person')) {
          // A run of place words is one place ("North Korea").
          let j = i;
          while (
            j + 1 < ws.length &&
            isPlaceWord(ws[j + 1] as Word) &&
            isCapitalised(ws[j + 1] as Word) &&
            /^\s*$/.test(sentence.text.slice((ws[j] as Word).end, (ws[j + 1] as Word).start))
          )
            j++;
          // "Leeds Bradford": a lone capitalised name right after a place is more of the place's
          // name (its airport), not a person called Bradford whose role is Leeds.
          const after = ws[j + 1];
          const afterThat = ws[j + 2];
          if (
            after &&
            isCapitalised(after) &&
            after.tags.has('Person') &&
            /^\s*$/.test(sentence.text.slice((ws[j] as Word).end, after.start)) &&
            !(
              afterThat &&
              isCapitalised(afterThat) &&
              /^\s*$/.test(sentence.text.slice(after.end, afterThat.start))
            )
          )
            j++;
          const placeWords = ws.slice(i, j + 1);
          const name = placeWords.map((p) => bare(p.text)).join(' ');
          if (name.length > 1) {
            const variants = places.get(name) ?? new Set<string>();
            places.set(name, variants);
          }
          i = j;
          continue;
        }
        const nextWord = ws[i + 1];
        const personLike =
          w.tags.has('Person') ||
          (w.tags.has('ProperNoun') && isCapitalised(w)) ||
          // "Priya Nandakumar" at a sentence's start: a capitalised noun before a proper name.
          (i === 0 &&
            w.tags.has('Singular') &&
            nextWord?.tags.has('ProperNoun') === true &&
            isCapitalised(nextWord) &&
            /^\s+$/.test(sentence.text.slice(w.end, nextWord.start)));
        if (!personLike || !isCapitalised(w)) continue;
        // The name: this and the capitalised person-like words after it (and "of Place" after a Lord).
        // "Dr. Priya Ramanathan": a title's full stop stays inside the name.
        const adjacent = (x: Word, y: Word): boolean =>
          (ABBREVIATED_TITLE.test(x.normal) ? /^\.?\s*$/ : /^\s*$/).test(sentence.text.slice(x.end, y.start));
        let j = i;
        while (j + 1 < ws.length) {
          const next = ws[j + 1] as Word;
          if (!adjacent(ws[j] as Word, next)) break;
          if (
            isCapitalised(next) &&
            (next.tags.has('Person') || next.tags.has('ProperNoun')) &&
            !isPlaceWord(next)
          ) {
            j++;
          } else if (
            // "Joris van Dam", "Ana de la Cruz": a surname's particle between capitalised names.
            SURNAME_PARTICLES.has(next.normal) &&
            ws[j + 2] &&
            isCapitalised(ws[j + 2] as Word) &&
            adjacent(next, ws[j + 2] as Word)
          ) {
            j += 2;
          } else if (
            next.normal === 'of' &&
            NAME_TITLES.has((ws[i] as Word).normal) &&
            ws[j + 2] &&
            isCapitalised(ws[j + 2] as Word)
          ) {
            j += 2;
          } else break;
        }
        let run = ws.slice(i, j + 1);
        const titles: string[] = [];
        const roleWords: string[] = [];
        // Leading titles: name titles stay in the name ("Sir"); role words ("Foreign Minister",
        // "Russian President") go to the role; courtesy titles ("Mr") only show the pronoun.
        const isRoleStart = (): boolean => {
          const w = run[0] as Word;
          const title = w.normal.replace(/\.$/, '');
          if (NAME_TITLES.has(title)) return false;
          if (w.tags.has('Honorific') || ROLE_WORDS.has(title) || COURTESY.has(title)) return true;
          if (w.tags.has('Demonym') || w.tags.has('Acronym') || w.tags.has('Adjective')) return true;
          const next = run[1];
          return next !== undefined && (ROLE_WORDS.has(next.normal) || next.tags.has('Honorific'));
        };
        while (run.length > 1 && isRoleStart()) {
          const title = (run[0] as Word).normal.replace(/\.$/, '');
          titles.push(title);
          if (!COURTESY.has(title)) roleWords.push(bare((run[0] as Word).text));
          run = run.slice(1);
        }
        if (NAME_TITLES.has((run[0] as Word).normal.replace(/\.$/, '')))
          titles.push((run[0] as Word).normal.replace(/\.$/, ''));
        const first = run[0] as Word;
        const nameCount = run.filter(
          (r) => !NAME_TITLES.has(r.normal.replace(/\.$/, '')) && r.normal !== 'of',
        ).length;
        // "the consumer group WaterWatch North", "the charity Hope Rising": a body's kind before its name.
        if (BODY_NOUNS.has(before(ws, i)?.normal ?? '') && titles.length === 0) {
          const name = run.map((r) => bare(r.text)).join(' ');
          if (!bodies.has(name)) bodies.set(name, { speaks: NEAR_NAME_VERBS.test(ws[j + 1]?.text ?? '') });
          i = j;
          continue;
        }
        const isName =
          nameCount >= 2
            ? run.some((r) => r.tags.has('Person') || r.tags.has('FirstName') || r.tags.has('LastName')) ||
              // "Professor Amara Okonjo", "Mayor Helen Okafor": a title or role before two names.
              // Not a demonym alone ("Scottish Liberal Democrat" is a party, not a person).
              titles.some((t) => NAME_TITLES.has(t) || ROLE_WORDS.has(t) || COURTESY.has(t)) ||
              // "striker Lucas Moreira", not "champions Sporting Almada" (a plural before a name is a side).
              (before(ws, i)?.tags.has('Actor') === true && before(ws, i)?.tags.has('Plural') !== true) ||
              ROLE_WORDS.has(before(ws, i)?.normal ?? '') ||
              NEAR_NAME_VERBS.test(ws[j + 1]?.text ?? '') ||
              // "Priya Nandakumar, who has run…", "Tom Hale, 58, said", "Ana Lopez, a councillor":
              // "Raj Mehta, director of the consumer group…": a role of something after the name.
              /^,\s+(?:who\b|\d{1,3},|(?:a|an|the)\s|(?:\p{Ll}[\p{Ll}-]*\s+){1,3}(?:of|at|for)\s)/u.test(
                sentence.text.slice((ws[j] as Word).end),
              )
            : bySurname.has(bare(first.text)) ||
              titles.length > 0 ||
              // One word alone is a person only when compromise knows it as a name ("Trump"); a
              // word that only speaks ("Beaumont said", "Commerce described") is a body.
              (knownName(first) &&
                ((first.tags.has('Person') && i > 0) ||
                  NEAR_NAME_VERBS.test(ws[j + 1]?.text ?? '') ||
                  (NEAR_NAME_VERBS.test(before(ws, i)?.text ?? '') && i > 0) ||
                  (before(ws, i)?.normal === 'to' && before(ws, i - 1)?.normal === 'according')));
        if (!isName) {
          if (
            nameCount === 1 &&
            first.tags.has('ProperNoun') &&
            !first.tags.has('Person') &&
            (NEAR_NAME_VERBS.test(ws[j + 1]?.text ?? '') ||
              (before(ws, i)?.normal === 'to' && before(ws, i - 1)?.normal === 'according'))
          )
            speakingWords.add(bare(first.text));
          // "champions Sporting Almada": a side named after a plural of people is a body.
          if (
            nameCount >= 2 &&
            titles.length === 0 &&
            before(ws, i)?.tags.has('Actor') === true &&
            before(ws, i)?.tags.has('Plural') === true
          ) {
            const name = run.map((r) => bare(r.text)).join(' ');
            if (!bodies.has(name)) bodies.set(name, { speaks: true });
          }
          i = j;
          continue;
        }
        const role =
          [...roleBefore(ws, i, sentence.text), ...roleWords].join(' ') ||
          roleAfter(sentence.text, ws[j] as Word);
        add(run, titles, role || undefined, { p: paragraph.id, s: sentence.id });
        i = j;
      }
    }
  }

  // Pronouns the article uses for them: each he/she goes to the person a reader would take it for.
  for (const paragraph of article.paragraphs) {
    let previousSubject: Candidate | undefined;
    for (const sentence of paragraph.sentences) {
      const found = mentionsIn(sentence.text, candidates);
      const pronouns = pronounsIn(sentence.text);
      for (const p of pronouns) {
        const earlier = found.filter((m) => m.end <= p.start);
        const target = earlier[0]?.candidate ?? previousSubject;
        if (target) target.pronouns[p.pronoun]++;
      }
      previousSubject = found[0]?.candidate ?? previousSubject;
    }
  }

  const articleText = article.paragraphs.map((p) => p.text).join('\n');
  for (const c of candidates) {
    if (!c.role || c.role.includes(' ')) continue;
    const uses = [...articleText.matchAll(new RegExp(`\\b${escapeRegExp(c.role)}s?\\b`, 'giu'))];
    const firstName = c.name.split(' ').find((w) => !NAME_TITLES.has(w.toLowerCase())) ?? c.surname;
    c.roleShared = uses.some(
      (m) =>
        !articleText
          .slice(m.index + m[0].length)
          .trimStart()
          .startsWith(firstName),
    );
  }
  const ids = new Set<string>();
  const pronounShown = new Set<string>();
  const people: Person[] = candidates.map((c) => {
    let id = idFrom(c.surname) || idFrom(c.name) || 'person';
    if (ids.has(id)) id = idFrom(c.name);
    for (let n = 2; ids.has(id); n++) id = `${idFrom(c.surname)}-${n}`;
    ids.add(id);
    const titlePronoun = c.titles.map((t) => TITLE_PRONOUN.get(t)).find((p) => p !== undefined);
    const shown =
      titlePronoun ??
      (c.pronouns.he > 0 && c.pronouns.she === 0
        ? 'he'
        : c.pronouns.she > 0 && c.pronouns.he === 0
          ? 'she'
          : undefined);
    const person: Person = {
      id,
      name: c.name,
      cites: [c.firstSentence],
      aliases: aliasesOf(c),
      pronoun: shown ?? 'he',
      ...(c.role ? { role: c.role } : {}),
    };
    if (shown) pronounShown.add(id);
    return person;
  });
  dedupeAliases(people);

  const personNames = new Set(people.flatMap((p) => [p.name, ...p.aliases]));
  const inPersonName = (name: string): boolean =>
    people.some((p) => p.name.split(' ').includes(name) || p.aliases.includes(name));
  for (const word of speakingWords)
    if (!inPersonName(word) && !bodies.has(word)) bodies.set(word, { speaks: true });
  // "Claire Boateng, the Environment Agency's area manager, said…": the body speaks through them.
  for (const [name, body] of bodies) if (people.some((p) => p.role?.includes(name))) body.speaks = true;
  const terms: Term[] = [
    ...[...places.keys()]
      .filter((name) => !personNames.has(name) && !bodies.has(name))
      .map((name) => ({ term: name, aliases: [], entity: true, speaks: true })),
    ...[...bodies].map(([name, { speaks }]) => ({ term: name, aliases: [], entity: true, speaks })),
  ];
  addBodyAliases(terms, article);
  addBusinessAliases(terms, [...bodies.keys()], article);
  return { people, places: terms, pronounShown };
}

/** Verbs of a body issuing a statement ("the council said", "the trust has confirmed"). */
const STATEMENT_VERBS =
  'said|says|told|announced|stated|confirmed|warned|added|insisted|claimed|argued|denied|explained|urged|admitted|acknowledged|apologised|apologized|responded|replied|declined to comment';
/** Who speaks for a body ("a spokesperson for the council", "the trust's spokesman"). */
const SPOKESPERSON = 'spokesperson|spokesman|spokeswoman|spokespeople|representative|press office|statement';

/**
 * The bodies the article has issue statements: "the council said (in a statement) that…", "a
 * spokesperson for the council said…", "the trust’s spokeswoman said". Their statements are
 * theirs: quotes need them as speakers. Named by the term or any of its aliases ("the council").
 */
export function statementBodies(article: Article, terms: readonly Term[]): Term[] {
  const text = article.paragraphs
    .map((p) => p.text.replace(/“[^”]*”?|"[^"]*"?/g, (q) => ' '.repeat(q.length)))
    .join('\n');
  const between = '(?:\\s+(?:has|have|had|also|later|previously|again|then|was|were|is|would|will)){0,2}';
  return terms.filter((t) => {
    const words = t.term.split(/\s+/);
    if (!words.some((w) => BODY_HEADS.has(w))) return false;
    return [t.term, ...t.aliases].some((form) => {
      const f = escapeRegExp(form).replace(/^the\\s+/i, '');
      const name = `(?:the\\s+)?${f}`;
      return [
        // "The council said", "Harwick Borough Council has confirmed" (not "the council's director said").
        new RegExp(`(?<![\\p{L}])${name}${between}\\s+(?:${STATEMENT_VERBS})\\b`, 'iu'),
        // "a spokesperson for the council", "a statement from the trust", "the council's spokesman".
        new RegExp(`\\b(?:${SPOKESPERSON})\\s+(?:for|from|of|at)\\s+${name}(?![\\p{L}])`, 'iu'),
        new RegExp(`(?<![\\p{L}])${name}(?:[’']s)?\\s+(?:${SPOKESPERSON})\\b`, 'iu'),
      ].some((pattern) => pattern.test(text));
    });
  });
}

/** The last word of a body's name: "… Council", "… Hospital", "… Research", "… Ltd". */
const BODY_HEADS = new Set(
  `Council Department Ministry University College School Academy Hospital Trust Chamber Committee
  Commission Agency Authority Office Bank Group Party Association Institute Institution Foundation
  Society Union Company Corporation Corp Inc Ltd Limited plc PLC LLC LLP Research Partners Holdings
  Capital Industries Systems Technologies Labs Laboratories Media News Press Club FC Court Police
  Service Services Board Fund Network Centre Center Museum Church Parliament Assembly Senate Congress
  Cabinet Government Federation Alliance Coalition Organisation Organization Forum Bureau Directorate
  Finance Community Courier Times Post Herald Gazette Telegraph Journal Review Guardian Airlines Motors
  Energy Insurance Pharmaceuticals Studios Records Publishing Partnership Consortium Council Water
  Rail Railways Gas Power Electric Utilities Airways Telecom Transport Health Homes Foods Logistics
  Brewery Therapeutics Pharma Pharmaceutical Biotech Biosciences Sciences Diagnostics Genetics Medical
  Robotics Software Solutions Ventures Laboratory`.split(/\s+/),
);
/** The last word of a named place that is no body: it never speaks. */
const PLACE_HEADS = new Set(
  `Road Street Lane Avenue Square Park Bridge Way Drive Close Crescent Terrace Place Row Hill Green
  Station Airport Port Harbour Stadium Arena Hall Tower Estate Quay Wharf Gardens Brook River Stream
  Lake Reservoir Canal Valley Forest Moor Beck Creek Bay Loch Island Mountain Falls Estuary Lido Pool
  Baths Pier Beach Common Field Fields Ground Market Mall Theatre Cinema Library Gallery Cathedral Abbey
  Castle Palace Tunnel Junction Roundabout Promenade Marina Docks Dock Campus Village Town City`.split(/\s+/),
);
/** A body's kind, said before its name ("the consumer group WaterWatch North"): the name is no person's. */
const BODY_NOUNS = new Set(
  'group groups firm company companies charity organisation organization campaign union club body agency association society network coalition alliance brand chain retailer supermarket developer operator provider'.split(
    ' ',
  ),
);
/** Small words inside a body's name ("Department for Transport", "Chamber of Commerce"). */
const NAME_JOINERS = new Set(['of', 'for', 'and', '&', 'de', 'du', 'la', 'del', 'der', 'van', 'von']);

/**
 * A body or named place starting at word i: capitalised words (and joiners between them) whose
 * words include a body or place head ("St Anne's Hospital", "Department for Transport").
 */
function bodyAt(
  ws: readonly Word[],
  i: number,
  text: string,
  quoted: (w: Word) => boolean,
): { name: string; end: number; place: boolean } | undefined {
  const w = ws[i] as Word;
  if (!isCapitalised(w) || w.tags.has('Determiner') || w.tags.has('Pronoun')) return undefined;
  // "the Wenlow Valley Farmers' Association": a plural's apostrophe stays inside the name.
  const adjacent = (x: Word, y: Word): boolean =>
    (ABBREVIATED_TITLE.test(x.normal) ? /^\.?\s*$/ : /^['’]?\s*$/).test(text.slice(x.end, y.start));
  let j = i;
  while (j + 1 < ws.length) {
    const next = ws[j + 1] as Word;
    if (!adjacent(ws[j] as Word, next) || quoted(next)) break;
    // "Eastgate Road.": a full stop or comma ends the name.
    if (/[,;:.!?)”"]$/.test((ws[j] as Word).text)) break;
    if (isCapitalised(next)) j++;
    else if (NAME_JOINERS.has(next.normal) && ws[j + 2] && isCapitalised(ws[j + 2] as Word)) {
      if (!adjacent(next, ws[j + 2] as Word) || /[,;:.]$/.test(next.text)) break;
      // "and" joins two names of one body only inside it ("Crumb and Kettle Bakery"), not two bodies.
      // A name ending in a head before "and" is a whole body ("Pellow Energy and Dunmore University").
      if (
        next.normal === 'and' &&
        (!BODY_HEADS.has(bare((ws[j + 3] as Word | undefined)?.text ?? '')) ||
          BODY_HEADS.has(bare((ws[j] as Word).text)))
      )
        break;
      j += 2;
    } else break;
  }
  if (j === i) return undefined;
  const run = ws.slice(i, j + 1).map((x) => bare(x.text));
  // "Chief Executive Jane Doe", "Opposition leader Margaret Hollis": a role before a name is no body.
  if (ws.slice(i, j + 1).some((x) => x.tags.has('FirstName') && !x.tags.has('Possessive') && x !== w))
    return undefined;
  const last = run.at(-1) ?? '';
  // "Finch & Daughters", "Whitcombe & Lyle": names joined by an ampersand are a firm's.
  const bodyWord = run.some((r) => BODY_HEADS.has(r)) || ws.slice(i, j + 1).some((x) => x.text === '&');
  const placeWord = PLACE_HEADS.has(last);
  if (!bodyWord && !placeWord) return undefined;
  // "the Environment Agency's area manager": the body is the Environment Agency.
  const name = text
    .slice(w.start, (ws[j] as Word).end)
    .replace(/[,;:.!?)”"]+$/u, '')
    .replace(/(?:’s|'s|’)$/u, '');
  return { name, end: j, place: !bodyWord };
}

/** compromise knows this word as someone's name, not just as a capitalised noun. */
function knownName(w: Word): boolean {
  return w.tags.has('FirstName') || w.tags.has('LastName') || w.tags.has('Honorific');
}

/**
 * How the article refers back to a body: "the council" for Ravensbridge City Council, "the
 * hospital" for St Anne's Hospital, when the article writes it so and no other body shares it.
 */
function addBodyAliases(terms: Term[], article: Article): void {
  const text = article.paragraphs.map((p) => p.text).join('\n');
  const heads = new Map<string, Term[]>();
  for (const t of terms) {
    const words = t.term.split(/\s+/);
    const head = words.at(-1) ?? '';
    if (words.length < 2 || !BODY_HEADS.has(head)) continue;
    const alias = `the ${head.toLowerCase()}`;
    heads.set(alias, [...(heads.get(alias) ?? []), t]);
  }
  for (const [alias, owners] of heads) {
    const owner = owners[0];
    if (owners.length !== 1 || !owner) continue;
    if (!new RegExp(`\\b${escapeRegExp(alias)}\\b`).test(text)) continue;
    // "Which university built it?": readers drop "the" too.
    (owner as { aliases: string[] }).aliases = [...owner.aliases, alias];
  } // "Ravensbridge City Council" is "the city council" to readers, "Ravensbridge Chamber of
  // Commerce" "the Chamber of Commerce": the name without the place before it, when that is a
  // name of its own (two words or more, a body's head among them) and no other body shares it.
  const tails = new Map<string, Term[]>();
  const cityAt = (word: string | undefined): boolean =>
    word !== undefined && words(word).some((w) => w.tags.has('City') || w.tags.has('Country'));
  for (const t of terms) {
    const words = t.term.split(/\s+/);
    const rest = words.slice(1);
    // "Imperial College London" is "Imperial College": the name without the city after it.
    if (words.length >= 3 && cityAt(words.at(-1)) && words.slice(0, -1).some((w) => BODY_HEADS.has(w))) {
      const alias = words.slice(0, -1).join(' ').toLowerCase();
      tails.set(alias, [...(tails.get(alias) ?? []), t]);
      continue;
    }
    if (words.length < 3 || BODY_HEADS.has(words[0] ?? '') || /^(?:St|Saint|The)$/.test(words[0] ?? ''))
      continue;
    if (!rest.some((w) => BODY_HEADS.has(w)) || NAME_JOINERS.has(rest[0] ?? '')) continue;
    if (!rest.every((w) => /^\p{Lu}/u.test(w) || NAME_JOINERS.has(w))) continue;
    const alias = rest.join(' ').toLowerCase();
    tails.set(alias, [...(tails.get(alias) ?? []), t]);
  }
  const taken = new Set(terms.flatMap((t) => [t.term, ...t.aliases].map((a) => a.toLowerCase())));
  for (const [alias, owners] of tails) {
    const owner = owners[0];
    if (owners.length !== 1 || !owner || taken.has(alias) || taken.has(`the ${alias}`)) continue;
    (owner as { aliases: string[] }).aliases = [...owner.aliases, alias];
  }
  // "Vantor Energy … Vantor has agreed", "Vantor's chief operating officer": the name without its
  // head, when the article uses it so for the body itself (it acts or owns), not for a place.
  const shorts = new Map<string, Term[]>();
  for (const t of terms) {
    const words = t.term.split(/\s+/);
    if (words.length < 2 || !BODY_HEADS.has(words.at(-1) ?? '') || BODY_HEADS.has(words[0] ?? '')) continue;
    const short = words.slice(0, -1).join(' ');
    if (!words.slice(0, -1).every((w) => /^\p{Lu}/u.test(w)) || /^(?:St|Saint|The)$/.test(short)) continue;
    const acts = new RegExp(
      `\\b${escapeRegExp(short)}(?:[’']s\\b|\\s+(?:has|have|had|is|was|were|will|would|said|says|told|added|announced|agreed|confirmed|plans|planned|expects|declined|denied)\\b)`,
      'u',
    );
    if (acts.test(text)) shorts.set(short, [...(shorts.get(short) ?? []), t]);
  }
  // "Sporting Almada … Almada demanded": the last word of a two-word body name, used alone.
  for (const t of terms) {
    const [head, last, ...more] = t.term.split(/\s+/);
    if (
      !head ||
      !last ||
      more.length > 0 ||
      [head, last].some((w) => BODY_HEADS.has(w) || PLACE_HEADS.has(w))
    )
      continue;
    const alone = new RegExp(`(?<!${escapeRegExp(head)}\\s)\\b${escapeRegExp(last)}\\b`, 'u');
    if (alone.test(text)) shorts.set(last, [...(shorts.get(last) ?? []), t]);
  }
  for (const [short, owners] of shorts) {
    const owner = owners[0];
    if (owners.length !== 1 || !owner || taken.has(short.toLowerCase())) continue;
    (owner as { aliases: string[] }).aliases = [...owner.aliases, short];
  }
}

/** Words an article uses for the business it is about: "the chain's 63 shops", "the firm said". */
const BUSINESS_WORDS = [
  'company',
  'firm',
  'chain',
  'business',
  'retailer',
  'bakery',
  'brand',
  'manufacturer',
  'supplier',
  'operator',
];
/** Heads of public bodies, which "the company" never stands for. */
const PUBLIC_HEADS = new Set(
  'Council Department Ministry University College School Academy Hospital Trust Committee Commission Agency Authority Office Party Association Institute Institution Foundation Society Union Court Police Service Board Parliament Assembly Senate Congress Cabinet Government Standards'.split(
    ' ',
  ),
);

/**
 * "A Yorkshire bakery chain has recalled… Hollins & Vale… the chain's 63 shops": "the chain" (or
 * "the company", "the firm") is the business the article names most, when one business is named
 * more than any other and nothing else in the glossary already goes by those words.
 */
function addBusinessAliases(terms: Term[], bodyNames: readonly string[], article: Article): void {
  const text = article.paragraphs.map((p) => p.text).join('\n');
  const taken = new Set(terms.flatMap((t) => [t.term, ...t.aliases].map((a) => a.toLowerCase())));
  const used = BUSINESS_WORDS.map((w) => `the ${w}`).filter(
    (alias) => !taken.has(alias) && new RegExp(`\\b${alias}\\b`, 'i').test(text),
  );
  if (used.length === 0) return;
  const count = (name: string): number =>
    text.match(new RegExp(`(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])`, 'gu'))?.length ?? 0;
  const businesses = bodyNames
    .filter((name) => !PUBLIC_HEADS.has(name.split(/\s+/).at(-1) ?? ''))
    .map((name) => ({ name, mentions: count(name) }))
    .sort((a, b) => b.mentions - a.mentions);
  const [first, second] = businesses;
  if (!first || first.mentions < 2 || (second && second.mentions >= first.mentions)) return;
  const owner = terms.find((t) => t.term === first.name);
  if (owner) (owner as { aliases: string[] }).aliases = [...owner.aliases, ...used];
}

function aliasesOf(c: Candidate): string[] {
  const aliases = new Set<string>();
  const parts = c.name.split(' ');
  const plain = parts.filter((p) => !NAME_TITLES.has(p.toLowerCase()));
  // "Lord Howard of Lympne": Lord Howard, Howard.
  const ofAt = parts.indexOf('of');
  if (ofAt > 0) aliases.add(parts.slice(0, ofAt).join(' '));
  const core = ofAt > 0 ? plain.slice(0, plain.indexOf('of')) : plain;
  if (core.length >= 2) aliases.add(core.join(' '));
  // A surname that is also an everyday word ("May") would capture that word in questions.
  if (!STOP_WORDS.has(c.surname.toLowerCase())) aliases.add(c.surname);
  for (const title of c.titles) {
    if (NAME_TITLES.has(title) || COURTESY.has(title)) {
      const t = title.charAt(0).toUpperCase() + title.slice(1);
      aliases.add(`${t} ${COURTESY.has(title) ? c.surname : (core[0] ?? c.surname)}`);
    }
  }
  // The role as the article gives it stands for them too: "who is the Foreign Minister?", unless
  // the article uses the word for others ("Councillor Pryce" among "councillors").
  if (c.role) {
    if (!(c.role.split(/\s+/).length === 1 && c.roleShared)) aliases.add(c.role);
    aliases.add(`${c.role} ${c.surname}`);
  }
  aliases.delete(c.name);
  return [...aliases];
}

/** An alias claimed by two people (two Smiths) belongs to neither. */
function dedupeAliases(people: Person[]): void {
  const count = new Map<string, number>();
  for (const p of people)
    for (const a of new Set([p.name, ...p.aliases]))
      count.set(a.toLowerCase(), (count.get(a.toLowerCase()) ?? 0) + 1);
  for (const p of people) {
    (p as { aliases: string[] }).aliases = p.aliases.filter((a) => count.get(a.toLowerCase()) === 1);
  }
}

function before(ws: readonly Word[], i: number): Word | undefined {
  return i > 0 ? ws[i - 1] : undefined;
}

/** "UK Prime Minister", "former UK Prime Minister", "Conservative peer": the words just before a name. */
function roleBefore(ws: readonly Word[], i: number, text: string): string[] {
  const role: string[] = [];
  for (let k = i - 1; k >= 0; k--) {
    const w = ws[k] as Word;
    // Punctuation between this word and the next ends the role ("on Tuesday, Mayor Ana Lopez").
    if (/[,;:.”"()]/.test(text.slice(w.end, ws[k + 1]?.start ?? w.end))) break;
    const n = w.normal;
    const fits =
      ROLE_WORDS.has(n) ||
      (isCapitalised(w) &&
        k > 0 &&
        !w.tags.has('Determiner') &&
        !w.tags.has('Pronoun') &&
        !w.tags.has('Preposition') &&
        !w.tags.has('Verb')) ||
      (isCapitalised(w) &&
        k === 0 &&
        (w.tags.has('Demonym') ||
          w.tags.has('Adjective') ||
          w.tags.has('Place') ||
          w.tags.has('Acronym') ||
          ROLE_WORDS.has(n) ||
          w.tags.has('Honorific') ||
          w.tags.has('Actor')));
    if (
      !fits ||
      w.tags.has('Possessive') ||
      (w.tags.has('Person') && !w.tags.has('Honorific') && !ROLE_WORDS.has(n))
    )
      break;
    role.unshift(bare(w.text));
  }
  // A role is a title, not the start of the sentence ("However" is not a role).
  while (
    role.length > 0 &&
    !ROLE_WORDS.has((role.at(-1) ?? '').toLowerCase()) &&
    !/^[\p{Lu}]/u.test(role.at(-1) ?? '')
  )
    role.pop();
  return role.length > 6 ? [] : role;
}

/** "Tom Hale, a councillor, said": the apposition after a name. */
function roleAfter(sentence: string, last: Word): string {
  const after = sentence.slice(last.end);
  // ", the museum's director,", and without an article a role of something (", chair of the …,").
  const m =
    /^,\s+(?:a|an|the)\s+([^,;.“"]{3,60}?),/.exec(after) ??
    /^,\s+(\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*){0,2}\s+(?:of|at|for)\s+[^,;.“"]{3,60}?),/u.exec(after);
  if (!m?.[1] || /\b(?:who|which|that)\b/.test(m[1])) return '';
  return m[1].trim();
}

/** [start, end] of each quotation (curly or straight double quotes) in a text. */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/“[^”]*”?|"[^"]*"?/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Where each person is named in a text, longest name first, outside quotations. */
function mentionsIn(
  text: string,
  candidates: readonly Candidate[],
): { start: number; end: number; candidate: Candidate }[] {
  const forms: { form: string; candidate: Candidate }[] = [];
  for (const c of candidates)
    for (const form of new Set([c.name, ...aliasesOf(c)])) forms.push({ form, candidate: c });
  return findForms(text, forms);
}

export function findForms<T>(
  text: string,
  forms: readonly { form: string; candidate: T }[],
): { start: number; end: number; candidate: T }[] {
  const sorted = [...forms].sort((a, b) => b.form.length - a.form.length);
  const quoted = quotedRanges(text);
  const taken: { start: number; end: number; candidate: T }[] = [];
  for (const { form, candidate } of sorted) {
    if (form.length < 2) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?:’s|'s)?(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      if (quoted.some(([a, b]) => start >= a && end <= b)) continue;
      taken.push({ start, end, candidate });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

export function pronounsIn(text: string): PronounMention[] {
  const quoted = quotedRanges(text);
  const out: PronounMention[] = [];
  for (const m of text.matchAll(/(?<![\p{L}])(he|him|his|she|her|hers|He|His|She|Her)(?![\p{L}])/gu)) {
    const start = m.index;
    if (quoted.some(([a, b]) => start >= a && start < b)) continue;
    const pronoun = PRONOUNS.get((m[1] ?? '').toLowerCase());
    if (pronoun) out.push({ start, end: start + (m[1]?.length ?? 0), pronoun });
  }
  return out;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms of a person's name that stand for them in running text: capitalised, holding part of the name. */
export function nameForms(person: Person): string[] {
  const nameParts = new Set(person.name.split(/\s+/).filter((p) => /^[\p{Lu}]/u.test(p) && p.length > 1));
  return [person.name, ...person.aliases].filter(
    (a) => /^[\p{Lu}]/u.test(a) && a.split(/\s+/).some((w) => nameParts.has(w.replace(/(?:’s|'s)$/u, ''))),
  );
}
