/**
 * A fast reader for the block-style YAML that stack files are written in, giving exactly
 * what js-yaml 4 `load(text, { schema: CORE_SCHEMA })` gives. js-yaml spends most of its
 * time and allocations on the generality such files never use: it tries every node as a
 * flow collection (allocating a key table each time), tracks anchors, tags and positions.
 *
 * This reader accepts only what it is sure of — a root mapping of nested block mappings and
 * sequences, one-line plain and quoted scalars, `[]` and `{}`, full-line and trailing
 * comments, in printable ASCII without tabs or carriage returns — and returns `undefined`
 * for anything else (anchors, tags, flow collections, block or multi-line scalars, escapes,
 * duplicate keys, unusual indentation, errors), so that the caller hands the whole text to
 * js-yaml and gets its result or its error. Plain scalars are typed by js-yaml's own core
 * schema resolvers, in its order. `test/yaml-read.test.ts` checks it against js-yaml.
 */
import type { JsYaml4Type } from "./js-yaml-4.js";

/** Thrown inside the reader when the text needs js-yaml (caught by `readYamlFast`). */
class NeedsJsYaml extends Error {}
const give = (): never => {
  throw new NeedsJsYaml();
};

/** Anything but printable ASCII and newlines: tabs, CR, control and non-ASCII characters. */
const OUTSIDE_SUBSET = /[^\n\x20-\x7e]/;
/** Characters that cannot start a plain scalar here (indicators, quotes, flow collections). */
const NOT_PLAIN_START = new Set("[]{},#&*!|>'\"%@`");
/** First characters of the core schema's nulls, booleans, integers and floats (js-yaml 4.1.0). */
const MAY_BE_TYPED = new Set("~nNtTfF+-.0123456789");

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SINGLE = 39;
const DOUBLE = 34;

/**
 * Reads the text line by line with a cursor, slicing out only keys and scalars. The current
 * line is described by `indent` (-1 past the end), and its content by `start`..`end`
 * (trailing spaces excluded); blank and comment-only lines are skipped.
 */
class Reader {
  private next = 0;
  private indent = -1;
  private start = 0;
  private end = 0;

  constructor(
    private readonly text: string,
    private readonly types: readonly JsYaml4Type[],
  ) {
    this.nextLine();
  }

  /** Past the last line. */
  private get done(): boolean {
    return this.indent === -1;
  }

  /** Move to the next line with content. */
  private nextLine(): void {
    const text = this.text;
    while (this.next <= text.length) {
      const lineStart = this.next;
      let lineEnd = text.indexOf("\n", lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      this.next = lineEnd + 1;
      let start = lineStart;
      while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
      let end = lineEnd;
      while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
      if (end > start && text.charCodeAt(start) !== HASH) {
        this.indent = start - lineStart;
        this.start = start;
        this.end = end;
        return;
      }
    }
    this.indent = -1;
  }

  /** Whether the content from `at` is a sequence entry (`-` alone or `- ...`). */
  private isItem(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.end || this.text.charCodeAt(at + 1) === SPACE);
  }

  document(): unknown {
    // An empty document, directives, markers, or a root other than a mapping: js-yaml's.
    if (this.indent !== 0 || this.isItem(this.start)) give();
    const first = this.text.charCodeAt(this.start);
    if (first === 37 /* % */ || this.text.startsWith("---", this.start) || this.text.startsWith("...", this.start)) give();
    const root = this.mapping(0, this.start);
    if (!this.done) give();
    return root;
  }

  /** The block on the next line, deeper than `parentIndent` (or a sequence at it, for a key). */
  private nested(parentIndent: number, forKey: boolean): unknown {
    if (this.indent < parentIndent) return null;
    if (this.indent === parentIndent) return forKey && this.isItem(this.start) ? this.sequence(parentIndent) : null;
    return this.isItem(this.start) ? this.sequence(this.indent) : this.mapping(this.indent, this.start);
  }

  /** A block mapping whose entries sit at column `indent`; the first entry starts at `from`. */
  private mapping(indent: number, from: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const colon = this.keyEnd(from);
      if (colon === -1) give();
      const key = this.key(from, colon);
      if (key === "__proto__" || Object.prototype.hasOwnProperty.call(map, key)) give();
      let value = colon + 1;
      while (value < this.end && this.text.charCodeAt(value) === SPACE) value++;
      if (value === this.end || this.text.charCodeAt(value) === HASH) {
        // `key:` (or `key: # comment`): the value is the block below, if any.
        this.nextLine();
        map[key] = this.nested(indent, true);
      } else {
        map[key] = this.inlineValue(value, indent);
      }
      if (this.indent < indent) return map;
      if (this.indent > indent || this.isItem(this.start)) give();
      from = this.start;
    }
  }

  /** A block sequence whose dashes sit at column `indent`. */
  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    for (;;) {
      let rest = this.start + 1;
      while (rest < this.end && this.text.charCodeAt(rest) === SPACE) rest++;
      if (rest === this.end) {
        this.nextLine();
        const value = this.nested(indent, false);
        // js-yaml lets a dash further left continue this sequence after an empty last item.
        if (value === null && this.indent >= 0 && this.indent < indent && this.isItem(this.start)) give();
        items.push(value);
      } else if (this.isItem(rest)) {
        give();
      } else if (this.keyEnd(rest) !== -1) {
        // `- key: value`: a mapping whose entries align after the dash.
        items.push(this.mapping(indent + (rest - this.start), rest));
      } else {
        items.push(this.inlineValue(rest, indent));
      }
      // A sequence under a key may sit at the key's indentation: the mapping goes on after it.
      if (this.indent < indent || (this.indent === indent && !this.isItem(this.start))) return items;
      if (this.indent > indent) give();
    }
  }

  /**
   * Where the key of a mapping entry starting at `from` ends (its colon), or -1 when the
   * line is not a mapping entry (a quoted key must be followed by its colon directly).
   */
  private keyEnd(from: number): number {
    const { text, end } = this;
    const first = text.charCodeAt(from);
    if (first === SINGLE || first === DOUBLE) {
      const close = this.quoted(from).next;
      return text.charCodeAt(close) === COLON && (close + 1 === end || text.charCodeAt(close + 1) === SPACE) ? close : -1;
    }
    for (let i = from; i < end; i++) {
      if (text.charCodeAt(i) === COLON && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) return i;
    }
    return -1;
  }

  /** The key written from `from` to `colon`, resolved and made a string as js-yaml does. */
  private key(from: number, colon: number): string {
    const first = this.text.charCodeAt(from);
    if (first === SINGLE || first === DOUBLE) return this.quoted(from).value;
    // js-yaml trims a plain key, reads a key of over 1024 characters differently, and an
    // empty one as an explicit pair.
    if (colon === from || colon - from > 1024 || this.text.charCodeAt(colon - 1) === SPACE) give();
    return String(this.plain(from, colon));
  }

  /** A value written after `key: ` or `- `, up to the line's end; it may not continue below. */
  private inlineValue(from: number, indent: number): unknown {
    const { text, end } = this;
    let value: unknown;
    const first = text.charCodeAt(from);
    if (first === SINGLE || first === DOUBLE) {
      const q = this.quoted(from);
      if (q.next !== end && !this.isComment(q.next)) give();
      value = q.value;
    } else if (end - from === 2 && (text.startsWith("[]", from) || text.startsWith("{}", from))) {
      value = first === 91 /* [ */ ? [] : {};
    } else {
      let last = end;
      const comment = this.find(" #", from);
      if (comment !== -1) {
        last = comment;
        while (text.charCodeAt(last - 1) === SPACE) last--;
      }
      value = this.plain(from, last);
    }
    this.nextLine();
    if (this.indent > indent) give();
    return value;
  }

  /** Where `what` first occurs in the current line from `from` on, or -1 (never looks past the line). */
  private find(what: string, from: number): number {
    const { text } = this;
    const first = what.charCodeAt(0);
    for (let i = from, last = this.end - what.length; i <= last; i++) {
      if (text.charCodeAt(i) === first && (what.length === 1 || text.startsWith(what, i))) return i;
    }
    return -1;
  }

  /** Spaces then a `#` from `at` on: a trailing comment. */
  private isComment(at: number): boolean {
    let i = at;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i > at && this.text.charCodeAt(i) === HASH;
  }

  /** A plain scalar from `from` to `to`, typed by the core schema's resolvers in js-yaml's order. */
  private plain(from: number, to: number): unknown {
    const { text } = this;
    const first = text[from]!;
    if (NOT_PLAIN_START.has(first)) give();
    if ((first === "-" || first === "?" || first === ":") && (to - from === 1 || text.charCodeAt(from + 1) === SPACE)) give();
    // A colon ending it or followed by a space, or a comment, would make it something else.
    if (text.charCodeAt(to - 1) === COLON) give();
    for (let i = from; i < to - 1; i++) {
      const c = text.charCodeAt(i);
      if ((c === COLON || c === SPACE) && text.charCodeAt(i + 1) === (c === COLON ? SPACE : HASH)) give();
    }
    const scalar = text.slice(from, to);
    // Only MAY_BE_TYPED characters can start a null (`~`, `null`), a boolean or a number
    // (`-1`, `.5`, `.inf`): other text is a string without asking the resolvers.
    if (!MAY_BE_TYPED.has(first)) return scalar;
    for (const type of this.types) if (type.resolve(scalar)) return type.construct(scalar);
    return scalar;
  }

  /** A quoted scalar at `from`, on one line and without escapes; `next` is just past it. */
  private quoted(from: number): { value: string; next: number } {
    const { text, end } = this;
    if (text.charCodeAt(from) === DOUBLE) {
      const close = this.find('"', from + 1);
      if (close === -1) give();
      const escape = this.find("\\", from + 1);
      if (escape !== -1 && escape < close) give();
      return { value: text.slice(from + 1, close), next: close + 1 };
    }
    let value = "";
    let at = from + 1;
    for (;;) {
      const close = this.find("'", at);
      if (close === -1) give();
      value += text.slice(at, close);
      if (text.charCodeAt(close + 1) !== SINGLE || close + 1 >= end) return { value, next: close + 1 };
      value += "'";
      at = close + 2;
    }
  }
}

/**
 * `text` read as js-yaml 4 reads it with `types` (its core schema's implicit types), or
 * `undefined` when the fast reader cannot be sure (the caller then uses js-yaml).
 */
export function readYamlFast(text: string, types: readonly JsYaml4Type[]): unknown {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  try {
    return new Reader(text, types).document();
  } catch (err) {
    if (err instanceof NeedsJsYaml) return undefined;
    throw err;
  }
}
