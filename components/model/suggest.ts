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

/**
 * Edit distance with adjacent transpositions (optimal string alignment), for typos such as
 * `volume_clam` or `gti`: a swap of two letters is one edit, so `gti` is nearer `git` than `gcs`.
 */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
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
  stringData: "a Secret's values never go into the stack's plain config: use secret.fromConfig with `pulumi config set --secret`",
};

/** Fix for an unknown key. */
export function unknownKeyFix(key: string, where: readonly PropertyKey[]): string {
  const inSecret = where.includes("secret");
  if ((key === "data" || key === "stringData") && !inSecret) return "remove it";
  return KEY_HINTS[key] ?? "remove it, or check its spelling against Polyaxon's connection spec";
}
