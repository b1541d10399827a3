/**
 * Generated stacks for the benchmark, with the encrypted config values they read.
 */

/**
 * A catalog where every connection provisions the three objects real catalogs do: a Secret
 * from two secret config keys, a ConfigMap and a PVC (like-for-like comparisons).
 */
export function threeObjectStackConfig(n: number): Record<string, unknown> {
  const config: Record<string, unknown> = { "kubernetes:context": "bench" };
  const connections = Array.from({ length: n }, (_, i) => {
    for (const k of [`u${i}`, `p${i}`]) config[`polyaxon:${k}`] = { secure: `v1:bench-ciphertext-${k}` };
    return {
      name: `conn-${i}`,
      kind: "volume_claim",
      schema: { volumeClaim: `conn-${i}`, mountPath: `/data/conn-${i}` },
      pvc: { size: "10Gi" },
      secret: { name: `conn-${i}-creds`, fromConfig: { DB_USER: `u${i}`, DB_PASSWORD: `p${i}` } },
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
