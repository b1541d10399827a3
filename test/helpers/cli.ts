/**
 * Runs the command line in-process, capturing what it prints.
 */
import type { Io } from "../../cli/io.js";
import { main } from "../../cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr, in the order printed. */
  text: string;
}

export async function cli(args: string[], projectDir: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const all: string[] = [];
  const io: Io = {
    out: (l) => (out.push(l), all.push(l)),
    err: (l) => (err.push(l), all.push(l)),
  };
  const code = await main(args, io, projectDir);
  return { code, stdout: out.join("\n"), stderr: err.join("\n"), text: all.join("\n") };
}
