/**
 * The validation corpus: every rule has a stack file that breaks it; `validate`, `render`
 * and the stack program all refuse each error case (exit 2, nothing written, no resource),
 * with a message naming the culprit; warning cases pass with their warning.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RULES } from "../components/internal.js";
import { PulumiConfigReader, runStack } from "../program.js";
import { type CorpusCase, expectedDiagnostic, loadCorpus, stackFileOf } from "../scripts/corpus.js";
import { registered, resetRegistered } from "./helpers/pulumi-mocks.js";
import { loadStackIntoConfig } from "./helpers/stacks.js";
import { cli } from "./helpers/cli.js";

const corpus = loadCorpus();

function projectFor(c: CorpusCase): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-corpus-"));
  writeFileSync(join(dir, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
  writeFileSync(join(dir, `Pulumi.${c.name}.yaml`), stackFileOf(c));
  return dir;
}

describe("validation corpus", () => {
  it("has a case for every rule, and at least 40 error cases", async () => {
    const covered = new Set(corpus.map((c) => c.rule));
    assert.deepEqual(
      Object.keys(RULES).filter((r) => !covered.has(r as keyof typeof RULES)),
      [],
    );
    assert.ok(corpus.filter((c) => c.severity === "error").length >= 40);
  });

  for (const c of corpus) {
    describe(`${c.name} (${c.rule})`, () => {
      it(`reports ${c.severity} ${c.expect.path}: …${c.expect.text}…`, async () => {
        assert.ok(expectedDiagnostic(c), "the expected diagnostic was not produced");
      });

      if (c.secretValues) return; // its rule reads secret values, which offline commands cannot
      it(`${c.severity === "error" ? "exits 2 and writes nothing" : "passes with the warning"} in validate and render`, async () => {
        const dir = projectFor(c);
        const out = mkdtempSync(join(tmpdir(), "plx-out-"));
        const stack = c.stackArg ?? c.name;
        for (const args of [
          ["validate", "--stack", stack],
          ["render", "--stack", stack, "--out", out],
        ]) {
          const r = await cli(args, dir);
          assert.equal(r.code, c.severity === "error" ? 2 : 0, r.text);
          assert.ok(r.text.includes(`${c.severity} ${c.expect.path}:`), r.text);
        }
        if (c.severity === "error") assert.deepEqual(readdirSync(out), []);
      });
    });

    if (c.severity === "error" && c.config && !c.stackArg) {
      it(`${c.name}: the stack program registers no resource`, async () => {
        resetRegistered();
        const dir = projectFor(c);
        loadStackIntoConfig(dir, c.name, c.secretValues);
        const reader = new PulumiConfigReader(join(dir, `Pulumi.${c.name}.yaml`));
        assert.throws(
          () => runStack(reader),
          (err: Error) => err.message.includes(c.expect.path),
        );
        assert.equal(registered.length, 0);
      });
    }
  }
});
