/**
 * fast-check generators of valid stack configs: unique DNS-label names, each kind family
 * with its schema, provisioned and referenced Secrets/ConfigMaps/PVCs, distinct mount paths.
 */
import fc from "fast-check";
import { BUCKET_KINDS, GENERIC_KINDS, NOTIFIER_KINDS } from "../../components/internal.js";

export interface GeneratedStack {
  /** `polyaxon:*` catalog keys (without the namespace). */
  config: Record<string, unknown>;
  /** Full keys of the secret config values the catalog references. */
  secretKeys: string[];
}

// Built from word lists: fast-check's regex-based strings are ~100x slower to generate.
const WORDS = ["data", "team", "raw", "models", "logs", "db", "cache", "repo", "hooks", "x"];
const labelName = fc.tuple(fc.constantFrom(...WORDS), fc.nat(999)).map(([w, n]) => `${w}-${n}`);
const word = fc.constantFrom(...WORDS);
const envName = fc.constantFrom("REGION", "HOST", "USER_NAME", "A1", "_PRIVATE");

const bucketOf: Record<string, (n: string) => string> = {
  s3: (n) => `s3://${n}/data`,
  gcs: (n) => `gs://${n}`,
  wasb: (n) => `wasbs://${n}@acct.blob.core.windows.net/`,
};

/** One connection entry named `name`, plus the secret config keys it references. */
function entryFor(name: string): fc.Arbitrary<{ entry: Record<string, unknown>; secretKeys: string[] }> {
  const extras = fc.record(
    {
      description: fc.string({ maxLength: 20 }),
      tags: fc.array(word, { maxLength: 3 }),
      annotations: fc.dictionary(word, fc.string({ maxLength: 8 }), { maxKeys: 2 }),
      env: fc.dictionary(envName, fc.string({ maxLength: 8 }), { maxKeys: 2 }),
    },
    { requiredKeys: [] },
  );
  const provisioned = fc.boolean();
  const family = fc.constantFrom("host_path", "volume_claim", "bucket", "git", "ssh", "registry", "notifier", "generic");
  return fc
    .tuple(family, extras, provisioned, fc.constantFrom(...BUCKET_KINDS), fc.constantFrom(...NOTIFIER_KINDS), fc.constantFrom(...GENERIC_KINDS))
    .map(([fam, extra, create, bucketKind, notifierKind, genericKind]) => {
      const secretKeys: string[] = [];
      const key = (k: string) => {
        const full = `polyaxon:${name.replace(/-/g, "")}${k}`;
        secretKeys.push(full);
        return full;
      };
      const base = { name, ...extra };
      let entry: Record<string, unknown>;
      switch (fam) {
        case "host_path":
          entry = { ...base, kind: "host_path", schema: { hostPath: `/mnt/${name}`, mountPath: `/m/${name}` } };
          break;
        case "volume_claim":
          entry = {
            ...base,
            kind: "volume_claim",
            schema: { volumeClaim: `${name}-pvc`, mountPath: `/m/${name}`, readOnly: create },
            ...(create ? { pvc: { size: "5Gi" } } : {}),
          };
          break;
        case "bucket":
          entry = {
            ...base,
            kind: bucketKind,
            schema: { bucket: bucketOf[bucketKind]!(name) },
            secret:
              create && bucketKind === "s3"
                ? { name: `${name}-creds`, fromConfig: { AWS_ACCESS_KEY_ID: key("Id"), AWS_SECRET_ACCESS_KEY: key("Key") } }
                : { name: `${name}-creds` },
          };
          break;
        case "git":
          entry = { ...base, kind: "git", schema: { url: `https://github.com/org/${name}` } };
          break;
        case "ssh":
          entry = { ...base, kind: "ssh", secret: { name: `${name}-key`, mountPath: `/s/${name}`, defaultMode: "0600" } };
          break;
        case "registry":
          entry = { ...base, kind: "registry", schema: { url: `${name}.example.com` }, secret: { name: `${name}-docker`, mountPath: `/s/${name}` } };
          break;
        case "notifier":
          entry = {
            ...base,
            kind: notifierKind,
            secret: create ? { name: `${name}-hook`, fromConfig: { [notifierKind]: key("Hook") } } : { name: `${name}-hook` },
          };
          break;
        default:
          entry = {
            ...base,
            kind: genericKind,
            secret: create ? { name: `${name}-creds`, fromConfig: { PASSWORD: key("Pwd") } } : { name: `${name}-creds` },
            configMap: { name: `${name}-cfg`, ...(create ? { data: { HOST: `${name}.example.com` } } : {}) },
          };
      }
      return { entry, secretKeys };
    });
}

const storeArb = fc.constantFrom(
  { name: "artifacts", kind: "s3", schema: { bucket: "s3://artifacts" }, secret: { name: "artifacts-s3" } },
  { name: "artifacts", kind: "gcs", schema: { bucket: "gs://artifacts" }, secret: { name: "artifacts-gcs", mountPath: "/plx-context/.gc" } },
  { name: "artifacts", kind: "wasb", schema: { bucket: "https://acct.blob.core.windows.net/artifacts" } },
  { name: "artifacts", kind: "volume_claim", schema: { volumeClaim: "artifacts", mountPath: "/plx" }, pvc: { size: "100Gi" } },
  { name: "artifacts", kind: "host_path", schema: { hostPath: "/data/plx", mountPath: "/plx" } },
  undefined,
);

function withoutEnv(entry: Record<string, unknown>): Record<string, unknown> {
  const { env: _env, ...rest } = entry;
  return rest;
}

/** A valid stack config: a store (or none), 0–10 connections, some of them mounted. */
export const validStack: fc.Arbitrary<GeneratedStack> = fc
  .uniqueArray(labelName, { maxLength: 10 })
  .chain((names) =>
    fc.tuple(
      storeArb,
      names.length ? fc.tuple(...names.map(entryFor)) : fc.constant([] as { entry: Record<string, unknown>; secretKeys: string[] }[]),
      fc.subarray(names),
      fc.constantFrom("polyaxon", "ml-team"),
    ),
  )
  .map(([store, entries, mounted, namespace]) => ({
    config: {
      namespace,
      ...(store ? { artifactsStore: store } : {}),
      // The chart pastes a mounted connection's env into its gateway container: refused there.
      connections: entries.map((e) => (mounted.includes(e.entry.name as string) ? withoutEnv(e.entry) : e.entry)),
      mountConnections: mounted,
    },
    secretKeys: entries.flatMap((e) => e.secretKeys),
  }));

/** Every path (list of keys/indices) inside a JSON value. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

/** A copy of `root` with the value at `path` replaced (or deleted when `value` is undefined). */
export function mutateAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const seg of path.slice(0, -1)) at = at[seg] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = value;
  return copy;
}
