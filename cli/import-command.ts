/**
 * `import <values.yaml> --stack <name> [--force]`: writes `Pulumi.<name>.yaml` from an
 * existing values file. Validated first: with problems, nothing is written unless --force.
 * An existing stack file is only changed with --force, and then only its catalog keys: it
 * is edited as a YAML document, so every other key, comment and the key order stay. Chart
 * secrets are never written in clear: each gets its `pulumi config set --secret` command.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  type ConfigPath,
  configPathText,
  configSourceFrom,
  errorsOf,
  formatDiagnostics,
  fromYaml,
  loadCatalog,
} from "../components/catalog.js";
import { replaceFile } from "./exclusive-file.js";
import { EXIT_INVALID, EXIT_OK, type Io } from "./io.js";
import { importValues } from "./import-values.js";
import { SCHEMA_MODELINE } from "./schema-command.js";
import { applyImportToStackFile, ImportTargetError } from "./stack-file-edit.js";
import { checkStackName, StackFileError } from "./stack-file.js";
import { readYamlInput } from "./v8-policy.js";
import { UnreadableFileError } from "../components/load/input-file.js";
import { notDataKeyDiagnostics } from "../components/validate/data-keys.js";

function readValues(file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = fromYaml(readYamlInput(file));
  } catch (err) {
    const reason =
      err instanceof UnreadableFileError
        ? err.reason
        : (err as NodeJS.ErrnoException).code === "ENOENT"
          ? "no such file"
          : `not valid YAML: ${(err as Error).message.split("\n")[0]}`;
    throw new StackFileError([{ severity: "error", rule: "yaml-syntax", path: file, message: reason, fix: "pass a Helm values file" }]);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new StackFileError([{ severity: "error", rule: "type", path: file, message: "not a mapping of Helm values", fix: "pass a Helm values file" }]);
  }
  const notData = notDataKeyDiagnostics(doc, (path) => `${file}: ${configPathText("", path).slice(1)}`);
  if (notData.length > 0) throw new StackFileError(notData);
  return doc as Record<string, unknown>;
}

/** `pulumi config set --secret --path` for each chart secret, with a placeholder for the value. */
function secretCommands(chartSecrets: ConfigPath[], valuesKey: string, stack: string): string[] {
  return chartSecrets.map((path) => `pulumi config set --secret --path '${configPathText(valuesKey, path)}' '<value>' --stack ${stack}`);
}

export interface ImportOptions {
  /** Write despite problems, and edit an existing stack file. */
  force: boolean;
  /** With `polyaxon:agents`: the agent (by release) the values are for. */
  release?: string;
}

export function importCommand(projectDir: string, valuesFile: string, stack: string, opts: ImportOptions, io: Io): number {
  let values: Record<string, unknown>;
  try {
    checkStackName(stack);
    values = readValues(valuesFile);
  } catch (err) {
    if (!(err instanceof StackFileError)) throw err;
    io.err(formatDiagnostics(err.diagnostics));
    return EXIT_INVALID;
  }
  const { config, notes, chartSecrets } = importValues(values, stack);
  if (opts.release !== undefined) config["polyaxon:agent"] = { ...(config["polyaxon:agent"] as object | undefined), release: opts.release };
  const catalog = Object.fromEntries(Object.entries(config).map(([k, v]) => [k.slice("polyaxon:".length), v]));
  const { diagnostics } = loadCatalog(configSourceFrom(catalog));
  const errors = errorsOf(diagnostics);
  for (const note of notes) io.err(`note: ${note}`);
  if (diagnostics.length > 0) io.err(formatDiagnostics(diagnostics));

  const target = join(projectDir, `Pulumi.${stack}.yaml`);
  const exists = existsSync(target);
  if ((errors.length > 0 || exists) && !opts.force) {
    if (errors.length > 0) io.err(`${valuesFile}: ${errors.length} problem(s) above; nothing was written (--force writes anyway)`);
    if (exists) io.err(`Pulumi.${stack}.yaml exists; nothing was written (--force updates its catalog keys, keeping every other key and comment)`);
    return EXIT_INVALID;
  }
  // A new stack file is an edit of an empty one: one writer, which quotes what Pulumi would misread.
  let edit: ReturnType<typeof applyImportToStackFile>;
  try {
    edit = applyImportToStackFile(exists ? readYamlInput(target) : `${SCHEMA_MODELINE}\n`, config, opts.release);
  } catch (err) {
    if (!(err instanceof ImportTargetError)) throw err;
    io.err(`error Pulumi.${stack}.yaml: ${err.message}; nothing was written`);
    return EXIT_INVALID;
  }
  const { text, target: into, changed } = edit;
  replaceFile(target, text, exists ? statSync(target).mode & 0o777 : 0o644);
  io.out(`wrote Pulumi.${stack}.yaml: ${changed.join(", ")}${errors.length ? ` (${errors.length} problem(s) left: run validate)` : ""}`);
  if (chartSecrets.length > 0) {
    const valuesKey = into === "polyaxon:" ? "polyaxon:agent.values" : `${into}.values`;
    io.out(`${chartSecrets.length} chart secret(s) were not written in clear; set each as a Pulumi secret:`);
    for (const command of secretCommands(chartSecrets, valuesKey, stack)) io.out(`  ${command}`);
  }
  return EXIT_OK;
}
