/**
 * `npm run bench`, part 2: large catalogs as `pulumi up` runs them. The stack program and a
 * hand-written program (bench/launcher-baseline.js) registering the same objects from the
 * same catalog file are started by the SDK's own launcher against the engine stand-in
 * (test/helpers/engine), interleaved; medians of wall time and peak memory. Then one run at
 * 10,000 connections: it starts and registers every object (no baseline target).
 */
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchProgram, type ProgramRun, projectFor, stackConfigForProgram } from "../test/helpers/engine/launch.js";
import { scaleProject } from "./catalog.js";
import { median } from "./measure.js";

const ROOT = resolve(__dirname, "..");
const quick = process.argv.includes("--quick");

/** One run of `which` program over the catalog of `src` (stack `big`). */
async function run(src: string, which: "ours" | "baseline"): Promise<ProgramRun> {
  const p = projectFor(join(src, "Pulumi.big.yaml"));
  try {
    cpSync(join(src, "catalogs"), join(p.dir, "catalogs"), { recursive: true });
    if (which === "baseline") {
      // Our Pulumi.yaml's runtime (nodeargs included), with the hand-written program as main.
      writeFileSync(
        join(p.dir, "Pulumi.yaml"),
        JSON.stringify({ name: "polyaxon-connections", runtime: { name: "nodejs", options: { typescript: false, nodeargs: "--max-semi-space-size=64" } }, main: "baseline.js" }),
      );
      cpSync(join(__dirname, "launcher-baseline.js"), join(p.dir, "baseline.js"));
    }
    const r = await launchProgram({ dir: p.dir, stack: "big", preview: false, config: stackConfigForProgram(src, "big"), measure: true, timeoutMs: 1_800_000 });
    if (r.exitCode !== 0 || r.violations.length > 0) throw new Error(`${which}: exit ${r.exitCode}\n${r.violations.join("\n")}\n${r.stderr.slice(0, 2000)}`);
    return r;
  } finally {
    p.dispose();
  }
}

async function main(): Promise<void> {
  const missed: string[] = [];
  console.log("measure                                               ours                 hand-written         ratio   target");
  for (const [n, runs] of [
    [200, quick ? 1 : 5],
    [2000, quick ? 1 : 3],
  ] as const) {
    const src = scaleProject(ROOT, n, "file");
    const times: Record<string, number[]> = { ours: [], baseline: [] };
    const peaks: Record<string, number[]> = { ours: [], baseline: [] };
    for (let i = 0; i < runs; i++) {
      for (const which of ["ours", "baseline"] as const) {
        const r = await run(src, which);
        times[which]!.push(r.elapsedSeconds!);
        peaks[which]!.push(r.peakKiB! / 1024);
      }
    }
    rmSync(src, { recursive: true, force: true });
    const ratio = median(times.ours!) / median(times.baseline!);
    const ok = ratio <= 1.1;
    if (!ok) missed.push(`program under the launcher, ${n} connections`);
    const cell = (w: string) => `${median(times[w]!).toFixed(2)} s, ${median(peaks[w]!).toFixed(0)} MiB`.padEnd(21);
    console.log(
      `${`pulumi up's launcher, ${n} connections (${3 * n} objects)`.padEnd(54)}${cell("ours")}${cell("baseline")}${ratio.toFixed(2)}x   <= 1.1x ${ok ? "met" : "MISSED"}`,
    );
  }
  if (!quick) {
    const src = scaleProject(ROOT, 10_000, "file");
    const r = await run(src, "ours");
    const objects = r.registrations.filter((x) => x.custom && (x.type.startsWith("kubernetes:core/v1:") || x.type.includes("ExternalSecret"))).length;
    rmSync(src, { recursive: true, force: true });
    console.log(
      `pulumi up's launcher, 10,000 connections: started, ${objects} objects registered, ${r.elapsedSeconds!.toFixed(1)} s, ${(r.peakKiB! / 1024).toFixed(0)} MiB (no baseline run)`,
    );
  }
  console.log(missed.length ? `\ntargets missed: ${missed.join("; ")}` : "\nall targets met");
  process.exitCode = missed.length ? 1 : 0;
}

void main();
