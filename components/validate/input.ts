/**
 * What the cross-field rules see, and helpers they share.
 */
import type { ArtifactsStoreEntry, ConnectionEntry } from "../model/connection.js";
import { type ParsedAgent, pathsOf } from "../load/parsed-agent.js";
import type { Diagnostic } from "../model/diagnostics.js";
import type { RuleId } from "../model/rules.js";
import { planAgentObjects, planEntryObjects, type PlannedObject } from "../plan/objects.js";
import { type CreatedSecretData, createdSecretData } from "../plan/secret-recipes.js";
import { configPathText } from "../load/secure-config.js";

/** A store or connection of the agent, with its config path and what it makes the stack create. */
export interface EntryAt {
  entry: AnyEntry;
  /** Config path of the entry, e.g. `polyaxon:connections[3]`. */
  path: string;
  isStore: boolean;
  /** The data of the Secret the stack creates for it, key by key; undefined when it creates none. */
  created: CreatedSecretData | undefined;
  /**
   * Keys of the entry's Secret when the stack knows them (it creates the Secret, or an
   * ExternalSecret syncs it), with the config path that declares each; undefined when the
   * Secret only is referenced.
   */
  knownSecretKeys: Map<string, string> | undefined;
  /** The objects it makes the stack create (see plan/objects.ts). */
  objects: readonly PlannedObject[];
}

/**
 * What the cross-field rules see: one parsed agent (see load/parsed-agent.ts), its entries
 * and every object it creates, each computed once here and passed to every rule and then
 * to the plan.
 */
export interface CheckInput extends ParsedAgent {
  /** The store (when configured) and the connections, in order. */
  entries: EntryAt[];
  /** The agent's own objects (its token Secret). */
  agentObjects: PlannedObject[];
  /** Every object the agent creates, with the config path that asks for it. */
  planned: PlannedAt[];
}

export type AnyEntry = ConnectionEntry | ArtifactsStoreEntry;

export { pathsOf };

/** The keys an entry's Secret is known to hold (see EntryAt.knownSecretKeys). */
function secretKeysOf(entry: AnyEntry, path: string, created: CreatedSecretData | undefined): Map<string, string> | undefined {
  const external = entry.secret?.external?.data;
  if (!created && !external) return undefined;
  const keys = new Map<string, string>();
  for (const [key, { at }] of created ?? []) keys.set(key, `${path}.secret.${at}`);
  for (const key of Object.keys(external ?? {})) keys.set(key, `${path}.secret.external.data.${key}`);
  return keys;
}

/** The parsed agent with its entries and objects worked out, once. */
export function checkInputOf(agent: ParsedAgent): CheckInput {
  const paths = pathsOf(agent);
  const listed = agent.connections.map((entry, i) => ({ entry: entry as AnyEntry, path: `${paths.connections}[${agent.connectionIndex?.[i] ?? i}]`, isStore: false }));
  const all = agent.artifactsStore ? [{ entry: agent.artifactsStore as AnyEntry, path: paths.artifactsStore, isStore: true }, ...listed] : listed;
  const entries = all.map(({ entry, path, isStore }) => {
    const created = createdSecretData(entry.secret, entry.kind);
    return {
      entry,
      path,
      isStore,
      created,
      knownSecretKeys: secretKeysOf(entry, path, created),
      objects: planEntryObjects(agent, entry, isStore ? "artifacts-store" : "connection", created),
    };
  });
  const agentObjects = planAgentObjects(agent);
  const planned = [
    ...entries.flatMap(({ objects, path }) => objects.map((o) => plannedAt(o, `${path}.${FIELD_OF_KIND[o.manifest.kind]}`))),
    ...agentObjects.map((o) => plannedAt(o, configPathText(paths.agent, ["agentSecret"]))),
  ];
  return { ...agent, entries, agentObjects, planned };
}

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

/** `object` with the path that asks for it, and what it makes exist. */
function plannedAt(object: PlannedObject, path: string): PlannedAt {
  const { kind, metadata } = object.manifest;
  const existence = `${kind === "ExternalSecret" ? "Secret" : kind}/${metadata.namespace}/${metadata.name}`;
  return { object, path, existence };
}
