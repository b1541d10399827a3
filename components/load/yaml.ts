/**
 * YAML in and out, with js-yaml 4 (faster to parse and to write than `yaml` on large stack
 * files, and than js-yaml 5, which builds a list of events first; docs/performance.md), and
 * the fast writer of yaml-emit.ts, byte-identical to its `dump`.
 *
 * Out: mapping keys sorted, no line folding, no anchors, so the same catalog gives the same
 * bytes whatever the key order in the config, and PR diffs show only real changes.
 * In: the YAML 1.2 core schema, for values files and rendered files (stack files are read as
 * the Pulumi CLI reads them, by pulumi-yaml.ts).
 * Aliases are bounded: js-yaml shares an aliased node instead of copying it, but everything
 * downstream (validation, values, manifests) copies it, so a few hundred bytes of nested
 * aliases ("billion laughs") would expand to gigabytes.
 */
import { CORE_SCHEMA, dump, load } from "js-yaml";
import { DUMP_OPTIONS, emitYaml } from "./yaml-emit.js";

/** YAML text of `value`: sorted keys, block style; the fast writer when it is sure, else js-yaml. */
export function toYaml(value: unknown): string {
  return emitYaml(value) ?? dump(value, DUMP_OPTIONS);
}

/**
 * Nodes that aliases may add to a document once expanded. go-yaml, which the Pulumi CLI
 * reads stack files with, refuses "excessive aliasing" by a similar ratio rule; a catalog
 * of 20,000 connections written out in full holds no alias at all.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Thrown by `fromYaml` for a document whose aliases expand too far (or into a cycle). */
export class YamlAliasError extends Error {}

/** Nodes of `root` once every alias is expanded, beyond the nodes written once; throws YamlAliasError past the bound. */
export function aliasExpansion(root: unknown): number {
  const sizes = new Map<object, number>();
  const inProgress = new Set<object>();
  let extra = 0;
  const size = (node: unknown): number => {
    if (typeof node !== "object" || node === null) return 1;
    const known = sizes.get(node);
    if (known !== undefined) {
      // A second visit is an alias: everything under it is copied again downstream.
      extra += known;
      if (extra > MAX_ALIAS_EXPANSION) throw new YamlAliasError(`aliases expand the document by more than ${MAX_ALIAS_EXPANSION} nodes`);
      return known;
    }
    if (inProgress.has(node)) throw new YamlAliasError("an alias refers to a node that contains it (a cycle)");
    inProgress.add(node);
    let total = 1;
    for (const child of Object.values(node)) total += size(child);
    inProgress.delete(node);
    sizes.set(node, total);
    return total;
  };
  size(root);
  return extra;
}

/**
 * Mapping keys that are not data: JavaScript reads `__proto__` (and code that copies objects
 * can read `constructor`/`prototype`) as the object's machinery, so a field under one would
 * apply invisibly; `<<` is a YAML merge key, which the Pulumi CLI's reader applies and which
 * hides where a value comes from. Refused wherever a user's YAML is read.
 */
export const NOT_DATA_KEYS: readonly string[] = ["__proto__", "constructor", "prototype", "<<"];

/** Paths (keys and indexes from the root) of every mapping key of `value` in NOT_DATA_KEYS. */
export function notDataKeyPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => notDataKeyPaths(v, [...at, i]));
  if (typeof value !== "object" || value === null) return [];
  return Object.keys(value).flatMap((k) => [...(NOT_DATA_KEYS.includes(k) ? [[...at, k]] : []), ...notDataKeyPaths((value as Record<string, unknown>)[k], [...at, k])]);
}

/** Parse one YAML document; throws on a syntax error, a duplicate key or runaway aliases. */
export function fromYaml(text: string): unknown {
  const doc = load(text, { schema: CORE_SCHEMA });
  if (text.includes("*")) aliasExpansion(doc);
  return doc;
}
