/**
 * Generated stacks for the benchmark: `n` connections of mixed kinds, with provisioned
 * Secrets (from secret config), ConfigMaps and PVCs, plus the encrypted config values.
 */

/** The `config:` mapping of `Pulumi.<stack>.yaml` for a catalog of `n` connections. */
export function generatedStackConfig(n: number): Record<string, unknown> {
  const connections: Record<string, unknown>[] = [];
  // A stack names its cluster (the program refuses one that does not).
  const config: Record<string, unknown> = { "kubernetes:context": "bench" };
  const secret = (key: string) => {
    config[`polyaxon:${key}`] = { secure: `v1:bench-ciphertext-${key}` };
    return key;
  };
  for (let i = 0; i < n; i++) {
    const name = `conn-${i}`;
    switch (i % 6) {
      case 0:
        connections.push({
          name,
          kind: "s3",
          schema: { bucket: `s3://bucket-${i}/data` },
          secret: { name: `${name}-creds`, fromConfig: { AWS_ACCESS_KEY_ID: secret(`k${i}id`), AWS_SECRET_ACCESS_KEY: secret(`k${i}key`) } },
          configMap: { name: `${name}-cfg`, data: { AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL: `https://minio-${i}.example.com` } },
        });
        break;
      case 1:
        connections.push({
          name,
          kind: "volume_claim",
          schema: { volumeClaim: `${name}-pvc`, mountPath: `/data/${name}`, readOnly: true },
          pvc: { size: "10Gi", storageClassName: "nfs-client" },
        });
        break;
      case 2:
        connections.push({
          name,
          kind: "postgres",
          secret: { name: `${name}-creds`, items: ["PGUSER", "PGPASSWORD"], fromConfig: { PGUSER: secret(`u${i}`), PGPASSWORD: secret(`p${i}`) } },
          configMap: { name: `${name}-cfg`, data: { PGHOST: `db-${i}.example.com`, PGPORT: "5432" } },
          annotations: { team: `team-${i % 7}` },
        });
        break;
      case 3:
        connections.push({ name, kind: "slack", secret: { name: `${name}-hook`, fromConfig: { slack: secret(`h${i}`) } } });
        break;
      case 4:
        connections.push({ name, kind: "host_path", schema: { hostPath: `/mnt/${name}`, mountPath: `/scratch/${name}` } });
        break;
      default:
        connections.push({ name, kind: "git", schema: { url: `https://github.com/org/repo-${i}`, revision: "main" }, tags: ["code"] });
    }
  }
  return {
    "polyaxon:namespace": "bench",
    "polyaxon:artifactsStore": {
      name: "artifacts",
      kind: "s3",
      schema: { bucket: "s3://artifacts" },
      secret: { name: "artifacts-s3" },
    },
    "polyaxon:connections": connections,
    "polyaxon:mountConnections": connections.filter((c) => c.kind === "volume_claim").slice(0, 10).map((c) => c.name),
    ...config,
  };
}

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
