/**
 * A catalog file beside the stack file (`polyaxon:catalogFile: catalogs/prod.yaml`): the
 * catalog keys (`connections`, `artifactsStore`, `agents`, …) without their `polyaxon:`
 * prefix, while Pulumi config keeps what only Pulumi can hold: secret values and per-stack
 * settings. `pulumi up` hands the whole stack config to the program in one environment
 * variable, which Linux caps at 128 KiB; a catalog in a file does not count against it.
 * The program and the offline commands read the file alike: yaml.v3's reading, the same
 * size limit, the same rules; its keys then read as if set in config.
 */
import { posix } from "node:path";
import type { Diagnostic } from "../model/diagnostics.js";
import { STACK_KEYS } from "../model/stack.js";
import type { ConfigSource } from "./catalog.js";
import { UnreadableFileError } from "./input-file.js";
import { readPulumiYaml, UnrepresentableScalarError } from "./pulumi-yaml.js";
import { securePaths } from "./secure-config.js";
import { configKeyOf, CONFIG_PREFIX } from "../model/config-keys.js";

/** The config key naming the catalog file: `polyaxon:catalogFile`. */
export const CATALOG_FILE_KEY = "catalogFile";
const FULL_KEY = configKeyOf(CATALOG_FILE_KEY);

/** Keys a catalog file may hold: the catalog's, not the per-stack switches. */
export const CATALOG_FILE_KEYS: readonly string[] = STACK_KEYS.filter((k) => k !== CATALOG_FILE_KEY && k !== "ambientCluster");

/** The catalog file a source reads, for messages: its name and the keys it set. */
export interface CatalogFileOrigin {
  file: string;
  keys: readonly string[];
}

const problem = (path: string, message: string, fix: string, rule: Diagnostic["rule"] = "catalog-file"): Diagnostic => ({ severity: "error", rule, path, message, fix });

/** Why `name` cannot name a catalog file of the project (absolute, leaving it, empty), or undefined. */
export function catalogFilePathProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.trim() === "") return "must be a path relative to the stack file, e.g. catalogs/prod.yaml";
  if (posix.isAbsolute(name) || /^[A-Za-z]:[\\/]/.test(name)) return "is an absolute path; it must stay inside the project";
  const normal = posix.normalize(name.replace(/\\/g, "/"));
  if (normal === ".." || normal.startsWith("../")) return "leaves the project folder; it must stay inside it";
  if (!/\.ya?ml$/.test(normal)) return "must name a .yaml or .yml file";
  return undefined;
}

/**
 * `source` with the keys of its catalog file laid over it, and every problem reading it
 * (all at once). `read(path)` reads a file relative to the stack file's folder: its text,
 * or undefined when there is none; it throws UnreadableFileError for a device, a FIFO or a
 * file over the input size limit. Without `polyaxon:catalogFile` the source is returned as is.
 */
export function withCatalogFile(source: ConfigSource, read: (path: string) => string | undefined): { source: ConfigSource; diagnostics: Diagnostic[]; origin?: CatalogFileOrigin } {
  const name = source.value(CATALOG_FILE_KEY);
  if (name === undefined) return { source, diagnostics: [] };
  if (source.isSecure(FULL_KEY))
    return { source, diagnostics: [problem(FULL_KEY, "is a secret", "set it in plain text: pulumi config set polyaxon:catalogFile catalogs/<stack>.yaml")] };
  const bad = catalogFilePathProblem(name);
  if (bad) return { source, diagnostics: [problem(FULL_KEY, `${bad} (got ${JSON.stringify(name)})`, "set it to the catalog's file in the project, e.g. catalogs/prod.yaml")] };
  const file = posix.normalize(String(name).replace(/\\/g, "/"));
  let doc: unknown;
  try {
    const text = read(file);
    if (text === undefined)
      return {
        source,
        diagnostics: [problem(FULL_KEY, `names ${file}, which does not exist`, `create ${file} (the catalog keys without their polyaxon: prefix), or unset polyaxon:catalogFile`)],
      };
    doc = readPulumiYaml(text);
  } catch (err) {
    if (err instanceof UnreadableFileError) return { source, diagnostics: [problem(file, err.reason, "make it a regular YAML file")] };
    if (err instanceof UnrepresentableScalarError)
      return { source, diagnostics: [problem(file, err.message, 'quote it ("…") for a string, or write a finite number', "pulumi-yaml")] };
    return { source, diagnostics: [problem(file, `not valid YAML: ${(err as Error).message.split("\n")[0]}`, "fix the YAML syntax", "yaml-syntax")] };
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== "object" || Array.isArray(doc))
    return { source, diagnostics: [problem(file, "is not a mapping of catalog keys", `write the catalog keys at the top level: ${CATALOG_FILE_KEYS.join(", ")}`)] };
  const diagnostics: Diagnostic[] = [];
  const keys = new Map<string, unknown>();
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const short = key.startsWith(CONFIG_PREFIX) ? key.slice(CONFIG_PREFIX.length) : key;
    if (!CATALOG_FILE_KEYS.includes(short)) {
      diagnostics.push(
        problem(`${file}: ${key}`, "is not a catalog key", `use only ${CATALOG_FILE_KEYS.join(", ")}; per-stack settings and secret values stay in Pulumi config`, "unknown-key"),
      );
    } else if (source.value(short) !== undefined) {
      diagnostics.push(
        problem(
          `${file}: ${key}`,
          `is set in the stack's config too (polyaxon:${short})`,
          `keep it in one place: remove polyaxon:${short} from the stack file, or this key from ${file}`,
        ),
      );
    } else if (securePaths(value).length > 0) {
      diagnostics.push(
        problem(
          `${file}: ${key}`,
          "holds a secure: value; a catalog file is plain text",
          "keep secret values in Pulumi config (pulumi config set --secret <key> <value>) and reference them with secret.fromConfig",
          "secret-in-clear",
        ),
      );
    } else {
      keys.set(short, value);
    }
  }
  const fromFile = (fullKey: string) => fullKey.startsWith(CONFIG_PREFIX) && keys.has(fullKey.slice(CONFIG_PREFIX.length));
  // Methods named one by one: a source may be a class instance, whose methods a spread would drop.
  const layered: ConfigSource = {
    secretValue: source.secretValue && ((fullKey) => source.secretValue!(fullKey)),
    storedVersion: source.storedVersion && ((fullKey) => source.storedVersion!(fullKey)),
    // The file is not part of the environment: only what stays in config counts.
    environmentBytes: source.environmentBytes && (() => source.environmentBytes!()),
    value: (key) => (keys.has(key) ? keys.get(key) : source.value(key)),
    keys: () => [...source.keys(), ...[...keys.keys()].map(configKeyOf)],
    isSecure: (fullKey) => (fromFile(fullKey) ? false : source.isSecure(fullKey)),
    securePaths: (key) => (keys.has(key) ? [] : (source.securePaths?.(key) ?? [])),
    plainValue: (fullKey) => (fromFile(fullKey) ? keys.get(fullKey.slice(CONFIG_PREFIX.length)) : source.plainValue?.(fullKey)),
  };
  return { source: layered, diagnostics, origin: { file, keys: [...keys.keys()] } };
}
