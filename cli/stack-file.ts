/**
 * Reads a stack's config the way the Pulumi CLI would, without the Pulumi CLI:
 * `Pulumi.yaml` (project name, project-level config defaults) and `Pulumi.<stack>.yaml`.
 * Encrypted (`secure:`) values are never decrypted; only their presence is used.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fromYaml } from "../components/catalog/yaml.js";
import { type ConfigSource, type Diagnostic } from "../components/catalog/index.js";
import { CONFIG_NAMESPACE } from "../components/spec/index.js";

/** Input problems found before the catalog itself is read (exit code 2). */
export class StackFileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join("; "));
  }
}

const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

/** Throws unless `stack` can name a `Pulumi.<stack>.yaml` (no path separators). */
export function checkStackName(stack: string): void {
  if (!STACK_NAME.test(stack)) {
    throw new StackFileError([
      { severity: "error", rule: "stack-file", path: "--stack", message: "not a stack name", got: JSON.stringify(stack), fix: "use letters, digits, '-', '_' or '.'" },
    ]);
  }
}

/** Stack names that have a `Pulumi.<stack>.yaml` in `dir`, sorted. */
export function listStacks(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

function readYaml(file: string): unknown {
  try {
    return fromYaml(readFileSync(file, "utf8"));
  } catch (err) {
    throw new StackFileError([
      {
        severity: "error",
        rule: "yaml-syntax",
        path: basename(file),
        message: `not valid YAML: ${(err as Error).message.split("\n")[0]}`,
        fix: "fix the YAML syntax",
      },
    ]);
  }
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
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
export function readStackFile(dir: string, stack: string): Map<string, unknown> {
  checkStackName(stack);
  const projectFile = join(dir, "Pulumi.yaml");
  const project = existsSync(projectFile) ? readYaml(projectFile) : {};
  const projectName = isMapping(project) && typeof project.name === "string" ? project.name : "project";
  const file = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!file) {
    const known = listStacks(dir);
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
  const doc = readYaml(file);
  const stackConfig = isMapping(doc) && isMapping(doc.config) ? doc.config : {};
  const values = isMapping(project) ? projectDefaults(project, projectName) : new Map<string, unknown>();
  for (const [key, value] of Object.entries(stackConfig)) values.set(qualify(projectName, key), value);
  return values;
}

/** `{secure: "v1:..."}`: a value `pulumi config set --secret` stored encrypted. */
export function isEncrypted(value: unknown): boolean {
  return isMapping(value) && typeof value.secure === "string";
}

/** The config of `stack` in the project at `dir`, as the catalog loader reads it. */
export function readStackConfig(dir: string, stack: string): ConfigSource {
  const values = readStackFile(dir, stack);
  return {
    value: (key) => values.get(`${CONFIG_NAMESPACE}:${key}`),
    keys: () => [...values.keys()],
    isSecure: (key) => (values.has(key) ? isEncrypted(values.get(key)) : undefined),
  };
}

