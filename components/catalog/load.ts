/**
 * Config → validated Catalog. The only way to obtain a Catalog, so every consumer
 * (components, program, CLI) works from input that passed every error check.
 */
import { CONFIG_NAMESPACE, STACK_KEYS, stackConfig } from "../spec/stack.js";
import { crossChecks } from "./checks.js";
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

const defaultStoreWarning: Diagnostic = {
  severity: "warning",
  path: `${CONFIG_NAMESPACE}:artifactsStore`,
  message:
    "not set: using the chart's default host_path store (/tmp/artifactsStore on each node), which only suits single-node clusters",
  fix: "set polyaxon:artifactsStore to an s3, gcs, wasb or ReadWriteMany volume_claim store",
};

/** Parse, default, and cross-check a stack's catalog. Never throws on bad input. */
export function loadCatalog(source: ConfigSource): LoadResult {
  const raw = rawStackConfig(source);
  const parsed = stackConfig.safeParse(raw);
  if (!parsed.success) return { diagnostics: diagnosticsFromZod(parsed.error, `${CONFIG_NAMESPACE}:`, raw) };
  const config = parsed.data;
  const diagnostics = crossChecks(config, source);
  if (!config.artifactsStore) diagnostics.push(defaultStoreWarning);
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
  const keys = [
    ...Object.keys(catalog).map((k) => `${CONFIG_NAMESPACE}:${k}`),
    ...secretKeys,
  ];
  return {
    value: (key) => catalog[key],
    keys: () => keys,
    isSecure: (key) => (secretKeys.includes(key) ? true : undefined),
  };
}
