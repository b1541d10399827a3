/**
 * The typed `schema` mappings of Polyaxon connections (vents `connection_schema.py`).
 * Polyaxon itself tries these structurally and silently falls back to an untyped mapping,
 * which then fails at run time (`'dict' object has no attribute 'mount_path'`); here the
 * connection's `kind` selects exactly one of them, and unknown keys are errors.
 */
import { z } from "zod";
import { DNS_SUBDOMAIN } from "./primitives.js";

/** Optional internal `kind` key that Polyaxon accepts (and ignores) on every typed schema. */
const schemaKind = z.string().optional();

/** An absolute path inside a container or on a node. */
export const absolutePath = z.string({ error: "must be a string holding an absolute path" }).regex(/^\//, { error: "must be an absolute path (start with /)" });

/*
 * Bucket URLs: only what Polyaxon itself would refuse or could never open is refused here.
 * Polyaxon's `BucketConnection.bucket` is a plain `StrictStr` (vents-io/vents
 * `vents/connections/connection_schema.py` line 14, class BucketConnection): it checks no URL. The
 * store path is `schema.bucket` (trailing `/` stripped, `vents/connections/connection.py`
 * `store_path`), opened by the provider's fsspec filesystem, which strips only its own
 * protocols (s3fs: `s3`, `s3a`; gcsfs: `gs`, `gcs`) and reads a bare `bucket/prefix` too;
 * a URL of another scheme names no bucket it can open.
 */

/** `s3://bucket[/prefix]` (the documented form), `s3a://…`, or a bare `bucket[/prefix]`. */
export const s3BucketUrl = z
  .string({ error: "must be a string like s3://my-bucket" })
  .regex(/^(s3a?:\/\/)?[^/\s:]+(\/\S*)?$/, { error: "must be an S3 bucket like s3://my-bucket or s3://my-bucket/prefix (another scheme names no S3 bucket)" });

/** `gs://bucket[/prefix]` (the documented form), `gcs://…`, or a bare `bucket[/prefix]`. */
export const gcsBucketUrl = z
  .string({ error: "must be a string like gs://my-bucket" })
  .regex(/^((gs|gcs):\/\/)?[^/\s:]+(\/\S*)?$/, { error: "must be a GCS bucket like gs://my-bucket or gs://my-bucket/prefix (another scheme names no GCS bucket)" });

/**
 * Azure Blob, the forms polyaxon/clipped's `WasbPath` accepts (`clipped/types/wasb.py`:
 * line 10 `allowed_schemes` https, wasb, wasbs, az, abfs; lines 36–73 `get_structured_value`):
 * `wasb[s]://<container>@<account>.blob.core.windows.net[/path]`;
 * `https://<account>.blob.core.windows.net/<container>[/path]`; `az://<container>[/path]`
 * and `abfs://<container>[/path]`, whose account comes from the Secret
 * (`AZURE_ACCOUNT_NAME`). WasbPath raises "wasbs url must be of the form
 * <container>@<account>.blob.core.windows.net" for a wasb(s) URL without the account; an
 * https URL without a container parses to an empty container, which no run can use.
 */
export const wasbBucketUrl = z
  .string({ error: "must be a string like wasbs://container@account.blob.core.windows.net/" })
  .regex(/^(wasbs?:\/\/[^@/\s]+@[^./\s]+\.blob\.core\.windows\.net(\/\S*)?|https:\/\/[^./\s]+\.blob\.core\.windows\.net\/[^/\s]+(\/\S*)?|(az|abfs):\/\/[^/\s]+(\/\S*)?)$/, {
    error:
      "must be wasbs://<container>@<account>.blob.core.windows.net/[path], https://<account>.blob.core.windows.net/<container>/[path], az://<container>/[path] or abfs://<container>/[path]",
  });

/** BucketConnection for one provider: `{bucket}`. */
export function bucketSchema(bucket: z.ZodString) {
  return z.strictObject({
    /** Provider URL of the bucket (and optional prefix). */
    bucket,
    kind: schemaKind,
  });
}

/** ClaimConnection: a PersistentVolumeClaim mounted into run pods. */
export const claimSchema = z.strictObject({
  volumeClaim: z
    .string({ error: "must be the name of a PersistentVolumeClaim" })
    .max(253, { error: "must be at most 253 characters (a Kubernetes object name)" })
    .regex(DNS_SUBDOMAIN, {
      error: "must be a PersistentVolumeClaim name: lower-case letters, digits, '-' and '.' (each part between dots starts and ends alphanumeric)",
    })
    .meta({ description: "Name of the PVC in the run's namespace (claimName)." }),
  mountPath: absolutePath.meta({ description: "Where runs see the claim; for the artifacts store, the store path." }),
  readOnly: z.boolean().optional().meta({ description: "Mount read-only; unset mounts read-write." }),
  kind: schemaKind,
});

/** HostPathConnection: a node directory mounted into run pods. */
export const hostPathSchema = z.strictObject({
  hostPath: absolutePath.meta({ description: "Directory on the node." }),
  mountPath: absolutePath.meta({ description: "Where runs see the directory." }),
  readOnly: z.boolean().optional().meta({ description: "Mount read-only; unset mounts read-write." }),
  kind: schemaKind,
});

/** HostConnection: a container registry (`url`) for builds. */
export const registrySchema = z.strictObject({
  url: z
    .string({ error: "must be the registry URL, e.g. registry.example.com/org" })
    .min(1)
    .meta({ description: "Registry host and optional path, e.g. `registry.example.com/org`." }),
  insecure: z.boolean().optional().meta({ description: "Allow plain HTTP / self-signed TLS." }),
  kind: schemaKind,
});

/** GitConnection: a repository cloned by git inits. All keys optional (runs may override). */
export const gitSchema = z.strictObject({
  url: z.string().min(1).optional().meta({ description: "Repository URL, e.g. `https://github.com/org/repo`." }),
  revision: z.string().optional().meta({ description: "Branch, tag or commit." }),
  flags: z.array(z.string()).optional().meta({ description: 'Extra `git clone` flags, e.g. `["--depth 1"]`.' }),
  kind: schemaKind,
});

/** Free mapping for kinds without a typed schema (vents readers also look keys up here). */
export const freeSchema = z.record(z.string(), z.unknown(), {
  error: "must be a mapping of keys to values",
});
