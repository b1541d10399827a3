/**
 * How large V8 may let the young generation grow, by the size of the stack file read.
 *
 * cli/bin.js starts the CLI with a young generation that does not grow. V8 would double it
 * whenever many objects survive a scavenge, up to 32 MiB, and a render keeps its stack and
 * plan alive until it has written them, so it grew to the maximum and held mostly garbage:
 * 1,000 connections peaked at 97 MiB instead of 77, 5,000 at 149 MiB instead of 120, at
 * the same speed. For very large catalogs the small young generation costs more than it
 * saves — each scavenge walks a growing old generation, 20,000 connections took 1,787
 * scavenges (1.8 s) instead of 114 (0.9 s), with no lower peak — so from
 * `GROW_FROM_BYTES` of stack file on, V8's default growth is restored. The flag is read
 * each time V8 considers growing, so setting it while running applies.
 * (Measured with --trace-gc and max RSS on the bench catalogs.)
 */
import { setFlagsFromString } from "node:v8";

/** Stack files from this size on (about 8,000 connections) let the young generation grow. */
export const GROW_FROM_BYTES = 4 * 1024 * 1024;

/** After reading `chars` of stack file: V8's default growth when the input is very large. */
export function fitHeapTo(chars: number): void {
  if (chars >= GROW_FROM_BYTES) setFlagsFromString("--semi-space-growth-factor=2");
}
