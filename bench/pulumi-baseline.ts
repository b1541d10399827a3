/**
 * The like-for-like Pulumi baseline: a hand-written program registering the same objects
 * as the stack program for a three-object catalog — one component per connection with its
 * Secret (from two secret config keys), ConfigMap and PVC (retainOnDelete), on an explicit
 * provider — on the same mock engine. Args: project dir, stack. Prints {seconds, resources}.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { load, CORE_SCHEMA } from "js-yaml";

interface Conn {
  name: string;
  schema: { volumeClaim: string };
  pvc: { size: string };
  secret: { name: string; fromConfig: Record<string, string> };
  configMap: { name: string; data: Record<string, string> };
}

/** One connection's component, as a hand-written program would declare it. */
class BenchConnection extends pulumi.ComponentResource {
  constructor(name: string, opts: pulumi.ComponentResourceOptions) {
    super("bench:index:Connection", name, {}, opts);
  }
  done(): void {
    this.registerOutputs({});
  }
}

async function main() {
  const [dir, stack] = process.argv.slice(2) as [string, string];
  const start = process.hrtime.bigint();
  let resources = 0;
  pulumi.runtime.setMocks(
    { newResource: (a) => (resources++, { id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs },
    "polyaxon-connections",
    stack,
    false,
  );
  const config = (load(readFileSync(join(resolve(dir), `Pulumi.${stack}.yaml`), "utf8"), { schema: CORE_SCHEMA }) as { config: Record<string, unknown> }).config;
  const secrets = Object.keys(config).filter((k) => typeof config[k] === "object" && config[k] !== null && "secure" in (config[k] as object));
  pulumi.runtime.setAllConfig(Object.fromEntries(secrets.map((k) => [k, "value"])), secrets);
  const all = pulumi.runtime.allConfig();
  const namespace = config["polyaxon:namespace"] as string;
  const provider = new k8s.Provider("kubernetes", { context: "bench" });
  const labels = { "app.kubernetes.io/component": "connection", "app.kubernetes.io/instance": "polyaxon-agent", "app.kubernetes.io/managed-by": "pulumi", "app.kubernetes.io/part-of": "polyaxon" };
  const registered: pulumi.Resource[] = [provider];
  for (const c of config["polyaxon:connections"] as Conn[]) {
    const parent = new BenchConnection(c.name, { providers: { kubernetes: provider } });
    const meta = (name: string) => ({ name, namespace, labels, annotations: { "polyaxon.com/connection": c.name } });
    const stringData = Object.fromEntries(Object.entries(c.secret.fromConfig).map(([k, key]) => [k, pulumi.secret(all[`polyaxon:${key}`]!)]));
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
