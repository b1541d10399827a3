/**
 * Parsed stack → validated catalogs, one per agent: the checks run on each parsed agent and
 * on its plan. The only way to obtain a Catalog, so every consumer (components, program,
 * CLI) works from input that passed every error check.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import { errorsOf, warningsOf } from "../model/diagnostics.js";
import { type Catalog, type ConfigSource, DEFAULT_ARTIFACTS_STORE, type StackModel } from "../load/catalog.js";
import { type CheckInput, checkInputOf } from "./input.js";
import { planEntryObjects } from "../plan/objects.js";
import { parseStack } from "../load/parse-stack.js";
import { checkAgents } from "./agents.js";
import { checkClusterBoundary } from "./cluster.js";
import { crossChecks } from "./cross-checks.js";
import { checkUnusedKeys } from "./secret-config-keys.js";
import { checkSecretPlacement, valuesHoldSecrets } from "./secret-placement.js";
import { checkPulumiScalars } from "./pulumi-scalars.js";
import { checkPlainCredentials } from "./plain-credentials.js";
import { checkConfigSize } from "./config-size.js";
import { type CatalogFileOrigin, withCatalogFile } from "../load/catalog-file.js";

import { checkDataKeys } from "./data-keys.js";
import { secretRedactor } from "./redact-secrets.js";
import { CONFIG_PREFIX, configKeyOf } from "../model/config-keys.js";

export interface StackLoadResult {
  /** Present only when there are no errors. */
  stack?: StackModel;
  /** Every error and warning found, all at once. */
  diagnostics: Diagnostic[];
}

export interface LoadResult {
  /** Present only when there are no errors. */
  catalog?: Catalog;
  diagnostics: Diagnostic[];
}

function toCatalog(input: CheckInput, warnings: Diagnostic[], valuesFromSecrets: boolean, source: ConfigSource): Catalog {
  const store = input.entries.find((e) => e.isStore);
  const artifactsStore = input.artifactsStore ?? DEFAULT_ARTIFACTS_STORE;
  return {
    ...(source.storedVersion ? { storedVersion: (key: string) => source.storedVersion?.(key) } : {}),
    ...(valuesFromSecrets ? { valuesFromSecrets } : {}),
    namespace: input.namespace,
    artifactsStore,
    usesDefaultStore: !input.artifactsStore,
    connections: input.connections,
    mountConnections: input.mountConnections,
    agent: input.agent,
    warnings,
    objects: {
      artifactsStore: store?.objects ?? planEntryObjects(input, artifactsStore, "artifacts-store"),
      connections: input.entries.filter((e) => !e.isStore).map((e) => e.objects),
      agent: input.agentObjects,
    },
  };
}

export interface LoadOptions {
  /**
   * Whether the stack must name its cluster: `required` where the caller touches it
   * (`pulumi preview`/`up`), `advise` for the offline commands (a warning), unset for
   * catalogs declared in code (their program owns its provider).
   */
  cluster?: "required" | "advise";
  /**
   * Reads a file relative to the stack file's folder (see withCatalogFile), where the
   * caller can: then `polyaxon:catalogFile` is honoured.
   */
  readFile?: (path: string) => string | undefined;
}

/** Diagnostics about keys the catalog file set name the file: `catalogs/prod.yaml: connections[3].name`. */
function relabel(d: Diagnostic, origin: CatalogFileOrigin | undefined): Diagnostic {
  if (!origin) return d;
  for (const key of origin.keys) {
    const prefix = configKeyOf(key);
    if (d.path === prefix || d.path.startsWith(`${prefix}.`) || d.path.startsWith(`${prefix}[`)) return { ...d, path: `${origin.file}: ${d.path.slice(CONFIG_PREFIX.length)}` };
  }
  return d;
}

/** Rules that say in general terms what a more specific rule at the same path says better. */
const GENERAL_RULES: ReadonlySet<string> = new Set(["plain-credential"]);

/**
 * One error per field: where several rules refuse one path, the first specific one stays
 * (a general rule only when it is alone there). Warnings all stay.
 */
function onePerField(diagnostics: Diagnostic[]): Diagnostic[] {
  const kept = new Map<string, Diagnostic>();
  for (const d of errorsOf(diagnostics)) {
    const seen = kept.get(d.path);
    if (!seen || (GENERAL_RULES.has(seen.rule) && !GENERAL_RULES.has(d.rule))) kept.set(d.path, d);
  }
  const chosen = new Set(kept.values());
  return diagnostics.filter((d) => d.severity !== "error" || chosen.has(d));
}

/** Parse, default, and check every agent of a stack. Never throws on bad input. */
export function loadStack(given: ConfigSource, opts: LoadOptions = {}): StackLoadResult {
  const { source, diagnostics: fileProblems, origin } = opts.readFile ? withCatalogFile(given, opts.readFile) : { source: given, diagnostics: [], origin: undefined };
  const parsed = parseStack(source);
  const diagnostics: Diagnostic[] = [...fileProblems, ...parsed.diagnostics];
  if (opts.cluster) diagnostics.push(...checkClusterBoundary(source, opts.cluster === "required"));
  diagnostics.push(...checkSecretPlacement(source), ...checkPulumiScalars(source), ...checkDataKeys(source), ...checkPlainCredentials(source), ...checkConfigSize(source));
  const agents = parsed.agents.map(({ agent: parsedAgent, index, diagnostics: parseProblems }) => {
    // Each agent's entries and objects are worked out once, for every rule and for the plan.
    const agent = checkInputOf(parsedAgent);
    const own = [...parseProblems, ...crossChecks(agent, source)];
    diagnostics.push(...own);
    return { agent, own, index };
  });
  const all = agents.map((a) => a.agent);
  diagnostics.push(...checkAgents(all, parsed.sharedNamespaces), ...checkUnusedKeys(all, source));
  // Every message leaves here without a decrypted secret in it (redact-secrets.ts).
  const redact = secretRedactor(source);
  const redacted = new Map(diagnostics.map((d) => [d, relabel(redact(d), origin)]));
  const shown = onePerField(diagnostics).map((d) => redacted.get(d)!);
  if (errorsOf(shown).length > 0) return { diagnostics: shown };
  // Each agent's own warnings are among the stack's: redacted once, above.
  const catalogs = agents.map(({ agent, own, index }) =>
    toCatalog(
      agent,
      warningsOf(own).map((d) => redacted.get(d)!),
      valuesHoldSecrets(source, index),
      source,
    ),
  );
  return { stack: { agents: catalogs, warnings: warningsOf(shown) }, diagnostics: shown };
}

/** The single agent of a short-form stack (or of catalogs declared in code). */
export function loadCatalog(source: ConfigSource): LoadResult {
  const { stack, diagnostics } = loadStack(source);
  if (!stack) return { diagnostics };
  if (stack.agents.length !== 1) {
    return {
      diagnostics: [
        ...diagnostics,
        {
          severity: "error",
          rule: "agents-form",
          path: configKeyOf("agents"),
          message: `${stack.agents.length} agents where one was expected`,
          fix: "use loadStack for stacks with several agents",
        },
      ],
    };
  }
  return { catalog: { ...stack.agents[0]!, warnings: stack.warnings }, diagnostics };
}
