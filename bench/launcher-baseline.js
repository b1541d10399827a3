// The like-for-like baseline under the real launcher: a hand-written Pulumi program that
// reads the same catalog file and registers the same objects as the stack program — one
// component per connection with its Secret (from two secret config keys) or ExternalSecret,
// its ConfigMap and its PVC (retainOnDelete), on an explicit provider. Run by the SDK's
// launcher as `main` of a project (bench/scale.ts, test/scale.test.ts).
"use strict";
const { readFileSync } = require("node:fs");
const k8s = require("@pulumi/kubernetes");
const pulumi = require("@pulumi/pulumi");
const { load, CORE_SCHEMA } = require("js-yaml");

class BaselineConnection extends pulumi.ComponentResource {
  constructor(name, opts) {
    super("baseline:index:Connection", name, {}, opts);
  }
}

const config = new pulumi.Config("polyaxon");
const catalog = load(readFileSync(config.require("catalogFile"), "utf8"), { schema: CORE_SCHEMA });
const { namespace } = catalog;
const provider = new k8s.Provider("kubernetes", { context: new pulumi.Config("kubernetes").require("context") });
const labels = {
  "app.kubernetes.io/component": "connection",
  "app.kubernetes.io/instance": "polyaxon-agent",
  "app.kubernetes.io/managed-by": "pulumi",
  "app.kubernetes.io/part-of": "polyaxon",
};
for (const c of catalog.connections) {
  const parent = new BaselineConnection(c.name, { providers: { kubernetes: provider } });
  const meta = (name) => ({ name, namespace, labels, annotations: { "polyaxon.com/connection": c.name } });
  if (c.secret.fromConfig) {
    const stringData = Object.fromEntries(Object.entries(c.secret.fromConfig).map(([k, key]) => [k, config.requireSecret(key)]));
    new k8s.core.v1.Secret(`${namespace}/${c.secret.name}`, { metadata: meta(c.secret.name), type: "Opaque", stringData }, { parent });
  } else {
    const { store, data } = c.secret.external;
    new k8s.apiextensions.CustomResource(
      `${namespace}/${c.secret.name}`,
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        metadata: meta(c.secret.name),
        spec: {
          refreshInterval: "1h",
          secretStoreRef: { name: store.name, kind: "SecretStore" },
          target: { name: c.secret.name },
          data: Object.entries(data).map(([secretKey, ref]) => ({ secretKey, remoteRef: ref })),
        },
      },
      { parent },
    );
  }
  new k8s.core.v1.ConfigMap(`${namespace}/${c.configMap.name}`, { metadata: meta(c.configMap.name), data: c.configMap.data }, { parent });
  new k8s.core.v1.PersistentVolumeClaim(
    `${namespace}/${c.schema.volumeClaim}`,
    { metadata: meta(c.schema.volumeClaim), spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: c.pvc.size } } } },
    { parent, retainOnDelete: true },
  );
  parent.registerOutputs({});
}
