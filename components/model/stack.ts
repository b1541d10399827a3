/**
 * The stack config (Pulumi config namespace `polyaxon`): one agent's catalog in the short
 * form (`polyaxon:connections`, ...), or several agents (`polyaxon:agents`), drawing on a
 * shared connection library (`polyaxon:library`, usually in Pulumi.yaml).
 */
import { z } from "zod";
import { agentConfig, dnsLabel } from "./agent.js";
import { artifactsStoreEntry, connectionEntry } from "./connection.js";

export { CONFIG_NAMESPACE } from "./config-keys.js";

/** The keys of one agent's catalog, without its release settings. */
export const CATALOG_KEYS = ["namespace", "artifactsStore", "connections", "mountConnections"] as const;

/** The keys of one agent's catalog in the short form, `polyaxon:<key>`. */
export const AGENT_KEYS = [...CATALOG_KEYS, "agent"] as const;

/** Every `polyaxon:*` key that describes catalogs (others hold secret values). */
export const STACK_KEYS = [...AGENT_KEYS, "agents", "library", "sharedNamespaces", "ambientCluster", "catalogFile"] as const;

/** One agent's catalog: what the short form's keys hold. */
export const agentCatalog = z.strictObject({
  namespace: dnsLabel.default("polyaxon").meta({ description: "Namespace of the agent and of every object the stack creates for it." }),
  artifactsStore: artifactsStoreEntry.optional().meta({ description: "The artifacts store; unset → the chart's host_path default, written out explicitly." }),
  connections: z.array(connectionEntry, { error: "must be a list of connection entries" }).default([]).meta({ description: "The catalog, in Polyaxon's own format." }),
  mountConnections: z.array(z.string(), { error: "must be a list of connection names" }).default([]).meta({ description: "Connections the agent's gateway (streams) pod mounts." }),
  agent: agentConfig.prefault({}).meta({ description: "The agent release." }),
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

/** An entry, or a reference to a library entry. */
export const storeOrReference = z.union([artifactsStoreEntry, libraryReference]);
export const connectionOrReference = z.union([connectionEntry, libraryReference]);

/** Catalog keys where library references may stand for entries. */
const withLibraryReferences = {
  artifactsStore: storeOrReference.optional().meta({
    description: "The artifacts store (host_path, volume_claim, s3, gcs or wasb), or a polyaxon:library entry; unset → the chart's host_path default, written out explicitly.",
  }),
  connections: z
    .array(connectionOrReference)
    .optional()
    .meta({ description: "The catalog, in Polyaxon's own format; an item may name a polyaxon:library entry, or {use: name, ...overrides}." }),
};

/** The whole `polyaxon:*` config, for editors (JSON Schema): library references allowed. */
export const stackConfig = z.strictObject({
  ...agentCatalog.shape,
  ...withLibraryReferences,
  agents: z.array(agentItem.extend(withLibraryReferences)).optional().meta({ description: "Several agents (one per namespace or team), instead of the short form's keys." }),
  library: z.array(connectionEntry).optional().meta({ description: "Connections declared once for every stack (put it in Pulumi.yaml); catalogs pick them by name." }),
  sharedNamespaces: z.array(dnsLabel).optional().meta({ description: "Namespaces that several agents may list in additionalNamespaces on purpose." }),
  catalogFile: z.string().optional().meta({
    description:
      "A YAML file (relative to the stack file) holding the catalog keys without their polyaxon: prefix; for catalogs too large for Pulumi config (pulumi up passes all config in one environment variable, capped at 128 KiB).",
  }),
  ambientCluster: z.boolean().optional().meta({
    description: "Use the ambient kubeconfig's current context when the stack sets neither kubernetes:context nor kubernetes:kubeconfig (a local kind or minikube dev stack).",
    default: false,
  }),
});

/** One agent's parsed (defaults applied), not yet cross-checked catalog. */
export type AgentCatalogConfig = z.infer<typeof agentCatalog>;
/** One agent's catalog as users write it (also the type for catalogs declared in code). */
export type AgentCatalogInput = z.input<typeof agentCatalog>;
