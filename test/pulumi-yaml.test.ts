/**
 * Stack files are read as the Pulumi CLI reads them: components/load/pulumi-yaml.ts against
 * gopkg.in/yaml.v3 itself (with Pulumi's conversion of the values, helpers/yaml-v3), on
 * every YAML file Pulumi reads in this project and on generated scalars.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { readPulumiYaml, resolvePlainScalar, UnrepresentableScalarError } from "../components/load/pulumi-yaml.js";
import { applyImportToStackFile } from "../cli/stack-file-edit.js";
import { notDataKeyPaths } from "../components/load/yaml.js";
import { cli } from "./helpers/cli.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";
import { readWithYamlV3 } from "./helpers/yaml-v3.js";

/**
 * Our reading of each text next to yaml.v3's: equal values, or refused by us (refusing is
 * allowed: the user gets an error, never a value Pulumi would not deploy). Accepting what
 * yaml.v3 refuses is a disagreement. `refused` counts our refusals of what yaml.v3 reads,
 * other than the scalars Pulumi cannot pass on (.inf, .nan).
 */
function disagreements(texts: readonly string[], refused = { count: 0 }): string[] {
  const go = readWithYamlV3(texts);
  return texts.flatMap((text, i) => {
    const theirs = go[i]!;
    let ours: { value: unknown } | { error: string };
    try {
      ours = { value: readPulumiYaml(text) };
      // A `<<` (or `__proto__`) key is refused by the data-key rule: a refusal too.
      if (notDataKeyPaths(ours.value).length > 0) ours = { error: "data-key" };
    } catch (err) {
      if (!(err instanceof UnrepresentableScalarError) && theirs.error === undefined) refused.count++;
      ours = { error: (err as Error).message };
    }
    if ("error" in ours) return [];
    if (theirs.error !== undefined) return [`${JSON.stringify(text)}: ours ${JSON.stringify(ours.value)}, refused by yaml.v3: ${theirs.error}`];
    const expected = JSON.parse(theirs.json) as unknown;
    try {
      assert.deepStrictEqual(ours.value, expected);
      return [];
    } catch {
      return [`${JSON.stringify(text)}: ours ${JSON.stringify(ours.value)}, yaml.v3 ${theirs.json}`];
    }
  });
}

/** Every Pulumi.yaml and Pulumi.<stack>.yaml of the project and its test fixtures. */
function pulumiFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === "node_modules" || e.name.startsWith(".")) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return pulumiFiles(path);
    return /^Pulumi(\..+)?\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

/** Plain scalars near every rule of yaml.v3's resolver: signs, bases, underscores, floats, dates, times. */
const scalar = fc.oneof(
  fc.stringMatching(/^[-+]?(0[xXoObB]?)?[0-9a-fA-F_]{0,6}$/),
  fc.stringMatching(/^[-+]?[0-9_]{0,4}\.?[0-9]{0,3}([eE][-+]?[0-9]{1,3})?$/),
  fc.stringMatching(/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,3}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]{1,10})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/),
  fc.constantFrom(
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "True",
    "TRUE",
    "yes",
    "No",
    "on",
    "off",
    ".inf",
    "-.Inf",
    "+.INF",
    ".nan",
    ".NaN",
    "+.nan",
    "<<",
    "0",
    "-0",
    "00",
    "08",
    "0o",
    "0x",
    "1e400",
    "-1e400",
  ),
);

describe("stack files read as the Pulumi CLI reads them (yaml.v3)", function () {
  this.timeout(60_000);

  it("reads every Pulumi YAML file of the project exactly as yaml.v3 and Pulumi's config conversion do", () => {
    const files = pulumiFiles(PROJECT_ROOT);
    assert.ok(files.length >= 10, files.join("\n"));
    assert.deepEqual(disagreements(files.map((f) => readFileSync(f, "utf8"))), []);
  });

  it("resolves generated plain scalars as values and as keys exactly as yaml.v3 does", () => {
    const cases = fc.sample(scalar, { numRuns: 3000, seed: 21 });
    // As a key, a null or a float is printed by Go's %v (`<nil>`, `7.41e+06`): not modelled,
    // config keys are names (README, "Stack files").
    const asKey = (s: string) => {
      try {
        return !["null", "float"].includes(resolvePlainScalar(s).tag);
      } catch {
        return true; // refused as a key too
      }
    };
    const texts = cases.flatMap((s) => [`v: ${s}\n`, `l: [${s}]\n`, ...(asKey(s) ? [`${s}: v\n`] : [])]);
    const refused = { count: 0 };
    assert.deepEqual(disagreements(texts, refused), []);
    // Refusing is allowed, but only where Pulumi's reading cannot be given (.inf, .nan, …).
    assert.ok(refused.count < texts.length * 0.01, `${refused.count} of ${texts.length} refused`);
  });

  it("reads the scalars where the two readings disagreed as Pulumi does", () => {
    const doc = readPulumiYaml("mode: 0600\nport: 05432\nrev: 2024-01-01\nn: 1_000\nbig: 1e400\nquoted: '0600'\n");
    assert.deepEqual(doc, { mode: 384, port: 2842, rev: "2024-01-01 00:00:00 +0000 UTC", n: 1000, big: "1e400", quoted: "0600" });
    assert.throws(() => readPulumiYaml("x: .inf\n"), UnrepresentableScalarError);
  });

  it("reads names of Object's own members as the strings they are", () => {
    const names = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];
    for (const n of names) assert.deepEqual(resolvePlainScalar(n), { tag: "str", value: n });
    assert.deepEqual(readWithYamlV3([`l: [${names.join(", ")}]\n`]), [{ json: JSON.stringify({ l: names }) }]);
    assert.deepEqual(readPulumiYaml(`l: [${names.join(", ")}]\n`), { l: names });
  });

  it("refuses in validate, with the fix, a date Pulumi would hand the program as Go's timestamp text, and .inf", async () => {
    const project = mkdtempSync(join(tmpdir(), "plx-yaml-v3-"));
    writeFileSync(join(project, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
    writeFileSync(
      join(project, "Pulumi.dates.yaml"),
      "config:\n  polyaxon:connections:\n    - {name: code, kind: git, schema: {url: 'https://github.com/acme/ml', revision: 2024-01-01}}\n    - {name: b, kind: git, schema: {url: 'https://github.com/acme/b', revision: 2024-06-01T10:00:00Z}}\n",
    );
    writeFileSync(join(project, "Pulumi.inf.yaml"), "config:\n  polyaxon:namespace: .inf\n");
    const dates = await cli(["validate", "--stack", "dates"], project);
    assert.equal(dates.code, 2, dates.text);
    assert.match(dates.text, /polyaxon:connections\[0\]\.schema\.revision: is an unquoted YAML date.*got "2024-01-01 00:00:00 \+0000 UTC".*quote it/);
    assert.match(dates.text, /polyaxon:connections\[1\]\.schema\.revision: is an unquoted YAML date/);
    const inf = await cli(["validate", "--stack", "inf"], project);
    assert.equal(inf.code, 2, inf.text);
    assert.match(inf.text, /Pulumi\.inf\.yaml: \.inf is a float that Pulumi cannot pass/);
  });

  it("has import write every string so that Pulumi reads it back as that string (checked by yaml.v3)", () => {
    const tricky = ["2024-01-01", "2024-06-01T10:00:00Z", "1_000", "0b101", "0o17", "0x1F", "1e3", "09", ".5", "true", "~", "yes", "main", "0600"];
    const config = { "polyaxon:connections": [{ name: "code", kind: "git", schema: Object.fromEntries(tricky.map((t, i) => [`k${i}`, t])) }] };
    for (const before of ["", "config:\n  polyaxon:namespace: ml # kept\n"]) {
      const { text } = applyImportToStackFile(before, config);
      const [go] = readWithYamlV3([text]);
      const read = JSON.parse(go!.json!) as { config: { "polyaxon:connections": { schema: Record<string, string> }[] } };
      assert.deepEqual(read.config["polyaxon:connections"][0]!.schema, config["polyaxon:connections"][0]!.schema, text);
    }
  });

  it("refuses merge keys and __proto__ in validate, in imported values, and in the program's config", async () => {
    const project = mkdtempSync(join(tmpdir(), "plx-data-keys-"));
    writeFileSync(join(project, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
    writeFileSync(
      join(project, "Pulumi.merge.yaml"),
      "config:\n  polyaxon:library:\n    - &base {name: data, kind: s3, schema: {bucket: 's3://data'}}\n  polyaxon:connections:\n    - <<: *base\n      name: more\n",
    );
    const merged = await cli(["validate", "--stack", "merge"], project);
    assert.equal(merged.code, 2, merged.text);
    assert.match(merged.text, /error polyaxon:connections\[0\]\.<<: is a YAML merge key\. Fix: write the merged fields out/);
    writeFileSync(join(project, "values.yaml"), "connections:\n  - name: a\n    kind: git\n    __proto__: {kind: s3}\n");
    const imported = await cli(["import", join(project, "values.yaml"), "--stack", "imported"], project);
    assert.equal(imported.code, 2, imported.text);
    assert.match(imported.text, /values\.yaml: connections\[0\]\.__proto__: `__proto__` is not a data key/);
    const { loadStack } = await import("../components/internal.js");
    const { configSourceFrom } = await import("../components/internal.js");
    const { diagnostics } = loadStack(configSourceFrom(JSON.parse('{"connections": [{"name": "a", "kind": "git", "constructor": {"kind": "s3"}}]}')));
    assert.ok(
      diagnostics.some((d) => d.rule === "data-key" && d.path === "polyaxon:connections[0].constructor"),
      JSON.stringify(diagnostics),
    );
  });
});
