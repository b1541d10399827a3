/**
 * What the cross-field rules see, and helpers they share.
 */
import type { ArtifactsStoreEntry, ConnectionEntry } from "../model/connection.js";
import { type ParsedAgent, pathsOf } from "../load/parsed-agent.js";
import type { Diagnostic } from "../model/diagnostics.js";
import type { RuleId } from "../model/rules.js";
import { planAgentObjects, planEntryObjects, type PlannedObject } from "../plan/objects.js";
import { createdSecretData } from "../plan/secret-recipes.js";

/** What the cross-field rules see: one parsed agent (see load/parsed-agent.ts). */
export type CheckInput = ParsedAgent;

export type AnyEntry = ConnectionEntry | ArtifactsStoreEntry;

export interface EntryAt {
  entry: AnyEntry;
  /** Config path of the entry, e.g. `polyaxon:connections[3]`. */
  path: string;
  isStore: boolean;
}

export { pathsOf };

/** Store (when configured) and connections, with their config paths. */
export function entriesWithPaths(config: CheckInput): EntryAt[] {
  // A dozen checks walk the same entries: one list per agent, which keeps each EntryAt the
  // same object (knownSecretKeys remembers its answer per EntryAt).
  const known = ENTRIES_AT.get(config);
  if (known) return known;
  const list = listEntriesWithPaths(config);
  ENTRIES_AT.set(config, list);
  return list;
}

const ENTRIES_AT = new WeakMap<CheckInput, EntryAt[]>();

function listEntriesWithPaths(config: CheckInput): EntryAt[] {
  const paths = pathsOf(config);
  const entries = config.connections.map((entry, i) => ({
    entry: entry as AnyEntry,
    path: `${paths.connections}[${config.connectionIndex?.[i] ?? i}]`,
    isStore: false,
  }));
  return config.artifactsStore ? [{ entry: config.artifactsStore, path: paths.artifactsStore, isStore: true }, ...entries] : entries;
}

/**
 * Keys of the entry's Secret when the stack knows them (it creates the Secret, or an
 * ExternalSecret syncs it), with the config path that declares each; undefined when the
 * Secret only is referenced.
 */
export function knownSecretKeys(at: EntryAt): Map<string, string> | undefined {
  if (KNOWN_SECRET_KEYS.has(at)) return KNOWN_SECRET_KEYS.get(at);
  const { entry, path } = at;
  const created = createdSecretData(entry.secret, entry.kind);
  const external = entry.secret?.external?.data;
  let keys: Map<string, string> | undefined;
  if (created || external) {
    keys = new Map<string, string>();
    for (const [key, { refs }] of created ?? []) keys.set(key, `${path}.secret.${refs[0]?.at ?? key}`);
    for (const key of Object.keys(external ?? {})) keys.set(key, `${path}.secret.external.data.${key}`);
  }
  KNOWN_SECRET_KEYS.set(at, keys);
  return keys;
}

/** Asked by four checks per entry. */
const KNOWN_SECRET_KEYS = new WeakMap<EntryAt, Map<string, string> | undefined>();

export function error(rule: RuleId, path: string, message: string, rest: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: "error", rule, path, message, ...rest };
}

export function warning(rule: RuleId, path: string, message: string, rest: Partial<Diagnostic> = {}): Diagnostic {
  return { severity: "warning", rule, path, message, ...rest };
}

/** A planned object, the config path that asks for it, and the object it makes exist. */
export interface PlannedAt {
  object: PlannedObject;
  /** `…connections[2].secret`, `….configMap`, `….pvc` or `…agentSecret`. */
  path: string;
  /**
   * `Kind/namespace/name` of what exists in the cluster because of it: an ExternalSecret
   * makes its target Secret exist (the operator writes it), so it clashes with a Secret.
   */
  existence: string;
}

const FIELD_OF_KIND: Record<string, string> = { Secret: "secret", ExternalSecret: "secret", ConfigMap: "configMap", PersistentVolumeClaim: "pvc" };

/**
 * Every object an agent's catalog creates, planned by the same code as the render and the
 * components (so the checks see exactly what would be created), with its config path.
 */
export function plannedObjectsAt(config: CheckInput): PlannedAt[] {
  // The objects themselves are planned once per entry (planEntryObjects remembers them).
  const at = (object: PlannedObject, path: string): PlannedAt => {
    const { kind, metadata } = object.manifest;
    const existence = `${kind === "ExternalSecret" ? "Secret" : kind}/${metadata.namespace}/${metadata.name}`;
    return { object, path, existence };
  };
  const entries = entriesWithPaths(config).flatMap(({ entry, path, isStore }) =>
    planEntryObjects(config, entry, isStore ? "artifacts-store" : "connection").map((o) => at(o, `${path}.${FIELD_OF_KIND[o.manifest.kind]}`)),
  );
  const agent = planAgentObjects(config).map((o) => at(o, `${pathsOf(config).agent}.agentSecret`));
  return [...entries, ...agent];
}
