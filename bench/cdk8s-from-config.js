// The like-for-like cdk8s baseline: from the same stack file (and its catalog file), the same Secret (data
// redacted as ours is), ConfigMap and PVC per connection, with the same labels and
// annotation, in cdk8s's default output (one file per chart) or, with a third argument
// `per-object`, one file per object as render writes; plus the values file.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { App, Chart, ApiObject, YamlOutputType } = require("cdk8s");
const { load, dump, CORE_SCHEMA } = require("js-yaml");

const [stackFile, outdir, layout] = process.argv.slice(2);
const stackConfig = load(fs.readFileSync(stackFile, "utf8"), { schema: CORE_SCHEMA }).config;
// The catalog keys, from the catalog file the stack names (as `polyaxon:<key>`).
const catalogFile = path.join(path.dirname(stackFile), stackConfig["polyaxon:catalogFile"]);
const catalog = load(fs.readFileSync(catalogFile, "utf8"), { schema: CORE_SCHEMA });
const config = { ...stackConfig, ...Object.fromEntries(Object.entries(catalog).map(([k, v]) => [`polyaxon:${k}`, v])) };
const namespace = config["polyaxon:namespace"];
const connections = config["polyaxon:connections"];
const labels = {
  "app.kubernetes.io/component": "connection",
  "app.kubernetes.io/instance": "polyaxon-agent",
  "app.kubernetes.io/managed-by": "pulumi",
  "app.kubernetes.io/part-of": "polyaxon",
};
const metadata = (name, connection) => ({ name, namespace, labels, annotations: { "polyaxon.com/connection": connection } });

const yamlOutputType = layout === "per-object" ? YamlOutputType.FILE_PER_RESOURCE : YamlOutputType.FILE_PER_CHART;
const app = new App({ outdir: path.join(outdir, "manifests"), yamlOutputType });
const chart = new Chart(app, "catalog", { disableResourceNameHashes: true });
for (const c of connections) {
  const stringData = Object.fromEntries(Object.entries(c.secret.fromConfig).map(([k, key]) => [k, `<redacted: from config polyaxon:${key}>`]));
  new ApiObject(chart, `secret-${c.name}`, { apiVersion: "v1", kind: "Secret", metadata: metadata(c.secret.name, c.name), type: "Opaque", stringData });
  new ApiObject(chart, `cm-${c.name}`, { apiVersion: "v1", kind: "ConfigMap", metadata: metadata(c.configMap.name, c.name), data: c.configMap.data });
  new ApiObject(chart, `pvc-${c.name}`, {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: metadata(c.schema.volumeClaim, c.name),
    spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: c.pvc.size } } },
  });
}
app.synth();
const entry = ({ pvc, secret, configMap, ...rest }) => ({ ...rest, secret: { name: secret.name }, configMap: { name: configMap.name } });
const values = { artifactsStore: config["polyaxon:artifactsStore"], connections: connections.map(entry), mountConnections: [] };
fs.mkdirSync(path.join(outdir, "values"), { recursive: true });
fs.writeFileSync(path.join(outdir, "values", "polyaxon-agent.yaml"), dump(values, { sortKeys: true, lineWidth: -1 }));
