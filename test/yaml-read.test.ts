/**
 * The fast YAML reader against the arbiter, js-yaml 4 itself: whenever the reader answers,
 * its value equals js-yaml's exactly (types, -0, key order), and whenever js-yaml refuses a
 * text, the reader hands it back. On generated documents written by js-yaml, on generated
 * line soup full of YAML's edge cases, on every YAML file of the project, and on the
 * benchmark's stack files, which it must read without falling back.
 */
import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { dump } from "js-yaml";
import type { JsYaml4 } from "../components/load/js-yaml-4.js";
import { fromYaml, toYaml } from "../components/load/yaml.js";
import { readYamlFast } from "../components/load/yaml-read.js";
import { threeObjectStackConfig } from "../bench/catalog.js";

const { CORE_SCHEMA, load } = require("js-yaml-4") as JsYaml4;
const fast = (text: string) => readYamlFast(text, CORE_SCHEMA.compiledImplicit);

type Outcome = { value: unknown } | { error: string };
function jsYaml(text: string): Outcome {
  try {
    return { value: load(text, { schema: CORE_SCHEMA }) };
  } catch (err) {
    return { error: String(err) };
  }
}

/** The property: the reader answers only with js-yaml's own value. */
function agrees(text: string): boolean {
  const mine = fast(text);
  if (mine === undefined) return true;
  const theirs = jsYaml(text);
  assert.ok("value" in theirs, `the reader read a text js-yaml refuses (${"error" in theirs ? theirs.error : ""}):\n${text}`);
  assert.ok(isDeepStrictEqual(mine, theirs.value), `different values for:\n${text}\nreader: ${JSON.stringify(mine)}\njs-yaml: ${JSON.stringify(theirs.value)}`);
  return true;
}

const word = fc.constantFrom(
  "a", "key", "k-1", "x.y", "/data", "polyaxon:conn", "v1:AAAB+/=", "~", "null", "Null", "NULL", "true", "False", "TRUE", "yes", "on",
  "0", "-0", "+1", "0x1F", "0o17", "0b11", "1_000", "1_", "1e3", "1.5e-3", ".5", ".inf", "-.Inf", ".nan", "2024-01-01", "12:30", "-",
  "?", ":", "-a", "a#b", "__proto__", "<<", "=", "%x", "@x", "`x", "&a", "*a", "!t", "|", ">", "[a]", "{a: 1}", "[]", "{}", "C:\\x",
);
const piece = fc.oneof(
  word,
  fc.string({ unit: fc.constantFrom(..."ab1 -:#'\"\\[]{},&*!|>%@`?~.\t\r\u00e9".split("")), maxLength: 6 }),
  word.map((w) => `'${w}'`),
  word.map((w) => `"${w}"`),
  fc.constantFrom("''", '""', "'it''s'", "'a'b'", '"a\\"b"', '"a # b"', "a #c", " # c", "#c"),
);
/** Lines of YAML-ish text: indentation, dashes, keys, colons, values and comments at random. */
const lineSoup = fc
  .array(
    fc.tuple(fc.constantFrom("", "", " ", "  ", "    ", "      "), fc.constantFrom("", "- ", "-  ", "- - ", "-"), fc.option(piece), fc.constantFrom(": ", ":", "", ":  "), fc.option(piece)),
    { minLength: 1, maxLength: 12 },
  )
  .map((lines) => lines.map(([indent, dash, key, colon, value]) => `${indent}${dash}${key ?? ""}${colon}${value ?? ""}`).join("\n") + "\n");

/**
 * Block documents in the styles people and tools write: keys and scalars plain, single- or
 * double-quoted; sequences indented or at their key's indentation, `- key: value` compact
 * mappings or items on their own lines, one or two spaces after a dash or colon, trailing
 * and full-line comments, blank lines, empty `[]` and `{}`. The choices come from `choices`.
 */
type Tree = string | { seq: Tree[] } | { map: [string, Tree][] };
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, word, tie("seq"), tie("map")),
  seq: fc.array(tie("node"), { maxLength: 3 }).map((seq) => ({ seq })),
  map: fc.array(fc.tuple(word, tie("node")), { maxLength: 3 }).map((map) => ({ map })),
})) as { node: fc.Arbitrary<Tree>; map: fc.Arbitrary<{ map: [string, Tree][] }> };

function writeStyled(root: { map: [string, Tree][] }, choices: number[]): string {
  let next = 0;
  const pick = (n: number) => choices[next++ % choices.length]! % n;
  const lines: string[] = [];
  const scalar = (w: string) => [`'${w.replace(/'/g, "''")}'`, `"${w}"`, w, w][pick(4)]!;
  const trailing = () => ["", "", "", " # c", "  #c", " "][pick(6)]!;
  const spaces = (n: number) => " ".repeat(n);
  /** `node` after `head` (a `key:` or a dash) or, without a head, from column `col`. */
  const write = (node: Tree, col: number, head: string | null): void => {
    const lead = head === null ? spaces(col) : `${head} `;
    if (typeof node === "string") return void lines.push(lead + scalar(node) + trailing());
    if ("seq" in node ? node.seq.length === 0 : node.map.length === 0) return void lines.push(lead + ("seq" in node ? "[]" : "{}") + trailing());
    if (head !== null) lines.push(head + trailing());
    if ("map" in node) return writeMap(node.map, col, null);
    // A sequence under a key may sit at the key's own indentation.
    const at = head?.endsWith(":") && pick(2) ? Math.max(col - 2, 0) : col;
    for (const item of node.seq) {
      const dash = `${spaces(at)}-${spaces(1 + pick(2))}`;
      if (typeof item === "string") lines.push(dash + scalar(item) + trailing());
      else if ("map" in item && item.map.length > 0 && pick(2)) writeMap(item.map, dash.length, dash);
      else write(item, at + 2 + pick(2), dash.trimEnd());
    }
    if (pick(5) === 0) lines.push("");
  };
  const writeMap = (entries: [string, Tree][], col: number, firstLead: string | null): void => {
    entries.forEach(([key, value], i) => {
      if (pick(8) === 0) lines.push(`${spaces(pick(4))}# comment`);
      const head = `${i === 0 && firstLead !== null ? firstLead : spaces(col)}${scalar(key)}:`;
      if (typeof value === "string") lines.push(`${head}${spaces(1 + pick(2))}${scalar(value)}${trailing()}`);
      else write(value, col + 2 + pick(2), head);
    });
  };
  writeMap(root.map.length > 0 ? root.map : [["a", "b"]], 0, null);
  return `${lines.join("\n")}\n`;
}
const styled = fc.tuple(tree.map, fc.array(fc.nat(), { minLength: 64, maxLength: 64 })).map(([root, choices]) => writeStyled(root, choices));
/** The same with one character inserted, replaced or removed somewhere: the edges of validity. */
const nearlyStyled = fc
  .tuple(styled, fc.nat(), fc.boolean(), fc.constantFrom("", " ", "-", ":", "#", "'", '"', "\n", "  ", "x"))
  .map(([text, at, insert, s]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + s + text.slice(insert ? i : i + 1);
  });

/** Documents as js-yaml writes them, in block and mixed styles. */
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 5 });
const leaf = fc.oneof(word, printable, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const doc = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("node"), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(word, printable), tie("node"), { maxKeys: 5 }),
})) as { node: fc.Arbitrary<unknown>; object: fc.Arbitrary<Record<string, unknown>> };
const written = fc
  .tuple(doc.object, fc.constantFrom(-1, -1, -1, 2), fc.boolean(), fc.constantFrom("single", "double") as fc.Arbitrary<"single" | "double">)
  .map(([value, flowLevel, sortKeys, quoteStyle]) => dump(value, { flowLevel, sortKeys, quoteStyle, lineWidth: -1 }));

/** Every YAML file the project holds (stack files, fixtures, corpus, golden files, charts). */
function projectYamlFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) projectYamlFiles(path, found);
    else if (/\.ya?ml$/.test(name)) found.push(path);
  }
  return found;
}

describe("fast YAML reader", () => {
  it("answers only with js-yaml's value, and never for a text js-yaml refuses (generated line soup)", () => {
    fc.assert(fc.property(lineSoup, agrees), { numRuns: 20000 });
  });

  it("reads block documents in every common style as js-yaml reads them, and hands back what is near them but off", () => {
    let answered = 0;
    const counted = (text: string) => {
      if (fast(text) !== undefined) answered++;
      return agrees(text);
    };
    fc.assert(fc.property(styled, counted), { numRuns: 5000 });
    assert.ok(answered > 1500, `the reader answered only ${answered} of 5000 styled documents`);
    fc.assert(fc.property(nearlyStyled, agrees), { numRuns: 5000 });
  });

  it("reads documents written by js-yaml in block style as js-yaml reads them", () => {
    let answered = 0;
    fc.assert(
      fc.property(written, (text) => {
        if (fast(text) !== undefined) answered++;
        return agrees(text);
      }),
      { numRuns: 3000 },
    );
    // Many hold something it hands back (a key like `?`, a sequence in a sequence, a flow
    // collection); the rest must still be read by the reader itself, or this test tests nothing.
    assert.ok(answered > 600, `the reader answered only ${answered} of 3000`);
  });

  it("agrees with js-yaml on every YAML file of the project", () => {
    const files = projectYamlFiles(join(__dirname, ".."));
    assert.ok(files.length > 50, `only ${files.length} files`);
    for (const file of files) agrees(readFileSync(file, "utf8"));
  });

  it("reads the benchmark's stack files itself, and fromYaml gives the same as js-yaml", () => {
    const text = toYaml({ config: threeObjectStackConfig(50) });
    const mine = fast(text);
    assert.notEqual(mine, undefined);
    assert.deepStrictEqual(mine, load(text, { schema: CORE_SCHEMA }));
    assert.deepStrictEqual(fromYaml(text), mine);
  });

  it("hands back what it does not read itself, so that js-yaml reads it or reports the error", () => {
    for (const text of [
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: [1, 2]\n",
      "a: |\n  text\n",
      "a: multi\n  line\n",
      'a: "esc\\n"\n',
      "a: 1\na: 2\n",
      "- a\n",
      "---\na: 1\n",
      "a:\tb\n",
      "a: caf\u00e9\n",
      "",
      "a: b: c\n",
      // js-yaml continues the inner sequence with the dash further left after an empty last item.
      "a:\n  -\n    -\n  - b\n",
    ]) {
      assert.equal(fast(text), undefined, JSON.stringify(text));
    }
    // Duplicate keys reach js-yaml, which names the line.
    assert.throws(() => fromYaml("a: 1\na: 2\n"), /duplicated mapping key/);
  });

  it("reads the shapes stack files use: sequences at the key's indentation, compact mappings, comments, quotes, empty values", () => {
    const text = [
      "# comment",
      "config:",
      "  polyaxon:namespace: plx   # trailing",
      "  list:",
      "  - a",
      "  -   b: 1",
      "      c: 'it''s'",
      "  -",
      "  empty:",
      '  quoted: "a # b"',
      "  flow: []",
      "  map: {}",
      "  n: ~",
      "  num: -0.0",
      "  url: http://x/#frag",
      "",
    ].join("\n");
    assert.deepStrictEqual(fast(text), load(text, { schema: CORE_SCHEMA }));
    assert.ok(Object.is((fast(text) as { config: { num: number } }).config.num, -0), "-0.0 stays negative zero");
  });
});
