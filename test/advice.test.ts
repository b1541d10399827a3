/**
 * Say only what helps: one summary for connections that carry nothing, warnings of every
 * stack in `render --all`, no "nothing was written" from a command that never writes, no
 * "not used" for keys that an entry with an error names.
 */
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSourceFrom, GENERIC_KINDS, loadStack } from "../components/internal.js";
import { cli } from "./helpers/cli.js";
import { FIXTURE_STACKS } from "./helpers/stacks.js";

const store = { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "s3" } };

function project(stacks: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-advice-"));
  cpSync(join(FIXTURE_STACKS, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  for (const [name, config] of Object.entries(stacks)) writeFileSync(join(dir, `Pulumi.${name}.yaml`), JSON.stringify({ config }));
  return dir;
}

describe("advice that helps", () => {
  it("sums up connections that carry nothing in one warning; a notifier without a Secret gets its own", () => {
    const kinds = GENERIC_KINDS.slice(0, 25);
    const connections = [...kinds.map((kind, i) => ({ name: `c${i}`, kind })), { name: "alerts", kind: "slack" }];
    const { stack, diagnostics } = loadStack(configSourceFrom({ artifactsStore: store, connections }));
    assert.ok(stack, JSON.stringify(diagnostics));
    const empty = stack.warnings.filter((w) => w.rule === "empty-connection");
    assert.equal(empty.length, 2);
    assert.match(empty[0]!.message, /^slack notifier alerts has no secret/);
    assert.match(empty[1]!.message, /^25 connections c0, c1, c2, c3, c4 and 20 more have no schema/);
    assert.equal(empty[1]!.path, "polyaxon:connections");
  });

  it("render --all prints each stack's warnings", async () => {
    const dir = project({
      a: { "kubernetes:context": "a", "polyaxon:artifactsStore": store, "polyaxon:connections": [{ name: "x", kind: "mysql" }] },
      b: { "kubernetes:context": "b" },
    });
    const r = await cli(["render", "--all", "--out", join(dir, "out")], dir);
    assert.equal(r.code, 0, r.text);
    assert.match(r.stderr, /stack a:\nwarning polyaxon:connections\[0\]: connection x has no schema/);
    assert.match(r.stderr, /stack b:\nwarning polyaxon:artifactsStore: not set/);
  });

  it("validate never says it wrote nothing; render does", async () => {
    const dir = project({ bad: { "polyaxon:connections": [{ name: "x", kind: "nfs" }] } });
    const v = await cli(["validate", "--stack", "bad"], dir);
    assert.equal(v.code, 2);
    assert.match(v.stderr, /^stack bad: 1 error$/m);
    const r = await cli(["render", "--stack", "bad", "--out", join(dir, "out")], dir);
    assert.match(r.stderr, /^stack bad: 1 error; nothing was written$/m);
  });

  it("does not call the keys of an entry with an error unused", async () => {
    const dir = project({
      k: {
        "kubernetes:context": "k",
        "polyaxon:artifactsStore": store,
        "polyaxon:connections": [{ name: "db", kind: "postgres", secret: { name: "pg", fromConfig: { PGPASSWORD: "pgPassword" }, mountPath: "relative" } }],
        "polyaxon:pgPassword": { secure: "v1:abc" },
      },
    });
    const r = await cli(["validate", "--stack", "k"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /secret\.mountPath/);
    assert.doesNotMatch(r.stderr, /not used/);
  });
});
