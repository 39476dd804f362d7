/**
 * Who said what, read from the article: every quotation in curly or straight double quotes with
 * its speaker (from attribution: "he told reporters", "said X", "X said", "according to X",
 * else the last person named), and the statements it reports with a reporting verb ("claimed",
 * "urged", "warned", "described ... as", "said that"). Every text is verbatim at its citation.
 */
import type { Article, Paragraph } from '../article.ts';
import { idFrom } from '../issue-messages.ts';
import { ASIDE_ADVERBS as ASIDE_ADVERB_WORDS } from '../lexicon.ts';
import type { Person, QuoteEntry } from '../schema.ts';
import { findForms, nameForms, pronounsIn, quotedRanges } from './people.ts';
import { nounPhrases } from './questions.ts';

/** A quote as extracted: everything but its topic, which the Q&A decides. */
export type ExtractedQuote = Omit<QuoteEntry, 'topic'>;

/** Verbs that attribute a quotation to its speaker ("…,” she said). */
const ATTRIBUTION =
  'said|says|told|tells|added|adds|asked|asks|explained|wrote|writes|insisted|argued|warned|claimed|stated|declared|replied|recalled|noted|continued|admitted|joked|stressed';

/** Reporting verbs: lemma, its forms, and what must follow for it to report a statement. */
const REPORTING: readonly { forms: RegExp; past: string; needs?: RegExp }[] = [
  { forms: /^(?:say|says|said|saying)$/i, past: 'said' },
  { forms: /^(?:claim|claims|claimed|claiming)$/i, past: 'claimed' },
  { forms: /^(?:urge|urges|urged|urging)$/i, past: 'urged' },
  {
    forms: /^(?:warn|warns|warned|warning)$/i,
    past: 'warned',
    needs: /^(?:that|of|against|\p{L}+\s+(?:that|not|to|of|against))\b/u,
  },
  { forms: /^(?:describe|describes|described|describing)$/i, past: 'described', needs: /^[^,;.]*?\bas\b/ },
  { forms: /^(?:state|states|stated|stating)$/i, past: 'stated', needs: /^that\b/ },
  {
    forms: /^(?:announce|announces|announced|announcing)$/i,
    past: 'announced',
    needs: /^(?:that|plans?|a|an|the)\b/,
  },
  { forms: /^(?:insist|insists|insisted|insisting)$/i, past: 'insisted' },
  { forms: /^(?:argue|argues|argued|arguing)$/i, past: 'argued' },
  { forms: /^(?:add|adds|added|adding)$/i, past: 'added', needs: /^that\b/ },
  { forms: /^(?:believe|believes|believed|believing)$/i, past: 'believes' },
  {
    forms: /^(?:suggest|suggests|suggested|suggesting)$/i,
    past: 'suggested',
    needs: /^(?:that|\p{L}+\s+(?:is|was|are|were|would|will|had|has|could|should|might))\b/u,
  },
  { forms: /^(?:accuse|accuses|accused|accusing)$/i, past: 'accused' },
  { forms: /^(?:deny|denies|denied|denying)$/i, past: 'denied' },
  { forms: /^(?:admit|admits|admitted|admitting)$/i, past: 'admitted' },
  { forms: /^(?:promise|promises|promised|promising)$/i, past: 'promised', needs: /^(?:to|that)\b/ },
  { forms: /^(?:pledge|pledges|pledged|pledging)$/i, past: 'pledged', needs: /^(?:to|that)\b/ },
  { forms: /^(?:vow|vows|vowed|vowing)$/i, past: 'vowed' },
  { forms: /^(?:predict|predicts|predicted|predicting)$/i, past: 'predicted' },
  { forms: /^(?:confirm|confirms|confirmed|confirming)$/i, past: 'confirmed', needs: /^that\b/ },
  { forms: /^(?:stress|stresses|stressed|stressing)$/i, past: 'stressed', needs: /^that\b/ },
  { forms: /^(?:explain|explains|explained|explaining)$/i, past: 'explained', needs: /^that\b/ },
  { forms: /^(?:note|notes|noted|noting)$/i, past: 'noted', needs: /^that\b/ },
  { forms: /^(?:call|calls|called|calling)$/i, past: 'called', needs: /^(?:for|on)\b/ },
  { forms: /^(?:demand|demands|demanded|demanding)$/i, past: 'demanded' },
  { forms: /^(?:propose|proposes|proposed|proposing)$/i, past: 'proposed', needs: /^(?:that|to)\b/ },
  { forms: /^(?:tell|tells|told|telling)$/i, past: 'told', needs: /^\p{L}+\s+(?:that|to)\b/u },
];

/** Words between a speaker and their verb that do not change who speaks ("has", "also"). */
const BETWEEN = new Set(
  'has have had is are was were will would also has been repeatedly previously recently then later reportedly again once had already has long'.split(
    ' ',
  ),
);

interface Mention {
  readonly start: number;
  readonly end: number;
  /** A person id, or null for a pronoun not yet resolved. */
  readonly person: string | null;
  readonly pronoun?: 'he' | 'she';
}

/** Every quotation and reported statement, attributed to one of `people`. */
export function extractQuotes(
  article: Article,
  people: readonly Person[],
  options: {
    /** Ids of the bodies among `people`: named by every alias ("the council"), never a pronoun's. */
    readonly bodies?: ReadonlySet<string>;
  } = {},
): ExtractedQuote[] {
  const bodies = options.bodies ?? new Set<string>();
  const forms = people.flatMap((p) =>
    (bodies.has(p.id) ? bodyForms(p) : nameForms(p)).map((form) => ({ form, candidate: p.id })),
  );
  const pronounOf = new Map(people.map((p) => [p.id, p.pronoun]));
  const quotes: ExtractedQuote[] = [];
  const ids = new Set<string>();
  const idFor = (speaker: string, text: string): string => {
    const words = idFrom(text)
      .split('-')
      .filter((w) => w.length > 2)
      .slice(0, 4)
      .join('-');
    const base = `${speaker}-${words || 'quote'}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const nameOf = new Map(people.map((p) => [p.id, p.name]));

  let lastNamed: string | null = null;
  for (const paragraph of article.paragraphs) {
    const text = paragraph.text;
    const mentions: Mention[] = [
      ...findForms(text, forms).map((m) => ({ start: m.start, end: m.end, person: m.candidate })),
      ...pronounsIn(text)
        .filter((p) => !/^(?:his|her|him|hers)$/i.test(text.slice(p.start, p.end)))
        .map((p) => ({ start: p.start, end: p.end, person: null, pronoun: p.pronoun })),
    ].sort((a, b) => a.start - b.start);

    // Who a pronoun at this offset means: the latest person named before it whom it fits.
    const resolve = (m: Mention): string | null => {
      if (m.person) return m.person;
      const earlier = mentions.filter((e) => e.person && !bodies.has(e.person) && e.end <= m.start).reverse();
      const fit = earlier.find((e) => pronounOf.get(e.person as string) === m.pronoun || !m.pronoun);
      return (
        fit?.person ??
        (lastNamed && pronounOf.get(lastNamed) === m.pronoun ? lastNamed : (earlier[0]?.person ?? lastNamed))
      );
    };
    const lastBefore = (offset: number): string | null => {
      const earlier = mentions.filter((m) => m.end <= offset);
      const last = earlier.at(-1);
      return last ? resolve(last) : lastNamed;
    };
    const mentionAt = (start: number, end: number): Mention | undefined =>
      mentions.find((m) => m.start >= start && m.end <= end);

    const sentenceAt = (offset: number) =>
      sentenceSpans(paragraph).find((s) => offset >= s.start && offset < s.end);
    const citeFor = (start: number, end: number): string => {
      const s = sentenceAt(start);
      return s && end <= s.end ? s.id : paragraph.id;
    };

    // Direct quotations.
    const ranges = quotedRanges(text);
    for (const [start, end] of ranges) {
      const raw = text.slice(start, end);
      if (!/[”"]$/.test(raw)) continue; // never closed: not a quotation we can cite
      const inner = raw.slice(1, -1).trim().replace(/[,.]$/, '').trim();
      if (!/[\p{L}\p{N}]/u.test(inner)) continue;
      const sentence = sentenceAt(start);
      const sStart = sentence?.start ?? 0;
      const sEnd = sentence?.end ?? text.length;
      // A quotation of two sentences is attributed after its last: what follows it is in that one.
      const tailEnd = sentenceAt(Math.max(start, end - 1))?.end ?? sEnd;
      const tail = text.slice(end, Math.min(Math.max(sEnd, tailEnd), end + 80));
      const head = text.slice(sStart, start);
      let speaker: string | null = null;
      let context = 'in the article';
      const words = inner.split(/\s+/).length;
      const pronounAfter = new RegExp(
        `^,?\\s*(he|she|they)\\s+((?:${ATTRIBUTION})(?:\\s+\\p{L}+)?)`,
        'iu',
      ).exec(tail);
      const verbThenName = new RegExp(`^,?\\s*(${ATTRIBUTION})\\s+`, 'iu').exec(tail);
      const nameThenVerb = mentionAt(end, end + 4 + 60);
      if (pronounAfter) {
        const m = mentions.find((x) => x.start >= end && x.start <= end + 4 && !x.person);
        speaker = m ? resolve(m) : lastBefore(start);
        context = (pronounAfter[2] ?? 'said').toLowerCase();
      } else if (verbThenName) {
        const m = mentionAt(end, end + verbThenName[0].length + 60);
        if (m && m.start - end <= verbThenName[0].length + 40) {
          speaker = resolve(m);
          context = (verbThenName[1] ?? 'said').toLowerCase();
        }
      }
      if (!speaker && nameThenVerb) {
        const afterName = text.slice(nameThenVerb.end, nameThenVerb.end + 40);
        const between = text.slice(end, nameThenVerb.start);
        const verb = new RegExp(
          `^\\s*((?:${ATTRIBUTION})(?:\\s+(?:a |an |the )?[\\p{L}]+(?:\\s+conference|\\s+briefing)?)?)`,
          'iu',
        ).exec(afterName);
        if (verb && /^[\s,\p{Ll}\p{Lu}'’-]*$/u.test(between) && between.length < 50) {
          speaker = resolve(nameThenVerb);
          context = (verb[1] ?? 'said').toLowerCase();
        }
      }
      if (!speaker) {
        // Before the quotation: "X said: “…”", "said X, “…”".
        const lead = new RegExp(`(?:${ATTRIBUTION})(?:\\s+[^“"]{0,40})?[:,]?\\s*$`, 'iu').exec(head);
        if (lead) {
          const m = mentions.filter((x) => x.end <= start && x.start >= sStart).at(-1);
          if (m) {
            speaker = resolve(m);
            context = (/^(\p{L}+)/u.exec(lead[0])?.[1] ?? 'said').toLowerCase();
          }
        }
      }
      if (!speaker) {
        const according = /according to\s+/i.exec(text.slice(sStart, sEnd));
        if (according) {
          // "according to the report's author, chartered structural engineer Helen Castell".
          const m = mentionAt(sStart + according.index, sStart + according.index + according[0].length + 90);
          if (m) {
            speaker = resolve(m);
            context = 'according to the article';
          }
        }
      }
      // "…,” said a spokesperson for the trust; "A local resident said: “…”": the quotation's own
      // attribution names someone the article does not name: not whoever was named before.
      if (!speaker && unnamedAttribution(tail, head)) continue;
      if (!speaker && words <= 3 && !/[.!?,]$/.test(raw.slice(1, -1).trim())) {
        // A word the article puts in quotation marks: the speaker is who the sentence is about.
        const first = mentions.find((m) => m.start >= sStart && m.end <= start);
        speaker = first ? resolve(first) : lastBefore(start);
        context = 'a word the article quotes';
      }
      speaker ??= lastBefore(start);
      if (!speaker) continue;
      const innerAt = text.indexOf(inner, start);
      quotes.push({
        id: idFor(speaker, inner),
        speaker,
        kind: 'direct',
        text: inner,
        cites: citeFor(innerAt, innerAt + inner.length),
        context,
        about: [
          ...namedIn(inner, people, speaker),
          ...described(head),
          ...aboutOf(text.slice(sStart, sEnd), inner, nameOf.get(speaker)),
        ].slice(0, 7),
      });
    }

    // Reported statements.
    for (const sentence of sentenceSpans(paragraph)) {
      const sText = text.slice(sentence.start, sentence.end);
      const inQuote = (offset: number): boolean => ranges.some(([a, b]) => offset >= a && offset < b);
      for (const m of sText.matchAll(/\p{L}+/gu)) {
        const verbAt = sentence.start + m.index;
        if (inQuote(verbAt)) continue;
        const rule = REPORTING.find((r) => r.forms.test(m[0]));
        if (!rule) continue;
        const rest = text.slice(verbAt + m[0].length, sentence.end).replace(/^\s+/, '');
        // "warned, however, that…", "said on Tuesday that…", "said in a statement that…": the
        // aside between the verb and its clause is no part of the statement.
        const reported = rest.slice(asideAfterVerb(rest));
        if (rule.needs && !rule.needs.test(reported)) continue;
        // Attribution of a quotation ("…,” he said) is not a statement of its own.
        const justBefore = text.slice(sentence.start, verbAt);
        if (
          new RegExp(`^(?:${ATTRIBUTION})$`, 'i').test(m[0]) &&
          /[”"]\s*,?\s*(?:\p{L}+\s+){0,4}$/u.test(justBefore) &&
          ranges.some(([, b]) => b <= verbAt && verbAt - b < 45)
        )
          continue;
        if (/^(?:\p{L}+\s+){0,3}[:,]?\s*[“"]/u.test(rest)) continue;
        const clause = clauseEnd(`${m[0]} ${reported}`);
        let statement = clause;
        let context = rule.past;
        const that = /^(\p{L}+)\s+that\s+/u.exec(statement);
        if (that) {
          statement = statement.slice(that[0].length);
          context = `${rule.past} that`;
        } else if (rule.past === 'said' && AFTER_TRAILING_SAID.test(reported)) {
          // "…, the council said on Tuesday, after…": the statement is before it (read below).
          continue;
        } else if (rule.past === 'said') {
          // "said the price was too high": the statement is what follows.
          statement = statement.replace(/^\p{L}+\s+/u, '');
        }
        if (statement.split(/\s+/).length < 3) continue;
        const speaker = speakerBefore(text, sentence.start, verbAt, mentions, resolve);
        if (!speaker) continue;
        const at = text.indexOf(statement, verbAt);
        quotes.push({
          id: idFor(speaker, statement),
          speaker,
          kind: 'reported',
          text: statement,
          cites: citeFor(at, at + statement.length),
          context,
          about: aboutOf(sText, statement, nameOf.get(speaker)),
        });
      }
      // "…, Mayor Ana Lopez said." and "According to Okafor, …": the whole statement is theirs.
      const trailing =
        /^(.{12,}?),\s+(?:([^,]{2,60}?)\s+(said|says|added|told reporters|announced)(?:\s+(?:on|in|at|last|this|earlier|later|yesterday|today|late|early)\b[^,;:“”"]{0,40})?(?:,\s+[^“”"]+)?|(said|says)\s+([^,]{2,60}?))\.?$/u.exec(
          sText,
        );
      const according =
        /^According to ([^,]{2,60}),\s+(.{12,}?)\.?$/u.exec(sText) ??
        /^(.{12,}?),\s+according to ([^,]{2,60}?)\.?$/u.exec(sText);
      if (trailing && !/[“”"]/.test(trailing[1] ?? '')) {
        const who = (trailing[2] ?? trailing[5] ?? '').trim();
        const whoAt = sentence.start + sText.lastIndexOf(who);
        const m = mentionAt(whoAt, whoAt + who.length);
        const statement = trailing[1] ?? '';
        if (m && statement && !quotes.some((q) => q.text.includes(statement))) {
          const speaker = resolve(m);
          if (speaker) {
            const at = sentence.start;
            quotes.push({
              id: idFor(speaker, statement),
              speaker,
              kind: 'reported',
              text: statement,
              cites: citeFor(at, at + statement.length),
              context: (trailing[3] ?? trailing[4] ?? 'said').toLowerCase(),
              about: aboutOf(sText, statement, nameOf.get(speaker)),
            });
          }
        }
      } else if (according && !/[“”"]/.test(sText)) {
        const leading = sText.startsWith('According');
        const who = (leading ? according[1] : according[2]) ?? '';
        const statement = (leading ? according[2] : according[1]) ?? '';
        const whoAt = sentence.start + sText.indexOf(who);
        const m = mentionAt(whoAt, whoAt + who.length);
        const speaker = m ? resolve(m) : null;
        if (speaker && statement) {
          const at = text.indexOf(statement, sentence.start);
          quotes.push({
            id: idFor(speaker, statement),
            speaker,
            kind: 'reported',
            text: statement,
            cites: citeFor(at, at + statement.length),
            context: 'according to the article',
            about: aboutOf(sText, statement, nameOf.get(speaker)),
          });
        }
      }
    }
    const named = mentions.filter((m) => m.person && !bodies.has(m.person)).at(-1);
    if (named?.person) lastNamed = named.person;
  }
  return quotes;
}

/** A body's names in running text: its name and aliases, "The council" opening a sentence too. */
function bodyForms(body: Person): string[] {
  const forms = [body.name, ...body.aliases];
  return [...forms, ...forms.filter((f) => /^the\s/.test(f)).map((f) => `T${f.slice(1)}`)];
}

/** Someone the article leaves unnamed: "a spokesperson", "one resident", "an official". */
const UNNAMED = String.raw`(?:a|an|one|another|some|several|two|three)\s+(?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+`;

/**
 * The attribution of a quotation names an unnamed someone: after it ("…,” said a spokesperson
 * for the trust), or before it ("A spokesperson said: “…”").
 */
function unnamedAttribution(tail: string, head: string): boolean {
  const after = new RegExp(
    String.raw`^,?\s*(?:(?:${ATTRIBUTION})\s+${UNNAMED}\b|${UNNAMED}\s+(?:${ATTRIBUTION})\b)`,
    'iu',
  );
  const before = new RegExp(
    String.raw`(?:^|[.!?]\s+|,\s+)${UNNAMED}(?:\s+(?:for|of|from|at)\s+[^“"]{2,60}?)?\s+(?:${ATTRIBUTION})[^“"]{0,20}?[:,]?\s*$`,
    'iu',
  );
  return after.test(tail) || before.test(head);
}

/** What follows a "said" that closes its statement: nothing, or a time or place and then a comma. */
const AFTER_TRAILING_SAID =
  /^(?:(?:on|in|at|last|this|earlier|later|yesterday|today|late|early)\b[^,;:“”"]{0,40})?(?:[,;]|\.?$)/u;

/** Adverbs set off between a reporting verb and its clause ("warned, however, that"). */
const ASIDE_ADVERBS = `${[...ASIDE_ADVERB_WORDS].join('|')}|once again|in turn|for (?:his|her|its|their) part`;
/** "on Tuesday", "in a statement", "last week", "to reporters": a phrase before "that". */
const PHRASE_BEFORE_THAT =
  /^(?:(?:on|in|at|during|over|after|before|last|this|earlier|later|yesterday|today|through|via|to|from|when|while)\b[^,;:“”"]{0,50}?|\p{L}+ly)\s*,?\s+(?=that\s)/u;

/**
 * How much of what follows a reporting verb is an aside before its clause: ", however, ",
 * "on Tuesday ", "in a statement ", "publicly ", or none.
 */
export function asideAfterVerb(rest: string): number {
  let at = 0;
  const adverb = new RegExp(
    `^(?:,\\s*(?:${ASIDE_ADVERBS})\\s*,\\s*|(?:${ASIDE_ADVERBS})\\s+(?=that\\s))`,
    'u',
  );
  for (let guard = 0; guard < 3; guard++) {
    const m = adverb.exec(rest.slice(at)) ?? PHRASE_BEFORE_THAT.exec(rest.slice(at));
    if (!m || m[0].length === 0) break;
    at += m[0].length;
  }
  return at;
}

/** Sentence spans in the paragraph's text. */
function sentenceSpans(paragraph: Paragraph): { id: string; start: number; end: number }[] {
  const spans: { id: string; start: number; end: number }[] = [];
  let from = 0;
  for (const s of paragraph.sentences) {
    const start = paragraph.text.indexOf(s.text, from);
    const at = start === -1 ? from : start;
    spans.push({ id: s.id, start: at, end: at + s.text.length });
    from = at + s.text.length;
  }
  return spans;
}

/**
 * The reported clause from its verb: up to the sentence's end, or a new clause (", signaling…",
 * "; ", " and suggesting…"), without the final full stop.
 */
function clauseEnd(fromVerb: string): string {
  const stop =
    /(?:,\s+(?:\p{L}+ing|while|which|whereas|but|although|though)\b|;\s|\s[—–]\s|\s+and\s+\p{L}+ing\b)/u.exec(
      fromVerb.slice(3),
    );
  const clause = stop ? fromVerb.slice(0, stop.index + 3) : fromVerb;
  return clause
    .replace(/[\s.,;:]+$/u, '')
    .replace(/[”"]$/u, (q) => (clause.includes(q === '”' ? '“' : '"') ? q : ''));
}

/**
 * Who speaks a reporting verb: the person (or pronoun) just before it ("Lavrov claiming",
 * "Trump claims", "May has urged"); after a comma or "and" ("…, stating that", "and suggesting
 * that"), the subject of the sentence.
 */
function speakerBefore(
  text: string,
  sentenceStart: number,
  verbAt: number,
  mentions: readonly Mention[],
  resolve: (m: Mention) => string | null,
): string | null {
  let cursor = verbAt;
  const head = text.slice(sentenceStart, verbAt);
  const tokens = [...head.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: sentenceStart + m.index }));
  for (let k = tokens.length - 1; k >= 0; k--) {
    const token = tokens[k] as { text: string; start: number };
    const word = token.text.toLowerCase().replace(/[,;:]$/, '');
    if (BETWEEN.has(word) && !/[,;:]$/.test(token.text)) {
      cursor = token.start;
      continue;
    }
    const m = mentions.find(
      (x) =>
        x.end >= token.start + token.text.replace(/[,;:]$/, '').length - 2 &&
        x.end <= cursor &&
        x.end > token.start,
    );
    if (m && !/[,;:]$/.test(token.text)) return resolve(m);
    if (/[,;:]$/.test(token.text) || /^(?:and|but|including|while|before|after)$/.test(word)) {
      const subject = mentions.find((x) => x.start >= sentenceStart && x.end <= verbAt);
      return subject ? resolve(subject) : null;
    }
    return null;
  }
  return null;
}

/**
 * The people a quotation names, by a form of their name or by a first name no one else in the
 * article has ("Lucas is exactly the type of player…"): what it is about, as their full names.
 */
function namedIn(quote: string, people: readonly Person[], speaker: string): string[] {
  const firstNames = new Map<string, Person[]>();
  for (const p of people) {
    const first = p.name.split(/\s+/).find((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !TITLES.test(w));
    if (first && first !== p.aliases.find((a) => !a.includes(' ')))
      firstNames.set(first, [...(firstNames.get(first) ?? []), p]);
  }
  const out: string[] = [];
  for (const p of people) {
    if (p.id === speaker) continue;
    const first = [...firstNames].find(([, owners]) => owners.length === 1 && owners[0] === p)?.[0];
    const forms = [...nameForms(p), ...(first ? [first] : [])];
    if (forms.some((f) => new RegExp(`\\b${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(quote)))
      out.push(p.name);
  }
  return out;
}

/** "…described the trial as “…”", "called the plan “…”": the quotation is about what it names. */
function described(before: string): string[] {
  const m =
    /\b(?:described|describes|describing|called|calls|calling|branded|brands|labelled|labeled|dubbed)\s+((?:the|a|an|this|that|his|her|their|its)\s+[^,;:“”"]{2,50}?)\s+(?:as\s+)?[:,]?\s*$/iu.exec(
      before,
    );
  return m?.[1] ? nounPhrases(m[1]).slice(0, 2) : [];
}

const TITLES = /^(?:Sir|Lord|Lady|Dame|Dr|Prof|Professor|Mr|Mrs|Ms|Miss)$/;

/** What a quote is about, for matching: its nouns and the sentence's, less the speaker's name. */
function aboutOf(sentence: string, quote: string, speakerName: string | undefined): string[] {
  const nouns = (text: string): string[] => nounPhrases(text).filter((n) => !/^i[’']m$/i.test(n));
  const own = nouns(quote);
  const around = quote.split(/\s+/).length <= 3 ? nouns(sentence) : [];
  const speakerWords = new Set((speakerName ?? '').toLowerCase().split(/\s+/));
  const about = [...new Set([...own, ...around])]
    .filter((n) => !speakerWords.has(n.toLowerCase()))
    .slice(0, 6);
  return about.length > 0 ? about : [quote.split(/\s+/).slice(0, 4).join(' ')];
}
