/**
 * Where secret config may sit. Only the extra chart values (`agent.values`) may hold
 * secret config: the program passes them to the chart as Pulumi secrets, and the chart
 * keeps its own secrets (database, broker passwords) in Secrets. Everywhere else a secret
 * would end up in clear: the chart writes every catalog entry as JSON into its ConfigMap
 * `<release>-polyaxon-agent-config`, ConfigMap data and annotations are stored in clear,
 * and names become object names.
 */
import { STACK_KEYS } from "../model/stack.js";
import type { Diagnostic } from "../model/diagnostics.js";
import { type ConfigSource, keyPathOf } from "../load/catalog.js";
import { type ConfigPath, configPathText } from "../load/secure-config.js";
import { error } from "./input.js";

/** `polyaxon:agent.values…`, `polyaxon:agents[i].values…`, or a whole agent key whose secret paths are unknown. */
export function isChartValuesPath(key: string, path: ConfigPath): boolean {
  if (key === "agent") return path.length === 0 || path[0] === "values";
  if (key === "agents") return path.length === 0 || (typeof path[0] === "number" && (path.length === 1 || path[1] === "values"));
  return false;
}

const ENTRY_KEYS = ["connections", "artifactsStore", "library"];

/** Why a secret at `path` (starting with the config key) would be stored in clear. */
export function whereInClear(path: ConfigPath): string {
  if (path.includes("configMap") && path.includes("data")) return "ConfigMap data are stored in clear";
  if (path.includes("annotations")) return "annotations are stored in clear and shown by kubectl describe";
  if (isInEntry(path)) return "the chart writes every catalog entry, in clear, into its ConfigMap <release>-polyaxon-agent-config";
  return "names and release settings are written into the values and objects in clear";
}

const isInEntry = (path: ConfigPath) => path.some((seg) => ENTRY_KEYS.includes(String(seg)));

/** Every secret config value outside the chart values is an error; the paths say where. */
export function checkSecretPlacement(source: ConfigSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of STACK_KEYS) {
    for (const path of source.securePaths?.(key) ?? []) {
      if (isChartValuesPath(key, path)) continue;
      const full: ConfigPath = [key, ...path];
      out.push(
        error("secret-in-clear", configPathText(keyPathOf(source, key), path), `holds a secret config value, but ${whereInClear(full)}`, {
          fix: isInEntry(full)
            ? "keep the value in the entry's Secret: secret.fromConfig: {<SECRET_KEY>: <config key>} with `pulumi config set --secret <config key> <value>`, and set this field in plain text"
            : "set this field in plain text; secret values belong in Secrets (secret.fromConfig) or in agent.values",
        }),
      );
    }
  }
  return out;
}

/** Whether the chart values of agent `index` (undefined: the short form) hold secret config. */
export function valuesHoldSecrets(source: ConfigSource, index?: number): boolean {
  if (index === undefined) return (source.securePaths?.("agent") ?? []).length > 0;
  return (source.securePaths?.("agents") ?? []).some((p) => p.length === 0 || p[0] === index);
}
