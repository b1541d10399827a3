/**
 * Timing helpers: wall time of a child process (parent-side, hrtime) and its peak memory
 * (reported by the child itself through usage.js), medians over repeated runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const USAGE = resolve(__dirname, "usage.js");

export interface Sample {
  seconds: number;
  /** Peak resident memory in MiB, when measured. */
  maxRssMiB?: number;
  stdout: string;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Run `node <args>` once in `cwd` (it must succeed); with `memory`, preload usage.js to read its peak RSS.
 */
export function runNode(args: string[], cwd: string, memory = false): Sample {
  return run(process.execPath, args, cwd, memory);
}

/** Run `command <args>` once in `cwd` (it must succeed); with `memory` (a Node program), preload usage.js to read its peak RSS. */
export function run(command: string, args: string[], cwd: string, memory = false): Sample {
  const usageFile = join(mkdtempSync(join(tmpdir(), "plx-bench-")), "usage");
  const start = process.hrtime.bigint();
  const r = spawnSync(command, memory ? ["-r", USAGE, ...args] : args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  const maxRssMiB = memory ? Number(readFileSync(usageFile, "utf8")) / 1024 : undefined;
  return { seconds, ...(maxRssMiB === undefined ? {} : { maxRssMiB }), stdout: r.stdout };
}

export interface Stats {
  seconds: number;
  maxRssMiB?: number;
  runs: number;
}

/**
 * Where the timed runs write: a memory file system when the machine has one, so that disk
 * writeback from earlier runs does not decide the comparison (both tools write the same files).
 */
export function scratchDir(prefix: string): string {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  return mkdtempSync(join(base, prefix));
}

/** Medians of `runs` runs of each command, interleaved so that both see the same noise. */
export function compare(commands: Record<string, () => Sample>, runs: number): Record<string, Stats> {
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, run] of Object.entries(commands)) samples[k]!.push(run());
  return Object.fromEntries(
    Object.entries(samples).map(([k, s]) => {
      const rss = s.map((x) => x.maxRssMiB).filter((x): x is number => x !== undefined);
      return [k, { seconds: median(s.map((x) => x.seconds)), ...(rss.length ? { maxRssMiB: median(rss) } : {}), runs }];
    }),
  );
}
