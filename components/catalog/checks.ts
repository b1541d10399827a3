/**
 * Cross-field rules that a single entry's schema cannot see. Each is a pure function from
 * the parsed stack config to diagnostics, so it can be tested on its messages.
 */
import type { StackConfig } from "../spec/stack.js";
import { STACK_KEYS } from "../spec/stack.js";
import { fullConfigKey, setSecretCommand } from "./config-keys.js";
import type { Diagnostic } from "./diagnostics.js";
import { showValue } from "./diagnostics.js";
import type { ConfigSource } from "./model.js";
import { closest } from "./suggest.js";

const STORE_PATH = "polyaxon:artifactsStore";

/**
 * What the rules check. When some entries do not parse, the others are still checked, so
 * that every problem is reported in one go.
 */
export interface CheckInput extends StackConfig {
  /** Position of each of `connections` in `polyaxon:connections` (default: the same). */
  connectionIndex?: number[];
  /** Names of connections that did not parse: references to them are not reported again. */
  unparsedNames?: string[];
}

/** Store and connections with their config paths. */
function entriesWithPaths(config: CheckInput) {
  const entries = config.connections.map((entry, i) => ({
    entry,
    path: `polyaxon:connections[${config.connectionIndex?.[i] ?? i}]`,
  }));
  return config.artifactsStore ? [{ entry: config.artifactsStore, path: STORE_PATH }, ...entries] : entries;
}

/** Names are unique across the artifacts store and all connections (Polyaxon's AgentConfig rule). */
export function checkUniqueNames(config: CheckInput): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const { entry, path } of entriesWithPaths(config)) {
    const first = seen.get(entry.name);
    if (first) {
      out.push({
        severity: "error",
        path: `${path}.name`,
        message: `the name is already used by ${first}`,
        got: showValue(entry.name),
        fix: "give each connection (and the artifacts store) its own name",
      });
    } else seen.set(entry.name, path);
  }
  return out;
}

/** `mountConnections` names existing, non-alias connections, once each. */
export function checkMountConnections(config: CheckInput): Diagnostic[] {
  const byName = new Map(config.connections.map((c) => [c.name, c]));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  config.mountConnections.forEach((name, i) => {
    const path = `polyaxon:mountConnections[${i}]`;
    const entry = byName.get(name);
    if (seen.has(name)) {
      out.push({ severity: "error", path, message: "listed twice", got: showValue(name), fix: "list it once" });
    } else if (config.artifactsStore?.name === name) {
      out.push({
        severity: "error",
        path,
        message: "the artifacts store is always mounted; the chart ignores it here",
        got: showValue(name),
        fix: "remove it from mountConnections",
      });
    } else if (!entry && config.unparsedNames?.includes(name)) {
      // Its entry has errors of its own, reported already.
    } else if (!entry) {
      const near = closest(name, [...byName.keys()]);
      out.push({
        severity: "error",
        path,
        message: "no connection has this name (the chart would skip it silently)",
        got: showValue(name),
        fix: near ? `did you mean ${near}?` : "name a connection declared in polyaxon:connections",
      });
    } else if (entry.isAlias) {
      out.push({
        severity: "error",
        path,
        message: "the connection is an alias (isAlias: true), which the chart never mounts",
        got: showValue(name),
        fix: "mount the connection it aliases instead",
      });
    }
    seen.add(name);
  });
  return out;
}

/** A Secret/ConfigMap/PVC the stack creates, with the config path that asks for it. */
interface Provisioned {
  kind: "Secret" | "ConfigMap" | "PersistentVolumeClaim";
  name: string;
  path: string;
}

function provisionedObjects(config: CheckInput): Provisioned[] {
  const out: Provisioned[] = [];
  for (const { entry, path } of entriesWithPaths(config)) {
    if (entry.secret?.fromConfig) out.push({ kind: "Secret", name: entry.secret.name, path: `${path}.secret` });
    if (entry.configMap?.data) out.push({ kind: "ConfigMap", name: entry.configMap.name, path: `${path}.configMap` });
    if (entry.kind === "volume_claim" && entry.pvc) {
      out.push({ kind: "PersistentVolumeClaim", name: entry.schema.volumeClaim, path: `${path}.pvc` });
    }
  }
  const agentSecret = config.agent.agentSecret;
  if (agentSecret?.fromConfig) out.push({ kind: "Secret", name: agentSecret.name, path: "polyaxon:agent.agentSecret" });
  return out;
}

/** Each created object is declared once: two declarations would fight over one object. */
export function checkProvisionedOnce(config: CheckInput): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const p of provisionedObjects(config)) {
    const id = `${p.kind}/${p.name}`;
    const first = seen.get(id);
    if (first) {
      out.push({
        severity: "error",
        path: p.path,
        message: `${p.kind} ${p.name} is already created by ${first}`,
        fix: "declare its contents in one place and reference it by name elsewhere (drop fromConfig/data/pvc here)",
      });
    } else seen.set(id, p.path);
  }
  return out;
}

/** `items` of a created Secret/ConfigMap must be keys it has. */
export function checkItemsExist(config: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { entry, path } of entriesWithPaths(config)) {
    const resources = [
      ["secret", entry.secret, entry.secret?.fromConfig] as const,
      ["configMap", entry.configMap, entry.configMap?.data] as const,
    ];
    for (const [field, ref, data] of resources) {
      if (!ref?.items || !data) continue;
      ref.items.forEach((item, i) => {
        if (!(item in data)) {
          out.push({
            severity: "error",
            path: `${path}.${field}.items[${i}]`,
            message: `the ${field} the stack creates has no key with this name`,
            got: showValue(item),
            fix: `add ${item} to ${field}.${field === "secret" ? "fromConfig" : "data"} or remove it from items`,
          });
        }
      });
    }
  }
  return out;
}

/** Every secret config key referenced exists, and is stored encrypted. */
export function checkSecretConfigKeys(config: CheckInput, source: ConfigSource): Diagnostic[] {
  const present = new Set(source.keys());
  const refs: { path: string; key: string }[] = [];
  for (const { entry, path } of entriesWithPaths(config)) {
    for (const [dataKey, key] of Object.entries(entry.secret?.fromConfig ?? {})) {
      refs.push({ path: `${path}.secret.fromConfig.${dataKey}`, key });
    }
  }
  const token = config.agent.agentSecret?.fromConfig?.POLYAXON_AUTH_TOKEN;
  if (token) refs.push({ path: "polyaxon:agent.agentSecret.fromConfig.POLYAXON_AUTH_TOKEN", key: token });
  const out: Diagnostic[] = [];
  for (const { path, key } of refs) {
    const full = fullConfigKey(key);
    if (!present.has(full)) {
      out.push({
        severity: "error",
        path,
        message: `config key ${full} is not set`,
        got: showValue(key),
        fix: `run \`${setSecretCommand(full)}\` for this stack`,
      });
    } else if (source.isSecure(full) === false) {
      out.push({
        severity: "error",
        path,
        message: `config key ${full} is stored in plain text`,
        fix: `store it encrypted: \`${setSecretCommand(full)}\` (and rotate the value: it was committed in clear)`,
      });
    }
  }
  return out;
}

/** Keys of `agent.values` that we own: setting them there would fight the catalog. */
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

/** Extra chart values must not set what the catalog renders, nor carry the agent token. */
export function checkExtraValues(config: CheckInput): Diagnostic[] {
  const values = config.agent.values;
  const out: Diagnostic[] = [];
  for (const [key, use] of Object.entries(OWNED_VALUES)) {
    if (key in values) {
      out.push({ severity: "error", path: `polyaxon:agent.values.${key}`, message: "set by the catalog", fix: `use ${use}` });
    }
  }
  const agent = values.agent;
  if (agent && typeof agent === "object" && !Array.isArray(agent)) {
    for (const [key, use] of Object.entries(OWNED_AGENT_VALUES)) {
      if (key in agent) {
        out.push({ severity: "error", path: `polyaxon:agent.values.agent.${key}`, message: "set by the catalog", fix: `use ${use}` });
      }
    }
  }
  return out;
}

/** `polyaxon:*` keys that are neither catalog keys nor referenced secrets: likely typos. */
export function checkUnusedKeys(config: CheckInput, source: ConfigSource): Diagnostic[] {
  const referenced = new Set<string>();
  for (const { entry } of entriesWithPaths(config)) {
    for (const key of Object.values(entry.secret?.fromConfig ?? {})) referenced.add(fullConfigKey(key));
  }
  const token = config.agent.agentSecret?.fromConfig?.POLYAXON_AUTH_TOKEN;
  if (token) referenced.add(fullConfigKey(token));
  const out: Diagnostic[] = [];
  for (const full of source.keys()) {
    if (!full.startsWith("polyaxon:") || referenced.has(full)) continue;
    const key = full.slice("polyaxon:".length);
    if ((STACK_KEYS as readonly string[]).includes(key)) continue;
    const near = closest(key, STACK_KEYS);
    out.push({
      severity: "warning",
      path: full,
      message: "config key is not used by the catalog",
      fix: near ? `did you mean polyaxon:${near}?` : "remove it, or reference it from a secret.fromConfig",
    });
  }
  return out;
}

/** Every cross-field rule, in a fixed order. */
export function crossChecks(config: CheckInput, source: ConfigSource): Diagnostic[] {
  return [
    ...checkUniqueNames(config),
    ...checkMountConnections(config),
    ...checkProvisionedOnce(config),
    ...checkItemsExist(config),
    ...checkSecretConfigKeys(config, source),
    ...checkExtraValues(config),
    ...checkUnusedKeys(config, source),
  ];
}
