/**
 * Edits an existing `Pulumi.<stack>.yaml` in place, as a YAML document (the `yaml`
 * package keeps comments, key order and formatting of everything it does not touch), so
 * that `import --force` changes only the keys it owns and never drops the user's.
 */
import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type YAMLMap } from "yaml";
import { resolvePlainScalar } from "../components/load/pulumi-yaml.js";
import { isMapping } from "../components/catalog.js";
import { configKeyOf, CONFIG_PREFIX } from "../components/model/config-keys.js";

/** Catalog keys an import replaces, or removes when the imported values have none. */
const REPLACED = ["artifactsStore", "connections", "mountConnections"] as const;

export interface ImportEdit {
  /** The new file text. */
  text: string;
  /** Where the imported catalog went: `polyaxon:*` (short form) or `polyaxon:agents[i]`. */
  target: string;
  /** Config paths written or removed, for the summary line. */
  changed: string[];
}

/** The import cannot go into this file as asked (exit 2, nothing written). */
export class ImportTargetError extends Error {}

/** Write what was not touched as it was: no padding in `[a, b]`, no re-wrapping of long lines. */
const TO_STRING = { flowCollectionPadding: false, lineWidth: 0 } as const;

/** Whether the Pulumi CLI would read `text`, written plain, as something other than that string. */
function readOtherwiseByPulumi(text: string): boolean {
  try {
    const r = resolvePlainScalar(text);
    return r.tag !== "str" || r.value !== text;
  } catch {
    return true;
  }
}

/**
 * A node for `value`, its strings quoted wherever Pulumi's reading (yaml.v3) would take them
 * for something else: the `yaml` library quotes by the YAML 1.2 core schema, under which
 * `2024-01-01`, `1_000` or `0b101` are strings that yaml.v3 reads as a date and numbers.
 */
function nodeFor(doc: Document, value: unknown) {
  const node = doc.createNode(value);
  visit(node, {
    Scalar(_key, scalar) {
      if (isScalar(scalar) && typeof scalar.value === "string" && readOtherwiseByPulumi(scalar.value)) scalar.type = "QUOTE_DOUBLE";
    },
  });
  return node;
}

/**
 * Set the leaves of `value` under `path`, merging into mappings that exist: keys the
 * import does not mention (a value set with `--secret --path`, a setting added by hand)
 * stay as they are.
 */
function mergeIn(doc: Document, path: (string | number)[], value: unknown, changed: string[], label: string): void {
  const existing = doc.getIn(path, true);
  if (isMapping(value) && isMap(existing)) {
    for (const [k, v] of Object.entries(value)) mergeIn(doc, [...path, k], v, changed, `${label}.${k}`);
    return;
  }
  doc.setIn(path, nodeFor(doc, value));
  changed.push(label);
}

/** The short-form keys of an import (`polyaxon:namespace`, ...) → `{namespace, ...}`. */
function catalogOf(imported: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(imported).map(([k, v]) => [k.replace(/^polyaxon:/, ""), v]));
}

/** Apply `catalog` to the mapping at `base` (a config key prefix or an agents item). */
function applyCatalog(doc: Document, key: (name: string) => (string | number)[], label: (name: string) => string, catalog: Record<string, unknown>, changed: string[]): void {
  for (const name of REPLACED) {
    if (catalog[name] !== undefined) {
      doc.setIn(key(name), nodeFor(doc, catalog[name]));
      changed.push(label(name));
    } else if (doc.hasIn(key(name))) {
      doc.deleteIn(key(name));
      changed.push(`${label(name)} (removed: the values have none)`);
    }
  }
  if (catalog.namespace !== undefined) mergeIn(doc, key("namespace"), catalog.namespace, changed, label("namespace"));
}

/**
 * The stack file `text` with the imported `polyaxon:*` keys applied. Short form: the
 * catalog keys are replaced, `polyaxon:agent` merged field by field. `polyaxon:agents`:
 * the item whose `release` is `release` is updated the same way (or a new item is added);
 * without `release`, ImportTargetError.
 */
export function applyImportToStackFile(text: string, imported: Record<string, unknown>, release?: string): ImportEdit {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ImportTargetError(`the stack file is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  if (doc.contents === null || doc.contents === undefined) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) throw new ImportTargetError("the stack file is not a mapping");
  if (!doc.has("config")) doc.set("config", doc.createNode({}));
  if (!isMap(doc.get("config", true))) throw new ImportTargetError("its `config:` is not a mapping");
  const catalog = catalogOf(imported);
  const changed: string[] = [];
  const agents = doc.getIn(["config", configKeyOf("agents")], true);

  if (agents === undefined) {
    applyCatalog(
      doc,
      (n) => ["config", configKeyOf(n)],
      (n) => configKeyOf(n),
      catalog,
      changed,
    );
    if (catalog.agent !== undefined) mergeIn(doc, ["config", configKeyOf("agent")], catalog.agent, changed, configKeyOf("agent"));
    return { text: doc.toString(TO_STRING), target: CONFIG_PREFIX, changed };
  }

  if (!isSeq(agents)) throw new ImportTargetError("polyaxon:agents is not a list");
  const releases = agents.items.map((item) => (isMap(item) ? (item as YAMLMap).get("release") : undefined)).map(String);
  if (release === undefined) {
    throw new ImportTargetError(
      `the stack has several agents (polyaxon:agents: ${releases.join(", ")}); say which one the values are for with --release <name> (a new name adds an agent)`,
    );
  }
  let index = releases.indexOf(release);
  if (index < 0) {
    agents.add(nodeFor(doc, { release }));
    index = agents.items.length - 1;
    changed.push(`${CONFIG_PREFIX}agents[${index}] (new agent ${release})`);
  }
  const item = (name: string) => ["config", configKeyOf("agents"), index, name];
  const label = (name: string) => `${CONFIG_PREFIX}agents[${index}].${name}`;
  applyCatalog(doc, item, label, catalog, changed);
  // An agents item holds the release settings inline.
  for (const [name, value] of Object.entries((catalog.agent as Record<string, unknown> | undefined) ?? {})) {
    mergeIn(doc, item(name), value, changed, label(name));
  }
  return { text: doc.toString(TO_STRING), target: `${CONFIG_PREFIX}agents[${index}]`, changed };
}

/** `catalog` (keys without `polyaxon:`) as the text of a catalog file, quoted as Pulumi reads it. */
export function catalogFileText(catalog: Record<string, unknown>): string {
  // parseDocument, not `new Document()`: the CLI bundle loads the yaml package lazily, as functions.
  const doc = parseDocument("");
  doc.contents = nodeFor(doc, catalog) as unknown as typeof doc.contents;
  return doc.toString(TO_STRING);
}

/**
 * The stack file `text` pointing at the catalog file `file` (`polyaxon:catalogFile`).
 * Refused when the stack file holds catalog keys itself: each key lives in one place.
 */
export function pointAtCatalogFile(text: string, file: string, catalogKeys: readonly string[]): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new ImportTargetError(`the stack file is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  if (doc.contents === null || doc.contents === undefined) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) throw new ImportTargetError("the stack file is not a mapping");
  if (!doc.has("config")) doc.set("config", doc.createNode({}));
  const held = catalogKeys.filter((k) => doc.hasIn(["config", configKeyOf(k)]));
  if (held.length > 0)
    throw new ImportTargetError(`it holds catalog keys itself (${held.map((k) => configKeyOf(k)).join(", ")}); move them to the catalog file or import without --catalog-file`);
  doc.setIn(["config", configKeyOf("catalogFile")], file);
  return doc.toString(TO_STRING);
}
