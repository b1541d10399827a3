/**
 * Catalog → the Kubernetes objects the stack creates: Secrets from secret config,
 * ExternalSecrets for secrets kept in a secret manager, ConfigMaps from plain config, PVCs
 * for volume claims. Pure; secret values are carried as recipes over config keys and filled
 * in by the caller (Pulumi secrets) or redacted (render).
 */
import type { ArtifactsStoreEntry, ConnectionEntry } from "../model/connection.js";
import type { SecretRef } from "../model/resources.js";
import { fullConfigKey } from "../model/config-keys.js";
import type { AgentConfig } from "../model/agent.js";
import type { SecretRecipe } from "../model/secret-sources.js";
import { type CreatedSecretData, createdSecretData } from "./secret-recipes.js";

/** Who asked for an object: the store, a connection, or the agent itself (token Secret). */
export type OwnerRole = "artifacts-store" | "connection" | "agent";

export interface ObjectMetadata {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Kubernetes manifest, minus Secret data (see `secretData`). */
export interface Manifest {
  apiVersion: "v1" | "external-secrets.io/v1";
  kind: "Secret" | "ConfigMap" | "PersistentVolumeClaim" | "ExternalSecret";
  metadata: ObjectMetadata;
  [field: string]: unknown;
}

export interface PlannedObject {
  /** Stable identity: `<Kind>/<namespace>/<name>`; also the Pulumi resource name stem. */
  id: string;
  manifest: Manifest;
  /** Secrets only: data key → how its (secret) value is made from Pulumi config. */
  secretData?: Record<string, SecretRecipe>;
  /** PVCs only: kept in the cluster when removed from the stack (they hold data). */
  retainOnDelete?: boolean;
}

/** One catalog entry and the objects it asks for. */
export interface EntryPlan {
  name: string;
  entry: ConnectionEntry | ArtifactsStoreEntry;
  /** Shared with validation, which planned the same entry: read-only. */
  objects: readonly PlannedObject[];
}

/** Access modes for a created claim when none are given: runs on many nodes share it. */
export const DEFAULT_ACCESS_MODES = ["ReadWriteMany"];

/** The label set every created object carries. */
export function standardLabels(release: string, role: OwnerRole): Record<string, string> {
  return {
    "app.kubernetes.io/component": role,
    "app.kubernetes.io/instance": release,
    "app.kubernetes.io/managed-by": "pulumi",
    "app.kubernetes.io/part-of": "polyaxon",
  };
}

/** Annotation naming the catalog entry an object belongs to (names may not fit a label). */
export const CONNECTION_ANNOTATION = "polyaxon.com/connection";

/**
 * What planning an agent's objects reads: its namespace and release settings. A validated
 * Catalog has them, and so has a parsed, not yet validated agent: the checks run on the plan.
 */
export interface PlanScope {
  namespace: string;
  agent: Pick<AgentConfig, "release" | "additionalNamespaces" | "agentSecret">;
}

/** Metadata of a created object; `connection` names the catalog entry that asked for it. */
function metadata(catalog: PlanScope, name: string, role: OwnerRole, connection?: string, namespace = catalog.namespace): ObjectMetadata {
  return {
    name,
    namespace,
    labels: standardLabels(catalog.agent.release, role),
    ...(connection === undefined ? {} : { annotations: { [CONNECTION_ANNOTATION]: connection } }),
  };
}

function planned(manifest: Manifest, extra: Omit<PlannedObject, "id" | "manifest"> = {}): PlannedObject {
  const { kind, metadata: m } = manifest;
  return { id: `${kind}/${m.namespace}/${m.name}`, manifest, ...extra };
}

function secretObject(meta: ObjectMetadata, secretData: Record<string, SecretRecipe>): PlannedObject {
  return planned({ apiVersion: "v1", kind: "Secret", metadata: meta, type: "Opaque" }, { secretData });
}

/** The ExternalSecret that makes the operator create and refresh `secret` from a secret manager. */
function externalSecretObject(meta: ObjectMetadata, secret: SecretRef): PlannedObject | undefined {
  const external = secret.external;
  if (!external) return undefined;
  // A list made from a mapping: sorted by key, so that the key order of the stack file
  // never changes the object (nor the render, the diff or a preview).
  const data = Object.keys(external.data)
    .sort()
    .map((secretKey) => {
      const ref = external.data[secretKey]!;
      return { secretKey, remoteRef: typeof ref === "string" ? { key: ref } : ref };
    });
  return planned({
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: meta,
    spec: {
      refreshInterval: external.refreshInterval,
      secretStoreRef: { name: external.store.name, kind: external.store.kind },
      target: { name: secret.name, creationPolicy: "Owner" },
      data,
    },
  });
}

/**
 * Objects one catalog entry asks the stack to create, in a fixed order. Secrets,
 * ExternalSecrets and ConfigMaps exist in every namespace the agent's runs use (its own and
 * `additionalNamespaces`), since pods only see their own namespace's; a PVC serves its own.
 */
export function planEntryObjects(
  catalog: PlanScope,
  entry: ConnectionEntry | ArtifactsStoreEntry,
  role: OwnerRole,
  created: CreatedSecretData | undefined = createdSecretData(entry.secret, entry.kind),
): PlannedObject[] {
  const out: PlannedObject[] = [];
  for (const namespace of [catalog.namespace, ...catalog.agent.additionalNamespaces]) {
    const meta = (name: string) => metadata(catalog, name, role, entry.name, namespace);
    if (entry.secret && created) {
      const data = Object.fromEntries([...created].map(([key, { recipe }]) => [key, recipe]));
      out.push(secretObject(meta(entry.secret.name), data));
    }
    const external = entry.secret && externalSecretObject(meta(entry.secret.name), entry.secret);
    if (external) out.push(external);
    if (entry.configMap?.data) {
      out.push(planned({ apiVersion: "v1", kind: "ConfigMap", metadata: meta(entry.configMap.name), data: { ...entry.configMap.data } }));
    }
  }
  if (entry.kind === "volume_claim" && entry.pvc) {
    const { size, storageClassName, accessModes, volumeMode, volumeName } = entry.pvc;
    const spec: Record<string, unknown> = {
      accessModes: accessModes ?? DEFAULT_ACCESS_MODES,
      resources: { requests: { storage: size } },
    };
    if (storageClassName !== undefined) spec.storageClassName = storageClassName;
    if (volumeName !== undefined) spec.volumeName = volumeName;
    if (volumeMode !== undefined) spec.volumeMode = volumeMode;
    const meta = metadata(catalog, entry.schema.volumeClaim, role, entry.name);
    out.push(planned({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: meta, spec }, { retainOnDelete: true }));
  }
  return out;
}

/**
 * The agent token Secret, when the stack creates it: in the agent's namespace and in each
 * additional one, since runs there read the token from the Secret named by `agentSecret` in
 * their own namespace (the chart copies its own token Secret the same way).
 */
export function planAgentObjects(catalog: PlanScope): PlannedObject[] {
  const agentSecret = catalog.agent.agentSecret;
  if (!agentSecret?.fromConfig) return [];
  const key = fullConfigKey(agentSecret.fromConfig.POLYAXON_AUTH_TOKEN);
  return [catalog.namespace, ...catalog.agent.additionalNamespaces].map((namespace) =>
    secretObject(metadata(catalog, agentSecret.name, "agent", undefined, namespace), { POLYAXON_AUTH_TOKEN: { from: "config", key } }),
  );
}
