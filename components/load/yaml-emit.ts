/**
 * A fast writer for the documents render emits, byte-identical to js-yaml's `dump` with
 * the options `toYaml` uses (sorted keys, block style, no line folding, no anchors, double
 * quotes). js-yaml builds an AST per document and tests each scalar against several
 * Unicode regular expressions; for 15,000 small manifests that was a quarter of render's
 * time. This writer walks the value once and decides each scalar's style cheaply; any
 * scalar it is not certain about is rendered by js-yaml itself (memoised), and any document
 * shape it does not know (a multi-line string, a long key, a class instance, a root scalar)
 * returns `undefined`, so that the caller falls back to js-yaml for the whole document.
 * `test/yaml-emit.test.ts` checks it against js-yaml on generated documents.
 */
import { dump, type DumpOptions } from "js-yaml";

/** The options `toYaml` passes to js-yaml; the fast writer reproduces exactly these. */
export const DUMP_OPTIONS: DumpOptions = { sortKeys: true, lineWidth: -1, noRefs: true, quotingType: '"' };

/**
 * Strings js-yaml certainly writes plain, in a value or a key below the root: a letter or
 * `/` first, then letters, digits and `_ . / -` (nothing a YAML indicator, resolver or
 * quoting rule looks at), and not one of the words YAML 1.1 or 1.2 reads as a boolean or
 * null (js-yaml quotes those so that older readers keep them strings).
 */
const CERTAINLY_PLAIN = /^[A-Za-z/][A-Za-z0-9_./-]*$/;
const RESERVED_WORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** Scalars js-yaml rendered for us, by kind and value (bounded: render repeats few of them). */
const valueMemo = new Map<unknown, string | null>();
const keyMemo = new Map<string, string | null>();
const MEMO_LIMIT = 50_000;

function remember<K>(memo: Map<K, string | null>, key: K, text: string | null): string | null {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, text);
  return text;
}

/**
 * js-yaml's text for a scalar in value position below the root, or null when that text
 * spans several lines (it then depends on the indentation: the caller falls back).
 */
function slowValue(value: string | number | boolean): string | null {
  // String(-0) is "0", but js-yaml writes -0 as -0.0: numbers are keyed apart from strings and by sign.
  const memoKey = typeof value === "string" ? value : `\0${typeof value}:${Object.is(value, -0) ? "-0" : String(value)}`;
  const known = valueMemo.get(memoKey);
  if (known !== undefined) return known;
  const line = dump({ k: value }, DUMP_OPTIONS);
  // One line "k: <text>\n" when the scalar fits on one line.
  const text = line.indexOf("\n") === line.length - 1 ? line.slice(3, -1) : null;
  return remember(valueMemo, memoKey, text);
}

/** js-yaml's text for a mapping key, or null for a key it writes as an explicit `? ` pair. */
function slowKey(key: string): string | null {
  const known = keyMemo.get(key);
  if (known !== undefined) return known;
  const line = dump({ [key]: 0 }, DUMP_OPTIONS);
  const text = line.endsWith(": 0\n") && line.indexOf("\n") === line.length - 1 && !line.startsWith("? ") ? line.slice(0, -4) : null;
  return remember(keyMemo, key, text);
}

const plainString = (s: string) => CERTAINLY_PLAIN.test(s) && !RESERVED_WORD.test(s);

/**
 * Strings js-yaml certainly double-quotes as they are: no plain scalar can hold `: ` or
 * ` #`, nor start with a flow or node indicator; and no character in them needs an escape.
 * (Render's redacted Secret values, `<redacted: ...>`, are all of this kind.)
 */
// eslint-disable-next-line no-control-regex -- control characters are what must be escaped
const NEEDS_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
const NEVER_PLAIN = /^[,[\]{}#&*!|>'"%@`]|: | #/;
const quotedAsIs = (s: string) => NEVER_PLAIN.test(s) && !NEEDS_ESCAPE.test(s);

/** Thrown inside the walk when the document needs js-yaml (caught by `emitYaml`). */
class NeedsJsYaml extends Error {}

/** The text of a scalar (containers never reach here: the callers write them). */
function scalarText(value: unknown): string {
  switch (typeof value) {
    case "string":
      if (plainString(value)) return value;
      if (quotedAsIs(value)) return `"${value}"`;
      break;
    case "boolean":
      return value ? "true" : "false";
    case "number":
      break;
    case "object":
      return "null";
    default:
      // undefined is handled by the callers; functions, symbols, bigints go to js-yaml.
      throw new NeedsJsYaml();
  }
  const text = slowValue(value);
  if (text === null) throw new NeedsJsYaml();
  return text;
}

/** js-yaml writes a key longer than this as an explicit `? ` pair. */
const LONGEST_IMPLICIT_KEY = 1024;

function keyText(key: string): string {
  if (key.length <= LONGEST_IMPLICIT_KEY && plainString(key)) return key;
  if (key.length <= LONGEST_IMPLICIT_KEY && quotedAsIs(key)) return `"${key}"`;
  const text = slowKey(key);
  if (text === null) throw new NeedsJsYaml();
  return text;
}

/** A plain object or array: the only containers the fast writer knows. */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new NeedsJsYaml();
  return true;
}

function isEmpty(value: Record<string, unknown> | unknown[]): boolean {
  if (Array.isArray(value)) return value.length === 0;
  for (const k in value) if (value[k] !== undefined) return false;
  return true;
}

/**
 * The keys of `map` in js-yaml's `sortKeys` order (UTF-16 code units, as `Array#sort`).
 * Manifests have a handful of keys per mapping, often in order already: sorted in place by
 * insertion, which allocates nothing, where `Array#sort` allocated a work array each time.
 */
function sortedKeys(map: Record<string, unknown>): string[] {
  const keys = Object.keys(map);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/** Indentation by nesting depth, made once: the writer only pushes existing strings. */
const INDENTS: string[] = [""];
const indentOf = (depth: number): string => (INDENTS[depth] ??= "  ".repeat(depth));

/** A document being written: parts not joined yet, and the text joined so far. */
interface Output {
  parts: string[];
  text: string;
}

/**
 * Join the parts every few thousand (into a cons string, which costs nothing until the
 * text is used): one array of every part of a large document — the values file of 5,000
 * connections has over 300,000 — was copied each time it grew.
 */
const JOIN_EVERY = 4096;
function flush(out: Output): void {
  if (out.parts.length < JOIN_EVERY) return;
  out.text += out.parts.join("");
  out.parts.length = 0;
}

/** Lines of a non-empty mapping at `depth`; the first line's indent is left to the caller. */
function writeMapping(out: Output, map: Record<string, unknown>, depth: number): void {
  let first = true;
  for (const key of sortedKeys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    flush(out);
    if (!first) out.parts.push("\n", indentOf(depth));
    first = false;
    out.parts.push(keyText(key), ":");
    writeValue(out, value, depth);
  }
}

/** What follows a key's colon or a dash: ` <scalar>`, ` []`, ` {}`, or the block one level deeper. */
function writeValue(out: Output, value: unknown, depth: number): void {
  if (!isContainer(value)) {
    out.parts.push(" ", scalarText(value));
    return;
  }
  if (isEmpty(value)) {
    out.parts.push(Array.isArray(value) ? " []" : " {}");
    return;
  }
  out.parts.push("\n", indentOf(depth + 1));
  if (Array.isArray(value)) writeSequence(out, value, depth + 1);
  else writeMapping(out, value, depth + 1);
}

/** Items of a non-empty sequence at `depth`; the first dash's indent is left to the caller. */
function writeSequence(out: Output, items: unknown[], depth: number): void {
  for (let i = 0; i < items.length; i++) {
    flush(out);
    if (i > 0) out.parts.push("\n", indentOf(depth));
    const item = items[i] === undefined ? null : items[i];
    if (isContainer(item) && !isEmpty(item)) {
      // Compact: the first entry shares the dash's line, the rest align under it.
      out.parts.push("- ");
      if (Array.isArray(item)) writeSequence(out, item, depth + 1);
      else writeMapping(out, item, depth + 1);
    } else {
      out.parts.push("-");
      writeValue(out, item, depth);
    }
  }
}

/**
 * The YAML of a mapping or sequence exactly as js-yaml's `dump(value, DUMP_OPTIONS)` writes
 * it, or `undefined` when the fast writer cannot be sure (the caller then uses js-yaml).
 */
export function emitYaml(value: unknown): string | undefined {
  try {
    if (!isContainer(value)) return undefined;
    if (isEmpty(value)) return Array.isArray(value) ? "[]\n" : "{}\n";
    const out: Output = { parts: [], text: "" };
    if (Array.isArray(value)) writeSequence(out, value, 0);
    else writeMapping(out, value, 0);
    out.parts.push("\n");
    return out.text + out.parts.join("");
  } catch (error) {
    if (error instanceof NeedsJsYaml) return undefined;
    throw error;
  }
}
