/**
 * How V8 runs a command, by the size of the YAML it has read (stack files, and the values
 * file `import` reads): the young generation's growth and whether the optimizing compiler
 * runs.
 *
 * Young generation. cli/bin.js starts the CLI with a young generation that does not grow.
 * V8 would double it whenever many objects survive a scavenge, up to 32 MiB, and a render
 * keeps its stack and plan alive until it has written them, so it grew to the maximum and
 * held mostly garbage: 1,000 connections peaked at 97 MiB instead of 77, 5,000 at 149 MiB
 * instead of 120, at the same speed. For very large catalogs the small young generation
 * costs more than it saves — each scavenge walks a growing old generation, 20,000
 * connections took 1,787 scavenges (1.8 s) instead of 114 (0.9 s), with no lower peak — so
 * from `GROW_FROM_BYTES` of one file on, V8's default growth is restored.
 *
 * Optimizing compiler. cli/bin.js also starts the CLI without TurboFan. A command over a
 * small catalog ends before most optimized code is ready, and on a two-core machine the
 * compile jobs compete with the main thread and the GC's helpers: a render of 1,000
 * connections (a 0.5 MB stack file) took 265 ms instead of 292 and peaked 9 MiB lower
 * without it, 300 connections 131 ms instead of 154. From about 1,500 connections (0.75 MB)
 * on it pays for itself (5,000: 0.70 s with it, 0.95 s without), so from
 * `OPTIMIZE_FROM_BYTES` of YAML read it is switched back on.
 * (Measured with interleaved runs, max RSS and --trace-gc on the bench catalogs.)
 *
 * Both flags are read each time V8 considers growing or optimizing, so setting them while
 * running applies.
 */
import { readInputFile } from "../components/load/input-file.js";
import { setFlagsFromString } from "node:v8";

/** A YAML file from this size on (a stack file of about 8,000 connections) lets the young generation grow. */
export const GROW_FROM_BYTES = 4 * 1024 * 1024;

/** YAML files adding up to this size (stack files of about 1,500 connections) turn the optimizing compiler on. */
export const OPTIMIZE_FROM_BYTES = 768 * 1024;

/** The V8 flags to set after reading `chars` more of YAML, `readBefore` having been read. */
export function flagsAfterReading(readBefore: number, chars: number): string[] {
  const flags: string[] = [];
  if (chars >= GROW_FROM_BYTES) flags.push("--semi-space-growth-factor=2");
  if (readBefore < OPTIMIZE_FROM_BYTES && readBefore + chars >= OPTIMIZE_FROM_BYTES) flags.push("--opt");
  return flags;
}

let readSoFar = 0;

/** After reading `chars` of YAML input: V8's defaults again for what large inputs need. */
export function fitV8To(chars: number): void {
  for (const flag of flagsAfterReading(readSoFar, chars)) setFlagsFromString(flag);
  readSoFar += chars;
}

/** A YAML file the CLI reads from disk as it is (a values file, a stack file to edit), counted by `fitV8To`. */
export function readYamlInput(file: string): string {
  const bytes = readInputFile(file);
  if (bytes === undefined) throw Object.assign(new Error(`${file}: no such file`), { code: "ENOENT" });
  const text = bytes.toString("utf8");
  fitV8To(text.length);
  return text;
}
