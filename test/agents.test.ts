/**
 * Catalogs across namespaces, agents and clusters: the shared library, several agents per
 * stack, fan-out to additional namespaces, per-stack providers, and connections that move
 * between agents without their Kubernetes objects being replaced.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStackConfig } from "../cli/stack-file.js";
import { chartTarget, CONNECTION_KINDS, configSourceFrom, fromYaml, loadStack, mergeOverride, planStack } from "../components/internal.js";
import { runStack, stackResources } from "../program.js";
import { AGENT_CHART, gatewayPodOf, helmTemplate, PLATFORM_CHART } from "./helpers/helm.js";
import { polyaxonValuesProblems } from "./helpers/polyaxon-rules.js";
import { engineRuleViolations, isSecretValue, registered, resetRegistered, setConfig, settled } from "./helpers/pulumi-mocks.js";
import { examplesProject, exampleStacks, loadStackIntoConfig, PROJECT_ROOT } from "./helpers/stacks.js";
import { cli } from "./helpers/cli.js";

async function runConfig(config: Record<string, unknown>) {
  resetRegistered();
  setConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])));
  const out = runStack();
  await settled(stackResources(out));
  return out;
}

describe("catalogs across namespaces, agents and clusters", () => {
  it("render --all renders the four example stacks of the project", async () => {
    const out = mkdtempSync(join(tmpdir(), "plx-agents-"));
    const r = await cli(["render", "--all", "--out", out], examplesProject());
    assert.equal(r.code, 0, r.text);
    assert.deepEqual(readdirSync(out).sort(), ["ce", "dev", "prod", "staging"]);
    assert.deepEqual(readdirSync(join(out, "prod/values")).sort(), ["nlp-agent.yaml", "vision-agent.yaml"]);
  });

  for (const { dir, stack } of exampleStacks()) {
    it(`every values file of stack ${stack} passes Polyaxon's rules and mounts cleanly in the chart's gateway pod`, function () {
      this.timeout(60000);
      const { stack: model, diagnostics } = loadStack(readStackConfig(dir, stack));
      assert.ok(model, JSON.stringify(diagnostics));
      const plans = planStack(model).agents;
      model.agents.forEach((catalog, i) => {
        const agent = plans[i]!;
        const values = fromYaml(agent.valuesYaml) as Record<string, unknown>;
        assert.deepEqual(polyaxonValuesProblems(values, CONNECTION_KINDS), [], agent.release);
        const platform: boolean = chartTarget(catalog.agent.chart) === "platform";
        const { objects } = helmTemplate(platform ? PLATFORM_CHART : AGENT_CHART, agent.release, agent.namespace, agent.valuesYaml);
        const names: unknown[] = gatewayPodOf(objects, agent.release, platform ? "api" : "streams").volumes.map((v) => v.name);
        assert.equal(new Set(names).size, names.length, `${agent.release}: duplicate gateway volumes`);
      });
    });
  }

  it("fans each Secret of an agent out to every namespace its runs use, exactly once each", async () => {
    const { stack } = loadStack(readStackConfig(PROJECT_ROOT, "prod"));
    const ids = planStack(stack!).objects.map((o) => o.id);
    for (const name of ["docker-conf", "git-token", "slack-notifier", "datasets-s3", "vision-gcs-key"]) {
      assert.deepEqual(ids.filter((id) => id.endsWith(`/${name}`)).sort(), [`ExternalSecret/vision-runs/${name}`, `ExternalSecret/vision/${name}`]);
    }
    loadStackIntoConfig(PROJECT_ROOT, "prod");
    resetRegistered();
    await settled(stackResources(runStack()));
    const names = registered.filter((r) => r.type === "kubernetes:external-secrets.io/v1:ExternalSecret").map((r) => r.name);
    assert.equal(names.length, new Set(names).size);
    assert.equal(names.filter((n) => n.endsWith("/docker-conf")).length, 2);
  });

  it("creates the agent token Secret in every namespace its runs use; warns when it is only referenced", async () => {
    const agent = { additionalNamespaces: ["runs-a", "runs-b"], agentSecret: { name: "agent-token", fromConfig: { POLYAXON_AUTH_TOKEN: "agentToken" } } };
    resetRegistered();
    setConfig({ "polyaxon:agent": JSON.stringify(agent), "polyaxon:namespace": "ml" }, { "polyaxon:agentToken": "CANARY-token-9d2f7c" });
    await settled(stackResources(runStack()));
    const tokens = registered.filter((r) => r.type === "kubernetes:core/v1:Secret" && r.name.endsWith("/agent-token"));
    assert.deepEqual(tokens.map((t) => t.name).sort(), ["ml/agent-token", "runs-a/agent-token", "runs-b/agent-token"]);
    assert.ok(tokens.every((t) => isSecretValue(t.inputs.stringData)));

    const { stack } = loadStack(readStackConfig(PROJECT_ROOT, "prod"));
    const warned = stack!.warnings.filter((w) => w.rule === "agent-token-namespaces").map((w) => w.path);
    assert.deepEqual(warned, ["polyaxon:agents[0].agentSecret"]);
  });

  it("takes library entries by name, with overrides merged field by field", () => {
    const { stack } = loadStack(readStackConfig(PROJECT_ROOT, "staging"));
    const [datasets, code] = stack!.agents[0]!.connections;
    assert.deepEqual(datasets, {
      name: "datasets",
      kind: "s3",
      description: "Shared training datasets",
      tags: ["data"],
      schema: { bucket: "s3://acme-datasets-staging" },
      secret: { name: "minio-credentials" },
      configMap: { name: "minio-endpoint" },
    });
    assert.deepEqual(code, { name: "code", kind: "git", schema: { url: "https://github.com/acme/ml", revision: "main" }, secret: { name: "git-token" } });
    assert.deepEqual(mergeOverride({ a: { b: 1, c: 2 }, d: [1], e: 1 }, { a: { c: 3 }, d: [2], e: null }), { a: { b: 1, c: 3 }, d: [2] });
  });

  it("gives every stack an explicit provider for its cluster, used by every object", async () => {
    loadStackIntoConfig(PROJECT_ROOT, "prod");
    resetRegistered();
    await settled(stackResources(runStack()));
    const provider = registered.find((r) => r.type === "pulumi:providers:kubernetes")!;
    assert.equal(provider.inputs.context, "prod");
    const objects = registered.filter((r) => r.type.startsWith("kubernetes:"));
    assert.ok(objects.length > 0 && objects.every((r) => r.provider.startsWith(provider.urn)));
  });

  it("refuses under pulumi a stack that names no cluster, unless it opts into the ambient one; offline it only warns", async () => {
    const catalog = { "polyaxon:connections": JSON.stringify([{ name: "code", kind: "git", schema: { url: "https://github.com/acme/ml" } }]) };
    resetRegistered();
    setConfig(catalog, {}, true);
    assert.throws(() => runStack(), /kubernetes:context: the stack names no cluster.*Fix: run `pulumi config set kubernetes:context <context>`.*polyaxon:ambientCluster: true/s);
    assert.equal(registered.length, 0);

    resetRegistered();
    setConfig({ ...catalog, "polyaxon:ambientCluster": "true" }, {}, true);
    await settled(stackResources(runStack()));
    const provider = registered.find((r) => r.type === "pulumi:providers:kubernetes")!;
    assert.equal(provider.inputs.context, undefined, "the ambient context, on purpose");

    const dir = mkdtempSync(join(tmpdir(), "plx-cluster-"));
    writeFileSync(join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    writeFileSync(join(dir, "Pulumi.fresh.yaml"), "config:\n  polyaxon:connections: []\n");
    const r = await cli(["render", "--stack", "fresh", "--out", join(dir, "out")], dir);
    assert.equal(r.code, 0, r.text);
    assert.match(r.stderr, /warning kubernetes:context: the stack names no cluster/);
    // The example stacks name theirs (dev opts into the ambient context of a local cluster).
    for (const stack of ["dev", "staging", "prod", "ce"]) {
      const v = await cli(["validate", "--stack", stack], PROJECT_ROOT);
      assert.doesNotMatch(v.text, /names no cluster/, stack);
    }
  });

  it("moves a connection between two agents of one namespace without replacing its objects", async () => {
    const store = { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "s3" } };
    const cache = { name: "cache", kind: "redis", configMap: { name: "redis-settings", data: { REDIS_HOST: "redis" } } };
    const stackWith = (a: unknown[], b: unknown[]) => ({
      "polyaxon:agents": [
        { release: "team-a", namespace: "ml", artifactsStore: store, connections: a },
        { release: "team-b", namespace: "ml", artifactsStore: { ...store, name: "store-b" }, connections: b },
      ],
    });
    await runConfig(stackWith([cache], []));
    const before = registered.find((r) => r.type === "kubernetes:core/v1:ConfigMap")!;
    assert.equal(registered.find((r) => r.type === "polyaxon:index:Connection")!.name, "team-a/cache");

    await runConfig(stackWith([], [cache]));
    const after = registered.find((r) => r.type === "kubernetes:core/v1:ConfigMap")!;
    const componentAfter = registered.find((r) => r.type === "polyaxon:index:Connection")!;
    // The object's URN holds its parents' types, not their names: the same URN, no replacement.
    assert.equal(after.urn, before.urn);
    assert.notEqual(after.parent, before.parent);
    // The component itself is new (it holds no state) and needs no alias.
    assert.equal(componentAfter.name, "team-b/cache");
    assert.deepEqual(componentAfter.aliases, []);
  });

  it("grows a stack by a second agent that shares connection names with the first (the engine's alias rule)", async () => {
    const shared = [
      { name: "datasets", kind: "s3", schema: { bucket: "s3://data" }, secret: { name: "datasets-s3" } },
      { name: "code", kind: "git", schema: { url: "https://github.com/acme/ml" }, secret: { name: "git-token" } },
    ];
    const agent = (release: string) => ({ release, namespace: release, connections: shared });
    await runConfig({ "polyaxon:agents": [agent("team-a")] });
    const first = new Set(registered.map((r) => r.urn));
    await runConfig({ "polyaxon:agents": [agent("team-a"), agent("team-b")] });
    // Everything the first agent registered keeps its URN; the new agent adds its own.
    assert.ok([...first].every((urn) => registered.some((r) => r.urn === urn)));
    assert.ok(registered.some((r) => r.name === "team-b/datasets"));
    assert.ok(registered.every((r) => r.aliases.length === 0));
    // The prod example (two agents sharing `datasets` and `code`) passes the same rule.
    loadStackIntoConfig(PROJECT_ROOT, "prod");
    resetRegistered();
    await settled(stackResources(runStack()));
  });

  it("the mock harness applies the engine's duplicate-alias rule", () => {
    const base = { type: "polyaxon:index:Connection", parent: "urn:pulumi:test::p::polyaxon:index:Agent::b", inputs: {}, retainOnDelete: false, dependencies: [], provider: "" };
    const a = { ...base, name: "b/data", urn: "urn:pulumi:test::p::polyaxon:index:Agent$polyaxon:index:Connection::b/data", aliases: [] };
    const b = {
      ...base,
      name: "a/data",
      urn: "urn:pulumi:test::p::polyaxon:index:Agent$polyaxon:index:Connection::a/data",
      aliases: [{ urn: "", spec: { name: "b/data", type: "", stack: "", project: "", parenturn: "", noparent: false } }],
    };
    assert.deepEqual(engineRuleViolations([a]), []);
    const [violation] = engineRuleViolations([a, b]);
    assert.match(violation ?? "", /^Duplicate resource alias 'urn:pulumi:test::p::polyaxon:index:Agent\$polyaxon:index:Connection::b\/data'/);
    assert.match(engineRuleViolations([a, a])[0] ?? "", /Duplicate resource URN/);
  });

  it("renders one values file per agent, and refuses two agents fighting over a namespace", async () => {
    const out = await runConfig({
      "polyaxon:agents": [
        { release: "a", namespace: "team-a", connections: [{ name: "x", kind: "git" }] },
        { release: "b", namespace: "team-b", connections: [{ name: "x", kind: "git" }] },
      ],
    });
    assert.deepEqual(Object.keys(out.values).sort(), ["a", "b"]);
    const fighting = loadStack(
      configSourceFrom({
        agents: [
          { release: "a", namespace: "team-a", additionalNamespaces: ["runs"] },
          { release: "b", namespace: "team-b", additionalNamespaces: ["runs"] },
        ],
      }),
    );
    assert.ok(fighting.diagnostics.some((d) => d.rule === "agents-form" && d.path === "polyaxon:agents[1].additionalNamespaces[0]"));
    const shared = loadStack(
      configSourceFrom({
        sharedNamespaces: ["runs"],
        agents: [
          { release: "a", namespace: "team-a", additionalNamespaces: ["runs"] },
          { release: "b", namespace: "team-b", additionalNamespaces: ["runs"] },
        ],
      }),
    );
    assert.ok(shared.stack, JSON.stringify(shared.diagnostics));
  });

  it("keeps the prod stack file free of secrets (every credential is synced by the operator)", () => {
    const text = readFileSync(join(PROJECT_ROOT, "Pulumi.prod.yaml"), "utf8");
    assert.doesNotMatch(text, /secure:/);
  });
});
