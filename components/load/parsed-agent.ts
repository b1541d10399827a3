/**
 * One agent's parsed config, as the loader hands it to planning and validation: defaults
 * applied, each part that parsed, and where in the stack config each part lives.
 */
import { AGENT_KEYS, type AgentCatalogConfig } from "../model/stack.js";
import { configKeyOf, CONFIG_PREFIX } from "../model/config-keys.js";

/** Config paths of one agent's keys: `polyaxon:connections` (short form) or `polyaxon:agents[1].connections`. */
export interface AgentPaths {
  namespace: string;
  artifactsStore: string;
  connections: string;
  mountConnections: string;
  /** Where the release settings live: `polyaxon:agent`, or the `polyaxon:agents[i]` item itself. */
  agent: string;
}

/** The short form: one agent, its keys named by `keyPath` (`polyaxon:<key>` in a stack file). */
export function shortFormPaths(keyPath: (key: string) => string = configKeyOf): AgentPaths {
  return Object.fromEntries(AGENT_KEYS.map((key) => [key, keyPath(key)])) as Record<(typeof AGENT_KEYS)[number], string>;
}

/** The short form of a stack file: `polyaxon:<key>`. */
export const SHORT_FORM_PATHS: AgentPaths = shortFormPaths();

/** Item `i` of `polyaxon:agents`. */
export function agentItemPaths(i: number): AgentPaths {
  const root = `${CONFIG_PREFIX}agents[${i}]`;
  return {
    namespace: `${root}.namespace`,
    artifactsStore: `${root}.artifactsStore`,
    connections: `${root}.connections`,
    mountConnections: `${root}.mountConnections`,
    agent: root,
  };
}

/**
 * The parsed config. When some entries do not parse, the others are still checked, so that
 * every problem is reported in one go.
 */
export interface ParsedAgent extends AgentCatalogConfig {
  /** Config paths of this agent's keys (default: the short form). */
  paths?: AgentPaths;
  /** Position of each of `connections` in `polyaxon:connections` (default: the same). */
  connectionIndex?: number[];
  /** Names of connections that did not parse: references to them are not reported again. */
  unparsedNames?: string[];
  /** The store was given but did not parse (so it is not "absent"). */
  storeUnparsed?: boolean;
  /** Entries that did not parse, as written, with their paths: name rules still run on them. */
  unparsedEntries?: { raw: unknown; path: string }[];
}

/** The config paths of `agent`. */
export const pathsOf = (agent: ParsedAgent): AgentPaths => agent.paths ?? SHORT_FORM_PATHS;
