/**
 * `npm run bench:like`: like-for-like comparisons on catalogs where every connection
 * provisions a Secret (two secret config keys), a ConfigMap and a PVC:
 *   render        vs  cdk8s building the same objects from the same stack file (bench/cdk8s-from-config.js)
 *   stack program vs  a hand-written Pulumi program registering the same resources (bench/pulumi-baseline.ts)
 * Medians of interleaved runs; prints the ratios the performance issue sets targets for.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { toYaml } from "../components/load/yaml.js";
import { threeObjectStackConfig } from "./catalog.js";
import { compare, runNode, scratchDir } from "./measure.js";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "cli", "bin.js");
const quick = process.argv.includes("--quick");
const SIZES = [1000, 5000];
const fmt = (s: number) => `${s.toFixed(3)} s`;

const project = mkdtempSync(join(tmpdir(), "plx-like-"));
writeFileSync(join(project, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
const lines = ["connections  objects  render  cdk8s  ratio  |  memory ours  cdk8s  ratio  |  program  hand-written  ratio"];
for (const n of SIZES) {
  const stack = `three-${n}`;
  const stackFile = join(project, `Pulumi.${stack}.yaml`);
  writeFileSync(stackFile, toYaml({ config: threeObjectStackConfig(n) }));
  const scratch = scratchDir("plx-like-out-");
  let run = 0;
  const fresh = (tool: string) => join(scratch, `${tool}-${run++}`);
  const runs = quick ? 1 : n >= 5000 ? 3 : 5;
  const render = compare(
    {
      ours: () => runNode([BIN, "render", "--stack", stack, "--out", fresh("ours")], project, true),
      cdk8s: () => runNode([join(__dirname, "cdk8s-from-config.js"), stackFile, fresh("cdk8s")], ROOT, true),
    },
    runs,
  );
  const programs = compare(
    {
      ours: () => runNode(["--import", "tsx", join(__dirname, "mock-program.ts"), project, stack], ROOT),
      baseline: () => runNode(["--import", "tsx", join(__dirname, "pulumi-baseline.ts"), project, stack], ROOT),
    },
    quick ? 1 : 3,
  );
  const r = render as Required<typeof render>;
  const p = programs as Required<typeof programs>;
  lines.push(
    `${String(n).padStart(11)}  ${String(3 * n + 1).padStart(7)}  ${fmt(r.ours!.seconds)}  ${fmt(r.cdk8s!.seconds)}  ${(r.ours!.seconds / r.cdk8s!.seconds).toFixed(2)}x  |  ` +
      `${r.ours!.maxRssMiB!.toFixed(0)} MiB  ${r.cdk8s!.maxRssMiB!.toFixed(0)} MiB  ${(r.ours!.maxRssMiB! / r.cdk8s!.maxRssMiB!).toFixed(2)}x  |  ` +
      `${fmt(p.ours!.seconds)}  ${fmt(p.baseline!.seconds)}  ${(p.ours!.seconds / p.baseline!.seconds).toFixed(2)}x`,
  );
  rmSync(scratch, { recursive: true, force: true });
}
rmSync(project, { recursive: true, force: true });
console.log(lines.join("\n"));
