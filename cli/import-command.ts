/**
 * `import <values.yaml> --stack <name> [--force]`: writes `Pulumi.<name>.yaml` from an
 * existing values file. Validated first: with problems, nothing is written unless --force.
 * An existing stack file is only changed with --force, and then only its catalog keys: it
 * is edited as a YAML document, so every other key, comment and the key order stay. Chart
 * secrets are never written in clear: each gets its `pulumi config set --secret` command.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { configPathText, configSourceFrom, errorsOf, formatDiagnostics, fromYaml, loadCatalog } from "../components/catalog.js";
import { replaceFile } from "./exclusive-file.js";
import { EXIT_INVALID, EXIT_OK, type Io } from "./io.js";
import { type HeldBackCredential, importValues } from "./import-values.js";
import { schemaModelineFor, writeSchemaCopy } from "./schema-command.js";
import { applyImportToStackFile, catalogFileText, ImportTargetError, pointAtCatalogFile } from "./stack-file-edit.js";
import { catalogFilePathProblem } from "../components/load/catalog-file.js";
import { checkStackName, StackFileError } from "./stack-file.js";
import { readYamlInput } from "../components/load/input-file.js";
import { CATALOG_KEYS } from "../components/model/stack.js";
import { UnreadableFileError } from "../components/load/input-file.js";
import { notDataKeyDiagnostics } from "../components/validate/data-keys.js";
import { entrySecretRoute, valuesSecretRoute } from "../components/validate/plain-credentials.js";
import { configKeyOf, CONFIG_PREFIX } from "../components/model/config-keys.js";

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
  const notData = notDataKeyDiagnostics(doc, (path) => `${file}: ${configPathText("", path)}`);
  if (notData.length > 0) throw new StackFileError(notData);
  return doc as Record<string, unknown>;
}

/**
 * How to set each held-back credential as a secret: chart values with `--path` in place;
 * a catalog entry's value through the entry's Secret (a secret inside an entry would be
 * written into the chart's ConfigMap in clear).
 */
function secretRoutes(heldBack: HeldBackCredential[], config: Record<string, unknown>, into: string, stack: string): string[] {
  // `into`: `polyaxon:` (the short form) or `polyaxon:agents[i]`.
  const keyOf = (where: string) => (into === CONFIG_PREFIX ? configKeyOf(where === "values" ? "agent.values" : where) : `${into}.${where}`);
  return heldBack.map(({ in: where, path, what, stripped }) => {
    const at = configPathText(keyOf(where), path);
    if (where === "values") return `${at}: ${what}: ${valuesSecretRoute(at, stack)}`;
    const entry = where === "connections" ? (config[configKeyOf("connections")] as unknown[])[path[0] as number] : config[configKeyOf("artifactsStore")];
    const kept = stripped ? " (the URL was kept without its credentials)" : "";
    return `${at}: ${what}${kept}: ${entrySecretRoute(entry as { name: string; kind: string; env?: unknown }, path, stack)}`;
  });
}

export interface ImportOptions {
  /** Write despite problems, and edit an existing stack file. */
  force: boolean;
  /** With `polyaxon:agents`: the agent (by release) the values are for. */
  release?: string;
  /** Write the catalog keys to this catalog file (relative to the project) instead of the stack file. */
  catalogFile?: string;
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
  if (opts.catalogFile !== undefined) {
    const bad = catalogFilePathProblem(opts.catalogFile);
    if (bad || opts.release !== undefined) {
      io.err(
        `error --catalog-file: ${bad ?? "writes one agent's catalog (the short form); it cannot be combined with --release"} (got ${JSON.stringify(opts.catalogFile)}); nothing was written`,
      );
      return EXIT_INVALID;
    }
  }
  const { config, notes, heldBack } = importValues(values, stack);
  if (opts.release !== undefined) config[configKeyOf("agent")] = { ...(config[configKeyOf("agent")] as object | undefined), release: opts.release };
  const catalog = Object.fromEntries(Object.entries(config).map(([k, v]) => [k.slice(CONFIG_PREFIX.length), v]));
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
  if (opts.catalogFile !== undefined) return writeWithCatalogFile(projectDir, stack, opts.catalogFile, { config, heldBack, errors: errors.length, force: opts.force }, io);
  // A new stack file is an edit of an empty one: one writer, which quotes what Pulumi would misread.
  let edit: ReturnType<typeof applyImportToStackFile>;
  const modeline = schemaModelineFor(projectDir);
  try {
    edit = applyImportToStackFile(exists ? readYamlInput(target) : `${modeline.line}\n`, config, opts.release);
  } catch (err) {
    if (!(err instanceof ImportTargetError)) throw err;
    io.err(`error Pulumi.${stack}.yaml: ${err.message}; nothing was written`);
    return EXIT_INVALID;
  }
  const { text, target: into, changed } = edit;
  replaceFile(target, text, exists ? statSync(target).mode & 0o777 : 0o644);
  if (!exists) writeSchemaCopy(modeline, io);
  io.out(`wrote Pulumi.${stack}.yaml: ${changed.join(", ")}${errors.length ? ` (${errors.length} problem(s) left: run validate)` : ""}`);
  printRoutes(heldBack, config, into, stack, io);
  return EXIT_OK;
}

function printRoutes(heldBack: HeldBackCredential[], config: Record<string, unknown>, into: string, stack: string, io: Io): void {
  if (heldBack.length === 0) return;
  io.out(`${heldBack.length} credential(s) were not written in clear; set each as a Pulumi secret:`);
  for (const route of secretRoutes(heldBack, config, into, stack)) io.out(`  ${route}`);
}

/** What `import --catalog-file` writes to the file; the release settings (`polyaxon:agent`) stay in the stack file. */
const FILE_KEYS: readonly string[] = CATALOG_KEYS;

/**
 * `import --catalog-file <file>`: the catalog goes to `<file>` (new, or replaced with
 * --force); the stack file keeps the release settings, whose secret values only Pulumi
 * config can hold (`--secret --path`), and points at the file.
 */
function writeWithCatalogFile(
  projectDir: string,
  stack: string,
  file: string,
  imported: { config: Record<string, unknown>; heldBack: HeldBackCredential[]; errors: number; force: boolean },
  io: Io,
): number {
  const stackPath = join(projectDir, `Pulumi.${stack}.yaml`);
  const catalogPath = join(projectDir, file);
  const stackExists = existsSync(stackPath);
  if (existsSync(catalogPath) && !imported.force) {
    io.err(`${file} exists; nothing was written (--force replaces it)`);
    return EXIT_INVALID;
  }
  const inFile = Object.fromEntries(FILE_KEYS.filter((k) => imported.config[configKeyOf(k)] !== undefined).map((k) => [k, imported.config[configKeyOf(k)]]));
  const inConfig = Object.fromEntries(Object.entries(imported.config).filter(([k]) => !FILE_KEYS.includes(k.slice(CONFIG_PREFIX.length))));
  let stackText: string;
  const modeline = schemaModelineFor(projectDir);
  try {
    const edit = applyImportToStackFile(stackExists ? readYamlInput(stackPath) : `${modeline.line}\n`, inConfig);
    stackText = pointAtCatalogFile(edit.text, file, FILE_KEYS);
  } catch (err) {
    if (!(err instanceof ImportTargetError)) throw err;
    io.err(`error Pulumi.${stack}.yaml: ${err.message}; nothing was written`);
    return EXIT_INVALID;
  }
  mkdirSync(dirname(catalogPath), { recursive: true });
  replaceFile(catalogPath, catalogFileText(inFile), 0o644);
  replaceFile(stackPath, stackText, stackExists ? statSync(stackPath).mode & 0o777 : 0o644);
  if (!stackExists) writeSchemaCopy(modeline, io);
  const left = imported.errors ? ` (${imported.errors} problem(s) left: run validate)` : "";
  io.out(`wrote ${file}: ${Object.keys(inFile).join(", ")}; Pulumi.${stack}.yaml: ${[...Object.keys(inConfig), configKeyOf("catalogFile")].join(", ")}${left}`);
  printRoutes(imported.heldBack, imported.config, CONFIG_PREFIX, stack, io);
  return EXIT_OK;
}
