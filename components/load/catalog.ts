/**
 * The validated catalog of one agent: what the values renderer, the object planner, the
 * Pulumi components and the CLI all work from.
 */
import type { AgentConfig } from "../model/agent.js";
import type { ArtifactsStoreEntry, ConnectionEntry } from "../model/connection.js";
import type { Diagnostic } from "../model/diagnostics.js";
import type { ConfigPath } from "./secure-config.js";
import type { PlannedObject } from "../plan/objects.js";
import { configKeyOf } from "../model/config-keys.js";

/** The chart's own default store, written out explicitly when none is configured. */
export const DEFAULT_ARTIFACTS_STORE: ArtifactsStoreEntry = {
  name: "default-artifacts-store",
  kind: "host_path",
  schema: { hostPath: "/tmp/artifactsStore", mountPath: "/artifactsStore" },
};

/** The objects a catalog makes the stack create, by owner (see plan/objects.ts). */
export interface CatalogObjects {
  artifactsStore: readonly PlannedObject[];
  connections: readonly (readonly PlannedObject[])[];
  agent: readonly PlannedObject[];
}

/** Produced only by `loadCatalog`: holding one means every error check passed. */
export interface Catalog {
  /** Namespace of the agent and of every object created. */
  namespace: string;
  /** The artifacts store (the default one when none was configured). */
  artifactsStore: ArtifactsStoreEntry;
  /** True when `artifactsStore` is the embedded default. */
  usesDefaultStore: boolean;
  /** Connections in the user's order (the order runs and the UI see). */
  connections: ConnectionEntry[];
  /** Names of connections the gateway pod mounts, in the user's order. */
  mountConnections: string[];
  /** The agent release settings, defaults applied. */
  agent: AgentConfig;
  /** Advice that did not stop the catalog (errors never reach a Catalog). */
  warnings: Diagnostic[];
  /**
   * The chart values hold secret config (`agent.values` set with `--secret --path`): the
   * values, the release and the stack output derived from them must be Pulumi secrets.
   */
  valuesFromSecrets?: boolean;
  /** What the stack creates for the store, for each connection (in order) and for the agent, planned while validating. */
  objects: CatalogObjects;
  /** `ConfigSource.storedVersion` of the config the catalog was read from: the rollout digest reads it. */
  storedVersion?: (fullKey: string) => string | undefined;
}

/**
 * Where the config comes from: `Pulumi.<stack>.yaml` for the CLI, Pulumi's runtime config
 * for the program. Only key names and their encryption are exposed for secret values.
 */
export interface ConfigSource {
  /** Raw value of each `polyaxon:<key>` present (parsed YAML/JSON). */
  value(key: string): unknown;
  /** Every config key set for the stack, full form (`polyaxon:s3AccessKey`). */
  keys(): readonly string[];
  /** Whether a key is stored encrypted; undefined when the source cannot tell. */
  isSecure(fullKey: string): boolean | undefined;
  /**
   * The plain value of a secret key, where the source can read it (the stack program can;
   * offline renders cannot), so content rules can check it. Never printed.
   */
  secretValue?(fullKey: string): string | undefined;
  /**
   * Where `polyaxon:<key>` holds secret values: paths inside its value (`[[]]`: the whole
   * value, or somewhere the source cannot tell). Empty or absent: no secret in it.
   */
  securePaths?(key: string): ConfigPath[];
  /**
   * A digest of how `fullKey` is stored in the stack file (for a secret, its `secure:`
   * ciphertexts, which the file already shows): it changes when the key is set again, and
   * says nothing about a secret's value. Undefined where the source has no stack file.
   */
  storedVersion?(fullKey: string): string | undefined;
  /** A plain (not secret) value of any namespace's key, as set; undefined for secrets and unset keys. */
  plainValue?(fullKey: string): unknown;
  /**
   * How messages name the catalog key `key`: `polyaxon:<key>` by default; for an Agent's
   * typed args, the arg itself (`connections`), and `""` for the release settings, which
   * are the args themselves.
   */
  keyPath?(key: string): string;
  /**
   * The length of the `PULUMI_CONFIG` environment string `pulumi up` would build from this
   * config (an estimate where secret values are unknown), where the source can tell.
   */
  environmentBytes?(): number;
}

/** Every agent of a stack, validated. */
export interface StackModel {
  agents: Catalog[];
  /** Advice that did not stop the stack. */
  warnings: Diagnostic[];
}

/** The path messages give the catalog key `key` of `source` (see ConfigSource.keyPath). */
export function keyPathOf(source: ConfigSource, key: string): string {
  return source.keyPath ? source.keyPath(key) : configKeyOf(key);
}
