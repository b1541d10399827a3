/**
 * The agent chart's `env` trap. Polyaxon reads a connection's `env` as a mapping
 * (`V1Connection.env`), but the chart pastes the store's and each mounted connection's
 * `env` with `toYaml` into the gateway container's `env:` list (`_stores.tpl`,
 * `_connections.tpl`): a mapping becomes unknown fields of the container (the variables
 * never arrive), a list breaks Polyaxon. No form satisfies both, so it is refused where the
 * chart pastes it; a ConfigMap or Secret without mountPath reaches the same container
 * through envFrom, and Polyaxon's runs as well.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import { type CheckInput, error } from "./input.js";

export function checkChartEnv(config: CheckInput): Diagnostic[] {
  const mounted = new Set(config.mountConnections);
  return config.entries
    .filter(({ entry, isStore }) => entry.env !== undefined && Object.keys(entry.env).length > 0 && (isStore || mounted.has(entry.name)))
    .map(({ entry, path, isStore }) =>
      error(
        "chart-env",
        `${path}.env`,
        `the agent chart pastes the ${isStore ? "artifacts store's" : "env of a mounted connection"} env into its gateway container's env list, where Polyaxon's mapping form is no valid entry: the variables would never arrive`,
        {
          fix: `move the variables to a ConfigMap the chart loads with envFrom: configMap: {name: ${entry.name}-env, data: {${Object.keys(entry.env!)
            .slice(0, 2)
            .map((k) => `${k}: ...`)
            .join(", ")}}} (no mountPath), or to the entry's Secret when they are secret`,
        },
      ),
    );
}
