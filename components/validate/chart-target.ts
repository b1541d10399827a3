/**
 * Settings that fit only one of the two official charts: the agent chart
 * (`polyaxon/agent`), or the CE platform chart (`polyaxon/polyaxon`, selected by
 * `agent.chart.name: polyaxon`), which runs its own agent next to the platform.
 */
import { chartTarget, PLATFORM_ONLY_KEYS } from "../model/agent.js";
import type { Diagnostic } from "../model/diagnostics.js";

import { type CheckInput, error, pathsOf, warning } from "./input.js";
import { configPathText } from "../load/secure-config.js";

export function checkChartTarget(config: CheckInput): Diagnostic[] {
  const at = pathsOf(config).agent;
  const { agent } = config;
  if (chartTarget(agent.chart) === "platform") {
    // The platform's own agent talks to the platform's API in the same release: no token.
    return agent.agentSecret
      ? [
          error("chart-target", configPathText(at, ["agentSecret"]), "the CE platform chart runs its own agent, which needs no agent token", {
            fix: "remove agentSecret (a token belongs to an agent chart that connects to a Polyaxon platform), or target the agent chart",
          }),
        ]
      : [];
  }
  return PLATFORM_ONLY_KEYS.filter((key) => key in agent.values).map((key) =>
    warning("chart-target", configPathText(at, ["values", key]), "only the CE platform chart reads this; the agent chart ignores it and Polyaxon's deploy check rejects it", {
      fix: `remove it, or target the platform chart with ${configPathText(at, ["chart"])}: {name: polyaxon}`,
    }),
  );
}
