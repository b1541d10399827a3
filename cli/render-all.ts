/**
 * `render --all`: every stack of the project. All are validated first — one invalid stack
 * and nothing is written — then rendered one after the other in this process, each stack
 * read and validated once. (Parallel child processes read and validated every stack twice,
 * and on two cores were slower than rendering the stacks one by one.)
 */
import { join, resolve } from "node:path";
import { errorsOf, formatDiagnostics, loadStack, planStack, type StackModel } from "../components/catalog.js";
import { EXIT_INVALID, EXIT_OK, type Io } from "./io.js";
import { assertReplaceable, NotOurFolderError } from "./atomic-dir.js";
import { writeRender } from "./render.js";
import { catalogFileReader, listStacks, readStackConfig, StackFileError } from "./stack-file.js";

export interface RenderAllOptions {
  /** A person is watching: print a line as each stack starts and ends. */
  progress: boolean;
}

export function renderAllCommand(projectDir: string, outDir: string, io: Io, opts: RenderAllOptions): number {
  const stacks = listStacks(projectDir);
  if (stacks.length === 0) {
    io.err("error: no Pulumi.<stack>.yaml in the project. Fix: create one (pulumi stack init <name>)");
    return EXIT_INVALID;
  }
  const models = new Map<string, StackModel>();
  const readFile = catalogFileReader(projectDir);
  let invalid = false;
  for (const stack of stacks) {
    try {
      const { stack: model, diagnostics } = loadStack(readStackConfig(projectDir, stack), { cluster: "advise", readFile });
      if (model) {
        models.set(stack, model);
        if (model.warnings.length > 0) io.err(`stack ${stack}:\n${formatDiagnostics(model.warnings)}`);
      } else {
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

  for (const [stack, model] of models) {
    const start = performance.now();
    if (opts.progress) io.err(`rendering ${stack}...`);
    const plan = planStack(model);
    writeRender(plan, outDir, stack);
    const seconds = (performance.now() - start) / 1000;
    io.out(`rendered ${stack}: ${plan.objects.length} objects${opts.progress ? ` in ${seconds.toFixed(2)} s` : ""} -> ${resolve(outDir, stack)}`);
  }
  io.out(`rendered ${stacks.length} stack${stacks.length === 1 ? "" : "s"} to ${resolve(outDir)}`);
  return EXIT_OK;
}
