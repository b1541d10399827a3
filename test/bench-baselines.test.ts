/**
 * The like-for-like benchmark compares equal work: the cdk8s baseline writes the very
 * objects and values file our render writes for a three-object catalog.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAll } from "js-yaml";
import { writeThreeObjectStack } from "../bench/catalog.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

/** Every object of the YAML files in `dir`, keys sorted at every depth, as JSON. */
function objectsIn(dir: string): string[] {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return readdirSync(dir)
    .flatMap((f) => loadAll(readFileSync(join(dir, f), "utf8")))
    .map((o) => JSON.stringify(sorted(o)))
    .sort();
}

describe("benchmark baselines", () => {
  it("cdk8s builds the same objects and values from the same stack file as render", function () {
    this.timeout(60000);
    const dir = mkdtempSync(join(tmpdir(), "plx-baseline-"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
    writeThreeObjectStack(dir, "three", 4);
    execFileSync(process.execPath, [join(PROJECT_ROOT, "cli/bin.js"), "render", "--stack", "three", "--out", join(dir, "ours")], { cwd: dir, stdio: "pipe" });
    execFileSync(process.execPath, [join(PROJECT_ROOT, "bench/cdk8s-from-config.js"), join(dir, "Pulumi.three.yaml"), join(dir, "cdk8s")], { stdio: "pipe" });
    const ours = objectsIn(join(dir, "ours/three/manifests"));
    assert.equal(ours.length, 12);
    assert.deepEqual(objectsIn(join(dir, "cdk8s/manifests")), ours);
    assert.equal(readFileSync(join(dir, "cdk8s/values/polyaxon-agent.yaml"), "utf8"), readFileSync(join(dir, "ours/three/values/polyaxon-agent.yaml"), "utf8"));
    // One file per object, as render writes them.
    execFileSync(process.execPath, [join(PROJECT_ROOT, "bench/cdk8s-from-config.js"), join(dir, "Pulumi.three.yaml"), join(dir, "cdk8s-per-object"), "per-object"], {
      stdio: "pipe",
    });
    assert.equal(readdirSync(join(dir, "cdk8s-per-object/manifests")).length, 12);
    assert.deepEqual(objectsIn(join(dir, "cdk8s-per-object/manifests")), ours);
  });
});
