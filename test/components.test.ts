/**
 * The components on the mock engine: one Connection per entry of every kind, an
 * ArtifactsStore, and objects only where an entry provisions them.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { fromYaml as parse } from "../components/load/yaml.js";
import { Agent, CONNECTION_KINDS, configSourceFrom, loadCatalog, ROLLOUT_ANNOTATION } from "../components/internal.js";
import { registered, registeredOutputs, resetRegistered, settled } from "./helpers/pulumi-mocks.js";

const everyKind = parse(readFileSync(resolve(__dirname, "fixtures/every-kind-values.yaml"), "utf8")) as Record<string, unknown>;

function agentFor(config: Record<string, unknown>, secretKeys: string[] = [], secretValue = (key: string) => `value-of-${key}`) {
  const { catalog, diagnostics } = loadCatalog(configSourceFrom(config, secretKeys));
  assert.ok(catalog, JSON.stringify(diagnostics));
  return Agent.fromCatalog("plx", { catalog, secretValue: (key) => pulumi.secret(secretValue(key)) });
}

async function settle(agent: Agent) {
  await settled([agent, agent.artifactsStore, ...agent.artifactsStore.resources, ...agent.connections.flatMap((c) => [c, ...c.resources]), ...agent.resources]);
}

describe("components", () => {
  beforeEach(resetRegistered);

  it("registers one Connection per entry of every kind and no object for referenced Secrets", async () => {
    const agent = agentFor(everyKind);
    await settle(agent);
    const connections = registered.filter((r) => r.type === "polyaxon:index:Connection");
    assert.equal(connections.length, CONNECTION_KINDS.length);
    assert.deepEqual(
      connections.map((c) => c.name),
      (everyKind.connections as { name: string }[]).map((c) => `plx/${c.name}`),
    );
    assert.equal(registered.filter((r) => r.type === "polyaxon:index:ArtifactsStore").length, 1);
    assert.equal(registered.filter((r) => r.type.startsWith("kubernetes:")).length, 0);
    assert.deepEqual(agent.connections[2]!.entry, (everyKind.connections as unknown[])[2]);
  });

  it("creates a Secret, a ConfigMap and a PVC only for the entries that provision them", async () => {
    const agent = agentFor(
      {
        namespace: "team",
        connections: [
          { name: "db", kind: "mysql", secret: { name: "db", fromConfig: { MYSQL_PWD: "dbPwd" } }, configMap: { name: "db-cfg", data: { MYSQL_HOST: "db" } } },
          { name: "vol", kind: "volume_claim", schema: { volumeClaim: "vol", mountPath: "/vol" }, pvc: { size: "5Gi" } },
          { name: "ref", kind: "redis", secret: { name: "redis" } },
        ],
      },
      ["polyaxon:dbPwd"],
    );
    await settle(agent);
    const objects = registered
      .filter((r) => r.type.startsWith("kubernetes:"))
      .map((r) => `${r.type} ${r.name}`)
      .sort();
    assert.deepEqual(objects, ["kubernetes:core/v1:ConfigMap team/db-cfg", "kubernetes:core/v1:PersistentVolumeClaim team/vol", "kubernetes:core/v1:Secret team/db"]);
    const pvc = registered.find((r) => r.type === "kubernetes:core/v1:PersistentVolumeClaim")!;
    assert.deepEqual(pvc.inputs.spec, { accessModes: ["ReadWriteMany"], resources: { requests: { storage: "5Gi" } } });
    const labels = (pvc.inputs.metadata as { labels: Record<string, string> }).labels;
    assert.equal(labels["app.kubernetes.io/instance"], "polyaxon-agent");
    assert.equal(labels["app.kubernetes.io/managed-by"], "pulumi");
    assert.deepEqual(agent.objectIds, ["ConfigMap/team/db-cfg", "PersistentVolumeClaim/team/vol", "Secret/team/db"]);
    // The state holds each object once, as a resource: the Agent's outputs are its values only
    // (a list of every object id in them cost the SDK an await per object).
    const outputs = registeredOutputs.find((o) => o.urn.endsWith("polyaxon:index:Agent::plx"));
    assert.deepEqual(Object.keys(outputs?.outputs ?? {}), ["valuesYaml"]);
  });

  it("rolls the gateway pod when what the stack writes for it changes, never from a secret's value", async () => {
    const config = {
      artifactsStore: { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "store-s3", s3: { accessKeyId: "id", secretAccessKey: "key" } } },
      connections: [{ name: "unmounted", kind: "mysql", secret: { name: "db", fromConfig: { MYSQL_PWD: "pwd" } } }],
      agent: { deploy: true, values: { annotations: { team: "ml" } } },
    };
    const keys = ["polyaxon:id", "polyaxon:id2", "polyaxon:key", "polyaxon:pwd"];
    /** The annotations the Release gets, for config stored as `stored` says and secrets of value `secretValue`. */
    const annotationsFor = async (c: Record<string, unknown>, stored: (key: string) => string, secretValue: (key: string) => string) => {
      resetRegistered();
      const { catalog } = loadCatalog({ ...configSourceFrom(c, keys), storedVersion: stored });
      assert.ok(catalog);
      const agent = Agent.fromCatalog("plx", { catalog, secretValue: (key) => pulumi.secret(secretValue(key)) });
      await settle(agent);
      await settled([agent.release!]);
      const release = registered.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
      assert.deepEqual(agent.plan.helmRelease!.rolloutFrom, ["Secret/polyaxon/store-s3"]);
      const annotations = (release.inputs.values as { gateway: { annotations: Record<string, string> } }).gateway.annotations;
      assert.deepEqual(annotations, (agent.values.gateway as { annotations: unknown }).annotations, "the release gets the values the plan (and render) has");
      return annotations;
    };
    const v1 = (k: string) => `ct1-${k}`;
    const first = await annotationsFor(config, v1, (k) => `v1-${k}`);
    assert.equal(first.team, "ml", "top-level annotations are carried over");
    assert.match(first[ROLLOUT_ANNOTATION]!, /^[0-9a-f]{16}$/);
    assert.deepEqual(await annotationsFor(config, v1, (k) => `v2-${k}`), first, "a secret's value never enters the digest");
    const reset = await annotationsFor(
      config,
      (k) => (k === "polyaxon:key" ? "ct2" : v1(k)),
      (k) => `v1-${k}`,
    );
    assert.notEqual(reset[ROLLOUT_ANNOTATION], first[ROLLOUT_ANNOTATION], "setting a key the gateway reads again rolls it");
    const other = await annotationsFor(
      config,
      (k) => (k === "polyaxon:pwd" ? "ct2" : v1(k)),
      (k) => `v1-${k}`,
    );
    assert.equal(other[ROLLOUT_ANNOTATION], first[ROLLOUT_ANNOTATION], "a Secret the gateway does not read does not roll it");
    const moved = { ...config, artifactsStore: { ...config.artifactsStore, secret: { name: "store-s3", s3: { accessKeyId: "id2", secretAccessKey: "key" } } } };
    const rewired = await annotationsFor(moved, v1, (k) => `v1-${k}`);
    assert.notEqual(rewired[ROLLOUT_ANNOTATION], first[ROLLOUT_ANNOTATION], "a Secret key read from another config key rolls it");
  });
});
