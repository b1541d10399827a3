/**
 * The JSON Schema of a stack file (`Pulumi.<stack>.yaml`), generated from the same zod
 * schemas that validate it, for editors (yaml-language-server) and other tools.
 */
import { z } from "zod";
import { CONNECTION_KINDS } from "./kinds.js";
import { CONFIG_NAMESPACE, stackConfig } from "./stack.js";

const DESCRIPTIONS: Record<string, string> = {
  namespace: "Namespace of the agent and of every object the stack creates. Default: polyaxon.",
  artifactsStore: "The artifacts store: one connection of kind host_path, volume_claim, s3, gcs or wasb. Unset: the chart's host_path default.",
  connections: `The catalog of connections, in Polyaxon's own format (all ${CONNECTION_KINDS.length} kinds).`,
  mountConnections: "Names of connections the agent's gateway (streams) pod mounts.",
  agent: "The agent release: name, chart, instance, agentSecret, additionalNamespaces, extra chart values.",
  agents: "Several agents, each with its release, namespace and catalog (instead of the short form's keys).",
  library: "Connections declared once (project-level, in Pulumi.yaml); catalogs take them by name or {use: name, ...overrides}.",
  sharedNamespaces: "Namespaces that several agents may list in additionalNamespaces on purpose.",
};

/** JSON Schema (draft 2020-12) of a stack file holding a Polyaxon catalog. */
export function stackFileJsonSchema(): Record<string, unknown> {
  const config = z.toJSONSchema(stackConfig, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, Record<string, unknown>>;
    $defs?: Record<string, unknown>;
  };
  const properties = Object.fromEntries(
    Object.entries(config.properties).map(([key, schema]) => [
      `${CONFIG_NAMESPACE}:${key}`,
      { ...(DESCRIPTIONS[key] ? { description: DESCRIPTIONS[key] } : {}), ...schema },
    ]),
  );
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://polyaxon-connections.dev/schema/stack.schema.json",
    title: "Pulumi stack file with a Polyaxon connection catalog",
    type: "object",
    properties: {
      config: {
        type: "object",
        description: "Stack config. polyaxon:* keys hold the catalog; other keys (secret values, kubernetes:context, ...) are free.",
        properties,
        additionalProperties: true,
      },
      secretsprovider: { type: "string" },
      encryptedkey: { type: "string" },
      encryptionsalt: { type: "string" },
    },
    ...(config.$defs ? { $defs: config.$defs } : {}),
  };
}
