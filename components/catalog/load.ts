/**
 * Config → validated Catalog. The only way to obtain a Catalog, so every consumer
 * (components, program, CLI) works from input that passed every error check.
 */
import type { z } from "zod";
import { agentConfig } from "../spec/agent.js";
import { type ConnectionEntry, connectionEntry } from "../spec/connection.js";
import { CONFIG_NAMESPACE, STACK_KEYS, stackConfig } from "../spec/stack.js";
import { type CheckInput, crossChecks } from "./checks/index.js";
import type { Diagnostic } from "./diagnostics.js";
import { errorsOf, warningsOf } from "./diagnostics.js";
import { type Catalog, type ConfigSource, DEFAULT_ARTIFACTS_STORE } from "./model.js";
import { diagnosticsFromZod } from "./zod-issues.js";

export interface LoadResult {
  /** Present only when there are no errors. */
  catalog?: Catalog;
  /** Every error and warning found, all at once. */
  diagnostics: Diagnostic[];
}

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
function parseAt<T>(
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

/**
 * Parse each key, and each connection on its own, so that one bad entry does not hide the
 * others' problems nor the cross-field ones among the entries that did parse.
 */
function parseStack(raw: Record<string, unknown>, diagnostics: Diagnostic[]): CheckInput {
  const shape = stackConfig.shape;
  const root = (key: string) => `${CONFIG_NAMESPACE}:${key}`;
  const namespace = parseAt(shape.namespace, raw.namespace, root("namespace"), diagnostics);
  const artifactsStore = parseAt(shape.artifactsStore, raw.artifactsStore, root("artifactsStore"), diagnostics);
  const mountConnections = parseAt(shape.mountConnections, raw.mountConnections, root("mountConnections"), diagnostics);
  const agent = parseAt(shape.agent, raw.agent, root("agent"), diagnostics);
  const connections: ConnectionEntry[] = [];
  const connectionIndex: number[] = [];
  const unparsedNames: string[] = [];
  if (Array.isArray(raw.connections)) {
    raw.connections.forEach((value, i) => {
      const entry = parseAt(connectionEntry, value, `${root("connections")}[${i}]`, diagnostics);
      if (entry) {
        connections.push(entry);
        connectionIndex.push(i);
      } else {
        const name = (value as { name?: unknown } | null)?.name;
        if (typeof name === "string") unparsedNames.push(name);
      }
    });
  } else {
    parseAt(shape.connections, raw.connections, root("connections"), diagnostics);
  }
  // Cross-checks still run on what parsed; a part that did not parse counts as its default.
  return {
    namespace: namespace ?? "polyaxon",
    ...(artifactsStore ? { artifactsStore } : {}),
    connections,
    mountConnections: mountConnections ?? [],
    agent: agent ?? agentConfig.parse({}),
    connectionIndex,
    unparsedNames,
    storeUnparsed: raw.artifactsStore !== undefined && !artifactsStore,
  };
}

/** Parse, default, and cross-check a stack's catalog. Never throws on bad input. */
export function loadCatalog(source: ConfigSource): LoadResult {
  const raw = rawStackConfig(source);
  const diagnostics: Diagnostic[] = [];
  const config = parseStack(raw, diagnostics);
  diagnostics.push(...crossChecks(config, source));
  // Every parse failure is an error diagnostic: no error means `config` is complete.
  if (errorsOf(diagnostics).length > 0) return { diagnostics };
  const catalog: Catalog = {
    namespace: config.namespace,
    artifactsStore: config.artifactsStore ?? DEFAULT_ARTIFACTS_STORE,
    usesDefaultStore: !config.artifactsStore,
    connections: config.connections,
    mountConnections: config.mountConnections,
    agent: config.agent,
    warnings: warningsOf(diagnostics),
  };
  return { catalog, diagnostics };
}

/** An in-memory config source, for catalogs declared in code and for tests. */
export function configSourceFrom(
  catalog: Record<string, unknown>,
  secretKeys: readonly string[] = [],
): ConfigSource {
  const secrets = new Set(secretKeys);
  const keys = [
    ...Object.keys(catalog).map((k) => `${CONFIG_NAMESPACE}:${k}`),
    ...secretKeys,
  ];
  return {
    value: (key) => catalog[key],
    keys: () => keys,
    isSecure: (key) => (secrets.has(key) ? true : undefined),
  };
}
