/**
 * The stack program: Pulumi config → validated catalog → Agent component → outputs.
 * `index.ts` runs it; tests run it on the SDK's mock engine.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  Agent,
  CatalogError,
  CONFIG_NAMESPACE,
  type ConfigSource,
  formatDiagnostic,
  loadCatalog,
} from "./components/index.js";

/**
 * The SDK's own test of whether a config key was set with `--secret` (internal to the SDK,
 * so looked up defensively: without it, plain-text secrets are only caught by `validate`).
 */
const isConfigSecret: ((key: string) => boolean) | undefined = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("@pulumi/pulumi/runtime/config").isConfigSecret;
  } catch {
    return undefined;
  }
})();

/**
 * The stack's Pulumi config as a ConfigSource, read once: the SDK's getters re-parse the
 * whole config on every call, which made stacks of thousands of connections quadratic.
 */
export class PulumiConfigReader implements ConfigSource {
  private readonly all = pulumi.runtime.allConfig();

  value(key: string): unknown {
    const raw = this.all[`${CONFIG_NAMESPACE}:${key}`];
    if (raw === undefined) return undefined;
    // Structured config arrives as JSON; a plain string (the namespace) does not.
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }

  keys(): string[] {
    return Object.keys(this.all);
  }

  isSecure(fullKey: string): boolean | undefined {
    return fullKey in this.all ? isConfigSecret?.(fullKey) : undefined;
  }

  /** Lets content rules (notifier JSON) check decrypted values; they never print them. */
  secretValue(fullKey: string): string | undefined {
    return this.all[fullKey];
  }

  /** `polyaxon:s3Key` → its value as a Pulumi secret (it must be set: validation checked it). */
  secret(fullKey: string): pulumi.Output<string> {
    const value = this.all[fullKey];
    if (value === undefined) throw new pulumi.RunError(`config key ${fullKey} is not set`);
    return pulumi.secret(value);
  }
}

export interface StackOutputs {
  /** Helm values per agent release, as YAML. */
  values: Record<string, string>;
  /** Every object the stack created, `Kind/namespace/name`. */
  objects: string[];
  /** Warnings about the catalog. */
  warnings: string[];
  agent: Agent;
}

/**
 * Run the stack. Invalid config throws a CatalogError listing every problem before any
 * resource is registered.
 */
export function runStack(source: PulumiConfigReader = new PulumiConfigReader()): StackOutputs {
  const { catalog, diagnostics } = loadCatalog(source);
  // RunError: Pulumi prints the message (every problem) without a stack trace.
  if (!catalog) throw new pulumi.RunError(new CatalogError(diagnostics).message);
  const warnings = catalog.warnings.map(formatDiagnostic);
  for (const w of warnings) pulumi.log.warn(w);
  const agent = new Agent(catalog.agent.release, { catalog, secretValue: (key) => source.secret(key) });
  return { values: { [agent.plan.release]: agent.valuesYaml }, objects: agent.objectIds, warnings, agent };
}
