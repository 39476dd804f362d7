/**
 * Candidate checks: hard requirements a document must meet before its score counts. Each is a
 * small named function; a document that fails one is out, whatever it scored ("what does
 * Germany spend on defence" is not answered by the UK's spending). The trace records which
 * check put a candidate out.
 */
import type { AnalyzedClause, QueryTerm } from './analyzer.ts';
import { typingDistance } from './fuzzy.ts';
import type { KnowledgeBase } from './knowledge.ts';
import { PEOPLE_NOUNS, PRECISE_TIME, STRICT_TYPES } from './lexicon.ts';
import type { ScoredDocument } from './search-index.ts';
import { stem } from './stem.ts';
import { foldText, wordsOf } from './text.ts';
import type { Trace } from './trace.ts';

export interface CandidateCheck {
  readonly name: string;
  /** One line: what the document must have. */
  readonly doc: string;
  passes(kb: KnowledgeBase, result: ScoredDocument, clause: AnalyzedClause): boolean;
}

const isFigure = (term: QueryTerm): boolean => /^\d/.test(term.term);

/** Verbs that follow "what" in questions about events: "what happens next". */
const ASKING_VERBS = new Set([
  'happen',
  'happens',
  'causes',
  'cause',
  'means',
  'mean',
  'remains',
  'matters',
  'comes',
  'goes',
  'makes',
  'counts',
]);

const AUXILIARIES = new Set([
  'does',
  'did',
  'do',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
]);

/** An auxiliary, or one typed a letter off: "what dose paris want". */
function isAuxiliarySlip(word: string): boolean {
  for (const aux of AUXILIARIES) if (typingDistance(word, aux, 1) <= 1) return true;
  return false;
}

/** Kinds of thing a question asks for by their instances: "which countries" is answered by names. */
const CATEGORY_WORDS = new Set(
  "country countries nation nations people person persons individuals leader leaders politician politicians official officials city cities place places town towns state states organisation organisations organization organizations body bodies company companies firm firms group groups member members party parties side sides kind kinds type types sort sorts year years month months week weeks day days date dates time times number numbers amount amounts figure figures percentage percent level levels share proportion total sum role roles job jobs name names word words thing things part parts country's".split(
    ' ',
  ),
);
/** Nouns for what follows from something or why ("what effect", "what impact"): told, not named. */
const RELATION_NOUNS = new Set(
  'effect effects impact impacts consequence consequences outcome outcomes upshot significance'.split(' '),
);
const isYear = (term: QueryTerm): boolean => /^(?:19|20)\d\d$/.test(term.term);

/** "Is Lavrov the Russian president?": only who is asked about must be in the answer. */
/** "What's the helpline number?", "the customer care email address": a way to get in touch, asked for. */
const CONTACT_ASKED =
  / (?:what|whats|which|give me|tell me)\b.*?\b(e ?mail(?: address)?|phone number|telephone number|helpline number|number to call|hotline|website|web address|url)\b/;

/** What "how far", "how long", "how often"… ask for, and the words an answer gives it in. */
const LENGTH_UNITS = 'miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|yards?|feet|foot|ft|inch(?:es)?|cm|mm';
const MEASURES: ReadonlyMap<string, RegExp> = new Map([
  ['far', new RegExp(`\\b(?:${LENGTH_UNITS}|away|walk|drive|ride)\\b`, 'i')],
  [
    'long',
    new RegExp(
      `\\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|since|until|till|overnight|${LENGTH_UNITS})\\b`,
      'i',
    ),
  ],
  [
    'often',
    /\b(?:every|each|daily|weekly|monthly|yearly|annually|hourly|once|twice|times?|a (?:day|week|month|year))\b/i,
  ],
  ['wide', new RegExp(`\\b(?:${LENGTH_UNITS}|lanes?)\\b`, 'i')],
  ['deep', new RegExp(`\\b(?:${LENGTH_UNITS})\\b`, 'i')],
  ['tall', new RegExp(`\\b(?:${LENGTH_UNITS}|storeys?|stories|floors?)\\b`, 'i')],
  ['heavy', /\b(?:kg|kilos?|kilograms?|tonnes?|tons?|pounds|lbs?|grams?)\b/i],
]);

/** Forms of "be" after "who": "who is the head coach?". */
const COPULAS = new Set(['is', 'was', 's', 'are', 'were']);

/** Whether a person term was typed as the person's own name ("Lyle"), not a role ("the chief executive"). */
function namesThem(kb: KnowledgeBase, term: QueryTerm): boolean {
  const person = kb.personById.get(term.term.slice(1));
  if (person === undefined) return true;
  // An office read as its holder ("the chamber's chief executive") carries the holder's id.
  if (term.surface === term.term) return false;
  const own = new Set(wordsOf(foldText(person.name)));
  return wordsOf(foldText(term.surface)).some((w) => own.has(w));
}

/** "Which other countries…", "who else…": others than the ones the reader knows of. */
const ASKS_FOR_OTHERS = / (?:which|what|any) other | (?:who|anyone|anybody) else /;

const checkedTerms = (clause: AnalyzedClause): readonly QueryTerm[] =>
  clause.identityOf === null ? clause.terms : clause.terms.filter((t) => t.term === clause.identityOf);

/** "Britain's ex-premier": the country only says which person is meant. */
export function qualifiesPerson(term: QueryTerm, clause: AnalyzedClause): boolean {
  return (
    !term.term.startsWith('#') &&
    clause.terms.some((t) => t.term.startsWith('#') && t.position === term.position + 1)
  );
}

/** Paragraphs an entity of the headline must be mentioned in to be what the whole story is about. */
const CENTRAL_PARAGRAPHS = 1;
const centralSubjects = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/**
 * The story's own subject: a place or body (not a country) its headline names and its
 * paragraphs mention ("the Eastgate Line", "the Halvern factory"). Every answer is about it,
 * named or not. Countries are sides, not a setting: "the US" must be named.
 */
export function centralSubjectsOf(kb: KnowledgeBase): ReadonlySet<string> {
  const known = centralSubjects.get(kb);
  if (known) return known;
  const inTitle = new Set(kb.analyzer.termsOf(kb.story.title));
  const english = kb.analyzer.language?.english;
  const found = new Set<string>();
  for (const place of kb.places) {
    if (!inTitle.has(place.term)) continue;
    const isCountry = english
      ? (english.gazetteer.phrases.get(place.name.toLowerCase()) ?? []).some((e) => e.kind === 'country')
      : false;
    if (isCountry) continue;
    const paragraphs = kb.article.paragraphs.filter((p) =>
      p.sentences.some((sentence) => {
        const doc = kb.index.documentIndex(sentence.id);
        return doc !== undefined && kb.index.documentHas(doc, place.term);
      }),
    ).length;
    if (paragraphs >= Math.min(CENTRAL_PARAGRAPHS, kb.article.paragraphs.length)) found.add(place.term);
  }
  // "Halifax bakery chain recalls…" of a company the glossary lists as one who speaks ("they",
  // "the bakery chain"): the story is about it as much as about a place in its headline.
  const title = ` ${foldText(kb.story.title)} `;
  for (const person of kb.people) {
    if (person.pronoun !== 'they') continue;
    const forms = [person.name, ...person.aliases].map((f) => foldText(f).replace(/^the /, ''));
    if (forms.some((f) => f.split(' ').length >= 2 && title.includes(` ${f} `))) found.add(`#${person.id}`);
  }
  centralSubjects.set(kb, found);
  return found;
}

/** The document holds every known word of the question that is not a name. */
function holdsEverythingElse(kb: KnowledgeBase, result: ScoredDocument, clause: AnalyzedClause): boolean {
  return clause.terms.every((t) => t.entity || !t.known || kb.index.documentHas(result.doc, t.term));
}

/**
 * "Is the fund still open?" is not corrected by a passage that only shares "open" (a terminal
 * "due to open next spring"): a slip is told by someone else the question names, whom the answer
 * names too ("is Zelensky going to Moscow?"), or by two of its other words.
 */
function holdsEnoughBesides(
  kb: KnowledgeBase,
  result: ScoredDocument,
  clause: AnalyzedClause,
  slip: string,
): boolean {
  const held = clause.terms.filter((t) => t.term !== slip && kb.index.documentHas(result.doc, t.term));
  return held.some((t) => t.entity) || held.filter((t) => t.known).length >= 2;
}

/** How many words before the thing counted its number may stand ("63 shops", "48,000 loaves and rolls", "about 540 more people"). */
const COUNT_REACH = 3;

/** Numbers as words ("two years", "a dozen shops"). */
const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands million millions dozen dozens'.split(
    ' ',
  ),
);

/** "Last year", "this week", "next month": a time told from now, and its unit. */
const RELATIVE_TIME =
  /\b(this|last|next|previous|coming) (year|month|week|season|term|summer|winter|spring|autumn)\b/g;

/** "What is the UK's GDP?", "what's the budget": a short question for one thing's value. */
const WHAT_IS_X = /^what (?:is|was) (?:the |its |their )?((?:[a-z]+ ){0,2}[a-z]+)\s*\??$/;

/** A role someone had before: "former UK Prime Minister", "previously", "used to be". */
const A_FORMER_ROLE = /\b(?:former|formerly|previously|once served|served as|used to be|ex-)/i;

/** An age as news writes it: "67-year-old", "aged 71", "71 years old", ", 71," after a name. */
const AN_AGE =
  /\b\d{1,3}[- ]years?[- ]old\b|\baged \d{1,3}\b|\b[A-Z][a-z]+,? \(?\d{1,3}\)?,|\bage (?:of )?\d{1,3}\b|\b\d{1,3}, (?:a|an|the|who|from|of)\b/;

/** A draft entry or an uncurated article sentence: the article's words, as no person has checked them. */
const isDrafted = (kb: KnowledgeBase, result: ScoredDocument): boolean =>
  result.kind === 'qa' ? kb.entryById.get(result.id)?.draft === true : result.kind === 'sentence';

/** The people and bodies an answer names; an article sentence's read once per knowledge base. */
const sentenceEntities = new WeakMap<KnowledgeBase, Map<string, ReadonlySet<string>>>();
function entitiesIn(kb: KnowledgeBase, result: ScoredDocument): ReadonlySet<string> {
  if (result.kind !== 'sentence') return kb.answerEntities.get(result.id) ?? new Set();
  let memo = sentenceEntities.get(kb);
  if (!memo) {
    memo = new Map();
    sentenceEntities.set(kb, memo);
  }
  let found = memo.get(result.id);
  if (!found) {
    const text = kb.citationOf.get(result.id)?.excerpt ?? kb.article.places.get(result.id)?.text ?? '';
    found = new Set(kb.analyzer.termsOf(text).filter((t) => kb.analyzer.isEntity(t)));
    memo.set(result.id, found);
  }
  return found;
}

/** Whether a candidate names one of the story's people, other than those in `except`. */
function namesAPerson(
  kb: KnowledgeBase,
  result: ScoredDocument,
  except: ReadonlySet<string> = new Set(),
): boolean {
  for (const e of entitiesIn(kb, result)) if (e.startsWith('#') && !except.has(e)) return true;
  return false;
}

/** A term read from a pronoun ("he" as Lord Howard): the reader named no one, so named no one wrongly. */
export const PRONOUN_SURFACE = /^(?:he|she|they|him|her|them|his|hers|their|it|its)$/;

/** "Who runs / heads / founded X?": verbs whose subject is the person in charge of X. */
const LEADS = new Set(
  'runs ran leads led heads headed chairs chaired directs directed manages managed owns owned founded started bosses'.split(
    ' ',
  ),
);

/** "Which two trustees", "which 14 museums": the count and the kind of the members asked for. */
const COUNTED_KIND =
  /^which (\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|other) ([a-z]+s)\b/;

/** What a candidate tells the reader: an entry's answer, or the excerpt of a quote or sentence. */
function answerTextOf(kb: KnowledgeBase, result: ScoredDocument): string {
  return kb.entryById.get(result.id)?.answer ?? kb.citationOf.get(result.id)?.excerpt ?? '';
}

/** "Which country…?", "what nation…?": a country is asked for. */
const COUNTRY_ASKED =
  /^(?:which|what|whats) (?:country|countries|nation|nations)\b|\bin (?:which|what) country\b/;

/** "What is the name of the X?", "what is the X going to be called?": the X (its last word). */
const NAME_ASKED = [
  /\bnames? of (?:the |a |an |his |her |their |its |this |that )?(?:[a-z0-9-]+ ){0,2}?([a-z]+)\W*$/,
  /^(?:what|whats) (?:is |was |are |were |s |will )?(?:the |a |an |his |her |their |its |this |that )?(?:[a-z0-9-]+ ){0,3}?([a-z]+) (?:(?:going to|gonna|to|will) )?(?:be )?(?:called|named|titled)\W*$/,
];
/** "The name of the shipyard he works at": the thing named, followed by more about it. */
const NAME_ASKED_BEFORE_MORE = /\bnames? of (?:the |a |an |his |her |their |its |this |that )([a-z]+) [a-z]/;
/** Capitalised words that open a sentence or stand for someone, and name nothing. */
const NOT_A_NAME = new Set(
  'the a an this that these those his her their its it he she they we i in on at'.split(' '),
);

/**
 * The text names the thing `head` is: a name or title right after it ("the bakery, Crumb and
 * Kettle", "an exhibition called “Home”"), or right before it ("the Crumb and Kettle bakery",
 * "Tom Whitlock, a retired bus driver"), that the question itself does not hold.
 */
function namesIt(
  text: string,
  head: string,
  asked: ReadonlySet<string>,
  notNames: ReadonlySet<string> = new Set(),
): boolean {
  const bare = head.replace(/[^a-z0-9-]/g, '');
  // "the Arden Foundation": the head may be part of the name, capitalised.
  const noun = `[${bare.charAt(0)}${bare.charAt(0).toUpperCase()}]${bare.slice(1)}(?:s|es)?`;
  const word = "\\p{Lu}[\\p{L}’'-]*";
  const after = new RegExp(
    `\\b${noun}\\b[,:]?\\s+(?:(?:called|named|titled|known as)\\s+)?([“"‘]|${word})`,
    'gu',
  );
  const before = new RegExp(
    `(${word})(?:,?\\s+(?:is\\s+|was\\s+|as\\s+)?(?:a|an|the)(?:\\s+[\\p{Ll}\\d][\\p{L}\\d’'-]*){0,4})?\\s+${noun}\\b`,
    'gu',
  );
  const isName = (found: string): boolean =>
    /^[“"‘]$/.test(found) ||
    (!NOT_A_NAME.has(found.toLowerCase()) && !asked.has(foldText(found)) && !notNames.has(foldText(found)));
  return [...text.matchAll(after), ...text.matchAll(before)].some((m) => isName(m[1] ?? ''));
}

/** "artists", "trustees": a plural of a noun that names people. */
function isPeopleNoun(word: string): boolean {
  const singular = word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.replace(/s$/, '');
  return PEOPLE_NOUNS.has(word) || PEOPLE_NOUNS.has(singular);
}

export const CANDIDATE_CHECKS: readonly CandidateCheck[] = [
  {
    name: 'gives-one-of-several-figures',
    doc: 'A question built on two or more figures needs a document giving at least one of them.',
    passes(kb, result, clause) {
      // "Will the UK hit 3% by 2030?": one wrong figure is a guess to correct, but a question built
      // on several figures, none of which the answer gives, is about some other plan or claim.
      const figures = clause.terms.filter(isFigure);
      return figures.length < 2 || figures.some((t) => kb.index.documentHas(result.doc, t.term));
    },
  },
  {
    name: 'names-everyone-asked-about',
    doc: 'Every person, country or body the question names is in the document (a yes/no question may get one story name wrong).',
    passes(kb, result, clause) {
      let slips = 0;
      let unnamed = 0;
      for (const term of checkedTerms(clause)) {
        if (!term.entity || qualifiesPerson(term, clause) || kb.index.documentHas(result.doc, term.term))
          continue;
        // "How many passengers will use the Eastgate Line?": an answer about the story's own
        // subject, named in its headline, is about it though it leaves the name out.
        if (
          (term.term.startsWith('#') || kb.places.some((p) => p.term === term.term)) &&
          unnamed === 0 &&
          centralSubjectsOf(kb).has(term.term)
        ) {
          unnamed++;
          continue;
        }
        // "Is Zelensky going to Moscow?": a yes/no question may get one name wrong when the answer
        // holds everything else it asks; the answer (Washington) corrects it. Only a name from the
        // story can be a slip: "did China vote with the US" asks about China.
        // A pronoun is no slip: "does he support Trump?" after Lord Howard asks about Howard.
        if (
          kb.storyEntities.has(term.term) &&
          clause.type === 'yes-no' &&
          !PRONOUN_SURFACE.test(term.surface) &&
          slips === 0 &&
          holdsEverythingElse(kb, result, clause) &&
          holdsEnoughBesides(kb, result, clause, term.term)
        ) {
          slips++;
          continue;
        }
        return false;
      }
      return true;
    },
  },
  {
    name: 'names-someone-besides-the-one-acted-on',
    doc: '"Who is pushing the mayor to resign?": the one named after the verb is acted on, so the answer must name someone else.',
    passes(kb, result, clause) {
      if (result.kind === 'gap' || clause.type !== 'who') return true;
      const words = wordsOf(clause.folded);
      if (words[0] !== 'who') return true;
      let verb = 1;
      while (AUXILIARIES.has(words[verb] ?? '')) verb++;
      // "Who is Starmer meeting?", "who did Trump call a dictator?": the one named does it.
      // "…, according to Trump?": the one named only says it.
      const named = clause.terms.filter(
        (t) =>
          t.term.startsWith('#') &&
          !(words[t.position - 1] === 'to' && words[t.position - 2] === 'according'),
      );
      // "Who is the chamber's chief executive?", "who is the head coach?": the one a role picks out
      // is the answer itself.
      if (COPULAS.has(words[1] ?? '') && named.length > 0 && named.every((t) => !namesThem(kb, t)))
        return true;
      // "Who did he say that to?": a pronoun there is the one who does it too.
      const subjectIsAPronoun = /^(?:he|she|they|it|i|we|you)$/.test(words[verb] ?? '');
      if (verb === 1 || subjectIsAPronoun || named.length === 0 || named.some((t) => t.position <= verb))
        return true;
      return namesAPerson(kb, result, new Set(named.map((t) => t.term)));
    },
  },
  {
    name: 'names-whoever-runs-it',
    doc: '"Who runs the Arden Foundation?": whoever leads a body is a person, so the answer must name someone besides what was named.',
    passes(kb, result, clause) {
      if (result.kind === 'gap' || clause.type !== 'who') return true;
      const words = wordsOf(clause.folded);
      if (words[0] !== 'who' || !LEADS.has(words[1] ?? '')) return true;
      const asked = new Set(clause.terms.filter((t) => t.entity).map((t) => t.term));
      return asked.size === 0 || namesAPerson(kb, result, asked);
    },
  },
  {
    name: 'names-the-people-asked-for',
    doc: '"Which Okande artists are co-curating it?", "which trustee voted against?": people asked for by kind must be named, not only described.',
    passes(kb, result, clause) {
      if (result.kind === 'gap') return true;
      const words = wordsOf(clause.folded);
      if (words[0] !== 'which' || !words.slice(1, 4).some(isPeopleNoun)) return true;
      // Any person: "which member of the House of Lords…?" may itself read as the one it asks for.
      return namesAPerson(kb, result);
    },
  },
  {
    name: 'a-draft-names-who-was-asked-for',
    doc: '"Who are the investors?", "which two clubs made offers?": a draft entry (the article\'s sentence as it stands) must name someone the question does not.',
    passes(kb, result, clause) {
      if (!isDrafted(kb, result)) return true;
      const words = wordsOf(clause.folded);
      // "Who is Kinnear?" names the one asked about; "who is the medical director?" asks for a name.
      const asksForNames =
        (clause.type === 'who' && clause.terms.some((t) => !t.entity && t.known)) ||
        (words[0] === 'which' && words.slice(1, 4).some((w) => /[^s]s$/.test(w) && !AUXILIARIES.has(w))) ||
        /\bwhat (?:is|was|are|were) the names? of\b/.test(clause.folded);
      if (!asksForNames) return true;
      const named = new Set(clause.terms.map((t) => t.term));
      // "Which Okande artists…?" asks for people: a place the sentence names is no answer.
      const people = words[0] === 'which' && words.slice(1, 4).some(isPeopleNoun);
      return [...entitiesIn(kb, result)].some((e) => !named.has(e) && (!people || e.startsWith('#')));
    },
  },
  {
    name: 'names-the-ones-asked-for',
    doc: '"Which two trustees...", "which 14 museums...": an answer that counts them the same way ("two trustees") does not name them.',
    passes(kb, result, clause) {
      if (result.kind === 'gap') return true;
      const asked = COUNTED_KIND.exec(clause.folded);
      if (!asked) return true;
      const [, count, kind] = asked as unknown as [string, string, string];
      const text = foldText(answerTextOf(kb, result));
      return !new RegExp(`\\b${count} (?:[a-z]+ )?${kind}\\b`).test(text);
    },
  },
  {
    name: 'gives-the-name-asked-for',
    doc: '"What is the name of his granddaughter?": an answer that only says "his granddaughter" does not name her.',
    passes(kb, result, clause) {
      if (result.kind === 'gap') return true;
      const head = NAME_ASKED.map((pattern) => pattern.exec(clause.folded)?.[1]).find((h) => h !== undefined);
      const asked = new Set(wordsOf(clause.folded));
      if (head === undefined) {
        // "The name of the shipyard he works at?": "a Belfast shipyard" says where it is, not its name.
        const thing = NAME_ASKED_BEFORE_MORE.exec(clause.folded)?.[1];
        // "The name of the person in charge": whoever the rest picks out, named as a person is.
        if (thing === undefined || asked.has('called') || isPeopleNoun(thing)) return true;
        const places = new Set(kb.places.map((p) => foldText(p.name)));
        return namesIt(answerTextOf(kb, result), thing, asked, places);
      }
      if (head === 'name') return true;
      const text = answerTextOf(kb, result);
      return namesIt(text, head, asked);
    },
  },
  {
    name: 'names-the-country-asked-for',
    doc: '"Which country is the Okande region in?": the answer must name a country of the world.',
    passes(kb, result, clause) {
      if (result.kind === 'gap' || !COUNTRY_ASKED.test(clause.folded)) return true;
      // "Which country is Lavrov from?": the glossary's country of a person answers it (a rule).
      if (clause.persons.length > 0) return true;
      const text = answerTextOf(kb, result);
      return kb.analyzer.namesACountry(text);
    },
  },
  {
    name: 'holds-what-is-asked-for',
    doc: '"What interest rate...", "which hospital...": the thing a what/which question asks for must be in the document.',
    passes(kb, result, clause) {
      // The word right after "what"/"which" names what is asked for; a kind of thing answered by
      // instances ("which countries", "what people") is not itself in the answer.
      const words = wordsOf(clause.folded);
      if (words[0] !== 'what' && words[0] !== 'which') return true;
      const asked = clause.terms.find((t) => t.position === 1);
      const word = words[1] ?? '';
      if (!asked || asked.entity || /^\d/.test(asked.term) || CATEGORY_WORDS.has(word)) return true;
      // "Which two countries…": a number of a kind of thing, answered by instances.
      if ((/^\d/.test(word) || NUMBER_WORDS.has(word)) && CATEGORY_WORDS.has(words[2] ?? '')) return true;
      // "What nasty name…": a word the story never uses before a kind of thing ("name") only
      // describes it; the kind is what is asked for.
      if (!asked.known && CATEGORY_WORDS.has(words[2] ?? '')) return true;
      // "What effect did the vote have?": what followed from it, which the answer tells in its own words.
      if (RELATION_NOUNS.has(word)) return true;
      // "What happened...", "what causes...": a verb, not the thing asked for.
      if (/(?:ed|ing)$/.test(word) || ASKING_VERBS.has(word) || isAuxiliarySlip(word)) return true;
      if (kb.index.documentHas(result.doc, asked.term)) return true;
      // "Which minister…?" of "Foreign Minister Sergei Lavrov": the title is read into his name.
      return isPeopleNoun(word) && namesAPerson(kb, result);
    },
  },
  {
    name: 'gives-the-year-asked',
    doc: 'A year in a question that is not yes/no sets the time asked about: the document must give it.',
    passes(kb, result, clause) {
      // "What will UK defence spending be in 2030?"
      if (clause.type === 'yes-no') return true;
      return checkedTerms(clause).every((t) => !isYear(t) || kb.index.documentHas(result.doc, t.term));
    },
  },
  {
    name: 'gives-the-figure-of-a-strict-question',
    doc: 'A why/when/where/how-many question that gives a figure needs a document with that figure.',
    passes(kb, result, clause) {
      // "When will the UK reach 3%?" asks about a plan the article does not report.
      if (!STRICT_TYPES.has(clause.type)) return true;
      return checkedTerms(clause).every((t) => !isFigure(t) || kb.index.documentHas(result.doc, t.term));
    },
  },
  {
    name: 'gives-a-figure-not-asked',
    doc: '"How much of the £410,000 is for insurance?": a how-much question giving a figure needs an answer with another one.',
    passes(kb, result, clause) {
      if (clause.type !== 'how-many') return true;
      const asked = new Set(
        checkedTerms(clause)
          .filter(isFigure)
          .map((t) => t.term),
      );
      if (asked.size === 0) return true;
      const text = answerTextOf(kb, result);
      // A year sets the time asked about ("how many by 2027?"); it is no figure to give back.
      const given = wordsOf(foldText(text)).filter((w) => /^\d/.test(w) && !/^(?:19|20)\d\d$/.test(w));
      return given.some((figure) => !asked.has(figure));
    },
  },
];

/** Every candidate check passes; gaps always pass (declining is always safe). */
export function fits(
  kb: KnowledgeBase,
  result: ScoredDocument,
  clause: AnalyzedClause,
  trace?: Trace,
): boolean {
  if (result.kind === 'gap') return true;
  for (const check of CANDIDATE_CHECKS) {
    if (!check.passes(kb, result, clause)) {
      trace?.rejected(result, check.name);
      return false;
    }
  }
  return true;
}

/** A how-much question about money: what something costs, is paid, spent, raised or borrowed. */
const MONEY_ASKED =
  /\bhow much\b.*\b(?:cost|costs|costing|pay|pays|paid|paying|spend|spends|spent|spending|worth|price|borrow|borrowed|borrowing|raise|raised|raising|money|cash|fund|funding|budget)\b/;
/** An amount of money (or a share of one) in an answer. */
const MONEY_GIVEN =
  /[£$€¥]|\b(?:pounds?|dollars?|euros?|million|billion|trillion|bn|per cent|percent)\b|%|\d+(?:\.\d+)?m\b/i;

/** Words that ask for a size ("how big"), not what is measured. */
const SIZE_WORDS = new Set(
  'big bigger large larger huge small much many long far high tall old size number amount total exactly roughly about money cash'.split(
    ' ',
  ),
);

/** Checks that a document can answer this kind of question (why, when, did it happen...). */
export const TYPE_CHECKS: readonly CandidateCheck[] = [
  {
    name: 'not-a-plan-for-did-it-happen',
    doc: 'A question whether something happened is not answered by an entry reporting a plan.',
    passes: (kb, result, clause) => !(clause.happened && kb.entryById.get(result.id)?.planned),
  },
  {
    name: 'did-it-happen-gap-only-for-did-it-happen',
    doc: 'A known gap asking only whether something happened declines only such questions.',
    passes: (kb, result, clause) => clause.happened || !kb.happenedGaps.has(result.id),
  },
  {
    name: 'gives-a-precise-time',
    doc: '"What time" and "what date" questions need an answer with a clock time or a calendar date.',
    passes(kb, result, clause) {
      if (clause.precision === null || kb.gapById.has(result.id)) return true;
      // "What time is Zelensky arriving?": "on Friday" is a day, not a time.
      const text = answerTextOf(kb, result);
      return PRECISE_TIME[clause.precision].test(text);
    },
  },
  {
    name: 'keeps-the-time-asked',
    doc: '"How many alerts did it issue last year?": an answer about this year (or next) is about another time.',
    passes(kb, result, clause) {
      if (kb.gapById.has(result.id)) return true;
      const asked = [...` ${clause.folded} `.matchAll(RELATIVE_TIME)];
      if (asked.length === 0) return true;
      const text = ` ${foldText(answerTextOf(kb, result))} `;
      return asked.every(([, which, unit]) => {
        const given = [...text.matchAll(RELATIVE_TIME)].filter((m) => m[2] === unit);
        return given.length === 0 || given.some((m) => m[1] === which);
      });
    },
  },
  {
    name: 'gives-the-thing-not-a-share-of-it',
    doc: '"What is the UK\'s GDP?": an answer giving only a share of it ("2.5% of GDP") does not give it.',
    passes(kb, result, clause) {
      const asked = WHAT_IS_X.exec(clause.folded)?.[1];
      if (asked === undefined || kb.gapById.has(result.id)) return true;
      const thing = wordsOf(asked).at(-1) ?? '';
      const text = foldText(answerTextOf(kb, result));
      const mentions = text.match(new RegExp(`\\b${thing}\\b`, 'g'))?.length ?? 0;
      const shares =
        text.match(new RegExp(`\\d(?:\\.\\d+)? percent\\s+of (?:the |its |their )?${thing}\\b`, 'g'))
          ?.length ?? 0;
      return mentions === 0 || shares < mentions;
    },
  },
  {
    name: 'about-the-one-asked-now',
    doc: '"And the mayor?" after a yes-no question about the minister: an answer whose first person is the minister is still about them.',
    passes(kb, result, clause) {
      const setAside = clause.setAside ?? [];
      if (setAside.length === 0 || kb.gapById.has(result.id)) return true;
      const first = kb.analyzer.termsOf(answerTextOf(kb, result)).find((t) => t.startsWith('#'));
      return first === undefined || !setAside.includes(first);
    },
  },
  {
    name: 'others-do-what-was-asked',
    doc: '"Which other countries have promised troops?": an answer about others must say what they do (every word the question asks of them).',
    passes(kb, result, clause) {
      if (!ASKS_FOR_OTHERS.test(` ${clause.folded} `) || kb.gapById.has(result.id)) return true;
      return clause.terms
        .filter((t) => t.known && !t.entity && !t.term.startsWith('#'))
        .every((t) => kb.index.documentHas(result.doc, t.term));
    },
  },
  {
    name: 'gives-the-career-asked',
    doc: '"What jobs has he held before?": an answer that says what someone was before ("former", "previously"), not only what they are.',
    passes(kb, result, clause) {
      if (clause.personalDetail !== 'career before' || kb.gapById.has(result.id)) return true;
      return A_FORMER_ROLE.test(answerTextOf(kb, result));
    },
  },
  {
    name: 'gives-the-age-asked',
    doc: '"How old is she?": an answer that gives an age ("a 67-year-old", "aged 71", "Derek Fairclough, 71,"), not another figure.',
    passes(kb, result, clause) {
      if (clause.personalDetail !== 'age' || kb.gapById.has(result.id)) return true;
      return AN_AGE.test(answerTextOf(kb, result));
    },
  },
  {
    name: 'gives-the-measure-asked',
    doc: '"How far away is it?", "how long has she been in charge?", "how often does it run?": an answer giving that kind of measure, not just any figure or date.',
    passes(kb, result, clause) {
      if (clause.type !== 'how-many' || kb.gapById.has(result.id)) return true;
      const words = wordsOf(clause.folded);
      const measure = MEASURES.get(words[words.indexOf('how') + 1] ?? '');
      return measure === undefined || measure.test(answerTextOf(kb, result));
    },
  },
  {
    name: 'gives-the-contact-asked',
    doc: '"What is the customer care email address?": an answer that gives one (an email, a phone number, a web address), not only that there is one.',
    passes(kb, result, clause) {
      const asked = CONTACT_ASKED.exec(` ${clause.folded} `)?.[1];
      if (asked === undefined || kb.gapById.has(result.id)) return true;
      const text = answerTextOf(kb, result);
      if (/mail/.test(asked)) return /\S@\S/.test(text);
      if (/phone|number|call/.test(asked)) return /\d[\d ]{6,}\d/.test(text);
      return /\bwww\.|https?:\/\/|\.(?:com|org|net|co\.uk|gov\.uk|org\.uk)\b/i.test(text);
    },
  },
  {
    name: 'gives-an-amount-of-money',
    doc: '"How much did the first line cost?": a how-much question about money needs an answer with an amount.',
    passes(kb, result, clause) {
      if (clause.type !== 'how-many' || kb.gapById.has(result.id) || !MONEY_ASKED.test(` ${clause.folded} `))
        return true;
      const text = answerTextOf(kb, result);
      return MONEY_GIVEN.test(text);
    },
  },
  {
    name: 'measures-what-was-asked',
    doc: '"How big is the army?": a how-much or how-many answer must hold the thing measured, not only another figure.',
    passes(kb, result, clause) {
      if (clause.type !== 'how-many' || kb.gapById.has(result.id)) return true;
      const measured = [...clause.terms]
        .sort((a, b) => a.position - b.position)
        .find((t) => !t.entity && t.known && !t.term.startsWith('#') && !SIZE_WORDS.has(t.surface));
      if (measured === undefined) return true;
      const doc = kb.index.documentIndex(result.id);
      return doc === undefined || kb.index.documentHas(doc, measured.term);
    },
  },
  {
    name: 'a-draft-counts-what-was-asked',
    doc: '"How many beds does the hospital have?": what a how-many question counts must be a word of the story for a draft entry or an uncurated sentence to give its number.',
    passes(kb, result, clause) {
      if (clause.type !== 'how-many' || !isDrafted(kb, result)) return true;
      // "how many beds", "how many hospital beds": the words right after "how many".
      const words = wordsOf(clause.folded);
      const at = words.findIndex((w, i) => w === 'many' && words[i - 1] === 'how');
      if (at === -1) return true;
      const counted = clause.terms.filter((t) => t.position === at + 1 || t.position === at + 2);
      const first = counted.find((t) => t.position === at + 1);
      return first === undefined || first.known || first.entity || counted.some((t) => t.known && !t.entity);
    },
  },
  {
    name: 'a-draft-counts-the-thing-asked',
    doc: '"How much sesame was in each loaf?": a draft entry or an uncurated sentence gives the number asked for only when it stands by the thing counted ("48,000 loaves" counts loaves).',
    passes(kb, result, clause) {
      if (clause.type !== 'how-many' || !isDrafted(kb, result) || MONEY_ASKED.test(` ${clause.folded} `))
        return true;
      const words = wordsOf(clause.folded);
      const at = words.findIndex((w, i) => (w === 'many' || w === 'much') && words[i - 1] === 'how');
      const counted = at === -1 ? undefined : clause.terms.find((t) => t.position === at + 1);
      if (!counted || counted.entity || !counted.known || SIZE_WORDS.has(counted.surface)) return true;
      const text = wordsOf(foldText(answerTextOf(kb, result)));
      return text.some(
        (w, i) =>
          stem(w) === counted.term &&
          text.slice(Math.max(0, i - COUNT_REACH), i).some((n) => /^\d/.test(n) || NUMBER_WORDS.has(n)),
      );
    },
  },
  {
    name: 'answers-the-question-type',
    doc: 'Why/when/where/how-many questions need an entry that answers that kind; a gap declines only the kinds it was written for.',
    passes(kb, result, clause) {
      const types = kb.answerTypes.get(result.id);
      if (!types) return false;
      if (STRICT_TYPES.has(clause.type)) return types.has(clause.type);
      if (!kb.gapById.has(result.id)) return true;
      // "Who commented on the vote?" is not declined by "did Starmer comment on the vote?": a
      // who-question asks for a person, and a gap declines it only when it was asked that way.
      if (clause.type === 'who') return types.has('who');
      return [...types].some((t) => !STRICT_TYPES.has(t));
    },
  },
];

/** The document can answer this kind of question. */
export function supportsType(
  kb: KnowledgeBase,
  result: ScoredDocument,
  clause: AnalyzedClause,
  trace?: Trace,
): boolean {
  for (const check of TYPE_CHECKS) {
    if (!check.passes(kb, result, clause)) {
      trace?.rejected(result, check.name);
      return false;
    }
  }
  return true;
}
