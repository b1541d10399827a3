// The like-for-like Pulumi baseline: a hand-written program registering the same objects
// as the stack program for a three-object catalog — one component per connection with its
// Secret (from two secret config keys), ConfigMap and PVC (retainOnDelete), on an explicit
// provider — on the same mock engine, run the same way (plain Node). Args: project dir,
// stack. Prints {seconds, resources} as JSON.
"use strict";
const { readFileSync } = require("node:fs");
const path = require("node:path");
const k8s = require("@pulumi/kubernetes");
const pulumi = require("@pulumi/pulumi");
const { load, CORE_SCHEMA } = require("js-yaml");

/** One connection's component, as a hand-written program would declare it. */
class BenchConnection extends pulumi.ComponentResource {
  constructor(name, opts) {
    super("bench:index:Connection", name, {}, opts);
  }
  done() {
    this.registerOutputs({});
  }
}

async function main() {
  const [dir, stack] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  let resources = 0;
  pulumi.runtime.setMocks({ newResource: (a) => (resources++, { id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "polyaxon-connections", stack, false);
  const stackConfig = load(readFileSync(path.join(path.resolve(dir), `Pulumi.${stack}.yaml`), "utf8"), { schema: CORE_SCHEMA }).config;
  // The catalog keys, from the catalog file the stack names.
  const catalog = load(readFileSync(path.join(path.resolve(dir), stackConfig["polyaxon:catalogFile"]), "utf8"), { schema: CORE_SCHEMA });
  const config = { ...stackConfig, ...Object.fromEntries(Object.entries(catalog).map(([k, v]) => [`polyaxon:${k}`, v])) };
  const secrets = Object.keys(config).filter((k) => typeof config[k] === "object" && config[k] !== null && "secure" in config[k]);
  pulumi.runtime.setAllConfig(Object.fromEntries(secrets.map((k) => [k, "value"])), secrets);
  const all = pulumi.runtime.allConfig();
  const namespace = config["polyaxon:namespace"];
  const provider = new k8s.Provider("kubernetes", { context: "bench" });
  const labels = {
    "app.kubernetes.io/component": "connection",
    "app.kubernetes.io/instance": "polyaxon-agent",
    "app.kubernetes.io/managed-by": "pulumi",
    "app.kubernetes.io/part-of": "polyaxon",
  };
  const registered = [provider];
  for (const c of config["polyaxon:connections"]) {
    const parent = new BenchConnection(c.name, { providers: { kubernetes: provider } });
    const meta = (name) => ({ name, namespace, labels, annotations: { "polyaxon.com/connection": c.name } });
    const stringData = Object.fromEntries(Object.entries(c.secret.fromConfig).map(([k, key]) => [k, pulumi.secret(all[`polyaxon:${key}`])]));
    registered.push(
      parent,
      new k8s.core.v1.Secret(`${namespace}/${c.secret.name}`, { metadata: meta(c.secret.name), type: "Opaque", stringData }, { parent }),
      new k8s.core.v1.ConfigMap(`${namespace}/${c.configMap.name}`, { metadata: meta(c.configMap.name), data: c.configMap.data }, { parent }),
      new k8s.core.v1.PersistentVolumeClaim(
        `${namespace}/${c.schema.volumeClaim}`,
        { metadata: meta(c.schema.volumeClaim), spec: { accessModes: ["ReadWriteMany"], resources: { requests: { storage: c.pvc.size } } } },
        { parent, retainOnDelete: true },
      ),
    );
    parent.done();
  }
  await Promise.all(registered.map((r) => new Promise((ok) => r.urn.apply(ok))));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, resources }));
}

void main();
