/**
 * Extra chart values (`polyaxon:agent.values`) must not fight the catalog or carry the token.
 */
import type { Diagnostic } from "../diagnostics.js";
import { type CheckInput, error } from "./input.js";

/** Keys of the values that the catalog renders, and where to set them instead. */
const OWNED_VALUES: Record<string, string> = {
  artifactsStore: "polyaxon:artifactsStore",
  connections: "polyaxon:connections",
  mountConnections: "polyaxon:mountConnections",
  agentSecret: "polyaxon:agent.agentSecret",
  defaultArtifactsStore: "polyaxon:artifactsStore (the chart says never to change defaultArtifactsStore)",
};
const OWNED_AGENT_VALUES: Record<string, string> = {
  token: "polyaxon:agent.agentSecret (a token in the values is stored in plain text)",
  instance: "polyaxon:agent.instance",
  additionalNamespaces: "polyaxon:agent.additionalNamespaces",
};

export function checkExtraValues(config: CheckInput): Diagnostic[] {
  const values = config.agent.values;
  const out: Diagnostic[] = [];
  const owned = (at: string, use: string) =>
    // The value is never shown: it may be the token.
    error("agent-values", at, "set by the catalog, not by extra values", { fix: `remove it; use ${use}` });
  for (const [key, use] of Object.entries(OWNED_VALUES)) {
    if (key in values) out.push(owned(`polyaxon:agent.values.${key}`, use));
  }
  const agent = values.agent;
  if (agent && typeof agent === "object" && !Array.isArray(agent)) {
    for (const [key, use] of Object.entries(OWNED_AGENT_VALUES)) {
      if (key in agent) out.push(owned(`polyaxon:agent.values.agent.${key}`, use));
    }
  }
  return out;
}
