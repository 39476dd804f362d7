import { describe, expect, it } from 'vitest';
import { loadWordLists } from '../../../src/core/english/lists.ts';
import { SMALL_TALK, STOP_WORDS } from '../../../src/core/lexicon.ts';

const lists = loadWordLists();

/** Stop words left out on purpose: content words in some other story (docs/design.md). */
const DROPPED = new Set(
  `man hearing google worry worried worries concerned concern fear fears afraid new old hold held body bodies
  post country countries nation nations face faces faced facing achieve achieves achieved accomplish
  accomplishes president presidents minister ministers title teacher student students class school homework
  presentation essay project friend friends mum mom dad boss editor newsroom caption server channel joined two
  three four five six seven eight nine ten full complete time times big large huge massive cover covers covered
  covering lady woman gentleman data info information advance`.split(/\s+/),
);

describe('word lists', () => {
  it('carries every stop word of the engine but the dropped ones', () => {
    for (const word of STOP_WORDS) expect(lists.stopWords.has(word) || DROPPED.has(word), word).toBe(true);
    for (const word of DROPPED) expect(lists.stopWords.has(word), word).toBe(false);
  });

  it('groups stop words by what they are', () => {
    expect(lists.stopWordGroups.get('function')?.has('the')).toBe(true);
    expect(lists.stopWordGroups.get('chat')?.has('lol')).toBe(true);
    expect(lists.stopWordGroups.get('asking')?.has('paragraph')).toBe(true);
  });

  it('reads chat spellings, without one story in them', () => {
    expect(lists.chatSpellings.get('wat')).toBe('what');
    expect(lists.chatSpellings.get('abt')).toBe('about');
    expect(lists.chatSpellings.get('idk')).toBe('i do not know');
    expect(lists.chatSpellings.has('potus')).toBe(false);
    expect(lists.chatSpellings.has('euro')).toBe(false);
  });

  it('has the small talk, question words and emoji words', () => {
    expect(lists.smallTalk).toEqual(new Set(SMALL_TALK));
    expect(lists.whWords.has('whos')).toBe(true);
    expect(lists.yesNoOpeners.has('didnt')).toBe(true);
    expect(lists.typeWords.get('when')?.has('week')).toBe(true);
    expect(lists.emojiWords.get('💰')).toBe('money');
  });
});
