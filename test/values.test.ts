/**
 * The rendered Helm values: a catalog in Polyaxon's own format comes out unchanged, passes
 * Polyaxon's rules, mounts what it declares in the chart's gateway pod, and renders
 * byte-identically whatever the key order.
 */
import { strict as assert } from "node:assert";
import { reverseKeys } from "./helpers/key-order.js";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fromYaml as parse } from "../components/load/yaml.js";
import { readStackConfig } from "../cli/stack-file.js";
import { CONNECTION_KINDS, configSourceFrom, DEFAULT_ARTIFACTS_STORE, loadCatalog, renderValues, renderValuesYaml, toYaml } from "../components/internal.js";
import { AGENT_CHART, gatewayPodOf, helmTemplate } from "./helpers/helm.js";
import { assertGolden } from "./helpers/golden.js";
import { polyaxonValuesProblems } from "./helpers/polyaxon-rules.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

const everyKind = parse(readFileSync(resolve(__dirname, "fixtures/every-kind-values.yaml"), "utf8")) as {
  artifactsStore: Record<string, unknown>;
  connections: Record<string, unknown>[];
  mountConnections: string[];
};

function catalogOf(config: Record<string, unknown>, secretKeys: string[] = []) {
  const { catalog, diagnostics } = loadCatalog(configSourceFrom(config, secretKeys));
  assert.ok(catalog, JSON.stringify(diagnostics, null, 1));
  return catalog;
}

describe("Helm values", () => {
  it("the every-kind fixture holds each kind once", () => {
    assert.deepEqual(everyKind.connections.map((c) => c.kind).sort(), [...CONNECTION_KINDS].sort());
  });

  it("renders a catalog copied from Helm values unchanged", () => {
    const values = renderValues(catalogOf(everyKind));
    assert.deepEqual(values.artifactsStore, everyKind.artifactsStore);
    assert.deepEqual(values.connections, everyKind.connections);
    assert.deepEqual(values.mountConnections, everyKind.mountConnections);
  });

  it("produces values that pass Polyaxon's own schema rules", () => {
    const values = renderValues(catalogOf(everyKind));
    assert.deepEqual(polyaxonValuesProblems(values, CONNECTION_KINDS), []);
    // The oracle is not blind: it refuses what Polyaxon refuses.
    const broken = structuredClone(values) as { connections: Record<string, unknown>[] };
    broken.connections[1]!.schema = { volumeClaim: "x", mountPath: "/x", subPath: "a" };
    broken.connections[2]!.secret = { name: "s", defaultMode: 384 };
    assert.equal(polyaxonValuesProblems(broken, CONNECTION_KINDS).length, 2);
  });

  it("mounts every mounted connection's volume, Secret and ConfigMap as declared in the chart's gateway pod (real helm)", function () {
    this.timeout(60000);
    const values = renderValues(catalogOf(everyKind));
    const pod = gatewayPodOf(helmTemplate(AGENT_CHART, "r", "polyaxon", toYaml(values)).objects, "r");
    assert.deepEqual(pod.envFrom, [
      { secretRef: { name: "s3-secret" } }, // the store's secret, no mountPath
      { secretRef: { name: "pg-credentials" } },
      { configMapRef: { name: "pg-settings" } },
    ]);
    assert.deepEqual(pod.volumes, [
      { name: "node-scratch", hostPath: { path: "/mnt/scratch" } },
      { name: "training-data", persistentVolumeClaim: { claimName: "training-data-pvc" } },
      { name: "gcs-secret", secret: { secretName: "gcs-secret" } },
      { name: "docker-conf", secret: { secretName: "docker-conf" } },
    ]);
    assert.deepEqual(
      pod.volumeMounts.map((m) => `${String(m.name)}:${String(m.mountPath)}`),
      ["node-scratch:/scratch", "training-data:/data/training", "gcs-secret:/plx-context/.gc", "docker-conf:/kaniko/.docker"],
    );
    const names = pod.volumes.map((v) => v.name);
    assert.equal(new Set(names).size, names.length, "the API server rejects duplicate volume names");
  });

  it("writes the default artifacts store explicitly when none is set", () => {
    const catalog = catalogOf({ connections: [] });
    assert.equal(catalog.usesDefaultStore, true);
    assert.deepEqual(renderValues(catalog).artifactsStore, DEFAULT_ARTIFACTS_STORE);
    assert.match(catalog.warnings[0]!.message, /single-node/);
  });

  it("strips provisioning keys and renders agent settings without any token", () => {
    const values = renderValues(
      catalogOf(
        {
          artifactsStore: {
            name: "store",
            kind: "volume_claim",
            schema: { volumeClaim: "store", mountPath: "/store" },
            pvc: { size: "1Gi" },
          },
          connections: [
            {
              name: "db",
              kind: "postgres",
              secret: { name: "db", fromConfig: { PGPASSWORD: "dbPassword" } },
              configMap: { name: "db-settings", data: { PGHOST: "db" } },
            },
          ],
          agent: {
            instance: "acme.1234",
            agentSecret: { name: "token", fromConfig: { POLYAXON_AUTH_TOKEN: "agentToken" } },
            values: { agent: { resources: { limits: { cpu: "1" } } } },
          },
        },
        ["polyaxon:dbPassword", "polyaxon:agentToken"],
      ),
    );
    assert.deepEqual(values.artifactsStore, { name: "store", kind: "volume_claim", schema: { volumeClaim: "store", mountPath: "/store" } });
    assert.deepEqual(values.connections, [{ name: "db", kind: "postgres", secret: { name: "db" }, configMap: { name: "db-settings" } }]);
    assert.equal(values.agentSecret, "token");
    assert.deepEqual(values.agent, { resources: { limits: { cpu: "1" } }, instance: "acme.1234" });
  });

  it("is byte-identical across runs and across key order", () => {
    const a = renderValuesYaml(catalogOf(everyKind));
    const b = renderValuesYaml(catalogOf(everyKind));
    const c = renderValuesYaml(catalogOf(reverseKeys(everyKind) as Record<string, unknown>));
    assert.equal(a, b);
    assert.equal(a, c);
  });

  it("matches the golden values of the every-kind catalog", () => {
    assertGolden("every-kind-values.yaml", renderValuesYaml(catalogOf(everyKind)));
  });

  it("matches the golden values of the dev stack", () => {
    const { catalog } = loadCatalog(readStackConfig(PROJECT_ROOT, "dev"));
    assert.ok(catalog);
    assertGolden("dev-values.yaml", renderValuesYaml(catalog));
  });
});
