/**
 * Reads a stack's config the way the Pulumi CLI would, without the Pulumi CLI:
 * `Pulumi.yaml` (project name, project-level config defaults) and `Pulumi.<stack>.yaml`.
 * Encrypted (`secure:`) values are never decrypted; only their presence is used.
 */
import { lstatSync } from "node:fs";
import { join } from "node:path";
import { YamlAliasError } from "../components/load/yaml.js";
import { readPulumiYaml, UnrepresentableScalarError } from "../components/load/pulumi-yaml.js";
import { type ConfigPath, type ConfigSource, type Diagnostic, isSecureNode, redactSecureNodes, securePaths, showValue } from "../components/catalog.js";
import { storedVersionOf } from "../components/load/secure-config.js";
import { closest } from "../components/model/suggest.js";

import { type ProjectFiles, UnreadableFileError, workingTree } from "./project-files.js";
import { MAX_INPUT_BYTES } from "../components/load/input-file.js";
import { secretFromEnv } from "./secret-env.js";
import { isMapping } from "../components/catalog.js";
import { pulumiConfigBytes } from "../components/validate/config-size.js";
import { configKeyOf } from "../components/model/config-keys.js";

/** Input problems found before the catalog itself is read (exit code 2). */
export class StackFileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("; "));
  }
}

/**
 * Pulumi's stack-name rule (pulumi/pulumi `pkg/backend/diy/backend.go` `validateStackName`:
 * `^[A-Za-z0-9_.-]{1,100}$`), minus the two names that are folders: `.` and `..`. A stack
 * name names `Pulumi.<stack>.yaml` and the render folder `<out>/<stack>/`.
 */
const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** Why `stack` cannot name a stack, or undefined when it can. */
export function stackNameProblem(stack: string): string | undefined {
  if (stack === "." || stack === "..") return "is a folder, not a stack name";
  if (!STACK_NAME.test(stack)) return "is not a stack name";
  return undefined;
}

/** Throws unless `stack` can name a `Pulumi.<stack>.yaml` and a render folder. */
export function checkStackName(stack: string): void {
  const problem = stackNameProblem(stack);
  if (problem) {
    throw new StackFileError([
      {
        severity: "error",
        rule: "stack-file",
        path: "--stack",
        message: problem,
        got: JSON.stringify(stack),
        fix: "use 1 to 100 letters, digits, '-', '_' or '.' (not '.' or '..' alone)",
      },
    ]);
  }
}

const filesOf = (project: string | ProjectFiles) => (typeof project === "string" ? workingTree(project) : project);

/** Stack names that have a `Pulumi.<stack>.yaml` in the project, sorted. */
export function listStacks(project: string | ProjectFiles): string[] {
  return filesOf(project)
    .list()
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined && stackNameProblem(s) === undefined)
    .sort();
}

/** A `Pulumi*.yaml` file, read as the Pulumi CLI reads it (load/pulumi-yaml.ts). */
function parseYaml(name: string, text: string): unknown {
  try {
    return readPulumiYaml(text);
  } catch (err) {
    if (err instanceof UnrepresentableScalarError) {
      throw new StackFileError([{ severity: "error", rule: "pulumi-yaml", path: name, message: err.message, fix: 'quote it ("…") for a string, or write a finite number' }]);
    }
    const runaway = err instanceof YamlAliasError;
    throw new StackFileError([
      {
        severity: "error",
        rule: "yaml-syntax",
        path: name,
        message: `not valid YAML: ${(err as Error).message.split("\n")[0]}`,
        fix: runaway ? "write the values out, or use far fewer nested aliases (*name)" : "fix the YAML syntax",
      },
    ]);
  }
}

/** Read a project file, as text; a folder or non-UTF-8 bytes are input errors (exit 2). */
function readText(files: ProjectFiles, name: string): string | undefined {
  try {
    return files.read(name);
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    const fix = err.reason.startsWith("is a folder")
      ? `move the folder away; ${name} must be a YAML file`
      : err.reason.startsWith("not UTF-8")
        ? "save the file as UTF-8"
        : `make ${name} a regular YAML file of at most ${MAX_INPUT_BYTES / 1024 / 1024} MiB`;
    throw new StackFileError([{ severity: "error", rule: "yaml-syntax", path: name, message: err.reason, fix }]);
  }
}

/** Top-level keys of a `Pulumi.<stack>.yaml` (pulumi/pulumi `sdk/go/common/workspace/project.go` ProjectStack). */
const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

/** The `config:` mapping of a stack file; a file of another shape is refused, never read as empty. */
function stackFileConfig(file: string, doc: unknown): Record<string, unknown> {
  if (doc === null || doc === undefined) return {}; // an empty file: a stack with no config yet
  const problems: Diagnostic[] = [];
  if (!isMapping(doc)) {
    problems.push({
      severity: "error",
      rule: "type",
      path: file,
      message: "is not a mapping",
      got: showValue(doc),
      fix: "a stack file is a mapping with a `config:` key: config: {polyaxon:namespace: ...}",
    });
  } else {
    for (const key of Object.keys(doc).filter((k) => !STACK_FILE_KEYS.includes(k))) {
      const near = closest(key, STACK_FILE_KEYS);
      problems.push({
        severity: "error",
        rule: "unknown-key",
        path: `${file}: ${key}`,
        message: `unknown top-level key \`${key}\``,
        fix: near ? `did you mean \`${near}\`?` : `a stack file holds ${STACK_FILE_KEYS.join(", ")}`,
      });
    }
    if (doc.config !== undefined && doc.config !== null && !isMapping(doc.config)) {
      problems.push({
        severity: "error",
        rule: "type",
        path: `${file}: config`,
        message: "is not a mapping",
        got: showValue(doc.config),
        fix: "config holds keys and values: config: {polyaxon:namespace: ml}",
      });
    }
  }
  if (problems.length > 0 || !isMapping(doc)) throw new StackFileError(problems);
  return isMapping(doc.config) ? doc.config : {};
}

/** `foo` → `<project>:foo`; `ns:foo` stays. */
const qualify = (project: string, key: string) => (key.includes(":") ? key : `${project}:${key}`);

/** Project-level config: `key: value` or `key: {default: value}` / `{value: value}`. */
function projectDefaults(project: Record<string, unknown>, name: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const config = project.config;
  if (!isMapping(config)) return out;
  for (const [key, decl] of Object.entries(config)) {
    const value = isMapping(decl) && ("default" in decl || "value" in decl) ? (decl.value ?? decl.default) : decl;
    out.set(qualify(name, key), value);
  }
  return out;
}

/**
 * Every config key of `stack` (full form `ns:key`) with its raw value as written:
 * project defaults, then the stack file. Encrypted values stay `{secure: ...}`.
 */
export function readStackFile(projectFiles: string | ProjectFiles, stack: string): Map<string, unknown> {
  checkStackName(stack);
  const files = filesOf(projectFiles);
  const projectText = readText(files, "Pulumi.yaml");
  const project = projectText === undefined ? {} : parseYaml("Pulumi.yaml", projectText);
  const projectName = isMapping(project) && typeof project.name === "string" ? project.name : "project";
  const file = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].find((f) => files.list().includes(f));
  const text = file === undefined ? undefined : readText(files, file);
  if (file === undefined || text === undefined) {
    const known = listStacks(files);
    throw new StackFileError([
      {
        severity: "error",
        rule: "stack-file",
        path: "--stack",
        message: `no Pulumi.${stack}.yaml in the project`,
        got: JSON.stringify(stack),
        fix: known.length ? `use one of: ${known.join(", ")}` : `create Pulumi.${stack}.yaml (pulumi stack init ${stack})`,
      },
    ]);
  }
  const stackConfig = stackFileConfig(file, parseYaml(file, text));
  const values = isMapping(project) ? projectDefaults(project, projectName) : new Map<string, unknown>();
  for (const [key, value] of Object.entries(stackConfig)) values.set(qualify(projectName, key), value);
  return values;
}

/** `{secure: "v1:..."}`: a value `pulumi config set --secret` stored encrypted. */
export const isEncrypted = isSecureNode;

/**
 * Reads the catalog file (`polyaxon:catalogFile`) from the project: a regular file, never
 * through a symlink in the working tree (a pull request could point one anywhere).
 */
export function catalogFileReader(project: string | ProjectFiles): (path: string) => string | undefined {
  const files = typeof project === "string" ? workingTree(project) : project;
  return (path) => {
    if (typeof project === "string") {
      let stat;
      try {
        stat = lstatSync(join(project, path));
      } catch {
        return undefined;
      }
      if (stat.isSymbolicLink()) throw new UnreadableFileError(path, "is a symlink; the catalog file must be a regular file inside the project");
    }
    return files.read(path);
  };
}

/** The config of `stack` in the project at `dir`, as the catalog loader reads it. */
export function readStackConfig(project: string | ProjectFiles, stack: string): ConfigSource {
  return {
    ...configSourceOf(readStackFile(project, stack)),
    // Offline, secret values only come from PLXC_SECRET_* variables (content checks).
    secretValue: (key) => secretFromEnv(key),
  };
}

/** A stack file's config keys (from `readStackFile`) as the catalog loader reads them; no secret value. */
export function configSourceOf(values: ReadonlyMap<string, unknown>): ConfigSource {
  // Each key's encrypted nodes, found once: the loader and several checks ask for them, and
  // a catalog of thousands of entries takes milliseconds to walk.
  const found = new Map<string, ConfigPath[]>();
  const pathsOf = (key: string): ConfigPath[] => {
    let paths = found.get(key);
    if (paths === undefined) found.set(key, (paths = securePaths(values.get(configKeyOf(key)))));
    return paths;
  };
  return {
    // Nested secret values are never decrypted offline: each becomes a redaction naming its path.
    value: (key) => (pathsOf(key).length === 0 ? values.get(configKeyOf(key)) : redactSecureNodes(configKeyOf(key), values.get(configKeyOf(key)))),
    keys: () => [...values.keys()],
    isSecure: (key) => (values.has(key) ? isEncrypted(values.get(key)) : undefined),
    securePaths: pathsOf,
    storedVersion: (key) => (values.has(key) ? storedVersionOf(values.get(key)) : undefined),
    plainValue: (key) => (securePaths(values.get(key)).length > 0 ? undefined : values.get(key)),
    // A secret counted at its ciphertext's length: its plaintext is unknown offline, and shorter.
    environmentBytes: () => pulumiConfigBytes([...values].map(([key, v]) => [key, typeof v === "string" ? v : isEncrypted(v) ? v.secure : JSON.stringify(v)])),
  };
}
