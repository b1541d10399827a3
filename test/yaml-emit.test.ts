/**
 * The fast YAML writer against the arbiter, js-yaml's own `dump` with the same options: on
 * generated documents with tricky strings and keys, on every golden file's data, and on
 * the shapes it must hand back to js-yaml.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { dump, load } from "js-yaml";
import { DUMP_OPTIONS, emitYaml } from "../components/load/yaml-emit.js";
import { loadStack, planStack, toYaml } from "../components/internal.js";
import { renderFiles } from "../cli/render.js";
import { readStackConfig } from "../cli/stack-file.js";
import { exampleStacks } from "./helpers/stacks.js";

const jsYaml = (value: unknown) => dump(value, DUMP_OPTIONS);

/** Strings made of the characters and words YAML's quoting rules care about. */
const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(..."aZ0 -:#/._'\"\\\n\t{}[],&*!|>%@`?~=<\u00a0\u2028é😀".split(/(?:)/u)), maxLength: 8 }),
  fc.constantFrom(
    "",
    " ",
    "-",
    "---",
    "...",
    "=",
    "~",
    "<<",
    "true",
    "False",
    "NULL",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "N",
    "null",
    "0",
    "0x1F",
    "0o17",
    "1e3",
    ".inf",
    "-.Inf",
    ".nan",
    "1_000",
    "2024-01-01",
    "12:30",
    "a: b",
    "a #b",
    "#a",
    "- a",
    "key:",
    "http://x.y/z",
    "/data/x",
    "app.kubernetes.io/part-of",
    "10Gi",
    "<redacted: from config polyaxon:k>",
  ),
);

const scalar = fc.oneof(trickyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const documents = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("array"), tie("object")),
  array: fc.array(tie("node"), { maxLength: 4 }),
  object: fc.dictionary(trickyString, tie("node"), { maxKeys: 5 }),
})) as { node: fc.Arbitrary<unknown>; array: fc.Arbitrary<unknown[]>; object: fc.Arbitrary<Record<string, unknown>> };

/** Every YAML file render writes for the example stacks, and the golden values files. */
function renderedTexts(): [string, string][] {
  const rendered = exampleStacks().flatMap(({ dir, stack }) => {
    const { stack: model } = loadStack(readStackConfig(dir, stack));
    assert.ok(model, stack);
    return [...renderFiles(planStack(model))].map(([file, text]): [string, string] => [`${stack}/${file}`, text]);
  });
  const golden = ["dev-values.yaml", "every-kind-values.yaml"].map((f): [string, string] => [f, readFileSync(join(__dirname, "golden", f), "utf8")]);
  return [...rendered, ...golden];
}

describe("fast YAML writer", () => {
  it("writes exactly what js-yaml writes, or hands the document back (generated documents)", () => {
    fc.assert(
      fc.property(fc.oneof(documents.object, documents.array), (value) => {
        const fast = emitYaml(value);
        if (fast !== undefined) assert.equal(fast, jsYaml(value));
        assert.equal(toYaml(value), jsYaml(value));
      }),
      { numRuns: 3000 },
    );
  });

  it("writes every file render writes for the example stacks, and the golden files, as js-yaml does and without falling back", () => {
    const texts = renderedTexts();
    assert.ok(texts.length > 30, `only ${texts.length} files`);
    for (const [file, text] of texts) {
      const data = load(text);
      assert.equal(jsYaml(data), text, file);
      assert.equal(emitYaml(data), text, file);
    }
  });

  it("writes large documents, whose parts it joins every few thousand, exactly as js-yaml does", () => {
    const entry = (i: number) => ({ name: `conn-${i}`, kind: "s3", schema: { bucket: `s3://b-${i}` }, tags: ["a", `t${i}`], secret: { name: `s-${i}` } });
    const values = { connections: Array.from({ length: 3000 }, (_, i) => entry(i)), wide: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])) };
    const text = emitYaml(values);
    assert.ok(text !== undefined && text.length > 200_000);
    assert.equal(text, jsYaml(values));
  });

  it("hands back what it cannot write for sure: multi-line strings, long keys, class instances, root scalars", () => {
    for (const value of [{ a: "x\ny" }, { ["k".repeat(1100)]: 1 }, { d: new Date(0) }, "root", 42, { f: () => 1 }]) {
      assert.equal(emitYaml(value), undefined, JSON.stringify(value)?.slice(0, 40));
    }
    assert.equal(toYaml({ a: "x\ny" }), "a: |-\n  x\n  y\n");
    // -0 and 0 print alike in JavaScript but not in YAML (js-yaml writes -0.0), whichever comes first.
    for (const value of [
      [0, -0],
      [-0, 0],
    ])
      assert.equal(emitYaml(value), jsYaml(value));
    // Mappings of more than 16 keys take the other sort path.
    const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${(i * 7) % 30}`, i % 2 ? `v${i}` : { a: i }]));
    assert.equal(emitYaml(wide), jsYaml(wide));
  });
});
