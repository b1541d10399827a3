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
import { runStack } from "./program.js";

export = () => {
  const stack = runStack();
  return {
    /** Helm values per agent release (YAML); they hold no secret. */
    values: stack.values,
    /** Objects created, `Kind/namespace/name`. */
    objects: stack.objects,
    /** Advice about the catalog. */
    warnings: stack.warnings,
  };
};
