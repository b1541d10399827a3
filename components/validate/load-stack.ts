/**
 * Parsed stack → validated catalogs, one per agent: the checks run on each parsed agent and
 * on its plan. The only way to obtain a Catalog, so every consumer (components, program,
 * CLI) works from input that passed every error check.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import { errorsOf, warningsOf } from "../model/diagnostics.js";
import { type Catalog, type ConfigSource, DEFAULT_ARTIFACTS_STORE, type StackModel } from "../load/catalog.js";
import type { ParsedAgent } from "../load/parsed-agent.js";
import { parseStack } from "../load/parse-stack.js";
import { checkAgents } from "./agents.js";
import { checkClusterBoundary } from "./cluster.js";
import { crossChecks } from "./cross-checks.js";
import { checkUnusedKeys } from "./secret-config-keys.js";
import { checkSecretPlacement, valuesHoldSecrets } from "./secret-placement.js";
import { checkPulumiScalars } from "./pulumi-scalars.js";
import { checkPlainCredentials } from "./plain-credentials.js";
import { checkDataKeys } from "./data-keys.js";
import { secretRedactor } from "./redact-secrets.js";

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

function toCatalog(input: ParsedAgent, warnings: Diagnostic[], valuesFromSecrets: boolean, source: ConfigSource): Catalog {
  return {
    ...(source.storedVersion ? { storedVersion: (key: string) => source.storedVersion?.(key) } : {}),
    ...(valuesFromSecrets ? { valuesFromSecrets } : {}),
    namespace: input.namespace,
    artifactsStore: input.artifactsStore ?? DEFAULT_ARTIFACTS_STORE,
    usesDefaultStore: !input.artifactsStore,
    connections: input.connections,
    mountConnections: input.mountConnections,
    agent: input.agent,
    warnings,
  };
}

export interface LoadOptions {
  /**
   * Whether the stack must name its cluster: `required` where the caller touches it
   * (`pulumi preview`/`up`), `advise` for the offline commands (a warning), unset for
   * catalogs declared in code (their program owns its provider).
   */
  cluster?: "required" | "advise";
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
export function loadStack(source: ConfigSource, opts: LoadOptions = {}): StackLoadResult {
  const parsed = parseStack(source);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (opts.cluster) diagnostics.push(...checkClusterBoundary(source, opts.cluster === "required"));
  diagnostics.push(...checkSecretPlacement(source), ...checkPulumiScalars(source), ...checkDataKeys(source), ...checkPlainCredentials(source));
  const agents = parsed.agents.map(({ agent, index, diagnostics: parseProblems }) => {
    const own = [...parseProblems, ...crossChecks(agent, source)];
    diagnostics.push(...own);
    return { agent, own, index };
  });
  const all = agents.map((a) => a.agent);
  diagnostics.push(...checkAgents(all, parsed.sharedNamespaces), ...checkUnusedKeys(all, source));
  // Every message leaves here without a decrypted secret in it (redact-secrets.ts).
  const redact = secretRedactor(source);
  const redacted = new Map(diagnostics.map((d) => [d, redact(d)]));
  const shown = onePerField(diagnostics).map((d) => redacted.get(d)!);
  if (errorsOf(shown).length > 0) return { diagnostics: shown };
  // Each agent's own warnings are among the stack's: redacted once, above.
  const catalogs = agents.map(({ agent, own, index }) => toCatalog(agent, warningsOf(own).map((d) => redacted.get(d)!), valuesHoldSecrets(source, index), source));
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
        { severity: "error", rule: "agents-form", path: "polyaxon:agents", message: `${stack.agents.length} agents where one was expected`, fix: "use loadStack for stacks with several agents" },
      ],
    };
  }
  return { catalog: { ...stack.agents[0]!, warnings: stack.warnings }, diagnostics };
}

