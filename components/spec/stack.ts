/**
 * The stack config (Pulumi config namespace `polyaxon`): one agent's catalog.
 */
import { z } from "zod";
import { agentConfig, dnsLabel } from "./agent.js";
import { artifactsStoreEntry, connectionEntry } from "./connection.js";

/** Pulumi config namespace of every key we read. */
export const CONFIG_NAMESPACE = "polyaxon";

/** The keys of `polyaxon:*` that describe the catalog (others hold secret values). */
export const STACK_KEYS = ["namespace", "artifactsStore", "connections", "mountConnections", "agent"] as const;

export const stackConfig = z.strictObject({
  /** Namespace of the agent and of every object the stack creates. @default polyaxon */
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

/** A parsed (defaults applied), not yet cross-checked stack config. */
export type StackConfig = z.infer<typeof stackConfig>;
/** The stack config as users write it (also the type for catalogs declared in code). */
export type StackConfigInput = z.input<typeof stackConfig>;
