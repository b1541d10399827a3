/**
 * Pulumi entry point (`pulumi up`): every agent of the stack (`polyaxon:*` stack config).
 * The program itself lives in program.ts so that tests can run it on the mock engine.
 */
import { runStack } from "./program.js";

const stack = runStack();

/** Helm values per agent release (YAML); they hold no secret. */
export const values = stack.values;
/** Objects created, `Kind/namespace/name`. */
export const objects = stack.objects;
/** Advice about the catalog. */
export const warnings = stack.warnings;
