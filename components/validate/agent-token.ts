/**
 * The agent token in additional namespaces: runs there read it from the Secret named by
 * `agentSecret` in their own namespace. A token Secret the stack creates is created in each
 * of them; one it only references must exist in each of them.
 */
import type { Diagnostic } from "../model/diagnostics.js";

import { type CheckInput, pathsOf, warning } from "./input.js";
import { configPathText } from "../load/secure-config.js";

export function checkAgentTokenNamespaces(config: CheckInput): Diagnostic[] {
  const { agentSecret, additionalNamespaces } = config.agent;
  if (!agentSecret || agentSecret.fromConfig || additionalNamespaces.length === 0) return [];
  return [
    warning(
      "agent-token-namespaces",
      configPathText(pathsOf(config).agent, ["agentSecret"]),
      `runs in ${additionalNamespaces.join(", ")} read the agent token from a Secret ${agentSecret.name} in their own namespace, which the stack does not create`,
      {
        fix: `make sure Secret ${agentSecret.name} (key POLYAXON_AUTH_TOKEN) exists in ${additionalNamespaces.join(" and ")}, or let the stack create it everywhere with agentSecret.fromConfig: {POLYAXON_AUTH_TOKEN: <config key>}`,
      },
    ),
  ];
}
