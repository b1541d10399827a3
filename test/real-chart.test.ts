/**
 * Our values through the official charts, rendered by a real helm: helm succeeds without a
 * warning, the catalog the chart writes into its ConfigMap is ours, every Secret, ConfigMap
 * and claim the rendered pods read is one the stack renders or declares, and every rendered
 * object is a valid Kubernetes object with no unknown field.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readStackConfig } from "../cli/stack-file.js";
import {
  type AgentPlan,
  type Catalog,
  configSourceFrom,
  fromYaml,
  loadCatalog,
  loadStack,
  materialize,
  planAgent,
  redactedValue,
  ROLLOUT_ANNOTATION,
  toYaml,
  withRolloutAnnotation,
} from "../components/internal.js";
import { chartTarget } from "../components/model/index.js";
import { AGENT_CHART, chartDigestProblems, helmTemplate, helmVersion, type K8sObject, PLATFORM_CHART } from "./helpers/helm.js";
import { checkSchema, hasModel, unknownFields } from "./helpers/k8s-schema.js";
import { podReferences } from "./helpers/pod-references.js";
import { exampleStacks } from "./helpers/stacks.js";

type Entry = { name: string; secret?: { name: string }; configMap?: { name: string }; schema?: { volumeClaim?: string } };

/** `Kind/name` of everything the stack creates or declares as existing in the agent's namespace. */
function knownToTheStack(catalog: Catalog, plan: AgentPlan): Set<string> {
  const known = new Set<string>();
  for (const o of plan.objects) {
    if (o.manifest.metadata.namespace !== catalog.namespace) continue;
    known.add(`${o.manifest.kind}/${o.manifest.metadata.name}`);
    // The operator creates an ExternalSecret's target Secret.
    if (o.manifest.kind === "ExternalSecret") known.add(`Secret/${o.manifest.metadata.name}`);
  }
  for (const entry of [catalog.artifactsStore, ...catalog.connections] as Entry[]) {
    if (entry.secret) known.add(`Secret/${entry.secret.name}`);
    if (entry.configMap) known.add(`ConfigMap/${entry.configMap.name}`);
    if (entry.schema?.volumeClaim) known.add(`PersistentVolumeClaim/${entry.schema.volumeClaim}`);
  }
  if (catalog.agent.agentSecret) known.add(`Secret/${catalog.agent.agentSecret.name}`);
  return known;
}

function chartOf(catalog: Catalog): string {
  return chartTarget(catalog.agent.chart) === "platform" ? PLATFORM_CHART : AGENT_CHART;
}

/** Every agent of every example stack, and the catalog holding each of Polyaxon's kinds. */
function cases(): { label: string; catalog: Catalog }[] {
  const out = exampleStacks().flatMap(({ dir, stack }) => {
    const { stack: model, diagnostics } = loadStack(readStackConfig(dir, stack));
    assert.ok(model, JSON.stringify(diagnostics));
    return model.agents.map((catalog) => ({ label: `stack ${stack}, agent ${catalog.agent.release}`, catalog }));
  });
  const everyKind = fromYaml(readFileSync(resolve(__dirname, "fixtures/every-kind-values.yaml"), "utf8")) as Record<string, unknown>;
  const { catalog } = loadCatalog(configSourceFrom(everyKind));
  assert.ok(catalog);
  return [...out, { label: "the every-kind catalog", catalog }];
}

describe(`the official charts, rendered by a real helm`, function () {
  this.timeout(60000);

  it("uses the released charts (sha256) and helm 4", () => {
    assert.deepEqual(chartDigestProblems(), []);
    assert.match(helmVersion(), /^v4\./);
  });

  /** Every problem the checks below find in one rendered chart. */
  async function objectProblems(objects: K8sObject[]): Promise<string[]> {
    const problems: string[] = [];
    for (const object of objects) {
      problems.push(...unknownFields(object).map((f) => `unknown field ${f}`));
      const check = await checkSchema(object);
      if (check.problem) problems.push(check.problem);
      if (hasModel(object) && !check.validated) problems.push(`${object.kind}: no validator`);
    }
    return problems;
  }

  it("catches what the chart does with env on the store: the mapping Polyaxon wants is no env list", async () => {
    const { catalog } = loadCatalog(configSourceFrom({}));
    const values = planAgent(catalog!).values as { artifactsStore: Record<string, unknown> };
    values.artifactsStore.env = { AWS_REGION: "eu-west-1" }; // Polyaxon's form: a mapping
    const { objects } = helmTemplate(AGENT_CHART, "trap", "polyaxon", toYaml(values));
    const problems = await objectProblems(objects);
    // The chart pastes the mapping with toYaml into the container: AWS_REGION lands as a
    // field of the container, which the API server drops; the variable never arrives.
    assert.ok(problems.includes("unknown field Deployment/trap-polyaxon-streams.spec.template.spec.containers[0].AWS_REGION"), problems.join("\n"));
  });

  it("catches a pod that reads a Secret the stack neither creates nor declares", () => {
    const { stack } = loadStack(readStackConfig(exampleStacks()[0]!.dir, "dev"));
    const catalog = stack!.agents[0]!;
    const plan = planAgent(catalog);
    const { objects } = helmTemplate(AGENT_CHART, plan.release, catalog.namespace, plan.valuesYaml);
    const known = knownToTheStack({ ...catalog, agent: { ...catalog.agent, agentSecret: undefined } }, plan);
    const rendered = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
    const unknown = podReferences(objects).filter((r) => !rendered.has(`${r.kind}/${r.name}`) && !known.has(`${r.kind}/${r.name}`));
    assert.deepEqual([...new Set(unknown.map((r) => `${r.kind}/${r.name}`))], [`Secret/${catalog.agent.agentSecret!.name}`]);
  });

  it("rolls the gateway pod (agent: streams, CE: api) through gateway.annotations, in both charts", () => {
    for (const [chart, workload] of [
      [AGENT_CHART, "streams"],
      [PLATFORM_CHART, "api"],
    ] as const) {
      const { catalog } = loadCatalog(configSourceFrom({}));
      const values = withRolloutAnnotation(planAgent(catalog!).values, "v-123");
      const { objects } = helmTemplate(chart, "roll", "polyaxon", toYaml(values));
      const pod = objects.find((o) => o.kind === "Deployment" && o.metadata.name === `roll-polyaxon-${workload}`);
      const template = (pod?.spec as { template: { metadata: { annotations?: Record<string, string> } } } | undefined)?.template;
      assert.equal(template?.metadata.annotations?.[ROLLOUT_ANNOTATION], "v-123", `${workload} of ${chart}`);
    }
  });

  for (const { label, catalog } of cases()) {
    it(`${label}: helm renders our values cleanly, the chart's catalog is ours, pods read only known objects, objects are valid`, async () => {
      const plan = planAgent(catalog);
      const { objects, stderr } = helmTemplate(chartOf(catalog), plan.release, catalog.namespace, plan.valuesYaml);
      assert.equal(stderr, "", "helm printed warnings");

      const values = plan.values as { artifactsStore: unknown; connections: unknown[] };
      const agentConfig = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === `${plan.release}-polyaxon-agent-config`);
      assert.ok(agentConfig, "the chart's agent ConfigMap");
      const data = agentConfig.data as Record<string, string>;
      assert.deepEqual(JSON.parse(data.POLYAXON_AGENT_ARTIFACTS_STORE!), values.artifactsStore);
      if (values.connections.length > 0) assert.deepEqual(JSON.parse(data.POLYAXON_AGENT_CONNECTIONS!), values.connections);
      else assert.equal(data.POLYAXON_AGENT_CONNECTIONS, undefined);

      const known = knownToTheStack(catalog, plan);
      const rendered = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
      const unknown = podReferences(objects).filter((r) => !r.optional && !rendered.has(`${r.kind}/${r.name}`) && !known.has(`${r.kind}/${r.name}`));
      assert.deepEqual(unknown, [], "pods read objects that neither the chart nor the stack provide");

      assert.deepEqual(await objectProblems(objects), []);
      // The objects the stack itself creates pass the same checks.
      const ours = plan.objects.map((o) => materialize(o, redactedValue) as K8sObject);
      assert.deepEqual(await objectProblems(ours), []);
    });
  }
});
