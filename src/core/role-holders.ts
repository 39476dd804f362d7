/**
 * "The bakery lady", "the transport chair", "the bus driver": a person named by what they do, as
 * the glossary's roles describe them. When exactly one person's role fits, the question is about
 * them (and, with "say", their words are asked).
 */
import type { AnalyzedClause } from './analyzer.ts';
import { withPerson } from './conversation.ts';
import type { KnowledgeBase } from './knowledge.ts';
import { stem } from './stem.ts';
import { foldText, wordsOf } from './text.ts';

/** Words that name a person by what they are; the generic ones say only "a person". */
const PERSON_NOUNS = new Set([
  'owner',
  'boss',
  'chief',
  'head',
  'leader',
  'chair',
  'chairman',
  'chairwoman',
  'chairperson',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'director',
  'founder',
  'manager',
  'expert',
  'economist',
  'councillor',
  'councilor',
  'driver',
  'resident',
  'professor',
  'executive',
  'official',
  'worker',
  'employee',
  'secretary',
  'minister',
  'mayor',
  'campaigner',
  'activist',
  'analyst',
  'lady',
  'man',
  'woman',
  'guy',
  'bloke',
  'person',
  'fella',
  'gentleman',
]);
const GENERIC = new Set(['lady', 'man', 'woman', 'guy', 'bloke', 'person', 'fella', 'gentleman']);

const roleStems = new WeakMap<KnowledgeBase, ReadonlyMap<string, ReadonlySet<string>>>();

/** Each person's role as stems of its words, once per knowledge base. */
function stemsOfRoles(kb: KnowledgeBase): ReadonlyMap<string, ReadonlySet<string>> {
  let found = roleStems.get(kb);
  if (!found) {
    found = new Map(
      kb.people.map((p) => [p.id, new Set(wordsOf(foldText(p.role ?? '')).map(stem))] as const),
    );
    roleStems.set(kb, found);
  }
  return found;
}

/** The clause about the one person its role words name, or the clause as it was. */
export function readRoleHolder(kb: KnowledgeBase, clause: AnalyzedClause): AnalyzedClause {
  if (clause.persons.length > 0 || kb.people.length === 0) return clause;
  const words = wordsOf(clause.folded);
  const at = words.findIndex((w, i) => i > 0 && PERSON_NOUNS.has(w));
  if (at === -1) return clause;
  const noun = words[at] as string;
  const modifier = words[at - 1] as string;
  const roles = stemsOfRoles(kb);
  // The word before the noun ("bakery", "transport", "bus") must be in the role; of those, the
  // one whose role has the noun too ("chairs") when the noun says more than "a person".
  const withModifier = kb.people.filter((p) => roles.get(p.id)?.has(stem(modifier)) ?? false);
  const withNoun = GENERIC.has(noun)
    ? []
    : withModifier.filter((p) => roles.get(p.id)?.has(stem(noun)) ?? false);
  const fits = withNoun.length > 0 ? withNoun : withModifier;
  if (fits.length !== 1) return clause;
  const person = fits[0] as (typeof fits)[number];
  // The role words only said who: "the transport chair" asks nothing about transport.
  const role = roles.get(person.id) ?? new Set<string>();
  const said = new Set([modifier, noun].filter((w) => GENERIC.has(w) || role.has(stem(w))));
  // "The trading standards manager" of a manager "at West Yorkshire Trading Standards": a phrase
  // of the role before the noun says who too.
  const ofTheRole = (t: (typeof clause.terms)[number]): boolean =>
    t.position < at && wordsOf(t.surface).every((w) => role.has(stem(w)));
  const rest = clause.terms.filter((t) => !said.has(t.surface) && !ofTheRole(t));
  return withPerson({ ...clause, terms: rest }, `#${person.id}`);
}
