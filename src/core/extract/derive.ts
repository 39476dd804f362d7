/**
 * A word's other part of speech, as WordNet relates them ("derivationally related forms"):
 * "abstentions" -> "abstain", "demolition" -> "demolish", "approved" -> "approval". Readers ask
 * with the verb an article puts as a noun, and the other way round. Only for `npm run draft`:
 * the reader opens WordNet once, on first use.
 */
import { loadCommonWords } from '../english/common-words.ts';
import { isDerivedForm, sharedPrefix } from '../english/thesaurus.ts';
import { type PartOfSpeech, WordNetReader } from '../english/wordnet.ts';

let reader: WordNetReader | undefined;
let everyday: Set<string> | undefined;

/**
 * Words readers type: SCOWL's lists up to size 35, the everyday words ("demolish", "approval",
 * "bequeath"), not the rarer ones WordNet also derives ("winterize", "schematize", "visitation").
 */
function everydayWords(): Set<string> {
  everyday ??= loadCommonWords({ maxSize: 35 });
  return everyday;
}
let unavailable = false;

function wordnet(): WordNetReader | undefined {
  if (reader || unavailable) return reader;
  try {
    reader = new WordNetReader();
  } catch {
    unavailable = true;
  }
  return reader;
}

/** The lemma WordNet knows for a word in that part of speech ("abstentions" -> "abstention"). */
function lemmaOf(wn: WordNetReader, word: string, pos: PartOfSpeech): string | undefined {
  const w = word.toLowerCase();
  const candidates =
    pos === 'n'
      ? [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/ies$/, 'y')]
      : [
          w,
          w.replace(/s$/, ''),
          w.replace(/ed$/, ''),
          w.replace(/ed$/, 'e'),
          w.replace(/d$/, ''),
          w.replace(/ing$/, ''),
          w.replace(/ing$/, 'e'),
        ];
  return candidates.find((c) => c.length > 2 && wn.hasLemma(c, pos));
}

/**
 * The words of the other part of speech that WordNet derives from this one, in its two most
 * frequent senses, and that share their start with it (so "service" gives "serve", never an
 * unrelated word of the same synset).
 */
export function derivedForms(word: string, from: PartOfSpeech, to: PartOfSpeech): string[] {
  const wn = wordnet();
  if (!wn || !/^\p{Ll}{4,}$/u.test(word)) return [];
  const lemma = lemmaOf(wn, word, from);
  if (!lemma) return [];
  const found = new Map<string, number>();
  for (const sense of wn.sensesOf(lemma).filter((s) => s.pos === from && s.senseNumber <= 4)) {
    for (const pointer of wn.synset(from, sense.offset).pointers) {
      if (pointer.symbol !== '+' || pointer.pos !== to) continue;
      for (const other of wn.synset(to, pointer.offset).words) {
        if (other.includes('_') || other === lemma || !/^\p{Ll}+$/u.test(other)) continue;
        if (!everydayWords().has(other)) continue;
        // The doer ("approver", "borrower") and the -ing form are not the action's name.
        if (isDerivedForm(other, lemma, to))
          found.set(
            other,
            Math.max(found.get(other) ?? 0, sharedPrefix(other, lemma) * 10 - sense.senseNumber),
          );
      }
    }
  }
  return [...found]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([w]) => w);
}
