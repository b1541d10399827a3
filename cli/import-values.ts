/**
 * Agent (or CE) Helm values → the `config:` of a stack file. The catalog keys move to
 * `polyaxon:*`, the agent settings we model to `polyaxon:agent`, and every other chart
 * setting to `polyaxon:agent.values`, so nothing is lost. An inline `agent.token` is never
 * copied into plain config.
 */
import { type ConfigPath, DEFAULT_ARTIFACTS_STORE } from "../components/catalog.js";
import { PLATFORM_ONLY_KEYS } from "../components/model/index.js";
import { isMapping } from "../components/catalog.js";


export interface ImportResult {
  /** `polyaxon:*` keys for the stack file's `config:`. */
  config: Record<string, unknown>;
  /** What the user must know: dropped keys, the token, the chart. No secret value appears here. */
  notes: string[];
  /**
   * Chart secrets found in the values, by path inside `polyaxon:agent.values`: never written
   * in clear; the user sets each with `pulumi config set --secret --path`.
   */
  chartSecrets: ConfigPath[];
}

/** Chart values that are secrets (CE chart): by path. */
const CHART_SECRET_PATHS: readonly string[][] = [
  ["user", "password"],
  ["encryptionSecret"],
  ["platformSecret"],
  ["postgresql", "auth", "password"],
  ["postgresql", "auth", "postgresPassword"],
  ["redis", "auth", "password"],
  ["rabbitmq", "auth", "password"],
  ["rabbitmq", "auth", "erlangCookie"],
];

/** Any key that names a password, secret, token or key (`adminPassword`, `apiToken`, `organizationKey`). */
const SECRET_KEY_NAME = /pass(word|wd)?$|secret|token|key$|cookie$/i;

/**
 * Remove every chart secret from `values` (in place) and return their paths: the known CE
 * ones, and any non-empty string under a key whose name says it is a secret.
 */
function extractChartSecrets(values: Record<string, unknown>, at: ConfigPath = []): ConfigPath[] {
  const found: ConfigPath[] = [];
  for (const [key, value] of Object.entries(values)) {
    const path = [...at, key];
    const known = CHART_SECRET_PATHS.some((p) => p.length === path.length && p.every((seg, i) => seg === path[i]));
    if (typeof value === "string" && value !== "" && (known || SECRET_KEY_NAME.test(key))) {
      found.push(path);
      delete values[key];
    } else if (isMapping(value)) {
      found.push(...extractChartSecrets(value, path));
      if (Object.keys(value).length === 0) delete values[key];
    }
  }
  return found;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isMapping(v) && Object.keys(v).length === 0);

export function importValues(values: Record<string, unknown>, stack: string): ImportResult {
  const notes: string[] = [];
  const config: Record<string, unknown> = {};
  const { artifactsStore, connections, mountConnections, namespace, agentSecret, agent, defaultArtifactsStore, ...rest } = values;

  if (typeof namespace === "string") config["polyaxon:namespace"] = namespace;
  if (!isEmpty(artifactsStore)) config["polyaxon:artifactsStore"] = artifactsStore;
  if (!isEmpty(connections)) config["polyaxon:connections"] = connections;
  if (!isEmpty(mountConnections)) config["polyaxon:mountConnections"] = mountConnections;
  if (defaultArtifactsStore !== undefined && JSON.stringify(defaultArtifactsStore) !== JSON.stringify(DEFAULT_ARTIFACTS_STORE)) {
    notes.push("defaultArtifactsStore was not copied: the chart says never to change it; set polyaxon:artifactsStore instead");
  }

  const agentConfig: Record<string, unknown> = {};
  const chartValues: Record<string, unknown> = structuredClone(rest);
  if (isMapping(agent)) {
    const { token, instance, additionalNamespaces, ...agentRest } = agent;
    if (instance !== undefined) agentConfig.instance = instance;
    if (!isEmpty(additionalNamespaces)) agentConfig.additionalNamespaces = additionalNamespaces;
    if (Object.keys(agentRest).length > 0) chartValues.agent = agentRest;
    if (token !== undefined && token !== null && token !== "") {
      notes.push(
        "agent.token was NOT copied: a token in plain config or values is stored in clear. Keep it in a Secret: " +
          `either create one (key POLYAXON_AUTH_TOKEN) and set polyaxon:agent.agentSecret: {name: <secret>}, or set ` +
          `polyaxon:agent.agentSecret: {name: polyaxon-agent-token, fromConfig: {POLYAXON_AUTH_TOKEN: agentToken}} and run ` +
          `\`pulumi config set --secret agentToken <token> --stack ${stack}\``,
      );
    }
  } else if (agent !== undefined) {
    chartValues.agent = agent;
  }
  if (typeof agentSecret === "string" && agentSecret) agentConfig.agentSecret = { name: agentSecret };
  else if (agentSecret !== undefined) chartValues.agentSecret = agentSecret;

  // Keys only the CE platform chart reads: their presence means a `polyaxon` chart values file.
  if (PLATFORM_ONLY_KEYS.some((k) => k in values)) {
    agentConfig.chart = { name: "polyaxon" };
    notes.push("platform (CE) keys found: polyaxon:agent.chart.name is set to polyaxon, the platform chart");
  }
  const chartSecrets = extractChartSecrets(chartValues);
  if (Object.keys(chartValues).length > 0) agentConfig.values = chartValues;
  if (Object.keys(agentConfig).length > 0) config["polyaxon:agent"] = agentConfig;
  return { config, notes, chartSecrets };
}
