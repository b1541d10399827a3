/**
 * The stack config (Pulumi config namespace `polyaxon`): one agent's catalog in the short
 * form (`polyaxon:connections`, ...), or several agents (`polyaxon:agents`), drawing on a
 * shared connection library (`polyaxon:library`, usually in Pulumi.yaml).
 */
import { z } from "zod";
import { agentConfig, dnsLabel } from "./agent.js";
import { artifactsStoreEntry, connectionEntry } from "./connection.js";

export { CONFIG_NAMESPACE } from "./config-keys.js";

/** The keys of one agent's catalog in the short form, `polyaxon:<key>`. */
export const AGENT_KEYS = ["namespace", "artifactsStore", "connections", "mountConnections", "agent"] as const;

/** Every `polyaxon:*` key that describes catalogs (others hold secret values). */
export const STACK_KEYS = [...AGENT_KEYS, "agents", "library", "sharedNamespaces", "ambientCluster"] as const;

/** One agent's catalog: what the short form's keys hold. */
export const agentCatalog = z.strictObject({
  /** Namespace of the agent and of every object the stack creates for it. @default polyaxon */
  namespace: dnsLabel.default("polyaxon"),
  /** The artifacts store; unset → the chart's host_path default, written out explicitly. */
  artifactsStore: artifactsStoreEntry.optional(),
  /** The catalog, in Polyaxon's own format. @default [] */
  connections: z.array(connectionEntry, { error: "must be a list of connection entries" }).default([]),
  /** Connections the agent's gateway (streams) pod mounts. @default [] */
  mountConnections: z.array(z.string(), { error: "must be a list of connection names" }).default([]),
  /** The agent release. */
  agent: agentConfig.prefault({}),
});

/** An item of `polyaxon:agents`: a catalog with its release settings inline (`release` required). */
export const agentItem = z.strictObject({
  ...agentCatalog.omit({ agent: true }).shape,
  ...agentConfig.shape,
  release: agentConfig.shape.release.unwrap(),
});

/** Where a catalog entry may name a library entry: `name`, or `{use: name, ...overrides}`. */
export const libraryReference = z.union([
  z.string().min(1),
  z.looseObject({ use: z.string().min(1).describe("Name of the polyaxon:library entry; the other keys override its fields") }),
]);

/** Catalog keys where library references may stand for entries. */
const withLibraryReferences = {
  artifactsStore: z.union([artifactsStoreEntry, libraryReference]).optional(),
  connections: z.array(z.union([connectionEntry, libraryReference])).optional(),
};

/** The whole `polyaxon:*` config, for editors (JSON Schema): library references allowed. */
export const stackConfig = z.strictObject({
  ...agentCatalog.shape,
  ...withLibraryReferences,
  /** Several agents (one per namespace or team), instead of the short form's keys. */
  agents: z.array(agentItem.extend(withLibraryReferences)).optional(),
  /** Connections declared once for every stack (put it in Pulumi.yaml); catalogs pick them by name. */
  library: z.array(connectionEntry).optional(),
  /** Namespaces that several agents may list in additionalNamespaces on purpose. */
  sharedNamespaces: z.array(dnsLabel).optional(),
  /**
   * Use the ambient kubeconfig's current context when the stack sets neither
   * kubernetes:context nor kubernetes:kubeconfig (a local kind or minikube dev stack).
   * @default false
   */
  ambientCluster: z.boolean().optional(),
});

/** One agent's parsed (defaults applied), not yet cross-checked catalog. */
export type AgentCatalogConfig = z.infer<typeof agentCatalog>;
/** One agent's catalog as users write it (also the type for catalogs declared in code). */
export type AgentCatalogInput = z.input<typeof agentCatalog>;
