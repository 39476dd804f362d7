/**
 * Small edits to a curator's YAML that keep everything else exactly as they wrote it.
 *
 * The yaml package's Document API finds the entry and the list to change, and gives the source
 * range of every node. The change is then spliced into the file's own text at that range, so
 * every comment, blank line, folded answer and flow list elsewhere stays byte for byte (printing
 * the whole Document again would re-fold long answers). The result is parsed again and must
 * equal the original data with exactly the intended change, or nothing is returned.
 */
import { isDeepStrictEqual } from 'node:util';
import YAML, { isMap, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/** The edit cannot be made (no such entry, unusual layout); the message says what to do. */
export class YamlEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlEditError';
  }
}

type Range = readonly [number, number, number];

/** Adds `text` to the `alternates` of the item with `id` in the top-level list `listKey`. */
export function addAlternate(source: string, listKey: string, id: string, text: string): string {
  const phrasing = singleLine(text);
  const doc = parse(source);
  const { item, index } = findItem(doc, listKey, id);
  const alternates = item.get('alternates', true) as Node | undefined;
  let edited: string;
  if (alternates === undefined || alternates === null) {
    edited = insertKeyAfter(source, item, 'alternates', phrasing);
  } else if (isSeq(alternates)) {
    edited = appendToSeq(source, alternates, phrasing, (value) => YAML.stringify(value, { lineWidth: 0 }));
  } else {
    throw new YamlEditError(`the alternates of "${id}" are not a list: make them one (- "…" per line)`);
  }
  const expected = doc.toJS() as Record<string, unknown>;
  const entry = (expected[listKey] as Record<string, unknown>[])[index] as Record<string, unknown>;
  entry.alternates = [...((entry.alternates as unknown[] | undefined) ?? []), phrasing];
  return verified(edited, expected);
}

/** Appends `value` (a plain object) as the last item of the top-level list `listKey`. */
export function appendItem(source: string, listKey: string, value: Record<string, unknown>): string {
  const doc = parse(source);
  const list = doc.get(listKey, true);
  if (!isSeq(list)) throw new YamlEditError(`there is no "${listKey}:" list to add to`);
  const edited = appendToSeq(source, list, value, (v) => printBlock(v));
  const expected = doc.toJS() as Record<string, unknown>;
  expected[listKey] = [...(expected[listKey] as unknown[]), value];
  return verified(edited, expected);
}

/** Whether the top-level list `listKey` has an item with this id. */
export function hasItem(source: string, listKey: string, id: string): boolean {
  const doc = YAML.parseDocument(source);
  if (doc.errors.length > 0) return false;
  const list = doc.get(listKey, true);
  return isSeq(list) && list.items.some((item) => isMap(item) && item.get('id') === id);
}

function parse(source: string): YAML.Document.Parsed {
  const doc = YAML.parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new YamlEditError(
      `the file is not valid YAML (${doc.errors[0]?.message.split('\n')[0]}): fix it first`,
    );
  }
  return doc;
}

function findItem(doc: YAML.Document.Parsed, listKey: string, id: string): { item: YAMLMap; index: number } {
  const list = doc.get(listKey, true);
  if (!isSeq(list)) throw new YamlEditError(`there is no "${listKey}:" list`);
  const index = list.items.findIndex((item) => isMap(item) && item.get('id') === id);
  const item = list.items[index];
  if (!isMap(item)) throw new YamlEditError(`no entry has id "${id}"`);
  return { item, index };
}

/** Adds one item at the end of a list, in the list's own style (block or flow). */
function appendToSeq(
  source: string,
  seq: YAMLSeq,
  value: unknown,
  printBlockItem: (value: unknown) => string,
): string {
  const seqRange = seq.range as Range;
  const last = seq.items.at(-1) as Node | undefined;
  if (seq.flow || source[seqRange[0]] === '[') {
    // [a, b] -> [a, b, "c"]: JSON is valid YAML in flow context and needs no escaping rules of its own.
    const printed = JSON.stringify(value);
    if (last?.range) return splice(source, last.range[1], `, ${printed}`);
    const open = source.indexOf('[', seqRange[0]);
    if (open === -1) throw new YamlEditError('the list has an unusual layout: add the item by hand');
    return splice(source, open + 1, printed);
  }
  if (!last?.range) throw new YamlEditError('the list is empty: add the first item by hand');
  const dash = dashBefore(source, last.range[0]);
  const indent = ' '.repeat(dash - lineStart(source, dash));
  const lines = printBlockItem(value).trimEnd().split('\n');
  const text = lines.map((line, i) => (i === 0 ? `${indent}- ${line}` : `${indent}  ${line}`)).join('\n');
  return insertLineAfter(source, last.range[1], text);
}

/** Adds `key:` with a one-item list after the `question:` of a map that has no such key yet. */
function insertKeyAfter(source: string, item: YAMLMap, key: string, first: string): string {
  const question = item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'question');
  const keyNode = question?.key as Node | undefined;
  const valueNode = question?.value as Node | undefined;
  if (!keyNode?.range || !valueNode?.range) throw new YamlEditError(`add "${key}:" to this entry by hand`);
  const column = keyNode.range[0] - lineStart(source, keyNode.range[0]);
  const indent = ' '.repeat(column);
  const printed = YAML.stringify(first, { lineWidth: 0 }).trimEnd();
  return insertLineAfter(source, valueNode.range[1], `${indent}${key}:\n${indent}  - ${printed}`);
}

/** A block list item (an object, a string) printed without its dash, as the file's own style does. */
function printBlock(value: unknown): string {
  const doc = new YAML.Document(value);
  YAML.visit(doc, {
    // Short lists of ids read best on one line: see: [a, b], as curators write them.
    Seq(_key, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function insertLineAfter(source: string, valueEnd: number, text: string): string {
  let at = valueEnd;
  if (source[at - 1] !== '\n') {
    const newline = source.indexOf('\n', at);
    if (newline === -1) return `${source}\n${text}\n`;
    at = newline + 1;
  }
  return splice(source, at, `${text}\n`);
}

function dashBefore(source: string, position: number): number {
  let i = position - 1;
  while (i >= 0 && (source[i] === ' ' || source[i] === '\t')) i--;
  if (source[i] !== '-') throw new YamlEditError('the list has an unusual layout: add the item by hand');
  return i;
}

function lineStart(source: string, position: number): number {
  return source.lastIndexOf('\n', position - 1) + 1;
}

function splice(source: string, at: number, text: string): string {
  return source.slice(0, at) + text + source.slice(at);
}

/** A phrasing on one line, without the surrounding space: the data holds no multi-line questions. */
function singleLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length === 0) throw new YamlEditError('the question is empty');
  return line;
}

/** The edited text, if it parses to exactly the intended data; never a file that says something else. */
function verified(edited: string, expected: unknown): string {
  const doc = YAML.parseDocument(edited, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isDeepStrictEqual(doc.toJS(), expected)) {
    throw new YamlEditError('the change could not be written without disturbing the file: add it by hand');
  }
  return edited;
}
