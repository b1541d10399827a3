/**
 * The stack program: Pulumi config → validated catalogs → one Agent component per agent,
 * all on the stack's cluster provider → outputs.
 * `index.ts` runs it; tests run it on the SDK's mock engine.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Agent, CatalogError, formatDiagnostic, loadStack, PulumiConfigReader } from "./components/internal.js";

export { PulumiConfigReader };

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
  // A value set with --secret stays a secret in the provider's state (a kubeconfig holds
  // credentials; a context name may be sensitive too).
  const kept = (key: string, value: string) => (config.isSecret(key) ? pulumi.secret(value) : value);
  return new k8s.Provider("kubernetes", {
    ...(typeof context === "string" ? { context: kept("kubernetes:context", context) } : {}),
    ...(typeof kubeconfig === "string" ? { kubeconfig: kept("kubernetes:kubeconfig", kubeconfig) } : {}),
  });
}

/**
 * Run the stack. Invalid config throws a RunError listing every problem before any
 * resource is registered.
 */
export function runStack(source: PulumiConfigReader = new PulumiConfigReader()): StackOutputs {
  // `pulumi preview`/`up` touch the cluster: a stack that names none is refused.
  const { stack, diagnostics } = loadStack(source, { cluster: "required", readFile: (path) => source.readBeside(path) });
  if (!stack) throw new CatalogError(diagnostics);
  const warnings = stack.warnings.map(formatDiagnostic);
  const provider = clusterProvider(source);
  // The catalogs are validated already: each Agent takes its catalog as it is (the typed
  // args would validate it a second time) and resolves secret config keys from the stack.
  // A loop rather than a map callback: fewer stack frames for the SDK to record per resource (see CatalogEntryResource).
  // Each agent's advice is attached to it in `pulumi up`'s output; the rest (cluster, unused keys) to the stack.
  const agents: Agent[] = [];
  const own = new Set<string>();
  for (const catalog of stack.agents) {
    const agent = Agent.fromCatalog(catalog.agent.release, { catalog, secretValue: (key) => source.secret(key) }, { providers: { kubernetes: provider } });
    agents.push(agent);
    for (const w of catalog.warnings.map(formatDiagnostic)) {
      own.add(w);
      pulumi.log.warn(w, agent);
    }
  }
  for (const w of warnings) if (!own.has(w)) pulumi.log.warn(w);
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
    ...out.agents.flatMap((a) => [a, ...a.resources, ...(a.release ? [a.release] : []), ...[a.artifactsStore, ...a.connections].flatMap((e) => [e, ...e.resources])]),
  ];
}
