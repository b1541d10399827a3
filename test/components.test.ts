/**
 * The components on the mock engine: one Connection per entry of every kind, an
 * ArtifactsStore, and objects only where an entry provisions them.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { fromYaml as parse } from "../components/catalog/yaml.js";
import { Agent, configSourceFrom, loadCatalog } from "../components/index.js";
import { registered, resetRegistered, settled } from "./helpers/pulumi-mocks.js";

const everyKind = parse(readFileSync(resolve(__dirname, "fixtures/every-kind-values.yaml"), "utf8")) as Record<string, unknown>;

function agentFor(config: Record<string, unknown>, secretKeys: string[] = []) {
  const { catalog, diagnostics } = loadCatalog(configSourceFrom(config, secretKeys));
  assert.ok(catalog, JSON.stringify(diagnostics));
  return new Agent("plx", { catalog, secretValue: (key) => pulumi.secret(`value-of-${key}`) });
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
    assert.equal(connections.length, 45);
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
  });
});
