/**
 * Agent (or CE) Helm values → the `config:` of a stack file. The catalog keys move to
 * `polyaxon:*`, the agent settings we model to `polyaxon:agent`, and every other chart
 * setting to `polyaxon:agent.values`, so nothing is lost. No credential is ever copied into
 * plain config: neither an inline `agent.token` nor anything `validate`'s detector finds.
 */
import { type ConfigPath, DEFAULT_ARTIFACTS_STORE } from "../components/catalog.js";
import { PLATFORM_ONLY_KEYS } from "../components/model/index.js";
import { isMapping } from "../components/catalog.js";
import { findPlainCredentials } from "../components/model/plain-credentials.js";
import { keptUrl } from "../components/validate/plain-credentials.js";
import { configKeyOf, CONFIG_PREFIX } from "../components/model/config-keys.js";

/** A credential `import` found in the values and did not write. */
export interface HeldBackCredential {
  /** Where it was: the chart values (`agent.values`) or a catalog key. */
  in: "values" | "connections" | "artifactsStore";
  /** Path inside that key's value. */
  path: ConfigPath;
  /** What it was ("a password", "a URL with a token"), never the value. */
  what: string;
  /** A URL kept without its credentials; otherwise the value was left out. */
  stripped: boolean;
}

export interface ImportResult {
  /** `polyaxon:*` keys for the stack file's `config:`. */
  config: Record<string, unknown>;
  /** What the user must know: dropped keys, the token, the chart. No secret value appears here. */
  notes: string[];
  /** Credentials found by `validate`'s detector: none is written, each gets its route. */
  heldBack: HeldBackCredential[];
}

/** Remove the value at `path` from `tree` (and the mappings and lists it leaves empty). */
function removeAt(tree: unknown, path: ConfigPath): void {
  const parents: unknown[] = [tree];
  for (const seg of path.slice(0, -1)) parents.push((parents.at(-1) as Record<string | number, unknown>)[seg]);
  for (let i = path.length - 1; i >= 0; i--) {
    const parent = parents[i] as Record<string | number, unknown> | unknown[];
    if (Array.isArray(parent)) parent.splice(path[i] as number, 1);
    else delete parent[path[i]!];
    if (i === 0 || !isEmpty(parent)) break;
  }
}

/**
 * Take every plain credential out of `tree` (in place): a URL loses its userinfo where
 * `stripUrls`, anything else is removed. Our own `secret` references count by shape only.
 */
function holdBack(tree: unknown, where: HeldBackCredential["in"], stripUrls: boolean): HeldBackCredential[] {
  const byName = (path: ConfigPath) => where === "values" || !path.includes("secret");
  const found = findPlainCredentials(tree, { byName }).map((c) => {
    const kept = stripUrls ? keptUrl(c) : undefined;
    return { c, kept };
  });
  // Last first: removing a list item never moves one still to be removed.
  for (const { c, kept } of [...found].reverse()) {
    if (kept === undefined) {
      removeAt(tree, c.path);
      continue;
    }
    const parent = c.path.slice(0, -1).reduce((node, seg) => (node as Record<string | number, unknown>)[seg], tree) as Record<string | number, unknown>;
    parent[c.path.at(-1)!] = kept;
  }
  return found.map(({ c, kept }) => ({ in: where, path: c.path, what: c.what, stripped: kept !== undefined }));
}

const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isMapping(v) && Object.keys(v).length === 0);

export function importValues(values: Record<string, unknown>, stack: string): ImportResult {
  const notes: string[] = [];
  const config: Record<string, unknown> = {};
  const { artifactsStore, connections, mountConnections, namespace, agentSecret, agent, defaultArtifactsStore, ...rest } = values;

  if (typeof namespace === "string") config[configKeyOf("namespace")] = namespace;
  const heldBack: HeldBackCredential[] = [];
  if (!isEmpty(artifactsStore)) {
    const store = structuredClone(artifactsStore);
    heldBack.push(...holdBack(store, "artifactsStore", true));
    config[configKeyOf("artifactsStore")] = store;
  }
  if (!isEmpty(connections)) {
    const entries = structuredClone(connections);
    heldBack.push(...holdBack(entries, "connections", true));
    config[configKeyOf("connections")] = entries;
  }
  if (!isEmpty(mountConnections)) config[configKeyOf("mountConnections")] = mountConnections;
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
          `${CONFIG_PREFIX}agent.agentSecret: {name: polyaxon-agent-token, fromConfig: {POLYAXON_AUTH_TOKEN: agentToken}} and run ` +
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
  heldBack.push(...holdBack(chartValues, "values", false));
  if (Object.keys(chartValues).length > 0) agentConfig.values = chartValues;
  if (Object.keys(agentConfig).length > 0) config[configKeyOf("agent")] = agentConfig;
  return { config, notes, heldBack };
}
