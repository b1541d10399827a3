/**
 * `npm run bench`: every performance target, like for like, side by side in one run
 * (medians of interleaved runs). Prints a table and the targets; exits 1 when one is missed.
 *
 *   validate/render --stack dev        vs  helm template of the agent chart (no target)
 *   render, 50 connections              vs  helm template, and cdk8s
 *   render, 1,000 and 5,000 connections vs  cdk8s building the same objects from the same
 *                                           stack file (bench/cdk8s-from-config.js): a first
 *                                           render and one over the previous output, on a RAM
 *                                           folder and on the project's disk; peak memory
 *   render growth to 20,000 connections
 *   render --all of 4 stacks            vs  the 4 stacks rendered one by one
 *   the stack program on the mock engine vs a hand-written program (bench/pulumi-baseline.js)
 *   the program's start (pulumi-main.js) vs loading @pulumi/pulumi and @pulumi/kubernetes alone
 *
 * Each connection provisions a Secret from two secret config keys, a ConfigMap and a PVC.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fromYaml } from "../components/load/yaml.js";
import { writeThreeObjectStack } from "./catalog.js";
import { compare, run, runNode, scratchDir, type Stats } from "./measure.js";
import { AGENT_CHART, helmBinary } from "../test/helpers/helm.js";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "cli", "bin.js");
const quick = process.argv.includes("--quick");
const runs = (full: number) => (quick ? 1 : full);

const rows: string[][] = [["measure", "ours", "baseline", "ratio", "target"]];
const missed: string[] = [];
const s = (x: Stats) => `${x.seconds.toFixed(3)} s`;
const m = (x: Stats) => `${x.maxRssMiB!.toFixed(0)} MiB`;
function row(measure: string, ours: string, baseline: string, ratio: number, limit: number | undefined) {
  const ok = limit === undefined || ratio <= limit;
  if (!ok) missed.push(measure);
  rows.push([measure, ours, baseline, `${ratio.toFixed(2)}x`, limit === undefined ? "" : `<= ${limit}x ${ok ? "met" : "MISSED"}`]);
}

/** A project folder holding `Pulumi.three-<n>.yaml` for each size. */
function project(sizes: number[]): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-bench-"));
  writeFileSync(join(dir, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
  for (const n of sizes) writeThreeObjectStack(dir, `three-${n}`, n);
  return dir;
}

const scratch = scratchDir("plx-bench-out-");
/** Remove what the runs wrote into `folder` (untimed). */
const emptyFolder = (folder: string) => {
  for (const f of readdirSync(folder)) rmSync(join(folder, f), { recursive: true, force: true });
};
let fresh = 0;
/** A new output folder per run: every render writes a fresh tree, as cdk8s does. */
const out = () => join(scratch, String(fresh++));
const render = (dir: string, stack: string) => () => runNode([BIN, "render", "--stack", stack, "--out", out()], dir, true);

// Two untimed first runs: the OS's file cache and Node's compile cache warm.
for (let i = 0; i < 2; i++) runNode([BIN, "render", "--stack", "dev", "--out", out()], ROOT);

/** `helm template` of the agent chart with the values our render wrote for `stack` (a tool users run anyway). */
const helmTemplate = (valuesFile: string) => () => run(helmBinary(), ["template", "polyaxon-agent", AGENT_CHART, "--namespace", "polyaxon", "-f", valuesFile], ROOT);
/** The cdk8s baseline: its default output (one file per chart), or one file per object. */
const cdk8s =
  (dir: string, stack: string, target: () => string, layout = "") =>
  () =>
    runNode([join(__dirname, "cdk8s-from-config.js"), join(dir, `Pulumi.${stack}.yaml`), target(), ...(layout ? [layout] : [])], ROOT, true);

// 1. Dev-size commands against helm template of the agent chart (no target), and a render
// of 50 connections against helm template and cdk8s.
const devValues = join(out(), "dev");
runNode([BIN, "render", "--stack", "dev", "--out", dirname(devValues)], ROOT);
const small = compare(
  {
    helm: helmTemplate(join(devValues, "values", "polyaxon-agent.yaml")),
    validate: () => runNode([BIN, "validate", "--stack", "dev"], ROOT),
    render: () => runNode([BIN, "render", "--stack", "dev", "--out", out()], ROOT),
  },
  runs(15),
);
row("validate --stack dev (no target)", s(small.validate!), `helm template ${s(small.helm!)}`, small.validate!.seconds / small.helm!.seconds, undefined);
row("render --stack dev (no target)", s(small.render!), `helm template ${s(small.helm!)}`, small.render!.seconds / small.helm!.seconds, undefined);

const sizes = [50, 1000, 5000, 20000];
const dir = project(sizes);
const fifty = join(out(), "three-50");
runNode([BIN, "render", "--stack", "three-50", "--out", dirname(fifty)], dir);
const r50 = compare({ ours: render(dir, "three-50"), helm: helmTemplate(join(fifty, "values", "polyaxon-agent.yaml")), cdk8s: cdk8s(dir, "three-50", out) }, runs(15));
row("render, 50 connections", s(r50.ours!), `helm template ${s(r50.helm!)}`, r50.ours!.seconds / r50.helm!.seconds, 0.6);
row("render, 50 connections", s(r50.ours!), `cdk8s ${s(r50.cdk8s!)}`, r50.ours!.seconds / r50.cdk8s!.seconds, 0.6);

// 2. Render against cdk8s at 1,000 and 5,000 connections: a first render into a new folder
// and a re-render over the previous output, on a RAM folder and on the disk the project
// lives on (file creation costs there what it costs users); and growth to 20,000.
const disk = mkdtempSync(join(ROOT, ".bench-out-"));
let freshOnDisk = 0;
const onDisk = () => join(disk, String(freshOnDisk++));
const perThousand: string[] = [];
for (const n of sizes.slice(1)) {
  const stack = `three-${n}`;
  if (n === 20000) {
    const ours = compare({ ours: render(dir, stack) }, runs(3)).ours!;
    perThousand.push(`${n}: ${((ours.seconds / n) * 1000).toFixed(3)} s`);
    emptyFolder(scratch);
    continue;
  }
  const objects = `${n} connections (${3 * n + 1} objects)`;
  for (const [where, fresh, count] of [
    ["RAM folder", out, runs(n >= 5000 ? 5 : 7)],
    ["disk", onDisk, runs(3)],
  ] as const) {
    const again = fresh();
    const againCdk8s = fresh();
    const again1 = fresh();
    const r = compare(
      {
        ours: () => runNode([BIN, "render", "--stack", stack, "--out", fresh()], dir, true),
        oursAgain: () => runNode([BIN, "render", "--stack", stack, "--out", again], dir, true),
        cdk8s: cdk8s(dir, stack, fresh),
        cdk8sAgain: cdk8s(dir, stack, () => againCdk8s),
        ...(where === "disk" ? { perObject: cdk8s(dir, stack, fresh, "per-object"), perObjectAgain: cdk8s(dir, stack, () => again1, "per-object") } : {}),
      },
      count,
    );
    const limit = where === "disk" ? 1.0 : 0.6;
    row(`render, ${objects}, ${where}: first`, s(r.ours!), `cdk8s ${s(r.cdk8s!)}`, r.ours!.seconds / r.cdk8s!.seconds, limit);
    row(`render, ${objects}, ${where}: again over it`, s(r.oursAgain!), `cdk8s ${s(r.cdk8sAgain!)}`, r.oursAgain!.seconds / r.cdk8sAgain!.seconds, limit);
    if (where === "disk") {
      row(`render, ${objects}, disk: first`, s(r.ours!), `cdk8s per object ${s(r.perObject!)}`, r.ours!.seconds / r.perObject!.seconds, 1.0);
      row(`render, ${objects}, disk: again over it`, s(r.oursAgain!), `cdk8s per object ${s(r.perObjectAgain!)}`, r.oursAgain!.seconds / r.perObjectAgain!.seconds, 1.0);
    } else {
      perThousand.push(`${n}: ${((r.ours!.seconds / n) * 1000).toFixed(3)} s`);
      row(`render, ${objects}: peak memory`, m(r.ours!), `cdk8s ${m(r.cdk8s!)}`, r.ours!.maxRssMiB! / r.cdk8s!.maxRssMiB!, 0.8);
    }
    // Thousands of files per run: a RAM folder would fill up over the sizes.
    emptyFolder(where === "disk" ? disk : scratch);
  }
}
rmSync(scratch, { recursive: true, force: true });
rmSync(disk, { recursive: true, force: true });

// 3. render --all of four stacks of 1,000 connections against four single renders.
const four = mkdtempSync(join(tmpdir(), "plx-bench-all-"));
writeFileSync(join(four, "Pulumi.yaml"), "name: polyaxon-connections\nruntime: nodejs\n");
const stacks = ["a", "b", "c", "d"];
for (const st of stacks) writeThreeObjectStack(four, st, 1000);
const all = compare(
  {
    all: () => runNode([BIN, "render", "--all", "--out", out()], four),
    oneByOne: () => {
      const o = out();
      const each = stacks.map((st) => runNode([BIN, "render", "--stack", st, "--out", o], four));
      return { seconds: each.reduce((t, r) => t + r.seconds, 0), stdout: "" };
    },
  },
  runs(5),
);
row("render --all, 4 stacks x 1,000 connections", s(all.all!), `one by one ${s(all.oneByOne!)}`, all.all!.seconds / all.oneByOne!.seconds, 1.0);

// 4. The stack program on the mock engine against a hand-written program. Ours runs with
// the node flags of Pulumi.yaml (runtime.options.nodeargs), which the language host passes
// to node under `pulumi up`; the hand-written program with none, as it is written. The
// untargeted row shows the same program with our flags, so that the flags' share is seen.
const pulumiProject = fromYaml(readFileSync(join(ROOT, "Pulumi.yaml"), "utf8")) as { runtime: { options?: { nodeargs?: string } } };
const nodeArgs = pulumiProject.runtime.options?.nodeargs?.split(/\s+/).filter(Boolean) ?? [];
for (const n of [1000, 5000]) {
  const p = compare(
    {
      ours: () => runNode([...nodeArgs, join(__dirname, "mock-program.js"), dir, `three-${n}`], ROOT),
      baseline: () => runNode([join(__dirname, "pulumi-baseline.js"), dir, `three-${n}`], ROOT),
      baselineWithOurFlags: () => runNode([...nodeArgs, join(__dirname, "pulumi-baseline.js"), dir, `three-${n}`], ROOT),
    },
    runs(n >= 5000 ? 3 : 5),
  );
  row(`stack program on the mock engine, ${n} connections`, s(p.ours!), `hand-written ${s(p.baseline!)}`, p.ours!.seconds / p.baseline!.seconds, 1.0);
  row(
    `  the same, hand-written with Pulumi.yaml's nodeargs too (no target)`,
    s(p.ours!),
    `hand-written ${s(p.baselineWithOurFlags!)}`,
    p.ours!.seconds / p.baselineWithOurFlags!.seconds,
    undefined,
  );
}

// 5. The program's start as `pulumi up` runs it: the runner loads pulumi-main.js, which loads
// the compiled program and exports it (the runner then calls it; section 4 times that part).
const start = compare(
  {
    ours: () => runNode([...nodeArgs, join(ROOT, "pulumi-main.js")], ROOT),
    sdk: () => runNode(["-e", 'require("@pulumi/pulumi"); require("@pulumi/kubernetes")'], ROOT),
  },
  runs(9),
);
row("program start (pulumi-main.js)", s(start.ours!), `SDK load ${s(start.sdk!)}`, start.ours!.seconds / start.sdk!.seconds, 1.2);
rmSync(dir, { recursive: true, force: true });
rmSync(four, { recursive: true, force: true });

const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows)
  console.log(
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
console.log(`\nrender time per 1,000 connections (linear growth keeps it flat): ${perThousand.join(", ")}`);
console.log(missed.length ? `\ntargets missed: ${missed.join("; ")}` : "\nall targets met");
process.exitCode = missed.length ? 1 : 0;
