/**
 * The Polyaxon agent of one namespace: its artifacts store, its catalog of connections,
 * the rendered Helm values and, optionally, the agent chart release.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { ArtifactsStore } from "./artifacts-store.js";
import { type AgentArgs, prepareAgent, type PreparedAgent, withValueOutputs } from "./agent-args.js";
import { type AgentPlan, type Catalog, formatDiagnostic, planAgent, type ReleasePlan, toYaml } from "./catalog.js";
import { Connection } from "./connection.js";
import { createKubernetesObject, type SecretResolver } from "./kubernetes-object.js";

/** An already validated catalog (from `loadCatalog`/`loadStack`) and its secret resolver. */
export interface AgentCatalogArgs {
  /** A validated catalog, from `loadCatalog` (so nothing is created from invalid input). */
  catalog: Catalog;
  /** Resolves secret config keys (`polyaxon:key`) to Pulumi secrets. */
  secretValue: SecretResolver;
}

/** Marks the args `Agent.fromCatalog` passes to the constructor: a catalog validated already. */
const VALIDATED = Symbol("validated catalog");

/** Token `polyaxon:index:Agent`. */
export class Agent extends pulumi.ComponentResource {
  /** Everything this agent creates, as the CLI renders it. */
  readonly plan: AgentPlan;
  /**
   * The chart values, with the rollout annotation when the chart is deployed. An Output
   * given inside `values` shows here as `<output N>`; `valuesOutput` holds it resolved.
   */
  readonly values: Record<string, unknown>;
  /** The values file, byte-identical to `render`'s `values/<release>.yaml` (Outputs as `<output N>`). */
  readonly valuesYaml: string;
  /**
   * The values file as an output, Outputs in the values resolved: a Pulumi secret when the
   * values hold secret config (`agent.values` set with `--secret --path`, or
   * `secretValues`), so that it is encrypted in the state.
   */
  readonly valuesOutput: pulumi.Output<string>;
  /** Ids (`Kind/namespace/name`) of every object created. */
  readonly objectIds: string[];
  readonly artifactsStore: ArtifactsStore;
  readonly connections: Connection[];
  /** Objects of the agent itself (its token Secret, when created). */
  readonly resources: pulumi.CustomResource[];
  /** The agent chart release, when `agent.deploy` is true. */
  readonly release?: k8s.helm.v3.Release;

  /**
   * An agent from an already validated catalog (`loadStack`/`loadCatalog`): it is taken as
   * it is, and its warnings are left to the caller, which reported them already.
   */
  static fromCatalog(name: string, args: AgentCatalogArgs, opts?: pulumi.ComponentResourceOptions): Agent {
    return new Agent(name, { [VALIDATED]: args } as unknown as AgentArgs, opts);
  }

  /**
   * @param args the catalog and the release settings, validated here: a CatalogError lists
   * every problem (paths as in `args`) before anything is registered.
   */
  constructor(name: string, args: AgentArgs, opts?: pulumi.ComponentResourceOptions) {
    const validated = (args as { [VALIDATED]?: AgentCatalogArgs })[VALIDATED];
    const { catalog, secretValue, valueOutputs }: PreparedAgent = validated ?? prepareAgent(args);
    super("polyaxon:index:Agent", name, {}, opts);
    // Advice about this agent's catalog, attached to it in `pulumi up`'s output.
    if (!validated) for (const w of catalog.warnings) pulumi.log.warn(formatDiagnostic(w), this);
    const plan = planAgent(catalog);
    this.plan = plan;
    this.values = plan.values;
    this.valuesYaml = plan.valuesYaml;
    // Outputs given in the chart values are resolved into the release and this output.
    const released: pulumi.Input<Record<string, unknown>> = valueOutputs?.size ? pulumi.output(withValueOutputs(plan.values, valueOutputs)) : plan.values;
    const yaml = valueOutputs?.size ? pulumi.output(released).apply((v) => toYaml(v)) : plan.valuesYaml;
    this.valuesOutput = plan.valuesFromSecrets ? pulumi.secret(yaml) : pulumi.output(yaml);
    this.objectIds = plan.objects.map((o) => o.id);

    const child = { parent: this };
    // No aliases to the names an entry would have under the stack's other agents: the engine
    // refuses an alias that names a URN another resource registers ("Duplicate resource
    // alias", pulumi/pulumi pkg/resource/deploy/step_generator.go), which agents sharing a
    // connection name would hit. None is needed: a child's URN holds its parents' types, not
    // their names, so the Kubernetes objects keep their URNs when an entry moves.
    this.artifactsStore = new ArtifactsStore(`${name}/${plan.artifactsStore.name}`, { plan: plan.artifactsStore, secretValue }, child);
    // Loops rather than map callbacks: fewer stack frames for the SDK to record per resource (CatalogEntryResource says why).
    this.connections = [];
    for (const c of plan.connections) this.connections.push(new Connection(`${name}/${c.name}`, { plan: c, secretValue }, child));
    this.resources = [];
    for (const o of plan.agentObjects) this.resources.push(createKubernetesObject(o, secretValue, child));

    if (plan.helmRelease) this.release = this.deployChart(plan, plan.helmRelease, released);
    this.registerOutputs({ valuesYaml: this.valuesOutput });
  }

  /** The agent chart with the catalog's values, after every object it mounts exists. */
  private deployChart(plan: AgentPlan, r: ReleasePlan, released: pulumi.Input<Record<string, unknown>>): k8s.helm.v3.Release {
    const owners = [this.artifactsStore, ...this.connections];
    // The values carry the rollout digest already (plan/rollout.ts): known in a preview.
    const values = plan.valuesFromSecrets ? pulumi.secret(released) : released;
    return new k8s.helm.v3.Release(
      r.name,
      { name: r.name, namespace: r.namespace, chart: r.chart, version: r.version, repositoryOpts: { repo: r.repo }, values },
      {
        parent: this,
        dependsOn: [...owners, ...this.resources],
        // The release's state repeats its values: keep them encrypted there too.
        ...(plan.valuesFromSecrets ? { additionalSecretOutputs: ["values"] } : {}),
      },
    );
  }
}
