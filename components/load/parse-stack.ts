/**
 * Stack config → parsed agents: each key and each connection parsed on its own, defaults
 * applied, library references resolved, every parse problem collected. Validation
 * (validate/load-stack.ts) then checks the parsed agents and their plan.
 */
import type { z } from "zod";
import { agentConfig } from "../model/agent.js";
import { type ConnectionEntry, connectionEntry, kindlessConnection } from "../model/connection.js";
import { CONNECTION_KINDS } from "../model/kinds.js";
import { AGENT_KEYS, agentCatalog, agentItem, STACK_KEYS, stackConfig } from "../model/stack.js";
import type { Diagnostic } from "../model/diagnostics.js";
import { joinPath, showValue } from "../model/diagnostics.js";
import { isMapping } from "../model/mapping.js";
import { unknownKeyFix } from "../model/suggest.js";
import { type ConfigSource, keyPathOf } from "./catalog.js";
import { type Library, parseLibrary, resolveEntry } from "./library.js";
import { type AgentPaths, agentItemPaths, type ParsedAgent, shortFormPaths } from "./parsed-agent.js";
import { diagnosticsFromZod } from "./zod-issues.js";
import { configKeyOf } from "../model/config-keys.js";
import { configPathText } from "./secure-config.js";

/** The raw `polyaxon:*` catalog keys of a config source, as one object. */
export function rawStackConfig(source: ConfigSource): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const key of STACK_KEYS) {
    const value = source.value(key);
    if (value !== undefined) raw[key] = value;
  }
  return raw;
}

/** Parse one value; on failure, diagnostics at `root`. */
export function parseAt<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: z.ZodError } },
  value: unknown,
  root: string,
  diagnostics: Diagnostic[],
): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  diagnostics.push(...diagnosticsFromZod(r.error, root, value));
  return undefined;
}

/** Whether a raw entry names one of Polyaxon's kinds (else zod reports only the kind). */
const hasKnownKind = (raw: unknown) => (CONNECTION_KINDS as readonly unknown[]).includes((raw as { kind?: unknown } | null)?.kind);

/** One agent's raw catalog, whichever form it came in. */
interface RawAgent {
  namespace?: unknown;
  artifactsStore?: unknown;
  connections?: unknown;
  mountConnections?: unknown;
  agent?: unknown;
}

/**
 * Parse each key, and each connection on its own, so that one bad entry does not hide the
 * others' problems nor the cross-field ones among the entries that did parse.
 */
function parseAgent(raw: RawAgent, paths: AgentPaths, library: Library, diagnostics: Diagnostic[]): ParsedAgent {
  const shape = agentCatalog.shape;
  const namespace = parseAt(shape.namespace, raw.namespace, paths.namespace, diagnostics);
  const storeRaw = raw.artifactsStore === undefined ? undefined : resolveEntry(raw.artifactsStore, library, paths.artifactsStore, diagnostics);
  const artifactsStore = storeRaw === undefined ? undefined : parseAt(shape.artifactsStore, storeRaw, paths.artifactsStore, diagnostics);
  const unparsedEntries: { raw: unknown; path: string }[] = [];
  if (storeRaw !== undefined && !artifactsStore) unparsedEntries.push({ raw: storeRaw, path: paths.artifactsStore });
  const mountConnections = parseAt(shape.mountConnections, raw.mountConnections, paths.mountConnections, diagnostics);
  const agent = parseAt(shape.agent, raw.agent, paths.agent, diagnostics);
  const connections: ConnectionEntry[] = [];
  const connectionIndex: number[] = [];
  const unparsedNames: string[] = [];
  if (Array.isArray(raw.connections)) {
    raw.connections.forEach((value, i) => {
      const path = `${paths.connections}[${i}]`;
      const resolved = resolveEntry(value, library, path, diagnostics);
      const entry = resolved === undefined ? undefined : parseAt(connectionEntry, resolved, path, diagnostics);
      if (resolved !== undefined && !entry && !hasKnownKind(resolved)) parseAt(kindlessConnection, resolved, path, diagnostics);
      if (entry) {
        connections.push(entry);
        connectionIndex.push(i);
      } else {
        unparsedEntries.push({ raw: resolved, path });
        const name = typeof value === "string" ? value : (resolved as { name?: unknown } | undefined)?.name;
        if (typeof name === "string") unparsedNames.push(name);
      }
    });
  } else {
    parseAt(shape.connections, raw.connections, paths.connections, diagnostics);
  }
  // Cross-checks still run on what parsed; a part that did not parse counts as its default.
  return {
    namespace: namespace ?? "polyaxon",
    ...(artifactsStore ? { artifactsStore } : {}),
    connections,
    mountConnections: mountConnections ?? [],
    agent: agent ?? agentConfig.parse({}),
    paths,
    connectionIndex,
    unparsedNames,
    storeUnparsed: raw.artifactsStore !== undefined && !artifactsStore,
    unparsedEntries,
  };
}

/** The agents of the stack as raw catalogs with their config paths: `polyaxon:agents`, or the short form. */
function rawAgents(raw: Record<string, unknown>, source: ConfigSource, diagnostics: Diagnostic[]): { raw: RawAgent; paths: AgentPaths; index?: number }[] {
  if (raw.agents === undefined) {
    return [{ raw: Object.fromEntries(AGENT_KEYS.map((k) => [k, raw[k]])), paths: shortFormPaths((key) => keyPathOf(source, key)) }];
  }
  const mixed = AGENT_KEYS.filter((k) => raw[k] !== undefined);
  for (const key of mixed) {
    diagnostics.push({
      severity: "error",
      rule: "agents-form",
      path: configKeyOf(key),
      message: "the short form cannot be mixed with polyaxon:agents",
      fix: `move it into an item of polyaxon:agents (as ${key === "agent" ? "that item's release settings" : key})`,
    });
  }
  if (!Array.isArray(raw.agents) || raw.agents.length === 0) {
    diagnostics.push({
      severity: "error",
      rule: "type",
      path: configKeyOf("agents"),
      message: "invalid value",
      got: showValue(raw.agents),
      fix: "it must be a non-empty list of agents: [{release, namespace, connections, ...}]",
    });
    return [];
  }
  const settingKeys = Object.keys(agentConfig.shape);
  const allowed = new Set(Object.keys(agentItem.shape));
  return raw.agents.flatMap((item, i) => {
    const paths = agentItemPaths(i);
    if (!isMapping(item)) {
      diagnostics.push({
        severity: "error",
        rule: "type",
        path: paths.agent,
        message: "invalid value",
        got: showValue(item),
        fix: "it must be a mapping {release, namespace, connections, ...}",
      });
      return [];
    }
    for (const key of Object.keys(item).filter((k) => !allowed.has(k))) {
      diagnostics.push({ severity: "error", rule: "unknown-key", path: joinPath(paths.agent, [key]), message: `unknown key \`${key}\``, fix: unknownKeyFix(key, []) });
    }
    if (typeof item.release !== "string") {
      diagnostics.push({
        severity: "error",
        rule: "required",
        path: configPathText(paths.agent, ["release"]),
        message: "is required",
        fix: "name each agent's Helm release; it also names its values file",
      });
    }
    const settings = Object.fromEntries(settingKeys.filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
    const { namespace, artifactsStore, connections, mountConnections } = item;
    return [{ raw: { namespace, artifactsStore, connections, mountConnections, agent: settings }, paths, index: i }];
  });
}

/** A stack's config, parsed: every agent, the shared settings, every parse problem. */
export interface ParsedStack {
  agents: { agent: ParsedAgent; index?: number; diagnostics: Diagnostic[] }[];
  sharedNamespaces: string[];
  /** Problems outside any one agent (library, shared keys, the agents list). */
  diagnostics: Diagnostic[];
}

/** Parse every agent of a stack. Never throws on bad input. */
export function parseStack(source: ConfigSource): ParsedStack {
  const raw = rawStackConfig(source);
  const diagnostics: Diagnostic[] = [];
  parseAt(stackConfig.shape.ambientCluster, raw.ambientCluster, configKeyOf("ambientCluster"), diagnostics);
  const library = parseLibrary(raw.library, diagnostics);
  const sharedNamespaces = parseAt(stackConfig.shape.sharedNamespaces, raw.sharedNamespaces, configKeyOf("sharedNamespaces"), diagnostics) ?? [];
  const agents = rawAgents(raw, source, diagnostics).map(({ raw: agentRaw, paths, index }) => {
    const own: Diagnostic[] = [];
    const agent = parseAgent(agentRaw, paths, library, own);
    return { agent, index, diagnostics: own };
  });
  return { agents, sharedNamespaces, diagnostics };
}

/** An in-memory config source, for catalogs declared in code and for tests. */
export function configSourceFrom(catalog: Record<string, unknown>, secretKeys: readonly string[] = []): ConfigSource {
  const secrets = new Set(secretKeys);
  const keys = [...Object.keys(catalog).map((k) => configKeyOf(k)), ...secretKeys];
  return {
    value: (key) => catalog[key],
    keys: () => keys,
    isSecure: (key) => (secrets.has(key) ? true : undefined),
  };
}
