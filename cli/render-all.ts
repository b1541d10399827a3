/**
 * `render --all`: every stack of the project. All are validated first — one invalid stack
 * and nothing is written. Small catalogs render in this process (a child process costs more
 * than they do); large ones in parallel child processes, one per core.
 */
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { errorsOf, formatDiagnostics, loadStack, planStack, type StackModel } from "../components/catalog.js";
import { EXIT_INVALID, EXIT_OK, type Io } from "./io.js";
import { assertReplaceable, NotOurFolderError } from "./atomic-dir.js";
import { writeRender } from "./render.js";
import { listStacks, readStackConfig, StackFileError } from "./stack-file.js";

/** Connections, all stacks together, from which rendering in parallel pays off. */
const PARALLEL_FROM_CONNECTIONS = 2000;

/** The CLI's entry script, from the sources (cli/) or the bundle (dist/) alike. */
const BIN = resolve(__dirname, "..", "cli", "bin.js");

export interface RenderAllOptions {
  /** Stacks rendered at once; default: 1, or one per core for large catalogs. */
  jobs?: number;
  /** A person is watching: print a line as each stack starts and ends. */
  progress: boolean;
}

const run = promisify(execFile);

export async function renderAllCommand(projectDir: string, outDir: string, io: Io, opts: RenderAllOptions): Promise<number> {
  const stacks = listStacks(projectDir);
  if (stacks.length === 0) {
    io.err("error: no Pulumi.<stack>.yaml in the project. Fix: create one (pulumi stack init <name>)");
    return EXIT_INVALID;
  }
  const models = new Map<string, StackModel>();
  let invalid = false;
  for (const stack of stacks) {
    try {
      const { stack: model, diagnostics } = loadStack(readStackConfig(projectDir, stack), { cluster: "advise" });
      if (model) {
        models.set(stack, model);
        if (model.warnings.length > 0) io.err(`stack ${stack}:\n${formatDiagnostics(model.warnings)}`);
      }
      else {
        invalid = true;
        io.err(`stack ${stack}:\n${formatDiagnostics(errorsOf(diagnostics))}`);
      }
    } catch (err) {
      if (!(err instanceof StackFileError)) throw err;
      invalid = true;
      io.err(`stack ${stack}:\n${formatDiagnostics(err.diagnostics)}`);
    }
  }
  // A folder that no render wrote stops the whole run before anything is written.
  for (const stack of models.keys()) {
    try {
      assertReplaceable(join(outDir, stack));
    } catch (err) {
      if (!(err instanceof NotOurFolderError)) throw err;
      invalid = true;
      io.err(`stack ${stack}: ${err.message}`);
    }
  }
  if (invalid) {
    io.err("nothing was written");
    return EXIT_INVALID;
  }

  const connections = [...models.values()].flatMap((m) => m.agents).reduce((n, c) => n + c.connections.length, 0);
  const jobs = Math.max(1, Math.min(stacks.length, opts.jobs ?? (connections >= PARALLEL_FROM_CONNECTIONS ? availableParallelism() : 1)));
  const done = (stack: string, seconds: number, objects: number) =>
    io.out(`rendered ${stack}: ${objects} objects${opts.progress ? ` in ${seconds.toFixed(2)} s` : ""} -> ${resolve(outDir, stack)}`);

  if (jobs === 1) {
    for (const [stack, model] of models) {
      const start = performance.now();
      if (opts.progress) io.err(`rendering ${stack}...`);
      const plan = planStack(model);
      writeRender(plan, outDir, stack);
      done(stack, (performance.now() - start) / 1000, plan.objects.length);
    }
  } else {
    const queue = [...models.keys()];
    const worker = async () => {
      for (let stack = queue.shift(); stack !== undefined; stack = queue.shift()) {
        const start = performance.now();
        if (opts.progress) io.err(`rendering ${stack}...`);
        const { stdout } = await run(process.execPath, [BIN, "render", "--stack", stack, "--out", resolve(outDir)], { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 });
        // The child's summary counts its objects ("objects:   2 ConfigMap, 1 Secret"): no second plan here.
        const counted = /^ {2}objects: +(.*)$/m.exec(stdout)?.[1] ?? "";
        done(stack, (performance.now() - start) / 1000, [...counted.matchAll(/(\d+) [A-Z]/g)].reduce((n, m) => n + Number(m[1]), 0));
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
  }
  io.out(`rendered ${stacks.length} stack${stacks.length === 1 ? "" : "s"} to ${resolve(outDir)}`);
  return EXIT_OK;
}
