/**
 * Generated stacks for the benchmark, with the encrypted config values they read.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toYaml } from "../components/load/yaml.js";

/** Distinct credentials of a generated catalog: connections share them in turn, as teams share database users. */
const CREDENTIALS = 100;

/**
 * A catalog where every connection provisions the three objects real catalogs do: a Secret
 * from two secret config keys, a ConfigMap and a PVC (like-for-like comparisons). The
 * connections share 100 credential pairs: thousands of distinct secrets would not fit in
 * what `pulumi up` hands the program (README, "Large catalogs").
 */
export function threeObjectStackConfig(n: number): Record<string, unknown> {
  const config: Record<string, unknown> = { "kubernetes:context": "bench" };
  const connections = Array.from({ length: n }, (_, i) => {
    const [u, p] = [`u${i % CREDENTIALS}`, `p${i % CREDENTIALS}`];
    for (const k of [u, p]) config[`polyaxon:${k}`] = { secure: `v1:bench-ciphertext-${k}` };
    return {
      name: `conn-${i}`,
      kind: "volume_claim",
      schema: { volumeClaim: `conn-${i}`, mountPath: `/data/conn-${i}` },
      pvc: { size: "10Gi" },
      secret: { name: `conn-${i}-creds`, fromConfig: { DB_USER: u, DB_PASSWORD: p } },
      configMap: { name: `conn-${i}-cfg`, data: { DB_HOST: `db-${i}.example.com`, DB_PORT: "5432" } },
    };
  });
  return {
    ...config,
    "polyaxon:namespace": "bench",
    "polyaxon:artifactsStore": { name: "artifacts", kind: "s3", schema: { bucket: "s3://artifacts" }, secret: { name: "artifacts-s3" } },
    "polyaxon:connections": connections,
  };
}

/**
 * Write stack `name` of `threeObjectStackConfig(n)` into `dir`: its secrets and settings in
 * `Pulumi.<name>.yaml`, its catalog keys in `catalogs/<name>.yaml` (polyaxon:catalogFile).
 */
export function writeThreeObjectStack(dir: string, name: string, n: number): void {
  const config = threeObjectStackConfig(n);
  const catalog: Record<string, unknown> = {};
  for (const key of ["polyaxon:namespace", "polyaxon:artifactsStore", "polyaxon:connections"]) {
    catalog[key.slice("polyaxon:".length)] = config[key];
    delete config[key];
  }
  mkdirSync(join(dir, "catalogs"), { recursive: true });
  writeFileSync(join(dir, "catalogs", `${name}.yaml`), toYaml(catalog));
  writeFileSync(join(dir, `Pulumi.${name}.yaml`), toYaml({ config: { ...config, "polyaxon:catalogFile": `catalogs/${name}.yaml` } }));
}

/**
 * The catalog keys of a large stack for a catalog file: `n` connections, each a PVC, a
 * ConfigMap and a Secret; every `secretEvery`-th Secret from two secret config keys (set in
 * `secrets`), the others synced by the External Secrets Operator, so that config stays small.
 */
export function catalogFileKeys(n: number, secretEvery = 50): { catalog: Record<string, unknown>; secrets: Record<string, unknown> } {
  const secrets: Record<string, unknown> = {};
  const connections = Array.from({ length: n }, (_, i) => {
    const fromConfig = i % secretEvery === 0;
    if (fromConfig) for (const k of [`u${i}`, `p${i}`]) secrets[`polyaxon:${k}`] = { secure: `v1:ciphertext-of-${k}-0123456789abcdef` };
    const external = { store: { name: "vault" }, data: { DB_USER: { key: `db/conn-${i}`, property: "user" }, DB_PASSWORD: { key: `db/conn-${i}`, property: "password" } } };
    return {
      name: `conn-${i}`,
      kind: "volume_claim",
      schema: { volumeClaim: `conn-${i}`, mountPath: `/data/conn-${i}` },
      pvc: { size: "10Gi" },
      secret: fromConfig ? { name: `conn-${i}-creds`, fromConfig: { DB_USER: `u${i}`, DB_PASSWORD: `p${i}` } } : { name: `conn-${i}-creds`, external },
      configMap: { name: `conn-${i}-cfg`, data: { DB_HOST: `db-${i}.example.com`, DB_PORT: "5432" } },
    };
  });
  return {
    catalog: { namespace: "scale", artifactsStore: { name: "artifacts", kind: "s3", schema: { bucket: "s3://artifacts" }, secret: { name: "artifacts-s3" } }, connections },
    secrets,
  };
}

/**
 * A project folder (Pulumi.yaml of `root`) holding stack `big` with the catalog of
 * `catalogFileKeys(n, secretEvery)`: in the stack's config, or in `catalogs/big.yaml`.
 */
export function scaleProject(root: string, n: number, layout: "config" | "file", secretEvery = 50): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-scale-"));
  cpSync(join(root, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  const { catalog, secrets } = catalogFileKeys(n, secretEvery);
  const config: Record<string, unknown> = { "kubernetes:context": "scale", ...secrets };
  if (layout === "config") {
    for (const [k, v] of Object.entries(catalog)) config[`polyaxon:${k}`] = v;
  } else {
    config["polyaxon:catalogFile"] = "catalogs/big.yaml";
    mkdirSync(join(dir, "catalogs"));
    writeFileSync(join(dir, "catalogs/big.yaml"), toYaml(catalog));
  }
  writeFileSync(join(dir, "Pulumi.big.yaml"), toYaml({ config }));
  return dir;
}
