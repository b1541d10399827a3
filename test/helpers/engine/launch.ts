/**
 * Launch the stack program as `pulumi preview`/`up` does, against the engine stand-in.
 *
 * After pulumi/pulumi v3.248.0 `sdk/nodejs/cmd/pulumi-language-nodejs/main.go`:
 * - `Run`/`execRuntime`: the `node` on PATH, with `runtime.options.nodeargs` of Pulumi.yaml
 *   first, cwd the program's folder, the environment of the CLI plus `PULUMI_CONFIG` and
 *   `PULUMI_CONFIG_SECRET_KEYS`; exit code 32 means the program already reported its error.
 * - `constructArguments`: `<@pulumi/pulumi/cmd/run resolved from the program folder>
 *   --monitor A --engine E --organization O --project P --root-directory R --stack S --pwd D
 *   [--dry-run] --parallel N <main>`. (`--sync`, the pipes for synchronous invokes, is left
 *   out: this SDK version makes none.)
 * - `constructConfig`: one JSON object, keys `<namespace>:config:<name>`, values the strings
 *   the CLI made of the stack file (structured values as JSON), decrypted.
 * The stack file itself is read as the CLI reads it, by yaml.v3 (yaml-v3.ts).
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { load } from "js-yaml";
import { canaryFor, PROJECT_ROOT } from "../stacks.js";
import { engineConfigOf } from "../yaml-v3.js";
import { EngineStandIn, type Recording } from "./stand-in.js";

/** What the language host hands the program: config as the engine passes it. */
export interface ProgramConfig {
  /** `ns:name` → the string the program gets (decrypted). */
  values: Record<string, string>;
  /** Keys set with `--secret` (or holding a secure value). */
  secretKeys: string[];
}

export interface LaunchOptions {
  /** The project folder: Pulumi.yaml, the program, node_modules. */
  dir: string;
  stack: string;
  /** `pulumi preview` (`--dry-run`) rather than `pulumi up`. */
  preview: boolean;
  config: ProgramConfig;
  /** URNs of the state before this deployment (alias rules). */
  previous?: ReadonlySet<string>;
  /** The node binary (default: the one running the tests, put first on PATH). */
  node?: string;
  /** Measure elapsed time and peak memory with GNU time. */
  measure?: boolean;
  timeoutMs?: number;
}

export interface ProgramRun extends Recording {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Why the process could not start at all (`E2BIG`: an environment string over Linux's limit). */
  spawnError?: string;
  /** With `measure`: wall time in seconds and peak resident memory in KiB. */
  elapsedSeconds?: number;
  peakKiB?: number;
}

const DEFAULT_PARALLEL = 16;

/**
 * A stack's config as the engine passes it for `dir`'s `Pulumi.<stack>.yaml`: read by
 * yaml.v3, each secure value decrypted to its canary (or the value `secretValues` gives for
 * its `key` or `key.path`).
 */
export function stackConfigForProgram(dir: string, stack: string, secretValues: Record<string, string> = {}): ProgramConfig {
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, entry] of Object.entries(engineConfigOf(dir, stack))) {
    if (entry.secure) secretKeys.push(key);
    if (entry.secure && !entry.object) values[key] = secretValues[key] ?? canaryFor(key);
    else if (entry.secure) values[key] = decryptJson(key, entry.text, secretValues);
    else values[key] = entry.text;
  }
  return { values, secretKeys: secretKeys.sort() };
}

/** Replace each `{"secure":"…"}` of Go-written JSON by the JSON string of its plaintext, keeping every other byte. */
function decryptJson(key: string, text: string, secretValues: Record<string, string>): string {
  const paths = new Map<string, string>();
  const walk = (v: unknown, path: string) => {
    if (typeof v !== "object" || v === null) return;
    const entries = Object.entries(v);
    if (!Array.isArray(v) && entries.length === 1 && entries[0]![0] === "secure" && typeof entries[0]![1] === "string") {
      paths.set(entries[0]![1], path);
      return;
    }
    for (const [k, x] of entries) walk(x, Array.isArray(v) ? `${path}[${k}]` : `${path}.${k}`);
  };
  walk(JSON.parse(text), key);
  return text.replace(/\{"secure":("(?:[^"\\]|\\.)*")\}/g, (whole, ct: string) => {
    const path = paths.get(JSON.parse(ct) as string);
    return path === undefined ? whole : JSON.stringify(secretValues[path] ?? canaryFor(path));
  });
}

/** `Pulumi.yaml`'s `runtime.options.nodeargs`, split as the language host does (no quoting needed here). */
function nodeArgs(project: Record<string, unknown>): string[] {
  const options = (project.runtime as { options?: { nodeargs?: string } } | undefined)?.options;
  const raw = options?.nodeargs ?? "";
  if (/["'\\]/.test(raw)) throw new Error("nodeargs with quotes: split them with a shell-words parser");
  return raw.split(/\s+/).filter(Boolean);
}

/** Run the program of `dir` once, as the language host runs it, against a fresh engine stand-in. */
export async function launchProgram(o: LaunchOptions): Promise<ProgramRun> {
  const project = load(readFileSync(join(o.dir, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
  const projectName = String(project.name);
  const main = typeof project.main === "string" ? project.main : ".";
  const engine = await EngineStandIn.start({ stack: o.stack, project: projectName, preview: o.preview, previous: o.previous });
  const node = o.node ?? process.execPath;
  const runPath = require.resolve("@pulumi/pulumi/cmd/run", { paths: [o.dir] });
  const args = [
    ...nodeArgs(project),
    runPath,
    ...["--monitor", engine.address, "--engine", engine.address, "--organization", "organization", "--project", projectName],
    ...["--root-directory", o.dir, "--stack", o.stack, "--pwd", o.dir],
    ...(o.preview ? ["--dry-run"] : []),
    ...["--parallel", String(DEFAULT_PARALLEL), main],
  ];
  const config = Object.fromEntries(Object.entries(o.config.values).map(([k, v]) => [k.replace(/^([^:]*):/, "$1:config:"), v]));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ""}`,
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(o.config.secretKeys),
  };
  // The test runner's own loader must not leak into the program.
  delete env.NODE_OPTIONS;
  const timeFile = o.measure ? join(mkdtempSync(join(tmpdir(), "plx-time-")), "time") : undefined;
  const [command, argv] = timeFile ? ["/usr/bin/time", ["-f", "%e %M", "-o", timeFile, node, ...args]] : [node, args];
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(command, argv, { cwd: o.dir, env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    // The kernel refuses the exec itself, as it refuses the language host's (`argument list too long`).
    await engine.stop();
    if (timeFile) rmSync(dirname(timeFile), { recursive: true, force: true });
    return { ...engine.finish(), exitCode: null, stdout: "", stderr: "", spawnError: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), o.timeoutMs ?? 120_000);
  let spawnError: string | undefined;
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on("error", (err: NodeJS.ErrnoException) => {
      spawnError = err.code ?? err.message;
      resolve(null);
    });
    child.on("close", (code) => resolve(code));
  });
  clearTimeout(timer);
  await engine.stop();
  const run: ProgramRun = { ...engine.finish(), exitCode, stdout, stderr, ...(spawnError ? { spawnError } : {}) };
  if (timeFile && !spawnError) {
    const [elapsed, peak] = readFileSync(timeFile, "utf8").trim().split("\n").pop()!.split(" ");
    run.elapsedSeconds = Number(elapsed);
    run.peakKiB = Number(peak);
    rmSync(dirname(timeFile), { recursive: true, force: true });
  }
  return run;
}

/**
 * A user's project around a fixture stack: the fixture's Pulumi.yaml (its name and project
 * config) with this project's program settings, the stack file, and the program and its
 * node_modules linked from this project. Removed by the returned `dispose`.
 */
export function projectFor(stackFile: string): { dir: string; stack: string; dispose: () => void } {
  const fixtureDir = dirname(stackFile);
  const stack = /^Pulumi\.(.+)\.yaml$/.exec(basename(stackFile))![1]!;
  if (fixtureDir === PROJECT_ROOT) return { dir: PROJECT_ROOT, stack, dispose: () => {} };
  const dir = mkdtempSync(join(tmpdir(), "plx-project-"));
  const own = load(readFileSync(join(PROJECT_ROOT, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
  const fixture = load(readFileSync(join(fixtureDir, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
  const merged = { ...fixture, main: own.main, runtime: own.runtime };
  writeFileSync(join(dir, "Pulumi.yaml"), JSON.stringify(merged));
  cpSync(stackFile, join(dir, basename(stackFile)));
  for (const f of ["node_modules", "package.json", "pulumi-main.js", "dist", "cli", "index.ts", "program.ts", "components"]) {
    if (existsSync(join(PROJECT_ROOT, f))) symlinkSync(join(PROJECT_ROOT, f), join(dir, f));
  }
  return { dir, stack, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A project whose program does nothing, with this project's node flags and SDK: what the
 * launcher itself costs, the floor under any program's run on this machine. Removed by the
 * returned `dispose`.
 */
export function emptyProject(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "plx-empty-"));
  const own = load(readFileSync(join(PROJECT_ROOT, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(dir, "Pulumi.yaml"), JSON.stringify({ name: "empty", main: "empty.js", runtime: own.runtime }));
  writeFileSync(join(dir, "empty.js"), '"use strict";\n');
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(dir, "node_modules"));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
