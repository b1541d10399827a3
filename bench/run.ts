/**
 * `npm run bench`: medians of repeated runs, measured side by side, and the ratios the
 * performance targets are about. Prints a report; exits 1 when a target is missed.
 *
 *   validate/render --stack dev      vs  node -e 0
 *   render of 100/1,000/5,000 connections  vs  a cdk8s synth of the same objects and values
 *   the stack program on the SDK's mock engine for the same catalogs
 *   program start: transpile-only (tsx, as Pulumi.yaml runs it) vs with a type-check first
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { toYaml as stringify } from "../components/load/yaml.js";
import { readStackConfig } from "../cli/stack-file.js";
import { loadCatalog, materialize, planAgent, redactedValue } from "../components/catalog.js";
import { generatedStackConfig } from "./catalog.js";
import { compare, runNode, scratchDir } from "./measure.js";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "cli", "bin.js");
const SIZES = [100, 1000, 5000];
const quick = process.argv.includes("--quick");
const RUNS_SMALL = quick ? 5 : 15;
const runsFor = (n: number) => (quick ? 1 : n >= 5000 ? 3 : n >= 1000 ? 5 : 7);

const results: string[] = [];
const targets: { name: string; ok: boolean; detail: string }[] = [];
const fmt = (s: number) => `${s.toFixed(3)} s`;
const mib = (m?: number) => (m === undefined ? "" : `${m.toFixed(0)} MiB`);
function target(name: string, ok: boolean, detail: string) {
  targets.push({ name, ok, detail });
}

// Warm up: build the bundle and its code cache, as after `npm ci` and a first run.
runNode([BIN, "validate", "--stack", "dev"], ROOT);
runNode([BIN, "validate", "--stack", "dev"], ROOT);

// 1. Short commands against a bare Node start.
const out = mkdtempSync(join(tmpdir(), "plx-bench-out-"));
const small = compare(
  {
    node: () => runNode(["-e", "0"], ROOT),
    validate: () => runNode([BIN, "validate", "--stack", "dev"], ROOT),
    render: () => runNode([BIN, "render", "--stack", "dev", "--out", out], ROOT),
  },
  RUNS_SMALL,
);
const vRatio = small.validate!.seconds / small.node!.seconds;
const rRatio = small.render!.seconds / small.node!.seconds;
results.push(
  `node -e 0                 ${fmt(small.node!.seconds)}   (median of ${RUNS_SMALL})`,
  `validate --stack dev      ${fmt(small.validate!.seconds)}   ${vRatio.toFixed(2)}x node`,
  `render --stack dev        ${fmt(small.render!.seconds)}   ${rRatio.toFixed(2)}x node`,
);
target("validate --stack dev <= 2.5x node -e 0", vRatio <= 2.5, `${vRatio.toFixed(2)}x`);
target("render --stack dev <= 3x node -e 0", rRatio <= 3, `${rRatio.toFixed(2)}x`);

// 2. Generated catalogs: our render vs a cdk8s synth of the same objects; the mock engine.
const project = mkdtempSync(join(tmpdir(), "plx-bench-project-"));
writeFileSync(join(project, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
const perSize: Record<number, { ours: number; cdk8s: number }> = {};
let rerender = "";
results.push("", "connections  objects   render (ours)          cdk8s synth            time ratio  memory ratio  mock engine");
for (const n of SIZES) {
  const stack = `gen-${n}`;
  writeFileSync(join(project, `Pulumi.${stack}.yaml`), stringify({ config: generatedStackConfig(n) }));
  const { catalog, diagnostics } = loadCatalog(readStackConfig(project, stack));
  if (!catalog || diagnostics.length) throw new Error(`generated stack ${stack} is not clean: ${JSON.stringify(diagnostics[0])}`);
  const plan = planAgent(catalog);
  const input = join(project, `${stack}.cdk8s.json`);
  writeFileSync(input, JSON.stringify({ manifests: plan.objects.map((o) => materialize(o, redactedValue)), values: plan.values }));
  // Each run writes into a folder of its own, as a fresh CI checkout would: both tools then
  // do the same work (re-rendering over an earlier tree also deletes it: see the README).
  const scratch = scratchDir("plx-bench-out-");
  let run = 0;
  const fresh = (tool: string) => join(scratch, `${tool}-${n}-${run++}`);
  const stats = compare(
    {
      ours: () => runNode([BIN, "render", "--stack", stack, "--out", fresh("ours")], project, true),
      cdk8s: () => runNode([join(__dirname, "cdk8s-synth.js"), input, fresh("cdk8s")], ROOT, true),
    },
    runsFor(n),
  );
  const mock = runNode(["--import", "tsx", join(__dirname, "mock-program.ts"), project, stack], ROOT, true);
  const mockSeconds = (JSON.parse(mock.stdout) as { seconds: number }).seconds;
  const { ours, cdk8s } = stats as Required<typeof stats>;
  const timeRatio = ours!.seconds / cdk8s!.seconds;
  const memRatio = ours!.maxRssMiB! / cdk8s!.maxRssMiB!;
  perSize[n] = { ours: ours!.seconds, cdk8s: cdk8s!.seconds };
  results.push(
    `${String(n).padStart(11)}  ${String(plan.objects.length).padStart(7)}   ${fmt(ours!.seconds)} ${mib(ours!.maxRssMiB).padStart(8)}     ${fmt(cdk8s!.seconds)} ${mib(cdk8s!.maxRssMiB).padStart(8)}     ${timeRatio.toFixed(2).padStart(9)}x  ${memRatio.toFixed(2).padStart(11)}x  ${fmt(mock.seconds)} wall (${mockSeconds.toFixed(2)} s in program), ${mib(mock.maxRssMiB)}`,
  );
  if (n >= 1000) {
    target(`render ${n} connections no slower than cdk8s`, timeRatio <= 1, `${timeRatio.toFixed(2)}x`);
    target(`render ${n} connections peak memory <= 1.5x cdk8s`, memRatio <= 1.5, `${memRatio.toFixed(2)}x`);
  }
  if (n === 1000) {
    target("program on the mock engine at 1,000 connections < 10 s", mock.seconds < 10, fmt(mock.seconds));
    const same = join(scratch, "rerender");
    const again = compare({ rerender: () => runNode([BIN, "render", "--stack", stack, "--out", same], project) }, quick ? 2 : 5);
    rerender = `re-rendering 1,000 connections over the previous output (swap + delete of the old tree): ${fmt(again.rerender!.seconds)}`;
  }
  rmSync(scratch, { recursive: true, force: true });
}
const g1 = perSize[1000]!.ours / perSize[100]!.ours;
const g2 = perSize[5000]!.ours / perSize[1000]!.ours;
results.push("", rerender, `growth (ours): 100 -> 1,000 connections ${g1.toFixed(2)}x time; 1,000 -> 5,000 ${g2.toFixed(2)}x time`);
target("growth linear: 10x connections <= 11x time", g1 <= 11, `${g1.toFixed(2)}x for 10x`);
target("growth linear: 5x connections <= 5.5x time", g2 <= 5.5, `${g2.toFixed(2)}x for 5x`);

// 3. Program start, the way Pulumi.yaml runs it (tsx, transpile only) and with a type-check first.
const start = compare(
  { transpileOnly: () => runNode(["--import", "tsx", join(__dirname, "mock-program.ts"), ROOT, "dev"], ROOT) },
  quick ? 1 : 5,
);
const typeCheck = compare(
  { tsc: () => runNode([join(ROOT, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", join(__dirname, "tsconfig.program.json")], ROOT) },
  quick ? 1 : 3,
);
const checked = start.transpileOnly!.seconds + typeCheck.tsc!.seconds;
results.push(
  "",
  `program start, dev stack, mock engine: transpile only (tsx) ${fmt(start.transpileOnly!.seconds)}; type-checked first ${fmt(checked)} (tsc ${fmt(typeCheck.tsc!.seconds)} + run)`,
);

rmSync(project, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });

console.log(results.join("\n"));
console.log("\ntargets:");
for (const t of targets) console.log(`  ${t.ok ? "PASS" : "FAIL"}  ${t.name}: ${t.detail}`);
process.exitCode = targets.every((t) => t.ok) ? 0 : 1;
