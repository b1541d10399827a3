/**
 * What an agent creates, under the component that stands for it: the store's and each
 * connection's objects, the agent's own, and the chart release when deployed. Shared by
 * the TypeScript `Agent` and the component package's `Agent`, so that both register the
 * same resources for the same catalog.
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { withValueOutputs, type PreparedAgent } from "./agent-args.js";
import { ArtifactsStore } from "./artifacts-store.js";
import { type AgentPlan, planAgent, type PolyaxonEntry, type ReleasePlan, toYaml } from "./catalog.js";
import { Connection } from "./connection.js";
import { createKubernetesObject } from "./kubernetes-object.js";

/** The resources and outputs of one agent. */
export interface ProvisionedAgent {
  plan: AgentPlan;
  /** The chart values with the Outputs given inside them (plan.values holds placeholders for them). */
  released: pulumi.Input<Record<string, unknown>>;
  /** The values file as an output, Outputs in the values resolved; a Pulumi secret when the values hold secrets. */
  valuesOutput: pulumi.Output<string>;
  artifactsStore: ArtifactsStore;
  connections: Connection[];
  /** Objects of the agent itself (its token Secret, when created). */
  resources: pulumi.CustomResource[];
  release?: k8s.helm.v3.Release;
}

/** Register everything `prepared` plans, as children of `parent` (named `name`). */
export function provisionAgent(parent: pulumi.ComponentResource, name: string, { catalog, secretValue, valueOutputs }: PreparedAgent): ProvisionedAgent {
  const plan = planAgent(catalog);
  // Outputs given in the chart values are resolved into the release and the values output.
  const released: pulumi.Input<Record<string, unknown>> = valueOutputs?.size ? pulumi.output(withValueOutputs(plan.values, valueOutputs)) : plan.values;
  const yaml = valueOutputs?.size ? pulumi.output(released).apply((v) => toYaml(v)) : plan.valuesYaml;
  const valuesOutput = plan.valuesFromSecrets ? pulumi.secret(yaml) : pulumi.output(yaml);

  const child = { parent };
  // No aliases to the names an entry would have under the stack's other agents: the engine
  // refuses an alias that names a URN another resource registers ("Duplicate resource
  // alias", pulumi/pulumi pkg/resource/deploy/step_generator.go), which agents sharing a
  // connection name would hit. None is needed: a child's URN holds its parents' types, not
  // their names, so the Kubernetes objects keep their URNs when an entry moves.
  // Each entry as the values hold it (rendered once, by planAgent).
  const rendered = plan.values as { artifactsStore: PolyaxonEntry; connections: PolyaxonEntry[] };
  const artifactsStore = new ArtifactsStore(`${name}/${plan.artifactsStore.name}`, { plan: plan.artifactsStore, rendered: rendered.artifactsStore, secretValue }, child);
  // Loops rather than map callbacks: fewer stack frames for the SDK to record per resource (CatalogEntryResource says why).
  const connections: Connection[] = [];
  for (const [i, c] of plan.connections.entries()) connections.push(new Connection(`${name}/${c.name}`, { plan: c, rendered: rendered.connections[i]!, secretValue }, child));
  const resources: pulumi.CustomResource[] = [];
  for (const o of plan.agentObjects) resources.push(createKubernetesObject(o, secretValue, child));
  const release = plan.helmRelease ? deployChart(parent, plan, plan.helmRelease, released, [artifactsStore, ...connections, ...resources]) : undefined;
  return { plan, released, valuesOutput, artifactsStore, connections, resources, ...(release ? { release } : {}) };
}

/** The agent chart with the catalog's values, after every object it mounts exists. */
function deployChart(parent: pulumi.Resource, plan: AgentPlan, r: ReleasePlan, released: pulumi.Input<Record<string, unknown>>, dependsOn: pulumi.Resource[]): k8s.helm.v3.Release {
  // The values carry the rollout digest already (plan/rollout.ts): known in a preview.
  const values = plan.valuesFromSecrets ? pulumi.secret(released) : released;
  return new k8s.helm.v3.Release(
    r.name,
    { name: r.name, namespace: r.namespace, chart: r.chart, version: r.version, repositoryOpts: { repo: r.repo }, values },
    {
      parent,
      dependsOn,
      // The release's state repeats its values: keep them encrypted there too.
      ...(plan.valuesFromSecrets ? { additionalSecretOutputs: ["values"] } : {}),
    },
  );
}
