/**
 * The shared connection library (`polyaxon:library`, usually project-level in Pulumi.yaml):
 * connections declared once; a catalog takes one by name (`- s3-datasets`) or with
 * overrides (`- {use: s3-datasets, schema: {bucket: s3://other}}`). Resolved on the raw
 * config, before validation, so a merged entry is checked like any other.
 */
import { type Diagnostic, showValue } from "../model/diagnostics.js";
import { closest } from "../model/suggest.js";
import { isMapping } from "../model/mapping.js";
import { configKeyOf, CONFIG_PREFIX } from "../model/config-keys.js";

export type Library = ReadonlyMap<string, Record<string, unknown>>;

/** The library's entries by name; problems go to `diagnostics`. */
export function parseLibrary(raw: unknown, diagnostics: Diagnostic[]): Library {
  const library = new Map<string, Record<string, unknown>>();
  if (raw === undefined) return library;
  if (!Array.isArray(raw)) {
    diagnostics.push({
      severity: "error",
      rule: "type",
      path: configKeyOf("library"),
      message: "invalid value",
      got: showValue(raw),
      fix: "it must be a list of connection entries (in Pulumi.yaml: config: {polyaxon:library: {value: [...]}})",
    });
    return library;
  }
  raw.forEach((entry, i) => {
    const name = isMapping(entry) ? entry.name : undefined;
    if (typeof name !== "string" || name === "") {
      diagnostics.push({ severity: "error", rule: "required", path: `${CONFIG_PREFIX}library[${i}].name`, message: "is required", fix: "give each library entry a name" });
    } else if (library.has(name)) {
      diagnostics.push({
        severity: "error",
        rule: "unique-name",
        path: `${CONFIG_PREFIX}library[${i}].name`,
        message: "the library already has an entry with this name",
        got: showValue(name),
        fix: "give each library entry its own name",
      });
    } else library.set(name, entry as Record<string, unknown>);
  });
  return library;
}

/** `override` applied onto `base`: mappings merge, anything else replaces, `null` removes the key. */
export function mergeOverride(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete out[key];
    else if (isMapping(value) && isMapping(out[key])) out[key] = mergeOverride(out[key] as Record<string, unknown>, value);
    else out[key] = value;
  }
  return out;
}

/**
 * A catalog entry with its library reference resolved: the named entry, with the overrides
 * applied. Entries without a reference come back as they are.
 */
export function resolveEntry(raw: unknown, library: Library, path: string, diagnostics: Diagnostic[]): unknown {
  // Without a library, a bare string is no reference but a mistyped entry: let validation say so.
  const name = typeof raw === "string" && library.size > 0 ? raw : isMapping(raw) && typeof raw.use === "string" ? raw.use : undefined;
  if (name === undefined) return raw;
  const base = library.get(name);
  if (!base) {
    const near = closest(name, [...library.keys()]);
    diagnostics.push({
      severity: "error",
      rule: "library-ref",
      path: typeof raw === "string" ? path : `${path}.use`,
      message: library.size ? "no library entry has this name" : "there is no polyaxon:library to take it from",
      got: showValue(name),
      fix: near ? `did you mean ${near}?` : "declare it under polyaxon:library (in Pulumi.yaml) or write the entry in full",
    });
    return undefined;
  }
  if (typeof raw === "string") return structuredClone(base);
  const { use: _use, ...override } = raw as Record<string, unknown>;
  return mergeOverride(base, override);
}
