/**
 * Extra chart values (`polyaxon:agent.values`) must not fight the catalog or carry the token.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import { type AgentPaths } from "../load/parsed-agent.js";
import { type CheckInput, error, pathsOf } from "./input.js";
import { configPathText } from "../load/secure-config.js";

/** Keys of the values that the catalog renders, and where to set them instead. */
function ownedValues(p: AgentPaths): Record<string, string> {
  return {
    artifactsStore: p.artifactsStore,
    connections: p.connections,
    mountConnections: p.mountConnections,
    agentSecret: configPathText(p.agent, ["agentSecret"]),
    defaultArtifactsStore: `${p.artifactsStore} (the chart says never to change defaultArtifactsStore)`,
  };
}
function ownedAgentValues(p: AgentPaths): Record<string, string> {
  return {
    token: `${configPathText(p.agent, ["agentSecret"])} (a token in the values is stored in plain text)`,
    instance: configPathText(p.agent, ["instance"]),
    additionalNamespaces: configPathText(p.agent, ["additionalNamespaces"]),
  };
}

export function checkExtraValues(config: CheckInput): Diagnostic[] {
  const paths = pathsOf(config);
  const OWNED_VALUES = ownedValues(paths);
  const OWNED_AGENT_VALUES = ownedAgentValues(paths);
  const values = config.agent.values;
  const out: Diagnostic[] = [];
  const owned = (at: string, use: string) =>
    // The value is never shown: it may be the token.
    error("agent-values", at, "set by the catalog, not by extra values", { fix: `remove it; use ${use}` });
  for (const [key, use] of Object.entries(OWNED_VALUES)) {
    if (key in values) out.push(owned(configPathText(paths.agent, ["values", key]), use));
  }
  const agent = values.agent;
  if (agent && typeof agent === "object" && !Array.isArray(agent)) {
    for (const [key, use] of Object.entries(OWNED_AGENT_VALUES)) {
      if (key in agent) out.push(owned(configPathText(paths.agent, ["values", "agent", key]), use));
    }
  }
  return out;
}
