/**
 * The error the components and the stack program throw for a catalog that does not
 * validate: a Pulumi RunError (Pulumi prints its message, every problem, without a stack
 * trace) that carries the diagnostics as data.
 */
import * as pulumi from "@pulumi/pulumi";
import { type Diagnostic, errorsOf, formatDiagnostics } from "./catalog.js";

/** Every problem of a catalog; thrown before anything is registered. */
export class CatalogError extends pulumi.RunError {
  /** Every diagnostic found, errors and warnings, with their paths and fixes. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = errorsOf(diagnostics);
    super(`the Polyaxon catalog has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was created:\n${formatDiagnostics(errors)}`);
    this.name = "CatalogError";
    this.diagnostics = diagnostics;
  }
}
