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
  return new Agent("plx", { catalog, secretValue: (key) => pulumi.secret(secretValue(key)) });
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
    assert.deepEqual(connections.map((c) => c.name), (everyKind.connections as { name: string }[]).map((c) => `plx/${c.name}`));
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
    const objects = registered.filter((r) => r.type.startsWith("kubernetes:")).map((r) => `${r.type} ${r.name}`).sort();
    assert.deepEqual(objects, [
      "kubernetes:core/v1:ConfigMap team/db-cfg",
      "kubernetes:core/v1:PersistentVolumeClaim team/vol",
      "kubernetes:core/v1:Secret team/db",
    ]);
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

  it("rolls the gateway pod when a Secret it reads changes, through gateway.annotations", async () => {
    const config = {
      artifactsStore: { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "store-s3", s3: { accessKeyId: "id", secretAccessKey: "key" } } },
      connections: [{ name: "unmounted", kind: "mysql", secret: { name: "db", fromConfig: { MYSQL_PWD: "pwd" } } }],
      agent: { deploy: true, values: { annotations: { team: "ml" } } },
    };
    const keys = ["polyaxon:id", "polyaxon:key", "polyaxon:pwd"];
    const annotationsFor = async (secretValue: (key: string) => string) => {
      resetRegistered();
      const agent = agentFor(config, keys, secretValue);
      await settle(agent);
      await settled([agent.release!]);
      const release = registered.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
      assert.deepEqual(agent.plan.helmRelease!.rolloutFrom, ["Secret/polyaxon/store-s3"]);
      return ((release.inputs.values as { gateway: { annotations: Record<string, string> } }).gateway.annotations);
    };
    const first = await annotationsFor((k) => `v1-${k}`);
    assert.equal(first.team, "ml", "top-level annotations are carried over");
    assert.match(first[ROLLOUT_ANNOTATION]!, /^[0-9a-f]{16}$/);
    assert.deepEqual(await annotationsFor((k) => `v1-${k}`), first, "same data, same version");
    const rotated = await annotationsFor((k) => (k === "polyaxon:key" ? "v2" : `v1-${k}`));
    assert.notEqual(rotated[ROLLOUT_ANNOTATION], first[ROLLOUT_ANNOTATION]);
    const otherSecret = await annotationsFor((k) => (k === "polyaxon:pwd" ? "v2" : `v1-${k}`));
    assert.equal(otherSecret[ROLLOUT_ANNOTATION], first[ROLLOUT_ANNOTATION], "a Secret the gateway does not read does not roll it");
  });
});
