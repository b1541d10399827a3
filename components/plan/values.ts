/**
 * Catalog → the agent chart's Helm values. Pure and deterministic: provisioning keys are
 * stripped, so the entries come out exactly as Polyaxon and the chart read them.
 */
import type { ArtifactsStoreEntry, ConnectionEntry } from "../model/connection.js";
import type { Catalog } from "../load/catalog.js";
import { SECRET_SOURCE_KEYS } from "../model/secret-sources.js";
import { toYaml } from "../load/yaml.js";
import { isMapping } from "../model/mapping.js";

/** A connection entry as written into the values: Polyaxon's keys only. */
export type PolyaxonEntry = Record<string, unknown>;

/** Drop our provisioning extensions (secret sources, configMap.data, pvc). */
export function toPolyaxonEntry(entry: ConnectionEntry | ArtifactsStoreEntry): PolyaxonEntry {
  const { secret, configMap, ...rest } = entry;
  const out: PolyaxonEntry = { ...rest };
  delete out.pvc;
  if (secret) {
    const ref: Record<string, unknown> = { ...secret };
    for (const key of SECRET_SOURCE_KEYS) delete ref[key];
    out.secret = ref;
  }
  if (configMap) {
    const { data: _created, ...ref } = configMap;
    out.configMap = ref;
  }
  return out;
}

/** The agent chart's values for this catalog: extra chart values, then ours on top. */
export function renderValues(catalog: Catalog): Record<string, unknown> {
  const { agent } = catalog;
  const values: Record<string, unknown> = structuredClone(agent.values);
  const agentBlock: Record<string, unknown> = isMapping(values.agent) ? values.agent : {};
  if (agent.instance !== undefined) agentBlock.instance = agent.instance;
  if (agent.additionalNamespaces.length > 0) agentBlock.additionalNamespaces = agent.additionalNamespaces;
  if (Object.keys(agentBlock).length > 0) values.agent = agentBlock;
  if (agent.agentSecret) values.agentSecret = agent.agentSecret.name;
  values.artifactsStore = toPolyaxonEntry(catalog.artifactsStore);
  values.connections = catalog.connections.map(toPolyaxonEntry);
  values.mountConnections = catalog.mountConnections;
  return values;
}

/** The values file, byte for byte. */
export function renderValuesYaml(catalog: Catalog): string {
  return toYaml(renderValues(catalog));
}
