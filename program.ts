/**
 * The stack program: Pulumi config → validated catalogs → one Agent component per agent,
 * all on the stack's cluster provider → outputs.
 * `index.ts` runs it; tests run it on the SDK's mock engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  Agent,
  CatalogError,
  CONFIG_NAMESPACE,
  type ConfigSource,
  type ConfigPath,
  formatDiagnostic,
  fromYaml,
  loadStack,
  securePaths,
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
  private stackFileConfig?: Record<string, unknown> | null;

  /**
   * @param stackFile the stack's `Pulumi.<stack>.yaml`, read only to learn where nested
   * secret values sit (the engine says only which keys hold one). Default: the one `pulumi`
   * runs the program with, in the project folder.
   */
  constructor(private readonly stackFile = join(process.cwd(), `Pulumi.${pulumi.getStack()}.yaml`)) {}

  value(key: string, namespace = CONFIG_NAMESPACE): unknown {
    const raw = this.all[`${namespace}:${key}`];
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

  /** A config value exactly as set, unparsed. */
  raw(fullKey: string): string | undefined {
    return this.all[fullKey];
  }

  isSecret(fullKey: string): boolean {
    return fullKey in this.all && isConfigSecret?.(fullKey) === true;
  }

  /**
   * Where `polyaxon:<key>` holds secret values: the `secure:` paths of the stack file, or
   * the whole key when the engine marks it secret and the file does not say where
   * (config from an ESC environment, another stackConfigDir).
   */
  securePaths(key: string): ConfigPath[] {
    const fullKey = `${CONFIG_NAMESPACE}:${key}`;
    const fromFile = securePaths(this.readStackFileConfig()?.[fullKey]);
    if (fromFile.length > 0) return fromFile;
    return this.isSecret(fullKey) ? [[]] : [];
  }

  private readStackFileConfig(): Record<string, unknown> | null {
    if (this.stackFileConfig === undefined) {
      try {
        const doc = fromYaml(readFileSync(this.stackFile, "utf8")) as { config?: Record<string, unknown> } | null;
        this.stackFileConfig = doc?.config ?? null;
      } catch {
        this.stackFileConfig = null;
      }
    }
    return this.stackFileConfig;
  }

  /** `polyaxon:s3Key` → its value as a Pulumi secret (it must be set: validation checked it). */
  secret(fullKey: string): pulumi.Output<string> {
    const value = this.all[fullKey];
    if (value === undefined) throw new pulumi.RunError(`config key ${fullKey} is not set`);
    return pulumi.secret(value);
  }
}

export interface StackOutputs {
  /** Helm values per agent release, as YAML; a Pulumi secret where they hold secret config. */
  values: Record<string, pulumi.Output<string>>;
  /** Every object the stack created, `Kind/namespace/name`. */
  objects: string[];
  /** Warnings about the catalogs. */
  warnings: string[];
  agents: Agent[];
  /** The Kubernetes provider every component uses. */
  provider: k8s.Provider;
}

/**
 * The cluster of this stack: `kubernetes:context` and `kubernetes:kubeconfig` from its
 * config (one stack per cluster), in an explicit provider handed to every component.
 */
export function clusterProvider(config: PulumiConfigReader): k8s.Provider {
  // Plain strings: a kubeconfig may be JSON, which value() would parse.
  const context = config.raw("kubernetes:context");
  const kubeconfig = config.raw("kubernetes:kubeconfig");
  // A kubeconfig set with --secret holds credentials: it stays a secret in the provider's state.
  const secretKubeconfig = config.isSecret("kubernetes:kubeconfig");
  return new k8s.Provider("kubernetes", {
    ...(typeof context === "string" ? { context } : {}),
    ...(typeof kubeconfig === "string" ? { kubeconfig: secretKubeconfig ? pulumi.secret(kubeconfig) : kubeconfig } : {}),
  });
}

/**
 * Run the stack. Invalid config throws a RunError listing every problem before any
 * resource is registered.
 */
export function runStack(source: PulumiConfigReader = new PulumiConfigReader()): StackOutputs {
  // `pulumi preview`/`up` touch the cluster: a stack that names none is refused.
  const { stack, diagnostics } = loadStack(source, { cluster: "required" });
  // RunError: Pulumi prints the message (every problem) without a stack trace.
  if (!stack) throw new pulumi.RunError(new CatalogError(diagnostics).message);
  const warnings = stack.warnings.map(formatDiagnostic);
  for (const w of warnings) pulumi.log.warn(w);
  const provider = clusterProvider(source);
  const agents = stack.agents.map(
    (catalog) =>
      new Agent(
        catalog.agent.release,
        { catalog, secretValue: (key) => source.secret(key) },
        { providers: { kubernetes: provider } },
      ),
  );
  return {
    values: Object.fromEntries(agents.map((a) => [a.plan.release, a.valuesOutput])),
    objects: agents.flatMap((a) => a.objectIds).sort(),
    warnings,
    agents,
    provider,
  };
}

/** Every resource the stack registered, components included: tests and benchmarks wait on them. */
export function stackResources(out: StackOutputs): pulumi.Resource[] {
  return [
    out.provider,
    ...out.agents.flatMap((a) => [
      a,
      ...a.resources,
      ...(a.release ? [a.release] : []),
      ...[a.artifactsStore, ...a.connections].flatMap((e) => [e, ...e.resources]),
    ]),
  ];
}
