/**
 * The Polyaxon agent of one namespace: its artifacts store, its catalog of connections,
 * the rendered Helm values and, optionally, the agent chart release.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ArtifactsStore } from "./artifacts-store.js";
import { type AgentArgs, prepareAgent, type PreparedAgent } from "./agent-args.js";
import { type AgentPlan, type Catalog, formatDiagnostic } from "./catalog.js";
import type { Connection } from "./connection.js";
import type { SecretResolver } from "./kubernetes-object.js";
import { provisionAgent } from "./provision-agent.js";

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
    const prepared: PreparedAgent = validated ?? prepareAgent(args);
    super("polyaxon:index:Agent", name, {}, opts);
    // Advice about this agent's catalog, attached to it in `pulumi up`'s output.
    if (!validated) for (const w of prepared.catalog.warnings) pulumi.log.warn(formatDiagnostic(w), this);
    const provisioned = provisionAgent(this, name, prepared);
    this.plan = provisioned.plan;
    this.values = provisioned.plan.values;
    this.valuesYaml = provisioned.plan.valuesYaml;
    this.valuesOutput = provisioned.valuesOutput;
    this.objectIds = provisioned.plan.objects.map((o) => o.id);
    this.artifactsStore = provisioned.artifactsStore;
    this.connections = provisioned.connections;
    this.resources = provisioned.resources;
    if (provisioned.release) this.release = provisioned.release;
    this.registerOutputs({ valuesYaml: this.valuesOutput });
  }
}
