/**
 * Catalogs of any size under `pulumi up`: the language host hands the program all stack
 * config in one environment variable, capped by Linux at 128 KiB. A catalog in a catalog
 * file (`polyaxon:catalogFile`) does not count; `validate` says when config would not fit.
 * Run through the SDK's own launcher against the engine stand-in.
 */
import { strict as assert } from "node:assert";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogFileKeys, scaleProject } from "../bench/catalog.js";
import { loadStack, planStack } from "../components/internal.js";
import { catalogFileReader, readStackConfig } from "../cli/stack-file.js";
import { ENV_STRING_ADVICE, ENV_STRING_LIMIT } from "../components/validate/config-size.js";
import { launchProgram, projectFor, stackConfigForProgram } from "./helpers/engine/launch.js";
import { plainTextOf } from "./helpers/engine/envelopes.js";
import { cli } from "./helpers/cli.js";
import { CANARY_PATTERN, PROJECT_ROOT } from "./helpers/stacks.js";

const project = (n: number, layout: "config" | "file", secretEvery?: number) => scaleProject(PROJECT_ROOT, n, layout, secretEvery);

/** PULUMI_CONFIG as the launcher builds it; `secretValues` of a given length where the estimate must be exact. */
const envBytes = (dir: string, secretValues: Record<string, string> = {}) => {
  const { values } = stackConfigForProgram(dir, "big", secretValues);
  const bag = Object.fromEntries(Object.entries(values).map(([k, v]) => [k.replace(/^([^:]*):/, "$1:config:"), v]));
  return Buffer.byteLength(JSON.stringify(bag));
};

describe("catalogs of any size under pulumi up", function () {
  this.timeout(300_000);

  it("validate estimates PULUMI_CONFIG as the launcher builds it, advises a catalog file past 64 KiB and refuses past 128 KiB", async () => {
    for (const [n, expect] of [
      [100, "none"],
      [200, "warning"],
      [400, "error"],
    ] as const) {
      const dir = project(n, "config", 1_000_000);
      const estimate = readStackConfig(dir, "big").environmentBytes!();
      // A secret counts at its ciphertext's length offline: exact for a plaintext as long.
      const { secrets } = catalogFileKeys(n, 1_000_000);
      const asLong = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, (v as { secure: string }).secure]));
      assert.equal(estimate, envBytes(dir, asLong), `estimate at ${n}`);
      const r = await cli(["validate", "--stack", "big"], dir);
      const said = r.stderr.match(/^(error|warning) polyaxon:connections: pulumi up passes the whole stack config.*$/m);
      if (expect === "none") assert.equal(said, null, r.stderr);
      else {
        assert.equal(said?.[1], expect, r.stderr);
        assert.match(said![0], /polyaxon:catalogFile/);
      }
      assert.equal(r.code, expect === "error" ? 2 : 0, r.text);
      assert.ok(expect !== "error" || estimate > ENV_STRING_LIMIT);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("secrets in config: the most that fit start, one more cannot, and validate refuses exactly that one", async () => {
    // Every connection's Secret from two secret keys of 40 characters, the catalog in a file;
    // each ciphertext as long as its value, so that validate's estimate is exact.
    const build = (n: number) => {
      const dir = project(n, "file", 1);
      const file = join(dir, "Pulumi.big.yaml");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(/v1:ciphertext-of-([up]\d+)-0123456789abcdef/g, (_, k: string) => `${k}-`.padEnd(40, "s")),
      );
      return { dir, estimate: readStackConfig(dir, "big").environmentBytes!() };
    };
    const fits = (bytes: number) => bytes + "PULUMI_CONFIG=".length + 1 <= ENV_STRING_LIMIT;
    let [lo, hi] = [500, 1500];
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const { dir, estimate } = build(mid);
      rmSync(dir, { recursive: true, force: true });
      if (fits(estimate)) lo = mid;
      else hi = mid;
    }
    for (const n of [lo, hi]) {
      const { dir, estimate } = build(n);
      const { secrets } = catalogFileKeys(n, 1);
      const plain = Object.fromEntries(Object.keys(secrets).map((k) => [k, `${k.slice("polyaxon:".length)}-`.padEnd(40, "s")]));
      assert.equal(estimate, envBytes(dir, plain), `estimate at ${n}`);
      const v = await cli(["validate", "--stack", "big"], dir);
      assert.equal(v.code, n === lo ? 0 : 2, v.text);
      const p = projectFor(join(dir, "Pulumi.big.yaml"));
      cpSync(join(dir, "catalogs"), join(p.dir, "catalogs"), { recursive: true });
      try {
        const run = await launchProgram({ dir: p.dir, stack: "big", preview: true, config: stackConfigForProgram(dir, "big", plain), timeoutMs: 280_000 });
        if (n === lo) {
          assert.equal(run.exitCode, 0, run.stderr.slice(0, 2000));
          assert.equal(run.registrations.filter((r) => r.type === "kubernetes:core/v1:Secret").length, n);
        } else assert.equal(run.spawnError, "E2BIG");
      } finally {
        p.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    console.log(`      secrets of 40 characters in config, catalog in a file: ${2 * lo} start, ${2 * hi} cannot`);
  });

  // 10,000 connections take minutes under the stand-in (for the hand-written program too): bench/scale.ts.
  for (const n of [2_000]) {
    it(`starts ${n} connections from a catalog file: every object registered, config under 64 KiB, no secret in clear`, async () => {
      const src = project(n, "file");
      const { stack: model, diagnostics } = loadStack(readStackConfig(src, "big"), { readFile: catalogFileReader(src) });
      assert.ok(model, diagnostics.map((d) => d.message).join("\n"));
      const plan = planStack(model);
      assert.equal(plan.objects.length, 3 * n);
      assert.ok(envBytes(src) <= ENV_STRING_ADVICE, `PULUMI_CONFIG ${envBytes(src)} bytes`);
      const p = projectFor(join(src, "Pulumi.big.yaml"));
      cpSync(join(src, "catalogs"), join(p.dir, "catalogs"), { recursive: true });
      try {
        const run = await launchProgram({ dir: p.dir, stack: "big", preview: false, config: stackConfigForProgram(src, "big"), timeoutMs: 280_000, measure: true });
        assert.equal(run.exitCode, 0, run.stderr.slice(0, 2000));
        assert.deepEqual(run.violations, []);
        const kinds = new Map<string, number>();
        for (const r of run.registrations.filter((x) => x.custom && x.type.startsWith("kubernetes:") && x.type !== "pulumi:providers:kubernetes"))
          kinds.set(r.type, (kinds.get(r.type) ?? 0) + 1);
        assert.deepEqual(Object.fromEntries(kinds), {
          "kubernetes:core/v1:PersistentVolumeClaim": n,
          "kubernetes:core/v1:ConfigMap": n,
          "kubernetes:core/v1:Secret": n / 50,
          "kubernetes:external-secrets.io/v1:ExternalSecret": n - n / 50,
        });
        const text = [plainTextOf(run.registrations.map((r) => r.inputs)), plainTextOf(run.outputs), run.stdout, run.stderr].join("\n");
        assert.doesNotMatch(text, CANARY_PATTERN);
        console.log(`      ${n} connections: ${run.elapsedSeconds} s, ${Math.round(run.peakKiB! / 1024)} MiB, PULUMI_CONFIG ${(envBytes(src) / 1024).toFixed(1)} KiB`);
      } finally {
        p.dispose();
        rmSync(src, { recursive: true, force: true });
      }
    });
  }
});
