/**
 * Pulumi entry point (`pulumi up`): every agent of the stack (`polyaxon:*` stack config).
 * The program itself lives in program.ts so that tests can run it on the mock engine.
 *
 * The module exports the program as a function, which the SDK's runner calls after loading
 * the module (`programExport()` in @pulumi/pulumi cmd/run/run.js) and whose result becomes
 * the stack outputs. Run from there rather than at load time, the program registers its
 * resources from a short call stack: the SDK records the whole stack of every resource
 * registration (formatted, parsed and sent to the engine), and below a module's top level
 * it holds a dozen frames of Node's module loader and of the runner, paid again for each of
 * thousands of resources.
 */
import * as pulumi from "@pulumi/pulumi";
import { runStack, type StackOutputs } from "./program.js";

/**
 * The exit code that tells the language host the program has reported its error already
 * (`nodeJSProcessExitedAfterLoggingUserActionableMessage` in @pulumi/pulumi cmd/run).
 */
const REPORTED = 32;

/**
 * Run the stack; a refused catalog is reported here, through the engine, and the process
 * exits. Thrown to the SDK instead, the error would reach its uncaught handler, which
 * formats it with `util.inspect` for a trace event: on Node 20 that never finished on the
 * SDK's source-mapped frames (15–53 s and 3.4 GB before the process died).
 */
async function run(): Promise<StackOutputs> {
  try {
    return runStack();
  } catch (err) {
    if (!pulumi.RunError.isInstance(err)) throw err;
    await pulumi.log.error(err.message);
    process.exit(REPORTED);
  }
}

export = async () => {
  const stack = await run();
  return {
    /** Helm values per agent release (YAML); they hold no secret. */
    values: stack.values,
    /** Objects created, `Kind/namespace/name`. */
    objects: stack.objects,
    /** Advice about the catalog. */
    warnings: stack.warnings,
  };
};
