/**
 * A reader for plain YAML: the block mappings and sequences, plain and quoted strings, numbers,
 * booleans and nulls that data files (and files written by a YAML library) are made of. A large
 * qa.yaml is read several times faster than a general parser reads it, because nothing else can
 * occur: no anchors, aliases, tags, block scalars, flow collections (but `[]` and `{}`),
 * directives, several documents, tabs or control characters.
 *
 * It reads a file only when sure to give what js-yaml gives (validate.ts reads every file with
 * js-yaml otherwise): for anything outside that plain part of YAML, for anything unusual in it (a
 * duplicate key, a number written other than as digits, odd indentation) and for anything that
 * is no valid YAML at all, it returns undefined, and the file is read as before, errors and
 * their lines reported as before. Pure.
 */

/** Gives up on the file: what js-yaml would make of it is left to js-yaml. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();
function notPlain(): never {
  throw NOT_PLAIN;
}

/**
 * Characters outside printable ASCII and the plain parts of Unicode: control characters (tabs
 * too), line separators, byte-order marks, surrogates (emoji) and non-characters.
 */
const UNUSUAL = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/** Keys of the data files: letters, digits, "_" and "-", starting with a letter. */
const isKeyStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isKeyPart = (c: number): boolean => isKeyStart(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/** YAML's indicators (quotes aside): what a line of a plain scalar may not start with here. */
const INDICATORS = new Set('-?:,[]{}#&*!|>%@`'.split('').map((c) => c.charCodeAt(0)));

const SPACE = 32;
const QUOTE = 34;
const APOSTROPHE = 39;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const BACKSLASH = 92;

/** The file's data, or undefined when it is not plain YAML as above (or is empty). */
export function readPlainYaml(text: string): unknown {
  if (text.length === 0 || UNUSUAL.test(text)) return undefined;
  try {
    const reader = new PlainReader(text);
    return reader.document();
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

class PlainReader {
  /** Line l is text[starts[l], ends[l]); its content (after the indentation) starts at contents[l]. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly contents: Int32Array;
  /** How many lines there are. */
  private readonly lines: number;
  /** The next line to read. */
  private line = 0;

  constructor(private readonly text: string) {
    let lines = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    this.lines = lines;
    this.starts = new Int32Array(lines);
    this.ends = new Int32Array(lines);
    this.contents = new Int32Array(lines);
    let start = 0;
    for (let line = 0; line < lines; line++) {
      const end = text.indexOf('\n', start);
      const lineEnd = end === -1 ? text.length : end;
      let content = start;
      while (content < lineEnd && text.charCodeAt(content) === SPACE) content++;
      this.starts[line] = start;
      this.ends[line] = lineEnd;
      this.contents[line] = content;
      start = end + 1;
    }
  }

  /** The whole file: one block at indentation 0, then nothing but blank lines and comments. */
  document(): unknown {
    this.skipInsignificant();
    if (this.line >= this.lines) notPlain();
    if (this.indentOf(this.line) !== 0) notPlain();
    const value = this.block(0);
    this.skipInsignificant();
    if (this.line < this.lines) notPlain();
    return value;
  }

  private indentOf(line: number): number {
    return (this.contents[line] as number) - (this.starts[line] as number);
  }

  /** A blank line, or one holding only a comment. */
  private insignificant(line: number): boolean {
    const content = this.contents[line] as number;
    return content === this.ends[line] || this.text.charCodeAt(content) === HASH;
  }

  private skipInsignificant(): void {
    while (this.line < this.lines && this.insignificant(this.line)) this.line++;
  }

  /** Whether the line's content is a sequence item ("- ..." or a lone "-"). */
  private isItem(line: number): boolean {
    const content = this.contents[line] as number;
    if (this.text.charCodeAt(content) !== DASH) return false;
    return content + 1 === this.ends[line] || this.text.charCodeAt(content + 1) === SPACE;
  }

  /** The mapping or sequence whose first line (the current one) is at this indentation. */
  private block(indent: number): unknown {
    return this.isItem(this.line) ? this.sequence(indent, false) : this.mapping(indent);
  }

  /** `compact`: the value of a key at the same indentation ("key:" then "- item"), which the next key ends. */
  private sequence(indent: number, compact: boolean): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      const line = this.line;
      const end = this.ends[line] as number;
      let at = (this.contents[line] as number) + 1;
      while (at < end && this.text.charCodeAt(at) === SPACE) at++;
      if (at === end || this.text.charCodeAt(at) === HASH) notPlain();
      const c = this.text.charCodeAt(at);
      if (c === DASH && (at + 1 === end || this.text.charCodeAt(at + 1) === SPACE)) notPlain();
      if (this.keyEnd(at, end) !== -1) {
        // "- id: x": a mapping whose keys are all at the column of its first.
        const column = at - (this.starts[line] as number);
        this.contents[line] = at;
        items.push(this.mapping(column));
      } else {
        items.push(this.scalar(at, indent));
      }
      this.skipInsignificant();
      if (this.line >= this.lines) return items;
      const next = this.indentOf(this.line);
      if (next < indent) return items;
      if (next > indent) notPlain();
      if (!this.isItem(this.line)) {
        if (compact) return items;
        notPlain();
      }
    }
  }

  /** Where "key:" at `at` ends (the colon's position), or -1 when the line holds no key there. */
  private keyEnd(at: number, end: number): number {
    const text = this.text;
    if (!isKeyStart(text.charCodeAt(at))) return -1;
    let i = at + 1;
    while (i < end && isKeyPart(text.charCodeAt(i))) i++;
    if (i >= end || text.charCodeAt(i) !== COLON) return -1;
    if (i + 1 < end && text.charCodeAt(i + 1) !== SPACE) return -1;
    return i;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (;;) {
      const line = this.line;
      const at = this.contents[line] as number;
      const end = this.ends[line] as number;
      const colon = this.keyEnd(at, end);
      if (colon === -1 || colon - at > 64) notPlain();
      const key = this.text.slice(at, colon);
      if (seen.has(key) || key === '__proto__') notPlain();
      seen.add(key);
      let value = colon + 1;
      while (value < end && this.text.charCodeAt(value) === SPACE) value++;
      if (value === end || this.text.charCodeAt(value) === HASH) {
        // Nothing after the colon: a block below it, or null.
        this.line++;
        this.skipInsignificant();
        if (this.line < this.lines) {
          const next = this.indentOf(this.line);
          if (next > indent) map[key] = this.block(next);
          else if (next === indent && this.isItem(this.line)) map[key] = this.sequence(indent, true);
          else map[key] = null;
        } else {
          map[key] = null;
        }
      } else {
        map[key] = this.scalar(value, indent);
      }
      this.skipInsignificant();
      if (this.line >= this.lines) return map;
      const next = this.indentOf(this.line);
      if (next < indent) return map;
      if (next > indent || this.isItem(this.line)) notPlain();
    }
  }

  /**
   * The scalar starting at `at` on the current line, in a block at `indent` (its other lines, if
   * any, are indented more). Leaves the current line after its last.
   */
  private scalar(at: number, indent: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === QUOTE) return this.quoted(at, indent, true);
    if (c === APOSTROPHE) return this.quoted(at, indent, false);
    const end = this.ends[this.line] as number;
    if (c === 91) return this.flowSequence(at, end);
    if (c === 123) {
      // Of flow mappings, only the empty one.
      if (text.charCodeAt(at + 1) !== 125) notPlain();
      this.afterValue(at + 2, end);
      this.line++;
      return {};
    }
    if (c === 62 || c === 124) return this.blockScalar(at, end, indent, c === 62);
    // "-5%" is a plain scalar, "- x" an item (which cannot be a value here).
    if (INDICATORS.has(c) && !(c === DASH && at + 1 < end && text.charCodeAt(at + 1) !== SPACE)) notPlain();
    let value = this.plainLine(at, end);
    this.line++;
    // A plain scalar goes on over the lines indented more than its block, one space for each break.
    while (this.continues(indent)) {
      const line = this.line;
      const start = this.contents[line] as number;
      const first = text.charCodeAt(start);
      if (INDICATORS.has(first) || first === QUOTE || first === APOSTROPHE) notPlain();
      value = `${value} ${this.plainLine(start, this.ends[line] as number)}`;
      this.line++;
    }
    return resolvePlain(value);
  }

  /** "[a, b]" on one line, of plain scalars. */
  private flowSequence(at: number, end: number): unknown[] {
    const text = this.text;
    const close = text.indexOf(']', at);
    if (close === -1 || close >= end) notPlain();
    this.afterValue(close + 1, end);
    this.line++;
    const inside = text.slice(at + 1, close);
    if (inside.trim() === '') return [];
    return inside.split(',').map((part) => {
      const item = part.trim();
      if (item === '' || /[[\]{}"'#:]/.test(item) || INDICATORS.has(item.charCodeAt(0))) notPlain();
      return resolvePlain(item);
    });
  }

  /**
   * A block scalar ("|", "|-", ">", ">-") from its header at `at`: lines all at one indentation
   * (more than the block's), none blank and none ending in a space, joined by line breaks ("|")
   * or spaces (">"), with a closing line break unless "-".
   */
  private blockScalar(at: number, end: number, indent: number, folded: boolean): string {
    const text = this.text;
    let after = at + 1;
    const strip = text.charCodeAt(after) === DASH;
    if (strip) after++;
    this.afterValue(after, end);
    this.line++;
    const lines: string[] = [];
    let column = -1;
    while (this.line < this.lines) {
      const line = this.line;
      const content = this.contents[line] as number;
      const lineEnd = this.ends[line] as number;
      if (content === lineEnd) break;
      const lineIndent = this.indentOf(line);
      if (column === -1) {
        if (lineIndent <= indent) break;
        column = lineIndent;
      } else if (lineIndent < column) {
        break;
      }
      if (lineIndent !== column || text.charCodeAt(lineEnd - 1) === SPACE) notPlain();
      lines.push(text.slice(content, lineEnd));
      this.line++;
    }
    if (lines.length === 0) notPlain();
    // A blank line ends it only when nothing indented more than the block follows (a "#" there
    // would be part of the text, not a comment).
    for (let line = this.line; line < this.lines; line++) {
      if (this.contents[line] !== this.ends[line]) {
        if (this.indentOf(line) > indent) notPlain();
        break;
      }
    }
    const value = lines.join(folded ? ' ' : '\n');
    return strip ? value : `${value}\n`;
  }

  /** Whether the current line goes on the scalar before it: a line of content indented more than the block. */
  private continues(indent: number): boolean {
    if (this.line >= this.lines) return false;
    if (this.indentOf(this.line) <= indent) return false;
    // A blank line (a line break in the value) or a comment among its lines: js-yaml's to read.
    if (this.insignificant(this.line)) notPlain();
    return true;
  }

  /**
   * The text of one line of a plain scalar, from `at` to the line's end, without trailing spaces:
   * never a ": " (a key), a " #" (a comment) or a closing ":".
   */
  private plainLine(at: number, end: number): string {
    const text = this.text;
    let last = end;
    while (last > at && text.charCodeAt(last - 1) === SPACE) last--;
    for (let i = at; i < last; i++) {
      const c = text.charCodeAt(i);
      if (c === COLON && (i + 1 === last || text.charCodeAt(i + 1) === SPACE)) notPlain();
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) notPlain();
    }
    return text.slice(at, last);
  }

  /** After a value on its line: only spaces, or spaces and a comment. */
  private afterValue(at: number, end: number): void {
    let i = at;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < end && (this.text.charCodeAt(i) !== HASH || i === at)) notPlain();
  }

  /**
   * A double-quoted (with the escapes \\ \" \/ \n \t \uXXXX) or single-quoted ('' for ') scalar
   * from `at`, over as many lines as it takes, each line break one space (no blank lines).
   */
  private quoted(at: number, indent: number, double: boolean): string {
    const text = this.text;
    const quote = double ? QUOTE : APOSTROPHE;
    let value = '';
    let i = at + 1;
    let end = this.ends[this.line] as number;
    let from = i;
    for (;;) {
      if (i === end) {
        // The line ends inside the quotes: its trailing spaces go, and the break is one space.
        let last = i;
        while (last > from && text.charCodeAt(last - 1) === SPACE) last--;
        value += `${text.slice(from, last)} `;
        this.line++;
        if (this.line >= this.lines || this.indentOf(this.line) <= indent) notPlain();
        if (this.contents[this.line] === this.ends[this.line]) notPlain();
        i = this.contents[this.line] as number;
        end = this.ends[this.line] as number;
        from = i;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (!double && text.charCodeAt(i + 1) === APOSTROPHE && i + 1 < end) {
          value += `${text.slice(from, i)}'`;
          i += 2;
          from = i;
          continue;
        }
        value += text.slice(from, i);
        this.afterValue(i + 1, end);
        this.line++;
        return value;
      }
      if (double && c === BACKSLASH) {
        value += text.slice(from, i);
        const escaped = text.charCodeAt(i + 1);
        if (i + 1 >= end) notPlain();
        if (escaped === BACKSLASH || escaped === QUOTE || escaped === 47) {
          value += text[i + 1];
          i += 2;
        } else if (escaped === 110) {
          value += '\n';
          i += 2;
        } else if (escaped === 116) {
          value += '\t';
          i += 2;
        } else if (escaped === 117) {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) notPlain();
          const code = Number.parseInt(hex, 16);
          // Surrogate halves are js-yaml's to pair (or refuse).
          if (code >= 0xd800 && code <= 0xdfff) notPlain();
          value += String.fromCharCode(code);
          i += 6;
        } else {
          notPlain();
        }
        from = i;
        continue;
      }
      i++;
    }
  }
}

/** js-yaml's core schema: the integers and floats it reads a plain scalar as. */
const INTEGER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$/;
const FLOAT =
  /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DECIMAL = /^[-+]?[0-9]+$/;

/** A plain scalar's value as YAML's core schema reads it; an octal or hexadecimal integer is js-yaml's to read. */
function resolvePlain(value: string): unknown {
  const first = value.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46) {
    if (DECIMAL.test(value)) {
      const sign = first === 45 ? -1 : 1;
      const number = sign * Number.parseInt(first === 43 || first === 45 ? value.slice(1) : value, 10);
      if (!Number.isFinite(number)) notPlain();
      return number;
    }
    if (INTEGER.test(value)) notPlain();
    if (FLOAT.test(value)) {
      // As js-yaml reads a float; infinities and NaN are left to it.
      const sign = first === 45 ? -1 : 1;
      const number = sign * Number.parseFloat(first === 43 || first === 45 ? value.slice(1) : value);
      if (!Number.isFinite(number)) notPlain();
      return number;
    }
    return value;
  }
  switch (value) {
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    default:
      return value;
  }
}
