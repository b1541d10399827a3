/**
 * The stack program on the SDK's mock engine: it registers exactly what `render` writes,
 * keeps secret data secret, protects PVCs, and registers nothing from invalid config.
 */
import { strict as assert } from "node:assert";
import { readStackConfig } from "../cli/stack-file.js";
import { renderFiles } from "../cli/render.js";
import { loadStack, planStack, ROLLOUT_ANNOTATION } from "../components/internal.js";
import { runStack, stackResources } from "../program.js";
import { kubernetesObjectsOf, registeredManifests, renderedManifests } from "./helpers/render-compare.js";
import { isSecretValue, registered, resetRegistered, setConfig, settled, valueOf } from "./helpers/pulumi-mocks.js";
import { canaryFor, exampleStacks, FIXTURE_STACKS, loadStackIntoConfig, yamlOf } from "./helpers/stacks.js";

const kubernetesObjects = () => kubernetesObjectsOf(registered);

/** Run the program for a stack file and wait for every registration. */
async function runExample(dir: string, stack: string) {
  resetRegistered();
  const { secrets } = loadStackIntoConfig(dir, stack);
  const out = runStack();
  await settled(stackResources(out));
  return { out, secrets };
}

describe("stack program on the mock engine", () => {
  for (const { dir, stack } of exampleStacks()) {
    it(`registers exactly what render writes for stack ${stack}`, async () => {
      const { out, secrets } = await runExample(dir, stack);
      const { stack: model } = loadStack(readStackConfig(dir, stack));
      assert.ok(model);
      const stackPlan = planStack(model);
      const files = renderFiles(stackPlan);

      const rendered = renderedManifests(files);
      assert.deepEqual(registeredManifests(registered, stackPlan, secrets), rendered);
      assert.deepEqual(out.objects, [...rendered.keys()].sort());

      const releases = registered.filter((r) => r.type === "kubernetes:helm.sh/v3:Release");
      assert.equal(releases.length, stackPlan.agents.filter((a) => a.helmRelease).length);
      for (const plan of stackPlan.agents) {
        assert.equal(await valueOf(out.values[plan.release]!), files.get(`values/${plan.release}.yaml`));
        if (!plan.helmRelease) continue;
        const expected = yamlOf(files.get(`releases/${plan.release}.yaml`)!) as Record<string, unknown>;
        const inputs = releases.find((r) => r.inputs.name === plan.release)!.inputs;
        assert.deepEqual(
          { name: inputs.name, namespace: inputs.namespace, chart: inputs.chart, version: inputs.version, repo: (inputs.repositoryOpts as { repo: string }).repo },
          { name: expected.name, namespace: expected.namespace, chart: expected.chart, version: expected.version, repo: expected.repo },
        );
        // The release gets the values file as it is, the rollout annotation included.
        const values = yamlOf(files.get(`values/${plan.release}.yaml`)!) as { gateway?: { annotations?: Record<string, string> } };
        assert.equal(values.gateway?.annotations?.[ROLLOUT_ANNOTATION] !== undefined, plan.helmRelease.rolloutFrom.length > 0);
        assert.deepEqual(inputs.values, values);
      }
      // Every Kubernetes object uses the stack's explicit cluster provider.
      const provider = registered.find((r) => r.type === "pulumi:providers:kubernetes")!;
      assert.ok(provider);
      for (const r of kubernetesObjects()) assert.ok(r.provider.startsWith(provider.urn), `${r.name} uses ${r.provider}`);
    });
  }

  it("creates Secret data as a Pulumi secret (pulumi.isSecret)", async () => {
    const { out } = await runExample(FIXTURE_STACKS, "provisioned");
    const secret = out.agents[0]!.connections.find((c) => c.entry.name === "s3-datasets")!.resources[0]!;
    const stringData = (secret as unknown as { stringData: import("@pulumi/pulumi").Output<unknown> }).stringData;
    const pulumi = await import("@pulumi/pulumi");
    assert.equal(await pulumi.isSecret(stringData), true);
    assert.deepEqual(await valueOf(stringData), {
      AWS_ACCESS_KEY_ID: canaryFor("polyaxon:s3AccessKeyId"),
      AWS_SECRET_ACCESS_KEY: canaryFor("polyaxon:s3SecretAccessKey"),
    });
  });

  it("keeps PVCs on delete, parents objects to their components, and deploys the chart last", async () => {
    await runExample(FIXTURE_STACKS, "provisioned");
    const pvcs = registered.filter((r) => r.type === "kubernetes:core/v1:PersistentVolumeClaim");
    assert.deepEqual(pvcs.map((p) => p.name).sort(), ["ml-team/features", "ml-team/team-artifacts"]);
    assert.ok(pvcs.every((p) => p.retainOnDelete));
    assert.ok(registered.filter((r) => r.type !== "kubernetes:core/v1:PersistentVolumeClaim").every((r) => !r.retainOnDelete));

    const byUrn = new Map(registered.map((r) => [r.urn, r]));
    const parentType = (name: string) => byUrn.get(registered.find((r) => r.name === name)!.parent)?.type;
    assert.equal(parentType("ml-team/team-artifacts"), "polyaxon:index:ArtifactsStore");
    assert.equal(parentType("ml-team/s3-datasets-credentials"), "polyaxon:index:Connection");
    assert.equal(parentType("ml-team/team-agent-token"), "polyaxon:index:Agent");
    assert.equal(parentType("team-agent/s3-datasets"), "polyaxon:index:Agent");

    const release = registered.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
    const deps = new Set(release.dependencies);
    for (const name of ["ml-team/team-agent-token", "ml-team/team-artifacts", "ml-team/features"]) {
      assert.ok(deps.has(registered.find((r) => r.name === name)!.urn), `release waits for ${name}`);
    }
  });

  it("registers no resource at all when the config is invalid, and lists every problem", () => {
    resetRegistered();
    setConfig({
      "polyaxon:artifactsStore": JSON.stringify({ name: "store", kind: "git" }),
      "polyaxon:connections": JSON.stringify([
        { name: "a", kind: "S3", schema: { bucket: "s3://a" } },
        { name: "b", kind: "s3", schema: {} },
      ]),
    });
    assert.throws(
      () => runStack(),
      (err: Error) =>
        /polyaxon:artifactsStore\.kind/.test(err.message) && /polyaxon:connections\[0\]\.kind/.test(err.message) && /polyaxon:connections\[1\]\.schema\.bucket/.test(err.message),
    );
    assert.equal(registered.length, 0);
  });

  it("keeps a cluster context set with --secret secret in the provider, and refuses a plain kubeconfig with credentials", async () => {
    resetRegistered();
    setConfig({}, { "kubernetes:context": "CANARY-context-9d2f7c" });
    await settled(stackResources(runStack()));
    const provider = registered.find((r) => r.type === "pulumi:providers:kubernetes")!;
    assert.ok(isSecretValue(provider.inputs.context), "the context is a secret input");

    resetRegistered();
    const kubeconfig = "apiVersion: v1\nusers:\n- name: ci\n  user:\n    token: CANARY-token-9d2f7c\n";
    setConfig({ "kubernetes:kubeconfig": kubeconfig });
    assert.throws(
      () => runStack(),
      (err: Error) =>
        /kubernetes:kubeconfig: holds cluster credentials .* in clear.*pulumi config set --secret kubernetes:kubeconfig/s.test(err.message) && !/CANARY/.test(err.message),
    );
    assert.equal(registered.length, 0);
    // The same kubeconfig set with --secret is accepted, and stays secret.
    setConfig({}, { "kubernetes:kubeconfig": kubeconfig });
    await settled(stackResources(runStack()));
    assert.ok(isSecretValue(registered.find((r) => r.type === "pulumi:providers:kubernetes")!.inputs.kubeconfig));
  });
});
