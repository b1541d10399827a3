/**
 * `import <values.yaml> --stack <name> [--force]`: writes `Pulumi.<name>.yaml` from an
 * existing values file. Validated first: with problems, nothing is written unless --force.
 * An existing stack file is only changed with --force, and then only its catalog keys.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  configSourceFrom,
  errorsOf,
  formatDiagnostics,
  fromYaml,
  loadCatalog,
  toYaml,
} from "../components/catalog/index.js";
import { STACK_KEYS } from "../components/spec/index.js";
import { EXIT_INVALID, EXIT_OK, type Io } from "./io.js";
import { importValues } from "./import-values.js";
import { SCHEMA_MODELINE } from "./schema-command.js";
import { checkStackName, StackFileError } from "./stack-file.js";

function readValues(file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = fromYaml(readFileSync(file, "utf8"));
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not valid YAML: ${(err as Error).message.split("\n")[0]}`;
    throw new StackFileError([{ severity: "error", rule: "yaml-syntax", path: file, message: reason, fix: "pass a Helm values file" }]);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new StackFileError([{ severity: "error", rule: "type", path: file, message: "not a mapping of Helm values", fix: "pass a Helm values file" }]);
  }
  return doc as Record<string, unknown>;
}

export function importCommand(projectDir: string, valuesFile: string, stack: string, force: boolean, io: Io): number {
  let values: Record<string, unknown>;
  try {
    checkStackName(stack);
    values = readValues(valuesFile);
  } catch (err) {
    if (!(err instanceof StackFileError)) throw err;
    io.err(formatDiagnostics(err.diagnostics));
    return EXIT_INVALID;
  }
  const { config, notes } = importValues(values, stack);
  const catalog = Object.fromEntries(Object.entries(config).map(([k, v]) => [k.slice("polyaxon:".length), v]));
  const { diagnostics } = loadCatalog(configSourceFrom(catalog));
  const errors = errorsOf(diagnostics);
  for (const note of notes) io.err(`note: ${note}`);
  if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics));

  const target = join(projectDir, `Pulumi.${stack}.yaml`);
  const exists = existsSync(target);
  if ((errors.length > 0 || exists) && !force) {
    if (errors.length > 0) io.err(`${valuesFile}: ${errors.length} problem(s) above; nothing was written (--force writes anyway)`);
    if (exists) io.err(`Pulumi.${stack}.yaml exists; nothing was written (--force replaces its polyaxon catalog keys, keeping the rest)`);
    return EXIT_INVALID;
  }
  // Keep what the existing file holds besides the catalog: encryption salt, secret values, other namespaces.
  const previous = exists ? (fromYaml(readFileSync(target, "utf8")) as Record<string, unknown> | null) ?? {} : {};
  const previousConfig = (previous.config ?? {}) as Record<string, unknown>;
  const kept = Object.fromEntries(
    Object.entries(previousConfig).filter(([k]) => !STACK_KEYS.some((key) => k === `polyaxon:${key}`)),
  );
  const doc = { ...previous, config: { ...kept, ...config } };
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, `${SCHEMA_MODELINE}\n${toYaml(doc)}`);
  renameSync(tmp, target);
  io.out(`wrote Pulumi.${stack}.yaml: ${Object.keys(config).join(", ")}${errors.length ? ` (${errors.length} problem(s) left: run validate)` : ""}`);
  return EXIT_OK;
}
