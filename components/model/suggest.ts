/**
 * "Did you mean" suggestions for kinds and keys.
 */
import { CONNECTION_KINDS } from "./kinds.js";

/** Names people reach for that are not Polyaxon kinds. */
const KIND_ALIASES: Record<string, string> = {
  nfs: "volume_claim (an NFS-backed PVC) or host_path (an NFS mount on every node)",
  pvc: "volume_claim",
  hostpath: "host_path",
  minio: "s3 (set AWS_ENDPOINT_URL in its secret)",
  gs: "gcs",
  azure_blob: "wasb",
  blob: "wasb",
  github: "git",
  gitlab: "git",
  docker: "registry",
  ecr: "registry",
  postgresql: "postgres",
  mongodb: "mongo",
};

/** Edit distance, for typos such as `volume_clam`. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest of `candidates` to `value`, if it is close enough to be a typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 4)) + 1;
  for (const c of candidates) {
    const d = distance(value.toLowerCase(), c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Suggestion for an unknown kind, or undefined. */
export function suggestKind(value: unknown, allowed: readonly string[] = CONNECTION_KINDS): string | undefined {
  if (typeof value !== "string") return undefined;
  const normal = value.trim().toLowerCase().replace(/[-\s]/g, "_");
  if (allowed.includes(normal)) return normal;
  return KIND_ALIASES[normal] ?? closest(normal, allowed);
}

/** Hints for keys that are not Polyaxon fields but look like one. */
const KEY_HINTS: Record<string, string> = {
  subPath:
    "remove it: subPath is not a Polyaxon field (the chart mounts it, but Polyaxon then treats the schema as untyped and runs fail); point mountPath or the claim at the sub-directory instead",
  config_map: "rename it to configMap (camelCase, as the chart reads it)",
  mount_path: "rename it to mountPath (camelCase, as the chart reads it)",
  host_path: "rename it to hostPath (camelCase, as the chart reads it)",
  volume_claim: "rename it to volumeClaim (camelCase, as the chart reads it)",
  is_alias: "rename it to isAlias",
  default_mode: "rename it to defaultMode",
  read_only: "rename it to readOnly",
  is_requested: "rename it to isRequested",
  schema_: "rename it to schema",
  data: "a Secret's values never go into the stack's plain config: use secret.fromConfig with `pulumi config set --secret`",
  stringData:
    "a Secret's values never go into the stack's plain config: use secret.fromConfig with `pulumi config set --secret`",
};

/** Fix for an unknown key. */
export function unknownKeyFix(key: string, where: readonly PropertyKey[]): string {
  const inSecret = where.includes("secret");
  if ((key === "data" || key === "stringData") && !inSecret) return "remove it";
  return KEY_HINTS[key] ?? "remove it, or check its spelling against Polyaxon's connection spec";
}
